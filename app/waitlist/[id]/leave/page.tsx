import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GuestLeaveWaitlist } from "@/components/waitlist/guest-leave";
import { uuidSchema } from "@/lib/validation/common";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("waitlist.leave"))("title"), robots: { index: false } };
}

/**
 * A guest's waitlist entry, left through the leave link of their waitlist mails (no account). As on
 * the manage page (app/appointments/[id]/manage), the token is in the URL fragment, read by the page
 * in the browser: the server never sees it, and nothing is removed until the guest confirms.
 */
export default async function LeaveWaitlistPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!uuidSchema.safeParse(id).success) notFound();
  return (
    <section className="mx-auto max-w-xl space-y-4">
      <GuestLeaveWaitlist id={id} />
    </section>
  );
}
