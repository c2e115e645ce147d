// The charts of the sales analysis, as SVG built with createElementNS: the RFM
// segments (customers and revenue share side by side), the cohort heat map and
// the retention curves. Each has an accessible name, a text legend (colour is
// never the only signal: every bar and cell carries its number) and a table of
// its numbers in a <details>. Drawn at the width they are given, in CSS pixels,
// so that text stays readable from 375 px phones to wide screens.

import { h, s } from "./dom.js";

const FONT = 12;

/** A <figure> with a title, the chart, a legend and a table of its numbers
 * (shared with the Predict view's charts, which add `extraClass`). */
export function chartFigure({ id, title, caption, body, legend, table, showNumbers, extraClass }) {
  return h(
    "figure",
    { class: extraClass ? `sales-chart ${extraClass}` : "sales-chart", "data-testid": `${id}-chart` },
    h("figcaption", null, h("span", { class: "chart-title" }, title), caption ? h("span", { class: "chart-caption" }, caption) : null),
    body,
    legend,
    h("details", { class: "chart-details" }, h("summary", null, showNumbers), table),
  );
}

export function svgRoot(id, width, height, name) {
  const svg = s("svg", {
    class: "sales-svg",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": name,
    "data-testid": `${id}-svg`,
    focusable: "false",
  });
  svg.appendChild(s("title", null, name));
  return svg;
}

export const text = (attrs, value) => s("text", attrs, value);

