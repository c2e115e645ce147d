// Running a prediction: the options from the form, the log borrowed from the
// sales analysis (a new log clears the old predictions; the same log read another
// way predicts again), the worker's answer, and the error view.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { addDays, dateText, isoDate } from "../kit/dates.js";
import { maxHorizonMonths, minHorizonMonths } from "../kit/defaults.js";
import { drawSafely } from "../kit/view.js";
import { salesLog } from "../sales.js";
import { $, errorText, section, state } from "./state.js";
import {
  calInput,
  customersTable,
  discountInput,
  doneStatus,
  errorBox,
  holdInput,
  horizonInput,
  optionsError,
  progress,
  progressText,
  results,
  runButton,
  sourceNote,
  suggestButton,
} from "./skeleton.js";
import { render } from "./render.js";

/** The predictClv options from the form: { options } or { invalid: element }. */
export function readOptions() {
  const lang = getLang();
  const options = { unit: $("predict-unit-days").checked ? "days" : "weeks" };
  let invalid = null;
  let message = "";
  for (const el of [horizonInput, discountInput]) el.removeAttribute("aria-invalid");
  if (calInput.value) options.calibrationEnd = calInput.value;
  if (holdInput.value) options.holdoutEnd = holdInput.value;
  const horizon = fmt.parseNumber(horizonInput.value, lang);
  if (!horizon.empty) {
    if (horizon.invalid || !Number.isInteger(horizon.value) || horizon.value < minHorizonMonths() || horizon.value > maxHorizonMonths()) {
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
export function suggestedSplit(summary) {
  if (!summary || !summary.firstDate || !summary.lastDate) return null;
  const first = isoDate(summary.firstDate).getTime();
  const last = isoDate(summary.lastDate).getTime();
  const days = Math.round((last - first) / 86_400_000);
  if (days < 3) return null;
  return { cal: addDays(summary.firstDate, Math.round((days * 2) / 3)), end: summary.lastDate };
}

export function fillDefaults(summary) {
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

export function staticHelp() {
  $("predict-holdout-help").textContent = t("predict.holdoutHelp");
  $("predict-horizon-help").textContent = t("predict.horizonHelp");
  $("predict-discount-help").textContent = t("predict.discountHelp");
  if (!state.info || !state.info.summary) {
    $("predict-calibration-help").textContent = t("predict.calibrationHelp", { date: "" });
    $("predict-suggest-help").textContent = "";
  }
}

// ---------------------------------------------------------------- the log

export const readingKey = (reading) => JSON.stringify(reading || null);

export function showSource(info) {
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

export function onLog(info) {
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

export function clearResults() {
  state.result = null;
  state.resultFor = null;
  state.error = null;
  results.hidden = true;
  replace(errorBox);
  doneStatus.textContent = "";
  customersTable.clear();
}

// ---------------------------------------------------------------- running

export async function runPredict() {
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
    if (drawSafely(render, showError)) section.dataset.state = "ok";
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

export const FIELD_INPUTS = { calibrationEnd: calInput, holdoutEnd: holdInput, horizonMonths: horizonInput, monthlyDiscountRate: discountInput };

export function showError(error) {
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
