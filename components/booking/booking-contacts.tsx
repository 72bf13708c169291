import { getTranslations } from "next-intl/server";

type Props = {
  /** The appointment's location: its name and street address. */
  location: { name: string; address: string | null };
  /** The business profile's name and contacts (lib/business). */
  business: { name: string; phone: string | null; email: string | null; website: string | null };
};

/** Only web addresses become links (a profile's website is free text). */
const webHref = (value: string) => {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
};

/** Where the appointment is and how to reach the business: on the confirmation pages. */
export async function BookingContacts({ location, business }: Props) {
  const t = await getTranslations("guest.contacts");
  const website = business.website?.trim() ? business.website.trim() : null;
  const websiteHref = website ? webHref(website) : null;
  const phone = business.phone?.trim() || null;
  const email = business.email?.trim() || null;
  return (
    <section aria-labelledby="contacts-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="contacts-heading" className="font-semibold">
        {t("heading")}
      </h2>
      {/* A list, not a second <dl>: the page's own <dl> is the appointment's details. */}
      <ul className="space-y-1 text-sm">
        <li className="break-words">
          <span className="font-medium text-slate-600">{t("address")}: </span>
          {[location.name, location.address].filter(Boolean).join(", ")}
        </li>
        {phone && (
          <li>
            <span className="font-medium text-slate-600">{t("phone")}: </span>
            <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} className="underline">
              {phone}
            </a>
          </li>
        )}
        {email && (
          <li className="break-all">
            <span className="font-medium text-slate-600">{t("email")}: </span>
            <a href={`mailto:${email}`} className="underline">
              {email}
            </a>
          </li>
        )}
        {website && (
          <li className="break-all">
            <span className="font-medium text-slate-600">{t("website")}: </span>
            {websiteHref ? (
              <a href={websiteHref} className="underline" rel="noopener">
                {website}
              </a>
            ) : (
              website
            )}
          </li>
        )}
      </ul>
      <p className="text-sm text-slate-600">{business.name}</p>
    </section>
  );
}
