// First Contact Resolution from ticket counts or a pasted ticket log, optionally per group.

import { h } from "../dom.js";
import * as fmt from "../format.js";
import {
  badge, benchmarkBlock, block, caveat, columnName, csvButton, figure, formulaBlock, nextBlock, numberField,
  readData, readNumbers, rowsBlock, sourceSwitch, textField,
} from "./core.js";
import { groupsTable } from "./groups.js";

/** FCR per group (channel, agent, …) as a table, largest group first, with a bar per row. */
function groupsBlock(r, ctx) {
  const { lang, t } = ctx;
  const name = columnName(ctx, r.groupColumn.name);
  const heads = [name, t("fcr.figure"), t("fcr.colResolved"), t("fcr.colTickets")];
  const table = groupsTable("fcr-groups", t("fcr.groupsCaption", { name }), heads, r.groups, (g) => [
    h(
      "td",
      { class: "fcr-cell", "data-value": Math.round(g.fcr * 10) / 10 },
      h("span", { class: "meter", "aria-hidden": "true" }, h("span", { class: "meter-fill", style: `width: ${Math.max(0, Math.min(100, g.fcr)).toFixed(1)}%` })),
      h("span", { class: "meter-value" }, fmt.pct(lang, g.fcr)),
    ),
    h("td", { "data-value": g.resolved }, fmt.int(lang, g.resolved)),
    h("td", { "data-value": g.total }, fmt.int(lang, g.total)),
  ]);
  return block(t("fcr.groupsTitle", { name }), h("div", { class: "table-wrap" }, table), csvButton(ctx, "fcr-groups", table, "keep.file.fcr"));
}

export default {
  roles: ["resolved", "contacts", "group"],
  skipKind: "ticket",
  fields: {
    resolvedFirstContact: { id: "fcr-resolved" },
    totalTickets: { id: "fcr-total" },
  },
  form: (ctx) =>
    sourceSwitch(
      "fcr",
      [numberField("fcr-resolved", "fcr.resolved", "120"), numberField("fcr-total", "fcr.total", "200")],
      [
        textField("fcr-text", "fcr.text", "fcr.textHelp", 6),
        h(
          "div",
          { class: "field" },
          h("label", { for: "fcr-group", "data-t": "fcr.groupBy" }),
          h(
            "select",
            { id: "fcr-group", "data-testid": "fcr-group" },
            h("option", { value: "", "data-t": "fcr.groupNone" }),
            // Without the page's table preview, the two groupings the API finds by name.
            ctx.data ? null : ["channel", "agent"].map((g) => h("option", { value: g, "data-t": `fcr.group.${g}` })),
          ),
        ),
      ],
    ),
  source: (ctx) => (ctx.root.getElementById("fcr-source-text").checked ? "text" : "counts"),
  read(ctx) {
    if (this.source(ctx) === "text") return readData(ctx, "fcr", "fcr.hintText");
    return readNumbers(ctx, this.fields, "fcr.hint");
  },
  // The widget's small module reads a ticket log the old way: pasted text there
  // switches its FCR, once, to the whole API (www/pkg) and the page's service
  // figures, with their words (README "Help-desk exports"). Not counted in the
  // widget's size: nothing of it loads before text is pasted.
  run(api, input, ctx) {
    if (!input.text || !ctx.host || (ctx.extra && ctx.s["fcrs.ruleTitle"])) return api.fcr(input);
    const at = (p) => import(new URL(p, import.meta.url).href);
    return Promise.all([at("../../customer-metrics.js"), at("./fcr-service.js"), at(`./i18n/fcr-service.${ctx.lang}.js`)]).then(
      async ([loader, service, words]) => {
        Object.assign(ctx.s, words.default);
        ctx.extra = { fcr: service.default };
        ctx.api = await loader.api(true);
        return ctx.api.fcr(input);
      },
    );
  },
  render(r, state, ctx) {
    const { lang, t } = ctx;
    return {
      summary: [figure("fcr", t("fcr.figure"), fmt.pct(lang, r.fcr)), " ", badge(ctx, "fcr", r.band)],
      details: [
        rowsBlock(ctx, "fcr", r, false, ""),
        ctx.extra && ctx.extra.fcr ? ctx.extra.fcr(r, ctx) : null,
        r.groups && r.groups.length && r.groupColumn ? groupsBlock(r, ctx) : null,
        formulaBlock(ctx, "fcr", [`${fmt.int(lang, r.resolved)} / ${fmt.int(lang, r.total)} × 100${fmt.pctSign(lang)} = ${fmt.pct(lang, r.fcr)}`]),
        nextBlock(ctx, "fcr", t(`fcr.next.${r.band.key}`)),
        benchmarkBlock(ctx, "fcr", h("p", null, t("fcr.scale")), caveat(ctx, t("fcr.caveat"))),
      ],
    };
  },
};
