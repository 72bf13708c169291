"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { Button } from "./button";

const WIDTHS = {
  form: "w-[calc(100vw-1rem)] max-w-xl",
  question: "w-[min(28rem,calc(100vw-2rem))]",
} as const;

type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  /** The label of the × in the title bar; without it the dialog's own buttons close it. */
  closeLabel?: string;
  width?: keyof typeof WIDTHS;
  children: ReactNode;
};

/**
 * The one modal, on the native <dialog>: the browser traps focus inside it, Escape closes it and
 * focus returns to the control that opened it; the title names it. The content mounts only while
 * open, so forms start fresh each time.
 */
export function Dialog({ open, onClose, title, closeLabel, width = "form", children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      className={`m-auto ${WIDTHS[width]} rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40`}
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {closeLabel && (
          <button
            type="button"
            onClick={onClose}
            aria-label={closeLabel}
            className="rounded-md px-2 py-1 text-xl leading-none text-slate-700 hover:bg-slate-100"
          >
            ×
          </button>
        )}
      </div>
      <div className="max-h-[80vh] overflow-y-auto p-4">{open && children}</div>
    </dialog>
  );
}

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/** A question in the Dialog with "no" and a red "yes". */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  pending,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} width="question">
      <div className="space-y-4">
        {children}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {cancelLabel}
          </Button>
          <Button variant="danger" pending={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
