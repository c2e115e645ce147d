// Subscriptions and memberships: the shifted-beta-geometric model (the API's
// subscriptionRetention) from one group's counts still subscribed after each
// period: retention by period, churn, lifetimes and values, a survival chart.

import { h } from "../dom.js";
import * as fmt from "../format.js";
import { survivalChart } from "./survival-chart.js";
import {
  block, caveat, csvButton, figure, formulaBlock, nextBlock, numberField, selectField, sourceSwitch, stats,
  textField,
} from "./core.js";

const NAME = "subscriptions";
const $ = (ctx, id) => ctx.root.getElementById(id);
/** The page's discount rate for yearly periods when none is typed (Fader & Hardie 2010 use 10 %); monthly: the API's default. */
const YEARLY_DISCOUNT = 0.1;

/** The numbers typed after the start: split at spaces, ";" or a comma followed by a space. */
function readList(raw, lang) {
  const tokens = String(raw ?? "")
    .split(/[\s;]+|,\s+/)
    .filter(Boolean);
  const values = [];
  for (const token of tokens) {
    const parsed = fmt.parseNumber(token, lang);
    if (parsed.invalid || parsed.empty) return null;
    values.push(parsed.value);
  }
  return values;
}

/** An API error in this calculator's words (its own codes, and the generic ones said for counts). */
function localError(ctx, error) {
  const words = ctx.s["subscriptions.errors"] || {};
  const fn = error && words[error.code];
  if (!fn) return error;
  return { code: `subscriptions.${error.code}`, field: error.field, row: error.row, skipped: error.skipped, message: fn({ row: error.row }) };
}

