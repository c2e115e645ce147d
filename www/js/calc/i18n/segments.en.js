// RFM segments, in English: the label and the suggested action of each segment, by the
// `key` of rfm()'s `segments` and `rules` (API.md); and the words of a rule's condition
// (`conditionParts` joined by `and`, or `any` when there is no part).

export default {
    rfmSegments: {
      champions: {
        label: "Champions",
        action:
          "Reward them: VIP treatment, early access to new products, referral incentives, a personal thank-you.",
      },
      loyal: {
        label: "Loyal customers",
        action:
          "Offer higher-value products, ask for reviews, invite them to a loyalty programme.",
      },
      potentialLoyalists: {
        label: "Potential loyalists",
        action:
          "Offer a membership or loyalty programme and personal recommendations.",
      },
      newCustomers: {
        label: "New customers",
        action:
          "Welcome them: a thank-you message, help with the product, a small offer for a second purchase.",
      },
      promising: {
        label: "Promising",
        action:
          "Build the relationship: free delivery or a small discount on the next order.",
      },
      needAttention: {
        label: "Need attention",
        action:
          "Reach out with a limited-time offer and recommendations based on what they bought.",
      },
      aboutToSleep: {
        label: "About to sleep",
        action:
          "Share popular products and a discount to win back their interest before they lapse.",
      },
      cantLoseThem: {
        label: "Can't lose them",
        action:
          "Personal outreach (a call or a WhatsApp message) with a special offer; ask what went wrong.",
      },
      atRisk: {
        label: "At risk",
        action:
          "Win-back campaign: a \"we miss you\" message, a limited-time offer, a feedback survey.",
      },
      lost: {
        label: "Lost",
        action:
          "One last attempt, or let them go gracefully (no spam).",
      },
      hibernating: {
        label: "Hibernating",
        action:
          "Send a reactivation discount.",
      },
    },
    rfmCondition: { and: " and ", any: "any score" },
};
