// Strings of the NPS calculator, in English.

export default {
    "nps.title": "Net Promoter Score (NPS)",
    "nps.intro":
      "“How likely are you to recommend us to a friend?” (0–10). NPS = % promoters − % detractors.",
    "nps.source": "Data source",
    "nps.sourceCounts": "Counts per group",
    "nps.sourceText": "Paste survey answers",
    "nps.promoters": "Promoters (9–\u206010)",
    "nps.passives": "Passives (7–\u20608)",
    "nps.detractors": "Detractors (0–\u20606)",
    "nps.text": "Survey answers (scores 0–10)",
    "nps.hintCounts": "Fill in at least one count of promoters, passives or detractors.",
    "nps.hintText": "Paste your survey answers, or type the scores (0–10) separated by commas.",
    "nps.moeNote": (p) =>
      `95% margin of error: ±${p.moe} points, so the true NPS is most likely between ${p.low} and ${p.high}.`,
    "nps.group.promoters": "Promoters",
    "nps.group.passives": "Passives",
    "nps.group.detractors": "Detractors",
    "nps.chartTitle": "Distribution of NPS scores",
    "nps.chartGroupsTitle": "Count per NPS group",
    "nps.chartLabel": (p) =>
      `Distribution of NPS scores from ${p.n} responses: ${p.detail}. NPS ${p.nps} ± ${p.moe}.`,
    "nps.moeFormula": "95% margin of error (p = promoter share, d = detractor share, n = responses)",
    "nps.scale":
      "Bands: below 0 crisis · 0–30 needs improvement · 30–50 good · 50–70 great · 70 and above world class. Target often quoted: above 50.",
    "nps.caveat": (p) =>
      `With ${p.n} responses the margin of error is ±${p.moe} points: a change smaller than that may not be real. NPS varies a lot between industries and countries; compare above all with your own score over time.`,
    "nps.next.crisis":
      "There are more detractors than promoters: contact detractors one by one, listen to their complaints, and fix the problem mentioned most often.",
    "nps.next.needsImprovement":
      "Read the detractors' reasons, fix the top one or two complaints, then measure again with the same question.",
    "nps.next.good":
      "Turn passives into promoters: ask the people who gave 7–8 what is missing for a 9–10.",
    "nps.next.great":
      "Invite promoters to write a review or recommend a friend through a referral programme.",
    "nps.next.worldClass":
      "Keep the quality up, thank your promoters, and involve them in reviews and referrals.",
};
