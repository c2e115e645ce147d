// The CSV downloads of the two customer tables: the worker writes the file from
// its data (worker.js, with the one CSV writer js/calc/csv.js, which defuses
// cells a spreadsheet would run as formulas); the page gives the words.

import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { csvSeparator } from "../calc/csv.js";
import { saveBlob } from "../kit/view.js";
import { ask, currencySymbol, lifeOk, rfmOk, state, words } from "./state.js";

export async function downloadCsv(name, status) {
  const lang = getLang();
  const sep = csvSeparator(lang);
  const headers =
    name === "rfm"
      ? ["customer", "recency", "frequency", "monetary", "r", "f", "m", "segment", "action"].map((k) => t(`sales.csv.${k}`, { cur: currencySymbol() }))
      : ["customer", "stage", "last", "spend", "vip", "winBack", "offer"].map((k) => t(`sales.l.${k}`));
  // The words of segments, stages and win-back steps in the page language (js/sales/state.js words()).
  const byKey = (list, kind, field) => Object.fromEntries(list.map((item) => [item.key, words(kind, item, field)]));
  const l = lifeOk() ? state.summary.lifecycle : null;
  const segments = rfmOk() ? state.summary.rfm.segments : null;
  const labels =
    name === "rfm"
      ? segments && { segments: byKey(segments, "segment", "label"), actions: byKey(segments, "segment", "action") }
      : l && {
          stages: byKey(l.stages, "stage", "label"),
          winBack: byKey(l.winBack, "winBack", "label"),
          offers: byKey(l.winBack, "winBack", "offer"),
          yes: t("sales.yes"),
          no: t("sales.no"),
        };
  const answer = await ask({ type: "csv", table: name, lang, sep, headers, labels });
  if (!answer || !answer.blob) return;
  const filename = t(name === "rfm" ? "sales.csvName" : "sales.csvNameLife");
  saveBlob(filename, answer.blob);
  status.textContent = t("sales.downloaded", { name: filename, n: fmt.int(lang, answer.lines) });
}
