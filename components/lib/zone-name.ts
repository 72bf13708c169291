import type { Locale } from "@/i18n/config";

/** Russia's zones as Russians name them: "по московскому времени", "по екатеринбургскому времени". */
const RU_ZONE_ADJECTIVES: Record<string, string> = {
  "Europe/Kaliningrad": "калининградскому",
  "Europe/Moscow": "московскому",
  "Europe/Simferopol": "московскому",
  "Europe/Kirov": "московскому",
  "Europe/Volgograd": "московскому",
  "Europe/Samara": "самарскому",
  "Europe/Astrakhan": "самарскому",
  "Europe/Saratov": "самарскому",
  "Europe/Ulyanovsk": "самарскому",
  "Asia/Yekaterinburg": "екатеринбургскому",
  "Asia/Omsk": "омскому",
  "Asia/Novosibirsk": "новосибирскому",
  "Asia/Barnaul": "новосибирскому",
  "Asia/Tomsk": "новосибирскому",
  "Asia/Novokuznetsk": "красноярскому",
  "Asia/Krasnoyarsk": "красноярскому",
  "Asia/Irkutsk": "иркутскому",
  "Asia/Chita": "якутскому",
  "Asia/Yakutsk": "якутскому",
  "Asia/Vladivostok": "владивостокскому",
  "Asia/Magadan": "магаданскому",
  "Asia/Sakhalin": "магаданскому",
  "Asia/Kamchatka": "камчатскому",
  "Asia/Anadyr": "камчатскому",
};

/**
 * A location's zone as a message's {timezone} wants it: in English the IANA id ("Times in
 * Europe/Moscow."); in Russian the words after "по" ("Время указано по московскому времени."), for
 * other zones the zone's own Russian name from Intl with the id ("времени часового пояса «Великобритания»
 * (Europe/London)"). Intl only, so client islands can use it without a date library.
 */
export function zoneName(timeZone: string, locale: Locale): string {
  if (locale !== "ru") return timeZone;
  const adjective = RU_ZONE_ADJECTIVES[timeZone];
  if (adjective) return `${adjective} времени`;
  const name = intlZoneName(timeZone);
  return name && name !== timeZone
    ? `времени часового пояса «${name}» (${timeZone})`
    : `времени часового пояса ${timeZone}`;
}

/** The zone's own Russian name from Intl ("Центральная Европа"), if it has one. */
function intlZoneName(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("ru", { timeZone, timeZoneName: "longGeneric" })
      .formatToParts(new Date())
      .find((part) => part.type === "timeZoneName")?.value;
  } catch {
    return undefined;
  }
}

/**
 * A zone as a label on its own (a list's option): in English the IANA id; in Russian its Russian
 * name with the id ("Центральная Европа (Europe/Berlin)"), or the id when Intl has no name.
 */
export function zoneLabel(timeZone: string, locale: Locale): string {
  if (locale !== "ru") return timeZone;
  const name = intlZoneName(timeZone);
  return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
}
