// Trends (issue #14): per month, the revenue (with orders and AOV), the
// customers (new and returning), CRR and churn against the benchmark band, a
// churn jump said as a notice, the return rate, and the METRICS.md churn and
// repeat-purchase benchmarks beside the latest figures. The API's `trends`
// part of analyzeLog; the comparison of two months is js/sales/compare.js.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { monthText } from "../kit/dates.js";
import { block, chartWidth, noticeText, stats } from "../kit/view.js";
import { money, state } from "./state.js";
import { partError } from "./render.js";
import { trendBars, trendLines } from "./trend-charts.js";

export const trendsResult = h("div", { class: "sales-result", "data-testid": "sales-trends-result" });
export const trendsCharts = h("div", { class: "sales-chart-box trend-charts" });
export const trendsBlock = block("sales-trends", "trends.title", h("p", { class: "sales-note", "data-i18n": "trends.intro" }), trendsResult, trendsCharts);

/** The sources' benchmarks (METRICS.md §1): churn per year, its monthly target, repeat purchases. */
export const CHURN_BENCHMARKS = [
  { key: "saas", range: [5, 7] },
  { key: "ecommerce", range: [20, 30] },
  { key: "subscriptionBox", range: [10, 15] },
  { key: "telecom", range: [20, 40] },
];
export const MONTHLY_CHURN_TARGET = 5;
export const REPEAT_BENCHMARKS = [
  { key: "fashion", range: [25, 30] },
  { key: "cosmetics", range: [30, 35] },
  { key: "food", range: [30, 40] },
  { key: "electronics", range: [10, 15] },
];
/** The CRR band the chart shades: the sources' "good" and above (75 % and more). */
export const GOOD_CRR = 75;

const ok = (part) => part && !part.error;

/** A period's name as people say it: "Jun 2025" (or "2025-W03" for a week). */
export function periodLabel(lang, p, long = false) {
  return /^\d{4}-\d{2}$/.test(p.period) ? monthText(lang, `${p.period}-01`, long ? "long" : "short") : p.period;
}

const rangeText = (lang, [lo, hi]) => `${fmt.int(lang, lo)}–${fmt.int(lang, hi)}${fmt.pctSign(lang)}`;

export function benchmarksText(lang, list, names) {
  return list.map((b) => `${names[b.key] ?? b.key} ${rangeText(lang, b.range)}`).join(" · ");
}

function noticeItems(notices) {
  const lang = getLang();
  return notices.map((notice) => {
    const { text, english } = noticeText(notice, table("sales.notices"), (k, v) => {
      if (k === "period") return periodLabel(lang, { period: String(v) }, true);
      return typeof v === "number" ? (/rate|median/i.test(k) ? fmt.pct(lang, v) : fmt.int(lang, v)) : v;
    });
    return h(
      "li",
      { class: "sales-notice tone-warn", "data-code": notice.code, "data-tone": "warn" },
      h("strong", { class: "sales-notice-tone" }, `${t("sales.tone.warn")}: `),
      h("span", { lang: english && lang !== "en" ? "en" : null }, text),
    );
  });
}

/** The latest figures beside the sources' benchmarks, and the return rate. */
function benchmarkStats(lang, trends, sales) {
  const done = trends.periods.filter((p) => p.complete);
  const last = done[done.length - 1] || trends.periods[trends.periods.length - 1];
  const lastChurn = [...done].reverse().find((p) => p.churnRate !== null);
  const returns = sales && sales.returns;
  const churnNames = table("trends.churnIndustries");
  const repeatNames = table("trends.repeatIndustries");
  return [
    h("h4", null, t("trends.benchTitle")),
    stats(
      [
        lastChurn
          ? [
              t("trends.lastChurn", { period: periodLabel(lang, lastChurn, true) }),
              fmt.pct(lang, lastChurn.churnRate),
              "trends-last-churn",
              t("trends.churnBench", { target: `${fmt.int(lang, MONTHLY_CHURN_TARGET)}${fmt.pctSign(lang)}`, list: benchmarksText(lang, CHURN_BENCHMARKS, churnNames) }),
            ]
          : null,
        last && last.repeatPurchaseRate !== null
          ? [
              t("trends.repeatToDate", { period: periodLabel(lang, last, true) }),
              fmt.pct(lang, last.repeatPurchaseRate),
              "trends-repeat",
              t("trends.repeatBench", { list: benchmarksText(lang, REPEAT_BENCHMARKS, repeatNames) }),
            ]
          : null,
        returns && returns.orderRate !== null
          ? [
              t("trends.returnOrders"),
              fmt.pct(lang, returns.orderRate, returns.orderRate < 1 ? 2 : 1),
              "trends-return-orders",
              t("trends.returnOrdersHelp", { n: fmt.int(lang, returns.orders), total: fmt.int(lang, returns.soldOrders) }),
            ]
          : null,
        returns && returns.valueRate !== null
          ? [
              t("trends.returnValue"),
              fmt.pct(lang, returns.valueRate, returns.valueRate < 1 ? 2 : 1),
              "trends-return-value",
              t("trends.returnValueHelp", { value: money(returns.value), total: money(returns.soldValue) }),
            ]
          : null,
      ],
      "trends-bench",
    ),
    h("p", { class: "sales-note" }, t("trends.benchCaveat")),
  ];
}

