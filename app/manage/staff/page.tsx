import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffUsers } from "@/components/manage/staff-users";
import { WorkerLinks } from "@/components/manage/worker-links";
import { requirePageRole } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage.staff"))("title") };
}

export default async function ManageStaffUsersPage() {
  const [t, caller] = await Promise.all([getTranslations("manage.staff"), requirePageRole("manager", "/manage/staff")]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <StaffUsers selfId={caller.id} />
      <WorkerLinks />
    </section>
  );
}
