// The charts of the trends (issue #14), as SVG: bars per period (one series, or
// stacked series such as new and returning customers) and lines per period
// (CRR and churn) over a shaded benchmark band. Each carries an accessible
// name, a text legend, and the table of its numbers (sales-charts.js's figure).
// An incomplete period is drawn hatched and named so in the table.

import { s } from "../dom.js";
import { svgFigure, svgRoot, swatchLegend, text } from "../sales-charts.js";

const H = 240;
const PAD = { l: 64, r: 12, t: 14, b: 42 };

/** Nice rounded ticks from lo to hi (about `n`). */
function ticks(lo, hi, n = 4) {
  const span = hi - lo || 1;
  const raw = span / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw) || raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

function frame(id, W, name, periods, label, yTicks, Y, yText) {
  const svg = svgRoot(id, W, H, name);
  for (const v of yTicks) {
    svg.appendChild(s("line", { class: v === 0 ? "axis" : "grid", x1: PAD.l, x2: W - PAD.r, y1: Y(v), y2: Y(v) }));
    svg.appendChild(text({ class: "tick", x: PAD.l - 5, y: Y(v) + 4, "text-anchor": "end" }, yText(v)));
  }
  const slot = (W - PAD.l - PAD.r) / Math.max(1, periods.length);
  // About 62 px a label ("Sep 2024" at 11 px); the last period always named, kept inside the chart.
  const every = Math.max(1, Math.ceil(62 / slot));
  const lastI = periods.length - 1;
  periods.forEach((p, i) => {
    if (i % every !== 0 && i !== lastI) return;
    if (i !== lastI && lastI - i < every) return;
    const x = PAD.l + slot * (i + 0.5);
    const anchor = i === lastI && x + 31 > W ? "end" : "middle";
    svg.appendChild(text({ class: "tick", x: anchor === "end" ? W - 2 : x, y: H - PAD.b + 15, "text-anchor": anchor }, label(p)));
  });
  return { svg, slot };
}

/**
 * Bars per period: series = [{ key, cls, label, value(p) }] stacked bottom up.
 * texts: { title, name, caption, cols, showNumbers, incomplete }; format(v) writes a value;
 * rows(p) the table's cells after the period's name.
 */
export function trendBars({ id, periods, series, width, texts, format, label, rows }) {
  const W = Math.round(Math.max(300, Math.min(width || 640, 860)));
  const totals = periods.map((p) => series.reduce((sum, se) => sum + Math.max(0, se.value(p) || 0), 0));
  const lows = periods.map((p) => series.reduce((sum, se) => sum + Math.min(0, se.value(p) || 0), 0));
  const hi = Math.max(1, ...totals);
  const lo = Math.min(0, ...lows);
  const yTicks = ticks(lo, hi);
  const top = Math.max(hi, yTicks[yTicks.length - 1]);
  const bottom = Math.min(lo, yTicks[0]);
  const Y = (v) => PAD.t + ((top - v) / (top - bottom || 1)) * (H - PAD.t - PAD.b);
  const { svg, slot } = frame(id, W, texts.name, periods, label, yTicks, Y, format.axis);
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  periods.forEach((p, i) => {
    const g = s("g", { class: p.complete ? "trend-bar" : "trend-bar is-incomplete", "data-period": p.period });
    let up = 0;
    let down = 0;
    for (const se of series) {
      const v = se.value(p) || 0;
      if (v === 0) continue;
      const from = v > 0 ? up : down;
      const to = from + v;
      if (v > 0) up = to;
      else down = to;
      const y = Math.min(Y(from), Y(to));
      g.appendChild(
        s("rect", {
          class: `${se.cls}${p.complete ? "" : " trend-hatch"}`,
          x: (PAD.l + slot * (i + 0.5) - barW / 2).toFixed(1),
          y: y.toFixed(1),
          width: barW.toFixed(1),
          height: Math.max(1, Math.abs(Y(from) - Y(to))).toFixed(1),
        }),
      );
    }
    svg.appendChild(g);
  });
  const legend = swatchLegend(`${id}-legend`, [...series.map((se) => [se.cls, se.label]), ...(periods.some((p) => !p.complete) ? [["trend-swatch-incomplete", texts.incomplete]] : [])]);
  return svgFigure({ id, texts, svg, legend, caption: texts.caption, rows: periods.map((p) => [label(p, true), ...rows(p)]) });
}

/**
 * Lines per period: lines = [{ key, cls, label, value(p) }] in percent, over `band`
 * ({ from, to, label }: a shaded range) and `target` ({ value, label }: a dashed line).
 */
export function trendLines({ id, periods, lines, band, target, width, texts, format, label, rows }) {
  const W = Math.round(Math.max(300, Math.min(width || 640, 860)));
  const values = periods.flatMap((p) => lines.map((l) => l.value(p))).filter((v) => v !== null && v !== undefined);
  const hi = Math.max(100, ...values);
  const lo = Math.min(0, ...values);
  const yTicks = ticks(lo, hi, 5);
  const top = Math.max(hi, yTicks[yTicks.length - 1]);
  const bottom = Math.min(lo, yTicks[0]);
  const Y = (v) => PAD.t + ((top - v) / (top - bottom || 1)) * (H - PAD.t - PAD.b);
  const { svg, slot } = frame(id, W, texts.name, periods, label, yTicks, Y, format.axis);
  const X = (i) => PAD.l + slot * (i + 0.5);
  if (band) {
    svg.insertBefore(
      s("rect", { class: "trend-band", x: PAD.l, width: W - PAD.l - PAD.r, y: Y(band.to).toFixed(1), height: (Y(band.from) - Y(band.to)).toFixed(1) }),
      svg.querySelector("line"),
    );
  }
  if (target) svg.appendChild(s("line", { class: "trend-target", x1: PAD.l, x2: W - PAD.r, y1: Y(target.value), y2: Y(target.value) }));
  for (const line of lines) {
    const g = s("g", { class: `trend-line ${line.cls}`, "data-line": line.key });
    let d = "";
    let pen = false;
    periods.forEach((p, i) => {
      const v = line.value(p);
      if (v === null || v === undefined) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${X(i).toFixed(1)} ${Y(v).toFixed(1)}`;
      pen = true;
    });
    g.appendChild(s("path", { class: "trend-path", d }));
    periods.forEach((p, i) => {
      const v = line.value(p);
      if (v === null || v === undefined) return;
      const dot = s("circle", { class: p.complete ? "trend-dot" : "trend-dot is-incomplete", cx: X(i).toFixed(1), cy: Y(v).toFixed(1), r: p.churnJump && line.key === "churn" ? 5 : 3 });
      g.appendChild(dot);
    });
    svg.appendChild(g);
  }
  const legend = swatchLegend(`${id}-legend`, [
    ...lines.map((l) => [`${l.cls}-swatch`, l.label]),
    ...(band ? [["trend-band-swatch", band.label]] : []),
    ...(target ? [["trend-target-swatch", target.label]] : []),
  ]);
  return svgFigure({ id, texts, svg, legend, caption: texts.caption, rows: periods.map((p) => [label(p, true), ...rows(p)]) });
}
