import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache, Suspense } from "react";
import { ClientAccountLink } from "@/components/admin/client-account-link";
import { ClientAppointments } from "@/components/admin/client-appointments";
import { ClientEditor } from "@/components/admin/client-editor";
import { ClientMerge } from "@/components/admin/client-merge";
import { ClientMessages } from "@/components/admin/client-messages";
import { formatPrice } from "@/components/lib/format";
import { Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import { type Client, toClientJson } from "@/lib/contract";
import { clientCardFigures, clientCardMessages } from "@/lib/people/client-card";
import { accountOfClient, findClient } from "@/lib/people/clients";

type Props = { params: Promise<{ id: string }> };

/** The record, read once per request (metadata, page and sections share it); 404 when there is none. */
const loadClient = cache(async (id: string) => {
  const row = await findClient(id);
  if (!row) notFound();
  return toClientJson(row);
});

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
        <p className="text-sm text-slate-600">{t(client.email ? "none" : "noEmail")}</p>
      )}
    </section>
  );
}

/** The record's figures, counted by the database, and its notes. */
async function FiguresSection({ client }: { client: Client }) {
  const [t, figures, locale] = await Promise.all([
    getTranslations("people.card"),
    clientCardFigures(client.id),
    getLocale() as Promise<Locale>,
  ]);
  const counts = [
    ["upcoming", figures.upcoming],
    ["past", figures.past],
    ["completed", figures.completed],
    ["noShows", figures.noShow],
    ["cancellations", figures.cancelled],
  ] as const;
  return (
    <section aria-labelledby="client-figures" className="space-y-3">
      <h2 id="client-figures" className="text-xl font-semibold">
        {t("figures")}
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{t(key)}</dt>
            <dd className="text-2xl font-semibold" data-testid={`figure-${key}`}>
              {value}
            </dd>
          </div>
        ))}
        <div className="col-span-2 rounded-lg border border-slate-200 bg-white p-3 sm:col-span-1">
          <dt className="text-sm text-slate-600">{t("spent")}</dt>
          <dd className="text-lg font-semibold" data-testid="figure-spent">
            {figures.spent.length === 0
              ? t("spentNone")
              : figures.spent.map((s) => formatPrice(s.amount, s.currency, locale)).join(" · ")}
          </dd>
          <dd className="text-xs text-slate-600">{t("spentNote")}</dd>
        </div>
      </dl>
      <h3 className="font-semibold">{t("notes")}</h3>
      <p className="text-sm break-words whitespace-pre-line">{client.notes ?? t("noNotes")}</p>
    </section>
  );
}

async function MessagesSection({ clientId }: { clientId: string }) {
  const [t, messages] = await Promise.all([getTranslations("people.card"), clientCardMessages(clientId)]);
  return (
    <section aria-labelledby="client-messages" className="space-y-3">
      <h2 id="client-messages" className="text-xl font-semibold">
        {t("messages")}
      </h2>
      <ClientMessages
        items={messages.map((m) => ({
          id: m.id,
          kind: m.kind,
          to: m.to,
          status: m.status,
          outbox: m.outbox,
          sentAt: m.sentAt,
          subject: m.subject,
          createdAt: m.createdAt,
        }))}
      />
    </section>
  );
}

async function ClientSections({ id }: { id: string }) {
  const [client, t, merge] = await Promise.all([
    loadClient(id),
    getTranslations("admin.clients"),
    getTranslations("people.merge"),
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold break-words">{client.name}</h1>
      <FiguresSection client={client} />
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
      <MessagesSection clientId={client.id} />
      <section aria-labelledby="client-merge" className="space-y-3">
        <h2 id="client-merge" className="text-xl font-semibold">
          {merge("title")}
        </h2>
        <ClientMerge client={client} />
      </section>
    </>
  );
}

export default async function AdminClientPage({ params }: Props) {
  const [{ id }, t, common] = await Promise.all([params, getTranslations("admin.clients"), getTranslations("common")]);
  // Before anything streams: an unknown id answers a real 404, not a 200 that says "not found".
  await loadClient(id);
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
