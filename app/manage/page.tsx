import type { Metadata } from "next";
import { catalogOverview } from "@/db/queries/overview";

export const metadata: Metadata = { title: "Manage" };

export default async function ManagePage() {
  const counts = await catalogOverview();
  const cards = [
    ["Locations", counts.locations],
    ["Active workers", counts.workers],
    ["Active services", counts.services],
    ["Staff accounts", counts.staff],
    ["Upcoming appointments", counts.upcoming],
  ] as const;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Manage</h1>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {cards.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
