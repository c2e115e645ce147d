// "Analyse my sales" (Analisis penjualan): one pasted, opened or dropped sales log
// → RFM segments and a customer table, retention (CRR with S, E, N), cohorts, CLV
// and Pareto, and the lifecycle with win-back stages. The analysis runs in a Web
// Worker (www/worker.js), which keeps the log and the per-customer rows: the main
// thread posts the file or text once, then only options, and receives progress,
// a summary and pages of rows. User text is only ever set as text.
// The "Predict" part (js/predict.js) uses the same worker and the same log
// through `salesLog`, exported at the end.

import "./sales-i18n.js";
import "./predict-i18n.js";
import { h, replace } from "./dom.js";
import * as fmt from "./format.js";
import { applyStatic, getLang, onLangChange, t, table } from "./lang.js";
import { bandLabel, skipReason } from "../i18n.js";
import { cohortHeatmap, retentionCurves, segmentChart } from "./sales-charts.js";
import { createTable } from "./sales-table.js";
import { ACCEPT, FILE_ERRORS, SPREADSHEET_FILE, UNREADABLE_FILE, sheetPicker } from "./workbook.js";

const $ = (id) => document.getElementById(id);
const section = $("sales");
const app = $("sales-app");

const MAX_FILE_BYTES = 100 * 1024 * 1024;
const TEXT_DELAY_MS = 350; // after the last keystroke or paste
const OPTION_DELAY_MS = 600; // after typing in an option
const CURVE_COHORTS = 6;
const NAMES_IN_CARD = 5;
const ROLES = ["customer", "date", "amount", "orderId", "status", "refunded"];
// The currencies offered (any other ISO code the API knows is still shown in its own).
const CURRENCIES = ["IDR", "USD", "EUR", "GBP", "AUD", "SGD", "MYR", "THB", "PHP", "VND", "JPY", "INR"];
// Columns without a role are folded away when there are more than this many.
const UNFOLDED_COLUMNS = 4;
// A column mapping the user set is remembered per header row under this prefix
// (header names and roles only, never a value of the data).
const MAPPING_KEY = "customer-metrics.columns.";
const DEFAULT_THRESHOLDS = {
  recency: [7, 30, 60, 90],
  frequency: [10, 6, 4, 2],
  monetary: [10_000_000, 5_000_000, 2_000_000, 500_000],
};
const TONES = { poor: "bad", average: "warn", good: "ok", excellent: "great" };

// ---------------------------------------------------------------- formatting

