// The sales-log analysis off the main thread (a module worker, started by
// js/sales.js). It loads the WebAssembly module itself, reads a dropped or opened
// file (a File is posted, not its text: no copy on the main thread), runs
// analyzeLog, and keeps the log text and the per-customer rows here, so that
//   - a changed option re-analyses the text already here (only options are posted);
//   - the customer tables are searched, sorted and paged here, and only one page
//     of rows (≤ 100) goes to the page; the CSV file is built here, from the data.
// The main thread gets progress messages, a summary (everything but the long
// per-customer lists), pages of rows and CSV blobs. Nothing leaves the browser.
//
// The "Predict" part (js/predict.js, through js/sales.js) asks for predictClv on
// the same text, read the same way (the locale and column mapping of the last
// analysis); its ranked customers stay here too, as a third table.
//
// A spreadsheet file (.xlsx, .xlsm, .xls, .ods) is turned into text here by the
// small module xlsx/pkg (js/workbook.js, loaded the first time one comes), then
// analysed as a text file; `sheet` names the sheet (default: the first with data)
// and the result's `source.workbook` says which sheets there are.
//
// Messages in:  { type: "analyse", id, file?, sheet?, text?, options }
//               { type: "predict", id, options }   (unit, calibrationEnd, holdoutEnd, horizonMonths, monthlyDiscountRate)
//               (analyse's options are analyzeLog's: locale, columns, countStatuses, excludeStatuses, currency, …)
//               { type: "query", id, table: "rfm" | "life" | "predict", query }
//               { type: "csv", id, table, lang, sep, headers }
// Messages out: { type: "progress", id, stage, loaded?, total?, lines? }
//               { type: "result", id, summary, ms, source }
//               { type: "predicted", id, summary, ms }
//               { type: "error", id, error: { code, message, field, row, skipped, columns } }
//               { type: "rows", id, table, total, all, page, pages, rows }
//               { type: "csv", id, blob }

import init, { analyzeLog, parseTable, predictClv } from "./pkg/customer_metrics.js";
import { SPREADSHEET_FILE, UNREADABLE_FILE, readSpreadsheet } from "./js/workbook.js";
import { readTextFile } from "./js/kit/files.js";
import { likelyActive } from "./js/kit/defaults.js";
import { csvDocument, csvNumber, csvText } from "./js/calc/csv.js";

const MAX_SKIPPED = 100; // skipped rows sent to the page (the count is always exact)
const MAX_NAMES = 60; // names per lifecycle list sent with the summary
const MAX_PAGE = 100;

const ready = init();

let text = null; // the log, kept for re-analysis with other options
let source = null; // { kind: "file" | "text", name?, size, latin? }
let tables = { rfm: null, life: null, predict: null };
let reading = {}; // { locale, columns } of the last analysis: predictClv reads the text the same way
let chain = Promise.resolve();

self.addEventListener("message", (event) => {
  const message = event.data;
  // One message at a time, in order: an analysis replaces the tables that the
  // queries after it read.
  chain = chain.then(() => handle(message)).catch((error) => {
    self.postMessage({ type: "error", id: message.id, error: plainError(error) });
  });
});

async function handle(message) {
  if (message.type === "analyse") return analyse(message);
  if (message.type === "predict") return predict(message);
  if (message.type === "query") return query(message);
  if (message.type === "csv") return csv(message);
  return undefined;
}

function plainError(error) {
  if (error && typeof error.code === "string") {
    return {
      code: error.code,
      message: String(error.message || ""),
      field: error.field,
      row: error.row,
      skipped: Array.isArray(error.skipped) ? error.skipped.slice(0, MAX_SKIPPED) : undefined,
      skippedCount: Array.isArray(error.skipped) ? error.skipped.length : undefined,
    };
  }
  return { code: "internal", message: String((error && error.message) || error) };
}

// ---------------------------------------------------------------- reading a file

/** The file as text, read in chunks with progress (js/kit/files.js: UTF-16 by its BOM, UTF-8, else Windows-1252); a spreadsheet's sheet as text. */
async function readFile(file, id, sheet) {
  if (UNREADABLE_FILE.test(file.name)) throw Object.assign(new Error("not a text file"), { code: "fileNotText" });
  const total = file.size;
  if (SPREADSHEET_FILE.test(file.name)) {
    self.postMessage({ type: "progress", id, stage: "reading", loaded: 0, total });
    const book = await readSpreadsheet(file, sheet);
    self.postMessage({ type: "progress", id, stage: "reading", loaded: total, total });
    const workbook = { sheet: book.sheet, sheets: book.sheets, dataSheets: book.dataSheets, rows: book.rows };
    return { text: book.text, latin: false, workbook };
  }
  const progress = (loaded) => self.postMessage({ type: "progress", id, stage: "reading", loaded, total });
  return readTextFile(file, progress);
}

