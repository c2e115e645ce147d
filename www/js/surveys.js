// The page's extras of NPS, CES and CSAT from a survey export (the widget leaves them
// out: its small module reads a column of numbers only): the "group by" choice, and
// after the calculator's own result the answers in words and how they were read, the
// figure per group with its margin and n, the comments to follow up, and for NPS the
// adjusted-Wald interval beside the Wald one. User text (group names, answers,
// comments) is only ever set as text.

import { h } from "./dom.js";
import * as fmt from "./format.js";
import { block, columnName, csvButton, localize } from "./calc/core.js";
import { groupsTable } from "./calc/groups.js";

const METRIC = { nps: "NPS", ces: "CES", csat: "CSAT" };
/** Comments shown on the page; all of them go to the CSV. */
const MAX_COMMENTS = 50;

/** The "group by" select of survey `name`, placed after its paste box (js/datainput.js fills its options). */
export function groupField(ctx, name) {
  const id = `${name}-group`;
  const select = h("select", { id, "data-testid": id, "aria-describedby": `${id}-help` }, h("option", { value: "", "data-t": "survey.groupNone" }));
  const field = h(
    "div",
    { class: "field" },
    h("label", { for: id, "data-t": "survey.groupBy" }),
    select,
    h("p", { class: "help", id: `${id}-help`, "data-t": "survey.groupHelp" }),
  );
  ctx.root.getElementById(`${name}-text`).closest(".field").after(field);
  localize(ctx, field);
  return select;
}

const range = (lang, [a, b]) => `${fmt.int(lang, a)}–${fmt.int(lang, b)}`;

/** A figure with `digits` decimals, or "—" when absent (a CES group of one answer). */
function num(lang, x, digits) {
  return x === null || x === undefined ? "—" : fmt.num(lang, x, digits);
}

function adjustedWald(r, ctx) {
  const { lang, t } = ctx;
  const n1 = (x) => fmt.num(lang, x, 1);
  const a = r.adjustedWald;
  const line = (label, centre, moe, low, high, testid) =>
    h("li", { "data-testid": testid }, `${label}: ${n1(centre)} ± ${n1(moe)} (${n1(low)} – ${n1(high)})`);
  return block(
    t("survey.intervalsTitle"),
    h(
      "ul",
      { class: "intervals" },
      line(t("survey.wald"), r.nps, r.marginOfError, r.low, r.high, "nps-wald"),
      line(t("survey.adjustedWald"), a.nps, a.marginOfError, a.low, a.high, "nps-adjusted-wald"),
    ),
    h("p", { class: "help" }, t("survey.intervalsNote")),
  );
}

