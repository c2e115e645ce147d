// "Prediksi CLV" (Predict): BG/NBD and Gamma-Gamma (predictClv) on the log already
// given to "Analyse my sales" — no second paste. js/sales.js lends its worker
// (`salesLog`): the worker holds the text, runs predictClv on it read the same way
// as the analysis (locale, column mapping), keeps the ranked customers, and sends
// a summary, pages of rows and a CSV blob. Shown: the totals, the customers ranked
// by predicted CLV with P(alive), the comparison with the simple-formula CLV, the
// fitted parameters with standard errors and a plain explanation, the heat map of
// P(alive) over frequency × recency, and the calibration-vs-holdout test when a
// holdout end is chosen. User text is only ever set as text.

import "./predict-i18n.js";
import { h, replace } from "./dom.js";
import * as fmt from "./format.js";
import { applyStatic, getLang, onLangChange, t, table } from "./lang.js";
import { createTable } from "./sales-table.js";
import { aliveHeatmap, holdoutChart } from "./predict-charts.js";
import { salesLog } from "./sales.js";

const $ = (id) => document.getElementById(id);
const section = $("predict");
const app = $("predict-app");

const OPTION_DELAY_MS = 600;
const MAX_HORIZON = 1200;

// ---------------------------------------------------------------- formatting

const LOCALE = (lang) => (lang === "en" ? "en-GB" : "id-ID");
const isoDate = (iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d || 1));
};
const toIso = (date) => date.toISOString().slice(0, 10);
const dateText = (lang, iso) =>
  iso ? new Intl.DateTimeFormat(LOCALE(lang), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(isoDate(iso)) : "";
const addDays = (iso, days) => toIso(new Date(isoDate(iso).getTime() + days * 86_400_000));

/** The currency of the sales log's result (detected or chosen there); rupiah before any. */
const currency = () => fmt.currencyCode(salesLog.current().summary?.currency?.code || "IDR");
/**
 * Money in that currency: whole rupiah, or always two decimals where the amounts are
 * small; other currencies with at least their minor unit ($1,250.50).
 */
function money(lang, n) {
  const code = currency();
  const digits = Math.max(state.moneyDigits, fmt.currencyDigits(code));
  return fmt.money(lang, n, code, digits, digits);
}
/** A fitted parameter: fixed decimals as published (0,243 · 6,25), 3 significant digits when tiny. */
function paramText(lang, v, digits) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  if (v !== 0 && Math.abs(v) < 10 ** -digits * 10) {
    return new Intl.NumberFormat(lang === "en" ? "en-US" : "id-ID", { maximumSignificantDigits: 3 }).format(v).replace(/^-/, "\u2212");
  }
  return fmt.num(lang, v, digits, digits);
}
const unitWord = (unit) => t(`predict.unit.${unit === "days" ? "days" : "weeks"}Plural`);
const unitOne = (unit) => t(`predict.unit.${unit === "days" ? "days" : "weeks"}One`);

function errorText(error) {
  const lang = getLang();
  const fns = table("errorsPredict");
  const fn = fns[error.code];
  if (!fn) return error.message || fns.internal();
  const fields = table("fieldsPredict");
  const msg = String(error.message || "");
  const got = /\(got (\d+)\)/.exec(msg);
  const min = /at least (\d+)/.exec(msg);
  return fn({
    field: fields[error.field] || error.field || "",
    got: got ? fmt.int(lang, Number(got[1])) : "",
    min: min ? fmt.int(lang, Number(min[1])) : "",
    lang,
  });
}

/** An API warning in the page's language where it is known: { text, known }. */
function warningText(sentence) {
  const lang = getLang();
  const f = { int: (s) => fmt.int(lang, Number(s)), num: (v, d) => fmt.num(lang, v, d), date: (iso) => dateText(lang, iso) };
  for (const [pattern, fn] of table("predictWarnings") || []) {
    const m = pattern.exec(sentence);
    if (m) return { text: fn(m, f), known: true };
  }
  return { text: sentence, known: false };
}

// ---------------------------------------------------------------- state

