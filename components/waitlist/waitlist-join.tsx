"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import type { WaitlistEntryJson } from "@/lib/contract";

/**
 * "Join the waitlist" under a day with no free time: a signed-in client joins for this worker,
 * service and day (POST /waitlist); anyone else is offered the sign-in that comes back here.
 */
export function WaitlistJoin({
  workerId,
  serviceId,
  date,
  signedIn,
  loginHref,
}: {
  workerId: string;
  serviceId: string;
  date: string;
  signedIn: boolean;
  loginHref: string;
}) {
  const t = useTranslations("waitlist.join");
  const queryClient = useQueryClient();
  const join = useMutation({
    mutationFn: () => apiFetch<WaitlistEntryJson>("/waitlist", { method: "POST", body: { workerId, serviceId, date } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.waitlist.all }),
  });
  const already = join.error instanceof ApiError && join.error.code === "already_exists";
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-4">
      <h3 className="font-medium">{t("title")}</h3>
      <p className="text-sm text-slate-700">{t("lead")}</p>
      {!signedIn ? (
        <Link href={loginHref} className="font-medium text-brand-dark underline">
          {t("signIn")}
        </Link>
      ) : join.isSuccess || already ? (
        <p role="status" className="text-sm font-medium text-green-800">
          {join.isSuccess ? t("joined") : t("already")}{" "}
          <Link href="/appointments" className="text-brand-dark underline">
            {t("myList")}
          </Link>
        </p>
      ) : (
        <>
          <Button onClick={() => join.mutate()} pending={join.isPending}>
            {t("button")}
          </Button>
          {join.isError && (
            <p role="alert" className="text-sm text-red-700">
              {t("failed")}
            </p>
          )}
        </>
      )}
    </div>
  );
}
