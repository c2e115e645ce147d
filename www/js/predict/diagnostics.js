// The model's diagnostic plots (lifetimes' standard ones), each an SVG with its
// numbers table: the tracking plot (cumulative repeat purchases per week, actual
// and model, calibration then holdout), the heat map of expected purchases over
// frequency × recency, and the fitted heterogeneity (the spread of purchase rates
// λ and of dropout chances p). The conditional expectations by calibration
// frequency are the holdout test's chart (charts.js).

import { h, replace, s } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { dateText } from "../kit/dates.js";
import { chartWidth } from "../kit/view.js";
import { aliveHeatmap } from "../predict-charts.js";
import { svgFigure, svgRoot, text } from "../sales-charts.js";
import { app, state, unitOne, unitWord } from "./state.js";
import { diagnosticsBox, results } from "./skeleton.js";

/** A round upper end for an axis: 1, 2, 2.5, 5 or 10 × 10^k. */
function niceMax(v) {
  if (!(v > 0)) return 1;
  const e = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= v) return m * e;
  return 10 * e;
}

/**
 * A line chart: series [{ key, label, cls, dash?, points: [[x, y]] }] on shared axes;
 * `mark` an x to draw a dashed vertical line at (with its label). texts: { title, name,
 * x, y, showNumbers, cols }; format: { x(v), y(v) }; rows: the numbers table's rows.
 */
function lineChart({ id, series, mark, width, texts, format, rows }) {
  const W = Math.round(Math.max(300, Math.min(width || 640, 760)));
  const H = 240;
  const pad = { l: 56, r: 14, t: 14, b: 40 };
  const xs = series.flatMap((l) => l.points.map((p) => p[0]));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const yMax = niceMax(Math.max(0, ...series.flatMap((l) => l.points.map((p) => p[1]))) * 1.05);
  const X = (v) => pad.l + ((v - x0) / Math.max(1e-12, x1 - x0)) * (W - pad.l - pad.r);
  const Y = (v) => pad.t + (1 - v / yMax) * (H - pad.t - pad.b);
  const svg = svgRoot(id, W, H, texts.name);
  for (let k = 0; k <= 4; k++) {
    const v = (yMax * k) / 4;
    svg.appendChild(s("line", { class: k === 0 ? "axis" : "grid", x1: pad.l, x2: W - pad.r, y1: Y(v), y2: Y(v) }));
    svg.appendChild(text({ class: "tick", x: pad.l - 5, y: Y(v) + 4, "text-anchor": "end" }, format.y(v)));
  }
  for (let k = 0; k <= 4; k++) {
    const v = x0 + ((x1 - x0) * k) / 4;
    svg.appendChild(text({ class: "tick", x: X(v), y: H - pad.b + 15, "text-anchor": k === 0 ? "start" : k === 4 ? "end" : "middle" }, format.x(v)));
  }
  svg.appendChild(text({ class: "axis-title", x: (pad.l + W - pad.r) / 2, y: H - 6, "text-anchor": "middle" }, texts.x));
  const midY = (pad.t + H - pad.b) / 2;
  svg.appendChild(text({ class: "axis-title", x: 12, y: midY, "text-anchor": "middle", transform: `rotate(-90 12 ${midY})` }, texts.y));
  if (mark && mark.x > x0 && mark.x < x1) {
    svg.appendChild(s("line", { class: "diag-mark", x1: X(mark.x), x2: X(mark.x), y1: pad.t, y2: H - pad.b }));
    svg.appendChild(text({ class: "tick", x: X(mark.x) + 4, y: pad.t + 10 }, mark.label));
  }
  for (const line of series) {
    const g = s("g", { class: `curve ${line.cls}`, "data-line": line.key });
    const d = line.points.map(([x, y], i) => `${i ? "L" : "M"}${X(x).toFixed(1)} ${Y(y).toFixed(1)}`).join("");
    g.appendChild(s("path", { class: "curve-line", d, "stroke-dasharray": line.dash || null }));
    svg.appendChild(g);
  }
  const legend = h(
    "ul",
    { class: "legend curve-legend" },
    series.map((line) => {
      const sample = s("svg", { class: "curve-sample", width: 34, height: 12, viewBox: "0 0 34 12", "aria-hidden": "true", focusable: "false" });
      const g = s("g", { class: `curve ${line.cls}` });
      g.appendChild(s("path", { class: "curve-line", d: "M1 6H33", "stroke-dasharray": line.dash || null }));
      sample.appendChild(g);
      return h("li", null, sample, line.label);
    }),
  );
  return svgFigure({ id, texts, svg, legend, rows, extraClass: "predict-chart" });
}

export function renderDiagnostics() {
  const r = state.result;
  if (!r || results.hidden) return;
  replace(diagnosticsBox, h("p", { class: "sales-note" }, t("predict.diagIntro")), trackingPart(r), expectedPart(r), heterogeneityPart(r));
}

