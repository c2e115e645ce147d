// A customer table of the sales analysis: search, a filter, sorting by any column
// and paging. The rows live in the worker (www/worker.js), which searches, sorts
// and sends one page at a time, so that 100,000 customers never reach the DOM (or
// the main thread) at once. Names and all other data are set as text only.

import { h, replace } from "./dom.js";
import * as fmt from "./format.js";
import { getLang, t } from "./lang.js";

export const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 200;

/**
 * id: prefix of ids and test ids; columns: [{ key, label: () => text, numeric?,
 * sortable? (default true), cell: (row, lang) => text or node, cls? }];
 * sort: { key, dir } at first; filter: { label: () => text, options: () => [{ value, label }
 * or { group, options }] } or null; fetch(query) → Promise<{ rows, total, all, page, pages } | null>;
 * download: { label: () => text, onClick() } or null; caption: () => text.
 */
export function createTable({ id, columns, sort, filter, fetch, download, caption }) {
  const state = { search: "", filter: "", sort: sort.key, dir: sort.dir, page: 1, token: 0, last: null };

  const search = h("input", {
    type: "search",
    id: `${id}-search`,
    "data-testid": `${id}-search`,
    autocomplete: "off",
    spellcheck: "false",
    enterkeyhint: "search",
  });
  const searchLabel = h("label", { for: `${id}-search` });
  const filterSelect = filter ? h("select", { id: `${id}-filter`, "data-testid": `${id}-filter` }) : null;
  const filterLabel = filter ? h("label", { for: `${id}-filter` }) : null;
  const downloadButton = download
    ? h("button", { type: "button", class: "sales-button", id: `${id}-download`, "data-testid": `${id}-download` })
    : null;
  const downloadStatus = download ? h("p", { class: "sales-note", role: "status", "data-testid": `${id}-download-status` }) : null;
  const status = h("p", { class: "sales-table-status", id: `${id}-status`, "aria-live": "polite", "data-testid": `${id}-status` });
  const captionEl = h("caption", { class: "visually-hidden", id: `${id}-caption` });
  const headRow = h("tr");
  const body = h("tbody");
  const table = h("table", { class: "sales-table", id: `${id}-table`, "data-testid": `${id}-table`, "aria-describedby": `${id}-status` }, captionEl, h("thead", null, headRow), body);
  const pageText = h("span", { class: "sales-page", "data-testid": `${id}-page` });
  const nav = (key, to) => {
    const b = h("button", { type: "button", class: "sales-button sales-page-button", "data-testid": `${id}-${key}`, "data-page": key });
    b.addEventListener("click", () => go(to()));
    return b;
  };
  const first = nav("first", () => 1);
  const prev = nav("prev", () => state.page - 1);
  const next = nav("next", () => state.page + 1);
  const last = nav("last", () => (state.last ? state.last.pages : 1));
  first.textContent = "«";
  last.textContent = "»";

  const element = h(
    "div",
    { class: "sales-table-box", "data-testid": id },
    h(
      "div",
      { class: "sales-toolbar" },
      h("div", { class: "field sales-search" }, searchLabel, search),
      filter ? h("div", { class: "field sales-filter" }, filterLabel, filterSelect) : null,
      downloadButton ? h("div", { class: "sales-download" }, downloadButton) : null,
    ),
    downloadStatus,
    status,
    h("div", { class: "table-wrap sales-table-wrap", role: "region", tabindex: "0", "aria-labelledby": `${id}-caption ${id}-status` }, table),
    h("div", { class: "sales-pager" }, first, prev, pageText, next, last),
  );

  // ------------------------------------------------------------ header

  const headButtons = new Map();
  function buildHead() {
    replace(
      headRow,
      columns.map((c) => {
        const th = h("th", { scope: "col", class: c.numeric ? "num" : null, "data-col": c.key });
        if (c.sortable === false) {
          th.textContent = c.label();
          return th;
        }
        const button = h("button", { type: "button", class: "sort-button", "data-sort": c.key },
          h("span", { class: "sort-label" }, c.label()),
          h("span", { class: "sort-mark", "aria-hidden": "true" }),
        );
        button.addEventListener("click", () => {
          if (state.sort === c.key) state.dir = state.dir === "asc" ? "desc" : "asc";
          else {
            state.sort = c.key;
            state.dir = c.numeric ? "desc" : "asc";
          }
          state.page = 1;
          markSort();
          refresh();
        });
        headButtons.set(c.key, { th, button });
        th.append(button);
        return th;
      }),
    );
    markSort();
  }

  function markSort() {
    for (const [key, { th, button }] of headButtons) {
      const on = key === state.sort;
      if (on) th.setAttribute("aria-sort", state.dir === "asc" ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
      button.querySelector(".sort-mark").textContent = on ? (state.dir === "asc" ? "▲" : "▼") : "↕";
      button.title = t("sales.sortBy", { col: button.querySelector(".sort-label").textContent });
    }
  }

  function buildFilter() {
    if (!filter) return;
    const value = filterSelect.value || state.filter;
    replace(
      filterSelect,
      filter.options().map((o) =>
        o.group
          ? h("optgroup", { label: o.group }, o.options.map((x) => h("option", { value: x.value }, x.label)))
          : h("option", { value: o.value }, o.label),
      ),
    );
    filterSelect.value = value;
    if (filterSelect.value !== value) filterSelect.value = "";
    state.filter = filterSelect.value;
  }

  function applyTexts() {
    searchLabel.textContent = t("sales.search");
    search.placeholder = t("sales.searchPlaceholder");
    if (filter) filterLabel.textContent = filter.label();
    if (downloadButton) downloadButton.textContent = download.label();
    captionEl.textContent = caption();
    prev.textContent = t("sales.prev");
    next.textContent = t("sales.next");
    first.setAttribute("aria-label", t("sales.pageOf", { page: 1, pages: state.last ? state.last.pages : 1 }));
    last.setAttribute("aria-label", t("sales.pageOf", { page: state.last ? state.last.pages : 1, pages: state.last ? state.last.pages : 1 }));
    buildHead();
    buildFilter();
  }

  // ------------------------------------------------------------ data

  async function refresh() {
    const token = ++state.token;
    element.setAttribute("aria-busy", "true");
    const lang = getLang();
    const result = await fetch({
      search: state.search,
      filter: state.filter,
      sort: state.sort,
      dir: state.dir,
      page: state.page,
      pageSize: PAGE_SIZE,
      lang,
    });
    if (token !== state.token) return;
    element.removeAttribute("aria-busy");
    if (!result) return;
    state.last = result;
    state.page = result.page;
    show(result, getLang());
  }

  function show(result, lang) {
    replace(
      body,
      result.rows.map((row) =>
        h(
          "tr",
          { "data-customer": row.customer },
          columns.map((c, i) => {
            const value = c.cell(row, lang);
            return i === 0
              ? h("th", { scope: "row", class: c.cls || null }, value)
              : h("td", { class: [c.numeric ? "num" : null, c.cls || null].filter(Boolean).join(" ") || null }, value);
          }),
        ),
      ),
    );
    const from = result.total ? (result.page - 1) * PAGE_SIZE + 1 : 0;
    const to = Math.min(result.total, result.page * PAGE_SIZE);
    status.textContent =
      t("sales.showing", { from: fmt.int(lang, from), to: fmt.int(lang, to), total: result.total, totalText: fmt.int(lang, result.total) }) +
      (result.total !== result.all && result.total ? t("sales.showingOf", { all: fmt.int(lang, result.all) }) : "");
    pageText.textContent = t("sales.pageOf", { page: fmt.int(lang, result.page), pages: fmt.int(lang, result.pages) });
    first.disabled = prev.disabled = result.page <= 1;
    next.disabled = last.disabled = result.page >= result.pages;
    first.setAttribute("aria-label", t("sales.pageOf", { page: 1, pages: fmt.int(lang, result.pages) }));
    last.setAttribute("aria-label", t("sales.pageOf", { page: fmt.int(lang, result.pages), pages: fmt.int(lang, result.pages) }));
  }

  function go(page) {
    state.page = Math.max(1, page);
    refresh();
  }

  let timer = null;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.search = search.value;
      state.page = 1;
      refresh();
    }, SEARCH_DELAY_MS);
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      clearTimeout(timer);
      state.search = search.value;
      state.page = 1;
      refresh();
    }
  });
  filterSelect?.addEventListener("change", () => {
    state.filter = filterSelect.value;
    state.page = 1;
    refresh();
  });
  downloadButton?.addEventListener("click", () => download.onClick(downloadStatus));

  applyTexts();

  return {
    element,
    refresh,
    /** New texts (language change or new labels); re-shows the rows in the language. */
    relabel() {
      applyTexts();
      if (downloadStatus) downloadStatus.textContent = "";
      return refresh();
    },
    /** A new analysis: back to the first page, keeping the search, filter and sort. */
    reset() {
      state.page = 1;
      buildFilter();
      return refresh();
    },
    /** New data: no search, no filter, the first page (the sort stays). */
    clearQuery() {
      clearTimeout(timer);
      search.value = "";
      state.search = "";
      state.filter = "";
      if (filterSelect) filterSelect.value = "";
      state.page = 1;
    },
    setFilter(value) {
      if (!filterSelect) return;
      filterSelect.value = value;
      state.filter = filterSelect.value;
      state.page = 1;
      refresh();
    },
    clear() {
      state.last = null;
      replace(body);
      status.textContent = "";
      pageText.textContent = "";
    },
  };
}
