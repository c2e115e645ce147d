// Small view pieces the page's sections share (the sales analysis, the
// prediction, the calculators' data input): a statistics list, a titled block,
// a chart's width, a saved file, a status line, an error in the page language,
// and the one function that turns a notice ({ code, message, params }) into text.
// User text is only ever set as text (dom.js).

import { h } from "../dom.js";
import { applyStatic, getLang, t } from "../lang.js";
import * as core from "../calc/core.js";
import { saveFile } from "../calc/csv.js";

/** A column's name as shown: the API's "column 3" (a file without a header row) in the page language. */
export const columnName = (name) => core.columnName({ t }, name);

/** A list of statistics: [label, value, testid?, help?] (null items are left out). */
export function stats(items, testid) {
  return h(
    "dl",
    { class: "stats sales-stats", "data-testid": testid || null },
    items.filter(Boolean).map(([label, value, id, help]) =>
      h("div", null, h("dt", null, label), h("dd", id ? { "data-testid": id } : null, value), help ? h("dd", { class: "stat-help" }, help) : null),
    ),
  );
}

/** A formula with its numbers: `label`, then each math line (null lines are left out). */
export function formula(testid, label, ...maths) {
  return h(
    "div",
    { class: "formula", "data-testid": testid },
    h("p", null, h("span", { class: "formula-label" }, label)),
    maths.map((m) => (m === null ? null : h("p", null, h("span", { class: "formula-math" }, m)))),
  );
}

/** A titled part of a section's results: <section id> with its <h3> (a data-i18n key). */
export function block(id, titleKey, ...content) {
  return h("section", { class: "sales-block", id, "aria-labelledby": `${id}-title`, "data-testid": id }, h("h3", { id: `${id}-title`, "data-i18n": titleKey }), ...content);
}

/** A section's links to its result blocks: #<prefix>-<key>, labelled by <prefix>.nav.<key>; `more` list items after them. */
export function subnavOf(prefix, keys, ...more) {
  return h(
    "nav",
    { class: "sales-subnav", "data-i18n-aria-label": `${prefix}.nav` },
    h("ul", null, keys.map((k) => h("li", null, h("a", { href: `#${prefix}-${k}`, "data-i18n": `${prefix}.nav.${k}` }))), ...more),
  );
}

/** The width to draw a chart in: the box's, else the first of `others` laid out, at least 300 px. */
export function chartWidth(el, ...others) {
  const w = [el, ...others].map((e) => e && e.clientWidth).find(Boolean) || 640;
  return Math.max(300, Math.floor(w));
}

/** Hands a blob to the browser as a download named `name` (js/calc/csv.js). */
export const saveBlob = (name, blob) => saveFile(document, name, blob);

/** A file status line: its text, marked as an error or not. */
export function setStatus(el, text, error = false) {
  el.textContent = text;
  el.className = error ? "file-status is-error" : "file-status";
}

/**
 * An API error in the page language, by its code: `errors[code](params)`, where
 * params are the field's name (from `fields`), the language, and `extra`; an
 * unknown code shows the API's English message.
 */
export function errorText(error, { errors, fields, extra = {} }) {
  const fn = errors[error.code];
  if (!fn) return error.message || errors.internal();
  return fn({ field: fields[error.field] || error.field || "", lang: getLang(), ...extra });
}

/**
 * A notice in the page language, from its code and params (never from its English
 * sentence): { text, english }. `texts[code](params)` says it; `param(key, value)`
 * formats one parameter (a number as the page writes it); each is also given raw
 * as `<key>N` (for plurals). Unknown codes show the API's message, marked English.
 */
export function noticeText(notice, texts, param) {
  const fn = texts[notice.code];
  const english = { text: notice.message || notice.code, english: true };
  if (!fn) return english;
  const p = {};
  for (const [k, v] of Object.entries(notice.params || {})) {
    p[k] = param(k, v);
    p[`${k}N`] = v;
  }
  try {
    return { text: fn(p), english: false };
  } catch {
    return english;
  }
}

/**
 * A captioned table in its scrolling wrapper: `heads` are [label, numeric?] column
 * heads, `rows` the body's rows (`bodyAttrs` its attributes).
 */
export function dataTable({ cls, testid, caption, heads, rows, bodyAttrs = null }) {
  return h(
    "div",
    // Focusable and named: a table wider than a phone scrolls, and the keyboard must reach it (axe: scrollable-region-focusable).
    { class: "table-wrap", tabindex: "0", role: "region", "aria-label": caption },
    h(
      "table",
      { class: `sales-table ${cls}`, "data-testid": testid },
      h("caption", { class: "visually-hidden" }, caption),
      h("thead", null, h("tr", null, heads.map(([label, numeric]) => h("th", { scope: "col", class: numeric ? "num" : null }, label)))),
      h("tbody", bodyAttrs, rows),
    ),
  );
}

/** Draws with `draw()`; a bug of the page is logged and shown as an "internal" error, and the page stays usable. */
export function drawSafely(draw, showError) {
  try {
    draw();
    return true;
  } catch (error) {
    console.error(error); // a bug of this page: say so, keep it usable
    showError({ code: "internal" });
    return false;
  }
}

/**
 * Calls `redraw()` when `el` changes width by 24 px or more (150 ms after the last
 * change) while `shown()` says there is something drawn: charts fit their box.
 */
export function redrawOnResize(el, shown, redraw) {
  let lastWidth = 0;
  let timer = null;
  new ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const w = el.clientWidth;
      if (!shown() || Math.abs(w - lastWidth) < 24) return;
      lastWidth = w;
      redraw();
    }, 150);
  }).observe(el);
}

/** A section's static texts filled in (and its link in the table of contents), its state "empty". */
export function mountSection(section, root, hash) {
  applyStatic(root);
  applyStatic(document.querySelector(`.toc a[href="${hash}"]`)?.parentElement || root);
  section.dataset.state = "empty";
}
