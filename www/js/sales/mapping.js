// The remembered column mapping: the roles a user gave the columns of a header
// row are kept in localStorage under a hash of that row (header names and roles
// only, never a value of the data) and used again when the same header comes.

import { ROLES, state } from "./state.js";

const MAPPING_KEY = "customer-metrics.columns.";

/** FNV-1a (32 bits) of a string, as 8 hex digits. */
function hash(text) {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x.toString(16).padStart(8, "0");
}

/** The storage key of a header row (null without a header: nothing to recognise it by). */
export function mappingKey(columns, headerRow) {
  if (!columns || !columns.length || headerRow === null) return null;
  const names = columns.map((c) => c.name);
  if (names.every((name) => /^column \d+$/.test(name))) return null;
  return MAPPING_KEY + hash(names.join("\u001f"));
}

/** The saved mapping for these columns as { role: index }, or null. */
function loadMapping(key, columns) {
  try {
    const saved = JSON.parse(window.localStorage.getItem(key) || "null");
    const names = columns.map((c) => c.name);
    if (!saved || !Array.isArray(saved.headers) || saved.headers.join("\u001f") !== names.join("\u001f")) return null;
    const mapping = {};
    for (const [role, name] of Object.entries(saved.roles || {})) {
      const index = names.indexOf(name);
      if (ROLES.includes(role) && index !== -1) mapping[role] = index;
    }
    return Object.keys(mapping).length ? mapping : null;
  } catch {
    return null; // storage disabled or not ours
  }
}

/** Saves header names and roles (never a value of the data); false when storage is off. */
export function saveMapping(key, columns, mapping) {
  try {
    const headers = columns.map((c) => c.name);
    const roles = {};
    for (const [role, index] of Object.entries(mapping)) roles[role] = headers[index];
    window.localStorage.setItem(key, JSON.stringify({ headers, roles }));
    return true;
  } catch {
    return false;
  }
}

export function forgetMapping(key) {
  try {
    if (key) window.localStorage.removeItem(key);
  } catch {
    // storage disabled: nothing was kept
  }
}

/**
 * Before a log's first result is shown: a mapping saved for its header row is
 * applied. True when it changes the reading (the log is analysed again with it).
 */
export function applySaved(columns, headerRow) {
  if (state.savedChecked || state.columns) return false;
  state.savedChecked = true;
  const key = mappingKey(columns, headerRow);
  const mapping = key && loadMapping(key, columns);
  if (!mapping) return false;
  state.columns = mapping;
  state.saved = { key, state: "used" };
  const detected = {};
  for (const c of columns) if (c.role && ROLES.includes(c.role)) detected[c.role] = c.index;
  const same = Object.keys(mapping).length === Object.keys(detected).length && Object.entries(mapping).every(([r, i]) => detected[r] === i);
  return !same;
}
