// Comparing two months (issue #14): pick A and B among the months of `trends`
// (defaults: the latest complete month and the one before; or the same month a
// year earlier), and every headline figure side by side with the change,
// coloured by direction and said in a word (better / worse / no change), never
// by colour alone. Computed here from two rows of the API's trends.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { block, dataTable } from "../kit/view.js";
import { money, state } from "./state.js";
import { periodLabel } from "./trends.js";

const selectA = h("select", { id: "sales-compare-a", "data-testid": "sales-compare-a" });
const selectB = h("select", { id: "sales-compare-b", "data-testid": "sales-compare-b" });
const yearBox = h("input", { type: "checkbox", id: "sales-compare-year", "data-testid": "sales-compare-year" });
export const compareResult = h("div", { class: "sales-result", "data-testid": "sales-compare-result", "aria-live": "polite" });
export const compareBlock = block(
  "sales-compare",
  "compare.title",
  h(
    "form",
    { class: "sales-options", "data-testid": "sales-compare-options", novalidate: true },
    h(
      "div",
      { class: "field-row" },
      h("div", { class: "field" }, h("label", { for: "sales-compare-a", "data-i18n": "compare.a" }), selectA),
      h("div", { class: "field" }, h("label", { for: "sales-compare-b", "data-i18n": "compare.b" }), selectB),
    ),
    h("div", { class: "field field-check" }, yearBox, h("label", { for: "sales-compare-year", "data-i18n": "compare.yearEarlier" })),
  ),
  compareResult,
);

/** The user's picks ({ a, b } period names), kept while the months still exist. */
const picked = { a: null, b: null, year: false, seq: -1 };

/**
 * The figures compared: key, how to read it (value of a period), how to write
 * it, whether up is better (+1), worse (−1) or neither (0), and whether the
 * change is in percentage points.
 */
const FIGURES = [
  { key: "revenue", value: (p) => p.revenue, write: (v) => money(v), up: 1 },
  { key: "orders", value: (p) => p.orders, write: (v, lang) => fmt.int(lang, v), up: 1 },
  { key: "aov", value: (p) => p.averageOrderValue, write: (v) => money(v), up: 1 },
  { key: "active", value: (p) => p.activeCustomers, write: (v, lang) => fmt.int(lang, v), up: 1 },
  { key: "new", value: (p) => p.newCustomers, write: (v, lang) => fmt.int(lang, v), up: 1 },
  { key: "returning", value: (p) => p.returningCustomers, write: (v, lang) => fmt.int(lang, v), up: 1 },
  { key: "crr", value: (p) => p.retentionRate, write: (v, lang) => fmt.pct(lang, v), up: 1, points: true },
  { key: "strict", value: (p) => p.strictRetentionRate, write: (v, lang) => fmt.pct(lang, v), up: 1, points: true },
  { key: "churn", value: (p) => p.churnRate, write: (v, lang) => fmt.pct(lang, v), up: -1, points: true },
  { key: "repeat", value: (p) => p.repeatPurchaseRate, write: (v, lang) => fmt.pct(lang, v), up: 1, points: true },
];

/** The period a year before `name` ("2025-06" → "2024-06"), if the data have it. */
function yearEarlier(periods, name) {
  const m = /^(\d{4})-(\d{2})$/.exec(name || "");
  if (!m) return null;
  const key = `${Number(m[1]) - 1}-${m[2]}`;
  return periods.find((p) => p.period === key) || null;
}

/** Defaults: A = the latest complete month, B = the one before (or a year earlier). */
function choose(periods, lastComplete) {
  const names = periods.map((p) => p.period);
  const a = names.includes(picked.a) ? picked.a : lastComplete || names[names.length - 1];
  let b = picked.b && names.includes(picked.b) ? picked.b : null;
  if (picked.year) b = yearEarlier(periods, a)?.period || null;
  if (!b) b = names[names.indexOf(a) - 1] || null;
  return { a, b };
}

function fill(select, periods, value, lang) {
  replace(
    select,
    periods.map((p) => h("option", { value: p.period, selected: p.period === value || null }, periodLabel(lang, p, true) + (p.complete ? "" : ` (${t("trends.incompleteShort")})`))),
  );
  select.value = value || "";
}

