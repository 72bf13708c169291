"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatPrice } from "@/components/lib/format";
import type { Locale } from "@/i18n/config";
import type { Location, Service, Specialty, Worker } from "@/lib/contract";
import { LocationForm } from "./location-form";
import { RecordList } from "./record-list";
import { ServiceForm } from "./service-form";
import { SpecialtyForm } from "./specialty-form";
import { WorkerForm } from "./worker-form";

/** `zones`: the time zones the server accepts, sorted; `defaultZone`: the one a new location starts in. */
export function LocationList({ zones, defaultZone }: { zones: string[]; defaultZone?: string }) {
  const t = useTranslations("manage.locations");
  return (
    <RecordList<Location>
      resource="locations"
      section="locations"
      summary={(l) => [t(`kinds.${l.kind}`), l.timezone, l.address].filter(Boolean).join(" · ")}
      form={(props) => <LocationForm {...props} zones={zones} defaultZone={defaultZone} />}
    />
  );
}

export function SpecialtyList() {
  return (
    <RecordList<Specialty>
      resource="specialties"
      section="specialties"
      summary={(s) => s.slug}
      form={(props) => <SpecialtyForm {...props} />}
    />
  );
}

export function ServiceList() {
  const t = useTranslations("manage.services");
  const locale = useLocale() as Locale;
  return (
    <RecordList<Service>
      resource="services"
      section="services"
      params={{ includeInactive: "true" }}
      summary={(s) =>
        [
          t("minutes", { count: s.durationMinutes }),
          s.bufferBeforeMinutes || s.bufferAfterMinutes
            ? t("held", { before: s.bufferBeforeMinutes, after: s.bufferAfterMinutes })
            : null,
          formatPrice(Number(s.price), s.currency, locale),
          s.active ? null : t("inactive"),
        ]
          .filter(Boolean)
          .join(" · ")
      }
      form={(props) => <ServiceForm {...props} />}
    />
  );
}

export function WorkerList() {
  const t = useTranslations("manage.workers");
  return (
    <RecordList<Worker>
      resource="workers"
      section="workers"
      params={{ includeInactive: "true" }}
      summary={(w) =>
        [w.specialty?.name, w.location?.name, w.active ? null : t("inactive")].filter(Boolean).join(" · ")
      }
      actions={(w) => (
        <Link
          href={`/manage/workers/${w.slug}`}
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
          aria-label={`${t("schedule")}: ${w.name}`}
        >
          {t("schedule")}
        </Link>
      )}
      form={(props) => <WorkerForm {...props} />}
    />
  );
}
