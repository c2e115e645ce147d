// Drawing a result: every part of it, in the order of the page. A part the API
// could not compute (an error of its own) says so in its place (partError).

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import { getLang, t } from "../lang.js";
import { currencyOf, errorText, state } from "./state.js";
import { currencySelect, errorBox, hint, results } from "./skeleton.js";
import { lifeTable, rfmTable } from "./tables.js";
import { labelCurrencies } from "./options.js";
import { renderData } from "./data.js";
import { renderOverview } from "./overview.js";
import { renderSegments } from "./segments.js";
import { renderRetention } from "./retention.js";
import { renderCohorts } from "./cohorts.js";
import { renderClv } from "./clv.js";
import { renderLifecycle } from "./lifecycle.js";
import { renderScores } from "./scores.js";
import { renderTrends } from "./trends.js";
import { renderCompare } from "./compare.js";

export function partError(part) {
  return h(
    "div",
    { class: "warning sales-part-error", "data-code": part.error.code },
    h("strong", null, t("sales.partError")),
    " ",
    errorText(part.error),
  );
}

/** A part the API could not compute: its error in `box` (the `others` emptied); true then. */
export function showPartError(part, box, ...others) {
  if (!part.error) return false;
  replace(box, partError(part));
  for (const other of others) replace(other);
  return true;
}

export function render() {
  const sm = state.summary;
  if (sm.currency && !currencySelect.value) state.detectedSymbol = sm.currency.symbol || fmt.currencySymbol(getLang(), currencyOf());
  labelCurrencies();
  replace(errorBox);
  results.classList.remove("is-stale");
  hint.hidden = true;
  renderData(sm, false);
  results.hidden = false;
  renderOverview();
  renderTrends();
  renderCompare();
  renderSegments();
  renderRetention();
  renderCohorts();
  renderClv();
  renderLifecycle();
  renderScores();
  rfmTable.reset();
  lifeTable.reset();
}
