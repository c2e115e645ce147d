// The lifecycle: a card per stage (new, active, at risk, churned) and VIP, the
// win-back stages with their offers, each with a button to list its customers.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { dateText } from "../kit/dates.js";
import { $, F, money, state, words } from "./state.js";
import { lifeResult } from "./skeleton.js";
import { lifeTable } from "./tables.js";
import { showPartError } from "./render.js";

// Names shown on a card (the rest are counted).
const NAMES_IN_CARD = 5;

function nameList(list) {
  if (!list || !list.total) return null;
  const shown = list.names.slice(0, NAMES_IN_CARD);
  const rest = list.total - shown.length;
  return h("p", { class: "card-names" }, shown.join(", "), rest > 0 ? ` … (+${F.int(rest)})` : "");
}

/** A card: its title, value and rule, then the rest (names, a button). */
function card(attrs, title, value, rule, ...rest) {
  return h("li", attrs, h("p", { class: "card-title" }, title), h("p", { class: "card-value" }, value), h("p", { class: "card-rule" }, rule), ...rest);
}

export function renderLifecycle() {
  const sm = state.summary;
  const lang = getLang();
  const l = sm.lifecycle;
  if (showPartError(l, lifeResult)) return;
  const showList = (value) => {
    const b = h("button", { type: "button", class: "sales-button sales-list-button", "data-filter": value }, t("sales.showList"));
    b.addEventListener("click", () => {
      lifeTable.setFilter(value);
      $("sales-life-title").scrollIntoView({ block: "start" });
      $("sales-life-filter")?.focus({ preventScroll: true });
    });
    return b;
  };
  replace(
    lifeResult,
    h("p", { class: "sales-note" }, t("sales.lifeIntro", { asOf: dateText(lang, l.asOf) })),
    h(
      "ul",
      { class: "sales-cards", "data-testid": "sales-stages" },
      l.stages.map((st) =>
        card(
          { class: `sales-card stage-${st.key}`, "data-stage": st.key },
          words("stage", st, "label"),
          [h("span", { "data-testid": `sales-stage-${st.key}` }, fmt.int(lang, st.count)), " ", h("span", { class: "card-pct" }, `(${fmt.pct(lang, st.percent)})`)],
          words("stage", st, "rule"),
          nameList(st.list),
          st.count ? showList(st.key) : null,
        ),
      ),
      card(
        { class: "sales-card stage-vip", "data-stage": "vip" },
        t("sales.vip"),
        h("span", { "data-testid": "sales-stage-vip" }, fmt.int(lang, l.vip.count)),
        t("sales.vipRule", { min: money(l.vip.minSpend) }),
        nameList(l.vip.list),
        l.vip.count ? showList("vip") : null,
      ),
    ),
    h("h4", null, t("sales.winTitle")),
    h(
      "ul",
      { class: "sales-cards sales-winback", "data-testid": "sales-winback" },
      l.winBack.map((w) =>
        card(
          { class: `sales-card winback-${w.key}`, "data-winback": w.key },
          words("winBack", w, "label"),
          h("span", { "data-testid": `sales-winback-${w.key}` }, fmt.int(lang, w.count)),
          t("sales.winDays", { min: fmt.int(lang, w.minDays), max: w.maxDays === null ? null : fmt.int(lang, w.maxDays) }),
          h("p", { class: "card-offer" }, h("strong", null, `${t("sales.offer")}: `), words("winBack", w, "offer")),
          w.count ? showList(`winBack:${w.key}`) : null,
        ),
      ),
    ),
  );
}
