"use client";

import { tzOffset } from "@date-fns/tz";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { Field, inputClass } from "@/components/ui/field";

type Zone = { zone: string; label: string; id: string; haystack: string };

/** "UTC+03:00", "UTC−08:00": the offset now, which is what a manager picking a city expects to see. */
function offsetLabel(zone: string, now: Date): string {
  const minutes = tzOffset(zone, now);
  // An older browser may not know a zone the server lists; it is offered without its offset.
  if (!Number.isFinite(minutes)) return "";
  const abs = Math.abs(minutes);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `UTC${minutes < 0 ? "−" : "+"}${hhmm}`;
}

/** The zone's generic name in the page's language ("Moscow Standard Time", "Тихоокеанское время"). */
function genericName(zone: string, locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "longGeneric" }).formatToParts();
    return parts.find((part) => part.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

// Typed searches use spaces where zone names use underscores ("los angeles" finds Los_Angeles).
const normalize = (text: string) => text.toLocaleLowerCase().replaceAll("_", " ").trim();

function useZones(zones: string[], locale: string): Zone[] {
  return useMemo(() => {
    const now = new Date();
    return zones.map((zone) => {
      const name = genericName(zone, locale);
      const offset = offsetLabel(zone, now);
      return {
        zone,
        label: offset ? `${zone.replaceAll("_", " ")} (${offset})` : zone.replaceAll("_", " "),
        id: normalize(zone),
        haystack: normalize(`${zone} ${name}`),
      };
    });
  }, [zones, locale]);
}

/**
 * The zones whose name or generic name holds every typed word; those whose own name does come first,
 * since "moscow" is also in the generic name of Minsk, Kirov and Simferopol ("Moscow Standard Time").
 */
function search(zones: Zone[], query: string): Zone[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return zones;
  const holds = (text: string) => words.every((word) => text.includes(word));
  const found = zones.filter((z) => holds(z.haystack));
  return [...found.filter((z) => holds(z.id)), ...found.filter((z) => !holds(z.id))];
}

/**
 * The location's zone: a search box that narrows a sorted list of the zones the server accepts (by
 * city, region or the zone's name in the page's language), and the list itself, a native select so
 * that keyboards, screen readers and phones handle it as they handle any select.
 */
export function TimeZonePicker({
  zones,
  defaultZone,
  error,
}: {
  /** Sorted; only zones the server accepts. */
  zones: string[];
  defaultZone: string;
  error?: string;
}) {
  const t = useTranslations("manage.locations");
  const locale = useLocale();
  const all = useZones(zones, locale);
  const [query, setQuery] = useState("");
  const [zone, setZone] = useState(defaultZone);
  const countId = useId();

  const matches = search(all, query);
  const searched = normalize(query) !== "";
  // The chosen zone stays listed while nothing matches, so the select never shows a value it lacks.
  const shown = matches.length > 0 ? matches : all.filter((z) => z.zone === zone);

  function onSearch(text: string) {
    setQuery(text);
    // The best match is chosen as one types, so "moscow" then Save is enough.
    const best = search(all, text)[0];
    if (best && normalize(text) !== "") setZone(best.zone);
  }

  return (
    <>
      <Field label={t("fields.timezoneSearch")} describedBy={countId}>
        <input
          type="search"
          value={query}
          onChange={(event) => onSearch(event.target.value)}
          placeholder={t("hints.timezoneSearch")}
          autoComplete="off"
          className={inputClass}
        />
      </Field>
      <Field label={t("fields.timezone")} error={error}>
        <select name="timezone" value={zone} onChange={(event) => setZone(event.target.value)} className={inputClass}>
          {shown.map((z) => (
            <option key={z.zone} value={z.zone}>
              {z.label}
            </option>
          ))}
        </select>
      </Field>
      <p id={countId} aria-live="polite" className="text-sm text-slate-600 sm:col-span-2">
        {searched ? t("timezoneMatches", { count: matches.length }) : ""}
      </p>
    </>
  );
}
