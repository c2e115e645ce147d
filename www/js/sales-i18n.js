// The strings of the "Analyse my sales" section (js/sales/), in Indonesian and
// English, kept by part in js/i18n/sales-{input,results}.{id,en}.js. Loaded by
// index.html before js/shell.js, so that the shared dictionary of i18n.js holds
// them when the page's static text is filled in. Segment labels and actions, rule
// conditions, lifecycle labels and rules and win-back offers are in
// js/calc/i18n/segments.*.js and lifecycle.*.js (shared with the widget; js/calc/words.js).

import { STRINGS } from "../i18n.js";
import inputId from "./i18n/sales-input.id.js";
import inputEn from "./i18n/sales-input.en.js";
import resultsId from "./i18n/sales-results.id.js";
import resultsEn from "./i18n/sales-results.en.js";
import scoresId from "./i18n/sales-scores.id.js";
import scoresEn from "./i18n/sales-scores.en.js";
import trendsId from "./i18n/sales-trends.id.js";
import trendsEn from "./i18n/sales-trends.en.js";

export const SALES_STRINGS = {
  id: { ...inputId, ...resultsId, ...scoresId, ...trendsId },
  en: { ...inputEn, ...resultsEn, ...scoresEn, ...trendsEn },
};

// Merged into the page's dictionary (missing keys only: the shared file wins).
for (const [lang, strings] of Object.entries(SALES_STRINGS)) {
  const table = STRINGS[lang];
  if (!table) continue;
  for (const [key, value] of Object.entries(strings)) if (!(key in table)) table[key] = value;
}
