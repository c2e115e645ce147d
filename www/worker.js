// The sales-log analysis off the main thread (a module worker, started by
// js/sales.js through js/analysis.js). It loads the WebAssembly module itself, reads a dropped or opened
// file (a File is posted, not its text: no copy on the main thread), runs
// analyzeLog, and keeps the log text and the per-customer rows here, so that
//   - a changed option re-analyses the text already here (only options are posted);
//   - the customer tables are searched, sorted and paged here, and only one page
//     of rows (≤ 100) goes to the page; the CSV file is built here, from the data
//     (the tables, their queries and CSV lines: js/worker-tables.js).
// The main thread gets progress messages, a summary (everything but the long
// per-customer lists), pages of rows and CSV blobs. Nothing leaves the browser.
//
// The "Predict" part (js/predict.js, through js/sales.js) asks for predictClv on
// the same text, read the same way (the locale and column mapping of the last
// analysis); its ranked customers stay here too, as a third table.
//
// A text file larger than 64 MB (`streamAbove` bytes in the analyse message, for
// tests: the page passes its URL's ?streamAbove=) is not read whole: it is
// analysed by streaming (js/stream-file.js: two passes over blocks of its bytes,
// only per-customer state kept); the File is kept instead of its text, so a
// changed option streams it again. Predictions read such a file whole as text
// only up to 100 MB ("fileTooBigToPredict" above that).
//
// A spreadsheet file (.xlsx, .xlsm, .xls, .ods) is turned into text here by the
// small module xlsx/pkg (js/workbook.js, loaded the first time one comes), then
// analysed as a text file; `sheet` names the sheet (default: the first with data)
// and the result's `source.workbook` says which sheets there are.
//
// Messages in:  { type: "analyse", id, file?, sheet?, text?, options, streamAbove? }
//               { type: "predict", id, options }   (unit, calibrationEnd, holdoutEnd, horizonMonths, monthlyDiscountRate)
//               (analyse's options are analyzeLog's: locale, columns, countStatuses, excludeStatuses, currency, …)
//               { type: "query", id, table: "rfm" | "life" | "predict", query }
//               { type: "csv", id, table, lang, sep, headers }
// Messages out: { type: "progress", id, stage, loaded?, total?, lines? }   (stage "streaming": loaded/total over both passes)
//               { type: "result", id, summary, ms, source }
//               { type: "predicted", id, summary, ms }
//               { type: "error", id, error: { code, message, params, field, row, skipped, columns } }
//               { type: "rows", id, table, total, all, page, pages, rows }
//               { type: "csv", id, blob }

import init, { analyzeLog, parseTable, predictClv } from "./pkg/customer_metrics.js";
import { SPREADSHEET_FILE, UNREADABLE_FILE, readSpreadsheet } from "./js/workbook.js";
import { readTextFile } from "./js/kit/files.js";
import { TEXT_MAX_BYTES, headText, streamFile, streams } from "./js/stream-file.js";
import { likelyActive } from "./js/kit/defaults.js";
import { csvDocument } from "./js/calc/csv.js";
import { csvLines, lifeTable, predictTable, queryTable, rfmTable } from "./js/worker-tables.js";

const MAX_SKIPPED = 100; // skipped rows sent to the page (the count is always exact)
const MAX_NAMES = 60; // names per lifecycle list sent with the summary

const ready = init();

let text = null; // the log, kept for re-analysis with other options
let big = null; // or a file analysed by streaming: { file, latin } (latin null until first read)
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
      params: error.params && typeof error.params === "object" ? { ...error.params } : undefined,
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

