// CSV cells that a spreadsheet opens as data, never as a formula (CSV
// injection, OWASP): a text cell starting with =, +, -, @, a tab or a carriage
// return gets a leading ' (Excel, LibreOffice and Google Sheets then show it as
// text), and a cell holding the separator, a quote or a line break is quoted.
// Shared by every CSV the page and the widget write (core.js's tableCsv; the
// sales worker's csvText follows the same rule). Numbers written by the page
// itself (a minus sign of a refund) are not text cells and are left alone.

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
