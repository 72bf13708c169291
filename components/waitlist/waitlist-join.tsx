"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { Button } from "@/components/ui/button";
import type { WaitlistEntryJson } from "@/lib/contract";
import { GuestWaitlistForm, type GuestWaitlistState } from "./guest-waitlist-form";

/**
 * "Join the waitlist" under a day with no free time: a signed-in client joins for this worker,
 * service and day (POST /waitlist); anyone else joins as a guest with name and email (a server
 * action, ./guest-waitlist-form.tsx), or signs in and comes back here. A plain request and local
 * state (no react-query): the worker page is held to the public JS budget.
 */
export function WaitlistJoin({
  workerId,
  serviceId,
  date,
  signedIn,
  loginHref,
  guestAction,
}: {
  workerId: string;
  serviceId: string;
  date: string;
  signedIn: boolean;
  loginHref: string;
  guestAction: (state: GuestWaitlistState, form: FormData) => Promise<GuestWaitlistState>;
}) {
  const t = useTranslations("waitlist.join");
  const [state, setState] = useState<"idle" | "pending" | "joined" | "already" | "failed">("idle");
  async function join() {
    setState("pending");
    try {
      await apiFetch<WaitlistEntryJson>("/waitlist", { method: "POST", body: { workerId, serviceId, date } });
      setState("joined");
    } catch (err) {
      setState(err instanceof ApiError && err.code === "already_exists" ? "already" : "failed");
    }
  }
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-4">
      <h3 className="font-medium">{t("title")}</h3>
      <p className="text-sm text-slate-700">{t("lead")}</p>
      {!signedIn ? (
        <>
          <GuestWaitlistForm workerId={workerId} serviceId={serviceId} date={date} action={guestAction} />
          <p className="text-sm text-slate-700">
            {t("haveAccount")}{" "}
            <Link href={loginHref} className="font-medium text-brand-dark underline">
              {t("signIn")}
            </Link>
          </p>
        </>
      ) : state === "joined" || state === "already" ? (
        <p role="status" className="text-sm font-medium text-green-800">
          {t(state)}{" "}
          <Link href="/appointments" className="text-brand-dark underline">
            {t("myList")}
          </Link>
        </p>
      ) : (
        <>
          <Button onClick={join} pending={state === "pending"}>
            {t("button")}
          </Button>
          {state === "failed" && (
            <p role="alert" className="text-sm text-red-700">
              {t("failed")}
            </p>
          )}
        </>
      )}
    </div>
  );
}
