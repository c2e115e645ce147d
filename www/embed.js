// The iframe embed: embed.html?calculator=nps&lang=id[&currency=IDR&accent=%23…&compact]
// shows one widget, on our own origin under our own strict CSP, so that it works
// where the host page forbids WebAssembly or strips scripts, and so that what a
// reader pastes stays out of reach of the host page's scripts. The URL holds
// settings only, never data. The page's height is posted to the parent window
// (only a number: nothing else leaves this frame), for widget/embed-resize.js.

import "./widget/customer-metrics.js";

const TITLES = {
  id: { crr: "Kalkulator retensi pelanggan (CRR)", clv: "Kalkulator nilai pelanggan (CLV)", nps: "Kalkulator NPS", ces: "Kalkulator CES", csat: "Kalkulator CSAT", fcr: "Kalkulator FCR", sales: "Analisis penjualan", subscriptions: "Kalkulator retensi langganan" },
  en: { crr: "Customer retention (CRR) calculator", clv: "Customer lifetime value (CLV) calculator", nps: "NPS calculator", ces: "CES calculator", csat: "CSAT calculator", fcr: "FCR calculator", sales: "Sales analysis", subscriptions: "Subscription retention calculator" },
};

const params = new URLSearchParams(location.search);
const lang = params.get("lang") === "en" ? "en" : "id";
const name = Object.hasOwn(TITLES.id, params.get("calculator") || "") ? params.get("calculator") : "crr";

document.documentElement.lang = lang;
document.title = `${TITLES[lang][name]} · customer-metrics`;
document.getElementById("embed-title").textContent = TITLES[lang][name];

const widget = document.createElement("customer-metrics");
widget.setAttribute("calculator", name);
widget.setAttribute("lang", lang);
widget.setAttribute("eager", "");
for (const key of ["currency", "accent"]) {
  const value = params.get(key);
  if (value) widget.setAttribute(key, value.slice(0, 40));
}
if (params.has("compact") && params.get("compact") !== "0") widget.setAttribute("compact", "");
document.getElementById("embed-root").append(widget);

// The content's height, to the host page (which checks where it comes from).
if (window.parent !== window) {
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "customer-metrics:height", height }, "*");
  };
  new ResizeObserver(post).observe(document.documentElement);
  window.addEventListener("load", post);
}
