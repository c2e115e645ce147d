// Strings of the sales-log calculator, in English.

export default {
    "sales.title": "Analyse my sales",
    "sales.intro":
      "Paste or open a sales log (customer, date, amount; an invoice number may be there too): retention, repeat buyers, CLV, RFM segments and the customer lifecycle.",
    "log.text": "Sales log",
    "log.textHelp":
      "One row per sale, with a header row: customer, date, amount (and the invoice number if there is one). Paste from Excel / Google Sheets or open a CSV file.",
    "log.hint": "Paste your sales log, or open its CSV file.",
    "log.retention": "Retention, last month",
    "log.customers": "Customers",
    "log.period": "Data period",
    "log.month": (p) => `Month measured (${p.from} – ${p.to})`,
    "log.repeat": "Repeat buyers",
    "log.value": "Average value per customer",
    "log.clv": "Estimated CLV",
    "log.pareto": (p) => `Revenue share of the top ${p.n} customers (20%)`,
    "log.segments": "RFM segments",
    "log.segment": "Segment",
    "log.count": "Customers",
    "log.revenue": "Revenue",
    "log.action": "What to do",
    "log.stages": "Customer lifecycle",
    "log.stage": "Stage",
    "log.rule": "Rule",
    "log.top": (p) => `The ${p.n} customers who spent most`,
    "log.customer": "Customer",
    "log.orders": "Orders",
    "log.spent": "Total spent",
    "log.last": "Last purchase",
    "log.fileTop": "top-customers",
    "log.more":
      "A summary. The full analysis (cohorts, a table of every customer, the period and RFM thresholds to choose) is on the customer-metrics page.",
};
