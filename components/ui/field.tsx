import { cloneElement, type ReactElement, useId } from "react";

type Props = {
  label: string;
  error?: string;
  hint?: string;
  /** One input, select or textarea; it gets the id and the aria attributes. */
  children: ReactElement<Record<string, unknown>>;
  className?: string;
  /** Ids of more text about this field shown elsewhere (e.g. a list of conflicts below a form). */
  describedBy?: string;
};

/** min-h: Chromium draws a <select> shorter than a text or date input; this lines them up in a row of filters. */
export const inputClass =
  "min-h-[2.625rem] w-full max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600";

/** A labelled control with its hint and error next to it, tied together by aria-describedby. */
export function Field({ label, error, hint, children, className = "", describedBy: more }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId, more].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {cloneElement(children, { id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
