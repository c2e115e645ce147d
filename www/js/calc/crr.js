// Customer Retention Rate: (E − N) / S × 100, its band, the industries the sources quote.

import { h } from "../dom.js";
import * as fmt from "../format.js";
import { benchmarkBlock, caveat, figure, badge, formulaBlock, nextBlock, numberField, rangeText, readNumbers, stats } from "./core.js";

/** Yearly CRR averages quoted in METRICS.md §1: [low, high] ranges, alt = another source. */
export const CRR_INDUSTRIES = [
  { key: "media", range: [84] },
  { key: "banking", range: [75] },
  { key: "insurance", range: [83] },
  { key: "ecommerce", range: [38] },
  { key: "saas", range: [35], alt: [85, 95] },
  { key: "retail", range: [63] },
  { key: "telecom", range: [78] },
  { key: "healthcare", range: [55] },
  { key: "travel", range: [55, 70] },
  { key: "financial", range: [80, 90] },
];

export default {
  fields: {
    startCustomers: { id: "crr-start" },
    endCustomers: { id: "crr-end" },
    newCustomers: { id: "crr-new" },
  },
  form: () => [
    numberField("crr-start", "crr.start", "1000"),
    numberField("crr-end", "crr.end", "1100"),
    numberField("crr-new", "crr.new", "200", { help: "crr.newHelp" }),
  ],
  read(ctx) {
    return readNumbers(ctx, this.fields, "crr.hint");
  },
  run: (api, input) => api.crr(input),
  render(r, { input }, ctx) {
    const { lang, t } = ctx;
    const S = input.startCustomers;
    const E = input.endCustomers;
    const N = input.newCustomers;
    const sign = fmt.pctSign(lang);
    const formula = `(${fmt.int(lang, E)} − ${fmt.int(lang, N)}) / ${fmt.int(lang, S)} × 100${sign} = ${fmt.pct(lang, r.retentionRate)}`;
    const names = ctx.tb("industries");
    const industries = h(
      "ul",
      { class: "industry-list" },
      CRR_INDUSTRIES.map((ind) =>
        h(
          "li",
          null,
          h("span", null, names[ind.key] ?? ind.key),
          h(
            "span",
            { class: "industry-value" },
            rangeText(lang, ind.range.length === 1 ? [ind.range[0], ind.range[0]] : ind.range) + sign,
            ind.alt ? ` (${t("crr.otherSource", { range: rangeText(lang, ind.alt) + sign })})` : null,
          ),
        ),
      ),
    );
    return {
      summary: [figure("crr", t("crr.figure"), fmt.pct(lang, r.retentionRate)), " ", badge(ctx, "crr", r.band)],
      details: [
        stats([
          [t("crr.churn"), fmt.pct(lang, r.churnRate), "crr-churn"],
          [t("crr.retained"), fmt.int(lang, r.retained)],
          [t("crr.lost"), fmt.int(lang, r.lost)],
        ]),
        (r.notices || []).some((n) => n.code === "crrAboveHundred") ? h("p", { class: "warning", "data-testid": "crr-warning" }, t("crr.above100")) : null,
        formulaBlock(ctx, "crr", [formula]),
        nextBlock(ctx, "crr", t(`crr.next.${r.band.key}`)),
        benchmarkBlock(
          ctx,
          "crr",
          h("p", null, t("crr.scale")),
          h("p", null, t("crr.scaleAlt")),
          h("h4", null, t("crr.industriesTitle")),
          industries,
          caveat(ctx, t("crr.caveat")),
        ),
      ],
    };
  },
};