/** Lines in the text (a quick count for the progress message). */
function countLines(s) {
  let n = 0;
  let i = -1;
  while ((i = s.indexOf("\n", i + 1)) !== -1) n += 1;
  return s.length && !s.endsWith("\n") ? n + 1 : n;
}

// ---------------------------------------------------------------- analysis

async function analyse({ id, file, sheet, text: newText, options }) {
  try {
    await ready;
  } catch (error) {
    throw Object.assign(new Error(`the WebAssembly module could not start: ${error && error.message}`), { code: "workerFailed" });
  }
  if (file) {
    text = null;
    tables = { rfm: null, life: null, predict: null };
    const read = await readFile(file, id, sheet);
    text = read.text;
    source = { kind: "file", name: file.name, size: file.size, latin: read.latin, workbook: read.workbook };
  } else if (typeof newText === "string") {
    text = newText;
    source = { kind: "text", size: newText.length };
  }
  if (text === null) throw Object.assign(new Error("no text"), { code: "emptyText" });
  // The predictions were made from this text read this way: other text, or
  // another reading of it, makes them moot.
  const newReading = readingOf(options);
  if (file || typeof newText === "string" || JSON.stringify(newReading) !== JSON.stringify(reading)) tables.predict = null;
  reading = newReading;

  self.postMessage({ type: "progress", id, stage: "analysing", lines: countLines(text) });
  const started = performance.now();
  let result;
  try {
    result = analyzeLog({ text, ...options });
  } catch (error) {
    tables = { rfm: null, life: null, predict: null };
    const plain = plainError(error);
    // Without the needed columns the page shows the columns found, so that the
    // user can say which is which.
    if (["missingColumn", "unknownColumn", "columnMappedTwice", "noUsableRows"].includes(plain.code)) {
      const locale = options.locale || "auto";
      for (const columns of [options.columns, undefined]) {
        try {
          plain.columns = parseTable({ text, locale, columns }).columns;
          break;
        } catch {
          // the mapping does not fit: the columns as detected, or none to show
        }
      }
    }
    self.postMessage({ type: "error", id, error: plain, source });
    return;
  }
  const ms = performance.now() - started;
  self.postMessage({ type: "progress", id, stage: "preparing" });
  tables = { rfm: rfmTable(result.rfm), life: lifeTable(result.lifecycle), predict: tables.predict };
  self.postMessage({ type: "result", id, summary: summarise(result), ms, source });
}

const isError = (part) => !part || part.error !== undefined;

/** The options that say how the log is read (shared by analyzeLog and predictClv): the same orders, statuses and currency. */
const READING_OPTIONS = ["locale", "columns", "countStatuses", "excludeStatuses", "currency"];
function readingOf(options) {
  const r = {};
  for (const key of READING_OPTIONS) if (options && options[key] !== undefined && options[key] !== null) r[key] = options[key];
  return r;
}

// ---------------------------------------------------------------- prediction

const PREDICT_OPTIONS = ["unit", "calibrationEnd", "holdoutEnd", "horizonMonths", "monthlyDiscountRate"];

/** predictClv on the text held here; the ranked customers stay here (a table). */
async function predict({ id, options }) {
  try {
    await ready;
  } catch (error) {
    throw Object.assign(new Error(`the WebAssembly module could not start: ${error && error.message}`), { code: "workerFailed" });
  }
  if (text === null) throw Object.assign(new Error("no text"), { code: "emptyText" });
  const input = { text, ...reading };
  for (const key of PREDICT_OPTIONS) if (options && options[key] !== undefined && options[key] !== null) input[key] = options[key];
  self.postMessage({ type: "progress", id, stage: "predicting" });
  const started = performance.now();
  let result;
  try {
    result = predictClv(input);
  } catch (error) {
    tables.predict = null;
    self.postMessage({ type: "error", id, error: plainError(error) });
    return;
  }
  const ms = performance.now() - started;
  tables.predict = predictTable(result.customers);
  const { customers, skipped, ...rest } = result;
  let alive = 0;
  for (const c of customers) if (likelyActive(c.pAlive)) alive += 1;
  self.postMessage({
    type: "predicted",
    id,
    ms,
    summary: { ...rest, skipped: skipped.slice(0, MAX_SKIPPED), skippedCount: skipped.length, likelyActive: alive, top: customers.slice(0, 3) },
  });
}

