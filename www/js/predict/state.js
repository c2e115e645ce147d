// What the parts of "Predict" share: the section's state and the formatting of
// its amounts, parameters, units, errors and warnings. The log and the worker
// are the sales analysis's (salesLog, js/sales/log.js).

import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { dateText } from "../kit/dates.js";
import { errorText as codeText } from "../kit/view.js";
import { salesLog } from "../sales.js";

export const $ = (id) => document.getElementById(id);
export const section = $("predict");
export const app = $("predict-app");

export const OPTION_DELAY_MS = 600;

/** The currency of the sales log's result (detected or chosen there); rupiah before any. */
export const currency = () => fmt.currencyCode(salesLog.current().summary?.currency?.code || "IDR");
/**
 * Money in that currency: whole rupiah, or always two decimals where the amounts are
 * small; other currencies with at least their minor unit ($1,250.50).
 */
export function money(lang, n) {
  const code = currency();
  const digits = Math.max(state.moneyDigits, fmt.currencyDigits(code));
  return fmt.money(lang, n, code, digits, digits);
}
/** A fitted parameter: fixed decimals as published (0,243 · 6,25), 3 significant digits when tiny. */
export function paramText(lang, v, digits) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  if (v !== 0 && Math.abs(v) < 10 ** -digits * 10) {
    return new Intl.NumberFormat(lang === "en" ? "en-US" : "id-ID", { maximumSignificantDigits: 3 }).format(v).replace(/^-/, "\u2212");
  }
  return fmt.num(lang, v, digits, digits);
}
export const unitWord = (unit) => t(`predict.unit.${unit === "days" ? "days" : "weeks"}Plural`);
export const unitOne = (unit) => t(`predict.unit.${unit === "days" ? "days" : "weeks"}One`);

export function errorText(error) {
  const lang = getLang();
  const msg = String(error.message || "");
  const got = /\(got (\d+)\)/.exec(msg);
  const min = /at least (\d+)/.exec(msg);
  return codeText(error, {
    errors: table("errorsPredict"),
    fields: table("fieldsPredict"),
    extra: { got: got ? fmt.int(lang, Number(got[1])) : "", min: min ? fmt.int(lang, Number(min[1])) : "" },
  });
}

/** An API warning in the page's language where it is known: { text, known }. */
export function warningText(sentence) {
  const lang = getLang();
  const f = { int: (s) => fmt.int(lang, Number(s)), num: (v, d) => fmt.num(lang, v, d), date: (iso) => dateText(lang, iso) };
  for (const [pattern, fn] of table("predictWarnings") || []) {
    const m = pattern.exec(sentence);
    if (m) return { text: fn(m, f), known: true };
  }
  return { text: sentence, known: false };
}

// ---------------------------------------------------------------- state

export const state = {
  source: -1, // the sales log the results are from (salesLog's source number)
  reading: "", // how it was read (locale, columns), as JSON
  result: null, // the last summary from the worker
  resultFor: null, // { source, reading }
  error: null,
  busy: false,
  queued: false,
  token: 0,
  run: 0,
  touched: new Set(), // dates the user set
  moneyDigits: 0,
  info: null, // the last salesLog info
  stale: false, // results of other data are gone: say so
};

export const hor = () => (state.result ? state.result.horizonMonths : 12);
