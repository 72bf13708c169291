"use client";

import { useTranslations } from "next-intl";
import { type ChangeEvent, useId, useState } from "react";
import { ApiError } from "@/components/lib/api-client";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { inputClass } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/names";

type Props = {
  /** The form field the address is sent in (imageUrl, avatarUrl, logoUrl). */
  name: string;
  defaultValue?: string | null;
  // Given by <Field> to the one control it labels: here, the address input.
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

const ACCEPT = "image/jpeg,image/png,image/webp";

/** POST /api/v1/uploads with the file; resolves to the stored image's address or throws ApiError. */
async function uploadFile(file: File): Promise<string> {
  const body = new FormData();
  body.append("file", file);
  let res: Response;
  try {
    res = await fetch("/api/v1/uploads", {
      method: "POST",
      body,
      headers: { accept: "application/json" },
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network_error", "The server could not be reached. Check the connection.");
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const error = data?.error ?? {};
    throw new ApiError(res.status, error.code ?? "unknown", error.message ?? res.statusText, error.details ?? {});
  }
  return data.url as string;
}

/**
 * An image's address for a form: typed (an http(s) URL) or filled in by uploading a file, which the
 * server checks, re-encodes and stores (POST /uploads); a preview shows what the address points at.
 */
export function ImageField({
  name,
  defaultValue,
  id,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
}: Props) {
  const t = useTranslations("manage.imageField");
  const errorText = useApiErrorText();
  const [value, setValue] = useState(defaultValue ?? "");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setProblem(t("errors.tooLarge"));
      return;
    }
    setPending(true);
    try {
      setValue(await uploadFile(file));
    } catch (err) {
      const code = err instanceof ApiError ? err.code : "";
      if (code === "payload_too_large") setProblem(t("errors.tooLarge"));
      else if (code === "unsupported_media_type") setProblem(t("errors.unsupported"));
      else if (code === "validation_failed") setProblem(t("errors.unreadable"));
      else setProblem(errorText(err));
    } finally {
      setPending(false);
    }
  }

  const preview = value.trim();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        {preview && (
          // biome-ignore lint/performance/noImgElement: the address may be on any host a manager names; next/image needs each host configured
          <img
            src={preview}
            alt={t("preview")}
            width={64}
            height={64}
            className="size-16 shrink-0 rounded-md border border-slate-200 object-cover"
          />
        )}
        <label
          className={`inline-flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50 focus-within:ring-2 focus-within:ring-brand ${pending ? "pointer-events-none opacity-60" : ""}`}
        >
          {pending && <Spinner />}
          {pending ? t("uploading") : t("upload")}
          <input
            type="file"
            accept={ACCEPT}
            className="sr-only"
            disabled={pending}
            onChange={onFile}
            aria-describedby={problem ? problemId : undefined}
          />
        </label>
        <span className="text-sm text-slate-600">{t("or")}</span>
      </div>
      <input
        id={id}
        name={name}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        type="text"
        inputMode="url"
        autoComplete="off"
        placeholder="https://…"
        aria-describedby={describedBy}
        aria-invalid={invalid}
        className={inputClass}
      />
      {problem && (
        <p id={problemId} role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
