// "Analyse my sales" in the widget: a pasted or opened sales log (customer, date,
// amount; order id optional) → retention of the last whole month, repeat buyers,
// CLV, RFM segments, lifecycle stages and the top customers, from one analyzeLog
// call of the whole API (www/pkg). A short view: the page's section (js/sales.js,
// with its worker, cohorts and customer tables) is the full one. Runs on the main
// thread (a widget cannot start a worker from another origin), a pause after the
// last keystroke.

import { h } from "../dom.js";
import * as fmt from "../format.js";
import { dateText } from "../kit/dates.js";
import { words } from "./words.js";
import { badge, block, csvButton, figure, rowsBlock, stats, textField } from "./core.js";

const PAUSE_MS = 300;
const TOP = 10;

const ok = (part) => part && !part.error;

/** A table with a caption, a header row and rows of cells ([text, value?] for numbers). */
function dataTable(ctx, id, caption, cols, rows, fileKey) {
  const cell = (c, i) => {
    const [text, value] = Array.isArray(c) ? c : [c];
    return i === 0 ? h("th", { scope: "row" }, text) : h("td", value !== undefined ? { "data-value": value } : null, text);
  };
  const table = h(
    "table",
    { "data-testid": `sales-${id}` },
    h("caption", { class: "visually-hidden" }, caption),
    h("thead", null, h("tr", null, cols.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", null, rows.map((r) => h("tr", null, r.map(cell)))),
  );
  return block(caption, h("div", { class: "table-wrap" }, table), csvButton(ctx, `sales-${id}`, table, fileKey));
}

export default {
  skipKind: "sale",
  form: () => [textField("sales-text", "log.text", "log.textHelp", 7)],
  read(ctx) {
    const text = ctx.root.getElementById("sales-text").value;
    if (text.trim() === "") return { hint: "log.hint" };
    return { input: { text, locale: "auto" } };
  },
  run(api, input, ctx) {
    clearTimeout(ctx.logTimer);
    return new Promise((resolve, reject) => {
      ctx.logTimer = setTimeout(() => {
        try {
          resolve(api.analyzeLog(input));
        } catch (error) {
          reject(error);
        }
      }, PAUSE_MS);
    });
  },
  render(r, state, ctx) {
    const { lang, t } = ctx;
    // The currency the log was read in (a dollar shop's export), unless the
    // reader only fell back to its default: then the widget's own.
    const cur = r.currency && r.currency.decidedBy !== "default" ? r.currency.code : ctx.cur;
    const money = (n) => fmt.money(lang, n, cur);
    const pct = (n) => (n === null || n === undefined ? "—" : fmt.pct(lang, n));
    const ret = r.retention;
    const summary = ok(ret)
      ? [figure("sales", t("log.retention"), fmt.pct(lang, ret.retentionRate)), " ", badge(ctx, "sales", ret.band)]
      : figure("sales", t("log.customers"), fmt.int(lang, r.customers));
    const details = [
      rowsBlock(ctx, "sales", r, false, ""),
      stats([
        [t("log.customers"), fmt.int(lang, r.customers), "sales-customers"],
        [t("log.period"), `${dateText(lang, r.firstDate)} – ${dateText(lang, r.lastDate)}`],
        ok(ret) ? [t("log.month", { from: dateText(lang, ret.start), to: dateText(lang, ret.end) }), `S ${fmt.int(lang, ret.startCustomers)} · E ${fmt.int(lang, ret.endCustomers)} · N ${fmt.int(lang, ret.newCustomers)}`] : null,
        ok(r.repeat) ? [t("log.repeat"), pct(r.repeat.repeatPurchaseRate), "sales-repeat"] : null,
        ok(r.clv) ? [t("log.value"), money(r.clv.averageHistoricalValue), "sales-avg"] : null,
        ok(r.clv) ? [t("log.clv"), money(r.clv.estimate.profitClv)] : null,
        ok(r.clv) && r.clv.pareto.topRevenueShare !== null
          ? [t("log.pareto", { n: fmt.int(lang, r.clv.pareto.topCustomers) }), pct(r.clv.pareto.topRevenueShare)]
          : null,
      ]),
    ];
    if (ok(r.rfm)) {
      details.push(
        dataTable(
          ctx,
          "segments",
          t("log.segments"),
          [t("log.segment"), t("log.count"), t("common.percent"), t("log.revenue"), t("log.action")],
          r.rfm.segments
            .filter((s) => s.count > 0)
            .map((s) => [words(ctx.tb, "segment", s, "label"), [fmt.int(lang, s.count), s.count], [pct(s.percent), Math.round(s.percent * 10) / 10], [money(s.revenue), s.revenue], words(ctx.tb, "segment", s, "action")]),
          "keep.file.segments",
        ),
      );
    }
    if (ok(r.lifecycle)) {
      details.push(
        dataTable(
          ctx,
          "stages",
          t("log.stages"),
          [t("log.stage"), t("log.count"), t("common.percent"), t("log.rule")],
          r.lifecycle.stages.map((s) => [words(ctx.tb, "stage", s, "label"), [fmt.int(lang, s.count), s.count], [pct(s.percent), Math.round(s.percent * 10) / 10], words(ctx.tb, "stage", s, "rule")]),
          "keep.file.stages",
        ),
      );
    }
    if (ok(r.clv)) {
      const top = r.clv.customers
        .slice()
        .sort((a, b) => b.historicalValue - a.historicalValue)
        .slice(0, TOP);
      details.push(
        dataTable(
          ctx,
          "top",
          t("log.top", { n: fmt.int(lang, top.length) }),
          [t("log.customer"), t("log.orders"), t("log.spent"), t("log.last")],
          top.map((c) => [c.customer, [fmt.int(lang, c.orders), c.orders], [money(c.historicalValue), c.historicalValue], dateText(lang, c.lastPurchase)]),
          "log.fileTop",
        ),
      );
    }
    details.push(h("p", { class: "help" }, t("log.more")));
    return { summary, details };
  },
};