const state = {
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

// ---------------------------------------------------------------- the skeleton

function field(id, labelKey, control, helpId) {
  return h(
    "div",
    { class: "field", id: `${id}-field` },
    h("label", { for: id, "data-i18n": labelKey }),
    control,
    helpId ? h("p", { class: "help", id: helpId }) : null,
  );
}

const unitRadios = h(
  "fieldset",
  { class: "source-switch" },
  h("legend", { "data-i18n": "predict.unit" }),
  h(
    "div",
    { class: "segmented" },
    ["weeks", "days"].map((v) => [
      h("input", { type: "radio", name: "predict-unit", id: `predict-unit-${v}`, "data-testid": `predict-unit-${v}`, value: v, checked: v === "weeks" || null, "data-option": "" }),
      h("label", { for: `predict-unit-${v}`, "data-i18n": `predict.unit.${v}` }),
    ]),
  ),
);
const calInput = h("input", { type: "date", id: "predict-calibration-end", "data-testid": "predict-calibration-end", "data-option": "", "aria-describedby": "predict-calibration-help" });
const holdInput = h("input", { type: "date", id: "predict-holdout-end", "data-testid": "predict-holdout-end", "data-option": "", "aria-describedby": "predict-holdout-help" });
const horizonInput = h("input", {
  type: "text",
  id: "predict-horizon",
  "data-testid": "predict-horizon",
  inputmode: "numeric",
  autocomplete: "off",
  value: "12",
  "data-option": "",
  "aria-describedby": "predict-horizon-help",
});
const discountInput = h("input", {
  type: "text",
  id: "predict-discount",
  "data-testid": "predict-discount",
  inputmode: "decimal",
  autocomplete: "off",
  value: "1",
  "data-option": "",
  "aria-describedby": "predict-discount-help",
});
const suggestButton = h("button", { type: "button", class: "sales-button", id: "predict-suggest", "data-testid": "predict-suggest", "data-i18n": "predict.suggest", "aria-describedby": "predict-suggest-help" });
const optionsError = h("p", { class: "sales-field-error", id: "predict-options-error", "data-testid": "predict-options-error", role: "alert" });
const runButton = h("button", { type: "submit", class: "predict-run", id: "predict-run", "data-testid": "predict-run", "data-i18n": "predict.run", disabled: true });

const sourceNote = h("p", { class: "sales-note predict-source", "data-testid": "predict-source" });
const form = h(
  "form",
  { class: "sales-options predict-options", "data-testid": "predict-options", novalidate: true, "aria-labelledby": "predict-options-title" },
  h("h3", { class: "predict-options-title", id: "predict-options-title", "data-i18n": "predict.options" }),
  unitRadios,
  h(
    "div",
    { class: "field-row" },
    field("predict-calibration-end", "predict.calibrationEnd", calInput, "predict-calibration-help"),
    field("predict-holdout-end", "predict.holdoutEnd", holdInput, "predict-holdout-help"),
  ),
  h("div", { class: "predict-suggest" }, suggestButton, h("p", { class: "help", id: "predict-suggest-help" })),
  h(
    "div",
    { class: "field-row" },
    field("predict-horizon", "predict.horizon", horizonInput, "predict-horizon-help"),
    field("predict-discount", "predict.discount", discountInput, "predict-discount-help"),
  ),
  optionsError,
  h("div", { class: "predict-actions" }, runButton),
);

const progressText = h("span", { id: "predict-progress-text" });
const progressBar = h(
  "div",
  { class: "sales-bar is-indeterminate", role: "progressbar", "aria-labelledby": "predict-progress-text", "aria-valuemin": "0", "aria-valuemax": "100", "data-testid": "predict-progress-bar" },
  h("div", { class: "sales-bar-fill" }),
);
const progress = h(
  "div",
  { class: "sales-progress", "data-testid": "predict-progress", hidden: true },
  h("p", { class: "sales-progress-head", role: "status" }, progressText),
  progressBar,
);
const doneStatus = h("p", { class: "sales-done", "data-testid": "predict-done", role: "status" });
const errorBox = h("div", { class: "error", id: "predict-error", "data-testid": "predict-error", role: "alert" });

const summaryLine = h("p", { class: "sales-summary", id: "predict-summary", "data-testid": "predict-summary", "aria-live": "polite", "aria-atomic": "true" });
const totalsBox = h("div", { class: "predict-totals" });
const warningsBox = h("div", { class: "predict-warnings", "data-testid": "predict-warnings" });
const compareBox = h("div", { class: "sales-result", "data-testid": "predict-compare" });
const modelBox = h("div", { class: "sales-result", "data-testid": "predict-model" });
const aliveBox = h("div", { class: "sales-chart-box" });
const holdoutBox = h("div", { class: "sales-result", "data-testid": "predict-holdout" });
const custIntro = h("p", { class: "sales-note", "data-testid": "predict-cust-intro" });

const hor = () => (state.result ? state.result.horizonMonths : 12);

const customersTable = createTable({
  id: "predict-customers",
  sort: { key: "clv", dir: "desc" },
  caption: () => t("predict.custCaption"),
  columns: [
    { key: "customer", label: () => t("predict.c.customer"), cell: (r) => r.customer, cls: "cust-name" },
    { key: "rank", label: () => t("predict.c.rank"), numeric: true, cell: (r) => fmt.int(getLang(), r.rank), cls: "predict-rank" },
    { key: "pAlive", label: () => t("predict.c.pAlive"), numeric: true, cell: (r) => fmt.pct(getLang(), r.pAlive * 100, 1) },
    { key: "frequency", label: () => t("predict.c.frequency"), numeric: true, cell: (r) => fmt.int(getLang(), r.frequency) },
    { key: "expectedPurchases", label: () => t("predict.c.expectedPurchases", { h: fmt.int(getLang(), hor()) }), numeric: true, cell: (r) => fmt.num(getLang(), r.expectedPurchases, 2, 2) },
    { key: "spendPerPurchase", label: () => t("predict.c.spendPerPurchase"), numeric: true, cell: (r) => money(getLang(), r.spendPerPurchase) },
    { key: "clv", label: () => t("predict.c.clv", { h: fmt.int(getLang(), hor()) }), numeric: true, cell: (r) => money(getLang(), r.clv), cls: "predict-clv" },
  ],
  filter: {
    label: () => t("predict.filter"),
    options: () => {
      const r = state.result;
      if (!r) return [{ value: "", label: t("predict.filter.all") }];
      const lang = getLang();
      return [
        { value: "", label: t("predict.filter.all") },
        { value: "likelyActive", label: t("predict.filter.active", { n: fmt.int(lang, r.likelyActive) }) },
        { value: "likelyGone", label: t("predict.filter.gone", { n: fmt.int(lang, r.totals.customers - r.likelyActive) }) },
      ];
    },
  },
  fetch: (query) => (state.result ? salesLog.query(query) : Promise.resolve(null)),
  download: { label: () => t("predict.download"), onClick: (status) => downloadCsv(status) },
});

function block(id, titleKey, ...content) {
  return h(
    "section",
    { class: "sales-block", id, "aria-labelledby": `${id}-title`, "data-testid": id },
    h("h3", { id: `${id}-title`, "data-i18n": titleKey }),
    ...content,
  );
}

const subnav = h(
  "nav",
  { class: "sales-subnav", "data-i18n-aria-label": "predict.nav" },
  h(
    "ul",
    null,
    ["customers", "compare", "model", "alive", "holdout"].map((k) => h("li", null, h("a", { href: `#predict-${k}`, "data-i18n": `predict.nav.${k}` }))),
  ),
);

const results = h(
  "div",
  { class: "sales-results predict-results", id: "predict-results", "data-testid": "predict-results", hidden: true },
  summaryLine,
  totalsBox,
  warningsBox,
  subnav,
  block("predict-customers", "predict.custTitle", custIntro, customersTable.element),
  block("predict-compare", "predict.compareTitle", compareBox),
  block("predict-model", "predict.modelTitle", modelBox),
  block("predict-alive", "predict.aliveTitle", aliveBox),
  block("predict-holdout", "predict.holdoutTitle", holdoutBox),
);

if (app) {
  replace(
    app,
    sourceNote,
    h("p", { class: "predict-nodata-link" }, h("a", { href: "#sales", id: "predict-to-sales", "data-i18n": "predict.noDataLink" })),
    form,
    progress,
    doneStatus,
    errorBox,
    results,
  );
  applyStatic(section);
  applyStatic(document.querySelector('.toc a[href="#predict"]')?.parentElement || app);
  section.dataset.state = "empty";
}

// ---------------------------------------------------------------- options

/** The predictClv options from the form: { options } or { invalid: element }. */
function readOptions() {
  const lang = getLang();
  const options = { unit: $("predict-unit-days").checked ? "days" : "weeks" };
  let invalid = null;
  let message = "";
  for (const el of [horizonInput, discountInput]) el.removeAttribute("aria-invalid");
  if (calInput.value) options.calibrationEnd = calInput.value;
  if (holdInput.value) options.holdoutEnd = holdInput.value;
  const horizon = fmt.parseNumber(horizonInput.value, lang);
  if (!horizon.empty) {
    if (horizon.invalid || !Number.isInteger(horizon.value) || horizon.value < 1 || horizon.value > MAX_HORIZON) {
      horizonInput.setAttribute("aria-invalid", "true");
      invalid = horizonInput;
      message = t("predict.badHorizon");
    } else options.horizonMonths = horizon.value;
  }
  const discount = fmt.parseNumber(discountInput.value, lang);
  if (!discount.empty) {
    if (discount.invalid || discount.value < 0 || discount.value > 100) {
      discountInput.setAttribute("aria-invalid", "true");
      invalid = invalid || discountInput;
      message = message || t("predict.badDiscount");
    } else options.monthlyDiscountRate = discount.value / 100;
  }
  optionsError.textContent = message;
  return invalid ? { invalid } : { options };
}

/** Two thirds of the span to calibrate, the rest to test: a quick model test. */
function suggestedSplit(summary) {
  if (!summary || !summary.firstDate || !summary.lastDate) return null;
  const first = isoDate(summary.firstDate).getTime();
  const last = isoDate(summary.lastDate).getTime();
  const days = Math.round((last - first) / 86_400_000);
  if (days < 3) return null;
  return { cal: addDays(summary.firstDate, Math.round((days * 2) / 3)), end: summary.lastDate };
}

function fillDefaults(summary) {
  const lang = getLang();
  calInput.min = summary.firstDate || "";
  calInput.max = summary.lastDate || "";
  holdInput.min = summary.firstDate || "";
  if (!state.touched.has("calibrationEnd") && summary.lastDate) calInput.value = summary.lastDate;
  $("predict-calibration-help").textContent = t("predict.calibrationHelp", { date: dateText(lang, summary.lastDate) });
  const split = suggestedSplit(summary);
  suggestButton.disabled = !split;
  $("predict-suggest-help").textContent = split ? t("predict.suggestHelp", { cal: dateText(lang, split.cal), end: dateText(lang, split.end) }) : "";
}

function staticHelp() {
  $("predict-holdout-help").textContent = t("predict.holdoutHelp");
  $("predict-horizon-help").textContent = t("predict.horizonHelp");
  $("predict-discount-help").textContent = t("predict.discountHelp");
  if (!state.info || !state.info.summary) {
    $("predict-calibration-help").textContent = t("predict.calibrationHelp", { date: "" });
    $("predict-suggest-help").textContent = "";
  }
}

// ---------------------------------------------------------------- the log

const readingKey = (reading) => JSON.stringify(reading || null);

function showSource(info) {
  const lang = getLang();
  const sm = info && info.summary;
  const link = $("predict-to-sales");
  if (info && info.ready && sm) {
    sourceNote.textContent = t("predict.source", { customers: fmt.int(lang, sm.customers), from: dateText(lang, sm.firstDate), to: dateText(lang, sm.lastDate) });
    link.parentElement.hidden = true;
  } else if (info && info.busy) {
    sourceNote.textContent = t("predict.waiting");
    link.parentElement.hidden = true;
  } else {
    sourceNote.textContent = t("predict.noData");
    link.parentElement.hidden = false;
  }
  sourceNote.classList.toggle("is-empty", !(info && info.ready));
}

function onLog(info) {
  state.info = info;
  const newData = info.source !== state.source || (!info.summary && !info.busy);
  if (newData) {
    // Other data (or none): the predictions, the dates and any error belong to the old.
    const had = Boolean(state.result);
    state.source = info.source;
    state.touched.clear();
    calInput.value = "";
    holdInput.value = "";
    state.token += 1; // an answer on its way is about the old data
    state.busy = false;
    state.queued = false;
    progress.hidden = true;
    section.removeAttribute("aria-busy");
    clearResults();
    state.stale = had && Boolean(info.summary || info.busy);
    section.dataset.state = "empty";
  }
  showSource(info);
  runButton.disabled = !info.ready || state.busy;
  if (info.ready) {
    fillDefaults(info.summary);
    if (state.stale && !state.result) doneStatus.textContent = t("predict.newData");
    state.stale = false;
    // Same data read another way (columns, number format): predict again.
    if (state.result && state.resultFor && readingKey(info.reading) !== state.resultFor.reading) runPredict();
  }
}

function clearResults() {
  state.result = null;
  state.resultFor = null;
  state.error = null;
  results.hidden = true;
  replace(errorBox);
  doneStatus.textContent = "";
  customersTable.clear();
}

// ---------------------------------------------------------------- running

async function runPredict() {
  const info = salesLog.current();
  state.info = info;
  if (!info.ready) return;
  const read = readOptions();
  if (read.invalid) return;
  if (state.busy) {
    state.queued = true;
    return;
  }
  const token = ++state.token;
  const source = info.source;
  const reading = readingKey(info.reading);
  state.busy = true;
  state.queued = false;
  runButton.disabled = true;
  section.dataset.state = "busy";
  section.setAttribute("aria-busy", "true");
  doneStatus.textContent = "";
  progress.hidden = false;
  progressText.textContent = t("predict.stageSending");
  const started = performance.now();
  const answer = await salesLog.predict(read.options, (msg) => {
    if (token !== state.token || msg.stage !== "predicting") return;
    progressText.textContent = t("predict.stage", { customers: fmt.int(getLang(), info.summary.customers) });
  });
  if (token !== state.token) return; // replaced (other data)
  state.busy = false;
  progress.hidden = true;
  section.removeAttribute("aria-busy");
  runButton.disabled = !salesLog.current().ready;
  if (!answer || salesLog.current().source !== source) return;
  if (answer.type === "predicted") {
    state.result = answer.summary;
    state.resultFor = { source, reading };
    state.error = null;
    try {
      render();
      section.dataset.state = "ok";
    } catch (error) {
      console.error(error); // a bug of this page: say so, keep it usable
      showError({ code: "internal" });
    }
    state.run += 1;
    section.dataset.run = String(state.run);
    const seconds = (performance.now() - started) / 1000;
    section.dataset.ms = String(Math.round(performance.now() - started));
    doneStatus.textContent = t("predict.done", { seconds: fmt.num(getLang(), seconds, seconds < 10 ? 1 : 0) });
  } else if (answer.error && answer.error.code === "cancelled") {
    section.dataset.state = state.result ? "ok" : "empty";
  } else {
    state.error = answer.error || { code: "internal" };
    showError(state.error);
  }
  if (state.queued) runPredict();
}

const FIELD_INPUTS = { calibrationEnd: calInput, holdoutEnd: holdInput, horizonMonths: horizonInput, monthlyDiscountRate: discountInput };

function showError(error) {
  state.result = null;
  results.hidden = true;
  customersTable.clear();
  section.dataset.state = "error";
  state.run += 1;
  section.dataset.run = String(state.run);
  replace(errorBox, h("p", { class: "error-text", "data-code": error.code }, errorText(error)));
  for (const el of [calInput, holdInput]) el.removeAttribute("aria-invalid");
  const target = FIELD_INPUTS[error.field];
  if (target) target.setAttribute("aria-invalid", "true");
}

// ---------------------------------------------------------------- rendering

function stats(items, testid) {
  return h(
    "dl",
    { class: "stats sales-stats", "data-testid": testid || null },
    items.filter(Boolean).map(([label, value, id, help]) =>
      h("div", null, h("dt", null, label), h("dd", id ? { "data-testid": id } : null, value), help ? h("dd", { class: "stat-help" }, help) : null),
    ),
  );
}

function chartWidth(el) {
  const w = el.clientWidth || results.clientWidth || app.clientWidth || 640;
  return Math.max(300, Math.floor(w));
}

function render() {
  const r = state.result;
  const lang = getLang();
  replace(errorBox);
  for (const el of [calInput, holdInput]) el.removeAttribute("aria-invalid");
  state.moneyDigits = r.totals.meanClv < 1000 ? 2 : 0;
  results.hidden = false;
  const H = fmt.int(lang, r.horizonMonths);
  const n = r.totals.customers;
  summaryLine.textContent = t("predict.summary", {
    h: H,
    purchases: fmt.int(lang, r.totals.expectedPurchases),
    total: money(lang, r.totals.clv),
    mean: money(lang, r.totals.meanClv),
    active: fmt.int(lang, r.likelyActive),
    n: fmt.int(lang, n),
    activePct: fmt.pct(lang, n ? (r.likelyActive / n) * 100 : 0, 0),
  });
  replace(
    totalsBox,
    stats(
      [
        [t("predict.t.customers"), fmt.int(lang, n), "predict-t-customers", r.calibrationEnd ? t("predict.t.customersHelp", { date: dateText(lang, r.calibrationEnd) }) : null],
        [t("predict.t.repeat"), fmt.int(lang, r.totals.repeatBuyers), "predict-t-repeat", t("predict.t.repeatHelp")],
        [t("predict.t.purchases", { h: H }), fmt.num(lang, r.totals.expectedPurchases, 0), "predict-t-purchases"],
        [t("predict.t.total", { h: H }), money(lang, r.totals.clv), "predict-t-total"],
        [t("predict.t.mean"), money(lang, r.totals.meanClv), "predict-t-mean"],
        [t("predict.t.active"), `${fmt.int(lang, r.likelyActive)} (${fmt.pct(lang, n ? (r.likelyActive / n) * 100 : 0, 0)})`, "predict-t-active", t("predict.t.activeHelp")],
      ],
      "predict-totals",
    ),
  );
  renderWarnings();
  custIntro.textContent = t("predict.custIntro", { h: H, d: fmt.pct(lang, r.monthlyDiscountRate * 100, 2) });
  renderCompare();
  renderModel();
  drawAlive();
  renderHoldout();
  customersTable.reset();
  customersTable.relabel();
}

function renderWarnings() {
  const list = state.result.warnings || [];
  if (!list.length) {
    replace(warningsBox);
    return;
  }
  replace(
    warningsBox,
    h(
      "div",
      { class: "warning predict-warning-box" },
      h("p", { class: "predict-warnings-title" }, t("predict.warningsTitle")),
      h(
        "ul",
        null,
        list.map((w) => {
          const { text, known } = warningText(w);
          return h("li", { lang: known ? null : "en", "data-known": known ? "1" : "0" }, text);
        }),
      ),
    ),
  );
}

function renderCompare() {
  const r = state.result;
  const lang = getLang();
  const sm = state.info && state.info.summary;
  const clv = sm && sm.clv && !sm.clv.error ? sm.clv : null;
  if (!clv) {
    replace(compareBox, h("p", { class: "sales-note" }, t("predict.cmp.none")));
    return;
  }
  const H = fmt.int(lang, r.horizonMonths);
  const years = fmt.num(lang, clv.lifespanYears, 2);
  const model = r.totals.meanClv;
  const simple = clv.estimate.clv;
  const simpleH = (clv.estimate.yearlyValue * r.horizonMonths) / 12;
  const max = Math.max(model, simple, simpleH, 1e-9);
  const bar = (key, label, value, help, cls) =>
    h(
      "div",
      { class: `predict-cmp-row ${cls}`, "data-testid": `predict-cmp-${key}` },
      h("p", { class: "predict-cmp-label" }, label, help ? h("span", { class: "predict-cmp-help" }, ` — ${help}`) : null),
      h(
        "div",
        { class: "predict-cmp-track" },
        (() => {
          const fill = h("span", { class: "predict-cmp-fill", "aria-hidden": "true" });
          fill.style.width = `${Math.max(0.5, Math.min(100, (value / max) * 100)).toFixed(1)}%`;
          return fill;
        })(),
        h("span", { class: "predict-cmp-value", "data-testid": `predict-cmp-${key}-value` }, money(lang, value)),
      ),
    );
  const calibrated = r.calibrationEnd && sm.lastDate && r.calibrationEnd < sm.lastDate;
  replace(
    compareBox,
    h(
      "div",
      { class: "predict-cmp", role: "group", "aria-label": t("predict.cmp.name", { h: H, model: money(lang, model), simple: money(lang, simple), simpleH: money(lang, simpleH) }) },
      bar("model", t("predict.cmp.model", { h: H }), model, null, "is-model"),
      bar("simple", t("predict.cmp.simple", { years }), simple, null, "is-simple"),
      bar("simpleH", t("predict.cmp.simpleH", { h: H }), simpleH, t("predict.cmp.simpleHHelp", { yearly: money(lang, clv.estimate.yearlyValue), h: H }), "is-simple-h"),
    ),
    h(
      "p",
      { class: "predict-why", "data-testid": "predict-why" },
      t("predict.cmp.why", { years, measured: !clv.lifespanOverridden, h: H, d: fmt.pct(lang, r.monthlyDiscountRate * 100, 2) }),
      calibrated ? ` ${t("predict.cmp.calibration", { date: dateText(lang, r.calibrationEnd) })}` : "",
    ),
    h("p", { class: "caveat" }, t("predict.cmp.use")),
  );
}

const PARAMS = [
  ["bg", "r", "r", 3],
  ["bg", "alpha", "α", 3],
  ["bg", "a", "a", 3],
  ["bg", "b", "b", 3],
  ["gg", "p", "p", 2],
  ["gg", "q", "q", 2],
  ["gg", "v", "v", 2],
];

function renderModel() {
  const r = state.result;
  const lang = getLang();
  const p = r.params;
  const se = r.standardErrors;
  const unit = unitWord(r.unit);
  const H = fmt.int(lang, r.horizonMonths);
  const rows = [];
  let group = null;
  for (const [g, key, symbol, digits] of PARAMS) {
    if (g !== group) {
      group = g;
      rows.push(h("tr", { class: "predict-param-group" }, h("th", { scope: "colgroup", colspan: "3" }, t(`predict.p.${g}`))));
    }
    rows.push(
      h(
        "tr",
        { "data-param": key },
        h("th", { scope: "row" }, h("span", { class: "predict-symbol" }, symbol), " ", h("span", { class: "predict-meaning" }, t(`predict.m.${key}`, { unit }))),
        h("td", { class: "num", "data-testid": `predict-param-${key}` }, paramText(lang, p[key], digits)),
        h("td", { class: "num", "data-testid": `predict-se-${key}` }, se ? paramText(lang, se[key], digits) : "—"),
      ),
    );
  }
  const perUnit = p.r / p.alpha;
  const unitsPerYear = r.unit === "days" ? 365.25 : 365.25 / 7;
  const drop = p.a / (p.a + p.b);
  const meanSpend = p.q > 1 ? (p.p * p.v) / (p.q - 1) : null;
  replace(
    modelBox,
    h("p", null, t("predict.explainBg", { unit })),
    h("p", null, t("predict.explainGg")),
    h("p", null, t("predict.explainClv", { h: H, d: fmt.pct(lang, r.monthlyDiscountRate * 100, 2) })),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "sales-table predict-params", "data-testid": "predict-params" },
        h("caption", { class: "visually-hidden" }, t("predict.paramsCaption")),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col" }, t("predict.p.param")),
            h("th", { scope: "col", class: "num" }, t("predict.p.value")),
            h("th", { scope: "col", class: "num" }, t("predict.p.se")),
          ),
        ),
        h("tbody", null, rows),
      ),
    ),
    h("p", { class: "help" }, se ? t("predict.seNote") : t("predict.seNone")),
    h("h4", null, t("predict.derivedTitle")),
    h(
      "ul",
      { class: "predict-derived", "data-testid": "predict-derived" },
      h("li", null, t("predict.d.rate", { rate: fmt.num(lang, perUnit, perUnit < 0.1 ? 3 : 2), unit1: unitOne(r.unit), year: fmt.num(lang, perUnit * unitsPerYear, 1) })),
      h("li", null, t("predict.d.drop", { pct: fmt.pct(lang, drop * 100, 1) })),
      h("li", null, meanSpend === null ? t("predict.d.spendNone") : t("predict.d.spend", { spend: money(lang, meanSpend) })),
    ),
    h("p", { class: "help predict-ll" }, t("predict.ll", { bg: fmt.num(lang, r.logLikelihood.bgNbd, 2), gg: fmt.num(lang, r.logLikelihood.gammaGamma, 2) })),
  );
}

