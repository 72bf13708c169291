"use client";

import { useTranslations } from "next-intl";
import { ErrorState } from "@/components/ui/states";

export default function ManageError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("manage");
  const common = useTranslations("common.actions");
  return <ErrorState message={t("pageFailed")} retryLabel={common("retry")} onRetry={reset} />;
}
