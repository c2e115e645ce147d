// Strings of "Predict" (js/predict/), in English. The API's notices are written
// with the page's numbers and dates by their `code` and `params` where listed in
// `predictNotices` (others as the API words them); errors by their `code` (`errorsPredict`). Merged into the
// page's dictionary by js/predict-i18n.js.

const n = (count, one, many) => (count === 1 ? one : many);

export default {
    "nav.predict": "Predicted CLV",
    "sales.nav.predict": "Predicted CLV ↓",
    "predict.title": "Predicted CLV per customer",
    "predict.intro":
      "From the same log as “Analyse my sales”: the BG/NBD and Gamma-Gamma models estimate who is still active, how often each customer will buy again and what that is worth over the coming months. All computed in this browser.",
    "predict.noData": "No data yet. Paste or open a sales log in “Analyse my sales” above; the prediction uses the same log, with no second paste.",
    "predict.noDataLink": "To Analyse my sales ↑",
    "predict.waiting": "Waiting for the sales analysis to finish…",
    "predict.source": (p) => `Using the log of “Analyse my sales”: ${p.customers} customers, sales from ${p.from} to ${p.to}.`,
    "predict.newData": "The data changed. Press “Predict” to predict from the new data.",

    "predict.options": "Prediction settings",
    "predict.unit": "Time unit of the model",
    "predict.unit.weeks": "Weeks",
    "predict.unit.days": "Days",
    "predict.calibrationEnd": "Calibration end",
    "predict.calibrationHelp": (p) =>
      `Purchases up to this date are used to fit the model. Default: the last date in the data${p.date ? ` (${p.date})` : ""}.`,
    "predict.holdoutEnd": "Holdout end (optional)",
    "predict.holdoutHelp":
      "To test the model: purchases after the calibration end up to this date are compared with the model's prediction. Leave empty if not needed.",
    "predict.suggest": "Set up a model test (⅔ of the data to calibrate)",
    "predict.suggestHelp": (p) => `Calibration end ${p.cal}, holdout end ${p.end}.`,
    "predict.horizon": "Horizon (months)",
    "predict.horizonHelp": "How many months ahead to predict. Default 12.",
    "predict.discount": "Monthly discount rate (%)",
    "predict.discountHelp": "Money that comes later is worth less than money today. Default 1%.",
    "predict.run": "Predict",
    "predict.badHorizon": "The horizon must be a whole number of months from 1 to 1,200.",
    "predict.badDiscount": "The monthly discount rate must be between 0 and 100%.",

    "predict.stage": (p) => `Fitting the BG/NBD and Gamma-Gamma models to ${p.customers} customers…`,
    "predict.stageSending": "Preparing the prediction…",
    "predict.done": (p) => `Prediction done in ${p.seconds} s.`,

    "predict.summary": (p) =>
      `Over the next ${p.h} months: about ${p.purchases} purchases and a total CLV of ${p.total} (${p.mean} per customer on average). ${p.active} of ${p.n} customers (${p.activePct}) are probably still active.`,
    "predict.t.customers": "Customers in the model",
    "predict.t.customersHelp": (p) => `who bought by ${p.date}`,
    "predict.t.repeat": "Repeat buyers",
    "predict.t.repeatHelp": "bought again on another day",
    "predict.t.purchases": (p) => `Expected purchases (${p.h} mo)`,
    "predict.t.total": (p) => `Total CLV (${p.h} mo)`,
    "predict.t.mean": "Mean CLV per customer",
    "predict.t.active": "Probably still active",
    "predict.t.activeHelp": "P(alive) 50% or more (BG/NBD always counts one-time buyers as active)",
    "predict.warningsTitle": "Notes from the model",
    "predict.nav": "Parts of the prediction",
    "predict.nav.customers": "Customer ranking",
    "predict.nav.compare": "Against the simple formula",
    "predict.nav.model": "How the model works",
    "predict.nav.alive": "P(alive) map",
    "predict.nav.holdout": "Model test",

    "predict.custTitle": "Customers by predicted CLV",
    "predict.custIntro": (p) =>
      `P(alive) = the chance the customer still buys from you. CLV = the spend expected over the next ${p.h} months, discounted ${p.d} a month. Look after the customers at the top first; customers with many repeat purchases but a low P(alive) are worth winning back.`,
    "predict.custCaption": "Customers ranked by predicted CLV, with P(alive), expected purchases and spend",
    "predict.c.rank": "Rank",
    "predict.c.customer": "Customer",
    "predict.c.pAlive": "P(alive)",
    "predict.c.frequency": "Repeat purchases",
    "predict.c.expectedPurchases": (p) => `Expected purchases (${p.h} mo)`,
    "predict.c.spendPerPurchase": "Spend per purchase (expected)",
    "predict.c.clv": (p) => `CLV (${p.h} mo)`,
    "predict.filter": "Show",
    "predict.filter.all": "All customers",
    "predict.filter.active": (p) => `Probably still active, P ≥ 50% (${p.n})`,
    "predict.filter.gone": (p) => `Probably gone, P < 50% (${p.n})`,
    "predict.download": "Download CSV (all customers)",
    "predict.csvName": "predicted-clv.csv",
    "predict.csv": (p) => [
      "Rank",
      "Customer",
      "P(alive) (%)",
      "Repeat purchases",
      `Recency (${p.unit})`,
      `Customer age T (${p.unit})`,
      `Mean spend of repeat purchases (${p.cur || "Rp"})`,
      `Expected purchases (${p.h} mo)`,
      `Spend per purchase, expected (${p.cur || "Rp"})`,
      `CLV ${p.h} mo (${p.cur || "Rp"})`,
    ],

    "predict.compareTitle": "Against the simple-formula CLV",
    "predict.cmp.model": (p) => `Model CLV, mean (next ${p.h} mo)`,
    "predict.cmp.simple": (p) => `Simple-formula CLV (lifespan ${p.years} years)`,
    "predict.cmp.simpleH": (p) => `Simple formula over ${p.h} mo only`,
    "predict.cmp.simpleHHelp": (p) => `${p.yearly} a year × ${p.h}/12, undiscounted`,
    "predict.cmp.name": (p) => `Comparison: model CLV ${p.model}, simple formula ${p.simple}, simple formula over ${p.h} months ${p.simpleH}.`,
    "predict.cmp.why": (p) =>
      `Why do they differ? The simple formula (average order value × purchases a year × lifespan) assumes every customer stays ${p.years} years — a number nobody really knows${p.measured ? "; here it is measured from the data and only a lower bound" : ""}. The model needs no lifespan: it predicts from each customer's own history — how often and how recently they bought — over the next ${p.h} months only, and discounts later money ${p.d} a month.`,
    "predict.cmp.calibration": (p) => `The simple formula uses all the data; the model only the purchases up to ${p.date}.`,
    "predict.cmp.use": "Use the model's CLV to choose the customers worth looking after and to budget the coming months; the simple formula is a rough picture only.",
    "predict.cmp.none": "The simple-formula CLV is not available for this data (see the CLV part of “Analyse my sales”).",

    "predict.modelTitle": "How the model works",
    "predict.explainBg": (p) =>
      `BG/NBD estimates how many times a customer will buy again and the chance they are still active, P(alive). It looks at only three things in each customer's history: how many times they bought again (frequency), when they last bought (recency) and how long they have been a customer (T), in ${p.unit}. A customer who used to buy often but has not been seen for a long time has probably gone.`,
    "predict.explainGg":
      "Gamma-Gamma estimates the value of their purchases: the customer's own mean spend, pulled towards the mean of all customers while they have few purchases. It is fitted on the customers who bought again.",
    "predict.explainClv": (p) =>
      `CLV = expected purchases × expected spend per purchase, month by month over ${p.h} months, each month discounted ${p.d}.`,
    "predict.paramsCaption": "The model's parameters fitted to the data, with standard errors",
    "predict.p.param": "Parameter",
    "predict.p.value": "Value",
    "predict.p.se": "Std. error",
    "predict.p.bg": "BG/NBD — purchases and the chance of being active",
    "predict.p.gg": "Gamma-Gamma — spend per purchase",
    "predict.m.r": "shape of how purchase rates vary between customers",
    "predict.m.alpha": (p) => `scale of the purchase rates (in ${p.unit})`,
    "predict.m.a": "shape of the chance of dropping out after a purchase",
    "predict.m.b": "with a: the larger b, the smaller the chance of dropping out",
    "predict.m.p": "shape of a customer's spend per purchase",
    "predict.m.q": "shape of how mean spend varies between customers",
    "predict.m.v": "scale of the mean spend between customers",
    "predict.derivedTitle": "Read together",
    "predict.d.rate": (p) => `An active customer buys ${p.rate} times a ${p.unit1} on average (r/α), about ${p.year} times a year.`,
    "predict.d.drop": (p) => `After each purchase, ${p.pct} of customers drop out on average (a/(a+b)).`,
    "predict.d.spend": (p) => `Mean spend per purchase over all customers: ${p.spend} (p·v/(q−1)).`,
    "predict.d.spendNone": "q ≤ 1: the spend model has no finite mean.",
    "predict.seNote": "A standard error small against its value = a parameter well determined by the data.",
    "predict.seNone": "No standard errors: the data do not determine the parameters well enough.",
    "predict.ll": (p) => `Log-likelihood: BG/NBD ${p.bg}; Gamma-Gamma ${p.gg}.`,

    "predict.aliveTitle": "P(alive) map: frequency × recency",
    "predict.aliveChart": "P(alive) by repeat purchases and recency",
    "predict.aliveIntro": (p) =>
      `The chance of still being active for a customer known for ${p.t} ${p.unit} (the longest in the data), by repeat purchases (rows) and recency — the time from the first to the last purchase (columns). Bottom left: bought often but not seen for long — probably gone. Row 0 is always 100%: the model lets customers drop out only after a repeat purchase, so one-time buyers count as active (their expected purchases stay small).`,
    "predict.aliveName": (p) =>
      `Heat map of P(alive) by frequency 0 to ${p.maxF} and recency 0 to ${p.t} ${p.unit}. One-time buyers (frequency 0) ${p.f0}; frequency ${p.fm} with recency ${p.t}: ${p.top}, with recency 0: ${p.bottom}. Every number is in the table below it.`,
    "predict.aliveFreq": "Repeat purchases (frequency)",
    "predict.aliveRec": (p) => `Recency (${p.unit})`,
    "predict.aliveCell": (p) => `Frequency ${p.f}, recency ${p.r} ${p.unit}: P(alive) ${p.p}`,
    "predict.aliveFreqHead": "Frequency \\ recency",
    "predict.aliveLegend": "Colour: P(alive), darker = more likely still active",
    "predict.aliveBin": (p) => (p.hi === null ? `≥ ${p.lo}` : p.lo === "0" ? `< ${p.hi}` : `${p.lo}–${p.hi}`),
    "predict.aliveScroll": "Scroll sideways to see every column.",

    "predict.holdoutTitle": "Model test: calibration vs holdout",
    "predict.holdoutChart": "Mean purchases in the test period: actual and predicted",
    "predict.holdoutNone":
      "No test yet. Fill in “Holdout end” (or press “Set up a model test”) to see how well the model predicts purchases that already happened.",
    "predict.holdoutIntro": (p) =>
      `The model was fitted on the purchases up to ${p.cal}, then predicted the purchases of ${p.from} – ${p.end} (${p.duration} ${p.unit}). Bars = mean purchases per customer in the test period, grouped by their repeat purchases in the calibration period.`,
    "predict.holdoutName": (p) =>
      `Bar chart of the model test: mean purchases in the test period, actual and predicted, for customers with 0 to 7 or more repeat purchases in the calibration period. Total actual ${p.actual}, predicted ${p.predicted}.`,
    "predict.hoX": "Repeat purchases in the calibration period",
    "predict.hoY": "Mean purchases, test",
    "predict.hoActual": "Actual",
    "predict.hoPredicted": "Model's prediction",
    "predict.hoGroup": (p) => (p.last ? `${p.k}+` : `${p.k}`),
    "predict.hoCustomers": (p) => `n = ${p.n}`,
    "predict.hoCols": ["Repeat purchases (calibration)", "Customers", "Actual (mean)", "Predicted (mean)"],
    "predict.hoTotalActual": "Purchases in the test period (actual)",
    "predict.hoTotalPredicted": "Model's prediction",
    "predict.hoDiff": "Prediction off by",
    "predict.hoDiffHelp": (p) => (p.over ? "the model predicts more" : "the model predicts fewer"),
    "predict.unit.weeksPlural": "weeks",
    "predict.unit.daysPlural": "days",
    "predict.unit.weeksOne": "week",
    "predict.unit.daysOne": "day",

    errorsPredict: {
      tooFewCustomers: (p) =>
        `Too few customers for the model${p.got ? ` (${p.got}` : ""}${p.min ? `; at least ${p.min} are needed)` : p.got ? ")" : ""}. Choose a later calibration end, or collect more data.`,
      tooFewRepeatBuyers: (p) =>
        `Too few customers bought again${p.got ? ` (${p.got}` : ""}${p.min ? `; at least ${p.min} are needed)` : p.got ? ")" : ""}. Without repeat purchases the model cannot tell when customers lapse. Choose a later calibration end, or collect data for longer.`,
      fitDidNotConverge: () =>
        "The model could not be fitted to this data: the purchases do not follow the pattern the model describes (e.g. no customer ever lapses, or all buy at the same pace). Try another time unit or another calibration end.",
      invalidDate: (p) => `${p.field} is not a valid date.`,
      holdoutEndNotAfterCalibrationEnd: () =>
        "The holdout end must come after the calibration end. To test the model, choose an earlier calibration end (or press “Set up a model test”).",
      noCustomersInCalibration: () => "No purchase by the calibration end. Choose a later date.",
      horizonNotPositive: () => "The horizon must be at least 1 month.",
      horizonTooLong: () => "The horizon can be at most 1,200 months (100 years).",
      discountRateOutOfRange: () => "The monthly discount rate must be between 0 and 100%.",
      noMeanSpend: () =>
        "The spend model has no finite mean (q ≤ 1), so customers' spend cannot be predicted. Spend per purchase varies too much in this data.",
      noTransactions: () => "The log holds no purchase.",
      noPurchases: () => "There is no purchase in the data (only refunds).",
      emptyText: () => "No sales log yet. Paste or open one in “Analyse my sales”.",
      noData: () => "No sales log yet. Paste or open one in “Analyse my sales”.",
      missingColumn: () => "No customer, date or amount column was found. Set the columns' roles in “Analyse my sales”.",
      noUsableRows: () => "No row could be used.",
      notInteger: (p) => `${p.field} must be a whole number.`,
      negative: (p) => `${p.field} cannot be negative.`,
      notANumber: (p) => `${p.field} must be a number.`,
      workerFailed: () => "The prediction cannot run in this browser. Reload the page or try a newer browser.",
      internal: () => "Something went wrong inside the prediction. Change a setting or reload the page.",
    },
    fieldsPredict: {
      calibrationEnd: "The calibration end",
      holdoutEnd: "The holdout end",
      horizonMonths: "The horizon",
      monthlyDiscountRate: "The monthly discount rate",
    },
    // The model's notices, by code (README "Codes"): these with the page's numbers and dates; any other as the API words it.
    predictNotices: {
      lateFirstPurchases: (p) => `${p.customers} ${n(p.customersN, "customer", "customers")} first bought after the calibration end (${p.calibrationEnd}) and are not in the model.`,
      loneRefunds: (p) => `${p.refunds} ${n(p.refundsN, "refund", "refunds")} fell on days without a purchase by the same customer and were not used.`,
      purchasesAfterHoldout: (p) => `${p.days} purchase ${n(p.daysN, "day", "days")} after the holdout end (${p.holdoutEnd}) were not used.`,
      purchasesAfterCalibration: (p) => `${p.days} purchase ${n(p.daysN, "day", "days")} after the calibration end (${p.calibrationEnd}) were not used. Set a holdout end to use them to test the model.`,
      parameterAtBound: (p) =>
        `The data hardly determine ${p.parametersN}: without the penalty they would run off to 0 or infinity (the data show too little of how customers buy again or lapse). The penalty (${p.penalizer}) holds them, so predictions that depend on them are a cautious guess.`,
      shortHistory: (p) =>
        `The history is short: the longest-known customer was seen for ${p.weeks} weeks (under ${p.min}). Too little time has passed to see customers lapse, so the predictions lean on the model's assumptions.`,
      fewRepeatBuyersShare: (p) =>
        `Only ${p.repeatBuyers} of ${p.customers} customers (${p.percent} %) bought again (under ${p.min} %): little to learn repeat buying and lapsing from, so the predictions are rough.`,
      spendFromMean: (p) =>
        `Only ${p.customers} repeat ${n(p.customersN, "buyer has", "buyers have")} a spend, too few (under ${p.min}) for the Gamma-Gamma spend model. Each customer's spend per purchase is the mean ${p.meanSpend} blended with the customer's own mean by repeat purchases.`,
    },
};
