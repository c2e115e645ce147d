// Bar charts as SVG (built with createElementNS), each with an accessible name,
// a text legend (colour is never the only signal) and a table of its numbers.

import { h, s } from "./dom.js";

const W = 340;
const PAD_X = 6;
const TOP = 22;
const BAR_H = 130;
const X_LABELS = 18;
const GROUP_ROW = 24;
const GROUP_FONT = 12; // keep in step with .group-label in style.css

/**
 * bars: [{ label, count, percent, tone, range? }] (range: the row's name in the
 * table, when the label under the bar is shorter); groups: [{ from, to, label, tone }]
 * (indices into bars, inclusive) drawn as brackets under the axis; legend:
 * [{ tone, text }]; texts: { title, name, caption, showNumbers, cols: [..] };
 * tableActions(table): controls shown under the table (e.g. a CSV download).
 */
export function barChart({ id, bars, groups = [], legend = [], texts, format, tableActions }) {
  const n = bars.length;
  const height = TOP + BAR_H + X_LABELS + (groups.length ? GROUP_ROW : 0) + 4;
  const slot = (W - 2 * PAD_X) / n;
  const barWidth = Math.min(slot * 0.72, 48);
  const max = Math.max(1, ...bars.map((b) => b.count));
  const baseY = TOP + BAR_H;

  const svg = s("svg", {
    class: "chart-svg",
    viewBox: `0 0 ${W} ${height}`,
    role: "img",
    "aria-label": texts.name,
    "data-testid": `${id}-chart-svg`,
    focusable: "false",
  });
  svg.appendChild(s("title", null, texts.name));

  bars.forEach((bar, i) => {
    const x = PAD_X + i * slot + (slot - barWidth) / 2;
    const barHeight = bar.count > 0 ? Math.max(2, (bar.count / max) * BAR_H) : 0;
    const cx = x + barWidth / 2;
    svg.appendChild(
      s("rect", {
        class: `bar tone-${bar.tone}`,
        x: x.toFixed(2),
        y: (baseY - barHeight).toFixed(2),
        width: barWidth.toFixed(2),
        height: barHeight.toFixed(2),
        rx: 2,
        "data-score": bar.label,
        "data-count": bar.count,
      }),
    );
    svg.appendChild(
      s("text", { class: "bar-value", x: cx.toFixed(2), y: (baseY - barHeight - 5).toFixed(2), "text-anchor": "middle" },
        format.count(bar.count)),
    );
    svg.appendChild(
      s("text", { class: "bar-label", x: cx.toFixed(2), y: baseY + 14, "text-anchor": "middle" }, bar.label),
    );
  });
  svg.appendChild(s("line", { class: "axis", x1: PAD_X, x2: W - PAD_X, y1: baseY + 0.5, y2: baseY + 0.5 }));

  for (const g of groups) {
    const x1 = PAD_X + g.from * slot + 3;
    const x2 = PAD_X + (g.to + 1) * slot - 3;
    const y = baseY + X_LABELS + 4;
    svg.appendChild(s("path", { class: `bracket tone-${g.tone}`, d: `M${x1} ${y - 3} V${y} H${x2} V${y - 3}` }));
    // A label wider than its bracket (estimated) is squeezed to fit, so that
    // neighbouring labels never overlap.
    const room = x2 - x1;
    const fit = g.label.length * GROUP_FONT * 0.62 > room ? { textLength: room.toFixed(2), lengthAdjust: "spacingAndGlyphs" } : {};
    svg.appendChild(
      s("text", { class: "group-label", x: ((x1 + x2) / 2).toFixed(2), y: y + 15, "text-anchor": "middle", ...fit }, g.label),
    );
  }

  const cols = texts.cols;
  const table = h(
    "table",
    { class: "chart-table", "data-testid": `${id}-chart-table` },
    h("caption", { class: "visually-hidden" }, texts.name),
    h("thead", null, h("tr", null, cols.map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      null,
      bars.map((b) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, b.range ?? b.label),
          h("td", { "data-value": b.count }, format.count(b.count)),
          h("td", { "data-value": Math.round(b.percent * 10) / 10 }, format.percent(b.percent)),
          b.group !== undefined ? h("td", null, b.group) : null,
        ),
      ),
    ),
  );

  return h(
    "figure",
    { class: "chart", "data-testid": `${id}-chart` },
    h("figcaption", null, h("span", { class: "chart-title" }, texts.title), texts.caption ? h("span", { class: "chart-caption" }, texts.caption) : null),
    svg,
    legend.length
      ? h(
          "ul",
          { class: "legend" },
          legend.map((l) => h("li", null, h("span", { class: `swatch tone-${l.tone}`, "aria-hidden": "true" }), l.text)),
        )
      : null,
    h("details", { class: "chart-details" }, h("summary", null, texts.showNumbers), table, tableActions ? tableActions(table) : null),
  );
}
