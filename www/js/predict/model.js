// The fitted model: the BG/NBD and Gamma-Gamma parameters with their standard
// errors, what they mean in plain words, and the log-likelihoods.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { dataTable } from "../kit/view.js";
import { money, paramText, state, unitOne, unitWord } from "./state.js";
import { modelBox } from "./skeleton.js";

export const PARAMS = [
  ["bg", "r", "r", 3],
  ["bg", "alpha", "α", 3],
  ["bg", "a", "a", 3],
  ["bg", "b", "b", 3],
  ["gg", "p", "p", 2],
  ["gg", "q", "q", 2],
  ["gg", "v", "v", 2],
];

export function renderModel() {
  const r = state.result;
  const lang = getLang();
  const p = r.params;
  const se = r.standardErrors;
  const ci = r.intervals && r.intervals.params;
  const unit = unitWord(r.unit);
  const H = fmt.int(lang, r.horizonMonths);
  const rows = [];
  let group = null;
  for (const [g, key, symbol, digits] of PARAMS) {
    if (g !== group) {
      group = g;
      rows.push(h("tr", { class: "predict-param-group" }, h("th", { scope: "colgroup", colspan: "4" }, t(`predict.p.${g}`))));
    }
    rows.push(
      h(
        "tr",
        { "data-param": key },
        h("th", { scope: "row" }, h("span", { class: "predict-symbol" }, symbol), " ", h("span", { class: "predict-meaning" }, t(`predict.m.${key}`, { unit }))),
        h("td", { class: "num", "data-testid": `predict-param-${key}` }, paramText(lang, p[key], digits)),
        h("td", { class: "num", "data-testid": `predict-se-${key}` }, se ? paramText(lang, se[key], digits) : "—"),
        h("td", { class: "num", "data-testid": `predict-ci-${key}` }, ci && ci[key] ? `${paramText(lang, ci[key].low, digits)} – ${paramText(lang, ci[key].high, digits)}` : "—"),
      ),
    );
  }
  const perUnit = p.r / p.alpha;
  const unitsPerYear = r.unit === "days" ? 365.25 : 365.25 / 7;
  const drop = p.a / (p.a + p.b);
  const meanSpend = p.q > 1 ? (p.p * p.v) / (p.q - 1) : null;
  replace(
    modelBox,
    h("p", null, t("predict.explainBg", { unit })),
    h("p", null, t("predict.explainGg")),
    h("p", null, t("predict.explainClv", { h: H, d: fmt.pct(lang, r.monthlyDiscountRate * 100, 2) })),
    dataTable({
      cls: "predict-params",
      testid: "predict-params",
      caption: t("predict.paramsCaption"),
      heads: [[t("predict.p.param")], [t("predict.p.value"), true], [t("predict.p.se"), true], [t("predict.p.interval"), true]],
      rows,
    }),
    h("p", { class: "help" }, se ? t("predict.seNote") : t("predict.seNone")),
    h("p", { class: "help", "data-testid": "predict-interval-note" }, r.intervals ? t("predict.intervalNote", { draws: fmt.int(lang, r.intervals.draws) }) : t("predict.intervalNone")),
    r.penalizer > 0 ? h("p", { class: "help", "data-testid": "predict-penalty-note" }, t("predict.penaltyNote", { penalty: fmt.num(lang, r.penalizer, 3) })) : null,
    h("h4", null, t("predict.derivedTitle")),
    h(
      "ul",
      { class: "predict-derived", "data-testid": "predict-derived" },
      h("li", null, t("predict.d.rate", { rate: fmt.num(lang, perUnit, perUnit < 0.1 ? 3 : 2), unit1: unitOne(r.unit), year: fmt.num(lang, perUnit * unitsPerYear, 1) })),
      h("li", null, t("predict.d.drop", { pct: fmt.pct(lang, drop * 100, 1) })),
      h("li", null, meanSpend === null ? t("predict.d.spendNone") : t("predict.d.spend", { spend: money(lang, meanSpend) })),
    ),
    h("p", { class: "help predict-ll" }, t("predict.ll", { bg: fmt.num(lang, r.logLikelihood.bgNbd, 2), gg: fmt.num(lang, r.logLikelihood.gammaGamma, 2) })),
  );
}
