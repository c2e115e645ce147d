// What a help-desk export says beside FCR (issue 13): the rule and the counts
// behind it, the tickets left out (not resolved), net FCR, the reopen rate and
// the service times with the SLA share, overall, per channel and per agent, and
// a chart (SVG + its numbers). The page's module only: the widget's small
// module returns none of these fields (README, "Help-desk exports").

import { h } from "../dom.js";
import * as fmt from "../format.js";
import { barChart } from "../charts.js";
import { block, columnName, csvButton, stats } from "./core.js";

const MAX_LISTED = 50;

/** Minutes in the unit the API chose for the median: "12 menit", "2,5 jam", "3 hari". */
export function duration(ctx, minutes, unit) {
  if (minutes === null || minutes === undefined) return "–";
  const div = { minutes: 1, hours: 60, days: 1440 }[unit] || 1;
  return ctx.t(`fcrs.unit.${unit || "minutes"}`, { n: fmt.num(ctx.lang, minutes / div, 1) });
}

/** A wide table's box: it may scroll sideways, so it takes the keyboard focus (WCAG 2.1.1). */
const scrollable = (table, label) => h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": label }, table);

const pct = (ctx, v) => (v === null || v === undefined ? "–" : fmt.pct(ctx.lang, v));

/** How FCR was counted: the rule, the denominator, the counts behind it. */
function ruleBlock(r, ctx) {
  const { t, lang } = ctx;
  return block(
    t("fcrs.ruleTitle"),
    r.layout ? h("p", { "data-testid": "fcr-layout", "data-layout": r.layout }, t("fcrs.layout", { name: t(`fcrs.layout.${r.layout}`) })) : null,
    h("p", { "data-testid": "fcr-rule", "data-rule": r.rule }, `${t(`fcrs.denominator.${r.denominator}`)} ${t(`fcrs.rule.${r.rule}`)}`),
    stats([
      [t("fcrs.counted"), fmt.int(lang, r.total)],
      [t("fcrs.firstContact"), fmt.int(lang, r.resolved)],
      [t("fcrs.notResolved"), fmt.int(lang, r.notResolved.count)],
    ]),
    r.net
      ? h(
          "p",
          { "data-testid": "fcr-net", "data-value": Math.round(r.net.fcr * 10) / 10 },
          t("fcrs.net", {
            fcr: fmt.pct(lang, r.net.fcr),
            gross: fmt.pct(lang, r.fcr),
            excluded: fmt.int(lang, r.net.excluded),
            excludedN: r.net.excluded,
            column: columnName(ctx, r.net.column.name),
          }),
        )
      : null,
    r.notResolved.count ? notResolvedList(r, ctx) : null,
  );
}

/** The statuses left out, and the tickets (ids and rows, as text). */
function notResolvedList(r, ctx) {
  const { t, lang } = ctx;
  const shown = r.notResolved.tickets.slice(0, MAX_LISTED);
  return h(
    "div",
    { class: "not-resolved" },
    h(
      "ul",
      { "data-testid": "fcr-statuses" },
      r.notResolved.statuses.map((s) =>
        h("li", { "data-state": s.state, "data-count": s.tickets }, `${s.status || t("fcrs.blankStatus")} (${t(`fcrs.state.${s.state}`)}): ${fmt.int(lang, s.tickets)}`),
      ),
    ),
    h(
      "details",
      null,
      h("summary", null, t("fcrs.showTickets", { n: fmt.int(lang, r.notResolved.count), nN: r.notResolved.count })),
      h(
        "ul",
        { "data-testid": "fcr-open-tickets" },
        shown.map((x) => h("li", { "data-row": x.row }, `${t("rows.row", { row: fmt.int(lang, x.row) })}: ${x.id || "–"} · ${x.status}`)),
        r.notResolved.count > shown.length ? h("li", { class: "more" }, t("rows.more", { n: fmt.int(lang, r.notResolved.count - shown.length), nN: r.notResolved.count - shown.length })) : null,
      ),
    ),
  );
}

/** One row of the service table: a group (or all tickets). */
function serviceRow(ctx, g, label) {
  const cell = (v, text) => h("td", { "data-value": v === null || v === undefined ? "" : Math.round(v * 100) / 100 }, text);
  const time = (s, key) => cell(s ? s[key] : null, s ? duration(ctx, s[key], s.unit) : "–");
  return h(
    "tr",
    { "data-name": g.name || "" },
    h("th", { scope: "row" }, label),
    cell(g.tickets, fmt.int(ctx.lang, g.tickets)),
    cell(g.fcr, pct(ctx, g.fcr)),
    cell(g.reopenRate, pct(ctx, g.reopenRate)),
    time(g.firstResponse, "median"),
    time(g.firstResponse, "p90"),
    time(g.resolution, "median"),
    time(g.handling, "median"),
    cell(g.sla ? g.sla.percent : null, g.sla ? pct(ctx, g.sla.percent) : "–"),
  );
}

