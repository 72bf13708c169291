"use client";

import { useTranslations } from "next-intl";
import { ApiError } from "@/components/lib/api-client";

/** A refused request in the UI's language: the error code's text, else the API's own message. */
export function useApiErrorText() {
  const t = useTranslations("common.apiErrors");
  return (err: unknown): string => {
    const code = err instanceof ApiError ? err.code : "unknown";
    if (t.has(code)) return t(code);
    return err instanceof ApiError && err.message ? err.message : t("unknown");
  };
}
