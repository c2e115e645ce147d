// Looking strings up in one language's table (the page merges both languages in
// i18n.js; a widget loads only the one it shows). Nothing here touches the DOM.

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (m, name) =>
    params && params[name] !== undefined ? String(params[name]) : m,
  );
}

/** The string `key` of `table` (then of `fallback`, then the key itself), filled with `params`. */
export function lookup(table, key, params, fallback) {
  let value = table[key];
  if (value === undefined && fallback) value = fallback[key];
  if (value === undefined) return key;
  return typeof value === "function" ? value(params || {}) : fill(value, params);
}

/** A band's label, by its stable key; the API's English label if the key is new. */
export function bandLabel(table, band) {
  return (table.bands && table.bands[band.key]) || band.label || band.key;
}

/** The translated text of an API error; unknown codes fall back to its English message. */
export function errorText(table, error) {
  const fn = error && table.errors[error.code];
  if (!fn) {
    if (error && typeof error.message === "string" && error.message) return error.message;
    return table.errors.unknown();
  }
  let field = error.field ? table.fields[error.field] || error.field : "";
  const role = error.field && /^columns\.(\w+)$/.exec(error.field);
  if (role) field = table.roles[role[1]] || role[1];
  return fn({ field, row: error.row, code: error.code });
}

/** The reason a row was skipped, without the row number; English reason if the code is new. */
export function skipReason(table, entry, params) {
  const fn = table.skip[entry.code];
  return fn ? fn(params || {}) : entry.reason;
}
