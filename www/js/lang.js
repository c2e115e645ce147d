// The page language: Indonesian by default, English with one click. The choice
// (a setting, never data) is remembered in localStorage.

import { LANGUAGES, DEFAULT_LANGUAGE, STRINGS, translate } from "../i18n.js";

const STORAGE_KEY = "customer-metrics.lang";
const listeners = [];

function stored() {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(value) ? value : null;
  } catch {
    return null; // storage disabled: fall back to the default
  }
}

let current = stored() || DEFAULT_LANGUAGE;

export const getLang = () => current;

/** The string `key` in the current language. */
export const t = (key, params) => translate(current, key, params);

/** A table of strings (e.g. "industries") in the current language. */
export const table = (name) => STRINGS[current][name] || {};

/** Calls `fn(lang, previous)` after every language change. */
export function onLangChange(fn) {
  listeners.push(fn);
}

/** Fills every element marked with data-i18n (text) or data-i18n-<attr> (attribute). */
export function applyStatic(root = document) {
  document.documentElement.lang = current;
  document.title = t("page.title");
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll("*")) {
    for (const name of el.getAttributeNames()) {
      if (name.startsWith("data-i18n-")) {
        el.setAttribute(name.slice("data-i18n-".length), t(el.getAttribute(name)));
      }
    }
  }
  const toggle = document.getElementById("lang-toggle");
  if (toggle) {
    const other = current === "id" ? "en" : "id";
    toggle.lang = other;
    toggle.dataset.target = other;
  }
}

export function setLang(lang) {
  if (!LANGUAGES.includes(lang) || lang === current) return;
  const previous = current;
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage disabled: the choice lasts until the page is closed
  }
  applyStatic();
  for (const fn of listeners) fn(lang, previous);
}

export function toggleLang() {
  setLang(current === "id" ? "en" : "id");
}
