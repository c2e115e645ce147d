// The view of how a calculator's pasted data was read (js/datainput.js): the
// decisions taken (shape, delimiter, header, number and date notations) and the
// preview of the first rows, whose column headers hold each column's role select.
// User text is only ever set as text.

import { h } from "./dom.js";
import * as fmt from "./format.js";
import { t, table } from "./lang.js";
import { dateText } from "./kit/dates.js";
import { columnName } from "./kit/view.js";

function roleSelect(name, roles, column, role) {
  const id = `${name}-role-${column.index}`;
  const offered = roles.map((r) => h("option", { value: r }, table("roles")[r] || r));
  const select = h(
    "select",
    { id, class: "role-select", "data-col": column.index, "data-testid": id, "data-managed": "" },
    h("option", { value: "" }, t("data.roleNone")),
    offered,
  );
  select.value = role || "";
  return select;
}

function cellText(lang, value, kind) {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return t(value ? "data.yes" : "data.no");
  if (typeof value === "number") return kind === "amount" ? fmt.num(lang, value, 2) : fmt.plain(lang, value);
  if (kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dateText(lang, value);
  return String(value);
}

export function decisions(parsed, lang) {
  const items = [
    t("data.shape", {
      rows: fmt.int(lang, parsed.rows),
      rowsN: parsed.rows,
      cols: fmt.int(lang, parsed.columns.length),
      colsN: parsed.columns.length,
    }),
    t(`data.delimiter.${parsed.delimiter}`),
    t(parsed.hasHeader ? "data.header" : "data.noHeader"),
  ];
  let unsure = false;
  for (const column of parsed.columns) {
    const n = column.notation;
    if (!n) continue;
    const by = t(`data.by.${n.decidedBy}`);
    if (n.decidedBy !== "values") unsure = true;
    const line =
      n.kind === "date"
        ? t("data.dateOrder", { column: columnName(column.name), order: t(n.order === "monthFirst" ? "data.monthFirst" : "data.dayFirst"), by })
        : t("data.amount", { column: columnName(column.name), thousands: n.thousandsSeparator, decimal: n.decimalMark, by });
    items.push(h("span", { title: n.description, "data-notation": n.kind }, line));
  }
  return { items, unsure };
}

/** The header cell of a column: its name (the label of its role select), kind and role. */
function headerCell(name, roles, column, role) {
  const shownName = columnName(column.name);
  return h(
    "th",
    { scope: "col", class: role ? `has-role role-${role}` : null, "data-col": column.index, "data-role": role || "" },
    h(
      "label",
      { for: `${name}-role-${column.index}`, class: "col-label" },
      h("span", { class: "col-name", title: shownName }, shownName),
      h("span", { class: "visually-hidden" }, `: ${t("data.roleOf")}`),
    ),
    h("span", { class: "col-kind" }, t(`data.kind.${column.kind}`)),
    roleSelect(name, roles, column, role),
  );
}

function bodyCell(lang, value, column, role) {
  const text = cellText(lang, value, column.kind);
  if (text === null) {
    return h(
      "td",
      { class: role ? "cell-empty has-role" : "cell-empty", title: t("data.empty") },
      h("span", { "aria-hidden": "true" }, "—"),
      h("span", { class: "visually-hidden" }, t("data.empty")),
    );
  }
  return h("td", { class: role ? "has-role" : null, title: text.length > 24 ? text : null }, text);
}

/**
 * The preview: the first rows as parsed, in a scrolling region. Its caption is
 * also shown above the region (inside, it would scroll away sideways on a phone).
 */
export function previewTable(name, roles, parsed, rows, shown, captionText, lang) {
  const captionId = `${name}-preview-caption`;
  return h(
    "div",
    { class: "preview" },
    h("p", { class: "preview-title", "aria-hidden": "true" }, captionText),
    h(
      "div",
      { class: "preview-wrap", role: "region", "aria-labelledby": captionId, tabindex: "0" },
      h(
        "table",
        { class: "preview-table", "data-testid": `${name}-preview` },
        h("caption", { id: captionId, class: "visually-hidden" }, captionText),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col", class: "row-num" }, t("data.previewRow")),
            parsed.columns.map((column, i) => headerCell(name, roles, column, shown[i])),
          ),
        ),
        h(
          "tbody",
          null,
          rows.map((row) =>
            h(
              "tr",
              { "data-row": row.row },
              h("th", { scope: "row", class: "row-num" }, fmt.int(lang, row.row)),
              parsed.columns.map((column, i) => bodyCell(lang, row.values[i], column, shown[i])),
            ),
          ),
        ),
      ),
    ),
  );
}
