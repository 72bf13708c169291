import Link from "next/link";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const { denied } = await searchParams;
  return (
    <section className="space-y-4">
      {denied && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          Your account may not open that page.
        </p>
      )}
      <h1 className="text-2xl font-semibold">Book time with a specialist or a room</h1>
      <p className="text-slate-600">
        Clinics, barbers, salons and meeting rooms in one place. Programs can use the{" "}
        <Link className="text-brand-dark underline" href="/api/v1/health">
          JSON API
        </Link>
        .
      </p>
    </section>
  );
}
