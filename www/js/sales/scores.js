// Customer health and churn risk (analyzeLog's `scores`): the share per band,
// the distributions as bar charts with their numbers, the weights in use, the
// customers with the lowest health; the optional extra data (a pasted NPS survey,
// marketing spend per month) and the CAC from the log. The call list is
// js/sales/calllist.js. Customer names are only ever set as text (dom.js).

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { barChart } from "../charts.js";
import { dateText } from "../kit/dates.js";
import { columnName, dataTable, noticeText, stats } from "../kit/view.js";
import { money, state } from "./state.js";
import { partError } from "./render.js";
import { renderCallList } from "./calllist.js";
import { cacBox, callBox, scoresResult } from "./scores-view.js";

const HEALTH_TONES = { healthy: "promoter", atRisk: "passive", critical: "detractor" };
const CHURN_TONES = { low: "promoter", medium: "passive", high: "detractor" };

const sayNotice = (notice) => {
  const lang = getLang();
  return noticeText(notice, table("sales.notices"), (k, v) =>
    k === "missing" ? String(v).split(", ").map((key) => t(`sales.sc.w.${key}`)).join(", ") : typeof v === "number" ? (k === "weight" ? fmt.pct(lang, v) : fmt.int(lang, v)) : v,
  );
};

function chart(id, buckets, tones, band, titleKey, nameKey) {
  const lang = getLang();
  const n = buckets.reduce((a, b) => a + b.count, 0) || 1;
  const cols = table("sales.sc.cols");
  return barChart({
    id,
    // Under each bar its bucket's start (ranges such as "90–100" are wider
    // than a tenth of the chart); the table of numbers names the ranges.
    bars: buckets.map((b) => ({
      label: String(b.from),
      range: `${b.from}–${b.to}`,
      count: b.count,
      percent: (b.count * 100) / n,
      tone: tones[band(b.from)],
    })),
    legend: Object.entries(tones).map(([key, tone]) => ({ tone, text: t(`sales.sc.band.${key}`) })),
    texts: { title: t(titleKey), name: t(nameKey), showNumbers: t("sales.sc.showNumbers"), cols },
    format: { count: (c) => fmt.int(lang, c), percent: (p) => fmt.pct(lang, p) },
  });
}

const healthBand = (x) => (x >= 80 ? "healthy" : x >= 60 ? "atRisk" : "critical");
const churnBand = (x) => (x >= 70 ? "high" : x >= 40 ? "medium" : "low");

function lowestTable(list) {
  const lang = getLang();
  const pts = (c) => [c.recencyPoints, c.frequencyPoints, c.monetaryPoints, c.engagementPoints ?? "–"].join(" · ");
  return dataTable({
    cls: "sales-health-table",
    testid: "sales-health-table",
    caption: t("sales.sc.lowestTitle"),
    heads: [[t("sales.sc.th.customer")], [t("sales.sc.th.health"), true], [t("sales.sc.th.points")], [t("sales.sc.th.churn"), true]],
    rows: list.map((c) =>
      h(
        "tr",
        null,
        h("td", { class: "customer-name" }, c.customer),
        h("td", { class: "num" }, `${fmt.num(lang, c.health, 1)} · ${t(`sales.sc.band.${c.healthBand}`)}`),
        h("td", null, pts(c)),
        h("td", { class: "num" }, `${fmt.num(lang, c.churnRisk, 0)} · ${t(`sales.sc.band.${c.churnBand}`)}`),
      ),
    ),
  });
}

