// The skeleton of "Predict": the options form, progress, and the result blocks,
// built once at import and put into #predict-app.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { block, mountSection, subnavOf } from "../kit/view.js";
import { horizonMonths, monthlyDiscountRate } from "../kit/defaults.js";
import { moduleReady } from "../kit/module.js";
import { createTable } from "../sales-table.js";
import { salesLog } from "../sales.js";
import { app, hor, money, section, state } from "./state.js";
import { downloadCsv } from "./csv.js";

// The DOM below shows the module's defaults (js/kit/defaults.js): built once it has started.
await moduleReady;

export function field(id, labelKey, control, helpId) {
  return h(
    "div",
    { class: "field", id: `${id}-field` },
    h("label", { for: id, "data-i18n": labelKey }),
    control,
    helpId ? h("p", { class: "help", id: helpId }) : null,
  );
}

export const unitRadios = h(
  "fieldset",
  { class: "source-switch" },
  h("legend", { "data-i18n": "predict.unit" }),
  h(
    "div",
    { class: "segmented" },
    ["weeks", "days"].map((v) => [
      h("input", { type: "radio", name: "predict-unit", id: `predict-unit-${v}`, "data-testid": `predict-unit-${v}`, value: v, checked: v === "weeks" || null, "data-option": "" }),
      h("label", { for: `predict-unit-${v}`, "data-i18n": `predict.unit.${v}` }),
    ]),
  ),
);
export const calInput = h("input", { type: "date", id: "predict-calibration-end", "data-testid": "predict-calibration-end", "data-option": "", "aria-describedby": "predict-calibration-help" });
export const holdInput = h("input", { type: "date", id: "predict-holdout-end", "data-testid": "predict-holdout-end", "data-option": "", "aria-describedby": "predict-holdout-help" });
export const horizonInput = h("input", {
  type: "text",
  id: "predict-horizon",
  "data-testid": "predict-horizon",
  inputmode: "numeric",
  autocomplete: "off",
  value: String(horizonMonths()),
  "data-option": "",
  "aria-describedby": "predict-horizon-help",
});
export const discountInput = h("input", {
  type: "text",
  id: "predict-discount",
  "data-testid": "predict-discount",
  inputmode: "decimal",
  autocomplete: "off",
  value: String(monthlyDiscountRate() * 100),
  "data-option": "",
  "aria-describedby": "predict-discount-help",
});
export const suggestButton = h("button", { type: "button", class: "sales-button", id: "predict-suggest", "data-testid": "predict-suggest", "data-i18n": "predict.suggest", "aria-describedby": "predict-suggest-help" });
export const optionsError = h("p", { class: "sales-field-error", id: "predict-options-error", "data-testid": "predict-options-error", role: "alert" });
export const runButton = h("button", { type: "submit", class: "predict-run", id: "predict-run", "data-testid": "predict-run", "data-i18n": "predict.run", disabled: true });

export const sourceNote = h("p", { class: "sales-note predict-source", "data-testid": "predict-source" });
export const form = h(
  "form",
  { class: "sales-options predict-options", "data-testid": "predict-options", novalidate: true, "aria-labelledby": "predict-options-title" },
  h("h3", { class: "predict-options-title", id: "predict-options-title", "data-i18n": "predict.options" }),
  unitRadios,
  h(
    "div",
    { class: "field-row" },
    field("predict-calibration-end", "predict.calibrationEnd", calInput, "predict-calibration-help"),
    field("predict-holdout-end", "predict.holdoutEnd", holdInput, "predict-holdout-help"),
  ),
  h("div", { class: "predict-suggest" }, suggestButton, h("p", { class: "help", id: "predict-suggest-help" })),
  h(
    "div",
    { class: "field-row" },
    field("predict-horizon", "predict.horizon", horizonInput, "predict-horizon-help"),
    field("predict-discount", "predict.discount", discountInput, "predict-discount-help"),
  ),
  optionsError,
  h("div", { class: "predict-actions" }, runButton),
);

export const progressText = h("span", { id: "predict-progress-text" });
export const progressBar = h(
  "div",
  { class: "sales-bar is-indeterminate", role: "progressbar", "aria-labelledby": "predict-progress-text", "aria-valuemin": "0", "aria-valuemax": "100", "data-testid": "predict-progress-bar" },
  h("div", { class: "sales-bar-fill" }),
);
export const progress = h(
  "div",
  { class: "sales-progress", "data-testid": "predict-progress", hidden: true },
  h("p", { class: "sales-progress-head", role: "status" }, progressText),
  progressBar,
);
export const doneStatus = h("p", { class: "sales-done", "data-testid": "predict-done", role: "status" });
export const errorBox = h("div", { class: "error", id: "predict-error", "data-testid": "predict-error", role: "alert" });

