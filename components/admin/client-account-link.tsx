"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/lib/api-client";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";

type Account = { id: string; name: string; email: string };

/**
 * The desk's explicit link of this client record to the registered account with its email:
 * registering never links them by itself, as emails are not verified (POST /clients/{id}/link-user).
 */
export function ClientAccountLink({ clientId, account }: { clientId: string; account: Account }) {
  const t = useTranslations("admin.clients.account");
  const errorText = useApiErrorText();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError("");
    try {
      await apiFetch(`/clients/${clientId}/link-user`, { method: "POST", body: { userId: account.id } });
      router.refresh();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-2">
      <p className="text-sm">{t("candidate", { name: account.name, email: account.email })}</p>
      <p className="text-sm text-slate-600">{t("explain")}</p>
      <Button type="submit" variant="secondary" pending={pending}>
        {t("link")}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