function trackingPart(r) {
  const lang = getLang();
  const tr = r.tracking;
  if (!tr || !tr.weeks.length) return h("p", { class: "sales-note", "data-testid": "predict-tracking-none" }, t("predict.trNone"));
  const start = Date.parse(tr.start);
  const weeksOf = (iso) => (Date.parse(iso) - start) / (7 * 86_400_000) + 1 / 7;
  const last = tr.weeks[tr.weeks.length - 1];
  const holdout = tr.weeks.some((w) => w.holdout);
  return h(
    "div",
    { class: "sales-chart-box" },
    lineChart({
      id: "predict-tracking",
      series: [
        { key: "actual", label: t("predict.trActual"), cls: "curve-0", points: tr.weeks.map((w) => [weeksOf(w.end), w.actual]) },
        { key: "model", label: t("predict.trModel"), cls: "curve-1", dash: "7 4", points: tr.weeks.map((w) => [weeksOf(w.end), w.predicted]) },
      ],
      mark: holdout ? { x: weeksOf(tr.calibrationEnd), label: t("predict.trMark") } : null,
      width: chartWidth(diagnosticsBox, results, app),
      texts: {
        title: t("predict.trTitle"),
        name: t("predict.trName", { from: dateText(lang, tr.start), to: dateText(lang, last.end), actual: fmt.int(lang, last.actual), model: fmt.num(lang, last.predicted, 0) }),
        x: t("predict.trX"),
        y: t("predict.trY"),
        showNumbers: t("sales.showNumbers"),
        cols: table("predict.trCols"),
      },
      format: { x: (v) => fmt.num(lang, v, 0), y: (v) => fmt.num(lang, v, 0) },
      rows: tr.weeks.map((w) => [dateText(lang, w.end), fmt.int(lang, w.actual), fmt.num(lang, w.predicted, 1, 1), t(w.holdout ? "predict.trHold" : "predict.trCal")]),
    }),
  );
}

function expectedPart(r) {
  const lang = getLang();
  const m = r.expectedMatrix;
  if (!m || !m.frequencies.length || !m.recencies.length) return null;
  const unit = unitWord(r.unit);
  const max = Math.max(1e-12, ...m.values.flat());
  const tDigits = m.t < 20 ? 1 : 0;
  const last = m.frequencies.length - 1;
  const lastR = m.recencies.length - 1;
  const num = (v) => fmt.num(lang, v, v < 10 ? 1 : 0);
  const H = fmt.int(lang, r.horizonMonths);
  return h(
    "div",
    { class: "sales-chart-box" },
    h("p", { class: "sales-note" }, t("predict.expIntro", { t: fmt.num(lang, m.t, tDigits), unit, h: H })),
    aliveHeatmap({
      id: "predict-expected",
      matrix: { ...m, max },
      width: chartWidth(diagnosticsBox, results, app),
      texts: {
        title: t("predict.expTitle", { h: H }),
        name: t("predict.expName", { h: H, fm: fmt.int(lang, m.frequencies[last]), top: num(m.values[last][lastR]), bottom: num(m.values[last][0]) }),
        caption: null,
        freqAxis: t("predict.aliveFreq"),
        recAxis: t("predict.aliveRec", { unit }),
        cell: (f, rec, v) => t("predict.expCell", { f: fmt.int(lang, f), r: fmt.num(lang, rec, 1), unit, v: num(v) }),
        freqHead: t("predict.aliveFreqHead"),
        recHead: (rec) => fmt.num(lang, rec, 1),
        legendTitle: t("predict.expLegend"),
        bin: (lo, hi) => (hi === null ? `≥ ${num((lo / 100) * max)}` : `${num((lo / 100) * max)}–${num((hi / 100) * max)}`),
        showNumbers: t("sales.showNumbers"),
        scroll: t("predict.aliveScroll"),
      },
      format: { pct: (v) => fmt.pct(lang, v, 0), num0: (v) => fmt.num(lang, v, 0), tick: (v) => fmt.num(lang, v, tDigits), int: (v) => fmt.int(lang, v), cell: num, value: (v) => fmt.num(lang, v, 2, 2) },
    }),
  );
}

function heterogeneityPart(r) {
  const lang = getLang();
  const het = r.heterogeneity;
  if (!het) return null;
  const unit1 = unitOne(r.unit);
  const width = chartWidth(diagnosticsBox, results, app);
  const density = (id, d, key, x, digits) =>
    lineChart({
      id,
      series: [{ key, label: t(`predict.het.${key}Label`, { unit1 }), cls: "curve-0", points: d.x.map((v, i) => [v, d.density[i]]) }],
      width,
      texts: {
        title: t(`predict.het.${key}Title`),
        name: t(`predict.het.${key}Name`, { mean: fmt.num(lang, d.mean, digits), unit1 }),
        x,
        y: t("predict.het.y"),
        showNumbers: t("sales.showNumbers"),
        cols: [x, t("predict.het.y")],
      },
      format: { x: (v) => fmt.num(lang, v, digits), y: (v) => fmt.num(lang, v, 1) },
      rows: d.x.map((v, i) => [fmt.num(lang, v, digits + 1), fmt.num(lang, d.density[i], 3, 3)]),
    });
  return h(
    "div",
    { class: "sales-chart-box" },
    h("p", { class: "sales-note" }, t("predict.het.intro")),
    density("predict-het-lambda", het.lambda, "lambda", t("predict.het.lambdaX", { unit1 }), het.lambda.mean < 0.1 ? 3 : 2),
    density("predict-het-p", het.p, "p", t("predict.het.pX"), 2),
  );
}
