// Strings of the goals and the CAC fields of the quick calculators (js/goals.js), in English.

export default {
    "goal.title": "Target",
    "goal.target": (p) => `Target ${p.metric} (optional)`,
    "goal.help": "What it takes to get there, from your own numbers.",
    "goal.reached": (p) => `Target ${p.target} is already reached (${p.metric} ${p.current}).`,
    "goal.none": "not possible with the answers there are",
    "goal.nps": (p) =>
      `NPS ${p.current} → ${p.target} with ${p.n} answers: ${p.more} more passives turned promoters, or ${p.fewer} fewer detractors (turned passives), or ${p.both} detractors turned promoters; or ${p.fresh} new promoter answers.`,
    "goal.crr": (p) => `CRR ${p.current} → ${p.target}: keep ${p.more} more of the ${p.start} customers (keep ${p.needed}; at most ${p.lost} may leave).`,
    "goal.csat": (p) => `CSAT ${p.current} → ${p.target}: ${p.more} more answers must be satisfied (of ${p.total}), or ${p.fresh} new satisfied answers.`,
    "goal.fcr": (p) => `FCR ${p.current} → ${p.target}: ${p.more} more tickets resolved at first contact (of ${p.total}), or ${p.fresh} new tickets resolved at first contact.`,
    "goal.ces": (p) => `CES ${p.current} → ${p.target}: the answers need ${p.points} more points (e.g. ${p.points} answers one step easier), or ${p.fresh} new answers at the easiest score.`,
    "goal.error": (p) => `The target must be from ${p.min} to ${p.max}.`,
    "cac.title": "Acquisition cost (CAC) — optional",
    "cac.spend": "Marketing spend of the period (Rp)",
    "cac.new": "New customers of the period",
    "cac.keep": "Cost of keeping one customer (Rp, optional)",
    "cac.result": (p) => `CAC ${p.cac}; LTV : CAC = ${p.ratio} : 1. ${p.ok ? "Meets the 3 : 1 rule." : "Below the 3 : 1 rule."}${p.payback ? ` Pays back in ${p.payback} months.` : ""}`,
    "cac.keepVsWin": (p) => `Winning a new customer (${p.cac}) costs ${p.ratio} times as much as keeping one (${p.keep}): ${p.saving} saved per customer kept.`,
    "cac.missing": "Fill in the marketing spend and the number of new customers.",
    "cac.noNew": "New customers must be 1 or more.",
};
