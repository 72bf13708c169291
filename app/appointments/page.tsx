import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyAppointments } from "@/components/booking/my-appointments";
import { PolicyNote } from "@/components/booking/policy-note";
import { MyWaitlist } from "@/components/waitlist/my-waitlist";
import { requirePageRole } from "@/lib/auth/page";
import { offeredPolicy } from "@/lib/business/policy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.appointments"))("title") };
}

export default async function MyAppointmentsPage() {
  await requirePageRole("client", "/appointments");
  const [t, policy] = await Promise.all([getTranslations("public.appointments"), offeredPolicy()]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <PolicyNote policy={policy} />
      <MyAppointments />
      <MyWaitlist />
    </section>
  );
}