async function analyse({ id, file, sheet, text: newText, options, streamAbove }) {
  try {
    await ready;
  } catch (error) {
    throw Object.assign(new Error(`the WebAssembly module could not start: ${error && error.message}`), { code: "workerFailed" });
  }
  if (file) {
    text = null;
    big = null;
    tables = { rfm: null, life: null, predict: null };
    if (UNREADABLE_FILE.test(file.name)) throw Object.assign(new Error("not a text file"), { code: "fileNotText" });
    if (await streams(file, streamAbove ?? undefined)) {
      big = { file, latin: null };
      source = { kind: "file", name: file.name, size: file.size, latin: false };
    } else {
      const read = await readFile(file, id, sheet);
      text = read.text;
      source = { kind: "file", name: file.name, size: file.size, latin: read.latin, workbook: read.workbook };
    }
  } else if (typeof newText === "string") {
    text = newText;
    big = null;
    source = { kind: "text", size: newText.length };
  }
  if (text === null && big === null) throw Object.assign(new Error("no text"), { code: "emptyText" });
  // The predictions were made from this text read this way: other text, or
  // another reading of it, makes them moot.
  const newReading = readingOf(options);
  if (file || typeof newText === "string" || JSON.stringify(newReading) !== JSON.stringify(reading)) tables.predict = null;
  reading = newReading;

  if (text !== null) self.postMessage({ type: "progress", id, stage: "analysing", lines: countLines(text) });
  const started = performance.now();
  let result;
  try {
    const asked = { ...options, omit: OMIT, tables: true };
    result = text !== null ? analyzeLog({ text, ...asked }) : await streamBig(id, asked);
  } catch (error) {
    if (["fileNotText", "fileFailed"].includes(error && error.code)) {
      big = null;
      throw error;
    }
    if (big && typeof error?.latin === "boolean") {
      big.latin = error.latin;
      source = { ...source, latin: error.latin };
    }
    tables = { rfm: null, life: null, predict: null };
    const plain = plainError(error);
    // Without the needed columns the page shows the columns found, so that the
    // user can say which is which.
    if (["missingColumn", "unknownColumn", "columnMappedTwice", "noUsableRows"].includes(plain.code)) {
      const locale = options.locale || "auto";
      for (const columns of [options.columns, undefined]) {
        try {
          plain.columns = parseTable({ text: text ?? (await headText(big.file, big.latin)), locale, columns }).columns;
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
  const columns = result.tables;
  tables = { rfm: columns.rfm ? rfmTable(columns.rfm, result.rfm.segments) : null, life: columns.lifecycle ? lifeTable(columns.lifecycle) : null, predict: tables.predict };
  self.postMessage({ type: "result", id, summary: summarise(result), ms, source });
}

/** analyzeLog of the big file by streaming (js/stream-file.js); the encoding found the first time is kept. */
async function streamBig(id, options) {
  const total = big.file.size;
  const onProgress = (done, all) => self.postMessage({ type: "progress", id, stage: "streaming", loaded: done, total: all });
  const { result, latin } = await streamFile(big.file, options, { latin: big.latin, onProgress });
  big.latin = latin;
  source = { ...source, size: total, latin };
  return result;
}

/**
 * The per-customer lists of objects analyzeLog leaves empty here: the RFM and
 * lifecycle customers come as columns (`tables: true`, typed arrays), the CLV
 * and score lists are not shown (the 20 lowest health scores come as
 * scores.lowestHealth). For 100,000 customers the lists were 72 of the
 * result's 76 MB, and turning them into objects a third of analyzeLog's time.
 */
const OMIT = ["rfm.customers", "clv.customers", "scores.customers", "lifecycle.customers"];

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
  if (text === null && big === null) throw Object.assign(new Error("no text"), { code: "emptyText" });
  self.postMessage({ type: "progress", id, stage: "predicting" });
  let logText = text;
  if (logText === null) {
    // A streamed file: read whole only when it is small enough to be one text.
    try {
      if (big.file.size > TEXT_MAX_BYTES) throw new Error("too large");
      logText = (await readTextFile(big.file)).text;
    } catch {
      tables.predict = null;
      const error = { code: "fileTooBigToPredict", message: "The file is too large to predict in the browser: use the command line, customer-metrics predict FILE.", params: { max: TEXT_MAX_BYTES } };
      self.postMessage({ type: "error", id, error });
      return;
    }
  }
  const input = { text: logText, ...reading };
  for (const key of PREDICT_OPTIONS) if (options && options[key] !== undefined && options[key] !== null) input[key] = options[key];
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
    trends: r.trends,
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
  // The scores without their per-customer list (left out by OMIT): the 20
  // lowest health scores come as lowestHealth.
  if (isError(r.scores)) summary.scores = r.scores;
  else {
    const { customers, ...rest } = r.scores;
    summary.scores = rest;
  }
  if (r.acquisition) summary.acquisition = r.acquisition;
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

// ---------------------------------------------------------------- the tables (js/worker-tables.js)

function query({ id, table: name, query: q }) {
  self.postMessage({ type: "rows", id, table: name, ...queryTable(tables[name], name, q) });
}

function csv({ id, table: name, lang, sep, headers, labels }) {
  const lines = csvLines(tables[name], name, { lang, sep, headers, labels });
  const blob = new Blob([csvDocument(lines)], { type: "text/csv;charset=utf-8" });
  self.postMessage({ type: "csv", id, blob, lines: lines.length - 1 });
}