const LOCALE = (lang) => (lang === "en" ? "en-GB" : "id-ID");
const isoDate = (iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d || 1));
};
const dateText = (lang, iso) =>
  iso ? new Intl.DateTimeFormat(LOCALE(lang), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(isoDate(iso)) : "";
const monthText = (lang, iso, month = "short") =>
  new Intl.DateTimeFormat(LOCALE(lang), { month, year: "numeric", timeZone: "UTC" }).format(isoDate(iso));
const lastOfMonth = (iso) => {
  const d = isoDate(iso);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
};

/** A period as people say it: "Juni 2025", "April – Juni 2025", or two dates. */
function periodText(lang, start, end) {
  if (!start || !end) return "";
  const whole = start.endsWith("-01") && Number(end.slice(8)) === lastOfMonth(end);
  if (whole) {
    if (start.slice(0, 7) === end.slice(0, 7)) return monthText(lang, start, "long");
    return `${monthText(lang, start, "long")} – ${monthText(lang, end, "long")}`;
  }
  return `${dateText(lang, start)} – ${dateText(lang, end)}`;
}

const F = {
  int: (n) => fmt.int(getLang(), n),
  num: (n, max = 1) => fmt.num(getLang(), n, max),
  pct: (n, max = 1) => (n === null || n === undefined ? "—" : fmt.pct(getLang(), n, max)),
};

/** The currency amounts are shown in: the result's (detected or chosen), rupiah before any. */
const currencyOf = () => fmt.currencyCode(state.summary?.currency?.code || "IDR");
/** An amount in the result's currency: Rp 1.250.000, $1,250.50 (its minor unit). */
function money(n) {
  const code = currencyOf();
  const digits = fmt.currencyDigits(code);
  return fmt.money(getLang(), n, code, digits, digits);
}
/** The currency's symbol, for labels ("Jumlah (Rp)"). */
const currencySymbol = () => fmt.currencySymbol(getLang(), currencyOf());

function fileSize(lang, bytes) {
  if (bytes < 1024) return `${fmt.int(lang, bytes)} B`;
  if (bytes < 1024 * 1024) return `${fmt.num(lang, bytes / 1024, 0)} KB`;
  return `${fmt.num(lang, bytes / (1024 * 1024), 1)} MB`;
}

const columnName = (name) => {
  const generic = /^column (\d+)$/.exec(name);
  return generic ? t("sales.columnN", { n: generic[1] }) : name;
};

const bi = (text) => (text && typeof text === "object" ? text[getLang()] ?? text.en : text ?? "");

function errorText(error) {
  const lang = getLang();
  const fn = table("errorsSales")[error.code];
  if (!fn) return error.message || table("errorsSales").internal();
  const fields = table("fieldsSales");
  const role = error.field && /^columns\.(\w+)$/.exec(error.field);
  return fn({
    field: fields[error.field] || error.field || "",
    role: role ? t(`sales.role.${role[1]}`).toLowerCase() : "",
    lang,
  });
}

// ---------------------------------------------------------------- state

const state = {
  source: null, // { kind: "file", file, sheet? } | { kind: "text", text }
  workerHas: false, // the worker holds the text of the current source
  columns: null, // the user's role mapping { role: index }, or null for the detected one
  shownColumns: null, // the columns last shown (with their roles)
  summary: null, // the last result
  error: null,
  busy: null, // { id, started } while an analysis runs
  queued: false, // options changed while busy
  run: 0, // results shown so far (data-run, for tests)
  touched: new Set(), // options the user set (period, as-of)
  pending: new Map(), // query id → resolve
  sourceSeq: 0, // counts the logs given (a new log makes predictions moot)
  reading: null, // { locale, columns, countStatuses, excludeStatuses, currency } of the result shown
  statuses: new Map(), // status value (lower case) → { status, counted } the user set
  allColumns: false, // the columns without a role unfolded
  saved: null, // the remembered mapping: { key, state: "used" | "saved" | "forgotten" }
  savedChecked: false, // the remembered mappings were looked at for this log
  detectedSymbol: "", // the currency symbol detected in the last automatic reading
};
const predictWaits = new Map(); // prediction id → { resolve, progress }
const logListeners = new Set(); // the Predict part's (salesLog.subscribe)

const rfmOk = () => state.summary && state.summary.rfm && !state.summary.rfm.error;
const lifeOk = () => state.summary && state.summary.lifecycle && !state.summary.lifecycle.error;
const segmentOf = (key) => (rfmOk() ? state.summary.rfm.segments.find((s) => s.key === key) : null);
const segmentLabel = (key) => bi(segmentOf(key)?.label) || key;
const stageLabel = (key) => bi(lifeOk() ? state.summary.lifecycle.stages.find((s) => s.key === key)?.label : null) || key;
const winBackOf = (key) => (lifeOk() ? state.summary.lifecycle.winBack.find((w) => w.key === key) : null);

// ---------------------------------------------------------------- the skeleton

function field(id, labelKey, control, helpKey, extra = {}) {
  return h(
    "div",
    { class: `field ${extra.cls || ""}`.trim(), id: `${id}-field`, hidden: extra.hidden || null },
    h("label", { for: id, "data-i18n": labelKey }),
    control,
    helpKey ? h("p", { class: "help", id: `${id}-help`, "data-i18n": helpKey }) : null,
  );
}

const textInput = (id, attrs = {}) =>
  h("input", { type: "text", id, "data-testid": id, autocomplete: "off", inputmode: "decimal", "data-option": "", ...attrs });

function radios(name, values, checked) {
  return h(
    "fieldset",
    { class: "source-switch" },
    h("legend", { "data-i18n": `sales.${name}` }),
    h(
      "div",
      { class: "segmented" },
      values.map((v) => [
        h("input", { type: "radio", name: `sales-${name}`, id: `sales-${name}-${v}`, "data-testid": `sales-${name}-${v}`, value: v, checked: v === checked || null, "data-option": "" }),
        h("label", { for: `sales-${name}-${v}`, "data-i18n": `sales.${name}.${v}` }),
      ]),
    ),
  );
}

function thresholdsEditor() {
  const measures = ["recency", "frequency", "monetary"];
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "sales-thresholds", "data-testid": "sales-thresholds" },
      h("caption", { class: "visually-hidden", "data-i18n": "sales.thresholdsCaption" }),
      h(
        "thead",
        null,
        h("tr", null, h("th", { scope: "col", "data-i18n": "sales.th.measure" }), [5, 4, 3, 2].map((sc) => h("th", { scope: "col", class: "num", "data-score": sc }))),
      ),
      h(
        "tbody",
        null,
        measures.map((m) =>
          h(
            "tr",
            null,
            h("th", { scope: "row", "data-th-row": m }),
            [0, 1, 2, 3].map((i) =>
              h(
                "td",
                null,
                h(
                  "span",
                  { class: "th-op", "aria-hidden": "true" },
                  m === "recency" ? "≤" : i === 0 ? ">" : "≥",
                ),
                textInput(`sales-th-${m}-${i}`, { class: "th-input", inputmode: m === "monetary" ? "numeric" : "numeric", "data-measure": m, "data-edge": i }),
                h("label", { for: `sales-th-${m}-${i}`, class: "visually-hidden", "data-th-label": `${m}|${i}` }),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function block(id, titleKey, ...content) {
  return h(
    "section",
    { class: "sales-block", id, "aria-labelledby": `${id}-title`, "data-testid": id },
    h("h3", { id: `${id}-title`, "data-i18n": titleKey }),
    ...content,
  );
}

const textarea = h("textarea", {
  id: "sales-text",
  "data-testid": "sales-text",
  rows: "7",
  spellcheck: "false",
  autocomplete: "off",
  "aria-describedby": "sales-text-help sales-drop-help",
});
const fileInput = h("input", {
  type: "file",
  id: "sales-file",
  class: "file-input",
  accept: `${ACCEPT},text/csv,text/plain`,
  "data-testid": "sales-file",
  "aria-describedby": "sales-drop-help",
});
const dropzone = h(
  "div",
  { class: "sales-dropzone", "data-testid": "sales-dropzone" },
  textarea,
  h("span", { class: "sales-drop-overlay", "aria-hidden": "true", "data-i18n": "sales.dropHere" }),
);
const clearButton = h("button", { type: "button", class: "sales-button sales-clear", "data-testid": "sales-clear", "data-i18n": "sales.clear" });
const fileStatus = h("p", { class: "file-status", id: "sales-file-status", role: "status", "data-testid": "sales-file-status" });
// A spreadsheet with several sheets holding data: which one is analysed (the worker reads it).
const sheetSelect = sheetPicker({
  id: "sales-sheet",
  h,
  t,
  onChange: (sheet) => {
    if (state.source?.kind === "file") newSource({ ...state.source, sheet });
  },
});
const localeSelect = h(
  "select",
  { id: "sales-locale", "data-testid": "sales-locale", "data-option": "" },
  h("option", { value: "auto", "data-i18n": "sales.localeAuto" }),
  h("option", { value: "id", "data-i18n": "sales.localeId" }),
  h("option", { value: "en", "data-i18n": "sales.localeEn" }),
);

const currencySelect = h(
  "select",
  { id: "sales-currency", "data-testid": "sales-currency", "data-option": "" },
  h("option", { value: "" }),
  CURRENCIES.map((code) => h("option", { value: code, "data-currency": code })),
);

/** The currency choices in the language: "Otomatis (terdeteksi: Rp)", "Rp — Rupiah Indonesia (IDR)", … */
function labelCurrencies() {
  const lang = getLang();
  for (const option of currencySelect.options) {
    const code = option.dataset.currency;
    option.textContent = code
      ? `${fmt.currencySymbol(lang, code)} — ${fmt.currencyName(lang, code)} (${code})`
      : t("sales.currencyAuto", { symbol: state.detectedSymbol });
  }
}

const progressText = h("span", { id: "sales-progress-text" });
const progressPct = h("span", { class: "sales-progress-pct", "aria-hidden": "true" });
const progressFill = h("div", { class: "sales-bar-fill" });
const progressBar = h(
  "div",
  { class: "sales-bar", role: "progressbar", "aria-labelledby": "sales-progress-text", "aria-valuemin": "0", "aria-valuemax": "100", "data-testid": "sales-progress-bar" },
  progressFill,
);
const cancelButton = h("button", { type: "button", class: "sales-button sales-cancel", "data-testid": "sales-cancel", "data-i18n": "sales.cancel" });
const progress = h(
  "div",
  { class: "sales-progress", "data-testid": "sales-progress", hidden: true },
  h("p", { class: "sales-progress-head", role: "status" }, progressText, " ", progressPct),
  progressBar,
  h("div", { class: "sales-progress-foot" }, h("span", { class: "help", "data-i18n": "sales.busyNote" }), cancelButton),
);
const doneStatus = h("p", { class: "sales-done", "data-testid": "sales-done", role: "status" });
const errorBox = h("div", { class: "error", id: "sales-error", "data-testid": "sales-error", role: "alert" });
const hint = h("p", { class: "hint sales-hint", "data-testid": "sales-hint", "data-i18n": "sales.start" });
const dataView = h("div", { class: "sales-data", "data-testid": "sales-data", hidden: true });

const summaryLine = h("p", { class: "sales-summary", id: "sales-summary", "data-testid": "sales-summary", "aria-live": "polite", "aria-atomic": "true" });
const overview = h("div", { class: "sales-overview", "data-testid": "sales-overview" });

const segIntro = h("p", { class: "sales-note", "data-testid": "sales-seg-intro" });
const asOfInput = h("input", { type: "date", id: "sales-asof", "data-testid": "sales-asof", "data-option": "", "aria-describedby": "sales-asof-help" });
const thresholdsError = h("p", { class: "sales-field-error", id: "sales-thresholds-error", "data-testid": "sales-thresholds-error", role: "alert" });
const thresholdsBox = h(
  "div",
  { class: "sales-thresholds-box" },
  h("h4", { "data-i18n": "sales.thresholdsTitle" }),
  thresholdsEditor(),
  h("p", { class: "help", id: "sales-thresholds-help", "data-testid": "sales-thresholds-help" }),
  thresholdsError,
  h("button", { type: "button", class: "sales-button", id: "sales-th-reset", "data-testid": "sales-th-reset", "data-i18n": "sales.thresholdsReset" }),
);
const segError = h("div", { class: "error", "data-testid": "sales-seg-error", role: "alert" });
const segChartBox = h("div", { class: "sales-chart-box" });
const rulesBox = h("div", { class: "sales-rules" });

const retOptions = h(
  "form",
  { class: "sales-options", "data-testid": "sales-ret-options", novalidate: true },
  h(
    "div",
    { class: "field-row" },
    field("sales-period-start", "sales.periodStart", h("input", { type: "date", id: "sales-period-start", "data-testid": "sales-period-start", "data-option": "", "aria-describedby": "sales-period-help" })),
    field("sales-period-end", "sales.periodEnd", h("input", { type: "date", id: "sales-period-end", "data-testid": "sales-period-end", "data-option": "", "aria-describedby": "sales-period-help" })),
  ),
  h("p", { class: "help", id: "sales-period-help", "data-i18n": "sales.periodHelp" }),
  radios("mode", ["periodOverPeriod", "activeBase"], "periodOverPeriod"),
  field("sales-active-days", "sales.activeDays", textInput("sales-active-days", { inputmode: "numeric", "aria-describedby": "sales-active-days-help", placeholder: "180" }), "sales.activeDaysHelp", { hidden: true }),
);
const retResult = h("div", { class: "sales-result", "data-testid": "sales-retention" });

const cohortResult = h("div", { class: "sales-result", "data-testid": "sales-cohorts" });
const curveBox = h("div", { class: "sales-chart-box" });

const clvOptions = h(
  "form",
  { class: "sales-options", "data-testid": "sales-clv-options", novalidate: true },
  h(
    "div",
    { class: "field-row" },
    field("sales-lifespan", "sales.lifespan", textInput("sales-lifespan", { "aria-describedby": "sales-lifespan-help" }), null),
    field("sales-margin", "sales.margin", textInput("sales-margin", { "aria-describedby": "sales-margin-help" }), "sales.marginHelp"),
  ),
  h("p", { class: "help", id: "sales-lifespan-help", "data-testid": "sales-lifespan-help" }),
);
const clvResult = h("div", { class: "sales-result", "data-testid": "sales-clv" });
const lifeResult = h("div", { class: "sales-result", "data-testid": "sales-lifecycle" });

const rfmTable = createTable({
  id: "sales-customers",
  sort: { key: "monetary", dir: "desc" },
  caption: () => t("sales.custCaption"),
  columns: [
    { key: "customer", label: () => t("sales.c.customer"), cell: (r) => r.customer, cls: "cust-name" },
    { key: "recency", label: () => t("sales.c.recency"), numeric: true, cell: (r) => F.int(r.recency) },
    { key: "frequency", label: () => t("sales.c.frequency"), numeric: true, cell: (r) => F.int(r.frequency) },
    { key: "monetary", label: () => t("sales.c.monetary"), numeric: true, cell: (r) => money(r.monetary) },
    { key: "r", label: () => t("sales.c.r"), numeric: true, cell: (r) => String(r.r) },
    { key: "f", label: () => t("sales.c.f"), numeric: true, cell: (r) => String(r.f) },
    { key: "m", label: () => t("sales.c.m"), numeric: true, cell: (r) => String(r.m) },
    { key: "segment", label: () => t("sales.c.segment"), cell: (r) => segmentLabel(r.segment), cls: "cust-seg" },
    { key: "action", label: () => t("sales.c.action"), cell: (r) => bi(segmentOf(r.segment)?.action), cls: "cust-action", sortable: false },
  ],
  filter: {
    label: () => t("sales.segFilter"),
    options: () => [
      { value: "", label: t("sales.allSegments") },
      ...(rfmOk() ? state.summary.rfm.segments.map((sg) => ({ value: sg.key, label: `${bi(sg.label)} (${F.int(sg.count)})` })) : []),
    ],
  },
  fetch: (query) => ask({ type: "query", table: "rfm", query }),
  download: { label: () => t("sales.download"), onClick: (status) => downloadCsv("rfm", status) },
});

const lifeTable = createTable({
  id: "sales-life",
  sort: { key: "spend", dir: "desc" },
  caption: () => t("sales.lifeCaption"),
  columns: [
    { key: "customer", label: () => t("sales.l.customer"), cell: (r) => r.customer, cls: "cust-name" },
    { key: "stage", label: () => t("sales.l.stage"), cell: (r) => stageLabel(r.stage) },
    { key: "last", label: () => t("sales.l.last"), numeric: true, cell: (r) => F.int(r.last) },
    { key: "spend", label: () => t("sales.l.spend"), numeric: true, cell: (r) => money(r.spend) },
    { key: "vip", label: () => t("sales.l.vip"), cell: (r) => (r.vip ? t("sales.yes") : t("sales.no")) },
    { key: "winBack", label: () => t("sales.l.winBack"), cell: (r) => (r.winBack ? bi(winBackOf(r.winBack)?.label) : t("sales.notInactive")) },
    { key: "offer", label: () => t("sales.l.offer"), cell: (r) => (r.winBack ? bi(winBackOf(r.winBack)?.offer) : ""), cls: "cust-action", sortable: false },
  ],
  filter: {
    label: () => t("sales.show"),
    options: () => {
      const l = lifeOk() ? state.summary.lifecycle : null;
      if (!l) return [{ value: "", label: t("sales.all") }];
      return [
        { value: "", label: t("sales.all") },
        {
          group: t("sales.stageGroup"),
          options: [
            ...l.stages.map((st) => ({ value: st.key, label: `${bi(st.label)} (${F.int(st.count)})` })),
            { value: "vip", label: `${t("sales.vip")} (${F.int(l.vip.count)})` },
          ],
        },
        {
          group: t("sales.winGroup"),
          options: [
            { value: "inactive", label: t("sales.inactive") },
            ...l.winBack.map((w) => ({ value: `winBack:${w.key}`, label: `${bi(w.label)} (${F.int(w.count)})` })),
          ],
        },
      ];
    },
  },
  fetch: (query) => ask({ type: "query", table: "life", query }),
  download: { label: () => t("sales.downloadLife"), onClick: (status) => downloadCsv("life", status) },
});

const subnav = h(
  "nav",
  { class: "sales-subnav", "data-i18n-aria-label": "sales.nav" },
  h(
    "ul",
    null,
    ["segments", "customers", "retention", "cohorts", "clv", "lifecycle"].map((k) =>
      h("li", null, h("a", { href: `#sales-${k}`, "data-i18n": `sales.nav.${k}` })),
    ),
    // The prediction has its own section right after this one (js/predict.js).
    h("li", null, h("a", { href: "#predict", class: "sales-subnav-predict", "data-i18n": "sales.nav.predict" })),
  ),
);

const results = h(
  "div",
  { class: "sales-results", id: "sales-results", "data-testid": "sales-results", hidden: true },
  summaryLine,
  overview,
  subnav,
  block(
    "sales-segments",
    "sales.segTitle",
    segIntro,
    h(
      "form",
      { class: "sales-options", "data-testid": "sales-rfm-options", novalidate: true },
      h(
        "div",
        { class: "field-row" },
        radios("method", ["fixed", "quintile"], "fixed"),
        field("sales-asof", "sales.asOf", asOfInput, null),
      ),
      h("p", { class: "help", id: "sales-asof-help", "data-testid": "sales-asof-help" }),
      thresholdsBox,
    ),
    segError,
    segChartBox,
    rulesBox,
  ),
  block("sales-customers", "sales.custTitle", rfmTable.element),
  block("sales-retention", "sales.retTitle", retOptions, retResult),
  block("sales-cohorts", "sales.cohortTitle", h("p", { class: "sales-note", "data-i18n": "sales.cohortIntro" }), cohortResult, curveBox),
  block("sales-clv", "sales.clvTitle", clvOptions, clvResult),
  block("sales-lifecycle", "sales.lifeTitle", lifeResult, h("h4", { "data-i18n": "sales.lifeTableTitle", id: "sales-life-title" }), lifeTable.element),
);

replace(
  app,
  h(
    "div",
    { class: "sales-input" },
    h(
      "div",
      { class: "field sales-text-field" },
      h("label", { for: "sales-text", "data-i18n": "sales.text" }),
      h("p", { class: "help", id: "sales-text-help", "data-i18n": "sales.textHelp" }),
      dropzone,
      h(
        "div",
        { class: "sales-dropbar" },
        fileInput,
        h("label", { for: "sales-file", class: "file-button" }, h("span", { "data-i18n": "sales.open" })),
        h("span", { class: "drop-help", id: "sales-drop-help", "data-i18n": "sales.drop" }),
        clearButton,
      ),
      fileStatus,
      sheetSelect.element,
    ),
    h(
      "div",
      { class: "sales-side" },
      h("div", { class: "field-row sales-read-options" }, field("sales-locale", "sales.locale", localeSelect, null), field("sales-currency", "sales.currency", currencySelect, null)),
      hint,
      progress,
      doneStatus,
      errorBox,
    ),
  ),
  dataView,
  results,
);
applyStatic(app);
applyStatic(document.querySelector('.toc a[href="#sales"]')?.parentElement || app);
section.dataset.state = "empty";

// ---------------------------------------------------------------- the worker

let worker = null;
let seq = 0;

function startWorker() {
  worker = new Worker(new URL("../worker.js", import.meta.url), { type: "module" });
  worker.addEventListener("message", onMessage);
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    failWorker();
  });
  state.workerHas = false;
}

function stopWorker() {
  worker?.terminate();
  worker = null;
  for (const resolve of state.pending.values()) resolve(null);
  state.pending.clear();
  for (const wait of predictWaits.values()) wait.resolve({ type: "error", error: { code: "cancelled" } });
  predictWaits.clear();
  state.workerHas = false;
}

function failWorker() {
  stopWorker();
  state.busy = null;
  hideProgress();
  showError({ code: "workerFailed" });
}

/** Sends a message that gets one answer (a page of rows, a CSV). */
function ask(message) {
  if (!worker || !state.summary) return Promise.resolve(null);
  const id = ++seq;
  return new Promise((resolve) => {
    state.pending.set(id, resolve);
    worker.postMessage({ ...message, id });
  });
}

function onMessage(event) {
  const msg = event.data;
  // An error without a code of its own ("internal": a trap such as RuntimeError:
  // unreachable) may leave the worker's WebAssembly module unusable: a fresh
  // worker takes over (it is sent the text again) before anything else is asked.
  if (msg.type === "error" && msg.error?.code === "internal" && event.target === worker) {
    const [wait, resolve] = [predictWaits.get(msg.id), state.pending.get(msg.id)];
    predictWaits.delete(msg.id);
    state.pending.delete(msg.id);
    stopWorker();
    startWorker();
    if (wait) predictWaits.set(msg.id, wait);
    if (resolve) state.pending.set(msg.id, resolve);
  }
  const wait = predictWaits.get(msg.id);
  if (wait) {
    if (msg.type === "progress") wait.progress?.(msg);
    else {
      predictWaits.delete(msg.id);
      wait.resolve(msg);
    }
    return;
  }
  if (msg.type === "rows" || msg.type === "csv") {
    const resolve = state.pending.get(msg.id);
    state.pending.delete(msg.id);
    resolve?.(msg);
    return;
  }
  if (!state.busy || msg.id !== state.busy.id) {
    // An answer to an analysis that was replaced: a query error, or stale.
    if (msg.type === "error" && state.pending.has(msg.id)) {
      state.pending.get(msg.id)(null);
      state.pending.delete(msg.id);
    }
    return;
  }
  if (msg.type === "progress") showStage(msg);
  else if (msg.type === "result") onResult(msg);
  else if (msg.type === "error") onError(msg);
}

// ---------------------------------------------------------------- options

/** The analyzeLog options from the form: { options } or { invalid: element }. */
function readOptions() {
  const lang = getLang();
  const options = { locale: localeSelect.value };
  let invalid = null;
  const number = (el, { integer = false, min = -Infinity } = {}) => {
    el.removeAttribute("aria-invalid");
    const parsed = fmt.parseNumber(el.value, lang);
    if (parsed.empty) return undefined;
    if (parsed.invalid || (integer && !Number.isInteger(parsed.value)) || parsed.value < min) {
      el.setAttribute("aria-invalid", "true");
      invalid = invalid || el;
      return undefined;
    }
    return parsed.value;
  };
  const method = $("sales-method-quintile").checked ? "quintile" : "fixed";
  let thresholdProblem = null;
  // Untouched, the API chooses (quintiles for amounts not in rupiah, or far from its edges).
  if (state.touched.has("method")) options.method = method;
  if (asOfInput.value) options.asOf = asOfInput.value;
  if (method === "fixed") {
    const thresholds = {};
    for (const m of ["recency", "frequency", "monetary"]) {
      const edges = [0, 1, 2, 3].map((i) => {
        const el = $(`sales-th-${m}-${i}`);
        const v = number(el, { integer: m !== "monetary", min: 0 });
        if (v === undefined && !el.hasAttribute("aria-invalid")) {
          el.setAttribute("aria-invalid", "true");
          invalid = invalid || el;
        }
        return v;
      });
      const ordered = edges.every((v, i) => i === 0 || v === undefined || edges[i - 1] === undefined || (m === "recency" ? edges[i - 1] <= v : edges[i - 1] >= v));
      if (!ordered) {
        for (let i = 0; i < 4; i++) $(`sales-th-${m}-${i}`).setAttribute("aria-invalid", "true");
        invalid = invalid || $(`sales-th-${m}-0`);
        thresholdProblem = "thresholdsNotOrdered";
      }
      if (edges.join() !== DEFAULT_THRESHOLDS[m].join()) thresholds[m] = edges;
    }
    if (Object.keys(thresholds).length) options.thresholds = thresholds;
  }
  thresholdsError.textContent = thresholdProblem ? errorText({ code: thresholdProblem }) : "";
  const start = $("sales-period-start").value;
  const end = $("sales-period-end").value;
  if (state.touched.has("period") && (start || end)) {
    if (start) options.periodStart = start;
    if (end) options.periodEnd = end;
  }
  const mode = $("sales-mode-activeBase").checked ? "activeBase" : "periodOverPeriod";
  options.mode = mode;
  if (mode === "activeBase") {
    const d = number($("sales-active-days"), { integer: true, min: 1 });
    if (d !== undefined) options.activeDays = d;
  }
  const years = number($("sales-lifespan"), { min: 0 });
  if (years !== undefined) options.lifespanYears = years;
  const margin = number($("sales-margin"), { min: 0 });
  if (margin !== undefined) {
    if (margin > 100) {
      $("sales-margin").setAttribute("aria-invalid", "true");
      invalid = invalid || $("sales-margin");
    } else options.grossMarginPercent = margin;
  }
  if (state.columns) options.columns = { ...state.columns };
  if (currencySelect.value) options.currency = currencySelect.value;
  const count = [];
  const exclude = [];
  for (const { status, counted } of state.statuses.values()) (counted ? count : exclude).push(status);
  if (count.length) options.countStatuses = count;
  if (exclude.length) options.excludeStatuses = exclude;
  return invalid ? { invalid } : { options };
}

function fillThresholds(values = DEFAULT_THRESHOLDS) {
  const lang = getLang();
  for (const m of ["recency", "frequency", "monetary"]) {
    values[m].forEach((v, i) => {
      const el = $(`sales-th-${m}-${i}`);
      el.value = m === "monetary" ? fmt.int(lang, v) : String(v);
      el.removeAttribute("aria-invalid");
    });
  }
}

function labelThresholds() {
  const lang = getLang();
  for (const th of app.querySelectorAll(".sales-thresholds thead th[data-score]")) {
    th.textContent = t("sales.th.score", { s: th.dataset.score });
  }
  const cur = currencySymbol();
  for (const th of app.querySelectorAll("[data-th-row]")) th.textContent = t(`sales.th.${th.dataset.thRow}`, { cur });
  for (const label of app.querySelectorAll("[data-th-label]")) {
    const [m, i] = label.dataset.thLabel.split("|");
    const score = 5 - Number(i);
    const op = m === "recency" ? "≤" : Number(i) === 0 ? ">" : "≥";
    label.textContent = t("sales.th.input", { measure: t(`sales.th.${m}`, { cur }), score, op });
  }
  const quintile = $("sales-method-quintile").checked;
  for (const input of app.querySelectorAll(".th-input")) input.disabled = quintile;
  $("sales-th-reset").disabled = quintile;
  thresholdsBox.classList.toggle("is-disabled", quintile);
  $("sales-thresholds-help").textContent = t(quintile ? "sales.thresholdsQuintile" : "sales.thresholdsHelp");
  void lang;
}

function syncModeField() {
  $("sales-active-days-field").hidden = !$("sales-mode-activeBase").checked;
}

// ---------------------------------------------------------------- running

function run({ fresh = false } = {}) {
  if (!state.source) return;
  const read = readOptions();
  if (read.invalid) return;
  if (state.busy && !fresh) {
    state.queued = true;
    return;
  }
  if (state.busy || !worker) {
    // New data while the old is still analysed: that work is moot.
    stopWorker();
    startWorker();
  }
  const id = ++seq;
  const message = { type: "analyse", id, options: read.options };
  if (!state.workerHas || fresh) {
    if (state.source.kind === "file") {
      message.file = state.source.file;
      message.sheet = state.source.sheet;
    } else message.text = state.source.text;
  }
  const o = read.options;
  // How the log is read (Predict reads it the same way, and predicts again when it changes).
  const reading = { locale: o.locale, columns: o.columns || null, countStatuses: o.countStatuses || null, excludeStatuses: o.excludeStatuses || null, currency: o.currency || null };
  state.busy = { id, started: performance.now(), reading };
  state.queued = false;
  section.dataset.state = "busy";
  section.setAttribute("aria-busy", "true");
  showStage({ stage: message.file ? "reading" : "sending", loaded: 0, total: 1 });
  worker.postMessage(message);
  state.workerHas = true;
  notifyLog();
}

function showStage({ stage, loaded, total, lines }) {
  const lang = getLang();
  progress.hidden = false;
  doneStatus.textContent = "";
  hint.hidden = true;
  let text;
  let value = null;
  if (stage === "reading") {
    const share = total ? loaded / total : 0;
    value = Math.round(share * 30);
    progressPct.textContent = "";
    text = t("sales.stage.reading", { pct: fmt.pct(lang, share * 100, 0) });
  } else if (stage === "sending") {
    text = t("sales.stage.sending");
    value = 5;
  } else if (stage === "analysing" || stage === "preparing") {
    text = t("sales.stage.analysing", { lines: lines ? fmt.int(lang, Math.max(0, lines - 1)) : state.lines || "" });
    if (lines) state.lines = fmt.int(lang, Math.max(0, lines - 1));
  } else {
    text = t("sales.stage.drawing");
    value = 95;
  }
  progress.dataset.stage = stage;
  if (progressText.textContent !== text) progressText.textContent = text;
  if (value === null) {
    progressBar.classList.add("is-indeterminate");
    progressBar.removeAttribute("aria-valuenow");
    progressFill.style.width = "";
  } else {
    progressBar.classList.remove("is-indeterminate");
    progressBar.setAttribute("aria-valuenow", String(value));
    progressFill.style.width = `${value}%`;
  }
}

function hideProgress() {
  progress.hidden = true;
  section.removeAttribute("aria-busy");
  state.lines = "";
}

function onResult(msg) {
  showStage({ stage: "drawing" });
  const started = state.busy.started;
  // Let the "drawing" stage paint before drawing.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (!state.busy || state.busy.id !== msg.id) return;
      if (applySaved(msg.summary.columns, msg.summary.headerRow)) {
        // A mapping saved for these headers: analysed again with it before anything is shown.
        state.busy = null;
        run();
        return;
      }
      state.reading = state.busy.reading;
      state.busy = null;
      state.summary = msg.summary;
      state.error = null;
      state.sourceInfo = msg.source;
      sheetSelect.show(msg.source?.workbook);
      try {
        render();
        section.dataset.state = "ok";
      } catch (error) {
        console.error(error); // a bug of this page: say so, keep it usable
        showError({ code: "internal" });
      }
      hideProgress();
      state.run += 1;
      section.dataset.run = String(state.run);
      const seconds = (performance.now() - started) / 1000;
      section.dataset.ms = String(Math.round(performance.now() - started));
      section.dataset.wasmMs = String(Math.round(msg.ms));
      doneStatus.textContent = t("sales.done", { seconds: fmt.num(getLang(), seconds, seconds < 10 ? 1 : 0) });
      if (state.queued) run();
      else notifyLog();
    }, 0),
  );
}

function onError(msg) {
  state.busy = null;
  const error = msg.error || { code: "internal" };
  if (error.columns && applySaved(error.columns, undefined)) {
    run(); // the saved mapping may name the columns that were not found
    return;
  }
  hideProgress();
  if (error.code === "fileNotText" || error.code === "fileFailed" || FILE_ERRORS.has(error.code)) {
    const params = state.fileParams || { name: state.source?.file?.name || "" };
    state.source = null;
    state.workerHas = false;
    sheetSelect.hide();
    const key = FILE_ERRORS.has(error.code) ? `data.spreadsheetError.${error.code}` : error.code === "fileNotText" ? "sales.fileNotText" : "sales.fileFailed";
    fileStatus.textContent = t(key, params);
    fileStatus.className = "file-status is-error";
  } else if (msg.source?.workbook) {
    // The sheet was read but could not be analysed (e.g. a notes sheet): another can be picked.
    state.sourceInfo = msg.source;
    sheetSelect.show(msg.source.workbook);
    fileStatus.textContent = t("data.sheetRead", { ...state.fileParams, sheet: msg.source.workbook.sheet, empty: msg.source.workbook.rows === 0 });
    fileStatus.className = "file-status";
  }
  state.error = error;
  showError(error); // tells the Predict part
  if (state.queued) run();
}

/** Errors of an option (not of the data): the options stay in view to fix them. */
const OPTION_FIELDS = new Set(["asOf", "method", "thresholds", "periodStart", "periodEnd", "mode", "activeDays", "lifespanYears", "grossMarginPercent"]);

function showError(error) {
  const optionError = OPTION_FIELDS.has(error.field) && !results.hidden;
  results.classList.toggle("is-stale", optionError);
  if (!optionError) {
    state.summary = null;
    results.hidden = true;
    rfmTable.clear();
    lifeTable.clear();
  }
  section.dataset.state = "error";
  const skipped = error.skipped && error.skipped.length ? { skipped: error.skipped, skippedCount: error.skippedCount } : null;
  replace(errorBox, h("p", { class: "error-text", "data-code": error.code }, errorText(error)));
  if (error.columns || skipped) renderData({ columns: error.columns || state.shownColumns || [], ...(skipped || {}) }, true);
  else if (!optionError) dataView.hidden = true;
  // Point at the option that is wrong, where there is one.
  const target = { asOf: asOfInput, thresholds: $("sales-th-recency-0") }[error.field];
  if (target) target.setAttribute("aria-invalid", "true");
  notifyLog();
}

function clearAll() {
  stopWorker();
  startWorker();
  state.source = null;
  state.summary = null;
  state.busy = null;
  state.columns = null;
  state.statuses.clear();
  state.saved = null;
  state.savedChecked = false;
  state.touched.clear();
  hideProgress();
  replace(errorBox);
  dataView.hidden = true;
  results.hidden = true;
  rfmTable.clear();
  lifeTable.clear();
  hint.hidden = false;
  doneStatus.textContent = "";
  fileStatus.textContent = "";
  sheetSelect.hide();
  section.dataset.state = "empty";
  notifyLog();
}

// ---------------------------------------------------------------- input

/** A new log: options tied to the old data (period, as-of, mapping) start afresh. */
function newSource(source) {
  state.source = source;
  state.sourceSeq += 1;
  state.columns = null;
  state.statuses.clear();
  state.allColumns = false;
  state.saved = null;
  state.savedChecked = false;
  if (currencySelect.value && state.detectedSymbol) {
    state.detectedSymbol = ""; // not known for this log until it is read automatically
    labelCurrencies();
  }
  state.touched.clear();
  asOfInput.value = "";
  $("sales-period-start").value = "";
  $("sales-period-end").value = "";
  rfmTable.clearQuery();
  lifeTable.clearQuery();
  replace(errorBox);
  run({ fresh: true });
}

let textTimer = null;
textarea.addEventListener("input", () => {
  clearTimeout(textTimer);
  textTimer = setTimeout(() => {
    const text = textarea.value;
    if (text.trim() === "") {
      if (state.source?.kind === "text") clearAll();
      return;
    }
    fileStatus.textContent = "";
    fileStatus.className = "file-status";
    sheetSelect.hide();
    newSource({ kind: "text", text });
  }, TEXT_DELAY_MS);
});

function takeFile(file) {
  const lang = getLang();
  const params = { name: file.name, size: fileSize(lang, file.size), max: fileSize(lang, MAX_FILE_BYTES) };
  fileStatus.className = "file-status";
  if (file.size > MAX_FILE_BYTES) {
    fileStatus.textContent = t("sales.fileTooBig", params);
    fileStatus.className = "file-status is-error";
    return;
  }
  if (UNREADABLE_FILE.test(file.name)) {
    fileStatus.textContent = t("sales.fileNotText", params);
    fileStatus.className = "file-status is-error";
    return;
  }
  clearTimeout(textTimer);
  textarea.value = ""; // the file is analysed as it is; a big one is never put in the box
  fileStatus.textContent = SPREADSHEET_FILE.test(file.name) ? t("data.spreadsheetOpening", params) : "";
  sheetSelect.hide();
  state.fileParams = params;
  newSource({ kind: "file", file });
}

fileInput.addEventListener("change", () => {
  const file = fileInput.files && fileInput.files[0];
  if (file) takeFile(file);
  fileInput.value = "";
});

const hasFiles = (event) => Array.from(event.dataTransfer?.types || []).includes("Files");
let dragDepth = 0;
dropzone.addEventListener("dragenter", (event) => {
  if (!hasFiles(event)) return;
  dragDepth += 1;
  dropzone.classList.add("is-dragover");
});
dropzone.addEventListener("dragleave", () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) dropzone.classList.remove("is-dragover");
});
dropzone.addEventListener("dragover", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = "copy";
});
dropzone.addEventListener("drop", (event) => {
  dragDepth = 0;
  dropzone.classList.remove("is-dragover");
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  takeFile(file);
});

