import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GuestManage } from "@/components/booking/guest-manage";
import { uuidSchema } from "@/lib/validation/common";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("guest"))("manageTitle"), robots: { index: false } };
}

/**
 * A guest's booking, opened by the manage link of the confirmation mail (no account). The token is
 * in the URL fragment, read by the page in the browser: the server never sees it.
 */
export default async function ManageAppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!uuidSchema.safeParse(id).success) notFound();
  return (
    <section className="mx-auto max-w-xl space-y-4">
      <GuestManage id={id} />
    </section>
  );
}