/** The result without its per-customer lists (those stay here). */
function summarise(r) {
  const summary = {
    rows: r.rows,
    used: r.used,
    skipped: r.skipped.slice(0, MAX_SKIPPED),
    skippedCount: r.skipped.length,
    columns: r.columns,
    firstDate: r.firstDate,
    lastDate: r.lastDate,
    customers: r.customers,
    // How the file was read (store exports): layout, header and title rows, orders,
    // guests and statuses, currency, notices.
    layout: r.layout ?? null,
    layoutName: r.layoutName ?? null,
    headerRow: r.headerRow,
    titleRows: r.titleRows,
    sales: r.sales,
    currency: r.currency,
    notices: r.notices || [],
    repeat: r.repeat,
    retention: r.retention,
    cohorts: r.cohorts,
  };
  if (isError(r.rfm)) summary.rfm = r.rfm;
  else {
    const { customers, ...rest } = r.rfm;
    summary.rfm = rest;
  }
  if (isError(r.clv)) summary.clv = r.clv;
  else {
    const { customers, ...rest } = r.clv;
    summary.clv = rest;
  }
  if (isError(r.lifecycle)) summary.lifecycle = r.lifecycle;
  else {
    const l = r.lifecycle;
    const cut = (list) => ({ names: list.slice(0, MAX_NAMES), total: list.length });
    summary.lifecycle = {
      asOf: l.asOf,
      customersWithoutPurchase: l.customersWithoutPurchase,
      stages: l.stages.map(({ customers, ...s }) => ({ ...s, list: cut(customers) })),
      vip: { count: l.vip.count, minSpend: l.vip.minSpend, list: cut(l.vip.customers) },
      winBack: l.winBack.map(({ customers, ...w }) => ({ ...w, list: cut(customers) })),
    };
  }
  return summary;
}

// ---------------------------------------------------------------- the tables

/** Columns of typed arrays: quick to sort and filter for 100,000 customers. */
function rfmTable(rfm) {
  if (isError(rfm)) return null;
  const list = rfm.customers;
  const n = list.length;
  const segKeys = rfm.rules.map((rule) => rule.key);
  for (const s of rfm.segments) if (!segKeys.includes(s.key)) segKeys.push(s.key);
  const segIndex = new Map(segKeys.map((k, i) => [k, i]));
  const t = {
    n,
    names: new Array(n),
    recency: new Float64Array(n),
    frequency: new Float64Array(n),
    monetary: new Float64Array(n),
    r: new Uint8Array(n),
    f: new Uint8Array(n),
    m: new Uint8Array(n),
    segment: new Uint16Array(n),
    segKeys,
    segments: rfm.segments,
    lower: null,
    sorted: new Map(),
  };
  for (let i = 0; i < n; i++) {
    const c = list[i];
    t.names[i] = c.customer;
    t.recency[i] = c.recency;
    t.frequency[i] = c.frequency;
    t.monetary[i] = c.monetary;
    t.r[i] = c.r;
    t.f[i] = c.f;
    t.m[i] = c.m;
    let s = segIndex.get(c.segment);
    if (s === undefined) {
      s = segKeys.length;
      segKeys.push(c.segment);
      segIndex.set(c.segment, s);
    }
    t.segment[i] = s;
  }
  return t;
}

const STAGE_ORDER = ["new", "active", "atRisk", "churned"];

function lifeTable(life) {
  if (isError(life)) return null;
  const list = life.customers;
  const n = list.length;
  const stageKeys = [...STAGE_ORDER];
  for (const s of life.stages) if (!stageKeys.includes(s.key)) stageKeys.push(s.key);
  const winKeys = life.winBack.map((w) => w.key);
  const key = (keys, k) => {
    let i = keys.indexOf(k);
    if (i === -1) {
      keys.push(k);
      i = keys.length - 1;
    }
    return i;
  };
  const t = {
    n,
    names: new Array(n),
    stage: new Uint16Array(n),
    vip: new Uint8Array(n),
    last: new Float64Array(n),
    first: new Float64Array(n),
    spend: new Float64Array(n),
    winBack: new Uint16Array(n), // index + 1; 0 = none (an active customer)
    stageKeys,
    winKeys,
    lower: null,
    sorted: new Map(),
  };
  for (let i = 0; i < n; i++) {
    const c = list[i];
    t.names[i] = c.customer;
    t.stage[i] = key(stageKeys, c.stage);
    t.vip[i] = c.vip ? 1 : 0;
    t.last[i] = c.daysSinceLastPurchase;
    t.first[i] = c.daysSinceFirstPurchase;
    t.spend[i] = c.spend;
    t.winBack[i] = c.winBack === null || c.winBack === undefined ? 0 : key(winKeys, c.winBack) + 1;
  }
  return t;
}

