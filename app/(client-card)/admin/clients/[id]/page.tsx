import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ClientAccountLink } from "@/components/admin/client-account-link";
import { ClientAppointments } from "@/components/admin/client-appointments";
import { ClientEditor } from "@/components/admin/client-editor";
import { Skeleton } from "@/components/ui/states";
import { toClientJson } from "@/lib/contract";
import { accountOfClient, findClient } from "@/lib/people/clients";

type Props = { params: Promise<{ id: string }> };

async function loadClient(id: string) {
  const row = await findClient(id);
  if (!row) notFound();
  return toClientJson(row);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadClient((await params).id)).name };
}

/** The account this record is linked to, or the registered one with its email that the desk may link. */
async function AccountSection({ client }: { client: { id: string; email: string | null; userId: string | null } }) {
  const t = await getTranslations("admin.clients.account");
  const { linked, candidate } = await accountOfClient(client);
  return (
    <section aria-labelledby="client-account" className="space-y-3">
      <h2 id="client-account" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {linked ? (
        <p className="text-sm">{t("linked", { name: linked.name, email: linked.email })}</p>
      ) : candidate ? (
        <ClientAccountLink
          clientId={client.id}
          account={{ id: candidate.id, name: candidate.name, email: candidate.email }}
        />
      ) : (
        <p className="text-sm text-slate-600">{t("none")}</p>
      )}
    </section>
  );
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
      <AccountSection client={client} />
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
