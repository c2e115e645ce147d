// The options of the analysis: read from the form (with the checks the API would
// make, so that a typo is pointed at before anything is sent), and the RFM
// thresholds and currency choices labelled in the page language.

import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { RFM_MEASURES, rfmThresholds, thresholdsOrdered } from "../kit/defaults.js";
import { $, app, errorText, currencySymbol, state } from "./state.js";
import { asOfInput, currencySelect, localeSelect, thresholdsBox, thresholdsError } from "./skeleton.js";
import { scoresOptions } from "./scores-view.js";

export function labelCurrencies() {
  const lang = getLang();
  for (const option of currencySelect.options) {
    const code = option.dataset.currency;
    option.textContent = code
      ? `${fmt.currencySymbol(lang, code)} — ${fmt.currencyName(lang, code)} (${code})`
      : t("sales.currencyAuto", { symbol: state.detectedSymbol });
  }
}

/** The analyzeLog options from the form: { options } or { invalid: element }. */
export function readOptions() {
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
    for (const m of RFM_MEASURES) {
      const edges = [0, 1, 2, 3].map((i) => {
        const el = $(`sales-th-${m}-${i}`);
        const v = number(el, { integer: m !== "monetary", min: 0 });
        if (v === undefined && !el.hasAttribute("aria-invalid")) {
          el.setAttribute("aria-invalid", "true");
          invalid = invalid || el;
        }
        return v;
      });
      if (!thresholdsOrdered(m, edges)) {
        for (let i = 0; i < 4; i++) $(`sales-th-${m}-${i}`).setAttribute("aria-invalid", "true");
        invalid = invalid || $(`sales-th-${m}-0`);
        thresholdProblem = "thresholdsNotOrdered";
      }
      if (edges.join() !== rfmThresholds()[m].join()) thresholds[m] = edges;
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
  Object.assign(options, scoresOptions());
  return invalid ? { invalid } : { options };
}

export function fillThresholds(values = rfmThresholds()) {
  const lang = getLang();
  for (const m of RFM_MEASURES) {
    values[m].forEach((v, i) => {
      const el = $(`sales-th-${m}-${i}`);
      el.value = m === "monetary" ? fmt.int(lang, v) : String(v);
      el.removeAttribute("aria-invalid");
    });
  }
}

export function labelThresholds() {
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
}

export function syncModeField() {
  $("sales-active-days-field").hidden = !$("sales-mode-activeBase").checked;
}