export function renderTrends() {
  const sm = state.summary;
  const lang = getLang();
  const tr = sm.trends;
  if (!tr) {
    replace(trendsResult);
    replace(trendsCharts);
    return;
  }
  if (tr.error) {
    replace(trendsResult, partError(tr));
    replace(trendsCharts);
    return;
  }
  const periods = tr.periods;
  const incomplete = periods.filter((p) => !p.complete);
  const notices = (tr.notices || []).filter((n) => n.code === "churnJump");
  replace(
    trendsResult,
    h(
      "p",
      { class: "sales-note", "data-testid": "trends-span" },
      t("trends.span", {
        n: fmt.int(lang, periods.length),
        from: periodLabel(lang, periods[0], true),
        to: periodLabel(lang, periods[periods.length - 1], true),
      }),
      incomplete.length ? ` ${t("trends.incompleteNote", { period: incomplete.map((p) => periodLabel(lang, p, true)).join(", ") })}` : null,
    ),
    notices.length ? h("ul", { class: "sales-notices trend-notices", "data-testid": "trends-notices" }, noticeItems(notices)) : null,
    benchmarkStats(lang, tr, sm.sales),
  );
  drawTrends();
}

/** Axis labels for amounts up to `max`: in millions (jt / M), thousands (rb / k) or as they are. */
function moneyAxis(lang, max) {
  const [unit, id, en] = max >= 1e6 ? [1e6, " jt", "M"] : max >= 1e4 ? [1e3, " rb", "k"] : [1, "", ""];
  return (v) => fmt.num(lang, v / unit, 1) + (lang === "id" ? id : en);
}

/** The three charts, at the width of their box (again on a resize). */
export function drawTrends() {
  const sm = state.summary;
  if (!sm || !ok(sm.trends)) return;
  const lang = getLang();
  const periods = sm.trends.periods;
  const width = chartWidth(trendsCharts, trendsResult);
  const label = (p, long) => periodLabel(lang, p, long) + (long && !p.complete ? ` (${t("trends.incompleteShort")})` : "");
  const pct = (v) => (v === null || v === undefined ? "—" : fmt.pct(lang, v));
  const common = { showNumbers: t("sales.showNumbers"), incomplete: t("trends.incompleteLegend") };
  const first = periodLabel(lang, periods[0], true);
  const last = periodLabel(lang, periods[periods.length - 1], true);
  const revenue = trendBars({
    id: "trends-revenue",
    periods,
    width,
    label,
    series: [{ key: "revenue", cls: "trend-revenue", label: t("trends.revenue"), value: (p) => p.revenue }],
    format: { axis: moneyAxis(lang, Math.max(...periods.map((p) => Math.abs(p.revenue)))) },
    texts: {
      ...common,
      title: t("trends.revenueTitle"),
      caption: t("trends.revenueCaption"),
      name: t("trends.revenueName", { from: first, to: last }),
      cols: [t("trends.period"), t("trends.revenue"), t("trends.orders"), t("trends.aov")],
    },
    rows: (p) => [money(p.revenue), fmt.int(lang, p.orders), p.averageOrderValue === null ? "—" : money(p.averageOrderValue)],
  });
  const customers = trendBars({
    id: "trends-customers",
    periods,
    width,
    label,
    series: [
      { key: "returning", cls: "trend-returning", label: t("trends.returning"), value: (p) => p.returningCustomers },
      { key: "new", cls: "trend-new", label: t("trends.new"), value: (p) => p.newCustomers },
    ],
    format: { axis: (v) => fmt.int(lang, v) },
    texts: {
      ...common,
      title: t("trends.customersTitle"),
      caption: t("trends.customersCaption"),
      name: t("trends.customersName", { from: first, to: last }),
      cols: [t("trends.period"), t("trends.new"), t("trends.returning"), t("trends.active")],
    },
    rows: (p) => [fmt.int(lang, p.newCustomers), fmt.int(lang, p.returningCustomers), fmt.int(lang, p.activeCustomers)],
  });
  const rates = trendLines({
    id: "trends-rates",
    periods,
    width,
    label,
    lines: [
      { key: "crr", cls: "trend-crr", label: t("trends.crr"), value: (p) => p.retentionRate },
      { key: "churn", cls: "trend-churn", label: t("trends.churn"), value: (p) => p.churnRate },
    ],
    band: { from: GOOD_CRR, to: 100, label: t("trends.band", { from: `${fmt.int(lang, GOOD_CRR)}${fmt.pctSign(lang)}` }) },
    target: { value: MONTHLY_CHURN_TARGET, label: t("trends.target", { target: `${fmt.int(lang, MONTHLY_CHURN_TARGET)}${fmt.pctSign(lang)}` }) },
    format: { axis: (v) => fmt.pct(lang, v, 0) },
    texts: {
      ...common,
      title: t("trends.ratesTitle"),
      caption: t("trends.ratesCaption"),
      name: t("trends.ratesName", { from: first, to: last }),
      cols: [t("trends.period"), t("trends.crr"), t("trends.churn"), t("trends.strict"), t("trends.repeat")],
    },
    rows: (p) => [pct(p.retentionRate), pct(p.churnRate) + (p.churnJump ? ` ⚠ ${t("trends.jumpShort")}` : ""), pct(p.strictRetentionRate), pct(p.repeatPurchaseRate)],
  });
  replace(trendsCharts, revenue, customers, rates);
}
