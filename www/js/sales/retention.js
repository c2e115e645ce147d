// Retention: CRR and churn with S, E and N (period over period, or an active
// base), the formula with the numbers, and the repeat purchases.

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { STRINGS } from "../../i18n.js";
import { badge } from "../calc/core.js";
import { activeDays } from "../kit/defaults.js";
import { dateText, periodText } from "../kit/dates.js";
import { formula, stats } from "../kit/view.js";
import { $, state } from "./state.js";
import { retResult } from "./skeleton.js";
import { partError } from "./render.js";

export function renderRetention() {
  const sm = state.summary;
  const lang = getLang();
  const r = sm.retention;
  const repeat = sm.repeat && !sm.repeat.error ? sm.repeat : null;
  const parts = [];
  if (r.error) {
    parts.push(partError(r));
  } else {
    if (!state.touched.has("period")) {
      $("sales-period-start").value = r.start;
      $("sales-period-end").value = r.end;
    }
    if (r.mode === "activeBase") $("sales-active-days").placeholder = String(r.activeDays ?? activeDays());
    const active = r.mode === "activeBase";
    const period = periodText(lang, r.start, r.end);
    const prev = periodText(lang, r.previousStart, r.previousEnd);
    const d = fmt.int(lang, r.activeDays ?? activeDays());
    const sign = fmt.pctSign(lang);
    parts.push(
      h(
        "p",
        { class: "summary" },
        h("span", { class: "figure-label" }, t("sales.crr")),
        " ",
        h("span", { class: "figure", "data-testid": "sales-crr" }, fmt.pct(lang, r.retentionRate)),
        " ",
        badge({ s: STRINGS[lang] }, "sales-crr", r.band),
        " · ",
        h("span", { class: "figure-label" }, t("sales.churn")),
        " ",
        h("span", { class: "figure figure-secondary", "data-testid": "sales-churn" }, fmt.pct(lang, r.churnRate)),
      ),
      h(
        "p",
        { class: "sales-note", "data-testid": "sales-period" },
        active ? t("sales.periodTextActive", { period, d }) : t("sales.periodText", { period, prev }),
      ),
      stats(
        [
          [t("sales.S"), fmt.int(lang, r.startCustomers), "sales-S", active ? t("sales.S.active", { date: dateText(lang, r.start), d }) : t("sales.S.pop", { prev })],
          [t("sales.E"), fmt.int(lang, r.endCustomers), "sales-E", active ? t("sales.E.active", { date: dateText(lang, r.end), d }) : t("sales.E.pop", { period })],
          [t("sales.N"), fmt.int(lang, r.newCustomers), "sales-N", t("sales.N.help")],
        ],
        "sales-sen",
      ),
      formula(
        "sales-crr-formula",
        t("sales.retFormula"),
        `(${fmt.int(lang, r.endCustomers)} − ${fmt.int(lang, r.newCustomers)}) / ${fmt.int(lang, r.startCustomers)} × 100${sign} = ${fmt.pct(lang, r.retentionRate)}`,
      ),
      stats([
        [t("sales.retained"), fmt.int(lang, r.retained), "sales-retained", t(active ? "sales.retained.active" : "sales.retained.pop")],
        [t("sales.reactivated"), fmt.int(lang, r.reactivated), "sales-reactivated", t("sales.reactivated.help")],
        [t("sales.lost"), fmt.int(lang, r.lost), "sales-lost", t("sales.lost.help")],
        [t("sales.strict"), fmt.pct(lang, r.strictRetentionRate), "sales-strict", t("sales.strict.help")],
      ]),
      r.retentionRate > 100 ? h("p", { class: "warning" }, t("sales.over100")) : null,
      r.retentionRate > 100
        ? h("p", { class: "warning", "data-testid": "sales-over100-strict" }, t("sales.over100Strict", { strict: fmt.pct(lang, r.strictRetentionRate), reactivated: fmt.int(lang, r.reactivated) }))
        : null,
    );
  }
  if (repeat) {
    parts.push(
      h("h4", null, t("sales.repeatTitle")),
      stats([
        [
          t("sales.repeatRate"),
          fmt.pct(lang, repeat.repeatPurchaseRate),
          "sales-repeat",
          t("sales.repeatRate.help", { n: fmt.int(lang, repeat.repeatCustomers), total: fmt.int(lang, repeat.customers) }),
        ],
        repeat.averageDaysBetweenPurchases !== null
          ? [t("sales.avgGap"), t("sales.days", { n: fmt.num(lang, repeat.averageDaysBetweenPurchases, 1) })]
          : null,
        repeat.medianDaysToFirstRepeat !== null
          ? [t("sales.medianFirstRepeat"), t("sales.days", { n: fmt.num(lang, repeat.medianDaysToFirstRepeat, 1) })]
          : null,
      ]),
    );
  }
  replace(retResult, parts);
}
