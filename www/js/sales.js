// "Analyse my sales" (Analisis penjualan): one pasted, opened or dropped sales log
// → RFM segments and a customer table, retention (CRR with S, E, N), cohorts, CLV
// and Pareto, and the lifecycle with win-back stages. The analysis runs in a Web
// Worker (www/worker.js, through js/analysis.js), which keeps the log and the
// per-customer rows: the main thread posts the file or text once, then only
// options, and receives progress, a summary and pages of rows. User text is only
// ever set as text. The parts live in js/sales/:
//   state.js      the section's state, the worker client, amounts and labels
//   skeleton.js   every element, built once       tables.js  the customer tables
//   options.js    the options form                input.js   text, file, drop, events
//   run.js        running, progress, errors       mapping.js the remembered column roles
//   render.js     a result, part by part: data.js + columns.js (how the data was
//                 read), overview.js, segments.js, retention.js, cohorts.js, clv.js,
//                 lifecycle.js
//   csv.js        the downloads                   log.js     what Predict borrows
// The "Predict" part (js/predict.js) uses the same worker and the same log
// through `salesLog`, exported here.

import "./sales-i18n.js";
import "./predict-i18n.js";
import * as fmt from "./format.js";
import { onLangChange } from "./lang.js";
import { drawSafely, redrawOnResize } from "./kit/view.js";
import { app, client, state } from "./sales/state.js";
import { doneStatus, progress, results } from "./sales/skeleton.js";
import { lifeTable, rfmTable } from "./sales/tables.js";
import { fillThresholds, labelCurrencies, labelThresholds, syncModeField } from "./sales/options.js";
import { showError, showStage } from "./sales/run.js";
import "./sales/input.js";
import { render } from "./sales/render.js";
import { drawSegmentChart } from "./sales/segments.js";
import { drawCurves } from "./sales/cohorts.js";
import { drawTrends } from "./sales/trends.js";

export { salesLog } from "./sales/log.js";

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
  if (state.summary) drawSafely(render, showError);
  else if (state.error) {
    showError(state.error);
  }
  if (state.busy) showStage({ stage: progress.dataset.stage || "analysing" });
  else if (doneStatus.textContent) doneStatus.textContent = "";
});

redrawOnResize(
  results,
  () => state.summary && !results.hidden,
  () => {
    drawSegmentChart();
    drawCurves();
    drawTrends();
  },
);

// ---------------------------------------------------------------- start

fillThresholds();
labelThresholds();
labelCurrencies();
syncModeField();
try {
  client.start();
} catch (error) {
  console.error(error);
  showError({ code: "workerFailed" });
}