/** A table: head = [..], rows = [[th, td, td, …]]. */
export function numbersTable(id, name, head, rows) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "chart-table", "data-testid": `${id}-table` },
      h("caption", { class: "visually-hidden" }, name),
      h("thead", null, h("tr", null, head.map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        null,
        rows.map((cells) =>
          h("tr", null, cells.map((c, i) => (i === 0 ? h("th", { scope: "row" }, c) : h("td", null, c)))),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- segments

/**
 * segments: [{ key, label, count, percent, revenue, revenuePercent }];
 * texts: { title, name, customers, revenue, legendCustomers, legendRevenue, showNumbers, cols };
 * format: { int, pct, money }.
 */
export function segmentChart({ id, segments, width, texts, format }) {
  const W = Math.round(Math.max(300, Math.min(width || 640, 820)));
  const wide = W >= 560;
  const labelW = wide ? Math.min(210, Math.round(W * 0.3)) : 0;
  const gap = 16;
  const colW = (W - labelW - gap - 8) / 2;
  const countText = (sg) => `${format.int(sg.count)} · ${format.pct(sg.percent)}`;
  const revText = (sg) => (sg.revenuePercent === null || sg.revenuePercent === undefined ? "—" : format.pct(sg.revenuePercent));
  const countRoom = 96; // room right of a bar for its value
  const revRoom = 58;
  const max = Math.max(1, ...segments.map((sg) => Math.max(sg.percent, sg.revenuePercent || 0)));
  const head = 24;
  const rowH = wide ? 30 : 46;
  const barH = 14;
  const height = head + segments.length * rowH + 6;
  const svg = svgRoot(id, W, height, texts.name);
  const x1 = labelW;
  const x2 = labelW + colW + gap;
  svg.appendChild(text({ class: "sales-col-head", x: x1, y: 15 }, texts.customers));
  svg.appendChild(text({ class: "sales-col-head", x: x2, y: 15 }, texts.revenue));
  segments.forEach((sg, i) => {
    const y0 = head + i * rowH;
    const barY = wide ? y0 + (rowH - barH) / 2 : y0 + 22;
    const g = s("g", { class: "seg-row", "data-segment": sg.key, "data-count": sg.count });
    if (i % 2 === 0) g.appendChild(s("rect", { class: "seg-stripe", x: 0, y: y0, width: W, height: rowH }));
    g.appendChild(
      text(
        { class: "seg-label", x: wide ? 6 : 4, y: wide ? barY + barH - 2 : y0 + 15, ...(wide ? fitText(sg.label, labelW - 12) : {}) },
        sg.label,
      ),
    );
    const cw = Math.max(sg.count > 0 ? 2 : 0, (sg.percent / max) * (colW - countRoom));
    const rw = Math.max((sg.revenuePercent || 0) > 0 ? 2 : 0, ((sg.revenuePercent || 0) / max) * (colW - revRoom));
    g.appendChild(s("rect", { class: "seg-bar seg-bar-count", x: x1, y: barY, width: cw.toFixed(1), height: barH, rx: 2 }));
    g.appendChild(text({ class: "seg-value", x: (x1 + cw + 5).toFixed(1), y: barY + barH - 2 }, countText(sg)));
    g.appendChild(s("rect", { class: "seg-bar seg-bar-revenue", x: x2, y: barY, width: rw.toFixed(1), height: barH, rx: 2 }));
    g.appendChild(text({ class: "seg-value", x: (x2 + rw + 5).toFixed(1), y: barY + barH - 2 }, revText(sg)));
    svg.appendChild(g);
  });
  svg.appendChild(s("line", { class: "axis", x1: x1 - 0.5, x2: x1 - 0.5, y1: head - 4, y2: height - 4 }));
  svg.appendChild(s("line", { class: "axis", x1: x2 - 0.5, x2: x2 - 0.5, y1: head - 4, y2: height - 4 }));

  return svgFigure({
    id,
    texts,
    svg,
    legend: swatchLegend(null, [
      ["seg-swatch-count", texts.legendCustomers],
      ["seg-swatch-revenue", texts.legendRevenue],
    ]),
    rows: segments.map((sg) => [sg.label, format.int(sg.count), format.pct(sg.percent), format.money(sg.revenue), revText(sg)]),
  });
}

/** Squeezes a label wider than `room` (estimated) so that it never runs into the bars. */
function fitText(label, room) {
  return label.length * FONT * 0.56 > room ? { textLength: room.toFixed(1), lengthAdjust: "spacingAndGlyphs" } : {};
}

// ---------------------------------------------------------------- cohort heat map

/** Colour bins of the heat map: [upper bound, class]; the legend lists them. */
export const HEAT_BINS = [
  [10, "heat-0"],
  [20, "heat-1"],
  [30, "heat-2"],
  [45, "heat-3"],
  [70, "heat-4"],
  [Infinity, "heat-5"],
];
const heatClass = (p) => HEAT_BINS.find(([hi]) => p < hi)[1];

/** An SVG chart in its figure: the title, a legend, and the numbers as a table (texts.name, texts.cols; `rows` of cells). */
export function svgFigure({ id, texts, svg, legend, rows, extraClass, caption }) {
  const table = numbersTable(id, texts.name, texts.cols, rows);
  return chartFigure({ extraClass, id, title: texts.title, caption, body: h("div", { class: "sales-svg-wrap" }, svg), legend, table, showNumbers: texts.showNumbers });
}

/** A legend of swatches: [class, text] items. */
export function swatchLegend(testid, items) {
  return h("ul", { class: "legend", "data-testid": testid }, items.map(([cls, label]) => h("li", null, h("span", { class: `swatch ${cls}`, "aria-hidden": "true" }), label)));
}

/**
 * A heat map's legend: `title`, then a swatch per bin ([upper edge, class], the
 * last one Infinity) with `item(lower, upper)`; `more` are further lists.
 */
export function heatLegend(bins, title, testid, item, ...more) {
  const lower = (i) => (i === 0 ? 0 : bins[i - 1][0]);
  return h(
    "div",
    { class: "heat-legend" },
    h("p", { class: "heat-legend-title" }, title),
    h(
      "ul",
      { class: "legend", "data-testid": testid },
      bins.map(([hi, cls], i) => h("li", null, h("span", { class: `swatch heat-swatch ${cls}`, "aria-hidden": "true" }), item(lower(i), hi))),
    ),
    ...more,
  );
}

/**
 * cohorts: [{ label, size, cells: (number|null)[], counts }]; average: (number|null)[];
 * months: number of month columns; texts: { title, name, cohort, size, month(k),
 * monthLong(k), monthsAxis, average, nullText, emptyText, scale, showNumbers, scroll }; format: { int, pct }.
 */
export function cohortHeatmap({ id, cohorts, average, months, texts, format }) {
  const labelW = 78;
  const sizeW = 46;
  const cw = 38;
  const ch = 24;
  const head = 40;
  const left = labelW + sizeW;
  const rows = [...cohorts, { label: texts.average, size: null, cells: average, average: true }];
  const W = left + months * cw + 4;
  const H = head + rows.length * ch + 8 + 4;
  const svg = svgRoot(id, W, H, texts.name);
  // Month numbers as column heads, under one axis title ("months since the first purchase →").
  svg.appendChild(text({ class: "heat-axis", x: left + 2, y: 14 }, `${texts.monthsAxis} →`));
  svg.appendChild(text({ class: "heat-head", x: 4, y: 32 }, texts.cohort));
  svg.appendChild(text({ class: "heat-head", x: left - 6, y: 32, "text-anchor": "end" }, texts.size));
  for (let k = 0; k < months; k++) {
    svg.appendChild(text({ class: "heat-head", x: left + k * cw + cw / 2, y: 32, "text-anchor": "middle" }, String(k)));
  }
  rows.forEach((row, r) => {
    const y = head + r * ch + (row.average ? 8 : 0);
    const g = s("g", { class: row.average ? "heat-row heat-average" : "heat-row", "data-cohort": row.key || "average" });
    g.appendChild(text({ class: "heat-label", x: 4, y: y + 16 }, row.label));
    if (row.size !== null) g.appendChild(text({ class: "heat-size", x: left - 6, y: y + 16, "text-anchor": "end" }, format.int(row.size)));
    for (let k = 0; k < months; k++) {
      if (k >= row.cells.length) continue; // that month has not come yet: no cell at all
      const v = row.cells[k];
      const x = left + k * cw;
      const where = `${row.label}, ${texts.monthLong(k)}`;
      if (v === null || v === undefined) {
        const cell = s("g", { class: "heat-cell heat-null", "data-k": k });
        cell.appendChild(s("rect", { x: x + 1, y: y + 1, width: cw - 2, height: ch - 2, rx: 3 }));
        cell.appendChild(text({ x: x + cw / 2, y: y + 16, "text-anchor": "middle" }, "—"));
        cell.appendChild(s("title", null, `${where}: ${texts.nullText}`));
        g.appendChild(cell);
        continue;
      }
      const cls = heatClass(v);
      const cell = s("g", { class: `heat-cell ${cls}`, "data-k": k, "data-value": v.toFixed(2) });
      cell.appendChild(s("rect", { x: x + 1, y: y + 1, width: cw - 2, height: ch - 2, rx: 3 }));
      cell.appendChild(text({ x: x + cw / 2, y: y + 16, "text-anchor": "middle" }, format.num0(v)));
      const count = row.counts ? row.counts[k] : null;
      cell.appendChild(
        s("title", null, `${where}: ${format.pct(v)}${count !== null && count !== undefined ? ` (${format.int(count)} / ${format.int(row.size)})` : ""}`),
      );
      g.appendChild(cell);
    }
    svg.appendChild(g);
  });

  const legend = heatLegend(
    HEAT_BINS,
    texts.scale,
    null,
    (lo, hi) => (hi === Infinity ? `≥ ${format.pct(lo)}` : `${format.int(lo)}–${format.pct(hi)}`),
    h(
      "ul",
      { class: "legend" },
      h("li", { "data-testid": `${id}-null-legend` }, h("span", { class: "swatch heat-swatch heat-null-swatch", "aria-hidden": "true" }, "—"), texts.nullText),
      h("li", null, h("span", { class: "swatch heat-swatch heat-empty-swatch", "aria-hidden": "true" }), texts.emptyText),
    ),
  );
  const table = numbersTable(
    id,
    texts.name,
    [texts.cohort, texts.size, ...Array.from({ length: months }, (_, k) => texts.month(k))],
    rows.map((row) => [
      row.label,
      row.size === null ? "" : format.int(row.size),
      ...Array.from({ length: months }, (_, k) => (k >= row.cells.length ? "" : row.cells[k] === null ? "—" : format.pct(row.cells[k]))),
    ]),
  );
  const scroller = h(
    "div",
    { class: "sales-scroll", role: "region", tabindex: "0", "aria-label": `${texts.title}. ${texts.scroll}` },
    svg,
  );
  return chartFigure({ id, title: texts.title, body: scroller, legend, table, showNumbers: texts.showNumbers });
}

// ---------------------------------------------------------------- retention curves

const DASHES = ["", "7 4", "2 3", "10 3 2 3", "4 4", "1 5"];
const MARKERS = ["circle", "square", "diamond", "triangle", "circle-open", "square-open"];

function marker(kind, x, y, cls) {
  const r = 3.2;
  switch (kind) {
    case "square":
    case "square-open":
      return s("rect", { class: `${cls}${kind.endsWith("open") ? " open" : ""}`, x: x - r, y: y - r, width: 2 * r, height: 2 * r });
    case "diamond":
      return s("path", { class: cls, d: `M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z` });
    case "triangle":
      return s("path", { class: cls, d: `M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z` });
    default:
      return s("circle", { class: `${cls}${kind.endsWith("open") ? " open" : ""}`, cx: x, cy: y, r });
  }
}

/** The line of `values` (nulls break it), as path data. */
function linePath(values, X, Y) {
  let d = "";
  let pen = false;
  values.forEach((v, k) => {
    if (v === null || v === undefined) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${X(k).toFixed(1)} ${Y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

/**
 * lines: [{ label, values: (number|null)[], average? }]; months: x range;
 * texts: { title, name, caption, x, y, month(k), showNumbers, cohort }; format: { pct, int }.
 */
export function retentionCurves({ id, lines, months, width, texts, format }) {
  const W = Math.round(Math.max(300, Math.min(width || 640, 760)));
  const H = 250;
  const pad = { l: 40, r: 12, t: 12, b: 40 };
  const span = Math.max(1, months - 1);
  const X = (k) => pad.l + (k / span) * (W - pad.l - pad.r);
  const Y = (v) => pad.t + (1 - Math.max(0, Math.min(100, v)) / 100) * (H - pad.t - pad.b);
  const svg = svgRoot(id, W, H, texts.name);
  for (const v of [0, 25, 50, 75, 100]) {
    svg.appendChild(s("line", { class: v === 0 ? "axis" : "grid", x1: pad.l, x2: W - pad.r, y1: Y(v), y2: Y(v) }));
    svg.appendChild(text({ class: "tick", x: pad.l - 5, y: Y(v) + 4, "text-anchor": "end" }, format.pct(v)));
  }
  const step = Math.max(1, Math.ceil(months / Math.max(2, Math.floor((W - pad.l - pad.r) / 34))));
  for (let k = 0; k < months; k += step) {
    svg.appendChild(text({ class: "tick", x: X(k), y: H - pad.b + 15, "text-anchor": "middle" }, String(k)));
  }
  svg.appendChild(text({ class: "axis-title", x: (pad.l + W - pad.r) / 2, y: H - 6, "text-anchor": "middle" }, texts.x));
  let style = 0;
  const styled = lines.map((line) => ({ ...line, style: line.average ? -1 : style++ }));
  // The average last, on top.
  for (const line of [...styled.filter((l) => !l.average), ...styled.filter((l) => l.average)]) {
    const cls = line.average ? "curve curve-average" : `curve curve-${line.style}`;
    const g = s("g", { class: cls, "data-line": line.key || "average" });
    g.appendChild(
      s("path", { class: "curve-line", d: linePath(line.values, X, Y), "stroke-dasharray": line.average ? null : DASHES[line.style % DASHES.length] || null }),
    );
    if (!line.average) {
      line.values.forEach((v, k) => {
        if (v !== null && v !== undefined) g.appendChild(marker(MARKERS[line.style % MARKERS.length], X(k), Y(v), "curve-marker"));
      });
    }
    svg.appendChild(g);
  }
  const legend = h(
    "ul",
    { class: "legend curve-legend" },
    styled.map((line) => {
      const sample = s("svg", { class: "curve-sample", width: 34, height: 12, viewBox: "0 0 34 12", "aria-hidden": "true", focusable: "false" });
      const g = s("g", { class: line.average ? "curve curve-average" : `curve curve-${line.style}` });
      g.appendChild(s("path", { class: "curve-line", d: "M1 6H33", "stroke-dasharray": line.average ? null : DASHES[line.style % DASHES.length] || null }));
      if (!line.average) g.appendChild(marker(MARKERS[line.style % MARKERS.length], 17, 6, "curve-marker"));
      sample.appendChild(g);
      return h("li", null, sample, line.label);
    }),
  );
  const table = numbersTable(
    id,
    texts.name,
    [texts.cohort, ...Array.from({ length: months }, (_, k) => texts.month(k))],
    styled.map((line) => [
      line.label,
      ...Array.from({ length: months }, (_, k) => (k >= line.values.length ? "" : line.values[k] === null ? "—" : format.pct(line.values[k]))),
    ]),
  );
  return chartFigure({
    id,
    title: texts.title,
    caption: texts.caption,
    body: h("div", { class: "sales-svg-wrap" }, svg),
    legend,
    table,
    showNumbers: texts.showNumbers,
  });
}