/** One figure's change from B to A: its text, and its direction ("better", "worse", "same", "neutral"). */
function change(f, a, b, lang) {
  const va = f.value(a);
  const vb = f.value(b);
  if (va === null || va === undefined || vb === null || vb === undefined) return { text: "—", dir: "none" };
  const diff = va - vb;
  const same = Math.abs(diff) < 1e-9;
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  let text;
  if (f.points) text = `${sign}${fmt.num(lang, Math.abs(diff), 1)} ${t("compare.points")}`;
  else {
    const abs = f.key === "revenue" || f.key === "aov" ? money(Math.abs(diff)) : fmt.int(lang, Math.abs(diff));
    text = `${sign}${abs}` + (vb !== 0 ? ` (${sign}${fmt.pct(lang, Math.abs(diff / vb) * 100)})` : "");
  }
  const dir = same ? "same" : f.up === 0 ? "neutral" : diff * f.up > 0 ? "better" : "worse";
  return { text, dir };
}

export function renderCompare() {
  const sm = state.summary;
  const lang = getLang();
  const tr = sm && sm.trends;
  if (!tr || tr.error || tr.periods.length < 2) {
    compareBlock.hidden = true;
    replace(compareResult);
    return;
  }
  // A new log: the defaults again.
  if (picked.seq !== state.sourceSeq) Object.assign(picked, { a: null, b: null, year: false, seq: state.sourceSeq });
  compareBlock.hidden = false;
  const periods = tr.periods;
  const { a, b } = choose(periods, tr.lastComplete);
  fill(selectA, periods, a, lang);
  fill(selectB, periods, b, lang);
  yearBox.checked = picked.year;
  yearBox.disabled = !yearEarlier(periods, a) && !picked.year;
  const pa = periods.find((p) => p.period === a);
  const pb = periods.find((p) => p.period === b);
  if (!pa || !pb) {
    replace(compareResult, h("p", { class: "sales-note" }, t("compare.none")));
    return;
  }
  const la = periodLabel(lang, pa, true);
  const lb = periodLabel(lang, pb, true);
  const rows = FIGURES.map((f) => {
    const c = change(f, pa, pb, lang);
    const write = (p) => {
      const v = f.value(p);
      return v === null || v === undefined ? "—" : f.write(v, lang);
    };
    return h(
      "tr",
      { "data-figure": f.key, "data-direction": c.dir },
      h("th", { scope: "row" }, t(`compare.fig.${f.key}`)),
      h("td", { class: "num" }, write(pa)),
      h("td", { class: "num" }, write(pb)),
      h("td", { class: "num" }, c.text),
      h("td", null, h("span", { class: `compare-dir dir-${c.dir}`, "data-testid": `compare-dir-${f.key}` }, t(`compare.dir.${c.dir}`))),
    );
  });
  const caption = t("compare.caption", { a: la, b: lb });
  const table = dataTable({
    cls: "compare-table",
    testid: "sales-compare-table",
    caption,
    heads: [[t("compare.figure")], [`A · ${la}`, true], [`B · ${lb}`, true], [t("compare.change"), true], [t("compare.direction")]],
    rows,
  });
  // A narrow screen scrolls the table: its box takes the keyboard focus to do so.
  Object.entries({ tabindex: "0", role: "region", "aria-label": caption }).forEach(([k, v]) => table.setAttribute(k, v));
  replace(
    compareResult,
    h("p", { class: "sales-note", "data-testid": "compare-what" }, t("compare.what", { a: la, b: lb })),
    !pa.complete || !pb.complete ? h("p", { class: "warning" }, t("compare.incomplete")) : null,
    table,
  );
}

selectA.addEventListener("change", () => {
  picked.a = selectA.value;
  renderCompare();
});
selectB.addEventListener("change", () => {
  picked.b = selectB.value;
  picked.year = false;
  renderCompare();
});
yearBox.addEventListener("change", () => {
  picked.year = yearBox.checked;
  if (!picked.year) picked.b = null;
  renderCompare();
});
