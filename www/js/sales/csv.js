// The CSV downloads of the two customer tables: the worker writes the file from
// its data (worker.js, with the one CSV writer js/calc/csv.js, which defuses
// cells a spreadsheet would run as formulas); the page gives the words.

import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { csvSeparator } from "../calc/csv.js";
import { saveBlob } from "../kit/view.js";
import { ask, bi, currencySymbol, lifeOk, state } from "./state.js";

export async function downloadCsv(name, status) {
  const lang = getLang();
  const sep = csvSeparator(lang);
  const headers =
    name === "rfm"
      ? ["customer", "recency", "frequency", "monetary", "r", "f", "m", "segment", "action"].map((k) => t(`sales.csv.${k}`, { cur: currencySymbol() }))
      : ["customer", "stage", "last", "spend", "vip", "winBack", "offer"].map((k) => t(`sales.l.${k}`));
  const l = lifeOk() ? state.summary.lifecycle : null;
  const labels = l
    ? {
        stages: Object.fromEntries(l.stages.map((s) => [s.key, bi(s.label)])),
        winBack: Object.fromEntries(l.winBack.map((w) => [w.key, bi(w.label)])),
        offers: Object.fromEntries(l.winBack.map((w) => [w.key, bi(w.offer)])),
        yes: t("sales.yes"),
        no: t("sales.no"),
      }
    : null;
  const answer = await ask({ type: "csv", table: name, lang, sep, headers, labels });
  if (!answer || !answer.blob) return;
  const filename = t(name === "rfm" ? "sales.csvName" : "sales.csvNameLife");
  saveBlob(filename, answer.blob);
  status.textContent = t("sales.downloaded", { name: filename, n: fmt.int(lang, answer.lines) });
}
