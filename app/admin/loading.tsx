import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/states";

export default async function AdminLoading() {
  const t = await getTranslations("common.states");
  return <Skeleton label={t("loading")} rows={4} />;
}
