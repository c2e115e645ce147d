// The skeleton of "Analyse my sales": every element of the section, built once
// at import and put into #sales-app. The other parts fill them (js/sales/*.js).

import { h, replace } from "../dom.js";
import { t } from "../lang.js";
import { activeDays } from "../kit/defaults.js";
import { moduleReady } from "../kit/module.js";
import { block, mountSection, subnavOf } from "../kit/view.js";
import { ACCEPT, sheetPicker } from "../workbook.js";
import { app, section, CURRENCIES } from "./state.js";
import { lifeTable, rfmTable } from "./tables.js";
import { cacBox, callBox, scoresExtra, scoresResult } from "./scores-view.js";
import { trendsBlock } from "./trends.js";
import { compareBlock } from "./compare.js";

// The DOM below shows the module's defaults (js/kit/defaults.js): built once it has started.
await moduleReady;

/** What the skeleton's own controls call (set by js/sales/input.js). */
export const events = { sheet: () => {} };

export function field(id, labelKey, control, helpKey, extra = {}) {
  return h(
    "div",
    { class: `field ${extra.cls || ""}`.trim(), id: `${id}-field`, hidden: extra.hidden || null },
    h("label", { for: id, "data-i18n": labelKey }),
    control,
    helpKey ? h("p", { class: "help", id: `${id}-help`, "data-i18n": helpKey }) : null,
  );
}

export const textInput = (id, attrs = {}) =>
  h("input", { type: "text", id, "data-testid": id, autocomplete: "off", inputmode: "decimal", "data-option": "", ...attrs });

export function radios(name, values, checked) {
  return h(
    "fieldset",
    { class: "source-switch" },
    h("legend", { "data-i18n": `sales.${name}` }),
    h(
      "div",
      { class: "segmented" },
      values.map((v) => [
        h("input", { type: "radio", name: `sales-${name}`, id: `sales-${name}-${v}`, "data-testid": `sales-${name}-${v}`, value: v, checked: v === checked || null, "data-option": "" }),
        h("label", { for: `sales-${name}-${v}`, "data-i18n": `sales.${name}.${v}` }),
      ]),
    ),
  );
}

