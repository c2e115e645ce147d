// Customer Effort Score: the mean answer and the share of "easy" answers on the chosen scale.

import { h } from "../dom.js";
import * as fmt from "../format.js";
import { barChart } from "../charts.js";
import {
  badge, benchmarkBlock, caveat, chartFormat, csvButton, distributionDetail, figure, formulaBlock, nextBlock,
  readData, rowsBlock, scaleText, selectField, textField,
} from "./core.js";

export default {
  roles: ["score"],
  form: () => [
    textField("ces-text", "ces.text", "common.pasteOrList", 5, "6, 7, 5, 6, 4, 7, 6, 5, 3, 6, 7, 5, 6, 2, 6, 5, 7, 6"),
    h(
      "div",
      { class: "field-row" },
      selectField("ces-scale", "ces.scale", [["5", "1–5"], ["7", "1–7"], ["10", "1–10"]], "7"),
      h(
        "div",
        { class: "field field-check" },
        h("input", { type: "checkbox", id: "ces-high-easy", "data-testid": "ces-high-easy", checked: true, "aria-describedby": "ces-high-easy-help" }),
        h("label", { for: "ces-high-easy", "data-t": "ces.highIsEasy" }),
        h("p", { class: "help", id: "ces-high-easy-help", "data-t": "ces.highIsEasyHelp" }),
      ),
    ),
  ],
  read(ctx) {
    const $ = (id) => ctx.root.getElementById(id);
    return readData(ctx, "ces", "ces.hint", { scaleMin: 1, scaleMax: Number($("ces-scale").value), highIsEasy: $("ces-high-easy").checked });
  },
  run: (api, input) => api.ces(input),
  render(r, state, ctx) {
    const { lang, t } = ctx;
    const sum = r.distribution.reduce((acc, b) => acc + b.score * b.count, 0);
    const [lo, hi] = r.easyRange;
    const easy = (score) => score >= lo && score <= hi;
    const easyCount = r.distribution.filter((b) => easy(b.score)).reduce((a, b) => a + b.count, 0);
    const range = `${lo}–${hi}`;
    const band = { key: r.easyPercent > 80 ? "meetsBenchmark" : "belowBenchmark" };
    const bars = r.distribution.map((b) => ({ label: String(b.score), count: b.count, percent: b.percent, tone: easy(b.score) ? "easy" : "neutral" }));
    return {
      summary: [
        figure("ces", t("ces.figure"), fmt.num(lang, r.ces, 2), h("span", { class: "figure-of" }, t("ces.of", { max: r.scaleMax }))),
        " · ",
        h("span", { class: "figure-label" }, t("ces.easyShare")),
        " ",
        h("span", { class: "figure figure-secondary", "data-testid": "ces-easy" }, fmt.pct(lang, r.easyPercent)),
        " ",
        badge(ctx, "ces", band),
      ],
      details: [
        h(
          "p",
          { class: "scale-note", "data-testid": "ces-scale-note" },
          `1–${r.scaleMax}, ${t(r.highIsEasy ? "ces.directionHigh" : "ces.directionLow")}, ${t("ces.easyRange", { range })}`,
        ),
        rowsBlock(ctx, "ces", r, state.list, scaleText(ctx, "ces")),
        formulaBlock(ctx, "ces", [
          [t("ces.meanFormula"), `${fmt.int(lang, sum)} / ${fmt.int(lang, r.responses)} = ${fmt.num(lang, r.ces, 2)}`],
          [t("ces.easyFormula", { range }), `${fmt.int(lang, easyCount)} / ${fmt.int(lang, r.responses)} × 100${fmt.pctSign(lang)} = ${fmt.pct(lang, r.easyPercent)}`],
        ]),
        barChart({
          id: "ces",
          bars,
          legend: [
            { tone: "easy", text: t("ces.easyLegend", { range }) },
            { tone: "neutral", text: t("ces.otherLegend") },
          ],
          texts: {
            title: t("ces.chartTitle"),
            name: t("ces.chartLabel", { n: fmt.int(lang, r.responses), max: r.scaleMax, detail: distributionDetail(lang, bars) }),
            showNumbers: t("common.showNumbers"),
            cols: [t("common.score"), t("common.count"), t("common.percent")],
          },
          format: chartFormat(lang),
          tableActions: (table) => csvButton(ctx, "ces-chart", table, "keep.file.ces"),
        }),
        nextBlock(ctx, "ces", t(`ces.next.${band.key}`)),
        benchmarkBlock(ctx, "ces", h("p", null, t("ces.scaleNote")), caveat(ctx, t("ces.caveat"))),
      ],
    };
  },
};
