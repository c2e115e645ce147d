// The charts of the CLV prediction (js/predict.js), as SVG built with
// createElementNS: the heat map of P(alive) over frequency × recency, and the
// calibration-vs-holdout comparison of purchases by calibration frequency. Each
// has an accessible name, a text legend (colour is never the only signal: the
// heat map's cells carry their number where there is room, and both charts have
// a table of every number in a <details>). Drawn at the width they are given.

import { h, s } from "./dom.js";
import { chartFigure, heatLegend, numbersTable, svgFigure, svgRoot, swatchLegend, text } from "./sales-charts.js";

const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));

// ---------------------------------------------------------------- P(alive) heat map

/** Colour bins of P(alive) (0–1): [upper bound, class]; the legend lists them. */
export const ALIVE_BINS = [
  [0.1, "alive-0"],
  [0.25, "alive-1"],
  [0.5, "alive-2"],
  [0.75, "alive-3"],
  [0.9, "alive-4"],
  [Infinity, "alive-5"],
];
const aliveClass = (p) => ALIVE_BINS.find(([hi]) => p < hi)[1];

/**
 * matrix: { t, frequencies, recencies, values[f][r] } (P(alive) 0–1);
 * texts: { title, name, caption, freqAxis, recAxis, cell(f, r, p), freqHead, recHead(r),
 *          legendTitle, bin(lo, hi), showNumbers, scroll };
 * format: { pct(p 0–100), tick(r), int }.
 * Other values than P(alive) (expected purchases): `matrix.max` scales them to 0–1 for
 * the colour bins, `format.cell(v)` writes a cell and `format.value(v)` the table's.
 */
export function aliveHeatmap({ id, matrix, width, texts, format }) {
  const { frequencies, recencies, values } = matrix;
  const scale = matrix.max ? (v) => v / matrix.max : (v) => v;
  const cellText = format.cell || ((p) => format.num0(p * 100));
  const tableText = format.value || ((p) => format.pct(p * 100));
  const cols = recencies.length;
  const rows = frequencies.length;
  const avail = clamp(Math.floor(width || 640), 300, 780);
  const left = 46;
  const top = 36;
  const cw = clamp(Math.floor((avail - left - 6) / cols), 12, 40);
  const ch = clamp(Math.round(cw * 0.5), 12, 18);
  const W = left + cols * cw + 6;
  const H = top + rows * ch + 6;
  const numbers = cw >= 26 && ch >= 14;
  const svg = svgRoot(id, W, H, texts.name);

  // Axis titles: recency across the top, frequency down the left (rotated).
  svg.appendChild(text({ class: "heat-axis", x: left, y: 13 }, `${texts.recAxis} →`));
  const midY = top + (rows * ch) / 2;
  svg.appendChild(text({ class: "heat-axis", x: 12, y: midY, "text-anchor": "middle", transform: `rotate(-90 12 ${midY})` }, `${texts.freqAxis} →`));
  // Recency ticks: every `step` columns, always the last.
  const step = Math.max(1, Math.ceil(34 / cw));
  const ticks = [];
  for (let j = 0; j < cols; j += step) ticks.push(j);
  if (ticks[ticks.length - 1] !== cols - 1) {
    // The last column always has its label; a tick too close to it gives way.
    if (cols - 1 - ticks[ticks.length - 1] < step * 0.75 && ticks.length > 1) ticks.pop();
    ticks.push(cols - 1);
  }
  for (const j of ticks) {
    svg.appendChild(text({ class: "heat-head", x: left + j * cw + cw / 2, y: 30, "text-anchor": "middle" }, format.tick(recencies[j])));
  }
  const rowStep = ch >= 12 ? 1 : 2;
  frequencies.forEach((f, i) => {
    const y = top + i * ch;
    const g = s("g", { class: "alive-row", "data-frequency": f });
    if (i % rowStep === 0) g.appendChild(text({ class: "heat-head", x: left - 5, y: y + ch / 2 + 4, "text-anchor": "end" }, format.int(f)));
    recencies.forEach((r, j) => {
      const p = values[i][j];
      const x = left + j * cw;
      const cell = s("g", { class: `alive-cell ${aliveClass(scale(p))}`, "data-r": j, "data-value": p.toFixed(4) });
      cell.appendChild(s("rect", { x, y, width: cw, height: ch }));
      if (numbers) cell.appendChild(text({ x: x + cw / 2, y: y + ch / 2 + 3.5, "text-anchor": "middle" }, cellText(p)));
      cell.appendChild(s("title", null, texts.cell(f, r, p)));
      g.appendChild(cell);
    });
    svg.appendChild(g);
  });
  svg.appendChild(s("rect", { class: "alive-frame", x: left, y: top, width: cols * cw, height: rows * ch }));

  const legend = heatLegend(ALIVE_BINS, texts.legendTitle, `${id}-legend`, (lo, hi) => texts.bin(lo * 100, hi === Infinity ? null : hi * 100));
  const table = numbersTable(
    id,
    texts.name,
    [texts.freqHead, ...recencies.map((r) => texts.recHead(r))],
    frequencies.map((f, i) => [format.int(f), ...values[i].map(tableText)]),
  );
  const scroller = h("div", { class: "sales-scroll", role: "region", tabindex: "0", "aria-label": `${texts.title}. ${texts.scroll}` }, svg);
  return chartFigure({ extraClass: "predict-chart", id, title: texts.title, caption: texts.caption, body: scroller, legend, table, showNumbers: texts.showNumbers });
}

