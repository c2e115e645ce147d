// The ranked customers as CSV: written in the worker from its data with the one
// CSV writer (js/calc/csv.js, which defuses cells a spreadsheet would run).

import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { csvSeparator } from "../calc/csv.js";
import { saveBlob } from "../kit/view.js";
import { salesLog } from "../sales.js";
import { currency, state, unitWord } from "./state.js";

export async function downloadCsv(status) {
  if (!state.result) return;
  const lang = getLang();
  const sep = csvSeparator(lang);
  const headers = t("predict.csv", { unit: unitWord(state.result.unit), h: fmt.int(lang, state.result.horizonMonths), cur: fmt.currencySymbol(lang, currency()) });
  const answer = await salesLog.csv({ lang, sep, headers });
  if (!answer || !answer.blob) return;
  const filename = t("predict.csvName");
  saveBlob(filename, answer.blob);
  status.textContent = t("sales.downloaded", { name: filename, n: fmt.int(lang, answer.lines) });
}
