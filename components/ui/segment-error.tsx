"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { ErrorState } from "./states";

/** The body of a segment's error.tsx: a short message and a retry, never a stack or a raw error. */
export function SegmentError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common.errorPage");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ErrorState message={t("message")} retryLabel={t("retry")} onRetry={retry} />
    </section>
  );
}