/** The ranked customers of predictClv (highest CLV first: rank = position + 1). */
function predictTable(list) {
  const n = list.length;
  const t = {
    n,
    names: new Array(n),
    rank: new Uint32Array(n),
    pAlive: new Float64Array(n),
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    monetary: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    spendPerPurchase: new Float64Array(n),
    clv: new Float64Array(n),
    lower: null,
    sorted: new Map(),
  };
  for (let i = 0; i < n; i++) {
    const c = list[i];
    t.names[i] = c.customer;
    t.rank[i] = i + 1;
    t.pAlive[i] = c.pAlive;
    t.frequency[i] = c.frequency;
    t.recency[i] = c.recency;
    t.T[i] = c.T;
    t.monetary[i] = c.monetarySpend;
    t.expectedPurchases[i] = c.expectedPurchases;
    t.spendPerPurchase[i] = c.spendPerPurchase;
    t.clv[i] = c.clv;
  }
  return t;
}

const SORT_KEYS = {
  predict: { rank: "rank", pAlive: "pAlive", frequency: "frequency", recency: "recency", expectedPurchases: "expectedPurchases", spendPerPurchase: "spendPerPurchase", clv: "clv" },
  rfm: { recency: "recency", frequency: "frequency", monetary: "monetary", r: "r", f: "f", m: "m", segment: "segment", action: "segment" },
  life: { stage: "stage", vip: "vip", last: "last", first: "first", spend: "spend", winBack: "winBack", offer: "winBack" },
};

/** Row indices sorted by `sort` ("customer" or a column), ties in data order; cached. */
function sortedIndex(t, name, sort, dir, lang) {
  const key = `${sort}|${dir}|${sort === "customer" ? lang : ""}`;
  let index = t.sorted.get(key);
  if (index) return index;
  index = new Uint32Array(t.n);
  for (let i = 0; i < t.n; i++) index[i] = i;
  const sign = dir === "desc" ? -1 : 1;
  if (sort === "customer") {
    const collator = new Intl.Collator(lang === "en" ? "en" : "id", { numeric: true, sensitivity: "base" });
    const names = t.names;
    index.sort((a, b) => sign * collator.compare(names[a], names[b]) || a - b);
  } else {
    const column = t[SORT_KEYS[name][sort]];
    if (column) index.sort((a, b) => sign * (column[a] - column[b]) || a - b);
  }
  t.sorted.set(key, index);
  return index;
}

function matcher(t, name, { search, filter }) {
  const needle = String(search || "").trim().toLocaleLowerCase();
  if (needle && !t.lower) t.lower = t.names.map((s) => s.toLocaleLowerCase());
  let keep = null;
  if (filter) {
    if (name === "predict") {
      keep = filter === "likelyActive" ? (i) => likelyActive(t.pAlive[i]) : filter === "likelyGone" ? (i) => !likelyActive(t.pAlive[i]) : null;
    } else if (name === "rfm") {
      const s = t.segKeys.indexOf(filter);
      keep = (i) => t.segment[i] === s;
    } else if (filter === "vip") {
      keep = (i) => t.vip[i] === 1;
    } else if (filter.startsWith("winBack:")) {
      const w = t.winKeys.indexOf(filter.slice(8)) + 1;
      keep = (i) => t.winBack[i] === w;
    } else if (filter === "inactive") {
      keep = (i) => t.winBack[i] !== 0;
    } else {
      const s = t.stageKeys.indexOf(filter);
      keep = (i) => t.stage[i] === s;
    }
  }
  if (!needle && !keep) return null;
  return (i) => (!needle || t.lower[i].includes(needle)) && (!keep || keep(i));
}

function row(t, name, i) {
  if (name === "predict") {
    return {
      customer: t.names[i],
      rank: t.rank[i],
      pAlive: t.pAlive[i],
      frequency: t.frequency[i],
      recency: t.recency[i],
      T: t.T[i],
      monetary: t.monetary[i],
      expectedPurchases: t.expectedPurchases[i],
      spendPerPurchase: t.spendPerPurchase[i],
      clv: t.clv[i],
    };
  }
  if (name === "rfm") {
    return {
      customer: t.names[i],
      recency: t.recency[i],
      frequency: t.frequency[i],
      monetary: t.monetary[i],
      r: t.r[i],
      f: t.f[i],
      m: t.m[i],
      segment: t.segKeys[t.segment[i]],
    };
  }
  return {
    customer: t.names[i],
    stage: t.stageKeys[t.stage[i]],
    vip: t.vip[i] === 1,
    last: t.last[i],
    first: t.first[i],
    spend: t.spend[i],
    winBack: t.winBack[i] ? t.winKeys[t.winBack[i] - 1] : null,
  };
}

