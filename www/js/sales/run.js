// Running an analysis: the options and (the first time) the log go to the
// worker; its progress, result or error come back here (through the client of
// js/analysis.js) and are shown. Also the error view and "clear everything".

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { drawSafely, setStatus } from "../kit/view.js";
import { FILE_ERRORS } from "../workbook.js";
import { $, client, errorText, handlers, section, state } from "./state.js";
import {
  asOfInput,
  dataView,
  doneStatus,
  errorBox,
  fileStatus,
  hint,
  progress,
  progressBar,
  progressFill,
  progressPct,
  progressText,
  results,
  sheetSelect,
} from "./skeleton.js";
import { lifeTable, rfmTable } from "./tables.js";
import { readOptions } from "./options.js";
import { applySaved } from "./mapping.js";
import { render } from "./render.js";
import { renderData } from "./data.js";
import { notifyLog } from "./log.js";

// ?streamAbove=BYTES in the page's URL: files larger than this are streamed by
// the worker (default 64 MB, js/stream-file.js); tests force it with 0.
const streamAboveParam = new URLSearchParams(location.search).get("streamAbove");
const STREAM_ABOVE = streamAboveParam !== null && /^\d+$/.test(streamAboveParam) ? Number(streamAboveParam) : null;

export function run({ fresh = false } = {}) {
  if (!state.source) return;
  const read = readOptions();
  if (read.invalid) return;
  if (state.busy && !fresh) {
    state.queued = true;
    return;
  }
  if (state.busy || !client.running) {
    // New data while the old is still analysed: that work is moot.
    client.restart();
  }
  const message = { options: read.options };
  if (STREAM_ABOVE !== null) message.streamAbove = STREAM_ABOVE;
  if (!client.holdsText || fresh) {
    if (state.source.kind === "file") {
      message.file = state.source.file;
      message.sheet = state.source.sheet;
    } else message.text = state.source.text;
  }
  const o = read.options;
  // How the log is read (Predict reads it the same way, and predicts again when it changes).
  const reading = { locale: o.locale, columns: o.columns || null, countStatuses: o.countStatuses || null, excludeStatuses: o.excludeStatuses || null, currency: o.currency || null };
  state.queued = false;
  section.dataset.state = "busy";
  section.setAttribute("aria-busy", "true");
  showStage({ stage: message.file ? "reading" : "sending", loaded: 0, total: 1 });
  state.busy = { id: client.analyse(message), started: performance.now(), reading };
  client.holdsText = true;
  notifyLog();
}

export function showStage({ stage, loaded, total, lines }) {
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
  } else if (stage === "streaming") {
    // A big file read and analysed at once, in two passes (loaded/total over both).
    const share = total ? loaded / total : 0;
    value = Math.round(share * 90);
    progressPct.textContent = "";
    text = t("sales.stage.streaming", { pct: fmt.pct(lang, share * 100, 0) });
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

export function hideProgress() {
  progress.hidden = true;
  section.removeAttribute("aria-busy");
  state.lines = "";
}

export function onResult(msg) {
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
      if (drawSafely(render, showError)) section.dataset.state = "ok";
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

export function onError(msg) {
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
    client.holdsText = false;
    sheetSelect.hide();
    const key = FILE_ERRORS.has(error.code) ? `data.spreadsheetError.${error.code}` : error.code === "fileNotText" ? "sales.fileNotText" : "sales.fileFailed";
    setStatus(fileStatus, t(key, params), true);
  } else if (msg.source?.workbook) {
    // The sheet was read but could not be analysed (e.g. a notes sheet): another can be picked.
    state.sourceInfo = msg.source;
    sheetSelect.show(msg.source.workbook);
    setStatus(fileStatus, t("data.sheetRead", { ...state.fileParams, sheet: msg.source.workbook.sheet, empty: msg.source.workbook.rows === 0 }));
  }
  state.error = error;
  showError(error); // tells the Predict part
  if (state.queued) run();
}

/** Errors of an option (not of the data): the options stay in view to fix them. */
export const OPTION_FIELDS = new Set(["asOf", "method", "thresholds", "periodStart", "periodEnd", "mode", "activeDays", "lifespanYears", "grossMarginPercent"]);

export function showError(error) {
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

export function clearAll() {
  client.restart();
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

/** The worker's messages about an analysis: only the current one's count. */
handlers.analysis = (msg) => {
  if (!state.busy || msg.id !== state.busy.id) return; // an answer to an analysis that was replaced
  if (msg.type === "progress") showStage(msg);
  else if (msg.type === "result") onResult(msg);
  else if (msg.type === "error") onError(msg);
};

handlers.failed = () => {
  state.busy = null;
  hideProgress();
  showError({ code: "workerFailed" });
};
