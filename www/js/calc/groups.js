// The table of a result per group (FCR per channel or agent, a survey's score
// per group), in a module of its own: only the calculators with groups load it.

import { h } from "../dom.js";

/** A table of a row per group (`groups-table`): the group's name heads its row, then `cells(g)`. */
export function groupsTable(testid, caption, heads, groups, cells) {
  return h(
    "table",
    { class: "groups-table", "data-testid": testid },
    h("caption", { class: "visually-hidden" }, caption),
    h("thead", null, h("tr", null, heads.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", null, groups.map((g) => h("tr", { "data-name": g.name }, h("th", { scope: "row" }, g.name), cells(g)))),
  );
}