function query({ id, table: name, query: q }) {
  const t = tables[name];
  if (!t) {
    self.postMessage({ type: "rows", id, table: name, total: 0, all: 0, page: 1, pages: 1, rows: [] });
    return;
  }
  const size = Math.max(1, Math.min(MAX_PAGE, q.pageSize || 50));
  const index = sortedIndex(t, name, q.sort || "customer", q.dir || "asc", q.lang);
  const keep = matcher(t, name, q);
  let page = Math.max(1, q.page || 1);
  let total;
  let rows = [];
  if (!keep) {
    total = t.n;
    const pages = Math.max(1, Math.ceil(total / size));
    page = Math.min(page, pages);
    for (let k = (page - 1) * size; k < Math.min(total, page * size); k++) rows.push(row(t, name, index[k]));
  } else {
    const hits = [];
    for (let k = 0; k < t.n; k++) if (keep(index[k])) hits.push(index[k]);
    total = hits.length;
    const pages = Math.max(1, Math.ceil(total / size));
    page = Math.min(page, pages);
    rows = hits.slice((page - 1) * size, page * size).map((i) => row(t, name, i));
  }
  self.postMessage({
    type: "rows",
    id,
    table: name,
    total,
    all: t.n,
    page,
    pages: Math.max(1, Math.ceil(total / size)),
    rows,
  });
}

// ---------------------------------------------------------------- CSV

function csv({ id, table: name, lang, sep, headers, labels }) {
  const t = tables[name];
  const lines = [headers.map((h) => csvText(h, sep)).join(sep)];
  if (t && name === "rfm") {
    const bySeg = new Map(t.segments.map((s) => [s.key, s]));
    const label = (k) => bySeg.get(k)?.label?.[lang] ?? k;
    const action = (k) => bySeg.get(k)?.action?.[lang] ?? "";
    const segLabels = t.segKeys.map((k) => csvText(label(k), sep));
    const segActions = t.segKeys.map((k) => csvText(action(k), sep));
    for (let i = 0; i < t.n; i++) {
      const s = t.segment[i];
      lines.push(
        [
          csvText(t.names[i], sep),
          csvNumber(t.recency[i], lang),
          csvNumber(t.frequency[i], lang),
          csvNumber(t.monetary[i], lang),
          t.r[i],
          t.f[i],
          t.m[i],
          segLabels[s],
          segActions[s],
        ].join(sep),
      );
    }
  } else if (t && name === "predict") {
    // rank, customer, P(alive) %, repeat purchases, recency, T, mean spend so far,
    // expected purchases, expected spend per purchase, CLV
    for (let i = 0; i < t.n; i++) {
      lines.push(
        [
          t.rank[i],
          csvText(t.names[i], sep),
          csvNumber(t.pAlive[i] * 100, lang),
          csvNumber(t.frequency[i], lang),
          csvNumber(t.recency[i], lang),
          csvNumber(t.T[i], lang),
          csvNumber(t.monetary[i], lang),
          csvNumber(t.expectedPurchases[i], lang),
          csvNumber(t.spendPerPurchase[i], lang),
          csvNumber(t.clv[i], lang),
        ].join(sep),
      );
    }
  } else if (t && name === "life") {
    const text = (map, k) => csvText(map?.[k] ?? k ?? "", sep);
    for (let i = 0; i < t.n; i++) {
      const w = t.winBack[i] ? t.winKeys[t.winBack[i] - 1] : null;
      lines.push(
        [
          csvText(t.names[i], sep),
          text(labels.stages, t.stageKeys[t.stage[i]]),
          csvNumber(t.last[i], lang),
          csvNumber(t.spend[i], lang),
          t.vip[i] ? labels.yes : labels.no,
          w ? text(labels.winBack, w) : "",
          w ? text(labels.offers, w) : "",
        ].join(sep),
      );
    }
  }
  const blob = new Blob([csvDocument(lines)], { type: "text/csv;charset=utf-8" });
  self.postMessage({ type: "csv", id, blob, lines: lines.length - 1 });
}