export const summaryLine = h("p", { class: "sales-summary", id: "predict-summary", "data-testid": "predict-summary", "aria-live": "polite", "aria-atomic": "true" });
export const totalsBox = h("div", { class: "predict-totals" });
export const warningsBox = h("div", { class: "predict-warnings", "data-testid": "predict-warnings" });
export const compareBox = h("div", { class: "sales-result", "data-testid": "predict-compare" });
export const modelBox = h("div", { class: "sales-result", "data-testid": "predict-model" });
export const aliveBox = h("div", { class: "sales-chart-box" });
export const holdoutBox = h("div", { class: "sales-result", "data-testid": "predict-holdout" });
export const diagnosticsBox = h("div", { class: "sales-result", "data-testid": "predict-diagnostics" });
export const custIntro = h("p", { class: "sales-note", "data-testid": "predict-cust-intro" });


/** "low – high" of an interval, or — without one. */
const range = (low, high, f) => (Number.isFinite(low) && Number.isFinite(high) ? `${f(low)} – ${f(high)}` : "—");

export const customersTable = createTable({
  id: "predict-customers",
  sort: { key: "clv", dir: "desc" },
  caption: () => t("predict.custCaption"),
  columns: [
    { key: "customer", label: () => t("predict.c.customer"), cell: (r) => r.customer, cls: "cust-name" },
    { key: "rank", label: () => t("predict.c.rank"), numeric: true, cell: (r) => fmt.int(getLang(), r.rank), cls: "predict-rank" },
    { key: "pAlive", label: () => t("predict.c.pAlive"), numeric: true, cell: (r) => fmt.pct(getLang(), r.pAlive * 100, 1) },
    { key: "frequency", label: () => t("predict.c.frequency"), numeric: true, cell: (r) => fmt.int(getLang(), r.frequency) },
    { key: "expectedPurchases", label: () => t("predict.c.expectedPurchases", { h: fmt.int(getLang(), hor()) }), numeric: true, cell: (r) => fmt.num(getLang(), r.expectedPurchases, 2, 2) },
    { key: "spendPerPurchase", label: () => t("predict.c.spendPerPurchase"), numeric: true, cell: (r) => money(getLang(), r.spendPerPurchase) },
    { key: "clv", label: () => t("predict.c.clv", { h: fmt.int(getLang(), hor()) }), numeric: true, cell: (r) => money(getLang(), r.clv), cls: "predict-clv" },
    // The 90 % intervals and the holdout (— where the result has none).
    { key: "epRange", label: () => t("predict.c.epRange"), numeric: true, sortable: false, cell: (r) => range(r.epLow, r.epHigh, (v) => fmt.num(getLang(), v, 2, 2)), cls: "predict-range" },
    { key: "clvRange", label: () => t("predict.c.clvRange"), numeric: true, sortable: false, cell: (r) => range(r.clvLow, r.clvHigh, (v) => money(getLang(), v)), cls: "predict-range" },
    { key: "holdout", label: () => t("predict.c.holdout"), numeric: true, sortable: false, cell: (r) => (Number.isFinite(r.hoActual) ? `${fmt.int(getLang(), r.hoActual)} / ${fmt.num(getLang(), r.hoPredicted, 1, 1)}` : "—") },
  ],
  filter: {
    label: () => t("predict.filter"),
    options: () => {
      const r = state.result;
      if (!r) return [{ value: "", label: t("predict.filter.all") }];
      const lang = getLang();
      return [
        { value: "", label: t("predict.filter.all") },
        { value: "likelyActive", label: t("predict.filter.active", { n: fmt.int(lang, r.likelyActive) }) },
        { value: "likelyGone", label: t("predict.filter.gone", { n: fmt.int(lang, r.totals.customers - r.likelyActive) }) },
      ];
    },
  },
  fetch: (query) => (state.result ? salesLog.query(query) : Promise.resolve(null)),
  download: { label: () => t("predict.download"), onClick: (status) => downloadCsv(status) },
});

export const subnav = subnavOf("predict", ["customers", "compare", "model", "alive", "holdout", "diagnostics"]);

export const results = h(
  "div",
  { class: "sales-results predict-results", id: "predict-results", "data-testid": "predict-results", hidden: true },
  summaryLine,
  totalsBox,
  warningsBox,
  subnav,
  block("predict-customers", "predict.custTitle", custIntro, customersTable.element),
  block("predict-compare", "predict.compareTitle", compareBox),
  block("predict-model", "predict.modelTitle", modelBox),
  block("predict-alive", "predict.aliveTitle", aliveBox),
  block("predict-holdout", "predict.holdoutTitle", holdoutBox),
  block("predict-diagnostics", "predict.diagTitle", diagnosticsBox),
);

if (app) {
  replace(
    app,
    sourceNote,
    h("p", { class: "predict-nodata-link" }, h("a", { href: "#sales", id: "predict-to-sales", "data-i18n": "predict.noDataLink" })),
    form,
    progress,
    doneStatus,
    errorBox,
    results,
  );
  mountSection(section, section, "#predict");
}
