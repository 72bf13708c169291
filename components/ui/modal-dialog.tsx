"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";

type Props = { open: boolean; onClose: () => void; title: string; closeLabel: string; children: ReactNode };

/**
 * A modal on the native <dialog>: the browser traps focus, Escape closes it and focus returns to
 * the control that opened it. The content mounts only while open, so forms start fresh each time.
 */
export function ModalDialog({ open, onClose, title, closeLabel, children }: Props) {
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
      className="m-auto w-[calc(100vw-1rem)] max-w-xl rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label={closeLabel}
          className="rounded-md px-2 py-1 text-xl leading-none text-slate-700 hover:bg-slate-100"
        >
          ×
        </button>
      </div>
      <div className="max-h-[80vh] overflow-y-auto p-4">{open && children}</div>
    </dialog>
  );
}