function drawAlive() {
  const r = state.result;
  if (!r || results.hidden) return;
  const lang = getLang();
  const m = r.aliveMatrix;
  if (!m || !m.frequencies.length || !m.recencies.length) {
    replace(aliveBox);
    return;
  }
  const unit = unitWord(r.unit);
  const tDigits = m.t < 20 ? 1 : 0;
  const tick = (v) => fmt.num(lang, v, m.t < 20 ? 1 : 0);
  const pc = (v) => fmt.pct(lang, v * 100, 0);
  const last = m.frequencies.length - 1;
  const lastR = m.recencies.length - 1;
  replace(
    aliveBox,
    h("p", { class: "sales-note" }, t("predict.aliveIntro", { t: fmt.num(lang, m.t, tDigits), unit })),
    aliveHeatmap({
      id: "predict-alive",
      matrix: m,
      width: chartWidth(aliveBox),
      texts: {
        title: t("predict.aliveChart"),
        name: t("predict.aliveName", {
          maxF: fmt.int(lang, m.frequencies[last]),
          t: fmt.num(lang, m.t, tDigits),
          unit,
          f0: pc(m.values[0][0]),
          fm: fmt.int(lang, m.frequencies[last]),
          top: pc(m.values[last][lastR]),
          bottom: pc(m.values[last][0]),
        }),
        caption: null,
        freqAxis: t("predict.aliveFreq"),
        recAxis: t("predict.aliveRec", { unit }),
        cell: (f, rec, p) => t("predict.aliveCell", { f: fmt.int(lang, f), r: fmt.num(lang, rec, 1), unit, p: fmt.pct(lang, p * 100, 1) }),
        freqHead: t("predict.aliveFreqHead"),
        recHead: (rec) => fmt.num(lang, rec, 1),
        legendTitle: t("predict.aliveLegend"),
        bin: (lo, hi) => t("predict.aliveBin", { lo: fmt.num(lang, lo, 0), hi: hi === null ? null : fmt.pct(lang, hi, 0) }).replace(/^≥ (.*)$/, (s, x) => `≥ ${x}${fmt.pctSign(lang)}`),
        showNumbers: t("sales.showNumbers"),
        scroll: t("predict.aliveScroll"),
      },
      format: { pct: (v) => fmt.pct(lang, v, 0), num0: (v) => fmt.num(lang, v, 0), tick, int: (v) => fmt.int(lang, v) },
    }),
  );
}