clearButton.addEventListener("click", () => {
  textarea.value = "";
  clearAll();
  textarea.focus();
});
cancelButton.addEventListener("click", () => {
  if (!state.busy) return;
  stopWorker();
  startWorker();
  state.busy = null;
  state.queued = false;
  hideProgress();
  state.summary = null;
  results.hidden = true;
  dataView.hidden = true;
  section.dataset.state = "cancelled";
  doneStatus.textContent = t("sales.cancelled");
  notifyLog();
});

// Options: selects, radios and dates at once; typed numbers after a pause.
let optionTimer = null;
app.addEventListener("change", (event) => {
  const el = event.target;
  if (!el.matches("[data-option]")) return;
  if (el.id === "sales-period-start" || el.id === "sales-period-end") state.touched.add("period");
  if (el.name === "sales-method") {
    state.touched.add("method");
    labelThresholds();
  }
  if (el.name === "sales-mode") syncModeField();
  clearTimeout(optionTimer);
  run();
});
app.addEventListener("input", (event) => {
  const el = event.target;
  if (!el.matches("input[type=text][data-option]")) return;
  clearTimeout(optionTimer);
  optionTimer = setTimeout(run, OPTION_DELAY_MS);
});
for (const form of app.querySelectorAll("form")) form.addEventListener("submit", (event) => event.preventDefault());
$("sales-th-reset").addEventListener("click", () => {
  fillThresholds();
  run();
});

