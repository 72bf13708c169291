import type { Metadata } from "next";
import { getPageCaller } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Booking desk" };

export default async function AdminPage() {
  const caller = await getPageCaller();
  return (
    <section className="space-y-2">
      <h1 className="text-2xl font-semibold">Booking desk</h1>
      <p className="text-slate-600">Signed in as {caller?.name}. The day board arrives with the booking work.</p>
    </section>
  );
}