function renderHoldout() {
  const r = state.result;
  const lang = getLang();
  const ho = r.holdout;
  if (!ho) {
    replace(holdoutBox, h("p", { class: "sales-note", "data-testid": "predict-holdout-none" }, t("predict.holdoutNone")));
    return;
  }
  const unit = unitWord(r.unit);
  const diff = ho.totalActual ? ((ho.totalPredicted - ho.totalActual) / ho.totalActual) * 100 : null;
  const sign = diff === null ? "" : diff > 0 ? "+" : "";
  replace(
    holdoutBox,
    h(
      "p",
      { class: "sales-note" },
      t("predict.holdoutIntro", {
        cal: dateText(lang, r.calibrationEnd),
        from: dateText(lang, addDays(r.calibrationEnd, 1)),
        end: dateText(lang, ho.end),
        duration: fmt.num(lang, ho.duration, 1),
        unit,
      }),
    ),
    stats(
      [
        [t("predict.hoTotalActual"), fmt.int(lang, ho.totalActual), "predict-holdout-actual"],
        [t("predict.hoTotalPredicted"), fmt.num(lang, ho.totalPredicted, 0), "predict-holdout-predicted"],
        diff === null ? null : [t("predict.hoDiff"), `${sign}${fmt.pct(lang, diff, 1)}`, "predict-holdout-diff", t("predict.hoDiffHelp", { over: diff > 0 })],
      ],
      "predict-holdout-totals",
    ),
    h("div", { class: "sales-chart-box", id: "predict-holdout-chart-box" }),
  );
  drawHoldout();
}

