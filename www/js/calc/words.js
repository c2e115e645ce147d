// The words of an RFM segment or rule, a lifecycle stage and a win-back step in the
// page's (or widget's) language, by the item's `key` from the dictionaries
// js/calc/i18n/segments.*.js and lifecycle.*.js: the one place these words are
// looked up (page renderers, CSV downloads, the widget). The API's English
// (`label`, `action`, `condition`, `rule`, `offer`) is shown for a key the
// dictionary does not know. DOM-free.

const TABLES = { segment: "rfmSegments", stage: "lifecycleStages", winBack: "winBackStages" };

/**
 * `field` of `item` (a segment, rule, stage or win-back step with its `key`), where
 * `kind` is "segment", "stage" or "winBack" and `tb(name)` returns a dictionary table.
 * A rule's condition is its `conditionParts` joined by the dictionary's `and` (its
 * `any` when there is no part).
 */
export function words(tb, kind, item, field) {
  if (!item) return "";
  if (kind === "segment" && field === "condition" && Array.isArray(item.conditionParts)) {
    const c = tb("rfmCondition");
    if (typeof c.and === "string" && typeof c.any === "string") return item.conditionParts.length ? item.conditionParts.join(c.and) : c.any;
  }
  const entry = tb(TABLES[kind])[item.key];
  const word = entry && entry[field];
  return typeof word === "string" ? word : (item[field] ?? "");
}
