import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ClientAppointments } from "@/components/admin/client-appointments";
import { ClientEditor } from "@/components/admin/client-editor";
import { Skeleton } from "@/components/ui/states";
import { getDb } from "@/db/client";
import { findClientById, toClientJson } from "@/db/queries/clients";
import { isUuid } from "@/db/queries/refs";

type Props = { params: Promise<{ id: string }> };

async function loadClient(id: string) {
  const row = isUuid(id) ? await findClientById(await getDb(), id) : undefined;
  if (!row) notFound();
  return toClientJson(row);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadClient((await params).id)).name };
}

async function ClientSections({ id }: { id: string }) {
  const [client, t] = await Promise.all([loadClient(id), getTranslations("admin.clients")]);
  return (
    <>
      <h1 className="text-2xl font-semibold break-words">{client.name}</h1>
      <section aria-labelledby="client-details" className="space-y-3">
        <h2 id="client-details" className="text-xl font-semibold">
          {t("details")}
        </h2>
        <ClientEditor client={client} />
      </section>
      <section aria-labelledby="client-appointments" className="space-y-3">
        <h2 id="client-appointments" className="text-xl font-semibold">
          {t("appointments")}
        </h2>
        <ClientAppointments clientId={client.id} />
      </section>
    </>
  );
}

export default async function AdminClientPage({ params }: Props) {
  const [{ id }, t, common] = await Promise.all([params, getTranslations("admin.clients"), getTranslations("common")]);
  return (
    <div className="space-y-6">
      <Link href="/admin/clients" className="text-sm text-brand-dark underline">
        {t("back")}
      </Link>
      <Suspense fallback={<Skeleton label={common("loading")} rows={4} />}>
        <ClientSections id={id} />
      </Suspense>
    </div>
  );
}
