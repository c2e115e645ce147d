// The data input of every calculator that reads pasted data (NPS, CES, CSAT, FCR):
// the paste box, which also opens a file or takes one dropped on it (read here by
// js/kit/files.js, never uploaded; a spreadsheet through js/workbook.js, with a sheet
// picker when several sheets hold data), a number/date format choice for ambiguous data, and a
// view of how the data was read: the decisions taken, and a preview of the first rows
// as parsed by parseTable, whose column headers let the user change each column's role.
// The role mapping lives in memory only. User text is only ever set as text.

import { h, s, replace } from "./dom.js";
import * as fmt from "./format.js";
import { applyStatic, getLang, t, table } from "./lang.js";
import { dropZone, fileSize, onFileChosen, readTextFile } from "./kit/files.js";
import { columnName, setStatus } from "./kit/view.js";
import { decisions, previewTable } from "./datainput-view.js";
import { ACCEPT, FILE_ERRORS, SPREADSHEET_FILE, UNREADABLE_FILE, readSpreadsheet, sheetPicker } from "./workbook.js";

/** Texts shorter than this are read at once (a few milliseconds); longer ones after a pause. */
const IMMEDIATE_CHARS = 20_000;
const DEBOUNCE_MS = 250;
const PREVIEW_ROWS = 20;
const MAX_FILE_BYTES = 15 * 1024 * 1024;

/**
 * Sets up the data input around the textarea `#<name>-text`.
 *   roles: the roles the calculator reads, offered in the column headers
 *          (["score"], or ["resolved", "contacts", "group"] for FCR);
 *   parseTable: the API function; groupSelect: FCR's "group by" <select>;
 *   onUpdate(): runs the calculator (called at once, or after a pause for big pastes).
 * Returns { read(text), render(data, outcome), clear(), cancelPending() }.
 */
