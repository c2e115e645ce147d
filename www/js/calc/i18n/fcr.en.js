// Strings of the FCR calculator, in English.

export default {
    "fcr.group.channel": "Channel (a “Channel” / “Kanal” column)",
    "fcr.group.agent": "Agent (an “Agent” / “Agen” column)",
    "fcr.title": "First Contact Resolution (FCR)",
    "fcr.intro": "The share of customer-service tickets solved in the first contact.",
    "fcr.resolved": "Tickets resolved at first contact",
    "fcr.total": "Total tickets",
    "fcr.hint": "Fill in the tickets resolved at first contact and the total number of tickets.",
    "fcr.source": "Data source",
    "fcr.sourceCounts": "Ticket counts",
    "fcr.sourceText": "Paste a ticket log",
    "fcr.text": "Ticket log (one row per ticket)",
    "fcr.textHelp":
      "Paste from Excel / Google Sheets or open your help desk's ticket export as it is (Zendesk, Freshdesk, Jira, chat). It needs a yes/no column (e.g. “Resolved at first contact”), the agent replies, or a number of contacts (1 = resolved at first contact).",
    "fcr.hintText": "Paste your ticket log, or open its CSV file.",
    "fcr.groupBy": "Group by",
    "fcr.groupNone": "(none)",
    "fcr.groupsTitle": (p) => `FCR by ${p.name}`,
    "fcr.groupsCaption": (p) => `FCR by ${p.name}, largest group first`,
    "fcr.colTickets": "Tickets",
    "fcr.colResolved": "Resolved at first contact",
    "fcr.figure": "FCR",
    "fcr.scale":
      "SQM Group: 70–79% is good overall; 80% and above is world class. By industry: retail ≈ 76%, financial services ≈ 70%, insurance ≈ 75%, telecom ≈ 56%.",
    "fcr.caveat":
      "The result depends on how “resolved at first contact” is defined; use the same definition and period every time you measure.",
    "fcr.next.belowAverage":
      "Give your support team answer guides and the authority to solve common problems on the spot; record why tickets need a second contact.",
    "fcr.next.good":
      "Find the 2–3 ticket reasons that most often need a second contact and prepare standard answers for them.",
    "fcr.next.worldClass":
      "Keep it up, and make sure speed does not cost satisfaction (check CSAT).",
};
