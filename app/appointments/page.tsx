import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyAppointments } from "@/components/booking/my-appointments";
import { requirePageRole } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.appointments"))("title") };
}

export default async function MyAppointmentsPage() {
  await requirePageRole("client", "/appointments");
  const t = await getTranslations("public.appointments");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <MyAppointments />
    </section>
  );
}
