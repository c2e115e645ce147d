// Strings of the CRR calculator, in English.

export default {
    "crr.title": "Customer Retention Rate (CRR)",
    "crr.intro":
      "The share of the customers you had at the start of a period who are still buying at its end. New customers do not count.",
    "crr.start": "Customers at the start of the period (S)",
    "crr.end": "Customers at the end of the period (E)",
    "crr.new": "New customers during the period (N)",
    "crr.newHelp": "New customers are part of E.",
    "crr.hint": "Fill in all three numbers (S, E and N) to see your retention.",
    "crr.figure": "Retention",
    "crr.churn": "Churn (customers lost)",
    "crr.retained": "Retained (E − N)",
    "crr.lost": "Lost (S − retained)",
    "crr.above100":
      "Retention above 100%: E − N is larger than S, which happens only when lapsed customers came back. So this is not excellent retention: S, E and N cannot tell how many of S stayed. Count the customers of S who bought again (strict retention) and watch that figure.",
    "crr.scale":
      "Scale used (general sources): below 60% poor · 60–75% average · 75–85% good · above 85% excellent.",
    "crr.scaleAlt":
      "Another source's scale: below 70% poor · 70–80% average · 80–90% good · 90% and above world class.",
    "crr.industriesTitle": "Yearly industry averages (as quoted by the sources)",
    "crr.otherSource": "another source: {range}",
    "crr.caveat":
      "The sources disagree with each other (e.g. SaaS 35% vs 85–95%, e-commerce 38%), so treat these as rough ranges, never as a single truth. They are yearly figures: compare periods of the same length.",
    "crr.next.poor":
      "Find out why customers leave: ask a few who stopped buying, then fix the problem mentioned most often.",
    "crr.next.average":
      "Reach out to customers who are buying less often (e.g. 30–60 days without a purchase) with a personal message or a limited-time offer.",
    "crr.next.good":
      "Keep it up: start a simple loyalty programme (points, a discount on the next purchase) and measure again each period the same way.",
    "crr.next.unknown":
      "Find out how many customers of the start bought again in the period (from your sales log: Analyse my sales gives it as strict retention).",
    "crr.next.excellent":
      "Very good. Ask loyal customers to recommend you (a referral programme), and make sure new customers are not counted as returning ones.",
    industries: {
      media: "Media & entertainment",
      banking: "Banking",
      insurance: "Insurance",
      ecommerce: "E-commerce",
      saas: "SaaS",
      retail: "Retail",
      telecom: "Telecom",
      healthcare: "Healthcare",
      travel: "Travel & hospitality",
      financial: "Financial services",
    },
};
