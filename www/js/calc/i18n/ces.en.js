// Strings of the CES calculator, in English.

export default {
    "ces.title": "Customer Effort Score (CES)",
    "ces.intro":
      "“How easy was it to …?” The mean score and the share of “easy” answers on the scale you use.",
    "ces.text": "CES survey answers",
    "ces.scale": "Scale",
    "ces.highIsEasy": "A high score means easy",
    "ces.highIsEasyHelp": "Untick if a high score means hard in your survey.",
    "ces.hint": "Paste the CES answers or type the scores separated by commas.",
    "ces.figure": "Mean CES",
    "ces.of": "out of {max}",
    "ces.easyShare": "Easy answers",
    "ces.easyRange": "easy = scores {range}",
    "ces.directionHigh": "high score = easy",
    "ces.directionLow": "low score = easy",
    "ces.meanFormula": "Mean",
    "ces.easyFormula": "Easy answers ({range})",
    "ces.easyLegend": "Easy ({range})",
    "ces.otherLegend": "Other",
    "ces.chartTitle": "Distribution of CES scores",
    "ces.chartLabel": (p) => `Distribution of CES scores from ${p.n} responses on a 1–${p.max} scale: ${p.detail}.`,
    "ces.scaleNote":
      "Benchmark quoted by the sources: more than 80% “easy” answers (top box: 4–5 on 1–5, 5–7 on 1–7, 8–10 on 1–10; mirrored when a high score means hard).",
    "ces.caveat": "A mean CES can only be compared with surveys that use the same scale and direction.",
    "ces.next.meetsBenchmark":
      "Most customers find it easy. Look for the steps the others still find hard and simplify them.",
    "ces.next.belowBenchmark":
      "Find where customers struggle (e.g. payment, delivery, reaching support) and cut the steps they have to take.",
};
