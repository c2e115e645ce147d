// The RFM segments: the method and thresholds used, the chart of customers and
// revenue per segment, and the rules with their counts and actions.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { dateText } from "../kit/dates.js";
import { chartWidth, dataTable } from "../kit/view.js";
import { segmentChart } from "../sales-charts.js";
import { $, F, app, money, rfmOk, state, words } from "./state.js";
import { asOfInput, results, rulesBox, segChartBox, segError, segIntro } from "./skeleton.js";
import { fillThresholds, labelThresholds } from "./options.js";
import { partError } from "./render.js";

export function renderSegments() {
  const sm = state.summary;
  const lang = getLang();
  labelThresholds();
  if (sm.rfm.error) {
    replace(segError, partError(sm.rfm));
    replace(segChartBox);
    replace(rulesBox);
    segIntro.textContent = "";
    return;
  }
  replace(segError);
  const rfm = sm.rfm;
  if (!state.touched.has("method")) {
    // The method the API chose shows as chosen (it may be quintiles for another currency).
    $(`sales-method-${rfm.method === "quintile" ? "quintile" : "fixed"}`).checked = true;
    labelThresholds();
  }
  // The day before asOf is the last date counted: asOf itself is "today".
  segIntro.textContent = t("sales.segIntro", { asOf: dateText(lang, rfm.asOf) });
  $("sales-asof-help").textContent = asOfInput.value
    ? t("sales.asOfHelpPlain")
    : t("sales.asOfHelp", { date: dateText(lang, rfm.asOf) });
  if (rfm.method === "fixed" && rfm.thresholds && !app.querySelector(".th-input[aria-invalid]")) {
    const focused = document.activeElement?.classList.contains("th-input");
    if (!focused) fillThresholds(rfm.thresholds);
  }
  drawSegmentChart();
  const rows = rfm.rules.map((rule) => {
    const seg = rfm.segments.find((sg) => sg.key === rule.key);
    return h(
      "tr",
      { "data-segment": rule.key },
      h("th", { scope: "row" }, words("segment", rule, "label")),
      h("td", { class: "sales-condition" }, words("segment", rule, "condition")),
      h("td", { class: "num", "data-testid": `sales-seg-count-${rule.key}` }, fmt.int(lang, seg ? seg.count : 0)),
      h("td", { class: "cust-action" }, words("segment", rule, "action")),
    );
  });
  replace(
    rulesBox,
    h("h4", null, t("sales.rulesTitle")),
    dataTable({
      cls: "sales-rules-table",
      testid: "sales-rules",
      caption: t("sales.rulesCaption"),
      heads: [[t("sales.rules.segment")], [t("sales.rules.condition")], [t("sales.rules.count"), true], [t("sales.rules.action")]],
      rows,
    }),
  );
}

export function drawSegmentChart() {
  if (!rfmOk()) return;
  const lang = getLang();
  const rfm = state.summary.rfm;
  const order = rfm.rules.map((r) => r.key);
  const segments = [...rfm.segments]
    .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    .map((sg) => ({ ...sg, label: words("segment", sg, "label") }));
  const detail = segments
    .map((sg) =>
      t("sales.segChartItem", {
        label: sg.label,
        count: fmt.int(lang, sg.count),
        share: fmt.pct(lang, sg.percent),
        revenue: sg.revenuePercent === null ? "—" : fmt.pct(lang, sg.revenuePercent),
      }),
    )
    .join("; ");
  replace(
    segChartBox,
    segmentChart({
      id: "sales-seg",
      segments,
      width: chartWidth(segChartBox, results),
      texts: {
        title: t("sales.segChartTitle"),
        name: t("sales.segChartName", { detail }),
        customers: t("sales.segCustomers"),
        revenue: t("sales.segRevenue"),
        legendCustomers: t("sales.segLegendCustomers"),
        legendRevenue: t("sales.segLegendRevenue"),
        showNumbers: t("sales.showNumbers"),
        cols: table("sales.segCols"),
      },
      format: { int: F.int, pct: (p) => fmt.pct(lang, p), money },
    }),
  );
}
