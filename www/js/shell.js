// The page shell: static text in the chosen language, the language button and
// the loading status. Runs before app.js, and keeps working if the calculators
// (the WebAssembly module) cannot be loaded.

import { applyStatic, toggleLang, t, onLangChange } from "./lang.js";

const status = document.getElementById("load-status");

function showStatus() {
  const state = document.documentElement.dataset.ready;
  if (state === "1") {
    status.textContent = "";
    status.hidden = true;
  } else {
    status.hidden = false;
    status.textContent = t(state === "failed" ? "status.failed" : "status.loading");
    status.classList.toggle("is-error", state === "failed");
  }
}

/** Called by app.js (or on a load failure) to say whether the calculators work. */
export function setReady(ok) {
  document.documentElement.dataset.ready = ok ? "1" : "failed";
  showStatus();
}

applyStatic();
showStatus();
onLangChange(showStatus);
document.getElementById("lang-toggle").addEventListener("click", toggleLang);

// If app.js or the module it imports cannot be fetched, say so instead of
// leaving empty results; a slow start still ends in a message.
document.getElementById("app-script")?.addEventListener("error", () => setReady(false));
setTimeout(() => {
  if (document.documentElement.dataset.ready !== "1") setReady(false);
}, 20000);