function drawHoldout() {
  const r = state.result;
  const box = $("predict-holdout-chart-box");
  if (!r || !r.holdout || !box) return;
  const lang = getLang();
  const ho = r.holdout;
  replace(
    box,
    holdoutChart({
      id: "predict-holdout",
      rows: ho.byFrequency,
      width: chartWidth(box),
      texts: {
        title: t("predict.holdoutChart"),
        name: t("predict.holdoutName", { actual: fmt.int(lang, ho.totalActual), predicted: fmt.num(lang, ho.totalPredicted, 0) }),
        caption: null,
        x: t("predict.hoX"),
        y: t("predict.hoY"),
        actual: t("predict.hoActual"),
        predicted: t("predict.hoPredicted"),
        group: (k, last) => t("predict.hoGroup", { k: fmt.int(lang, k), last }),
        customers: (count) => t("predict.hoCustomers", { n: fmt.int(lang, count) }),
        showNumbers: t("sales.showNumbers"),
        cols: table("predict.hoCols"),
      },
      format: { num: (v) => fmt.num(lang, v, 2, 2), tick: (v) => fmt.num(lang, v, 2), int: (v) => fmt.int(lang, v) },
    }),
  );
}

// ---------------------------------------------------------------- CSV

async function downloadCsv(status) {
  if (!state.result) return;
  const lang = getLang();
  const sep = lang === "id" ? ";" : ",";
  const headers = t("predict.csv", { unit: unitWord(state.result.unit), h: fmt.int(lang, state.result.horizonMonths), cur: fmt.currencySymbol(lang, currency()) });
  const answer = await salesLog.csv({ lang, sep, headers });
  if (!answer || !answer.blob) return;
  const filename = t("predict.csvName");
  const url = URL.createObjectURL(answer.blob);
  const a = h("a", { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  status.textContent = t("sales.downloaded", { name: filename, n: fmt.int(lang, answer.lines) });
}

// ---------------------------------------------------------------- events

if (app) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    runPredict();
  });
  let optionTimer = null;
  // After a first prediction, a changed option predicts again (as the analysis does).
  const again = () => {
    if (!state.result && !state.error) return;
    if (state.busy) {
      state.queued = true;
      return;
    }
    runPredict();
  };
  form.addEventListener("change", (event) => {
    const el = event.target;
    if (!el.matches("[data-option]")) return;
    if (el === calInput) state.touched.add("calibrationEnd");
    if (el === holdInput) state.touched.add("holdoutEnd");
    clearTimeout(optionTimer);
    if (el.type === "text") readOptions();
    again();
  });
  form.addEventListener("input", (event) => {
    const el = event.target;
    if (!el.matches("input[type=text][data-option]")) return;
    clearTimeout(optionTimer);
    optionTimer = setTimeout(() => {
      readOptions();
      again();
    }, OPTION_DELAY_MS);
  });
  suggestButton.addEventListener("click", () => {
    const split = suggestedSplit(state.info && state.info.summary);
    if (!split) return;
    calInput.value = split.cal;
    holdInput.value = split.end;
    state.touched.add("calibrationEnd");
    state.touched.add("holdoutEnd");
    if (state.result || state.error) runPredict();
    else runButton.focus();
  });

  onLangChange((lang, previous) => {
    // Numbers typed in one notation mean the same in the other.
    for (const input of [horizonInput, discountInput]) {
      const parsed = fmt.parseNumber(input.value, previous);
      if (parsed.value !== undefined) input.value = fmt.plain(lang, parsed.value);
    }
    staticHelp();
    if (state.info) {
      showSource(state.info);
      if (state.info.summary) fillDefaults(state.info.summary);
    }
    customersTable.relabel();
    if (state.result) {
      try {
        render();
      } catch (error) {
        console.error(error);
        showError({ code: "internal" });
      }
    } else if (state.error) showError(state.error);
    if (optionsError.textContent) readOptions();
    if (state.busy) progressText.textContent = t("predict.stage", { customers: fmt.int(lang, state.info?.summary?.customers || 0) });
    doneStatus.textContent = "";
  });

  let lastWidth = 0;
  let resizeTimer = null;
  new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const w = results.clientWidth;
      if (!state.result || results.hidden || Math.abs(w - lastWidth) < 24) return;
      lastWidth = w;
      drawAlive();
      drawHoldout();
    }, 150);
  }).observe(results);

  staticHelp();
  salesLog.subscribe(onLog);
  onLog(salesLog.current());
}