export default {
  fields: {
    survivors: { id: "subscriptions-after" },
    text: { id: "subscriptions-text" },
    valuePerPeriod: { id: "subscriptions-value", optional: true },
    discountRate: { id: "subscriptions-discount", optional: true },
  },
  form: () => [
    sourceSwitch(
      NAME,
      h(
        "div",
        null,
        numberField("subscriptions-start", "subscriptions.start", "200"),
        textField("subscriptions-after", "subscriptions.after", "subscriptions.afterHelp", 2, "161 132 110 93 80 69 61"),
      ),
      textField("subscriptions-text", "subscriptions.text", "subscriptions.textHelp", 7),
    ),
    h(
      "div",
      { class: "field-row" },
      selectField("subscriptions-unit", "subscriptions.unit", [["month", { key: "subscriptions.unitMonth" }], ["year", { key: "subscriptions.unitYear" }]], "month"),
      numberField("subscriptions-value", "subscriptions.value", "150000", { mode: "decimal", help: "subscriptions.valueHelp" }),
      numberField("subscriptions-discount", "subscriptions.discount", "", { mode: "decimal", help: "subscriptions.discountHelp" }),
    ),
  ],
  source: (ctx) => ($(ctx, "subscriptions-source-text").checked ? "text" : "counts"),
  read(ctx) {
    const lang = ctx.lang;
    const input = {};
    if (this.source(ctx) === "text") {
      const raw = $(ctx, "subscriptions-text").value;
      if (raw.trim() === "") return { hint: "subscriptions.hintText" };
      input.text = raw;
    } else {
      const start = fmt.parseNumber($(ctx, "subscriptions-start").value, lang);
      if (start.invalid) return { error: localError(ctx, { code: "notANumber", field: "survivors" }) };
      const after = readList($(ctx, "subscriptions-after").value, lang);
      if (after === null) return { error: localError(ctx, { code: "notANumber", field: "survivors" }) };
      if (start.empty || after.length < 2) return { hint: "subscriptions.hint" };
      input.survivors = [start.value, ...after];
    }
    const unit = $(ctx, "subscriptions-unit").value;
    for (const [field, spec] of Object.entries({ valuePerPeriod: this.fields.valuePerPeriod, discountRate: this.fields.discountRate })) {
      const parsed = fmt.parseNumber($(ctx, spec.id).value, lang);
      if (parsed.invalid) return { error: localError(ctx, { code: "notANumber", field }) };
      if (!parsed.empty) input[field] = field === "discountRate" ? parsed.value / 100 : parsed.value;
    }
    if (input.discountRate === undefined && unit === "year") input.discountRate = YEARLY_DISCOUNT;
    return { input, unit };
  },
  run(api, input, ctx) {
    try {
      return api.subscriptionRetention(input);
    } catch (error) {
      throw localError(ctx, error);
    }
  },
  render(r, { unit }, ctx) {
    const { lang, t } = ctx;
    const pct = (v) => fmt.pct(lang, v, 1);
    const n2 = (v) => fmt.num(lang, v, 2);
    const money = (v) => fmt.money(lang, v, ctx.cur);
    const T = r.observedPeriods;
    const next = r.periods[T + 1];
    const u = { unit };
    const periodName = (n) => t("subscriptions.period", { ...u, n });
    const { alpha: a, beta: b } = r.params;
    const value = r.valuePerPeriod;

    const notices = (r.notices || []).map((n) => {
      const words = ctx.s["subscriptions.notices"]?.[n.code];
      const p = { ...n.params };
      if (p.churn !== undefined) p.churn = pct(p.churn);
      if (p.points !== undefined) p.points = fmt.num(lang, p.points, 1);
      if (p.alpha !== undefined) p.alpha = fmt.num(lang, p.alpha, 3);
      if (p.subscribers !== undefined) p.subscribers = fmt.int(lang, p.subscribers);
      return h("p", { class: "warning", "data-testid": "subscriptions-notice", "data-code": n.code }, words ? words(p) : n.message);
    });

    const heads = ctx.tb("subscriptions.cols");
    const table = h(
      "table",
      { class: "chart-table", "data-testid": "subscriptions-table" },
      h("caption", { class: "visually-hidden" }, t("subscriptions.tableTitle")),
      h("thead", null, h("tr", null, (Array.isArray(heads) ? heads : []).map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        null,
        r.periods.map((p) => {
          const cell = (v, show) => (v === null || v === undefined ? h("td", null, "—") : h("td", { "data-value": v }, show(v)));
          return h(
            "tr",
            { "data-period": p.period, "data-projected": p.projected ? "" : null },
            h("th", { scope: "row" }, periodName(p.period), p.projected ? ` (${t("subscriptions.projectedMark")})` : null),
            cell(p.actual, (v) => fmt.int(lang, v)),
            cell(p.actualSurvival, pct),
            cell(p.survival, pct),
            cell(p.actualRetention, pct),
            cell(p.retention, pct),
            cell(p.churn, pct),
          );
        }),
      ),
    );
    const last = r.periods[r.periods.length - 1];
    const chart = survivalChart({
      id: NAME,
      periods: r.periods,
      observed: T,
      texts: {
        title: t("subscriptions.chartTitle"),
        caption: t("subscriptions.chartCaption", { ...u, n: T }),
        name: t("subscriptions.chartName", { ...u, observed: T, last: last.period, lastActual: pct(r.periods[T].actualSurvival), lastModel: pct(last.survival) }),
        actual: t("subscriptions.actual"),
        fitted: t("subscriptions.fitted"),
        projected: t("subscriptions.projected"),
        x: t("subscriptions.x", u),
        showNumbers: t("common.showNumbers"),
        cols: ctx.tb("subscriptions.chartCols"),
        period: periodName,
      },
      format: { pct },
      tableActions: (tbl) => csvButton(ctx, "subscriptions-chart", tbl, "subscriptions.file"),
    });

    const del = r.discountedLifetime;
    const formula = [
      [t("subscriptions.formulaRetention", u), `(β + t − 1) / (α + β + t − 1) = (${n2(b)} + ${T}) / (${n2(a)} + ${n2(b)} + ${T}) = ${pct(next.retention)} (t = ${T + 1})`],
      [t("subscriptions.formulaSurvival"), `S(t) = r(1) × r(2) × … × r(t); S(${T + 1}) = ${pct(next.survival)}`],
      [t("subscriptions.formulaDel"), `₂F₁(1, β; α + β; 1 / (1 + ${fmt.num(lang, r.discountRate, 3)})) = ${n2(del)}`],
      value !== null ? [t("subscriptions.formulaValue"), `${money(value)} × ${n2(del)} = ${money(r.valuePerNewSubscriber)}`] : null,
    ].filter(Boolean);

    return {
      summary: [figure(NAME, t("subscriptions.figure", { ...u, n: T + 1 }), pct(next.retention))],
      details: [
        stats([
          [t("subscriptions.churnNext", { ...u, n: T + 1 }), pct(next.churn), "subscriptions-churn"],
          [t("subscriptions.meanChurn"), pct(r.meanChurn)],
          [t("subscriptions.median"), r.medianLifetime === null ? t("subscriptions.medianNone") : t("subscriptions.units", { ...u, n: fmt.int(lang, r.medianLifetime) }), "subscriptions-median"],
          [t("subscriptions.expected"), r.expectedLifetime === null ? t("subscriptions.expectedNone") : t("subscriptions.units", { ...u, n: fmt.num(lang, r.expectedLifetime, 1) }), "subscriptions-expected"],
          [t("subscriptions.discounted"), t("subscriptions.payments", { n: fmt.num(lang, del, 1) }), "subscriptions-del"],
          value !== null ? [t("subscriptions.valueNew"), money(r.valuePerNewSubscriber), "subscriptions-value-new"] : null,
          value !== null ? [t("subscriptions.valueCurrent", { n: T }), money(r.residual[T].value), "subscriptions-value-current"] : null,
          value !== null ? [t("subscriptions.valueBase", { n: fmt.int(lang, r.activeSubscribers) }), money(r.residualValueOfBase), "subscriptions-value-base"] : null,
        ]),
        notices,
        h("p", { class: "calc-intro", "data-testid": "subscriptions-words" }, t("subscriptions.words")),
        formulaBlock(ctx, NAME, formula),
        chart,
        block(t("subscriptions.tableTitle"), h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": t("subscriptions.tableTitle") }, table), csvButton(ctx, "subscriptions-table", table, "subscriptions.file")),
        nextBlock(ctx, NAME, t("subscriptions.next", { ...u, churn: pct(r.periods[1].churn) })),
        caveat(ctx, t("subscriptions.caveat")),
      ],
    };
  },
};
