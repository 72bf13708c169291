"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** The submit row of every manager's form: disabled with a spinner while saving. */
export function FormActions({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const t = useTranslations("common.actions");
  return (
    <div className="flex flex-wrap gap-2 pt-2">
      <Button type="submit" pending={pending}>
        {t("save")}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        {t("cancel")}
      </Button>
    </div>
  );
}

export function FormGrid({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">{children}</div>;
}

/** Text of a form field, trimmed; "" stays "" so PATCH can clear optional text. */
export const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