export function createDataInput({ name, roles, parseTable, groupSelect = null, onUpdate }) {
  const textarea = document.getElementById(`${name}-text`);
  const field = textarea.closest(".field");
  const section = document.getElementById(name);

  // ------------------------------------------------------------ controls

  const fileInput = h("input", {
    type: "file",
    id: `${name}-file`,
    class: "file-input",
    accept: ACCEPT,
    "data-testid": `${name}-file`,
    "data-managed": "",
    "aria-describedby": `${name}-drop-help`,
  });
  const fileStatus = h("p", { class: "file-status", id: `${name}-file-status`, role: "status", "data-testid": `${name}-file-status` });
  const dropHint = h("span", { class: "drop-overlay", "aria-hidden": "true", "data-i18n": "data.dropHere" });
  const zone = h("div", { class: "dropzone", "data-testid": `${name}-dropzone` });
  textarea.replaceWith(zone);
  zone.append(
    textarea,
    dropHint,
    h(
      "div",
      { class: "dropzone-bar" },
      fileInput,
      h("label", { for: `${name}-file`, class: "file-button" },
        s("svg", { class: "file-icon", viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false" },
          s("path", { d: "M6 2h8l5 5v15H6z M14 2v5h5 M9 13h7 M9 17h7" }),
        ),
        h("span", { "data-i18n": "data.open" }),
      ),
      h("span", { class: "drop-help", id: `${name}-drop-help`, "data-i18n": "data.drop" }),
    ),
  );
  zone.after(fileStatus);
  // The sheet of a spreadsheet file: re-read when another one is picked.
  const picker = sheetPicker({ id: `${name}-sheet`, h, t, onChange: (sheet) => readSheet(sheet) });
  fileStatus.after(picker.element);

  const localeSelect = h(
    "select",
    { id: `${name}-locale`, "data-testid": `${name}-locale`, "data-managed": "", "aria-describedby": `${name}-locale-help` },
    h("option", { value: "auto", "data-i18n": "data.localeAuto" }),
    h("option", { value: "id", "data-i18n": "data.localeId" }),
    h("option", { value: "en", "data-i18n": "data.localeEn" }),
  );
  const localeField = h(
    "div",
    { class: "field locale-field" },
    h("label", { for: `${name}-locale`, "data-i18n": "data.locale" }),
    localeSelect,
    h("p", { class: "help", id: `${name}-locale-help`, "data-i18n": "data.localeHelp" }),
  );
  field.after(localeField);

  // The view follows the results in the page (on a phone: paste, result, then how it was
  // read); on a wide screen it sits under the inputs (style.css).
  const view = h("div", { class: "data-view", id: `${name}-data`, "data-testid": `${name}-data`, hidden: true });
  section.querySelector(".calc-body").append(view);
  const status = h("p", { class: "data-status", "data-testid": `${name}-data-status`, role: "status" });
  (groupSelect ? groupSelect.closest(".field") : localeField).after(status);
  if (groupSelect) groupSelect.dataset.managed = "";
  applyStatic(field.parentElement);

  // ------------------------------------------------------------ state (memory only)

  const state = {
    signature: null, // the column names of the current table: a new table resets the mapping
    overrides: {}, // role → column index chosen by the user
    removed: new Set(), // roles the user set to "(none)"
    groupOptions: null, // signature + language of the group select's options
    cache: null, // the last parseTable call: { text, key, parse }
    timer: null,
    workbook: null, // the spreadsheet file last opened: { file, params, book }
  };

  function schedule() {
    clearTimeout(state.timer);
    if (textarea.value.length < IMMEDIATE_CHARS) {
      state.timer = null;
      delete section.dataset.pending;
      onUpdate();
      return;
    }
    section.dataset.pending = "1";
    status.textContent = t("data.reading");
    state.timer = setTimeout(() => {
      state.timer = null;
      delete section.dataset.pending;
      onUpdate();
    }, DEBOUNCE_MS);
  }

  function cancelPending() {
    clearTimeout(state.timer);
    state.timer = null;
    delete section.dataset.pending;
  }

  textarea.dataset.managed = "";
  textarea.addEventListener("input", (event) => {
    // Typed or pasted over a spreadsheet's text: its sheet picker no longer applies.
    if (event.isTrusted && state.workbook) {
      state.workbook = null;
      picker.hide();
    }
    schedule();
  });
  localeSelect.addEventListener("change", () => onUpdate());
  if (groupSelect) groupSelect.addEventListener("change", () => onUpdate());

  // ------------------------------------------------------------ files

  /** Puts text read from a file into the box, as if typed (selects the text source, schedules). */
  function useText(text) {
    textarea.value = text;
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  /** Reads `sheet` (undefined: the first with data) of the spreadsheet last opened. */
  async function readSheet(sheet) {
    const current = state.workbook;
    if (!current) return;
    const { file, params } = current;
    setStatus(fileStatus, t("data.spreadsheetOpening", params));
    try {
      const book = await readSpreadsheet(file, sheet);
      if (state.workbook !== current) return; // another file was opened meanwhile
      current.book = book;
      picker.show(book);
      useText(book.text);
      fileStatus.textContent = t("data.sheetRead", { ...params, sheet: book.sheet, empty: book.rows === 0 });
    } catch (error) {
      if (state.workbook !== current) return;
      if (!FILE_ERRORS.has(error && error.code)) console.error(error);
      state.workbook = null;
      picker.hide();
      const key = FILE_ERRORS.has(error && error.code) ? `data.spreadsheetError.${error.code}` : "data.fileFailed";
      setStatus(fileStatus, t(key, params), true);
    }
  }

  async function takeFile(file) {
    const lang = getLang();
    const params = { name: file.name, size: fileSize(lang, file.size), max: fileSize(lang, MAX_FILE_BYTES) };
    state.workbook = null;
    picker.hide();
    if (file.size > MAX_FILE_BYTES) return setStatus(fileStatus, t("data.fileTooBig", params), true);
    if (SPREADSHEET_FILE.test(file.name)) {
      state.workbook = { file, params, book: null };
      await readSheet(undefined);
      return;
    }
    if (UNREADABLE_FILE.test(file.name)) return setStatus(fileStatus, t("data.fileNotText", params), true);
    // Pending while the file is read (the tests, and anything else that waits
    // for the page to settle, wait for its text to be in).
    fileStatus.dataset.pending = "1";
    try {
      const { text, latin } = await readTextFile(file);
      setStatus(fileStatus, t(latin ? "data.fileReadLatin" : "data.fileRead", params));
      useText(text);
    } catch (error) {
      if (error.code !== "fileNotText") console.error(error);
      setStatus(fileStatus, t(error.code === "fileNotText" ? "data.fileNotText" : "data.fileFailed", params), true);
    } finally {
      delete fileStatus.dataset.pending;
    }
  }

  onFileChosen(fileInput, takeFile);
  dropZone(zone, takeFile);

  // ------------------------------------------------------------ the role mapping

  /** The mapping given to parseTable: the user's choices (and FCR's group column). */
  function parseColumns() {
    const columns = { ...state.overrides };
    if (groupSelect && groupSelect.value !== "") columns.group = Number(groupSelect.value);
    return columns;
  }

  function parse(text, locale) {
    const columns = parseColumns();
    const key = JSON.stringify([locale, columns]);
    if (state.cache && state.cache.text === text && state.cache.key === key) return state.cache.parse;
    const result = parseTable({ text, locale, columns });
    state.cache = { text, key, parse: result };
    return result;
  }

  function resetMapping() {
    state.overrides = {};
    state.removed.clear();
    if (groupSelect) groupSelect.value = "";
  }

  function syncGroupOptions(parsed) {
    if (!groupSelect) return;
    const key = `${getLang()}\u0001${state.signature}`;
    if (state.groupOptions === key) return;
    state.groupOptions = key;
    const value = groupSelect.value;
    replace(
      groupSelect,
      h("option", { value: "" }, t("fcr.groupNone")),
      parsed.columns.map((c) => h("option", { value: String(c.index) }, columnName(c.name))),
    );
    groupSelect.value = parsed.columns.some((c) => String(c.index) === value) ? value : "";
  }

  /** A role the user removed and did not give to another column. */
  const isRemoved = (role) => state.removed.has(role) && state.overrides[role] === undefined;

  /**
   * Reads `text` with parseTable and says what the calculator gets:
   * { parse, locale, columns, groupBy, missing } or { error } (parseTable refused).
   */
  function read(text) {
    const locale = localeSelect.value;
    let parsed;
    try {
      parsed = parse(text, locale);
    } catch (error) {
      const mapped = Object.keys(parseColumns()).length > 0;
      if (!mapped || !["unknownColumn", "columnMappedTwice"].includes(error.code)) return { error };
      // The mapping no longer fits the data: forget it.
      resetMapping();
      try {
        parsed = parse(text, locale);
      } catch (again) {
        return { error: again };
      }
    }
    const signature = parsed.columns.map((c) => c.name).join("\u0001");
    if (signature !== state.signature) {
      const mapped = Object.keys(parseColumns()).length > 0 || state.removed.size > 0;
      state.signature = signature;
      if (mapped) {
        // Other columns than the ones mapped: start again from what is detected.
        resetMapping();
        parsed = parse(text, locale);
      }
    }
    syncGroupOptions(parsed);

    const columns = {};
    for (const role of roles) {
      if (role !== "group" && state.overrides[role] !== undefined) columns[role] = state.overrides[role];
    }
    // A role is available when chosen, or detected and not removed.
    const available = (role) =>
      state.overrides[role] !== undefined || (!state.removed.has(role) && parsed.columns.some((c) => c.role === role));
    let missing = null;
    if (roles.includes("score") && isRemoved("score")) missing = "data.pickScore";
    if (roles.includes("resolved") && state.removed.size && !available("resolved") && !available("contacts")) {
      missing = "data.pickTicket";
    }
    const data = { parse: parsed, locale, columns, missing };
    if (groupSelect && groupSelect.value !== "") data.groupBy = Number(groupSelect.value);
    return data;
  }

  /** The role each column shows in its header: the user's choice, else what was detected. */
  function shownRoles(parsed, outcome) {
    const shown = parsed.columns.map(() => null);
    const place = (role, index) => {
      if (index === undefined || index === null || index < 0 || index >= shown.length) return;
      if (shown[index] === null) shown[index] = role;
    };
    for (const role of roles) place(role, state.overrides[role]);
    for (const role of roles) {
      if (role === "group" || state.overrides[role] !== undefined || state.removed.has(role)) continue;
      if (role === "score") {
        // What the calculator read, which may differ from parseTable's guess
        // (it refuses to guess between several numeric columns).
        if (outcome.result && outcome.result.column) place(role, outcome.result.column.index);
        else if (!outcome.error || !["ambiguousScoreColumn", "noScoreColumn"].includes(outcome.error.code)) {
          place(role, parsed.columns.findIndex((c) => c.role === role));
        }
        continue;
      }
      place(role, parsed.columns.findIndex((c) => c.role === role));
    }
    if (groupSelect && groupSelect.value !== "") place("group", Number(groupSelect.value));
    return shown;
  }

  function setRole(index, role) {
    if (!state.lastParse) return;
    const before = shownRoles(state.lastParse, state.lastOutcome || {})[index];
    for (const [r, i] of Object.entries(state.overrides)) if (i === index) delete state.overrides[r];
    if (before && before !== role) {
      if (before === "group") groupSelect.value = "";
      else state.removed.add(before);
    }
    if (role === "group") {
      groupSelect.value = String(index);
    } else if (role) {
      state.overrides[role] = index;
      state.removed.delete(role);
    }
    onUpdate();
  }

  view.addEventListener("change", (event) => {
    const select = event.target.closest("select[data-col]");
    if (!select) return;
    setRole(Number(select.dataset.col), select.value || null);
  });

  // ------------------------------------------------------------ the view (js/datainput-view.js)

  function render(data, outcome) {
    cancelPending();
    const lang = getLang();
    const parsed = data.parse;
    state.lastOutcome = outcome;
    state.lastParse = parsed;
    if (!parsed) {
      clear();
      return;
    }
    const focused = view.contains(document.activeElement) ? document.activeElement.id : null;
    const shown = shownRoles(parsed, outcome);
    const { items, unsure } = decisions(parsed, lang);
    const used = shown
      .map((role, i) => (role ? t("data.roleAs", { column: columnName(parsed.columns[i].name), role: table("rolesShort")[role] || role }) : null))
      .filter(Boolean);

    // A removed role the calculator still reads (the API cannot be told "no column").
    let stillRead = null;
    const readColumn = outcome.result && outcome.result.column;
    // (Only after the user removed a role: a ticket export's replies column has no role to show.)
    if (readColumn && shown[readColumn.index] === null && state.removed.size) {
      stillRead = h("p", { class: "data-note" }, t("data.stillRead", { name: columnName(readColumn.name) }));
    }

    const rows = parsed.preview.slice(0, PREVIEW_ROWS);
    const captionText = t("data.previewCaption", {
      shown: fmt.int(lang, rows.length),
      shownN: rows.length,
      rows: fmt.int(lang, parsed.rows),
      rowsN: parsed.rows,
    });
    const preview = parsed.columns.length ? previewTable(name, roles, parsed, rows, shown, captionText, lang) : null;

    view.hidden = false;
    status.textContent = "";
    replace(
      view,
      h(
        "div",
        { class: "decisions", "data-testid": `${name}-decisions` },
        h("h3", null, t("data.decisionsTitle")),
        h("ul", null, items.map((item) => h("li", null, item))),
        unsure ? h("p", { class: "data-note" }, t("data.checkLocale")) : null,
        used.length ? h("p", { class: "data-used", "data-testid": `${name}-used-columns` }, t("data.read", { columns: used.join(", ") })) : null,
        stillRead,
        h("p", { class: "help" }, t("data.rolesHelp")),
      ),
      preview,
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  function clear() {
    cancelPending();
    view.hidden = true;
    status.textContent = "";
    replace(view);
  }

  return { read, render, clear, cancelPending, schedule };
}
