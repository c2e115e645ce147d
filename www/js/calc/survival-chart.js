// The subscriptions' survival chart, as SVG (createElementNS): the share still
// subscribed after each period, observed (dots joined by a line) and the
// model's (a solid line over the observed periods, dashed where it projects),
// with an accessible name, a legend that draws each line's style (colour is
// never the only signal) and a table of the numbers. Colours are SVG
// presentation attributes, not CSS, so the chart needs no stylesheet of its own
// (the widget's stylesheet is within a size budget).

import { h, s } from "../dom.js";

const W = 560;
const H = 260;
const PAD = { l: 46, r: 14, t: 14, b: 42 };
const ACTUAL = "#0b5a7a";
const MODEL = "#b8680a";
const GRID = "#d5dbe1";
const INK = "#3d4852";

/** A line's look, for the plot and its legend sample. */
const LOOK = {
  actual: { stroke: ACTUAL, "stroke-width": 2.5, fill: "none" },
  fitted: { stroke: MODEL, "stroke-width": 2, fill: "none" },
  projected: { stroke: MODEL, "stroke-width": 2, fill: "none", "stroke-dasharray": "6 4" },
};

function path(points) {
  return points.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)}`).join("");
}

/**
 * periods: the API's `periods` ({ period, actualSurvival, survival, projected });
 * observed: the last observed period; texts: { title, caption, name, actual,
 * fitted, projected, x, showNumbers, cols: [period, actual %, model %], period(t) };
 * format: { pct(v) }; tableActions(table): controls under the table.
 */
export function survivalChart({ id, periods, observed, texts, format, tableActions }) {
  const last = periods.length - 1;
  const X = (t) => PAD.l + (t / Math.max(1, last)) * (W - PAD.l - PAD.r);
  const Y = (v) => PAD.t + (1 - Math.max(0, Math.min(100, v)) / 100) * (H - PAD.t - PAD.b);
  const svg = s("svg", {
    class: "chart-svg",
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-label": texts.name,
    "data-testid": `${id}-chart-svg`,
    focusable: "false",
  });
  svg.appendChild(s("title", null, texts.name));
  const label = (attrs, value) => s("text", { "font-size": 12, fill: INK, ...attrs }, value);
  for (const v of [0, 25, 50, 75, 100]) {
    svg.appendChild(s("line", { x1: PAD.l, x2: W - PAD.r, y1: Y(v), y2: Y(v), stroke: v === 0 ? INK : GRID, "stroke-width": 1 }));
    svg.appendChild(label({ x: PAD.l - 6, y: Y(v) + 4, "text-anchor": "end" }, format.pct(v)));
  }
  const step = Math.max(1, Math.ceil(last / 14));
  for (let t = 0; t <= last; t += step) svg.appendChild(label({ x: X(t), y: H - PAD.b + 16, "text-anchor": "middle" }, String(t)));
  svg.appendChild(label({ x: (PAD.l + W - PAD.r) / 2, y: H - 6, "text-anchor": "middle" }, texts.x));
  // Where the data end and the projection starts.
  if (observed < last) {
    svg.appendChild(s("line", { x1: X(observed), x2: X(observed), y1: PAD.t, y2: H - PAD.b, stroke: GRID, "stroke-width": 1, "stroke-dasharray": "2 3" }));
  }

  const model = periods.map((p) => [X(p.period), Y(p.survival)]);
  svg.appendChild(s("path", { d: path(model.slice(0, observed + 1)), ...LOOK.fitted, "data-line": "fitted" }));
  if (observed < last) svg.appendChild(s("path", { d: path(model.slice(observed)), ...LOOK.projected, "data-line": "projected" }));
  const seen = periods.filter((p) => p.actualSurvival !== null);
  svg.appendChild(s("path", { d: path(seen.map((p) => [X(p.period), Y(p.actualSurvival)])), ...LOOK.actual, "data-line": "actual" }));
  for (const p of seen) {
    const dot = s("circle", { cx: X(p.period).toFixed(1), cy: Y(p.actualSurvival).toFixed(1), r: 3.5, fill: ACTUAL, "data-period": p.period });
    dot.appendChild(s("title", null, `${texts.period(p.period)}: ${texts.actual} ${format.pct(p.actualSurvival)}, ${texts.fitted} ${format.pct(p.survival)}`));
    svg.appendChild(dot);
  }

  const sample = (look, dot) => {
    const g = s("svg", { width: 34, height: 12, viewBox: "0 0 34 12", "aria-hidden": "true", focusable: "false" });
    g.appendChild(s("path", { d: "M1 6H33", ...look }));
    if (dot) g.appendChild(s("circle", { cx: 17, cy: 6, r: 3.5, fill: ACTUAL }));
    return g;
  };
  const legend = h(
    "ul",
    { class: "legend", "data-testid": `${id}-chart-legend` },
    h("li", null, sample(LOOK.actual, true), texts.actual),
    h("li", null, sample(LOOK.fitted), texts.fitted),
    h("li", null, sample(LOOK.projected), texts.projected),
  );

  const table = h(
    "table",
    { class: "chart-table", "data-testid": `${id}-chart-table` },
    h("caption", { class: "visually-hidden" }, texts.name),
    h("thead", null, h("tr", null, texts.cols.map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      null,
      periods.map((p) =>
        h(
          "tr",
          { "data-projected": p.projected ? "" : null },
          h("th", { scope: "row" }, texts.period(p.period)),
          p.actualSurvival === null ? h("td", null, "—") : h("td", { "data-value": p.actualSurvival }, format.pct(p.actualSurvival)),
          h("td", { "data-value": p.survival }, format.pct(p.survival)),
        ),
      ),
    ),
  );

  return h(
    "figure",
    { class: "chart", "data-testid": `${id}-chart` },
    h("figcaption", null, h("span", { class: "chart-title" }, texts.title), texts.caption ? h("span", { class: "chart-caption" }, texts.caption) : null),
    svg,
    legend,
    h("details", { class: "chart-details" }, h("summary", null, texts.showNumbers), table, tableActions ? tableActions(table) : null),
  );
}