// ---------------------------------------------------------------- the remembered mapping

/** FNV-1a (32 bits) of a string, as 8 hex digits. */
function hash(text) {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x.toString(16).padStart(8, "0");
}

/** The storage key of a header row (null without a header: nothing to recognise it by). */
function mappingKey(columns, headerRow) {
  if (!columns || !columns.length || headerRow === null) return null;
  const names = columns.map((c) => c.name);
  if (names.every((name) => /^column \d+$/.test(name))) return null;
  return MAPPING_KEY + hash(names.join("\u001f"));
}

/** The saved mapping for these columns as { role: index }, or null. */
function loadMapping(key, columns) {
  try {
    const saved = JSON.parse(window.localStorage.getItem(key) || "null");
    const names = columns.map((c) => c.name);
    if (!saved || !Array.isArray(saved.headers) || saved.headers.join("\u001f") !== names.join("\u001f")) return null;
    const mapping = {};
    for (const [role, name] of Object.entries(saved.roles || {})) {
      const index = names.indexOf(name);
      if (ROLES.includes(role) && index !== -1) mapping[role] = index;
    }
    return Object.keys(mapping).length ? mapping : null;
  } catch {
    return null; // storage disabled or not ours
  }
}

/** Saves header names and roles (never a value of the data); false when storage is off. */
function saveMapping(key, columns, mapping) {
  try {
    const headers = columns.map((c) => c.name);
    const roles = {};
    for (const [role, index] of Object.entries(mapping)) roles[role] = headers[index];
    window.localStorage.setItem(key, JSON.stringify({ headers, roles }));
    return true;
  } catch {
    return false;
  }
}