export function thresholdsEditor() {
  const measures = ["recency", "frequency", "monetary"];
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "sales-thresholds", "data-testid": "sales-thresholds" },
      h("caption", { class: "visually-hidden", "data-i18n": "sales.thresholdsCaption" }),
      h(
        "thead",
        null,
        h("tr", null, h("th", { scope: "col", "data-i18n": "sales.th.measure" }), [5, 4, 3, 2].map((sc) => h("th", { scope: "col", class: "num", "data-score": sc }))),
      ),
      h(
        "tbody",
        null,
        measures.map((m) =>
          h(
            "tr",
            null,
            h("th", { scope: "row", "data-th-row": m }),
            [0, 1, 2, 3].map((i) =>
              h(
                "td",
                null,
                h(
                  "span",
                  { class: "th-op", "aria-hidden": "true" },
                  m === "recency" ? "≤" : i === 0 ? ">" : "≥",
                ),
                textInput(`sales-th-${m}-${i}`, { class: "th-input", inputmode: m === "monetary" ? "numeric" : "numeric", "data-measure": m, "data-edge": i }),
                h("label", { for: `sales-th-${m}-${i}`, class: "visually-hidden", "data-th-label": `${m}|${i}` }),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}


export const textarea = h("textarea", {
  id: "sales-text",
  "data-testid": "sales-text",
  rows: "7",
  spellcheck: "false",
  autocomplete: "off",
  "aria-describedby": "sales-text-help sales-drop-help",
});
export const fileInput = h("input", {
  type: "file",
  id: "sales-file",
  class: "file-input",
  accept: `${ACCEPT},text/csv,text/plain`,
  "data-testid": "sales-file",
  "aria-describedby": "sales-drop-help",
});
export const dropzone = h(
  "div",
  { class: "sales-dropzone", "data-testid": "sales-dropzone" },
  textarea,
  h("span", { class: "sales-drop-overlay", "aria-hidden": "true", "data-i18n": "sales.dropHere" }),
);
export const clearButton = h("button", { type: "button", class: "sales-button sales-clear", "data-testid": "sales-clear", "data-i18n": "sales.clear" });
export const fileStatus = h("p", { class: "file-status", id: "sales-file-status", role: "status", "data-testid": "sales-file-status" });
// A spreadsheet with several sheets holding data: which one is analysed (the worker reads it).
export const sheetSelect = sheetPicker({
  id: "sales-sheet",
  h,
  t,
  onChange: (sheet) => {
    events.sheet(sheet);
  },
});
export const localeSelect = h(
  "select",
  { id: "sales-locale", "data-testid": "sales-locale", "data-option": "" },
  h("option", { value: "auto", "data-i18n": "sales.localeAuto" }),
  h("option", { value: "id", "data-i18n": "sales.localeId" }),
  h("option", { value: "en", "data-i18n": "sales.localeEn" }),
);

export const currencySelect = h(
  "select",
  { id: "sales-currency", "data-testid": "sales-currency", "data-option": "" },
  h("option", { value: "" }),
  CURRENCIES.map((code) => h("option", { value: code, "data-currency": code })),
);

/** The currency choices in the language: "Otomatis (terdeteksi: Rp)", "Rp — Rupiah Indonesia (IDR)", … */

export const progressText = h("span", { id: "sales-progress-text" });
export const progressPct = h("span", { class: "sales-progress-pct", "aria-hidden": "true" });
export const progressFill = h("div", { class: "sales-bar-fill" });
export const progressBar = h(
  "div",
  { class: "sales-bar", role: "progressbar", "aria-labelledby": "sales-progress-text", "aria-valuemin": "0", "aria-valuemax": "100", "data-testid": "sales-progress-bar" },
  progressFill,
);
export const cancelButton = h("button", { type: "button", class: "sales-button sales-cancel", "data-testid": "sales-cancel", "data-i18n": "sales.cancel" });
export const progress = h(
  "div",
  { class: "sales-progress", "data-testid": "sales-progress", hidden: true },
  h("p", { class: "sales-progress-head", role: "status" }, progressText, " ", progressPct),
  progressBar,
  h("div", { class: "sales-progress-foot" }, h("span", { class: "help", "data-i18n": "sales.busyNote" }), cancelButton),
);
export const doneStatus = h("p", { class: "sales-done", "data-testid": "sales-done", role: "status" });
export const errorBox = h("div", { class: "error", id: "sales-error", "data-testid": "sales-error", role: "alert" });
export const hint = h("p", { class: "hint sales-hint", "data-testid": "sales-hint", "data-i18n": "sales.start" });
export const dataView = h("div", { class: "sales-data", "data-testid": "sales-data", hidden: true });

export const summaryLine = h("p", { class: "sales-summary", id: "sales-summary", "data-testid": "sales-summary", "aria-live": "polite", "aria-atomic": "true" });
export const overview = h("div", { class: "sales-overview", "data-testid": "sales-overview" });

export const segIntro = h("p", { class: "sales-note", "data-testid": "sales-seg-intro" });
export const asOfInput = h("input", { type: "date", id: "sales-asof", "data-testid": "sales-asof", "data-option": "", "aria-describedby": "sales-asof-help" });
export const thresholdsError = h("p", { class: "sales-field-error", id: "sales-thresholds-error", "data-testid": "sales-thresholds-error", role: "alert" });
export const thresholdsBox = h(
  "div",
  { class: "sales-thresholds-box" },
  h("h4", { "data-i18n": "sales.thresholdsTitle" }),
  thresholdsEditor(),
  h("p", { class: "help", id: "sales-thresholds-help", "data-testid": "sales-thresholds-help" }),
  thresholdsError,
  h("button", { type: "button", class: "sales-button", id: "sales-th-reset", "data-testid": "sales-th-reset", "data-i18n": "sales.thresholdsReset" }),
);
export const segError = h("div", { class: "error", "data-testid": "sales-seg-error", role: "alert" });
export const segChartBox = h("div", { class: "sales-chart-box" });
export const rulesBox = h("div", { class: "sales-rules" });

/** An options form: a row of fields, then the rest. */
const optionsForm = (testid, row, ...rest) =>
  h("form", { class: "sales-options", "data-testid": testid, novalidate: true }, h("div", { class: "field-row" }, ...row), ...rest);

const dateInput = (id, help) => h("input", { type: "date", id, "data-testid": id, "data-option": "", "aria-describedby": help });

export const retOptions = optionsForm(
  "sales-ret-options",
  [
    field("sales-period-start", "sales.periodStart", dateInput("sales-period-start", "sales-period-help")),
    field("sales-period-end", "sales.periodEnd", dateInput("sales-period-end", "sales-period-help")),
  ],
  h("p", { class: "help", id: "sales-period-help", "data-i18n": "sales.periodHelp" }),
  radios("mode", ["periodOverPeriod", "activeBase"], "periodOverPeriod"),
  field("sales-active-days", "sales.activeDays", textInput("sales-active-days", { inputmode: "numeric", "aria-describedby": "sales-active-days-help", placeholder: String(activeDays()) }), "sales.activeDaysHelp", { hidden: true }),
);
export const retResult = h("div", { class: "sales-result", "data-testid": "sales-retention" });

export const cohortResult = h("div", { class: "sales-result", "data-testid": "sales-cohorts" });
export const curveBox = h("div", { class: "sales-chart-box" });

export const clvOptions = optionsForm(
  "sales-clv-options",
  [
    field("sales-lifespan", "sales.lifespan", textInput("sales-lifespan", { "aria-describedby": "sales-lifespan-help" }), null),
    field("sales-margin", "sales.margin", textInput("sales-margin", { "aria-describedby": "sales-margin-help" }), "sales.marginHelp"),
  ],
  h("p", { class: "help", id: "sales-lifespan-help", "data-testid": "sales-lifespan-help" }),
);
export const clvResult = h("div", { class: "sales-result", "data-testid": "sales-clv" });
export const lifeResult = h("div", { class: "sales-result", "data-testid": "sales-lifecycle" });


export const subnav = subnavOf(
  "sales",
  ["trends", "compare", "segments", "customers", "retention", "cohorts", "clv", "lifecycle",
    "scores"],
  // The prediction has its own section right after this one (js/predict.js).
  h("li", null, h("a", { href: "#predict", class: "sales-subnav-predict", "data-i18n": "sales.nav.predict" })),
);

export const results = h(
  "div",
  { class: "sales-results", id: "sales-results", "data-testid": "sales-results", hidden: true },
  summaryLine,
  overview,
  subnav,
  trendsBlock,
  compareBlock,
  block(
    "sales-segments",
    "sales.segTitle",
    segIntro,
    optionsForm(
      "sales-rfm-options",
      [radios("method", ["fixed", "quintile"], "fixed"), field("sales-asof", "sales.asOf", asOfInput, null)],
      h("p", { class: "help", id: "sales-asof-help", "data-testid": "sales-asof-help" }),
      thresholdsBox,
    ),
    segError,
    segChartBox,
    rulesBox,
  ),
  block("sales-customers", "sales.custTitle", rfmTable.element),
  block("sales-retention", "sales.retTitle", retOptions, retResult),
  block("sales-cohorts", "sales.cohortTitle", h("p", { class: "sales-note", "data-i18n": "sales.cohortIntro" }), cohortResult, curveBox),
  block("sales-clv", "sales.clvTitle", clvOptions, clvResult),
  block("sales-lifecycle", "sales.lifeTitle", lifeResult, h("h4", { "data-i18n": "sales.lifeTableTitle", id: "sales-life-title" }), lifeTable.element),
  block("sales-scores", "sales.scoresTitle", scoresResult, callBox, scoresExtra, cacBox),
);

replace(
  app,
  h(
    "div",
    { class: "sales-input" },
    h(
      "div",
      { class: "field sales-text-field" },
      h("label", { for: "sales-text", "data-i18n": "sales.text" }),
      h("p", { class: "help", id: "sales-text-help", "data-i18n": "sales.textHelp" }),
      dropzone,
      h(
        "div",
        { class: "sales-dropbar" },
        fileInput,
        h("label", { for: "sales-file", class: "file-button" }, h("span", { "data-i18n": "sales.open" })),
        h("span", { class: "drop-help", id: "sales-drop-help", "data-i18n": "sales.drop" }),
        clearButton,
      ),
      fileStatus,
      sheetSelect.element,
    ),
    h(
      "div",
      { class: "sales-side" },
      h("div", { class: "field-row sales-read-options" }, field("sales-locale", "sales.locale", localeSelect, null), field("sales-currency", "sales.currency", currencySelect, null)),
      hint,
      progress,
      doneStatus,
      errorBox,
    ),
  ),
  dataView,
  results,
);
mountSection(section, app, "#sales");
