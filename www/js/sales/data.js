// "How your data was read": rows used and skipped, the file, the layout and
// header, orders and revenue, the notices (doubts about the reading, each in the
// page language by its code), the statuses and the columns with their roles.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { skipReason } from "../../i18n.js";
import { dateText } from "../kit/dates.js";
import { columnName, noticeText as kitNoticeText, setStatus } from "../kit/view.js";
import { currencyOf, money, state } from "./state.js";
import { dataView, fileStatus } from "./skeleton.js";
import { columnsTable, statusBlock } from "./columns.js";

export function renderData(sm, onError) {
  const lang = getLang();
  const focused = dataView.contains(document.activeElement) ? document.activeElement.id : null;
  const skipped = sm.skipped || [];
  const skippedCount = sm.skippedCount ?? skipped.length;
  state.shownColumns = sm.columns || state.shownColumns;
  if (state.source?.kind === "file" && state.fileParams && !onError) {
    const book = state.sourceInfo?.workbook;
    setStatus(fileStatus, book ? t("sales.sheetUsed", { ...state.fileParams, sheet: book.sheet }) : t("sales.fileUsed", { ...state.fileParams, latin: state.sourceInfo?.latin }));
  }
  const columns = sm.columns || [];
  if (sm.headerRow !== undefined || !onError) state.shownHeaderRow = sm.headerRow;
  dataView.hidden = false;
  replace(
    dataView,
    h("h3", { class: "sales-data-title" }, t("sales.dataTitle")),
    h(
      "div",
      { class: "sales-data-grid" },
      h(
        "div",
        { class: "sales-read" },
        sm.used !== undefined
          ? h(
              "p",
              { class: "rows-summary", "data-testid": "sales-rows" },
              t("sales.rows", { used: fmt.int(lang, sm.used), usedN: sm.used, skipped: fmt.int(lang, skippedCount) }),
            )
          : null,
        sm.firstDate
          ? h(
              "p",
              { class: "sales-note", "data-testid": "sales-span" },
              t("sales.span", { customers: fmt.int(lang, sm.customers), from: dateText(lang, sm.firstDate), to: dateText(lang, sm.lastDate) }),
            )
          : null,
        onError ? null : readingBlock(sm),
        onError ? null : noticesBlock(sm),
        onError ? null : statusBlock(sm),
        skipped.length
          ? h(
              "details",
              { class: "skipped", open: skipped.length <= 5 || null },
              h("summary", null, `${t("sales.skippedTitle")} (${fmt.int(lang, skippedCount)})`),
              h(
                "ul",
                { "data-testid": "sales-skipped" },
                skipped.map((entry) =>
                  h(
                    "li",
                    { "data-row": entry.row, "data-code": entry.code, title: entry.reason || null },
                    `${t("sales.row", { row: fmt.int(lang, entry.row) })}: ${(table("skipSales")[entry.code] || (() => skipReason(lang, entry, {})))()}`,
                  ),
                ),
                skippedCount > skipped.length
                  ? h("li", { class: "more" }, t("sales.moreRows", { n: fmt.int(lang, skippedCount - skipped.length), nN: skippedCount - skipped.length }))
                  : null,
              ),
            )
          : null,
      ),
      columns.length ? columnsTable(columns) : null,
    ),
  );
  if (focused) document.getElementById(focused)?.focus();
}

/** Lines as people say them: "1", "1–2", "1, 3". */
function linesText(lang, lines) {
  if (!lines.length) return "";
  const contiguous = lines.every((l, i) => i === 0 || l === lines[i - 1] + 1);
  if (contiguous && lines.length > 1) return `${fmt.int(lang, lines[0])}–${fmt.int(lang, lines[lines.length - 1])}`;
  return lines.map((l) => fmt.int(lang, l)).join(", ");
}