function renderCac() {
  const a = state.summary.acquisition;
  if (!a) return replace(cacBox);
  if (a.error) return replace(cacBox, h("h4", null, t("sales.sc.cacTitle")), partError(a));
  const lang = getLang();
  const tot = a.total;
  const skipped = a.skipped || [];
  replace(
    cacBox,
    h("h4", null, t("sales.sc.cacTitle")),
    stats(
      [
        [t("sales.sc.cac"), money(tot.cac), "sales-cac-total"],
        tot.ltvToCac === null ? null : [t("sales.sc.ltvCac"), `${fmt.num(lang, tot.ltvToCac, 1)} : 1`, "sales-cac-ratio", t("sales.sc.rule", { ok: tot.meetsRule })],
        tot.paybackMonths === null ? null : [t("sales.sc.payback"), t("sales.sc.months", { n: fmt.num(lang, tot.paybackMonths, 1) }), "sales-cac-payback"],
      ],
      "sales-cac-stats",
    ),
    dataTable({
      cls: "sales-cac-table",
      testid: "sales-cac-table",
      caption: t("sales.sc.cacTitle"),
      heads: [[t("sales.sc.th.month")], [t("sales.sc.th.spend"), true], [t("sales.sc.th.new"), true], [t("sales.sc.th.cac"), true]],
      rows: a.months.map((m) =>
        h("tr", null, h("td", null, m.month), h("td", { class: "num" }, money(m.spend)), h("td", { class: "num" }, fmt.int(lang, m.newCustomers)), h("td", { class: "num" }, m.cac === null ? "—" : money(m.cac))),
      ),
    }),
    skipped.length ? h("p", { class: "warning" }, t("sales.sc.spendSkipped", { n: fmt.int(lang, skipped.length), rows: skipped.map((s) => s.row).join(", ") })) : null,
  );
}

export function renderScores() {
  const sc = state.summary.scores;
  renderCac();
  if (!sc || sc.error) {
    replace(scoresResult, sc ? partError(sc) : null);
    replace(callBox);
    return;
  }
  const lang = getLang();
  const band = (list, key) => list.find((b) => b.key === key);
  const bandStat = (list, key, prefix) => {
    const b = band(list, key);
    return [t(`sales.sc.band.${key}`), `${fmt.int(lang, b.count)} (${fmt.pct(lang, b.percent)})`, `${prefix}-${key}`];
  };
  const survey = sc.survey;
  replace(
    scoresResult,
    (sc.notices || []).map((n) => {
      const { text, english } = sayNotice(n);
      return h("p", { class: "sales-note sales-score-notice", "data-code": n.code, lang: english && lang !== "en" ? "en" : null }, text);
    }),
    survey
      ? h(
          "p",
          { class: "sales-note", "data-testid": "sales-survey-read" },
          t("sales.sc.surveyRead", {
            rows: fmt.int(lang, survey.rows),
            used: fmt.int(lang, survey.used),
            matched: fmt.int(lang, survey.matched),
            respondents: fmt.int(lang, survey.respondents),
            who: columnName(survey.customerColumn.name),
            score: columnName(survey.scoreColumn.name),
          }),
        )
      : null,
    h("h4", null, t("sales.sc.healthTitle")),
    h("p", { class: "sales-note" }, t("sales.sc.healthIntro", { asOf: dateText(lang, sc.asOf), engagement: sc.engagement })),
    stats(
      [[t("sales.sc.avgHealth"), fmt.num(lang, sc.averageHealth, 1), "sales-health-avg"], ...["healthy", "atRisk", "critical"].map((k) => bandStat(sc.healthBands, k, "sales-health"))],
      "sales-health-stats",
    ),
    h("div", { class: "sales-chart-box" }, chart("sales-health", sc.healthDistribution, HEALTH_TONES, healthBand, "sales.sc.healthChart", "sales.sc.healthChartName")),
    sc.lowestHealth && sc.lowestHealth.length ? [h("h4", null, t("sales.sc.lowestTitle")), lowestTable(sc.lowestHealth)] : null,
    h("h4", null, t("sales.sc.churnTitle")),
    h("p", { class: "sales-note" }, t("sales.sc.churnIntro")),
    stats(
      [[t("sales.sc.avgChurn"), fmt.num(lang, sc.averageChurnRisk, 1), "sales-churn-avg"], ...["high", "medium", "low"].map((k) => bandStat(sc.churnBands, k, "sales-churn"))],
      "sales-churn-stats",
    ),
    h("div", { class: "sales-chart-box" }, chart("sales-churn", sc.churnDistribution, CHURN_TONES, churnBand, "sales.sc.churnChart", "sales.sc.churnChartName")),
    h("p", { class: "sales-note" }, t("sales.sc.weightsTitle")),
    h(
      "ul",
      { class: "sales-weights", "data-testid": "sales-churn-weights" },
      sc.weights.map((w) =>
        h(
          "li",
          { "data-weight": w.key },
          t(w.available ? "sales.sc.weight" : "sales.sc.weightMissing", { name: t(`sales.sc.w.${w.key}`), used: fmt.pct(lang, w.used, 1), nominal: fmt.pct(lang, w.nominal, 0) }),
        ),
      ),
    ),
  );
  renderCallList(sc);
}