function forgetMapping(key) {
  try {
    if (key) window.localStorage.removeItem(key);
  } catch {
    // storage disabled: nothing was kept
  }
}

/**
 * Before a log's first result is shown: a mapping saved for its header row is
 * applied. True when it changes the reading (the log is analysed again with it).
 */
function applySaved(columns, headerRow) {
  if (state.savedChecked || state.columns) return false;
  state.savedChecked = true;
  const key = mappingKey(columns, headerRow);
  const mapping = key && loadMapping(key, columns);
  if (!mapping) return false;
  state.columns = mapping;
  state.saved = { key, state: "used" };
  const detected = {};
  for (const c of columns) if (c.role && ROLES.includes(c.role)) detected[c.role] = c.index;
  const same = Object.keys(mapping).length === Object.keys(detected).length && Object.entries(mapping).every(([r, i]) => detected[r] === i);
  return !same;
}

// Column roles: one role per column; a role moved to another column leaves the first.
dataView.addEventListener("change", (event) => {
  const box = event.target.closest("input[data-status-box]");
  if (box) {
    // A status ticked or unticked: counted or not from now on, whatever its default.
    const status = box.dataset.statusBox;
    state.statuses.set(status.toLocaleLowerCase(), { status, counted: box.checked });
    run();
    return;
  }
  const select = event.target.closest("select[data-col]");
  if (!select) return;
  const selects = [...dataView.querySelectorAll("select[data-col]")];
  const role = select.value;
  if (role) for (const other of selects) if (other !== select && other.value === role) other.value = "";
  const columns = {};
  for (const s of selects) if (s.value) columns[s.value] = Number(s.dataset.col);
  state.columns = columns;
  const key = mappingKey(state.shownColumns, state.shownHeaderRow);
  state.saved = key && saveMapping(key, state.shownColumns, columns) ? { key, state: "saved" } : null;
  run();
});
dataView.addEventListener("click", (event) => {
  if (event.target.closest("[data-toggle-columns]")) {
    state.allColumns = !state.allColumns;
    const button = event.target.closest("[data-toggle-columns]");
    const n = dataView.querySelectorAll("tr.is-other").length;
    for (const tr of dataView.querySelectorAll("tr.is-other")) tr.hidden = !state.allColumns;
    button.setAttribute("aria-expanded", String(state.allColumns));
    button.textContent = t(state.allColumns ? "sales.fewerColumns" : "sales.moreColumns", { n: fmt.int(getLang(), n), nN: n });
    return;
  }
  const forget = event.target.closest("[data-forget-columns]");
  const reset = event.target.closest("[data-reset-columns]");
  if (!forget && !reset) return;
  // Back to the detected roles; the mapping saved for this header row goes too.
  const key = state.saved?.key || mappingKey(state.shownColumns, state.shownHeaderRow);
  forgetMapping(key);
  state.saved = forget ? { key, state: "forgotten" } : null;
  state.columns = null;
  run();
});

// ---------------------------------------------------------------- rendering


function partError(part) {
  return h(
    "div",
    { class: "warning sales-part-error", "data-code": part.error.code },
    h("strong", null, t("sales.partError")),
    " ",
    errorText(part.error),
  );
}

function stats(items, testid) {
  return h(
    "dl",
    { class: "stats sales-stats", "data-testid": testid || null },
    items.filter(Boolean).map(([label, value, id, help]) =>
      h(
        "div",
        null,
        h("dt", null, label),
        h("dd", id ? { "data-testid": id } : null, value),
        help ? h("dd", { class: "stat-help" }, help) : null,
      ),
    ),
  );
}

function render() {
  const sm = state.summary;
  if (sm.currency && !currencySelect.value) state.detectedSymbol = sm.currency.symbol || fmt.currencySymbol(getLang(), currencyOf());
  labelCurrencies();
  replace(errorBox);
  results.classList.remove("is-stale");
  hint.hidden = true;
  renderData(sm, false);
  results.hidden = false;
  renderOverview();
  renderSegments();
  renderRetention();
  renderCohorts();
  renderClv();
  renderLifecycle();
  rfmTable.reset();
  lifeTable.reset();
}

/** Rows used and skipped, the file, and the columns with their roles (editable). */
function renderData(sm, onError) {
  const lang = getLang();
  const focused = dataView.contains(document.activeElement) ? document.activeElement.id : null;
  const skipped = sm.skipped || [];
  const skippedCount = sm.skippedCount ?? skipped.length;
  state.shownColumns = sm.columns || state.shownColumns;
  if (state.source?.kind === "file" && state.fileParams && !onError) {
    const book = state.sourceInfo?.workbook;
    fileStatus.textContent = book
      ? t("sales.sheetUsed", { ...state.fileParams, sheet: book.sheet })
      : t("sales.fileUsed", { ...state.fileParams, latin: state.sourceInfo?.latin });
    fileStatus.className = "file-status";
  }
  const columns = sm.columns || [];
  if (sm.headerRow !== undefined || !onError) state.shownHeaderRow = sm.headerRow;
  dataView.hidden = false;
  replace(
    dataView,
    h("h3", { class: "sales-data-title" }, t("sales.dataTitle")),
    h(
      "div",
      { class: "sales-data-grid" },
      h(
        "div",
        { class: "sales-read" },
        sm.used !== undefined
          ? h(
              "p",
              { class: "rows-summary", "data-testid": "sales-rows" },
              t("sales.rows", { used: fmt.int(lang, sm.used), usedN: sm.used, skipped: fmt.int(lang, skippedCount) }),
            )
          : null,
        sm.firstDate
          ? h(
              "p",
              { class: "sales-note", "data-testid": "sales-span" },
              t("sales.span", { customers: fmt.int(lang, sm.customers), from: dateText(lang, sm.firstDate), to: dateText(lang, sm.lastDate) }),
            )
          : null,
        onError ? null : readingBlock(sm),
        onError ? null : noticesBlock(sm),
        onError ? null : statusBlock(sm),
        skipped.length
          ? h(
              "details",
              { class: "skipped", open: skipped.length <= 5 || null },
              h("summary", null, `${t("sales.skippedTitle")} (${fmt.int(lang, skippedCount)})`),
              h(
                "ul",
                { "data-testid": "sales-skipped" },
                skipped.map((entry) =>
                  h(
                    "li",
                    { "data-row": entry.row, "data-code": entry.code, title: entry.reason || null },
                    `${t("sales.row", { row: fmt.int(lang, entry.row) })}: ${(table("skipSales")[entry.code] || (() => skipReason(lang, entry, {})))()}`,
                  ),
                ),
                skippedCount > skipped.length
                  ? h("li", { class: "more" }, t("sales.moreRows", { n: fmt.int(lang, skippedCount - skipped.length), nN: skippedCount - skipped.length }))
                  : null,
              ),
            )
          : null,
      ),
      columns.length ? columnsTable(columns, lang) : null,
    ),
  );
  if (focused) document.getElementById(focused)?.focus();
}

/** Lines as people say them: "1", "1–2", "1, 3". */
function linesText(lang, lines) {
  if (!lines.length) return "";
  const contiguous = lines.every((l, i) => i === 0 || l === lines[i - 1] + 1);
  if (contiguous && lines.length > 1) return `${fmt.int(lang, lines[0])}–${fmt.int(lang, lines[lines.length - 1])}`;
  return lines.map((l) => fmt.int(lang, l)).join(", ");
}

/** "How your file was read": the layout, the header and title rows, orders and rows, guests, revenue and currency. */
function readingBlock(sm) {
  const sales = sm.sales;
  if (!sales && !sm.layout && !sm.currency) return null;
  const lang = getLang();
  const items = [];
  if (sm.layout) {
    items.push(["layout", t("sales.layout", { name: table("sales.layouts")[sm.layout] || sm.layoutName || sm.layout })]);
  }
  if (sm.headerRow === null) {
    items.push(["header", t("sales.noHeader")]);
  } else if (typeof sm.headerRow === "number") {
    // titleRows: the lines above the header that were not read (their count, or their lines).
    const above = Array.isArray(sm.titleRows)
      ? sm.titleRows.map((r) => (typeof r === "number" ? r : r.row)).filter(Number.isFinite)
      : [];
    const count = Array.isArray(sm.titleRows) ? sm.titleRows.length : Number(sm.titleRows) || 0;
    let titles = "";
    if (above.length) titles = linesText(lang, above);
    else if (count && count === sm.headerRow - 1) titles = linesText(lang, Array.from({ length: count }, (_, i) => i + 1));
    else if (count) titles = t("sales.titleCount", { n: fmt.int(lang, count), nN: count });
    if (titles || sm.headerRow > 1) {
      items.push(["header", t("sales.header", { titles, titlesOne: count === 1, row: fmt.int(lang, sm.headerRow) })]);
    }
  }
  if (sales) {
    const level = sales.lineItemRows ? table("sales.amountLevel")[sales.amountLevel] : "";
    items.push([
      "orders",
      t("sales.orders", {
        orders: fmt.int(lang, sales.orders),
        ordersN: sales.orders,
        lines: fmt.int(lang, sales.lines),
        linesN: sales.lines,
        extra: fmt.int(lang, sales.lineItemRows),
        extraN: sales.lineItemRows,
      }) + (level ? `; ${level}` : ""),
    ]);
    const guests = sales.guests;
    if (guests && (guests.orders || guests.rows)) {
      items.push(["guests", t("sales.guests", { orders: fmt.int(lang, guests.orders || guests.rows), ordersN: guests.orders || guests.rows, revenue: money(guests.revenue) })]);
    }
    const by = sm.currency ? table("sales.currencyBy")[sm.currency.decidedBy] || sm.currency.decidedBy : "";
    const code = currencyOf();
    items.push([
      "revenue",
      t("sales.revenue", { revenue: money(sales.revenue), currency: `${fmt.currencyName(lang, code)}, ${code}`, by }) +
        (sales.refunded ? `; ${t("sales.refunded", { amount: money(sales.refunded) })}` : ""),
    ]);
  }
  if (!items.length) return null;
  return h(
    "div",
    { class: "sales-reading", "data-testid": "sales-reading" },
    h("h4", null, t("sales.readTitle")),
    h(
      "ul",
      null,
      items.map(([kind, text]) => h("li", { "data-testid": `sales-read-${kind}`, "data-read": kind }, text)),
    ),
  );
}

// The notices' tones: how much a doubt matters (a word says it too, not only the colour).
const NOTICE_TONES = {
  customerLooksLikeOrderId: "bad",
  customerLooksLikeDate: "bad",
  customerSameAsColumn: "bad",
  manyOrdersPerCustomer: "warn",
  dominantCustomer: "warn",
  unknownStatus: "warn",
  rfmQuintileForCurrency: "info",
  rfmQuintileForSpending: "info",
  guestSales: "info",
  multiLineOrders: "info",
};

