import { getTranslations } from "next-intl/server";
import { needsVerification } from "@/lib/accounts/verify-email";
import { getPageCaller } from "@/lib/auth/page";
import { ResendVerification } from "./resend-verification";

/** Asks a signed-in client whose email address is not verified yet to verify it, with a resend button. */
export async function VerifyEmailBanner() {
  const caller = await getPageCaller();
  if (caller?.role !== "client" || !(await needsVerification(caller.id))) return null;
  const t = await getTranslations("common.account.banner");
  return (
    <div
      data-testid="verify-email-banner"
      className="mb-4 flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between"
    >
      <p>{t("text")}</p>
      <ResendVerification />
    </div>
  );
}
