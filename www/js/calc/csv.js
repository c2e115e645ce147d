// The one CSV writer of the page, the widget and the sales worker (every
// download: core.js's tableCsv for the calculators' tables and the widget, and
// worker.js for the sales and prediction customer tables). It lives in js/calc/
// because the widget copies that folder (scripts/widget.mjs).
//
// CSV injection (OWASP, "CSV Injection"): a text cell starting with =, +, -, @,
// a tab or a carriage return gets a leading ' (Excel, LibreOffice and Google
// Sheets then show it as text, not as a formula), and a cell holding the
// separator, a quote or a line break is quoted (quotes doubled).
// Numbers are not text: a number the page itself writes (csvNumber, or
// csvQuote of a number it formatted, e.g. the minus sign of a refund "-12,25")
// stays a number a spreadsheet can sum. Only values that came from the data or
// from words (a customer, a group, a label) go through csvText.

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
