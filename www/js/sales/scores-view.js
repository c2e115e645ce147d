// The DOM of the scores part of "Analyse my sales", built once at import (only
// dom.js, so that js/sales/skeleton.js can place it without an import cycle):
// the optional extra data (a pasted NPS survey, marketing spend per month) and
// the boxes js/sales/scores.js and calllist.js fill.

import { h } from "../dom.js";

const textArea = (id, help) =>
  h("textarea", { id, "data-testid": id, rows: "4", spellcheck: "false", autocomplete: "off", "data-option": "", "aria-describedby": help });

/** The form of the optional extra data: built once (js/sales/skeleton.js places it). */
export const surveyInput = textArea("sales-survey", "sales-survey-help");
export const spendInput = textArea("sales-spend", "sales-spend-help");
export const scoresExtra = h(
  "form",
  { class: "sales-options sales-scores-extra", "data-testid": "sales-scores-extra", novalidate: true },
  h("h4", { "data-i18n": "sales.sc.extraTitle" }),
  h("div", { class: "field" }, h("label", { for: "sales-survey", "data-i18n": "sales.sc.survey" }), surveyInput, h("p", { class: "help", id: "sales-survey-help", "data-i18n": "sales.sc.surveyHelp" })),
  h("p", { class: "help", "data-i18n": "sales.sc.engagementHelp" }),
  h("div", { class: "field" }, h("label", { for: "sales-spend", "data-i18n": "sales.sc.spend" }), spendInput, h("p", { class: "help", id: "sales-spend-help", "data-i18n": "sales.sc.spendHelp" })),
);
export const scoresResult = h("div", { class: "sales-result", "data-testid": "sales-scores-result" });
export const callBox = h("div", { class: "sales-result", "data-testid": "sales-calllist" });
export const cacBox = h("div", { class: "sales-result", "data-testid": "sales-cac" });

/** analyzeLog's options of this part (js/sales/options.js adds them). */
export function scoresOptions() {
  const options = {};
  if (surveyInput.value.trim()) options.surveyText = surveyInput.value;
  if (spendInput.value.trim()) options.marketingSpend = spendInput.value;
  return options;
}

