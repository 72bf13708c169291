import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BookingContacts } from "@/components/booking/booking-contacts";
import { ClientAppointmentDetails } from "@/components/booking/client-appointment-details";
import { PolicyNote } from "@/components/booking/policy-note";
import { requirePageRole } from "@/lib/auth/page";
import { visibleAppointment } from "@/lib/booking/read";
import { offeredPolicy } from "@/lib/business/policy";
import { getBusiness } from "@/lib/business/profile";
import { findLocation } from "@/lib/catalog/locations";
import { toAppointmentJson } from "@/lib/contract";
import { AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validation/common";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.appointment"))("title") };
}

/** The appointment as the caller may see it, or null when it is missing or someone else's (both 404). */
async function readAppointment(...args: Parameters<typeof visibleAppointment>) {
  try {
    return await visibleAppointment(...args);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  }
}

/**
 * The confirmation page after booking, and the page of any one appointment of the client. Read on
 * the server, so a booking confirmed without script lands on a page that shows it.
 */
export default async function AppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!uuidSchema.safeParse(id).success) notFound();
  const caller = await requirePageRole("client", `/appointments/${id}`);
  const [row, policy, business] = await Promise.all([readAppointment(caller, id), offeredPolicy(), getBusiness()]);
  if (!row) notFound();
  const location = await findLocation(row.appointment.locationId);
  const now = new Date();
  const ahead = row.appointment.status === "booked" && row.appointment.startAt.getTime() > now.getTime();
  const json = toAppointmentJson(row);
  // createdAt is never null for a stored row; the mapper's type also covers one not yet inserted.
  const initial = { ...json, createdAt: json.createdAt ?? row.appointment.createdAt.toISOString() };
  return (
    <section className="mx-auto max-w-xl space-y-4">
      <ClientAppointmentDetails id={id} initial={initial} timeZone={row.timezone} />
      {ahead && <PolicyNote policy={policy} appointment={{ start: json.start, timeZone: row.timezone, now }} />}
      <BookingContacts location={{ name: row.location.name, address: location?.address ?? null }} business={business} />
    </section>
  );
}
