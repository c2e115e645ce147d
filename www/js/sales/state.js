// What the parts of "Analyse my sales" share: the state of the section, the
// worker client, and the formatting of its amounts and labels. No DOM is built
// here (js/sales/skeleton.js does that).

import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { createAnalysisClient } from "../analysis.js";
import { errorText as codeText } from "../kit/view.js";
import { words as wordsOf } from "../calc/words.js";

export const $ = (id) => document.getElementById(id);
export const section = $("sales");
export const app = $("sales-app");

export const MAX_FILE_BYTES = 100 * 1024 * 1024; // spreadsheets (read whole); text files of any size are streamed
export const TEXT_DELAY_MS = 350; // after the last keystroke or paste
export const OPTION_DELAY_MS = 600; // after typing in an option
export const ROLES = ["customer", "date", "amount", "orderId", "status", "refunded", "engagement"];
// The currencies offered (any other ISO code the API knows is still shown in its own).
export const CURRENCIES = ["IDR", "USD", "EUR", "GBP", "AUD", "SGD", "MYR", "THB", "PHP", "VND", "JPY", "INR"];

export const state = {
  source: null, // { kind: "file", file, sheet? } | { kind: "text", text }
  columns: null, // the user's role mapping { role: index }, or null for the detected one
  shownColumns: null, // the columns last shown (with their roles)
  summary: null, // the last result
  error: null,
  busy: null, // { id, started, reading } while an analysis runs
  queued: false, // options changed while busy
  run: 0, // results shown so far (data-run, for tests)
  touched: new Set(), // options the user set (period, as-of)
  sourceSeq: 0, // counts the logs given (a new log makes predictions moot)
  reading: null, // { locale, columns, countStatuses, excludeStatuses, currency } of the result shown
  statuses: new Map(), // status value (lower case) → { status, counted } the user set
  allColumns: false, // the columns without a role unfolded
  saved: null, // the remembered mapping: { key, state: "used" | "saved" | "forgotten" }
  savedChecked: false, // the remembered mappings were looked at for this log
  detectedSymbol: "", // the currency symbol detected in the last automatic reading
};

/** The worker: js/sales/run.js takes the analyses' messages (client.onAnalysis is set there). */
export const handlers = { analysis: () => {}, failed: () => {} };
export const client = createAnalysisClient({ onAnalysis: (msg) => handlers.analysis(msg), onFailed: () => handlers.failed() });

/** A question for the worker about the result shown (a page of rows, a CSV); null without one. */
export const ask = (message) => (state.summary ? client.ask(message) : Promise.resolve(null));

// ---------------------------------------------------------------- formatting

export const F = {
  int: (n) => fmt.int(getLang(), n),
};

/** The currency amounts are shown in: the result's (detected or chosen), rupiah before any. */
export const currencyOf = () => fmt.currencyCode(state.summary?.currency?.code || "IDR");
/** An amount in the result's currency: Rp 1.250.000, $1,250.50 (its minor unit). */
export function money(n) {
  const code = currencyOf();
  const digits = fmt.currencyDigits(code);
  return fmt.money(getLang(), n, code, digits, digits);
}
/** The currency's symbol, for labels ("Jumlah (Rp)"). */
export const currencySymbol = () => fmt.currencySymbol(getLang(), currencyOf());

/** An API error of the analysis in the page language (by its code). */
export function errorText(error) {
  const role = error.field && /^columns\.(\w+)$/.exec(error.field);
  return codeText(error, {
    errors: table("errorsSales"),
    fields: table("fieldsSales"),
    extra: { role: role ? t(`sales.role.${role[1]}`).toLowerCase() : "" },
  });
}

export const rfmOk = () => state.summary && state.summary.rfm && !state.summary.rfm.error;
export const lifeOk = () => state.summary && state.summary.lifecycle && !state.summary.lifecycle.error;
export const segmentOf = (key) => (rfmOk() ? state.summary.rfm.segments.find((s) => s.key === key) : null);
/**
 * The words of an RFM segment or rule ("segment"), a lifecycle stage ("stage") or a
 * win-back step ("winBack"): its label, action, condition, rule or offer, in the
 * page language, by its key (js/calc/words.js). Every renderer and download takes
 * them from here.
 */
export const words = (kind, item, field) => wordsOf(table, kind, item, field);

export const segmentLabel = (key) => words("segment", segmentOf(key), "label") || key;
export const stageLabel = (key) => words("stage", lifeOk() ? state.summary.lifecycle.stages.find((s) => s.key === key) : null, "label") || key;
export const winBackOf = (key) => (lifeOk() ? state.summary.lifecycle.winBack.find((w) => w.key === key) : null);