/** A notice in the page's language, from its code and params (never from its English sentence). */
function noticeText(notice) {
  const fn = table("sales.notices")[notice.code];
  if (!fn) return { text: notice.message || notice.code, english: true };
  const lang = getLang();
  const p = {};
  for (const [k, v] of Object.entries(notice.params || {})) {
    const isMoney = /revenue|amount|spend/i.test(k) || (notice.code === "rfmQuintileForSpending" && k === "median");
    if (typeof v === "number") p[k] = /percent|share/i.test(k) ? fmt.pct(lang, v) : isMoney ? money(v) : fmt.num(lang, v, 1);
    else p[k] = k === "column" ? columnName(String(v)) : v;
    p[`${k}N`] = v;
  }
  try {
    return { text: fn(p), english: false };
  } catch {
    return { text: notice.message || notice.code, english: true };
  }
}

function noticesBlock(sm) {
  const notices = sm.notices || [];
  if (!notices.length) return null;
  return h(
    "div",
    { class: "sales-notices", "data-testid": "sales-notices" },
    h("h4", null, t("sales.noticesTitle")),
    h(
      "ul",
      null,
      notices.map((notice) => {
        const tone = NOTICE_TONES[notice.code] || "warn";
        const { text, english } = noticeText(notice);
        return h(
          "li",
          { class: `sales-notice tone-${tone}`, "data-code": notice.code, "data-tone": tone },
          h("strong", { class: "sales-notice-tone" }, `${t(`sales.tone.${tone}`)}: `),
          h("span", { lang: english && getLang() !== "en" ? "en" : null }, text),
        );
      }),
    ),
  );
}

/** The order statuses with their rows, orders and revenue, each with a tick box (ticked = counted). */
function statusBlock(sm) {
  const statuses = sm.sales?.statuses || [];
  if (!statuses.length) return null;
  const lang = getLang();
  const categories = table("sales.categories");
  return h(
    "div",
    { class: "sales-statuses" },
    h("h4", { id: "sales-status-title" }, t("sales.statusTitle")),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "sales-table sales-status-table", "data-testid": "sales-statuses" },
        h("caption", { class: "visually-hidden" }, t("sales.statusCaption")),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col" }, t("sales.st.status")),
            ["rows", "orders", "revenue"].map((k) => h("th", { scope: "col", class: "num" }, t(`sales.st.${k}`))),
            h("th", { scope: "col" }, t("sales.st.counted")),
          ),
        ),
        h(
          "tbody",
          null,
          statuses.map((st, i) => {
            const id = `sales-status-${i}`;
            // The status as written, and what overrode it in the page's language.
            const written = st.override ? st.written || "" : st.status;
            const over = st.override ? table("sales.st.override")[st.override] || st.override : "";
            const base = written === "" ? t("sales.st.empty") : written;
            const name = over ? `${base} (${over})` : base;
            return h(
              "tr",
              { "data-status": st.status, "data-category": st.category, "data-counted": st.counted ? "1" : "0", class: st.counted ? null : "is-excluded" },
              h(
                "th",
                { scope: "row" },
                h("span", { class: "status-name" }, name),
                " ",
                h("span", { class: "status-category" }, categories[st.category] || st.category),
              ),
              h("td", { class: "num" }, fmt.int(lang, st.rows)),
              h("td", { class: "num" }, fmt.int(lang, st.orders)),
              h("td", { class: "num" }, money(st.revenue)),
              h(
                "td",
                { class: "status-tick" },
                h("input", { type: "checkbox", id, "data-status-box": st.status, "data-testid": id, checked: st.counted || null }),
                h("label", { for: id }, h("span", { class: "visually-hidden" }, `${name}: `), t("sales.st.countedBox")),
              ),
            );
          }),
        ),
      ),
    ),
    h("p", { class: "help" }, t("sales.statusHelp")),
  );
}

function notationText(n) {
  if (!n) return "";
  const by = t(`sales.by.${n.decidedBy}`);
  if (n.kind === "date") return `${t(n.order === "monthFirst" ? "sales.notation.monthFirst" : "sales.notation.dayFirst")} (${by})`;
  return `${t("sales.notation.amount", { thousands: n.thousandsSeparator, decimal: n.decimalMark })} (${by})`;
}

function columnsTable(columns, lang) {
  void lang;
  // The user's mapping when there is one, else what was detected.
  const roleOf = (c) => {
    const role = state.columns ? ROLES.find((r) => state.columns[r] === c.index) : c.role;
    return role && ROLES.includes(role) ? role : "";
  };
  // The columns that play a role first, then the others (each in the file's order).
  const withRole = columns.filter((c) => roleOf(c));
  const others = columns.filter((c) => !roleOf(c));
  const fold = others.length > UNFOLDED_COLUMNS;
  const folded = fold && !state.allColumns;
  const row = (c, hidden) => {
    const id = `sales-role-${c.index}`;
    const select = h(
      "select",
      { id, "data-col": c.index, "data-testid": id, class: "role-select" },
      h("option", { value: "" }, t("sales.role.none")),
      ROLES.map((r) => h("option", { value: r }, t(`sales.role.${r}`))),
    );
    select.value = roleOf(c);
    return h(
      "tr",
      { "data-col": c.index, "data-role": select.value, class: hidden === undefined ? null : "is-other", hidden: hidden || null },
      h("th", { scope: "row" }, h("label", { for: id }, columnName(c.name)), h("span", { class: "visually-hidden" }, ` — ${t("sales.col.role")}`)),
      h("td", null, select),
      h("td", null, t(`sales.kind.${c.kind}`)),
      h("td", { class: "sales-notation", "data-notation": c.notation ? c.notation.kind : null, title: c.notation?.description || null }, notationText(c.notation)),
    );
  };
  const saved = state.saved;
  return h(
    "div",
    { class: "sales-columns" },
    h("h4", null, t("sales.columnsTitle")),
    saved
      ? h(
          "p",
          { class: `sales-saved is-${saved.state}`, "data-testid": "sales-saved", "data-saved": saved.state, role: "status" },
          saved.state === "forgotten" ? t("sales.forgotten") : t(saved.state === "used" ? "sales.savedUsed" : "sales.savedNew"),
          saved.state === "forgotten"
            ? null
            : [" — ", h("button", { type: "button", class: "sales-link-button", "data-forget-columns": "", "data-testid": "sales-forget" }, t("sales.forget"))],
        )
      : null,
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "sales-table sales-columns-table", "data-testid": "sales-columns" },
        h("caption", { class: "visually-hidden" }, t("sales.columnsCaption")),
        h(
          "thead",
          null,
          h("tr", null, ["name", "role", "kind", "notation"].map((k) => h("th", { scope: "col" }, t(`sales.col.${k}`)))),
        ),
        h("tbody", { id: "sales-columns-body" }, withRole.map((c) => row(c)), others.map((c) => row(c, fold ? folded : undefined))),
      ),
    ),
    fold
      ? h(
          "button",
          {
            type: "button",
            class: "sales-link-button sales-more-columns",
            "data-toggle-columns": "",
            "data-testid": "sales-more-columns",
            "aria-expanded": String(!folded),
            "aria-controls": "sales-columns-body",
          },
          t(folded ? "sales.moreColumns" : "sales.fewerColumns", { n: fmt.int(getLang(), others.length), nN: others.length }),
        )
      : null,
    h("p", { class: "help" }, t("sales.columnsHelp")),
    state.columns
      ? h("button", { type: "button", class: "sales-button", "data-reset-columns": "", "data-testid": "sales-reset-columns" }, t("sales.resetColumns"))
      : null,
  );
}

function renderOverview() {
  const sm = state.summary;
  const lang = getLang();
  const ret = sm.retention && !sm.retention.error ? sm.retention : null;
  const clv = sm.clv && !sm.clv.error ? sm.clv : null;
  const rep = sm.repeat && !sm.repeat.error ? sm.repeat : null;
  const parts = [`${fmt.int(lang, sm.customers)} ${t("sales.ov.customers").toLowerCase()}`];
  if (ret) parts.push(`CRR ${fmt.pct(lang, ret.retentionRate)}`);
  if (clv && clv.pareto.topRevenueShare !== null) parts.push(`${t("sales.ov.pareto")} ${fmt.pct(lang, clv.pareto.topRevenueShare)}`);
  summaryLine.textContent = parts.join(" · ");
  replace(
    overview,
    stats(
      [
        [t("sales.ov.customers"), fmt.int(lang, sm.customers), "sales-ov-customers"],
        // The net revenue of every counted sale (guests' too); without it, the customers'.
        sm.sales ? [t("sales.ov.revenue"), money(sm.sales.revenue), "sales-ov-revenue"] : clv ? [t("sales.ov.revenue"), money(clv.totalRevenue), "sales-ov-revenue"] : null,
        ret ? [t("sales.ov.crr"), fmt.pct(lang, ret.retentionRate), "sales-ov-crr"] : null,
        rep ? [t("sales.ov.repeat"), fmt.pct(lang, rep.repeatPurchaseRate), "sales-ov-repeat"] : null,
        clv && clv.pareto.topRevenueShare !== null ? [t("sales.ov.pareto"), fmt.pct(lang, clv.pareto.topRevenueShare), "sales-ov-pareto"] : null,
        clv ? [t("sales.ov.clv"), money(clv.estimate.profitClv), "sales-ov-clv"] : null,
      ],
      "sales-overview-stats",
    ),
  );
}

function chartWidth(el) {
  const w = el.clientWidth || results.clientWidth || 640;
  return Math.max(300, Math.floor(w));
}

function renderSegments() {
  const sm = state.summary;
  const lang = getLang();
  labelThresholds();
  if (sm.rfm.error) {
    replace(segError, partError(sm.rfm));
    replace(segChartBox);
    replace(rulesBox);
    segIntro.textContent = "";
    return;
  }
  replace(segError);
  const rfm = sm.rfm;
  if (!state.touched.has("method")) {
    // The method the API chose shows as chosen (it may be quintiles for another currency).
    $(`sales-method-${rfm.method === "quintile" ? "quintile" : "fixed"}`).checked = true;
    labelThresholds();
  }
  // The day before asOf is the last date counted: asOf itself is "today".
  segIntro.textContent = t("sales.segIntro", { asOf: dateText(lang, rfm.asOf) });
  $("sales-asof-help").textContent = asOfInput.value
    ? t("sales.asOfHelpPlain")
    : t("sales.asOfHelp", { date: dateText(lang, rfm.asOf) });
  if (rfm.method === "fixed" && rfm.thresholds && !app.querySelector(".th-input[aria-invalid]")) {
    const focused = document.activeElement?.classList.contains("th-input");
    if (!focused) fillThresholds(rfm.thresholds);
  }
  drawSegmentChart();
  const rows = rfm.rules.map((rule) => {
    const seg = rfm.segments.find((sg) => sg.key === rule.key);
    return h(
      "tr",
      { "data-segment": rule.key },
      h("th", { scope: "row" }, bi(rule.label)),
      h("td", { class: "sales-condition" }, bi(rule.condition)),
      h("td", { class: "num", "data-testid": `sales-seg-count-${rule.key}` }, fmt.int(lang, seg ? seg.count : 0)),
      h("td", { class: "cust-action" }, bi(rule.action)),
    );
  });
  replace(
    rulesBox,
    h("h4", null, t("sales.rulesTitle")),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "sales-table sales-rules-table", "data-testid": "sales-rules" },
        h("caption", { class: "visually-hidden" }, t("sales.rulesCaption")),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col" }, t("sales.rules.segment")),
            h("th", { scope: "col" }, t("sales.rules.condition")),
            h("th", { scope: "col", class: "num" }, t("sales.rules.count")),
            h("th", { scope: "col" }, t("sales.rules.action")),
          ),
        ),
        h("tbody", null, rows),
      ),
    ),
  );
}

