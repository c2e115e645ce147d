// The page's goals and CAC (page only: the widget's module has no `target`, and
// the shared calculator modules of js/calc/ stay as the widget loads them).
// Under NPS, CSAT, CES, FCR and CRR: an optional target, and what it takes to
// reach it from the calculator's own input (the API's `goal`). Under CLV: the
// period's marketing spend and new customers → CAC, LTV : CAC with the 3 : 1
// rule, the payback, and the cost of keeping a customer against winning one
// (the API's `acquisition` and `keepVsWin`). Everything is set as text.

import { h, replace } from "./dom.js";
import * as fmt from "./format.js";
import { getLang, onLangChange, t } from "./lang.js";
import { STRINGS } from "../i18n.js";
import goalsId from "./i18n/goals.id.js";
import goalsEn from "./i18n/goals.en.js";

for (const [lang, strings] of Object.entries({ id: goalsId, en: goalsEn })) {
  const table = STRINGS[lang];
  if (table) for (const [key, value] of Object.entries(strings)) if (!(key in table)) table[key] = value;
}

const METRIC = { crr: "CRR", nps: "NPS", csat: "CSAT", ces: "CES", fcr: "FCR" };
const DELAY_MS = 250;

const numberInput = (id) => h("input", { type: "text", id, "data-testid": id, inputmode: "decimal", autocomplete: "off", "data-number": "" });

function field(id, labelKey, params) {
  const input = numberInput(id);
  const label = h("label", { for: id });
  const set = () => (label.textContent = t(labelKey, params));
  set();
  return { el: h("div", { class: "field" }, label, input), input, set };
}

/** A typed number in the page language: { value } | { empty } | { invalid }. */
const read = (input) => fmt.parseNumber(input.value, getLang());

/** The goal's words from the API's `goal`. */
function goalText(name, g) {
  const lang = getLang();
  const n = (v) => (v === null ? t("goal.none") : fmt.int(lang, v));
  const figure = (v) => (name === "ces" ? fmt.num(lang, v, 2) : name === "nps" ? fmt.num(lang, v, 1) : fmt.pct(lang, v));
  const base = { current: figure(g.current), target: figure(g.target), metric: METRIC[name] };
  if (g.reached) return t("goal.reached", base);
  if (name === "nps")
    return t("goal.nps", { ...base, n: fmt.int(lang, g.responses), more: n(g.morePromoters), fewer: n(g.fewerDetractors), both: n(g.detractorsToPromoters), fresh: n(g.newPromoters) });
  if (name === "crr") return t("goal.crr", { ...base, more: n(g.moreRetained), start: fmt.int(lang, g.start), needed: n(g.retainedNeeded), lost: n(g.lostAllowed) });
  if (name === "ces") return t("goal.ces", { ...base, points: n(g.pointsNeeded), fresh: n(g.newEasiest) });
  return t(`goal.${name}`, { ...base, more: n(g.more), total: fmt.int(lang, g.total), fresh: n(g.newGood) });
}

/** The calculator's own input as it stands, or null when its form does not read (yet). */
function calculatorInput(ctx, calc) {
  let state;
  try {
    state = calc.read(ctx);
  } catch {
    return null;
  }
  return state.input || null;
}

function attachGoal(ctx, calc, name) {
  const section = document.getElementById(name);
  if (!section) return null;
  const target = field(`${name}-target`, "goal.target", { metric: METRIC[name] });
  const out = h("p", { class: "goal-result", "data-testid": `${name}-goal`, "aria-live": "polite" });
  const help = h("p", { class: "help" });
  section.append(h("div", { class: "goal-box", "data-testid": `${name}-goal-box` }, target.el, help, out));
  const update = () => {
    help.textContent = t("goal.help");
    target.set();
    const typed = read(target.input);
    if (typed.empty || typed.invalid) return replace(out);
    const input = calculatorInput(ctx, calc);
    if (!input) return replace(out);
    try {
      const r = ctx.api[name]({ ...input, target: typed.value });
      replace(out, goalText(name, r.goal));
    } catch (error) {
      const p = error.params || {};
      replace(out, error.code === "targetOutOfRange" ? t("goal.error", { min: fmt.num(getLang(), p.min, 0), max: fmt.num(getLang(), p.max, 0) }) : "");
    }
  };
  return update;
}

function attachCac(ctx, calc) {
  const section = document.getElementById("clv");
  if (!section) return null;
  const spend = field("clv-spend", "cac.spend");
  const fresh = field("clv-new-customers", "cac.new");
  const keep = field("clv-keep-cost", "cac.keep");
  const title = h("h4");
  const out = h("div", { class: "goal-result", "data-testid": "clv-cac", "aria-live": "polite" });
  section.append(h("div", { class: "goal-box", "data-testid": "clv-cac-box" }, title, h("div", { class: "field-row" }, spend.el, fresh.el, keep.el), out));
  const update = () => {
    title.textContent = t("cac.title");
    [spend, fresh, keep].forEach((f) => f.set());
    const lang = getLang();
    const [s, n, k] = [spend, fresh, keep].map((f) => read(f.input));
    if (s.empty && n.empty) return replace(out);
    if (s.empty || n.empty || s.invalid || n.invalid) return replace(out, h("p", null, t("cac.missing")));
    const input = calculatorInput(ctx, calc);
    if (!input) return replace(out);
    const query = { ...input, marketingSpend: s.value, newCustomers: n.value };
    if (!k.empty && !k.invalid) query.retentionCost = k.value;
    try {
      const r = ctx.api.clv(query);
      const a = r.acquisition;
      const money = (v) => fmt.money(lang, v, "IDR");
      replace(
        out,
        h(
          "p",
          { "data-testid": "clv-cac-result" },
          t("cac.result", {
            cac: money(a.cac),
            ratio: a.ltvToCac === null ? "—" : fmt.num(lang, a.ltvToCac, 1),
            ok: a.meetsRule,
            payback: a.paybackMonths === null ? null : fmt.num(lang, a.paybackMonths, 1),
          }),
        ),
        r.keepVsWin && r.keepVsWin.ratio !== null
          ? h(
              "p",
              { "data-testid": "clv-keep-vs-win" },
              t("cac.keepVsWin", { cac: money(r.keepVsWin.acquisitionCost), keep: money(r.keepVsWin.retentionCost), ratio: fmt.num(lang, r.keepVsWin.ratio, 1), saving: money(r.keepVsWin.saving) }),
            )
          : null,
      );
    } catch (error) {
      replace(out, h("p", null, t(error.code === "noNewCustomers" || error.code === "notInteger" ? "cac.noNew" : "cac.missing")));
    }
  };
  return update;
}

/** Adds the goal fields and the CAC fields to the page's calculators (app.js, after they are built). */
export function attachGoals(ctx, calculators) {
  const updates = {};
  for (const name of Object.keys(METRIC)) updates[name] = attachGoal(ctx, calculators[name], name);
  updates.clv = attachCac(ctx, calculators.clv);
  for (const [name, update] of Object.entries(updates)) {
    if (!update) continue;
    let timer = null;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(update, DELAY_MS);
    };
    const section = document.getElementById(name);
    section.addEventListener("input", later);
    section.addEventListener("change", later);
  }
  onLangChange(() => Object.values(updates).forEach((u) => u && u()));
  Object.values(updates).forEach((u) => u && u());
}
