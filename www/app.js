// The page's calculators: each is built and run by the shared code of js/calc/
// (the widget uses the same), here in the page's own sections, with the page's
// data input (file, preview, column roles; js/datainput.js) for pasted tables.

import { crr, clv, nps, ces, csat, fcr, parseTable, subscriptionRetention } from "./pkg/customer_metrics.js";
import { moduleReady } from "./js/kit/module.js";
import { createDataInput } from "./js/datainput.js";
import { ignoreStrayDrops } from "./js/kit/files.js";
import { getLang, t, table, onLangChange } from "./js/lang.js";
import { setReady } from "./js/shell.js";
import { STRINGS } from "./i18n.js";
import * as core from "./js/calc/core.js";
import CRR from "./js/calc/crr.js";
import CLV from "./js/calc/clv.js";
import NPS from "./js/calc/nps.js";
import CES from "./js/calc/ces.js";
import CSAT from "./js/calc/csat.js";
import FCR from "./js/calc/fcr.js";
import { attachGoals } from "./js/goals.js";
import SUBSCRIPTIONS from "./js/calc/subscriptions.js";
import { groupField, watchScale, withSurveyExtras } from "./js/surveys.js";
import fcrService from "./js/calc/fcr-service.js";

/** The surveys read from exports: on the page, with groups, words and comments (js/surveys.js). */
const SURVEYS = ["nps", "ces", "csat"];

const CALCULATORS = {
  crr: CRR,
  clv: CLV,
  nps: withSurveyExtras(NPS, "nps"),
  ces: withSurveyExtras(CES, "ces"),
  csat: withSurveyExtras(CSAT, "csat"),
  fcr: FCR,
  subscriptions: SUBSCRIPTIONS,
};

/** The data inputs (paste box, file, preview, roles) of the calculators that read data. */
const INPUTS = {};

/** The page's context for js/calc/core.js: the document, the page language, rupiah. */
const ctx = {
  root: document,
  get lang() {
    return getLang();
  },
  get s() {
    return STRINGS[getLang()];
  },
  t,
  tb: table,
  api: { crr, clv, nps, ces, csat, fcr, subscriptionRetention },
  cur: "IDR",
  data: INPUTS,
  // What the page adds to a calculator's result (the widget has none).
  extra: { fcr: fcrService },
};

let ready = false;
const update = (name) => core.update(ctx, CALCULATORS[name], name);
const updateAll = () => Object.keys(CALCULATORS).forEach(update);

for (const [name, calc] of Object.entries(CALCULATORS)) {
  core.build(ctx, calc, name, document.getElementById(name));
  if (calc.roles) {
    const survey = SURVEYS.includes(name);
    INPUTS[name] = createDataInput({
      name,
      roles: survey ? [...calc.roles, "group"] : calc.roles,
      parseTable: (input) => parseTable(input),
      groupSelect: name === "fcr" ? document.getElementById("fcr-group") : survey ? groupField(ctx, name) : null,
      onUpdate: () => {
        if (ready) update(name);
      },
    });
  }
}

function wire() {
  for (const name of SURVEYS) watchScale(ctx, name);
  for (const [name, calc] of Object.entries(CALCULATORS)) core.wire(ctx, calc, name, () => update(name));

  // A file dropped next to a paste box would replace the page: ignore it.
  ignoreStrayDrops(window);

  onLangChange((lang, previous) => {
    // Keep what was typed meaning the same number in the new notation.
    core.renotate(document, lang, previous);
    for (const name of Object.keys(CALCULATORS)) core.localize(ctx, document.getElementById(name));
    updateAll();
  });
}

try {
  await moduleReady;
  ready = true;
  wire();
  updateAll();
  attachGoals(ctx, CALCULATORS); // page only: targets and CAC (js/goals.js)
  setReady(true);
} catch (error) {
  setReady(false);
  console.error("customer-metrics: the calculators could not start.", error);
}