function drawSegmentChart() {
  if (!rfmOk()) return;
  const lang = getLang();
  const rfm = state.summary.rfm;
  const order = rfm.rules.map((r) => r.key);
  const segments = [...rfm.segments]
    .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    .map((sg) => ({ ...sg, label: bi(sg.label) }));
  const detail = segments
    .map((sg) =>
      t("sales.segChartItem", {
        label: sg.label,
        count: fmt.int(lang, sg.count),
        share: fmt.pct(lang, sg.percent),
        revenue: sg.revenuePercent === null ? "—" : fmt.pct(lang, sg.revenuePercent),
      }),
    )
    .join("; ");
  replace(
    segChartBox,
    segmentChart({
      id: "sales-seg",
      segments,
      width: chartWidth(segChartBox),
      texts: {
        title: t("sales.segChartTitle"),
        name: t("sales.segChartName", { detail }),
        customers: t("sales.segCustomers"),
        revenue: t("sales.segRevenue"),
        legendCustomers: t("sales.segLegendCustomers"),
        legendRevenue: t("sales.segLegendRevenue"),
        showNumbers: t("sales.showNumbers"),
        cols: table("sales.segCols"),
      },
      format: { int: F.int, pct: (p) => fmt.pct(lang, p), money },
    }),
  );
}

function renderRetention() {
  const sm = state.summary;
  const lang = getLang();
  const r = sm.retention;
  const repeat = sm.repeat && !sm.repeat.error ? sm.repeat : null;
  const parts = [];
  if (r.error) {
    parts.push(partError(r));
  } else {
    if (!state.touched.has("period")) {
      $("sales-period-start").value = r.start;
      $("sales-period-end").value = r.end;
    }
    if (r.mode === "activeBase") $("sales-active-days").placeholder = String(r.activeDays ?? 180);
    const active = r.mode === "activeBase";
    const period = periodText(lang, r.start, r.end);
    const prev = periodText(lang, r.previousStart, r.previousEnd);
    const d = fmt.int(lang, r.activeDays ?? 180);
    const sign = fmt.pctSign(lang);
    parts.push(
      h(
        "p",
        { class: "summary" },
        h("span", { class: "figure-label" }, t("sales.crr")),
        " ",
        h("span", { class: "figure", "data-testid": "sales-crr" }, fmt.pct(lang, r.retentionRate)),
        " ",
        h(
          "span",
          { class: `badge tone-${TONES[r.band.key] || "ok"}`, "data-testid": "sales-crr-band", "data-band": r.band.key },
          h("span", { class: "badge-dot", "aria-hidden": "true" }),
          bandLabel(lang, r.band),
        ),
        " · ",
        h("span", { class: "figure-label" }, t("sales.churn")),
        " ",
        h("span", { class: "figure figure-secondary", "data-testid": "sales-churn" }, fmt.pct(lang, r.churnRate)),
      ),
      h(
        "p",
        { class: "sales-note", "data-testid": "sales-period" },
        active ? t("sales.periodTextActive", { period, d }) : t("sales.periodText", { period, prev }),
      ),
      stats(
        [
          [t("sales.S"), fmt.int(lang, r.startCustomers), "sales-S", active ? t("sales.S.active", { date: dateText(lang, r.start), d }) : t("sales.S.pop", { prev })],
          [t("sales.E"), fmt.int(lang, r.endCustomers), "sales-E", active ? t("sales.E.active", { date: dateText(lang, r.end), d }) : t("sales.E.pop", { period })],
          [t("sales.N"), fmt.int(lang, r.newCustomers), "sales-N", t("sales.N.help")],
        ],
        "sales-sen",
      ),
      h(
        "div",
        { class: "formula", "data-testid": "sales-crr-formula" },
        h("p", null, h("span", { class: "formula-label" }, t("sales.retFormula"))),
        h(
          "p",
          null,
          h(
            "span",
            { class: "formula-math" },
            `(${fmt.int(lang, r.endCustomers)} − ${fmt.int(lang, r.newCustomers)}) / ${fmt.int(lang, r.startCustomers)} × 100${sign} = ${fmt.pct(lang, r.retentionRate)}`,
          ),
        ),
      ),
      stats([
        [t("sales.retained"), fmt.int(lang, r.retained), "sales-retained", t(active ? "sales.retained.active" : "sales.retained.pop")],
        [t("sales.reactivated"), fmt.int(lang, r.reactivated), "sales-reactivated", t("sales.reactivated.help")],
        [t("sales.lost"), fmt.int(lang, r.lost), "sales-lost", t("sales.lost.help")],
        [t("sales.strict"), fmt.pct(lang, r.strictRetentionRate), "sales-strict", t("sales.strict.help")],
      ]),
      r.retentionRate > 100 ? h("p", { class: "warning" }, t("sales.over100")) : null,
    );
  }
  if (repeat) {
    parts.push(
      h("h4", null, t("sales.repeatTitle")),
      stats([
        [
          t("sales.repeatRate"),
          fmt.pct(lang, repeat.repeatPurchaseRate),
          "sales-repeat",
          t("sales.repeatRate.help", { n: fmt.int(lang, repeat.repeatCustomers), total: fmt.int(lang, repeat.customers) }),
        ],
        repeat.averageDaysBetweenPurchases !== null
          ? [t("sales.avgGap"), t("sales.days", { n: fmt.num(lang, repeat.averageDaysBetweenPurchases, 1) })]
          : null,
        repeat.medianDaysToFirstRepeat !== null
          ? [t("sales.medianFirstRepeat"), t("sales.days", { n: fmt.num(lang, repeat.medianDaysToFirstRepeat, 1) })]
          : null,
      ]),
    );
  }
  replace(retResult, parts);
}

function cohortLabel(lang, key) {
  return monthText(lang, `${key}-01`);
}

function renderCohorts() {
  const sm = state.summary;
  const lang = getLang();
  const c = sm.cohorts;
  if (c.error) {
    replace(cohortResult, partError(c));
    replace(curveBox);
    return;
  }
  if (!c.cohorts.length) {
    replace(cohortResult);
    replace(curveBox);
    return;
  }
  const cohorts = c.cohorts.map((row) => ({ key: row.cohort, label: cohortLabel(lang, row.cohort), size: row.size, cells: row.cells, counts: row.counts }));
  const at = (k) => (c.average[k] === null || c.average[k] === undefined ? "—" : fmt.pct(lang, c.average[k]));
  replace(
    cohortResult,
    cohortHeatmap({
      id: "sales-heat",
      cohorts,
      average: c.average,
      months: c.months,
      texts: {
        title: t("sales.heatTitle"),
        name: t("sales.heatName", {
          cohorts: fmt.int(lang, cohorts.length),
          from: cohorts[0].label,
          to: cohorts[cohorts.length - 1].label,
          m1: at(1),
          m3: at(3),
          m6: at(6),
        }),
        cohort: t("sales.heatCohort"),
        size: t("sales.heatSize"),
        month: (k) => t("sales.heatMonth", { k }),
        monthLong: (k) => t("sales.heatMonthLong", { k }),
        monthsAxis: t("sales.curveX"),
        average: t("sales.heatAverage"),
        nullText: t("sales.heatNull"),
        emptyText: t("sales.heatEmpty"),
        scale: t("sales.heatScale"),
        showNumbers: t("sales.showNumbers"),
        scroll: t("sales.heatScroll"),
      },
      format: { int: F.int, pct: (p) => fmt.pct(lang, p), num0: (p) => fmt.num(lang, p, 0) },
    }),
  );
  drawCurves();
}

function drawCurves() {
  const sm = state.summary;
  if (!sm || !sm.cohorts || sm.cohorts.error || !sm.cohorts.cohorts.length) return;
  const lang = getLang();
  const c = sm.cohorts;
  // The last cohorts with at least two points to draw a line through.
  const drawable = c.cohorts.filter((row) => row.cells.filter((v) => v !== null).length >= 2);
  const picked = drawable.slice(-CURVE_COHORTS);
  const lines = [
    ...picked.map((row) => ({ key: row.cohort, label: `${cohortLabel(lang, row.cohort)} (${fmt.int(lang, row.size)})`, values: row.cells })),
    { key: "average", label: t("sales.heatAverage"), values: c.average, average: true },
  ];
  const m1 = c.average[1] === null || c.average[1] === undefined ? "—" : fmt.pct(lang, c.average[1]);
  replace(
    curveBox,
    retentionCurves({
      id: "sales-curves",
      lines,
      months: c.months,
      width: chartWidth(curveBox),
      texts: {
        title: t("sales.curveTitle"),
        caption: t("sales.curveNote", { n: picked.length }),
        name: t("sales.curveName", { n: picked.length, m1 }),
        x: t("sales.curveX"),
        y: t("sales.curveY"),
        month: (k) => t("sales.heatMonth", { k }),
        cohort: t("sales.cohortCols"),
        showNumbers: t("sales.showNumbers"),
      },
      format: { pct: (p) => fmt.pct(lang, p, 0), int: F.int },
    }),
  );
}

