import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppointmentDetails } from "@/components/booking/appointment-details";
import { requirePageRole } from "@/lib/auth/page";
import { uuidSchema } from "@/lib/validation/common";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.appointment"))("title") };
}

/** The confirmation page after booking, and the page of any one appointment of the client. */
export default async function AppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!uuidSchema.safeParse(id).success) notFound();
  await requirePageRole("client", `/appointments/${id}`);
  return (
    <section className="mx-auto max-w-xl">
      <AppointmentDetails id={id} />
    </section>
  );
}
