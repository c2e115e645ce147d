// The one CSV writer of the page, the widget and the sales worker (every
// download: tableCsv and csvButton here for the calculators' tables and the
// widget's, js/worker-tables.js for the sales and prediction customer tables),
// and the one way a file is handed to the browser (saveFile). It lives in
// js/calc/ because the widget copies that folder (scripts/widget.mjs); nothing
// here touches the DOM at import (the worker imports it).
//
// CSV injection (OWASP, "CSV Injection"): a text cell starting with =, +, -, @,
// a tab or a carriage return gets a leading ' (Excel, LibreOffice and Google
// Sheets then show it as text, not as a formula), and a cell holding the
// separator, a quote or a line break is quoted (quotes doubled).
// Numbers are not text: a number the page itself writes (csvNumber, or
// csvQuote of a number it formatted, e.g. the minus sign of a refund "-12,25")
// stays a number a spreadsheet can sum. Only values that came from the data or
// from words (a customer, a group, a label) go through csvText.

import { h } from "../dom.js";
import * as fmt from "../format.js";

/** Does a spreadsheet read this text as the start of a formula? */
export const looksLikeFormula = (s) => /^[=+\-@\t\r]/.test(s);

/** One text cell: defused, then quoted when needed. */
export function csvText(value, sep) {
  let s = String(value ?? "");
  if (looksLikeFormula(s)) s = `'${s}`;
  return csvQuote(s, sep);
}

/** A cell quoted when it holds the separator, a quote or a line break (nothing else changed). */
export function csvQuote(s, sep) {
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number as spreadsheets of the language read it, at most 2 decimals: 1250000,5 (id) / 1250000.5 (en). */
export function csvNumber(n, lang) {
  const s = Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
  return lang === "id" ? s.replace(".", ",") : s;
}

/** The separator Excel expects in the language: ";" in Indonesian (decimal comma), "," in English. */
export const csvSeparator = (lang) => (lang === "id" ? ";" : ",");

/** A whole file from its lines (each already joined by the separator): a BOM for Excel, CRLF line ends. */
export const csvDocument = (lines) => "\uFEFF" + lines.join("\r\n") + "\r\n";

/**
 * A table's CSV as Excel reads it in the language (";" and decimal comma in
 * Indonesian), with a BOM: text cells (a group name, a customer) are defused,
 * numbers (a cell's data-value) written as numbers.
 */
export function tableCsv(ctx, table) {
  const sep = csvSeparator(ctx.lang);
  const cell = (el) => {
    const raw = el.dataset.value;
    if (raw !== undefined) return csvQuote(fmt.plain(ctx.lang, Number(raw)), sep);
    return csvText(el.textContent.replace(/[\u00a0\u202f]/g, " ").trim(), sep);
  };
  return csvDocument([...table.querySelectorAll("tr")].map((tr) => [...tr.children].map(cell).join(sep)));
}

/** Hands `blob` to the browser as a download named `name` (the link lives a moment in `root`: a document or a shadow root). */
export function saveFile(root, name, blob) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, hidden: true });
  (root.body || root).append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A button that downloads `table` as CSV, named by the string `fileKey`. */
export function csvButton(ctx, id, table, fileKey) {
  const button = h("button", { type: "button", class: "small-button csv-button", "data-testid": `${id}-csv` }, ctx.t("keep.csv"));
  button.addEventListener("click", () => saveFile(ctx.root, `${ctx.t(fileKey)}.csv`, new Blob([tableCsv(ctx, table)], { type: "text/csv;charset=utf-8" })));
  return button;
}
