// Cohorts: the heat map of monthly retention per first-purchase month, and the
// curves of the latest cohorts with the average.

import { replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { monthText } from "../kit/dates.js";
import { chartWidth } from "../kit/view.js";
import { cohortHeatmap, retentionCurves } from "../sales-charts.js";
import { F, state } from "./state.js";
import { cohortResult, curveBox, results } from "./skeleton.js";
import { showPartError } from "./render.js";

// The curves drawn: the last cohorts with two points or more.
const CURVE_COHORTS = 6;

function cohortLabel(lang, key) {
  return monthText(lang, `${key}-01`);
}

export function renderCohorts() {
  const sm = state.summary;
  const lang = getLang();
  const c = sm.cohorts;
  if (showPartError(c, cohortResult, curveBox)) return;
  if (!c.cohorts.length) {
    replace(cohortResult);
    replace(curveBox);
    return;
  }
  const cohorts = c.cohorts.map((row) => ({ key: row.cohort, label: cohortLabel(lang, row.cohort), size: row.size, cells: row.cells, counts: row.counts }));
  const at = (k) => (c.average[k] === null || c.average[k] === undefined ? "—" : fmt.pct(lang, c.average[k]));
  replace(
    cohortResult,
    cohortHeatmap({
      id: "sales-heat",
      cohorts,
      average: c.average,
      months: c.months,
      texts: {
        title: t("sales.heatTitle"),
        name: t("sales.heatName", {
          cohorts: fmt.int(lang, cohorts.length),
          from: cohorts[0].label,
          to: cohorts[cohorts.length - 1].label,
          m1: at(1),
          m3: at(3),
          m6: at(6),
        }),
        cohort: t("sales.heatCohort"),
        size: t("sales.heatSize"),
        month: (k) => t("sales.heatMonth", { k }),
        monthLong: (k) => t("sales.heatMonthLong", { k }),
        monthsAxis: t("sales.curveX"),
        average: t("sales.heatAverage"),
        nullText: t("sales.heatNull"),
        emptyText: t("sales.heatEmpty"),
        scale: t("sales.heatScale"),
        showNumbers: t("sales.showNumbers"),
        scroll: t("sales.heatScroll"),
      },
      format: { int: F.int, pct: (p) => fmt.pct(lang, p), num0: (p) => fmt.num(lang, p, 0) },
    }),
  );
  drawCurves();
}

export function drawCurves() {
  const sm = state.summary;
  if (!sm || !sm.cohorts || sm.cohorts.error || !sm.cohorts.cohorts.length) return;
  const lang = getLang();
  const c = sm.cohorts;
  // The last cohorts with at least two points to draw a line through.
  const drawable = c.cohorts.filter((row) => row.cells.filter((v) => v !== null).length >= 2);
  const picked = drawable.slice(-CURVE_COHORTS);
  const lines = [
    ...picked.map((row) => ({ key: row.cohort, label: `${cohortLabel(lang, row.cohort)} (${fmt.int(lang, row.size)})`, values: row.cells })),
    { key: "average", label: t("sales.heatAverage"), values: c.average, average: true },
  ];
  const m1 = c.average[1] === null || c.average[1] === undefined ? "—" : fmt.pct(lang, c.average[1]);
  replace(
    curveBox,
    retentionCurves({
      id: "sales-curves",
      lines,
      months: c.months,
      width: chartWidth(curveBox, results),
      texts: {
        title: t("sales.curveTitle"),
        caption: t("sales.curveNote", { n: picked.length }),
        name: t("sales.curveName", { n: picked.length, m1 }),
        x: t("sales.curveX"),
        y: t("sales.curveY"),
        month: (k) => t("sales.heatMonth", { k }),
        cohort: t("sales.cohortCols"),
        showNumbers: t("sales.showNumbers"),
      },
      format: { pct: (p) => fmt.pct(lang, p, 0), int: F.int },
    }),
  );
}
