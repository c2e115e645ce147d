// "Prediksi CLV" (Predict): BG/NBD and Gamma-Gamma (predictClv) on the log already
// given to "Analyse my sales" — no second paste. js/sales.js lends its worker
// (`salesLog`): the worker holds the text, runs predictClv on it read the same way
// as the analysis (locale, column mapping), keeps the ranked customers, and sends
// a summary, pages of rows and a CSV blob. Shown: the totals, the customers ranked
// by predicted CLV with P(alive), the comparison with the simple-formula CLV, the
// fitted parameters with standard errors and a plain explanation, the heat map of
// P(alive) over frequency × recency, and the calibration-vs-holdout test when a
// holdout end is chosen. User text is only ever set as text. The parts live in
// js/predict/: state.js (state, formatting), skeleton.js (the elements), run.js
// (options, the borrowed log, running, errors), render.js (totals, warnings,
// comparison), model.js (parameters), charts.js (P(alive), holdout), csv.js.

import "./predict-i18n.js";
import * as fmt from "./format.js";
import { onLangChange, t } from "./lang.js";
import { drawSafely, redrawOnResize } from "./kit/view.js";
import { salesLog } from "./sales.js";
import { OPTION_DELAY_MS, app, state } from "./predict/state.js";
import { calInput, customersTable, discountInput, doneStatus, form, holdInput, horizonInput, optionsError, progressText, results, runButton, suggestButton } from "./predict/skeleton.js";
import { fillDefaults, onLog, readOptions, runPredict, showError, showSource, staticHelp, suggestedSplit } from "./predict/run.js";
import { render } from "./predict/render.js";
import { drawAlive, drawHoldout } from "./predict/charts.js";
import { renderDiagnostics } from "./predict/diagnostics.js";

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
    if (state.result) drawSafely(render, showError);
    else if (state.error) showError(state.error);
    if (optionsError.textContent) readOptions();
    if (state.busy) progressText.textContent = t("predict.stage", { customers: fmt.int(lang, state.info?.summary?.customers || 0) });
    doneStatus.textContent = "";
  });

  redrawOnResize(
    results,
    () => state.result && !results.hidden,
    () => {
      drawAlive();
      drawHoldout();
      renderDiagnostics();
    },
  );

  staticHelp();
  salesLog.subscribe(onLog);
  onLog(salesLog.current());
}
