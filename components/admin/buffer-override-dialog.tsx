"use client";

import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/dialog";

/**
 * The desk's question after the server refused a booking or move only for a service's buffers
 * (preparation or cleaning time held around an appointment): book into them anyway (audited), or not.
 */
export function BufferOverrideDialog({
  open,
  onConfirm,
  onClose,
}: {
  open: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useTranslations("admin.buffers");
  return (
    <ConfirmDialog
      open={open}
      title={t("title")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p className="text-sm text-slate-700">{t("body")}</p>
    </ConfirmDialog>
  );
}
