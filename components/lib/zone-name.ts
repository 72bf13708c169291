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
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat("ru", { timeZone, timeZoneName: "longGeneric" })
      .formatToParts(new Date())
      .find((part) => part.type === "timeZoneName")?.value;
  } catch {
    name = undefined;
  }
  return name && name !== timeZone
    ? `времени часового пояса «${name}» (${timeZone})`
    : `времени часового пояса ${timeZone}`;
}
