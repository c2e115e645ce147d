// The customer lifecycle, in English: each stage's label and rule, by the `key` of
// lifecycle()'s `stages` (and customers' `stage`); each win-back stage's label and offer,
// by the `key` of its `winBack` (and customers' `winBack`).

export default {
    lifecycleStages: {
      new: { label: "New", rule: "First purchase less than 30 days ago" },
      active: { label: "Active", rule: "Last purchase at most 90 days ago" },
      atRisk: { label: "At risk", rule: "Last purchase 91 to 180 days ago" },
      churned: { label: "Churned", rule: "Last purchase more than 180 days ago" },
    },
    winBackStages: {
      lapsing: { label: "Lapsing", offer: "We miss you: about 15 % off your next order." },
      atRisk: { label: "At risk", offer: "About 25 % off plus a free gift with the next order." },
      lost: { label: "Lost", offer: "About 40 % off, with a short feedback survey: what could we do better?" },
      lastAttempt: { label: "Last attempt", offer: "One last offer: about 50 % off or a free product." },
    },
};
