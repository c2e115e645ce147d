// The overview: the headline figures of the whole log.

import { replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { stats } from "../kit/view.js";
import { money, state } from "./state.js";
import { overview, summaryLine } from "./skeleton.js";

export function renderOverview() {
  const sm = state.summary;
  const lang = getLang();
  const ret = sm.retention && !sm.retention.error ? sm.retention : null;
  const clv = sm.clv && !sm.clv.error ? sm.clv : null;
  const rep = sm.repeat && !sm.repeat.error ? sm.repeat : null;
  const parts = [`${fmt.int(lang, sm.customers)} ${t("sales.ov.customers").toLowerCase()}`];
  if (ret) parts.push(`CRR ${fmt.pct(lang, ret.retentionRate)}`);
  if (clv && clv.pareto.topRevenueShare !== null) parts.push(`${t("sales.ov.pareto")} ${fmt.pct(lang, clv.pareto.topRevenueShare)}`);
  summaryLine.textContent = parts.join(" · ");
  replace(
    overview,
    stats(
      [
        [t("sales.ov.customers"), fmt.int(lang, sm.customers), "sales-ov-customers"],
        // The net revenue of every counted sale (guests' too); without it, the customers'.
        sm.sales ? [t("sales.ov.revenue"), money(sm.sales.revenue), "sales-ov-revenue"] : clv ? [t("sales.ov.revenue"), money(clv.totalRevenue), "sales-ov-revenue"] : null,
        ret ? [t("sales.ov.crr"), fmt.pct(lang, ret.retentionRate), "sales-ov-crr"] : null,
        rep ? [t("sales.ov.repeat"), fmt.pct(lang, rep.repeatPurchaseRate), "sales-ov-repeat"] : null,
        clv && clv.pareto.topRevenueShare !== null ? [t("sales.ov.pareto"), fmt.pct(lang, clv.pareto.topRevenueShare), "sales-ov-pareto"] : null,
        clv ? [t("sales.ov.clv"), money(clv.estimate.profitClv), "sales-ov-clv"] : null,
      ],
      "sales-overview-stats",
    ),
  );
  // Each figure's length, for its font size (sales.css: a long one shrinks to its card).
  for (const dd of overview.querySelectorAll("dd")) dd.style.setProperty("--chars", String(Math.max(8, dd.textContent.length)));
}
