// Customer Lifetime Value: order value × purchases a year × years, with the rules of thumb.

import { benchmarkBlock, caveat, figure, formulaBlock, nextBlock, numberField, readNumbers, stats } from "./core.js";
import * as fmt from "../format.js";
import { h } from "../dom.js";

export default {
  fields: {
    averageOrderValue: { id: "clv-aov" },
    purchasesPerYear: { id: "clv-freq" },
    lifespanYears: { id: "clv-years" },
    grossMarginPercent: { id: "clv-margin", optional: true },
  },
  form: () => [
    numberField("clv-aov", "clv.aov", "500000", { mode: "decimal" }),
    numberField("clv-freq", "clv.freq", "4", { mode: "decimal", help: "clv.freqHelp" }),
    numberField("clv-years", "clv.years", "3", { mode: "decimal" }),
    numberField("clv-margin", "clv.margin", "", { mode: "decimal", help: "clv.marginHelp" }),
  ],
  read(ctx) {
    return readNumbers(ctx, this.fields, "clv.hint");
  },
  run: (api, input) => api.clv(input),
  render(r, { input }, ctx) {
    const { lang, t } = ctx;
    const withMargin = input.grossMarginPercent !== undefined;
    const rp = (n, max = 0) => fmt.money(lang, n, ctx.cur, max);
    const lines = [
      `${rp(input.averageOrderValue, 2)} × ${fmt.num(lang, input.purchasesPerYear, 2)} × ${fmt.num(lang, input.lifespanYears, 2)} = ${rp(r.clv)}`,
    ];
    if (withMargin) lines.push(`${rp(r.clv)} × ${fmt.pct(lang, input.grossMarginPercent, 2)} = ${rp(r.profitClv)}`);
    return {
      summary: figure("clv", t(withMargin ? "clv.figureProfit" : "clv.figureRevenue"), rp(r.profitClv)),
      details: [
        stats([
          [t("clv.yearly"), rp(r.yearlyValue)],
          withMargin ? [t("clv.revenue"), rp(r.clv)] : null,
          [t("clv.maxCac"), rp(r.maxAcquisitionCost), "clv-max-cac"],
          [t("clv.budget"), `${rp(r.retentionBudgetLow)} – ${rp(r.retentionBudgetHigh)}`, "clv-budget"],
        ]),
        formulaBlock(ctx, "clv", lines),
        nextBlock(ctx, "clv", t("clv.next", { max: rp(r.maxAcquisitionCost), low: rp(r.retentionBudgetLow), high: rp(r.retentionBudgetHigh) })),
        benchmarkBlock(ctx, "clv", h("p", null, t("clv.rules")), caveat(ctx, t("clv.caveat"))),
      ],
    };
  },
};