// ---------------------------------------------------------------- calibration vs holdout

/** A round upper end for the axis and its number of steps: 1, 2, 2.5, 5 or 10 × 10^k. */
function niceAxis(v) {
  if (!(v > 0)) return { max: 1, steps: 4 };
  const e = 10 ** Math.floor(Math.log10(v));
  for (const [m, steps] of [[1, 4], [2, 4], [2.5, 5], [5, 5], [10, 5]]) if (m * e >= v) return { max: m * e, steps };
  return { max: 10 * e, steps: 5 };
}

/**
 * rows: [{ frequency, customers, actual, predicted }] (means per customer; the last
 * row is "frequency or more"); texts: { title, name, caption, x, y, actual, predicted,
 * group(k, last), customers(n), showNumbers, cols }; format: { num(v), tick(v), int }.
 */
export function holdoutChart({ id, rows, width, texts, format }) {
  const W = Math.round(clamp(width || 640, 300, 720));
  const slotGuess = (W - 56) / rows.length;
  const showCounts = slotGuess >= 58;
  const pad = { l: 48, r: 8, t: 16, b: showCounts ? 54 : 40 };
  const H = 260;
  const slot = (W - pad.l - pad.r) / rows.length;
  const barW = Math.min(26, slot * 0.36);
  const { max, steps } = niceAxis(Math.max(0, ...rows.map((r) => Math.max(r.actual, r.predicted))) * 1.08);
  const Y = (v) => pad.t + (1 - v / max) * (H - pad.t - pad.b);
  const base = Y(0);
  const svg = svgRoot(id, W, H, texts.name);
  const defs = s("defs");
  const hatch = s("pattern", { id: `${id}-hatch`, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  hatch.appendChild(s("rect", { class: "ho-hatch-bg", x: 0, y: 0, width: 6, height: 6 }));
  hatch.appendChild(s("line", { class: "ho-hatch-line", x1: 0, y1: 0, x2: 0, y2: 6 }));
  defs.appendChild(hatch);
  svg.appendChild(defs);

  for (let k = 0; k <= steps; k++) {
    const v = (max * k) / steps;
    svg.appendChild(s("line", { class: k === 0 ? "axis" : "grid", x1: pad.l, x2: W - pad.r, y1: Y(v), y2: Y(v) }));
    svg.appendChild(text({ class: "tick", x: pad.l - 5, y: Y(v) + 4, "text-anchor": "end" }, format.tick(v)));
  }
  const midY = (pad.t + base) / 2;
  svg.appendChild(text({ class: "axis-title", x: 12, y: midY, "text-anchor": "middle", transform: `rotate(-90 12 ${midY})` }, texts.y));
  svg.appendChild(text({ class: "axis-title", x: (pad.l + W - pad.r) / 2, y: H - 6, "text-anchor": "middle" }, texts.x));

  const values = slot >= 62;
  rows.forEach((row, i) => {
    const last = i === rows.length - 1;
    const cx = pad.l + i * slot + slot / 2;
    const g = s("g", {
      class: "ho-group",
      "data-frequency": row.frequency,
      "data-customers": row.customers,
      "data-actual": row.actual.toFixed(4),
      "data-predicted": row.predicted.toFixed(4),
    });
    const bar = (v, x, cls) => {
      const y = Y(v);
      const height = Math.max(v > 0 ? 1.5 : 0, base - y);
      return s("rect", { class: cls, x: x.toFixed(1), y: (base - height).toFixed(1), width: barW.toFixed(1), height: height.toFixed(1), fill: cls === "ho-pred" ? `url(#${id}-hatch)` : null });
    };
    g.appendChild(bar(row.actual, cx - barW - 1, "ho-actual"));
    g.appendChild(bar(row.predicted, cx + 1, "ho-pred"));
    if (values) {
      g.appendChild(text({ class: "ho-value", x: (cx - barW / 2 - 1).toFixed(1), y: (Y(row.actual) - 4).toFixed(1), "text-anchor": "middle" }, format.num(row.actual)));
      g.appendChild(text({ class: "ho-value", x: (cx + barW / 2 + 1).toFixed(1), y: (Y(row.predicted) - 4).toFixed(1), "text-anchor": "middle" }, format.num(row.predicted)));
    }
    g.appendChild(text({ class: "ho-label", x: cx, y: base + 15, "text-anchor": "middle" }, texts.group(row.frequency, last)));
    if (showCounts) g.appendChild(text({ class: "tick", x: cx, y: base + 29, "text-anchor": "middle" }, texts.customers(row.customers)));
    g.appendChild(
      s("title", null, `${texts.cols[0]} ${texts.group(row.frequency, last)}: ${texts.actual} ${format.num(row.actual)}, ${texts.predicted} ${format.num(row.predicted)} (${texts.customers(row.customers)})`),
    );
    svg.appendChild(g);
  });

  return svgFigure({
    id,
    texts,
    svg,
    extraClass: "predict-chart",
    caption: texts.caption,
    legend: swatchLegend(`${id}-legend`, [
      ["ho-swatch-actual", texts.actual],
      ["ho-swatch-pred", texts.predicted],
    ]),
    rows: rows.map((row, i) => [texts.group(row.frequency, i === rows.length - 1), format.int(row.customers), format.num(row.actual), format.num(row.predicted)]),
  });
}
