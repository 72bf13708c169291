import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";

/**
 * "Is the day you want full?": a plain GET form (no script) that opens any day of the worker's
 * horizon on their page, where a day with no free time offers the waitlist (WaitlistJoin). The month
 * calendar greys full days out, so this is the way to reach one.
 */
export async function WaitlistDayForm({
  action,
  service,
  min,
  max,
}: {
  action: string;
  service: string;
  min: string;
  max: string;
}) {
  const t = await getTranslations("waitlist.dayForm");
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="service" value={service} />
      <div className="space-y-1">
        <label htmlFor="waitlist-day" className="block font-medium">
          {t("label")}
        </label>
        <input id="waitlist-day" type="date" name="date" required min={min} max={max} className={inputClass} />
      </div>
      <button
        type="submit"
        className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50"
      >
        {t("button")}
      </button>
    </form>
  );
}
