"use client";

import { useTranslations } from "next-intl";
import { ErrorState } from "@/components/ui/states";

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("admin");
  const common = useTranslations("common.actions");
  return <ErrorState message={t("pageFailed")} retryLabel={common("retry")} onRetry={reset} />;
}
