// The call list (analyzeLog's `scores.callList`): customers at medium or high
// churn risk, ranked by risk × value, with the last purchase, the usual gap,
// what changed and the suggested action (the lifecycle's win-back offer);
// a CSV download (js/calc/csv.js, which defuses formula-like names) and a
// plain-text summary for WhatsApp. Names are only ever set as text.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { dateText } from "../kit/dates.js";
import { dataTable, saveBlob } from "../kit/view.js";
import { csvDocument, csvNumber, csvSeparator, csvText } from "../calc/csv.js";
import { copyText } from "../calc/core.js";
import { currencySymbol, money, winBackOf, words } from "./state.js";
import { callBox } from "./scores-view.js";

const changeText = (c, key) => {
  const lang = getLang();
  return t(`sales.sc.ch.${key}`, {
    days: fmt.int(lang, c.daysSinceLastPurchase),
    gap: c.usualGapDays === null ? "" : t("sales.sc.everyDays", { n: fmt.num(lang, c.usualGapDays, 0) }),
    drop: c.frequencyDrop === null ? "" : fmt.pct(lang, c.frequencyDrop, 0),
    nps: c.nps === null ? "" : String(c.nps),
  });
};

const actionText = (key) => (key === "checkIn" ? t("sales.sc.checkIn") : words("winBack", winBackOf(key), "offer") || key);

/** Each entry as the words the table, the CSV and the text share. */
function entries(list) {
  const lang = getLang();
  return list.map((c) => ({
    c,
    risk: fmt.num(lang, c.churnRisk, 0),
    band: t(`sales.sc.band.${c.churnBand}`),
    last: dateText(lang, c.lastPurchase),
    gap: c.usualGapDays === null ? null : fmt.num(lang, c.usualGapDays, 0),
    changed: c.changes.map((k) => changeText(c, k)).join("; "),
    action: actionText(c.action),
  }));
}

function downloadCsv(list, status) {
  const lang = getLang();
  const sep = csvSeparator(lang);
  const lines = [table("sales.sc.csvHead").map((x) => csvText(x, sep)).join(sep)];
  for (const e of entries(list)) {
    const c = e.c;
    lines.push(
      [
        csvText(c.customer, sep),
        csvNumber(c.churnRisk, lang),
        csvText(e.band, sep),
        csvNumber(c.health, lang),
        csvNumber(c.value, lang),
        c.lastPurchase,
        csvNumber(c.daysSinceLastPurchase, lang),
        c.usualGapDays === null ? "" : csvNumber(c.usualGapDays, lang),
        csvText(e.changed, sep),
        csvText(e.action, sep),
      ].join(sep),
    );
  }
  const name = t("sales.sc.csvName");
  saveBlob(name, new Blob([csvDocument(lines)], { type: "text/csv;charset=utf-8" }));
  status.textContent = t("sales.sc.downloaded", { name, n: fmt.int(lang, list.length) });
}

/** The list as plain text for a chat: a heading, then one numbered line per customer. */
export function callListText(list, asOf) {
  const lang = getLang();
  return [
    t("sales.sc.textHead", { date: dateText(lang, asOf), n: fmt.int(lang, list.length) }),
    ...entries(list).map((e, i) =>
      t("sales.sc.textLine", {
        i: i + 1,
        name: e.c.customer,
        risk: e.risk,
        band: e.band.toLowerCase(),
        last: e.last,
        days: fmt.int(lang, e.c.daysSinceLastPurchase),
        gap: e.gap,
        changed: e.changed,
        action: e.action,
      }),
    ),
  ].join("\n");
}

export function renderCallList(sc) {
  const lang = getLang();
  const list = sc.callList;
  if (!list.length) {
    replace(callBox, h("h4", null, t("sales.sc.callTitle")), h("p", { class: "sales-note", "data-testid": "sales-call-none" }, t("sales.sc.callNone")));
    return;
  }
  const status = h("p", { class: "sales-note", role: "status", "data-testid": "sales-call-status" });
  const csvButton = h("button", { type: "button", class: "sales-button", "data-testid": "sales-call-csv" }, t("sales.sc.csv"));
  csvButton.addEventListener("click", () => downloadCsv(list, status));
  const copyButton = h("button", { type: "button", class: "sales-button", "data-testid": "sales-call-copy" }, t("sales.sc.copy"));
  copyButton.addEventListener("click", async () => {
    const ok = await copyText({ root: document }, callListText(list, sc.asOf));
    status.textContent = t(ok ? "sales.sc.copied" : "sales.sc.copyFailed");
  });
  replace(
    callBox,
    h("h4", { id: "sales-call-title" }, t("sales.sc.callTitle")),
    h("p", { class: "sales-note" }, t("sales.sc.callIntro", { total: fmt.int(lang, sc.callListTotal), shown: list.length })),
    dataTable({
      cls: "sales-call-table",
      testid: "sales-call-table",
      caption: t("sales.sc.callTitle"),
      heads: [
        [t("sales.sc.th.customer")],
        [t("sales.sc.th.risk"), true],
        [t("sales.sc.th.value", { cur: currencySymbol() }), true],
        [t("sales.sc.th.last")],
        [t("sales.sc.th.gap"), true],
        [t("sales.sc.th.changed")],
        [t("sales.sc.th.action")],
      ],
      rows: entries(list).map((e) =>
        h(
          "tr",
          { "data-band": e.c.churnBand },
          h("td", { class: "customer-name" }, e.c.customer),
          h("td", { class: "num" }, `${e.risk} · ${e.band}`),
          h("td", { class: "num" }, money(e.c.value)),
          h("td", null, `${e.last} (${t("sales.sc.daysAgo", { n: fmt.int(lang, e.c.daysSinceLastPurchase) })})`),
          h("td", { class: "num" }, e.gap === null ? t("sales.sc.noGap") : t("sales.sc.everyDays", { n: e.gap })),
          h("td", null, e.changed),
          h("td", null, e.action),
        ),
      ),
    }),
    h("div", { class: "sales-actions" }, csvButton, copyButton),
    status,
  );
}
