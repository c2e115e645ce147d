// Strings of the CSAT calculator, in English.

export default {
    "csat.title": "Customer Satisfaction (CSAT)",
    "csat.intro": "“How satisfied are you with …?” The share of satisfied customers.",
    "csat.text": "CSAT survey answers",
    "csat.scale": "Scale",
    "csat.scale5": "1–5 (stars)",
    "csat.scale10": "1–10",
    "csat.hint": "Paste the CSAT answers or type the scores separated by commas.",
    "csat.figure": "CSAT",
    "csat.mean": "Mean score",
    "csat.topBox": "satisfied = scores {range}",
    "csat.formula": "Satisfied answers ({range})",
    "csat.satisfiedLegend": "Satisfied ({range})",
    "csat.otherLegend": "Other",
    "csat.chartTitle": "Distribution of CSAT scores",
    "csat.chartLabel": (p) => `Distribution of CSAT scores from ${p.n} responses on a 1–${p.max} scale: ${p.detail}.`,
    "csat.scaleNote":
      "Target: 80% satisfied customers or more. On a 1–5 scale scores 4–5 count as satisfied; on a 1–10 scale scores 9–10.",
    "csat.caveat":
      "CSAT measures satisfaction with one interaction, not loyalty; look at NPS and retention too.",
    "csat.next.meetsBenchmark":
      "Target reached. Read the comments of the unsatisfied customers to find the next improvement.",
    "csat.next.belowBenchmark":
      "Contact the customers who gave low scores, look for repeated complaints, and fix the most frequent one first.",
};
