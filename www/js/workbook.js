// Spreadsheet files (.xlsx, .xlsm, .xls, .ods) read in this browser: the small
// WebAssembly module www/xlsx/pkg (readWorkbook only, on calamine) is loaded the
// first time a spreadsheet is opened, never before, and turns one sheet into
// text that is then read exactly as a pasted or opened text file. The file is
// never uploaded. Used by the page (js/datainput.js) and the sales worker.
// DOM-free, so that the worker can import it too; the sheet picker is sheetPicker().

/** Files read with readWorkbook. */
export const SPREADSHEET_FILE = /\.(xlsx|xlsm|xls|ods)$/i;
/** Spreadsheet files we cannot read (Apple Numbers): refused with the advice to save as CSV. */
export const UNREADABLE_FILE = /\.numbers$/i;
/** The file picker's `accept`. */
export const ACCEPT = ".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods";
/** Error codes of readWorkbook that are about the file (the page says so in its file status). */
export const FILE_ERRORS = new Set(["invalidSpreadsheet", "passwordProtected", "tooLarge", "unknownSheet", "xlsxFailed"]);

let loading = null;
/** Fresh instances made so far: each gets its own import of the glue (and its own memory). */
let instances = 0;

/**
 * readWorkbook, loaded and initialised once (a failed load is tried again next time).
 * After a trap (a crafted file can still exhaust the module's memory) the next call
 * loads a fresh instance: the glue is imported again under another URL, since one
 * import holds one instance; the wasm file it fetches is the same.
 */
export function loadReader() {
  if (!loading) {
    const url = instances === 0 ? "../xlsx/pkg/customer_metrics.js" : `../xlsx/pkg/customer_metrics.js?instance=${instances}`;
    instances += 1;
    loading = import(url).then(async (module) => {
      await module.default();
      return module.readWorkbook;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/**
 * Reads one sheet of `file` (a File or Blob): { sheets, dataSheets, sheet, text, rows }.
 * `sheet`: a name, or undefined for the first sheet with data. Errors carry `code`
 * (readWorkbook's, or "xlsxFailed" when the module could not be loaded).
 */
export async function readSpreadsheet(file, sheet) {
  let read;
  try {
    read = await loadReader();
  } catch (error) {
    throw Object.assign(new Error(`the spreadsheet module could not be loaded: ${error && error.message}`), { code: "xlsxFailed" });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return read(bytes, sheet === undefined || sheet === null ? undefined : { sheet });
  } catch (error) {
    if (error && typeof error.code === "string") throw error;
    // A trap (RuntimeError: unreachable, out of memory): this instance is spent.
    loading = null;
    throw Object.assign(new Error(`the spreadsheet could not be read: ${error && error.message}`), { code: "invalidSpreadsheet" });
  }
}

/**
 * The sheet picker shown next to a file status: a labelled <select> of the sheet
 * names, shown when more than one sheet holds data. `h` is dom.js's builder, `t` the
 * translation function; `onChange(sheet)` runs when the user picks another sheet.
 * Returns { element, show(workbook), hide() }.
 */
export function sheetPicker({ id, h, t, onChange }) {
  const select = h("select", { id, "data-testid": id, "data-managed": "" });
  const label = h("label", { for: id, "data-i18n": "data.sheet" }, t("data.sheet"));
  const element = h("div", { class: "sheet-picker", "data-testid": `${id}-field`, hidden: true }, label, select);
  select.addEventListener("change", () => onChange(select.value));
  return {
    element,
    select,
    show(workbook) {
      if (!workbook || (workbook.dataSheets || []).length < 2) {
        element.hidden = true;
        return;
      }
      select.replaceChildren(...workbook.sheets.map((name) => h("option", { value: name }, name)));
      select.value = workbook.sheet;
      element.hidden = false;
    },
    hide() {
      element.hidden = true;
    },
  };
}
