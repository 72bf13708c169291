import { getTranslations } from "next-intl/server";
import { Skeleton } from "./states";

/** What a segment's loading.tsx shows while its page renders on the server. */
export async function PageSkeleton({ rows = 4 }: { rows?: number }) {
  const t = await getTranslations("common");
  return (
    <div className="space-y-4">
      <div aria-hidden="true" className="h-8 w-56 animate-pulse rounded bg-slate-200" />
      <Skeleton rows={rows} label={t("loading")} />
    </div>
  );
}
