// Number formatting for the chosen language (Intl.NumberFormat), and the
// lenient reading of numbers typed by users ("1.100", "1,100", "Rp 500.000").

const LOCALES = { id: "id-ID", en: "en-US" };
const cache = new Map();

function formatter(lang, min, max) {
  const key = `${lang}|${min}|${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang] || LOCALES.id, {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
    });
    cache.set(key, f);
  }
  return f;
}

/** A number with at most `max` decimals (and at least `min`). */
export function num(lang, n, max = 1, min = 0) {
  const text = formatter(lang, min, max).format(n);
  // A true minus sign reads better than a hyphen in figures and formulas.
  return text.replace(/^-/, "\u2212");
}

/** A whole number with grouping: 1.100 (id) / 1,100 (en). */
export const int = (lang, n) => num(lang, n, 0);

/** The percent sign as each language writes it: "90 %" (id), "90%" (en). */
export const pctSign = (lang) => (lang === "id" ? "\u00a0%" : "%");

/** A percentage on the 0–100 scale, with at most one decimal. */
export const pct = (lang, n, max = 1) => num(lang, n, max) + pctSign(lang);

/** Rupiah: Rp 6.000.000 (id) / Rp 6,000,000 (en); whole rupiah unless told. */
export const rupiah = (lang, n, max = 0) => "Rp\u00a0" + num(lang, n, max);

/** A valid ISO 4217 code ("IDR" when `code` is not one this browser knows). */
export function currencyCode(code) {
  const c = String(code || "").trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) return "IDR";
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: c });
    return c;
  } catch {
    return "IDR";
  }
}

/** The currency's symbol as the language writes it: "Rp", "$", "€". */
export function currencySymbol(lang, code) {
  if (code === "IDR") return "Rp";
  const parts = new Intl.NumberFormat(LOCALES[lang] || LOCALES.id, { style: "currency", currency: code, currencyDisplay: "narrowSymbol" }).formatToParts(0);
  return (parts.find((p) => p.type === "currency") || {}).value || code;
}

/** An amount of money: rupiah as `rupiah()`, other currencies through Intl (US$ 1,250.50). */
export function money(lang, n, code = "IDR", max = 0, min = 0) {
  if (code === "IDR") return min > 0 ? "Rp\u00a0" + num(lang, n, max, min) : rupiah(lang, n, max);
  const text = new Intl.NumberFormat(LOCALES[lang] || LOCALES.id, {
    style: "currency",
    currency: code,
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: Math.min(Math.max(min, 0), Math.max(max, 0)),
    maximumFractionDigits: Math.max(max, 0),
  }).format(n);
  return text.replace(/-/, "−");
}

/** The decimals amounts of a currency are shown with: none for rupiah, the minor unit otherwise (USD 2, JPY 0). */
export function currencyDigits(code) {
  if (!code || code === "IDR") return 0;
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 0;
  }
}

/** The currency's name in the language ("Rupiah Indonesia", "US Dollar"), or its code. */
export function currencyName(lang, code) {
  try {
    return new Intl.DisplayNames([LOCALES[lang] || LOCALES.id], { type: "currency" }).of(code) || code;
  } catch {
    return code;
  }
}

/** An input's number as plain text for the language: 2,5 (id) / 2.5 (en), no grouping. */
export function plain(lang, n) {
  const text = String(n);
  return lang === "id" ? text.replace(".", ",") : text;
}

/**
 * Reads a number typed by a user in `lang`:
 * { empty: true } for blank input, { value } for a number, { invalid: true } otherwise.
 * "Rp", spaces and a trailing "%" are ignored. With both "." and "," present, the
 * last one is the decimal mark. With one kind only: repeated, it groups thousands;
 * once and followed by exactly three digits, it groups thousands when it is the
 * language's grouping mark (id ".", en ","); otherwise it is the decimal mark.
 */
export function parseNumber(raw, lang) {
  let s = String(raw ?? "")
    .replace(/[\s\u00a0\u202f_']/g, "")
    .replace(/^rp\.?/i, "")
    .replace(/%$/, "")
    .replace(/^\u2212/, "-");
  if (s === "") return { empty: true };
  const negative = s.startsWith("-");
  if (negative || s.startsWith("+")) s = s.slice(1);
  const dots = (s.match(/\./g) || []).length;
  const commas = (s.match(/,/g) || []).length;
  if (dots && commas) {
    const decimal = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
    const group = decimal === "." ? "," : ".";
    if ((decimal === "." ? dots : commas) > 1) return { invalid: true };
    s = s.split(group).join("").replace(decimal, ".");
  } else if (dots || commas) {
    const mark = dots ? "." : ",";
    const count = dots || commas;
    const grouping = lang === "en" ? "," : ".";
    if (count > 1) {
      if (!new RegExp(`^\\d{1,3}(\\${mark}\\d{3})+$`).test(s)) return { invalid: true };
      s = s.split(mark).join("");
    } else if (mark === grouping && /^\d{1,3}[.,]\d{3}$/.test(s)) {
      s = s.replace(mark, "");
    } else {
      s = s.replace(mark, ".");
    }
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return { invalid: true };
  const value = Number(s) * (negative ? -1 : 1);
  return Number.isFinite(value) ? { value } : { invalid: true };
}

/**
 * Scores typed as a list on one line ("9, 10, 7" or "9 10 7") become one score a
 * line, so that the API reads them as a column and reports bad ones by position.
 * Anything else (pasted columns, TSV, CSV) is passed on unchanged.
 */
export function scoresText(raw) {
  const text = String(raw ?? "");
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "");
  if (lines.length === 1 && !text.includes("\t")) {
    const tokens = lines[0].trim().split(/[\s,;]+/).filter(Boolean);
    const numeric = tokens.filter((t) => /^[-+]?\d+(\.\d+)?$/.test(t)).length;
    if (tokens.length > 1 && numeric * 2 >= tokens.length) {
      return { text: tokens.join("\n"), list: true };
    }
  }
  return { text, list: false };
}
