// Customer Satisfaction: the share of satisfied answers (top box) on a 1–5 or 1–10 scale.

import { h } from "../dom.js";
import * as fmt from "../format.js";
import { barChart } from "../charts.js";
import {
  badge, benchmarkBlock, caveat, chartFormat, csvButton, distributionDetail, figure, formulaBlock, nextBlock,
  readData, rowsBlock, scaleText, selectField, stats, textField,
} from "./core.js";

export default {
  roles: ["score"],
  form: () => [
    textField("csat-text", "csat.text", "common.pasteOrList", 5, "5, 4, 4, 5, 3, 5, 4, 2, 5, 4, 5, 4, 3, 5, 4"),
    selectField("csat-scale", "csat.scale", [["5", { key: "csat.scale5" }], ["10", { key: "csat.scale10" }]], "5"),
  ],
  read: (ctx) => readData(ctx, "csat", "csat.hint", { scaleMax: Number(ctx.root.getElementById("csat-scale").value) }),
  run: (api, input) => api.csat(input),
  render(r, state, ctx) {
    const { lang, t } = ctx;
    const [lo, hi] = r.topBox;
    const range = `${lo}–${hi}`;
    const top = (score) => score >= lo && score <= hi;
    const satisfied = r.distribution.filter((b) => top(b.score)).reduce((a, b) => a + b.count, 0);
    const band = { key: r.csat >= 80 ? "meetsBenchmark" : "belowBenchmark" };
    const bars = r.distribution.map((b) => ({ label: String(b.score), count: b.count, percent: b.percent, tone: top(b.score) ? "easy" : "neutral" }));
    return {
      summary: [figure("csat", t("csat.figure"), fmt.pct(lang, r.csat)), " ", badge(ctx, "csat", band)],
      details: [
        stats([[t("csat.mean"), `${fmt.num(lang, r.mean, 2)} ${t("ces.of", { max: r.scaleMax })}`, "csat-mean"]]),
        h("p", { class: "scale-note" }, `1–${r.scaleMax}, ${t("csat.topBox", { range })}`),
        rowsBlock(ctx, "csat", r, state.list, scaleText(ctx, "csat")),
        formulaBlock(ctx, "csat", [
          [t("csat.formula", { range }), `${fmt.int(lang, satisfied)} / ${fmt.int(lang, r.responses)} × 100${fmt.pctSign(lang)} = ${fmt.pct(lang, r.csat)}`],
        ]),
        barChart({
          id: "csat",
          bars,
          legend: [
            { tone: "easy", text: t("csat.satisfiedLegend", { range }) },
            { tone: "neutral", text: t("csat.otherLegend") },
          ],
          texts: {
            title: t("csat.chartTitle"),
            name: t("csat.chartLabel", { n: fmt.int(lang, r.responses), max: r.scaleMax, detail: distributionDetail(lang, bars) }),
            showNumbers: t("common.showNumbers"),
            cols: [t("common.score"), t("common.count"), t("common.percent")],
          },
          format: chartFormat(lang),
          tableActions: (table) => csvButton(ctx, "csat-chart", table, "keep.file.csat"),
        }),
        nextBlock(ctx, "csat", t(`csat.next.${band.key}`)),
        benchmarkBlock(ctx, "csat", h("p", null, t("csat.scaleNote")), caveat(ctx, t("csat.caveat"))),
      ],
    };
  },
};
