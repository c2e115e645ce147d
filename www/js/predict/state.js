// What the parts of "Predict" share: the section's state and the formatting of
// its amounts, parameters, units, errors and warnings. The log and the worker
// are the sales analysis's (salesLog, js/sales/log.js).

import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { dateText } from "../kit/dates.js";
import { horizonMonths } from "../kit/defaults.js";
import { errorText as codeText, noticeText } from "../kit/view.js";
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

/** An API error in the page language, by its code; `got` and `min` from its params (as the page writes numbers). */
export function errorText(error) {
  const lang = getLang();
  const params = error.params || {};
  const count = (v) => (typeof v === "number" ? fmt.int(lang, v) : "");
  return codeText(error, {
    errors: table("errorsPredict"),
    fields: table("fieldsPredict"),
    extra: { got: count(params.got), min: count(params.min) },
  });
}

// The notices' numbers that are not counts: their decimals as the page shows them.
const NOTICE_DIGITS = { correlation: 2, q: 4, weeks: 1, percent: 1, penalizer: 3 };

/** A notice of the model in the page's language, from its code and params: { text, known }. */
export function warningText(notice) {
  const lang = getLang();
  const { text, english } = noticeText(notice, table("predictNotices"), (k, v) =>
    typeof v === "number"
      ? k === "meanSpend"
        ? money(lang, v)
        : k in NOTICE_DIGITS
          ? fmt.num(lang, v, NOTICE_DIGITS[k])
          : fmt.int(lang, v)
      : /^\d{4}-\d{2}-\d{2}$/.test(String(v))
        ? dateText(lang, String(v))
        : String(v),
  );
  return { text, known: !english };
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

export const hor = () => (state.result ? state.result.horizonMonths : horizonMonths());