function serviceTable(ctx, id, rows, caption) {
  const { t } = ctx;
  const cols = ["", "fcrs.colTickets", "fcr.figure", "fcrs.colReopen", "fcrs.colFirstMedian", "fcrs.colFirstP90", "fcrs.colResolutionMedian", "fcrs.colHandlingMedian", "fcrs.colSla"];
  const table = h(
    "table",
    { class: "groups-table service-table", "data-testid": id },
    h("caption", { class: "visually-hidden" }, caption),
    h("thead", null, h("tr", null, cols.map((c, i) => h("th", { scope: "col" }, i === 0 ? caption : t(c))))),
    h("tbody", null, rows),
  );
  return [scrollable(table, caption), csvButton(ctx, id, table, "fcrs.file")];
}

/** Median, mean and p90 of each time, overall. */
function timesTable(r, ctx) {
  const { t, lang } = ctx;
  const s = r.service;
  const rows = ["firstResponse", "resolution", "handling"]
    .filter((k) => s[k])
    .map((k) =>
      h(
        "tr",
        { "data-measure": k },
        h("th", { scope: "row" }, t(`fcrs.measure.${k}`)),
        ...["median", "mean", "p90"].map((q) => h("td", { "data-value": Math.round(s[k][q] * 100) / 100 }, duration(ctx, s[k][q], s[k].unit))),
        h("td", { "data-value": s[k].count }, fmt.int(lang, s[k].count)),
      ),
    );
  if (!rows.length) return h("p", { "data-testid": "fcr-no-times" }, t("fcrs.noTimes"));
  const table = h(
    "table",
    { class: "groups-table", "data-testid": "fcr-times" },
    h("caption", { class: "visually-hidden" }, t("fcrs.timesTitle")),
    h("thead", null, h("tr", null, ["fcrs.measure", "fcrs.median", "fcrs.mean", "fcrs.p90", "fcrs.colTickets"].map((c) => h("th", { scope: "col" }, t(c))))),
    h("tbody", null, rows),
  );
  return scrollable(table, t("fcrs.timesTitle"));
}

/** The SLA sentence: share within the target, against the target share. */
function slaLine(r, ctx) {
  const sla = r.service.sla;
  if (!sla) return null;
  const { t, lang } = ctx;
  return h(
    "p",
    { "data-testid": "fcr-sla", "data-value": Math.round(sla.percent * 10) / 10, class: sla.meetsTarget ? "sla-met" : "sla-missed" },
    t(sla.meetsTarget ? "fcrs.slaMet" : "fcrs.slaMissed", {
      percent: fmt.pct(lang, sla.percent),
      within: fmt.int(lang, sla.within),
      measured: fmt.int(lang, sla.measured),
      minutes: fmt.num(lang, sla.minutes, 1),
      target: fmt.pct(lang, sla.targetPercent),
    }),
  );
}

/** Median first response per channel (else per agent) with its SLA share. */
function chart(r, ctx) {
  const groups = r.byChannel.length ? r.byChannel : r.byAgent;
  const withTimes = groups.filter((g) => g.firstResponse);
  if (!withTimes.length) return null;
  const { t, lang } = ctx;
  const column = r.byChannel.length ? r.channelColumn : r.agentColumn;
  const name = columnName(ctx, column.name);
  return barChart({
    id: "fcr-service",
    bars: withTimes.map((g) => ({
      label: g.name,
      count: Math.round(g.firstResponse.median * 10) / 10,
      percent: g.sla ? g.sla.percent : 0,
      tone: g.sla && g.sla.meetsTarget ? "promoter" : "detractor",
    })),
    legend: [
      { tone: "promoter", text: t("fcrs.legendMet") },
      { tone: "detractor", text: t("fcrs.legendMissed") },
    ],
    texts: {
      title: t("fcrs.chartTitle", { name }),
      name: t("fcrs.chartTitle", { name }),
      caption: t("fcrs.chartCaption"),
      showNumbers: t("common.showNumbers"),
      cols: [name, t("fcrs.colFirstMedianMinutes"), t("fcrs.colSla")],
    },
    format: { count: (n) => fmt.num(lang, n, 1), percent: (p) => fmt.pct(lang, p) },
  });
}

/** The blocks the page adds to FCR's result from a ticket export. */
export default function fcrService(r, ctx) {
  if (!r || !r.service) return null;
  const { t } = ctx;
  const groupsRows = (list, column) =>
    list.length ? [h("tr", { class: "group-heading" }, h("th", { scope: "rowgroup", colspan: 9 }, columnName(ctx, column.name))), ...list.map((g) => serviceRow(ctx, g, g.name))] : [];
  return h(
    "div",
    { class: "fcr-service", "data-testid": "fcr-service" },
    ruleBlock(r, ctx),
    block(
      t("fcrs.timesTitle"),
      h("p", { class: "caveat" }, t("fcrs.calendar")),
      timesTable(r, ctx),
      slaLine(r, ctx),
      chart(r, ctx),
      ...serviceTable(
        ctx,
        "fcr-service-table",
        [serviceRow(ctx, r.service, t("fcrs.all")), ...groupsRows(r.byChannel, r.channelColumn || { name: "" }), ...groupsRows(r.byAgent, r.agentColumn || { name: "" })],
        t("fcrs.tableCaption"),
      ),
    ),
  );
}