function labelsBlock(name, r, ctx) {
  const { lang, t } = ctx;
  const table = h(
    "table",
    { class: "groups-table", "data-testid": `${name}-labels` },
    h("caption", { class: "visually-hidden" }, t("survey.labelsTitle")),
    h("thead", null, h("tr", null, [t("survey.colLabel"), t("survey.colScore"), t("survey.colCount")].map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      null,
      r.labels.map.map((m) =>
        h("tr", { "data-score": m.score }, h("th", { scope: "row" }, m.label), h("td", null, fmt.int(lang, m.score)), h("td", null, fmt.int(lang, m.count))),
      ),
    ),
  );
  return block(t("survey.labelsTitle"), h("p", { class: "help" }, t("survey.labelsNote", r.labels)), h("div", { class: "table-wrap" }, table));
}

function groupsBlock(name, r, ctx) {
  const { lang, t } = ctx;
  const metric = METRIC[name];
  const digits = name === "ces" ? 2 : 1;
  const value = (g) => (name === "csat" ? fmt.pct(lang, g.csat) : num(lang, g[name], digits));
  const column = columnName(ctx, r.groupColumn.name);
  const params = { metric, name: column };
  const heads = [column, metric, t("survey.colMargin"), t("survey.colRange"), t("survey.colN")];
  const table = groupsTable(`${name}-groups`, t("survey.groupsCaption", params), heads, r.groups, (g) => [
    h("td", { "data-value": Math.round(g[name] * 100) / 100 }, value(g)),
    h("td", null, g.marginOfError === null ? "—" : `± ${num(lang, g.marginOfError, digits)}`),
    h("td", null, g.low === null ? "—" : `${num(lang, g.low, digits)} – ${num(lang, g.high, digits)}`),
    h("td", { "data-value": g.responses }, fmt.int(lang, g.responses)),
  ]);
  return block(
    t(r.groupedByMonth ? "survey.groupsTitleMonth" : "survey.groupsTitle", params),
    h("div", { class: "table-wrap" }, table),
    r.ungrouped ? h("p", { class: "help", "data-testid": `${name}-ungrouped` }, t("survey.ungrouped", { n: fmt.int(lang, r.ungrouped), nN: r.ungrouped })) : null,
    h("p", { class: "help" }, t("survey.smallGroups")),
    csvButton(ctx, `${name}-groups`, table, `keep.file.${name}Groups`),
  );
}

function commentsBlock(name, r, ctx) {
  const { lang, t } = ctx;
  const who = t(`survey.who.${name}`, { range: range(lang, r.followUp) });
  const column = columnName(ctx, r.commentColumn.name);
  if (!r.comments.length) {
    return h("p", { class: "help", "data-testid": `${name}-comments` }, t("survey.noComments", { who, name: column }));
  }
  const shown = r.comments.slice(0, MAX_COMMENTS);
  // Every comment, for the CSV (a table the page does not show).
  const all = h(
    "table",
    null,
    h("thead", null, h("tr", null, [t("survey.colRow"), t("survey.colScore"), t("common.group"), column].map((c) => h("th", null, c)))),
    h("tbody", null, r.comments.map((c) => h("tr", null, h("td", null, String(c.row)), h("td", null, String(c.score)), h("td", null, c.group || ""), h("td", null, c.comment)))),
  );
  return block(
    t("survey.commentsTitle", { who }),
    h("p", { class: "help" }, t("survey.commentsNote", { name: column })),
    h(
      "ul",
      { class: "comments", "data-testid": `${name}-comments` },
      shown.map((c) =>
        h(
          "li",
          { "data-row": c.row, "data-score": c.score },
          h("span", { class: "comment-meta" }, t("survey.commentRow", { row: fmt.int(lang, c.row), score: fmt.int(lang, c.score), group: c.group })),
          " ",
          h("q", { class: "comment-text" }, c.comment),
        ),
      ),
      r.comments.length > shown.length ? h("li", { class: "more" }, t("survey.commentsMore", { n: fmt.int(lang, r.comments.length - shown.length) })) : null,
    ),
    csvButton(ctx, `${name}-comments`, all, `keep.file.${name}Comments`),
  );
}

/** What a survey's result adds to the calculator's own view, in the page. */
export function surveyBlocks(name, r, ctx) {
  return [
    name === "nps" && r.adjustedWald ? adjustedWald(r, ctx) : null,
    r.labels ? labelsBlock(name, r, ctx) : null,
    r.groups && r.groups.length && r.groupColumn ? groupsBlock(name, r, ctx) : null,
    r.commentColumn ? commentsBlock(name, r, ctx) : null,
  ];
}

/**
 * Calculator module `calc` with the survey extras after its details (the page's, not the
 * widget's). Until the user picks a scale, pasted text is read without `scaleMax`, so that
 * answers in words decide their own scale (numbers get the API's default, the select's
 * default too); the select then shows the scale the words gave.
 */
export function withSurveyExtras(calc, name) {
  const scaleSelect = (ctx) => ctx.root.getElementById(`${name}-scale`);
  return {
    ...calc,
    run(api, input, ctx) {
      const select = scaleSelect(ctx);
      if (input && input.text !== undefined && select && !select.dataset.touched && "scaleMax" in input) {
        const rest = { ...input };
        delete rest.scaleMax;
        return calc.run(api, rest, ctx);
      }
      return calc.run(api, input, ctx);
    },
    render(r, state, ctx) {
      const select = scaleSelect(ctx);
      if (select && r.labels && r.labels.decidedBy === "labels") select.value = String(r.scaleMax);
      const view = calc.render(r, state, ctx);
      return { ...view, details: [...view.details, ...surveyBlocks(name, r, ctx)] };
    },
  };
}

/** Marks survey `name`'s scale as chosen by the user once they change it. */
export function watchScale(ctx, name) {
  const select = ctx.root.getElementById(`${name}-scale`);
  if (select) select.addEventListener("change", () => (select.dataset.touched = "1"));
}
