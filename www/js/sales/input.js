// The input of "Analyse my sales": the text box (analysed after a pause), a file
// opened or dropped (read in the worker, never put in the box), clear and
// cancel, the options (at once, or after a pause when typed), and the column
// roles and status ticks of the data view.

import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { dropZone, fileSize, onFileChosen } from "../kit/files.js";
import { setStatus } from "../kit/view.js";
import { SPREADSHEET_FILE, UNREADABLE_FILE } from "../workbook.js";
import { $, MAX_FILE_BYTES, OPTION_DELAY_MS, TEXT_DELAY_MS, app, client, section, state } from "./state.js";
import {
  asOfInput,
  cancelButton,
  clearButton,
  currencySelect,
  dataView,
  doneStatus,
  dropzone,
  errorBox,
  events,
  fileInput,
  fileStatus,
  results,
  sheetSelect,
  textarea,
} from "./skeleton.js";
import { replace } from "../dom.js";
import { lifeTable, rfmTable } from "./tables.js";
import { fillThresholds, labelCurrencies, labelThresholds, syncModeField } from "./options.js";
import { clearAll, hideProgress, run } from "./run.js";
import { forgetMapping, mappingKey, saveMapping } from "./mapping.js";
import { notifyLog } from "./log.js";

events.sheet = (sheet) => {
  if (state.source?.kind === "file") newSource({ ...state.source, sheet });
};

/** A new log: options tied to the old data (period, as-of, mapping) start afresh. */
function newSource(source) {
  state.source = source;
  state.sourceSeq += 1;
  state.columns = null;
  state.statuses.clear();
  state.allColumns = false;
  state.saved = null;
  state.savedChecked = false;
  if (currencySelect.value && state.detectedSymbol) {
    state.detectedSymbol = ""; // not known for this log until it is read automatically
    labelCurrencies();
  }
  state.touched.clear();
  asOfInput.value = "";
  $("sales-period-start").value = "";
  $("sales-period-end").value = "";
  rfmTable.clearQuery();
  lifeTable.clearQuery();
  replace(errorBox);
  run({ fresh: true });
}

let textTimer = null;
textarea.addEventListener("input", () => {
  clearTimeout(textTimer);
  textTimer = setTimeout(() => {
    const text = textarea.value;
    if (text.trim() === "") {
      if (state.source?.kind === "text") clearAll();
      return;
    }
    setStatus(fileStatus, "");
    sheetSelect.hide();
    newSource({ kind: "text", text });
  }, TEXT_DELAY_MS);
});

function takeFile(file) {
  const lang = getLang();
  const params = { name: file.name, size: fileSize(lang, file.size), max: fileSize(lang, MAX_FILE_BYTES) };
  fileStatus.className = "file-status";
  // Only a spreadsheet is read whole: a large text file is streamed by the worker (js/stream-file.js).
  if (file.size > MAX_FILE_BYTES && SPREADSHEET_FILE.test(file.name)) return setStatus(fileStatus, t("sales.fileTooBig", params), true);
  if (UNREADABLE_FILE.test(file.name)) return setStatus(fileStatus, t("sales.fileNotText", params), true);
  clearTimeout(textTimer);
  textarea.value = ""; // the file is analysed as it is; a big one is never put in the box
  fileStatus.textContent = SPREADSHEET_FILE.test(file.name) ? t("data.spreadsheetOpening", params) : "";
  sheetSelect.hide();
  state.fileParams = params;
  newSource({ kind: "file", file });
}

onFileChosen(fileInput, takeFile);
dropZone(dropzone, takeFile);

clearButton.addEventListener("click", () => {
  textarea.value = "";
  clearAll();
  textarea.focus();
});
cancelButton.addEventListener("click", () => {
  if (!state.busy) return;
  client.restart();
  state.busy = null;
  state.queued = false;
  hideProgress();
  state.summary = null;
  results.hidden = true;
  dataView.hidden = true;
  section.dataset.state = "cancelled";
  doneStatus.textContent = t("sales.cancelled");
  notifyLog();
});

// Options: selects, radios and dates at once; typed numbers after a pause.
let optionTimer = null;
app.addEventListener("change", (event) => {
  const el = event.target;
  if (!el.matches("[data-option]")) return;
  if (el.id === "sales-period-start" || el.id === "sales-period-end") state.touched.add("period");
  if (el.name === "sales-method") {
    state.touched.add("method");
    labelThresholds();
  }
  if (el.name === "sales-mode") syncModeField();
  clearTimeout(optionTimer);
  run();
});
app.addEventListener("input", (event) => {
  const el = event.target;
  if (!el.matches("input[type=text][data-option]")) return;
  clearTimeout(optionTimer);
  optionTimer = setTimeout(run, OPTION_DELAY_MS);
});
for (const form of app.querySelectorAll("form")) form.addEventListener("submit", (event) => event.preventDefault());
$("sales-th-reset").addEventListener("click", () => {
  fillThresholds();
  run();
});

// Column roles: one role per column; a role moved to another column leaves the first.
dataView.addEventListener("change", (event) => {
  const box = event.target.closest("input[data-status-box]");
  if (box) {
    // A status ticked or unticked: counted or not from now on, whatever its default.
    const status = box.dataset.statusBox;
    state.statuses.set(status.toLocaleLowerCase(), { status, counted: box.checked });
    run();
    return;
  }
  const select = event.target.closest("select[data-col]");
  if (!select) return;
  const selects = [...dataView.querySelectorAll("select[data-col]")];
  const role = select.value;
  if (role) for (const other of selects) if (other !== select && other.value === role) other.value = "";
  const columns = {};
  for (const s of selects) if (s.value) columns[s.value] = Number(s.dataset.col);
  state.columns = columns;
  const key = mappingKey(state.shownColumns, state.shownHeaderRow);
  state.saved = key && saveMapping(key, state.shownColumns, columns) ? { key, state: "saved" } : null;
  run();
});
dataView.addEventListener("click", (event) => {
  if (event.target.closest("[data-toggle-columns]")) {
    state.allColumns = !state.allColumns;
    const button = event.target.closest("[data-toggle-columns]");
    const n = dataView.querySelectorAll("tr.is-other").length;
    for (const tr of dataView.querySelectorAll("tr.is-other")) tr.hidden = !state.allColumns;
    button.setAttribute("aria-expanded", String(state.allColumns));
    button.textContent = t(state.allColumns ? "sales.fewerColumns" : "sales.moreColumns", { n: fmt.int(getLang(), n), nN: n });
    return;
  }
  const forget = event.target.closest("[data-forget-columns]");
  const reset = event.target.closest("[data-reset-columns]");
  if (!forget && !reset) return;
  // Back to the detected roles; the mapping saved for this header row goes too.
  const key = state.saved?.key || mappingKey(state.shownColumns, state.shownHeaderRow);
  forgetMapping(key);
  state.saved = forget ? { key, state: "forgotten" } : null;
  state.columns = null;
  run();
});
