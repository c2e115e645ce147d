// Net Promoter Score from group counts or pasted answers (0–10), with its margin of error.

import { h } from "../dom.js";
import * as fmt from "../format.js";
import { barChart } from "../charts.js";
import {
  badge, benchmarkBlock, caveat, chartFormat, csvButton, distributionDetail, figure, formulaBlock, nextBlock,
  numberField, readData, readNumbers, rowsBlock, scaleText, sourceSwitch, textField,
} from "./core.js";

const GROUPS = ["detractors", "passives", "promoters"];
const TONE = { detractors: "detractor", passives: "passive", promoters: "promoter" };
const groupOf = (score) => (score >= 9 ? "promoters" : score >= 7 ? "passives" : "detractors");

export default {
  roles: ["score"],
  fields: {
    promoters: { id: "nps-promoters", optional: true },
    passives: { id: "nps-passives", optional: true },
    detractors: { id: "nps-detractors", optional: true },
  },
  form: () =>
    sourceSwitch(
      "nps",
      h(
        "div",
        { class: "field-row counts-row" },
        numberField("nps-promoters", "nps.promoters", "60"),
        numberField("nps-passives", "nps.passives", "30"),
        numberField("nps-detractors", "nps.detractors", "10"),
      ),
      textField("nps-text", "nps.text", "common.pasteOrList", 6),
    ),
  source: (ctx) => (ctx.root.getElementById("nps-source-text").checked ? "text" : "counts"),
  read(ctx) {
    if (this.source(ctx) === "text") return readData(ctx, "nps", "nps.hintText");
    const state = readNumbers(ctx, this.fields, "nps.hintCounts");
    if (state.input && Object.keys(state.input).length === 0) return { hint: "nps.hintCounts" };
    return state;
  },
  run: (api, input) => api.nps(input),
  render(r, state, ctx) {
    const { lang, t } = ctx;
    const n1 = (x) => fmt.num(lang, x, 1);
    const n3 = (x) => fmt.num(lang, x, 3);
    const moeText = `± ${n1(r.marginOfError)} (${n1(r.low)} – ${n1(r.high)})`;
    const p = r.promoters.count / r.responses;
    const d = r.detractors.count / r.responses;
    const caption = `NPS ${n1(r.nps)} ${moeText}`;
    const scores = r.distribution && r.distribution.length;
    const bars = scores
      ? r.distribution.map((b) => ({
          label: String(b.score),
          count: b.count,
          percent: b.percent,
          tone: TONE[groupOf(b.score)],
          group: t(`nps.group.${groupOf(b.score)}`),
        }))
      : GROUPS.map((g) => ({ label: t(`nps.group.${g}`), count: r[g].count, percent: r[g].percent, tone: TONE[g] }));
    const chart = barChart({
      id: "nps",
      bars,
      groups: scores
        ? [
            { from: 0, to: 6, label: t("nps.group.detractors"), tone: "detractor" },
            { from: 7, to: 8, label: t("nps.group.passives"), tone: "passive" },
            { from: 9, to: 10, label: t("nps.group.promoters"), tone: "promoter" },
          ]
        : [],
      texts: {
        title: t(scores ? "nps.chartTitle" : "nps.chartGroupsTitle"),
        caption,
        name: t("nps.chartLabel", { n: fmt.int(lang, r.responses), detail: distributionDetail(lang, bars), nps: n1(r.nps), moe: n1(r.marginOfError) }),
        showNumbers: t("common.showNumbers"),
        cols: scores
          ? [t("common.score"), t("common.count"), t("common.percent"), t("common.group")]
          : [t("common.group"), t("common.count"), t("common.percent")],
      },
      format: chartFormat(lang),
      tableActions: (table) => csvButton(ctx, "nps-chart", table, "keep.file.nps"),
    });

    return {
      summary: [
        figure("nps", "NPS", n1(r.nps), h("span", { class: "figure-moe", "data-testid": "nps-moe" }, moeText)),
        " ",
        badge(ctx, "nps", r.band),
      ],
      details: [
        h(
          "ul",
          { class: "groups", "data-testid": "nps-groups" },
          GROUPS.slice()
            .reverse()
            .map((g) =>
              h(
                "li",
                { class: `group tone-${TONE[g]}` },
                h("span", { class: `swatch tone-${TONE[g]}`, "aria-hidden": "true" }),
                h("span", { class: "group-name" }, t(`nps.${g}`)),
                h("span", { class: "group-value" }, `${fmt.int(lang, r[g].count)} · ${fmt.pct(lang, r[g].percent)}`),
              ),
            ),
        ),
        h("p", { class: "moe-note" }, t("nps.moeNote", { moe: n1(r.marginOfError), low: n1(r.low), high: n1(r.high) })),
        rowsBlock(ctx, "nps", r, state.list, scaleText(ctx, "nps")),
        formulaBlock(ctx, "nps", [
          `(${fmt.int(lang, r.promoters.count)} − ${fmt.int(lang, r.detractors.count)}) / ${fmt.int(lang, r.responses)} × 100 = ${n1(r.nps)}`,
          `${fmt.pct(lang, r.promoters.percent)} − ${fmt.pct(lang, r.detractors.percent)} = ${n1(r.nps)}`,
          [
            t("nps.moeFormula"),
            `${fmt.num(lang, 1.96, 2)} × √((${n3(p)} + ${n3(d)} − ${n3(p - d)}²) / ${fmt.int(lang, r.responses)}) × 100 = ${n1(r.marginOfError)}`,
          ],
        ]),
        chart,
        nextBlock(ctx, "nps", t(`nps.next.${r.band.key}`)),
        benchmarkBlock(ctx, "nps", h("p", null, t("nps.scale")), caveat(ctx, t("nps.caveat", { n: fmt.int(lang, r.responses), moe: n1(r.marginOfError) }))),
      ],
    };
  },
};
