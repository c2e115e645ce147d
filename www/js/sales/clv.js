// CLV from the log: the simple formula (average order × purchases a year ×
// lifespan) with its parts, the margin, and the Pareto share of the top 20 %.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { formula, stats } from "../kit/view.js";
import { $, money, state } from "./state.js";
import { clvResult } from "./skeleton.js";
import { partError } from "./render.js";

export function renderClv() {
  const sm = state.summary;
  const lang = getLang();
  const c = sm.clv;
  const years = (y) => fmt.num(lang, y, 2);
  if (c.error) {
    $("sales-lifespan-help").textContent = t("sales.lifespanHelpPlain");
    replace(clvResult, partError(c));
    return;
  }
  $("sales-lifespan-help").textContent = t("sales.lifespanHelp", { years: years(c.measuredLifespanYears) });
  $("sales-lifespan").placeholder = years(c.measuredLifespanYears);
  const e = c.estimate;
  const hasMargin = $("sales-margin").value.trim() !== "" && e.profitClv !== e.clv;
  const sign = fmt.pctSign(lang);
  const share = c.pareto.topRevenueShare;
  replace(
    clvResult,
    h(
      "p",
      { class: "summary" },
      h("span", { class: "figure-label" }, t("sales.clv")),
      " ",
      h("span", { class: "figure", "data-testid": "sales-clv-value" }, money(e.clv)),
      hasMargin
        ? [" · ", h("span", { class: "figure-label" }, t("sales.profitClv")), " ", h("span", { class: "figure figure-secondary", "data-testid": "sales-profit-clv" }, money(e.profitClv))]
        : null,
    ),
    stats([
      [t("sales.aov"), money(c.averageOrderValue), "sales-aov"],
      [t("sales.perYear"), fmt.num(lang, c.purchasesPerYear, 2), "sales-per-year"],
      [
        t("sales.lifespanUsed"),
        c.lifespanOverridden
          ? t("sales.lifespanOverride", { years: years(c.lifespanYears), measured: years(c.measuredLifespanYears) })
          : t("sales.lifespanMeasured", { years: years(c.lifespanYears) }),
        "sales-lifespan-used",
      ],
      [t("sales.maxCac"), money(e.maxAcquisitionCost), "sales-max-cac"],
      [t("sales.budget"), `${money(e.retentionBudgetLow)} – ${money(e.retentionBudgetHigh)}`, "sales-budget"],
      [t("sales.histValue"), money(c.averageHistoricalValue)],
      [t("sales.totalRevenue"), money(c.totalRevenue)],
      [t("sales.totalOrders"), fmt.int(lang, c.totalOrders)],
    ]),
    formula(
      "sales-clv-formula",
      t("sales.clvFormula"),
      `${money(c.averageOrderValue)} × ${fmt.num(lang, c.purchasesPerYear, 2)} × ${years(c.lifespanYears)} = ${money(e.clv)}`,
      hasMargin ? `${money(e.clv)} × ${fmt.num(lang, readMargin(), 2)}${sign} = ${money(e.profitClv)}` : null,
    ),
    c.lifespanOverridden ? null : h("p", { class: "caveat" }, t("sales.lifespanNote")),
    // lifespanMeasured is said by the lifespan line above; any other notice of the part as the API words it.
    (c.notices || []).filter((n) => n.code !== "lifespanMeasured").map((n) => h("p", { class: "warning", lang: "en" }, n.message)),
    h("h4", null, t("sales.paretoTitle")),
    share === null
      ? null
      : [
          h(
            "p",
            { class: "sales-pareto", "data-testid": "sales-pareto" },
            t("sales.pareto", { n: fmt.int(lang, c.pareto.topCustomers), share: fmt.pct(lang, share), revenue: money(c.pareto.topRevenue) }),
          ),
          h(
            "div",
            { class: "pareto-bar", role: "img", "aria-label": t("sales.paretoBar", { share: fmt.pct(lang, share), rest: fmt.pct(lang, 100 - share) }) },
            h("span", { class: "pareto-top", style: `width: ${Math.max(0, Math.min(100, share)).toFixed(1)}%` }),
            h("span", { class: "pareto-rest" }),
          ),
          h(
            "ul",
            { class: "legend pareto-legend", "aria-hidden": "true" },
            h("li", null, h("span", { class: "swatch pareto-top" }), `${t("sales.paretoTop")} · ${fmt.pct(lang, share)}`),
            h("li", null, h("span", { class: "swatch pareto-rest" }), `${t("sales.paretoRest")} · ${fmt.pct(lang, 100 - share)}`),
          ),
          h("p", { class: "caveat" }, t("sales.paretoNote")),
        ],
  );
}

function readMargin() {
  const parsed = fmt.parseNumber($("sales-margin").value, getLang());
  return parsed.value ?? 100;
}
