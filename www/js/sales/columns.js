// The order statuses (each with a tick box: counted or not) and the columns
// with their roles (a select each, the columns without a role folded away when
// there are many) of the data view.

import { h } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t, table } from "../lang.js";
import { columnName, dataTable } from "../kit/view.js";
import { ROLES, money, state } from "./state.js";

// Columns without a role are folded away when there are more than this many.
const UNFOLDED_COLUMNS = 4;

export function statusBlock(sm) {
  const statuses = sm.sales?.statuses || [];
  if (!statuses.length) return null;
  const lang = getLang();
  const categories = table("sales.categories");
  return h(
    "div",
    { class: "sales-statuses" },
    h("h4", { id: "sales-status-title" }, t("sales.statusTitle")),
    dataTable({
      cls: "sales-status-table",
      testid: "sales-statuses",
      caption: t("sales.statusCaption"),
      heads: [[t("sales.st.status")], ...["rows", "orders", "revenue"].map((k) => [t(`sales.st.${k}`), true]), [t("sales.st.counted")]],
      rows: statuses.map((st, i) => {
        const id = `sales-status-${i}`;
        // The status as written, and what overrode it in the page's language.
        const written = st.override ? st.written || "" : st.status;
        const over = st.override ? table("sales.st.override")[st.override] || st.override : "";
        const base = written === "" ? t("sales.st.empty") : written;
        const name = over ? `${base} (${over})` : base;
        return h(
          "tr",
          { "data-status": st.status, "data-category": st.category, "data-counted": st.counted ? "1" : "0", class: st.counted ? null : "is-excluded" },
          h(
            "th",
            { scope: "row" },
            h("span", { class: "status-name" }, name),
            " ",
            h("span", { class: "status-category" }, categories[st.category] || st.category),
          ),
          h("td", { class: "num" }, fmt.int(lang, st.rows)),
          h("td", { class: "num" }, fmt.int(lang, st.orders)),
          h("td", { class: "num" }, money(st.revenue)),
          h(
            "td",
            { class: "status-tick" },
            h("input", { type: "checkbox", id, "data-status-box": st.status, "data-testid": id, checked: st.counted || null }),
            h("label", { for: id }, h("span", { class: "visually-hidden" }, `${name}: `), t("sales.st.countedBox")),
          ),
        );
      }),
    }),
    h("p", { class: "help" }, t("sales.statusHelp")),
  );
}

function notationText(n) {
  if (!n) return "";
  const by = t(`sales.by.${n.decidedBy}`);
  if (n.kind === "date") return `${t(n.order === "monthFirst" ? "sales.notation.monthFirst" : "sales.notation.dayFirst")} (${by})`;
  return `${t("sales.notation.amount", { thousands: n.thousandsSeparator, decimal: n.decimalMark })} (${by})`;
}

export function columnsTable(columns) {
  // The user's mapping when there is one, else what was detected.
  const roleOf = (c) => {
    const role = state.columns ? ROLES.find((r) => state.columns[r] === c.index) : c.role;
    return role && ROLES.includes(role) ? role : "";
  };
  // The columns that play a role first, then the others (each in the file's order).
  const withRole = columns.filter((c) => roleOf(c));
  const others = columns.filter((c) => !roleOf(c));
  const fold = others.length > UNFOLDED_COLUMNS;
  const folded = fold && !state.allColumns;
  const row = (c, hidden) => {
    const id = `sales-role-${c.index}`;
    const select = h(
      "select",
      { id, "data-col": c.index, "data-testid": id, class: "role-select" },
      h("option", { value: "" }, t("sales.role.none")),
      ROLES.map((r) => h("option", { value: r }, t(`sales.role.${r}`))),
    );
    select.value = roleOf(c);
    return h(
      "tr",
      { "data-col": c.index, "data-role": select.value, class: hidden === undefined ? null : "is-other", hidden: hidden || null },
      h("th", { scope: "row" }, h("label", { for: id }, columnName(c.name)), h("span", { class: "visually-hidden" }, ` — ${t("sales.col.role")}`)),
      h("td", null, select),
      h("td", null, t(`sales.kind.${c.kind}`)),
      h("td", { class: "sales-notation", "data-notation": c.notation ? c.notation.kind : null, title: c.notation?.description || null }, notationText(c.notation)),
    );
  };
  const saved = state.saved;
  return h(
    "div",
    { class: "sales-columns" },
    h("h4", null, t("sales.columnsTitle")),
    saved
      ? h(
          "p",
          { class: `sales-saved is-${saved.state}`, "data-testid": "sales-saved", "data-saved": saved.state, role: "status" },
          saved.state === "forgotten" ? t("sales.forgotten") : t(saved.state === "used" ? "sales.savedUsed" : "sales.savedNew"),
          saved.state === "forgotten"
            ? null
            : [" — ", h("button", { type: "button", class: "sales-link-button", "data-forget-columns": "", "data-testid": "sales-forget" }, t("sales.forget"))],
        )
      : null,
    dataTable({
      cls: "sales-columns-table",
      testid: "sales-columns",
      caption: t("sales.columnsCaption"),
      heads: ["name", "role", "kind", "notation"].map((k) => [t(`sales.col.${k}`)]),
      rows: [withRole.map((c) => row(c)), others.map((c) => row(c, fold ? folded : undefined))],
      bodyAttrs: { id: "sales-columns-body" },
    }),
    fold
      ? h(
          "button",
          {
            type: "button",
            class: "sales-link-button sales-more-columns",
            "data-toggle-columns": "",
            "data-testid": "sales-more-columns",
            "aria-expanded": String(!folded),
            "aria-controls": "sales-columns-body",
          },
          t(folded ? "sales.moreColumns" : "sales.fewerColumns", { n: fmt.int(getLang(), others.length), nN: others.length }),
        )
      : null,
    h("p", { class: "help" }, t("sales.columnsHelp")),
    state.columns
      ? h("button", { type: "button", class: "sales-button", "data-reset-columns": "", "data-testid": "sales-reset-columns" }, t("sales.resetColumns"))
      : null,
  );
}
