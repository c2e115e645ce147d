// Drawing a prediction: the totals, the warnings, the comparison with the
// simple-formula CLV, then the model, P(alive) and the holdout test.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { dateText } from "../kit/dates.js";
import { stats } from "../kit/view.js";
import { money, state, warningText } from "./state.js";
import { calInput, compareBox, custIntro, customersTable, errorBox, holdInput, results, summaryLine, totalsBox, warningsBox } from "./skeleton.js";
import { renderModel } from "./model.js";
import { drawAlive, renderHoldout } from "./charts.js";
import { renderDiagnostics } from "./diagnostics.js";

export function render() {
  const r = state.result;
  const lang = getLang();
  replace(errorBox);
  for (const el of [calInput, holdInput]) el.removeAttribute("aria-invalid");
  state.moneyDigits = r.totals.meanClv < 1000 ? 2 : 0;
  results.hidden = false;
  const H = fmt.int(lang, r.horizonMonths);
  const n = r.totals.customers;
  summaryLine.textContent = t("predict.summary", {
    h: H,
    purchases: fmt.int(lang, r.totals.expectedPurchases),
    total: money(lang, r.totals.clv),
    mean: money(lang, r.totals.meanClv),
    active: fmt.int(lang, r.likelyActive),
    n: fmt.int(lang, n),
    activePct: fmt.pct(lang, n ? (r.likelyActive / n) * 100 : 0, 0),
  });
  replace(
    totalsBox,
    stats(
      [
        [t("predict.t.customers"), fmt.int(lang, n), "predict-t-customers", r.calibrationEnd ? t("predict.t.customersHelp", { date: dateText(lang, r.calibrationEnd) }) : null],
        [t("predict.t.repeat"), fmt.int(lang, r.totals.repeatBuyers), "predict-t-repeat", t("predict.t.repeatHelp")],
        [t("predict.t.purchases", { h: H }), fmt.num(lang, r.totals.expectedPurchases, 0), "predict-t-purchases"],
        [t("predict.t.total", { h: H }), money(lang, r.totals.clv), "predict-t-total"],
        [t("predict.t.mean"), money(lang, r.totals.meanClv), "predict-t-mean"],
        [t("predict.t.active"), `${fmt.int(lang, r.likelyActive)} (${fmt.pct(lang, n ? (r.likelyActive / n) * 100 : 0, 0)})`, "predict-t-active", t("predict.t.activeHelp")],
        // The 90 % intervals of the totals (README "Intervals").
        r.intervals
          ? [t("predict.t.purchasesRange", { h: H }), `${fmt.num(lang, r.intervals.totalExpectedPurchases.low, 0)} – ${fmt.num(lang, r.intervals.totalExpectedPurchases.high, 0)}`, "predict-t-purchases-range", t("predict.t.rangeHelp", { draws: fmt.int(lang, r.intervals.draws) })]
          : null,
        r.intervals ? [t("predict.t.totalRange", { h: H }), `${money(lang, r.intervals.totalClv.low)} – ${money(lang, r.intervals.totalClv.high)}`, "predict-t-total-range"] : null,
      ],
      "predict-totals",
    ),
  );
  renderWarnings();
  custIntro.textContent = t("predict.custIntro", { h: H, d: fmt.pct(lang, r.monthlyDiscountRate * 100, 2) });
  renderCompare();
  renderModel();
  drawAlive();
  renderHoldout();
  renderDiagnostics();
  customersTable.reset();
  customersTable.relabel();
}

export function renderWarnings() {
  const list = state.result.notices || [];
  if (!list.length) {
    replace(warningsBox);
    return;
  }
  replace(
    warningsBox,
    h(
      "div",
      { class: "warning predict-warning-box" },
      h("p", { class: "predict-warnings-title" }, t("predict.warningsTitle")),
      h(
        "ul",
        null,
        list.map((w) => {
          const { text, known } = warningText(w);
          return h("li", { lang: known ? null : "en", "data-known": known ? "1" : "0" }, text);
        }),
      ),
    ),
  );
}

export function renderCompare() {
  const r = state.result;
  const lang = getLang();
  const sm = state.info && state.info.summary;
  const clv = sm && sm.clv && !sm.clv.error ? sm.clv : null;
  if (!clv) {
    replace(compareBox, h("p", { class: "sales-note" }, t("predict.cmp.none")));
    return;
  }
  const H = fmt.int(lang, r.horizonMonths);
  const years = fmt.num(lang, clv.lifespanYears, 2);
  const model = r.totals.meanClv;
  const simple = clv.estimate.clv;
  const simpleH = (clv.estimate.yearlyValue * r.horizonMonths) / 12;
  const max = Math.max(model, simple, simpleH, 1e-9);
  const bar = (key, label, value, help, cls) =>
    h(
      "div",
      { class: `predict-cmp-row ${cls}`, "data-testid": `predict-cmp-${key}` },
      h("p", { class: "predict-cmp-label" }, label, help ? h("span", { class: "predict-cmp-help" }, ` — ${help}`) : null),
      h(
        "div",
        { class: "predict-cmp-track" },
        (() => {
          const fill = h("span", { class: "predict-cmp-fill", "aria-hidden": "true" });
          fill.style.width = `${Math.max(0.5, Math.min(100, (value / max) * 100)).toFixed(1)}%`;
          return fill;
        })(),
        h("span", { class: "predict-cmp-value", "data-testid": `predict-cmp-${key}-value` }, money(lang, value)),
      ),
    );
  const calibrated = r.calibrationEnd && sm.lastDate && r.calibrationEnd < sm.lastDate;
  replace(
    compareBox,
    h(
      "div",
      { class: "predict-cmp", role: "group", "aria-label": t("predict.cmp.name", { h: H, model: money(lang, model), simple: money(lang, simple), simpleH: money(lang, simpleH) }) },
      bar("model", t("predict.cmp.model", { h: H }), model, null, "is-model"),
      bar("simple", t("predict.cmp.simple", { years }), simple, null, "is-simple"),
      bar("simpleH", t("predict.cmp.simpleH", { h: H }), simpleH, t("predict.cmp.simpleHHelp", { yearly: money(lang, clv.estimate.yearlyValue), h: H }), "is-simple-h"),
    ),
    h(
      "p",
      { class: "predict-why", "data-testid": "predict-why" },
      t("predict.cmp.why", { years, measured: !clv.lifespanOverridden, h: H, d: fmt.pct(lang, r.monthlyDiscountRate * 100, 2) }),
      calibrated ? ` ${t("predict.cmp.calibration", { date: dateText(lang, r.calibrationEnd) })}` : "",
    ),
    h("p", { class: "caveat" }, t("predict.cmp.use")),
  );
}
