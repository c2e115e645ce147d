// The charts of a prediction: P(alive) over frequency × recency, and the
// calibration-vs-holdout test (actual and predicted purchases per frequency).

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { addDays, dateText } from "../kit/dates.js";
import { chartWidth, dataTable, stats } from "../kit/view.js";
import { aliveHeatmap, holdoutChart } from "../predict-charts.js";
import { $, app, money, state, unitWord } from "./state.js";
import { aliveBox, holdoutBox, results } from "./skeleton.js";

export function drawAlive() {
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
      width: chartWidth(aliveBox, results, app),
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

export function renderHoldout() {
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
    holdoutErrors(ho),
    h("div", { class: "sales-chart-box", id: "predict-holdout-chart-box" }),
  );
  drawHoldout();
}

export function drawHoldout() {
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
      width: chartWidth(box, results, app),
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

/** "The model predicted 1,204 purchases; there were 1,150: +4.7 %", the same for spend, and the per-customer errors. */
function holdoutErrors(ho) {
  if (!ho.purchases || !ho.spend) return null;
  const lang = getLang();
  const pct = (e) => (e.percentError === null ? "—" : `${e.percentError > 0 ? "+" : ""}${fmt.pct(lang, e.percentError, 1)}`);
  const corr = (e) => (e.correlation === null ? "—" : fmt.num(lang, e.correlation, 2, 2));
  const [P, S] = [ho.purchases, ho.spend];
  return h(
    "div",
    { class: "predict-holdout-errors" },
    h("p", { "data-testid": "predict-holdout-words" }, t("predict.hoWords", { predicted: fmt.num(lang, P.totalPredicted, 0), actual: fmt.int(lang, P.totalActual), pct: pct(P) })),
    h("p", { "data-testid": "predict-holdout-words-spend" }, t("predict.hoWordsSpend", { predicted: money(lang, S.totalPredicted), actual: money(lang, S.totalActual), pct: pct(S) })),
    dataTable({
      cls: "predict-holdout-errors-table",
      testid: "predict-holdout-errors",
      caption: t("predict.hoErrCaption"),
      heads: [[t("predict.hoErrMeasure")], [t("predict.hoErrPurchases"), true], [t("predict.hoErrSpend"), true]],
      rows: [
        [t("predict.hoMae"), fmt.num(lang, P.mae, 2, 2), money(lang, S.mae)],
        [t("predict.hoRmse"), fmt.num(lang, P.rmse, 2, 2), money(lang, S.rmse)],
        [t("predict.hoCorr"), corr(P), corr(S)],
        [t("predict.hoPct"), pct(P), pct(S)],
      ].map(([label, ...cells]) => h("tr", null, h("th", { scope: "row" }, label), cells.map((c) => h("td", { class: "num" }, c)))),
    }),
  );
}
