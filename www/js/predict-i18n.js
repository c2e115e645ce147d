// The strings of the "Prediksi CLV" (Predict) part (js/predict/), in Indonesian
// and English (js/i18n/predict.{id,en}.js), merged into the page's dictionary like
// js/sales-i18n.js.

import { STRINGS } from "../i18n.js";
import predictId from "./i18n/predict.id.js";
import predictEn from "./i18n/predict.en.js";

export const PREDICT_STRINGS = { id: predictId, en: predictEn };

// Merged into the page's dictionary (missing keys only: the shared file wins).
for (const [lang, strings] of Object.entries(PREDICT_STRINGS)) {
  const table = STRINGS[lang];
  if (!table) continue;
  for (const [key, value] of Object.entries(strings)) if (!(key in table)) table[key] = value;
}