/** "How your file was read": the layout, the header and title rows, orders and rows, guests, revenue and currency. */
function readingBlock(sm) {
  const sales = sm.sales;
  if (!sales && !sm.layout && !sm.currency) return null;
  const lang = getLang();
  const items = [];
  if (sm.layout) {
    items.push(["layout", t("sales.layout", { name: table("sales.layouts")[sm.layout] || sm.layoutName || sm.layout })]);
  }
  if (sm.headerRow === null) {
    items.push(["header", t("sales.noHeader")]);
  } else if (typeof sm.headerRow === "number") {
    // titleRows: the lines above the header that were not read (their count, or their lines).
    const above = Array.isArray(sm.titleRows)
      ? sm.titleRows.map((r) => (typeof r === "number" ? r : r.row)).filter(Number.isFinite)
      : [];
    const count = Array.isArray(sm.titleRows) ? sm.titleRows.length : Number(sm.titleRows) || 0;
    let titles = "";
    if (above.length) titles = linesText(lang, above);
    else if (count && count === sm.headerRow - 1) titles = linesText(lang, Array.from({ length: count }, (_, i) => i + 1));
    else if (count) titles = t("sales.titleCount", { n: fmt.int(lang, count), nN: count });
    if (titles || sm.headerRow > 1) {
      items.push(["header", t("sales.header", { titles, titlesOne: count === 1, row: fmt.int(lang, sm.headerRow) })]);
    }
  }
  if (sales) {
    const level = sales.lineItemRows ? table("sales.amountLevel")[sales.amountLevel] : "";
    items.push([
      "orders",
      t("sales.orders", {
        orders: fmt.int(lang, sales.orders),
        ordersN: sales.orders,
        lines: fmt.int(lang, sales.lines),
        linesN: sales.lines,
        extra: fmt.int(lang, sales.lineItemRows),
        extraN: sales.lineItemRows,
      }) + (level ? `; ${level}` : ""),
    ]);
    const guests = sales.guests;
    if (guests && (guests.orders || guests.rows)) {
      items.push(["guests", t("sales.guests", { orders: fmt.int(lang, guests.orders || guests.rows), ordersN: guests.orders || guests.rows, revenue: money(guests.revenue) })]);
    }
    const by = sm.currency ? table("sales.currencyBy")[sm.currency.decidedBy] || sm.currency.decidedBy : "";
    const code = currencyOf();
    items.push([
      "revenue",
      t("sales.revenue", { revenue: money(sales.revenue), currency: `${fmt.currencyName(lang, code)}, ${code}`, by }) +
        (sales.refunded ? `; ${t("sales.refunded", { amount: money(sales.refunded) })}` : ""),
    ]);
  }
  if (!items.length) return null;
  return titledList("sales-reading", t("sales.readTitle"), items.map(([kind, text]) => h("li", { "data-testid": `sales-read-${kind}`, "data-read": kind }, text)));
}

// The notices' tones: how much a doubt matters (a word says it too, not only the colour).
const NOTICE_TONES = {
  customerLooksLikeOrderId: "bad",
  customerLooksLikeDate: "bad",
  customerSameAsColumn: "bad",
  manyOrdersPerCustomer: "warn",
  dominantCustomer: "warn",
  unknownStatus: "warn",
  rfmQuintileForCurrency: "info",
  rfmQuintileForSpending: "info",
  guestSales: "info",
  multiLineOrders: "info",
};

/** A notice in the page's language, from its code and params (never from its English sentence). */
function noticeText(notice) {
  const lang = getLang();
  return kitNoticeText(notice, table("sales.notices"), (k, v) => {
    const isMoney = /revenue|amount|spend/i.test(k) || (notice.code === "rfmQuintileForSpending" && k === "median");
    if (typeof v === "number") return /percent|share/i.test(k) ? fmt.pct(lang, v) : isMoney ? money(v) : fmt.num(lang, v, 1);
    return k === "column" ? columnName(String(v)) : v;
  });
}

/** A block of the data view: a title and a list. */
function titledList(testid, title, items) {
  return h("div", { class: testid, "data-testid": testid }, h("h4", null, title), h("ul", null, items));
}

function noticesBlock(sm) {
  const notices = sm.notices || [];
  if (!notices.length) return null;
  return titledList(
    "sales-notices",
    t("sales.noticesTitle"),
    notices.map((notice) => {
      const tone = NOTICE_TONES[notice.code] || "warn";
      const { text, english } = noticeText(notice);
      return h(
        "li",
        { class: `sales-notice tone-${tone}`, "data-code": notice.code, "data-tone": tone },
        h("strong", { class: "sales-notice-tone" }, `${t(`sales.tone.${tone}`)}: `),
        h("span", { lang: english && getLang() !== "en" ? "en" : null }, text),
      );
    }),
  );
}
