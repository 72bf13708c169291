"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { takeFragmentToken } from "@/components/lib/fragment-token";
import { Button } from "@/components/ui/button";

type State =
  | { kind: "loading" }
  | { kind: "no_token" }
  | { kind: "ready"; token: string }
  | { kind: "pending"; token: string }
  | { kind: "left" }
  | { kind: "invalid" }
  | { kind: "error"; token: string };

/**
 * The leave link's page (`/waitlist/{id}/leave#token=…`): the token is read from the URL fragment
 * (which no request carries), dropped from the address bar, and sent to the API in the X-Manage-Token
 * header only, once the guest presses the button (a mail scanner opening the link removes nothing).
 */
export function GuestLeaveWaitlist({ id }: { id: string }) {
  const t = useTranslations("waitlist.leave");
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    const token = takeFragmentToken();
    if (!token) {
      setState({ kind: "no_token" });
      return;
    }
    setState({ kind: "ready", token });
  }, []);

  async function leave(token: string) {
    setState({ kind: "pending", token });
    try {
      await apiFetch(`/waitlist/${id}`, { method: "DELETE", headers: { "x-manage-token": token } });
      setState({ kind: "left" });
    } catch (err) {
      setState(
        err instanceof ApiError && err.status >= 400 && err.status < 500
          ? { kind: "invalid" }
          : { kind: "error", token },
      );
    }
  }

  if (state.kind === "loading") return <p aria-live="polite">{t("loading")}</p>;
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {state.kind === "no_token" || state.kind === "invalid" ? (
        <p role="alert">{state.kind === "no_token" ? t("noToken") : t("invalid")}</p>
      ) : state.kind === "left" ? (
        <p role="status" className="font-medium text-green-800">
          {t("left")}
        </p>
      ) : (
        <>
          <p>{t("lead")}</p>
          <Button onClick={() => leave(state.token)} pending={state.kind === "pending"}>
            {t("button")}
          </Button>
          {state.kind === "error" && (
            <p role="alert" className="text-sm text-red-700">
              {t("failed")}
            </p>
          )}
        </>
      )}
      <Link href="/" className="inline-block underline">
        {t("home")}
      </Link>
    </div>
  );
}
