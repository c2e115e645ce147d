// Strings of the CLV calculator, in English.

export default {
    "clv.title": "Customer Lifetime Value (CLV)",
    "clv.intro":
      "What one customer is worth over the time they buy from you: order value × purchase frequency × years as a customer.",
    "clv.aov": "Average order value ({cur})",
    "clv.freq": "Purchases per year",
    "clv.freqHelp": "E.g. 5 times a week = 260 a year.",
    "clv.years": "Customer lifespan (years)",
    "clv.margin": "Gross margin (%)",
    "clv.marginHelp": "Optional. Fill in for a profit-based CLV.",
    "clv.hint": "Fill in the order value, frequency and lifespan to see the CLV.",
    "clv.figureRevenue": "CLV (revenue)",
    "clv.figureProfit": "CLV (gross profit)",
    "clv.yearly": "Value per year",
    "clv.revenue": "Revenue CLV",
    "clv.profit": "Gross-profit CLV",
    "clv.maxCac": "Maximum acquisition cost (CLV ÷ 3)",
    "clv.budget": "Retention budget per customer (10–15%)",
    "clv.rules":
      "Rules of thumb: CLV to customer acquisition cost (CAC) should be at least 3 : 1, so winning one customer should cost at most about 33% of the CLV. A retention budget of 10–15% of the CLV per customer is reasonable.",
    "clv.caveat":
      "This simple formula assumes customers keep buying the same way. The sources define CLV as profit: fill in the gross margin so that the rules of thumb are based on profit, not revenue.",
    "clv.next": (p) =>
      `Spend no more than ${p.max} to win one new customer, and set aside ${p.low}–${p.high} per customer to keep them (thank-you messages, loyalty points, after-sales service).`,
};
