// Dates as the page and the widget say them. The API speaks ISO dates
// ("2025-06-30", or "2025-06" for a month); these turn them into "30 Jun 2025"
// (en-GB) or "30 Jun 2025" in Indonesian (id-ID), always in UTC so that a date
// never shifts by a day in another time zone. DOM-free (the widget copies it:
// scripts/widget.mjs).

/** The Intl locale of a page language. */
export const LOCALE = (lang) => (lang === "en" ? "en-GB" : "id-ID");

/** An ISO date (or month) as a Date at UTC midnight. */
export function isoDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d || 1));
}

/** A Date as its ISO day. */
export const toIso = (date) => date.toISOString().slice(0, 10);

/** `days` days after (or before) an ISO date. */
export const addDays = (iso, days) => toIso(new Date(isoDate(iso).getTime() + days * 86_400_000));

/** "30 Jun 2025"; "" for no date. */
export const dateText = (lang, iso) =>
  iso ? new Intl.DateTimeFormat(LOCALE(lang), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(isoDate(iso)) : "";

/** "Jun 2025" (or "Juni 2025" with month "long"). */
export const monthText = (lang, iso, month = "short") =>
  new Intl.DateTimeFormat(LOCALE(lang), { month, year: "numeric", timeZone: "UTC" }).format(isoDate(iso));

const lastOfMonth = (iso) => {
  const d = isoDate(iso);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
};

/** A period as people say it: "Juni 2025", "April – Juni 2025", or two dates. */
export function periodText(lang, start, end) {
  if (!start || !end) return "";
  const whole = start.endsWith("-01") && Number(end.slice(8)) === lastOfMonth(end);
  if (whole) {
    if (start.slice(0, 7) === end.slice(0, 7)) return monthText(lang, start, "long");
    return `${monthText(lang, start, "long")} – ${monthText(lang, end, "long")}`;
  }
  return `${dateText(lang, start)} – ${dateText(lang, end)}`;
}