function renderClv() {
  const sm = state.summary;
  const lang = getLang();
  const c = sm.clv;
  const years = (y) => fmt.num(lang, y, 2);
  if (c.error) {
    $("sales-lifespan-help").textContent = t("sales.lifespanHelpPlain");
    replace(clvResult, partError(c));
    return;
  }
  $("sales-lifespan-help").textContent = t("sales.lifespanHelp", { years: years(c.measuredLifespanYears) });
  $("sales-lifespan").placeholder = years(c.measuredLifespanYears);
  const e = c.estimate;
  const hasMargin = $("sales-margin").value.trim() !== "" && e.profitClv !== e.clv;
  const sign = fmt.pctSign(lang);
  const share = c.pareto.topRevenueShare;
  const known = /^The lifespan is measured from the data/;
  replace(
    clvResult,
    h(
      "p",
      { class: "summary" },
      h("span", { class: "figure-label" }, t("sales.clv")),
      " ",
      h("span", { class: "figure", "data-testid": "sales-clv-value" }, money(e.clv)),
      hasMargin
        ? [" · ", h("span", { class: "figure-label" }, t("sales.profitClv")), " ", h("span", { class: "figure figure-secondary", "data-testid": "sales-profit-clv" }, money(e.profitClv))]
        : null,
    ),
    stats([
      [t("sales.aov"), money(c.averageOrderValue), "sales-aov"],
      [t("sales.perYear"), fmt.num(lang, c.purchasesPerYear, 2), "sales-per-year"],
      [
        t("sales.lifespanUsed"),
        c.lifespanOverridden
          ? t("sales.lifespanOverride", { years: years(c.lifespanYears), measured: years(c.measuredLifespanYears) })
          : t("sales.lifespanMeasured", { years: years(c.lifespanYears) }),
        "sales-lifespan-used",
      ],
      [t("sales.maxCac"), money(e.maxAcquisitionCost), "sales-max-cac"],
      [t("sales.budget"), `${money(e.retentionBudgetLow)} – ${money(e.retentionBudgetHigh)}`, "sales-budget"],
      [t("sales.histValue"), money(c.averageHistoricalValue)],
      [t("sales.totalRevenue"), money(c.totalRevenue)],
      [t("sales.totalOrders"), fmt.int(lang, c.totalOrders)],
    ]),
    h(
      "div",
      { class: "formula", "data-testid": "sales-clv-formula" },
      h("p", null, h("span", { class: "formula-label" }, t("sales.clvFormula"))),
      h(
        "p",
        null,
        h(
          "span",
          { class: "formula-math" },
          `${money(c.averageOrderValue)} × ${fmt.num(lang, c.purchasesPerYear, 2)} × ${years(c.lifespanYears)} = ${money(e.clv)}`,
        ),
      ),
      hasMargin
        ? h("p", null, h("span", { class: "formula-math" }, `${money(e.clv)} × ${fmt.num(lang, readMargin(), 2)}${sign} = ${money(e.profitClv)}`))
        : null,
    ),
    c.lifespanOverridden ? null : h("p", { class: "caveat" }, t("sales.lifespanNote")),
    (c.warnings || []).filter((w) => !known.test(w)).map((w) => h("p", { class: "warning", lang: "en" }, w)),
    h("h4", null, t("sales.paretoTitle")),
    share === null
      ? null
      : [
          h(
            "p",
            { class: "sales-pareto", "data-testid": "sales-pareto" },
            t("sales.pareto", { n: fmt.int(lang, c.pareto.topCustomers), share: fmt.pct(lang, share), revenue: money(c.pareto.topRevenue) }),
          ),
          h(
            "div",
            { class: "pareto-bar", role: "img", "aria-label": t("sales.paretoBar", { share: fmt.pct(lang, share), rest: fmt.pct(lang, 100 - share) }) },
            h("span", { class: "pareto-top", style: `width: ${Math.max(0, Math.min(100, share)).toFixed(1)}%` }),
            h("span", { class: "pareto-rest" }),
          ),
          h(
            "ul",
            { class: "legend pareto-legend", "aria-hidden": "true" },
            h("li", null, h("span", { class: "swatch pareto-top" }), `${t("sales.paretoTop")} · ${fmt.pct(lang, share)}`),
            h("li", null, h("span", { class: "swatch pareto-rest" }), `${t("sales.paretoRest")} · ${fmt.pct(lang, 100 - share)}`),
          ),
          h("p", { class: "caveat" }, t("sales.paretoNote")),
        ],
  );
}

function readMargin() {
  const parsed = fmt.parseNumber($("sales-margin").value, getLang());
  return parsed.value ?? 100;
}

function nameList(list) {
  if (!list || !list.total) return null;
  const shown = list.names.slice(0, NAMES_IN_CARD);
  const rest = list.total - shown.length;
  return h("p", { class: "card-names" }, shown.join(", "), rest > 0 ? ` … (+${F.int(rest)})` : "");
}

function renderLifecycle() {
  const sm = state.summary;
  const lang = getLang();
  const l = sm.lifecycle;
  if (l.error) {
    replace(lifeResult, partError(l));
    return;
  }
  const showList = (value) => {
    const b = h("button", { type: "button", class: "sales-button sales-list-button", "data-filter": value }, t("sales.showList"));
    b.addEventListener("click", () => {
      lifeTable.setFilter(value);
      $("sales-life-title").scrollIntoView({ block: "start" });
      $("sales-life-filter")?.focus({ preventScroll: true });
    });
    return b;
  };
  replace(
    lifeResult,
    h("p", { class: "sales-note" }, t("sales.lifeIntro", { asOf: dateText(lang, l.asOf) })),
    h(
      "ul",
      { class: "sales-cards", "data-testid": "sales-stages" },
      l.stages.map((st) =>
        h(
          "li",
          { class: `sales-card stage-${st.key}`, "data-stage": st.key },
          h("p", { class: "card-title" }, bi(st.label)),
          h("p", { class: "card-value" }, h("span", { "data-testid": `sales-stage-${st.key}` }, fmt.int(lang, st.count)), " ", h("span", { class: "card-pct" }, `(${fmt.pct(lang, st.percent)})`)),
          h("p", { class: "card-rule" }, bi(st.rule)),
          nameList(st.list),
          st.count ? showList(st.key) : null,
        ),
      ),
      h(
        "li",
        { class: "sales-card stage-vip", "data-stage": "vip" },
        h("p", { class: "card-title" }, t("sales.vip")),
        h("p", { class: "card-value" }, h("span", { "data-testid": "sales-stage-vip" }, fmt.int(lang, l.vip.count))),
        h("p", { class: "card-rule" }, t("sales.vipRule", { min: money(l.vip.minSpend) })),
        nameList(l.vip.list),
        l.vip.count ? showList("vip") : null,
      ),
    ),
    h("h4", null, t("sales.winTitle")),
    h(
      "ul",
      { class: "sales-cards sales-winback", "data-testid": "sales-winback" },
      l.winBack.map((w) =>
        h(
          "li",
          { class: `sales-card winback-${w.key}`, "data-winback": w.key },
          h("p", { class: "card-title" }, bi(w.label)),
          h("p", { class: "card-value" }, h("span", { "data-testid": `sales-winback-${w.key}` }, fmt.int(lang, w.count))),
          h("p", { class: "card-rule" }, t("sales.winDays", { min: fmt.int(lang, w.minDays), max: w.maxDays === null ? null : fmt.int(lang, w.maxDays) })),
          h("p", { class: "card-offer" }, h("strong", null, `${t("sales.offer")}: `), bi(w.offer)),
          w.count ? showList(`winBack:${w.key}`) : null,
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- CSV

async function downloadCsv(name, status) {
  const lang = getLang();
  const sep = lang === "id" ? ";" : ",";
  const headers =
    name === "rfm"
      ? ["customer", "recency", "frequency", "monetary", "r", "f", "m", "segment", "action"].map((k) => t(`sales.csv.${k}`, { cur: currencySymbol() }))
      : ["customer", "stage", "last", "spend", "vip", "winBack", "offer"].map((k) => t(`sales.l.${k}`));
  const l = lifeOk() ? state.summary.lifecycle : null;
  const labels = l
    ? {
        stages: Object.fromEntries(l.stages.map((s) => [s.key, bi(s.label)])),
        winBack: Object.fromEntries(l.winBack.map((w) => [w.key, bi(w.label)])),
        offers: Object.fromEntries(l.winBack.map((w) => [w.key, bi(w.offer)])),
        yes: t("sales.yes"),
        no: t("sales.no"),
      }
    : null;
  const answer = await ask({ type: "csv", table: name, lang, sep, headers, labels });
  if (!answer || !answer.blob) return;
  const filename = t(name === "rfm" ? "sales.csvName" : "sales.csvNameLife");
  const url = URL.createObjectURL(answer.blob);
  const a = h("a", { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  status.textContent = t("sales.downloaded", { name: filename, n: fmt.int(lang, answer.lines) });
}

// ---------------------------------------------------------------- language, size

onLangChange((lang, previous) => {
  // Thresholds typed in one notation mean the same numbers in the other.
  for (const input of app.querySelectorAll("input[type=text][data-option]")) {
    const parsed = fmt.parseNumber(input.value, previous);
    if (parsed.value !== undefined) {
      input.value = input.dataset.measure === "monetary" ? fmt.int(lang, parsed.value) : fmt.plain(lang, parsed.value);
    }
  }
  labelThresholds();
  labelCurrencies();
  rfmTable.relabel();
  lifeTable.relabel();
  if (state.summary) {
    try {
      render();
    } catch (error) {
      console.error(error);
      showError({ code: "internal" });
    }
  } else if (state.error) {
    showError(state.error);
  }
  if (state.busy) showStage({ stage: progress.dataset.stage || "analysing" });
  else if (doneStatus.textContent) doneStatus.textContent = "";
});

let lastWidth = 0;
let resizeTimer = null;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const w = results.clientWidth;
    if (!state.summary || results.hidden || Math.abs(w - lastWidth) < 24) return;
    lastWidth = w;
    drawSegmentChart();
    drawCurves();
  }, 150);
}).observe(results);

// ---------------------------------------------------------------- start

fillThresholds();
labelThresholds();
labelCurrencies();
syncModeField();
try {
  startWorker();
} catch (error) {
  console.error(error);
  showError({ code: "workerFailed" });
}

// ---------------------------------------------------------------- the log, lent to js/predict.js

/**
 * What the Predict part needs to know: { ready, busy, source, reading, summary }.
 * `ready`: an analysis is shown and the worker holds its log; `source` counts the
 * logs given (another number = other data); `reading`: how the log was read.
 */
function logInfo() {
  return {
    ready: Boolean(state.summary) && !state.busy && Boolean(worker),
    busy: Boolean(state.busy),
    source: state.sourceSeq,
    reading: state.reading,
    summary: state.summary,
  };
}

function notifyLog() {
  const info = logInfo();
  for (const fn of logListeners) {
    try {
      fn(info);
    } catch (error) {
      console.error(error);
    }
  }
}

export const salesLog = {
  current: logInfo,
  /** Calls fn(info) whenever the analysis starts, ends, fails or is cleared. */
  subscribe(fn) {
    logListeners.add(fn);
    return () => logListeners.delete(fn);
  },
  /** predictClv on the log in the worker: resolves with { type: "predicted" | "error", … }. */
  predict(options, onProgress) {
    if (!worker || !state.summary) return Promise.resolve({ type: "error", error: { code: "noData" } });
    const id = ++seq;
    return new Promise((resolve) => {
      predictWaits.set(id, { resolve, progress: onProgress });
      worker.postMessage({ type: "predict", id, options });
    });
  },
  /** A page of the ranked customers (as the sales tables' queries). */
  query: (query) => ask({ type: "query", table: "predict", query }),
  /** The ranked customers as a CSV blob: { blob, lines } or null. */
  csv: ({ lang, sep, headers }) => ask({ type: "csv", table: "predict", lang, sep, headers }),
};
