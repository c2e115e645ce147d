// Strings of "Analyse my sales" (js/sales/), in English: the input, progress and "how your data was read" (layout, orders, statuses, notices, columns).
// Merged into the page's dictionary by js/sales-i18n.js.

const n = (count, one, many) => (count === 1 ? one : many);

export default {
    "nav.sales": "Sales analysis",
    "sales.title": "Analyse my sales",
    "sales.intro":
      "Paste or open your sales log (customer, date, amount; an invoice number is welcome) and see at once the RFM segments, retention, cohorts, CLV and the lifecycle of every customer.",
    "sales.text": "Sales log",
    "sales.textHelp":
      "One row per sale, with a header row: customer, date, amount (and the invoice number if there is one). Paste from Excel / Google Sheets or open a CSV file.",
    "sales.open": "Open a CSV / Excel file…",
    "sales.drop":
      "or drag a CSV, Excel (.xlsx, .xls) or ODS file onto this box. The file is read in this browser, never uploaded.",
    "sales.dropHere": "Drop the file here",
    "sales.clear": "Clear",
    "sales.fileUsed": (p) =>
      `Analysed: file “${p.name}” (${p.size})${p.latin ? ", read as Windows-1252 because it is not UTF-8" : ""}. Paste text into the box to replace it.`,
    "sales.fileTooBig": (p) => `The file “${p.name}” is too big (${p.size}); at most ${p.max}.`,
    "sales.fileNotText": (p) =>
      `“${p.name}” is not a text file. In Excel, save it as CSV first (File › Save As › CSV UTF-8), then open the CSV file.`,
    "sales.fileFailed": (p) => `The file “${p.name}” could not be read.`,
    "sales.sheetUsed": (p) =>
      `Sheet “${p.sheet}” read from the file “${p.name}” (${p.size}) and analysed. Paste text into the box to replace it.`,
    "sales.locale": "Number and date format",
    "sales.localeAuto": "Automatic (from the values)",
    "sales.localeId": "Indonesian (1.234,5 · day/month)",
    "sales.localeEn": "English (1,234.5 · month/day)",
    "sales.start": "Paste a sales log or open a CSV file to start.",

    "sales.progressLabel": "Analysis progress",
    "sales.stage.reading": (p) => `Step 1 of 3: reading the file… ${p.pct}`,
    "sales.stage.sending": "Step 1 of 3: preparing the data…",
    "sales.stage.analysing": (p) => (p.lines ? `Step 2 of 3: analysing about ${p.lines} rows…` : "Step 2 of 3: analysing…"),
    "sales.stage.drawing": "Step 3 of 3: drawing the results…",
    "sales.stage.streaming": (p) => `Steps 1–2 of 3: reading and analysing the large file piece by piece… ${p.pct}`,
    "sales.cancel": "Cancel",
    "sales.cancelled": "Analysis cancelled. Change the data or a setting to start again.",
    "sales.done": (p) => `Analysis done in ${p.seconds} s.`,
    "sales.busyNote": "The page stays usable while the analysis runs.",

    "sales.dataTitle": "The data read",
    "sales.rows": (p) => `${p.used} ${n(p.usedN, "row", "rows")} used, ${p.skipped} skipped`,
    "sales.span": (p) => `${p.customers} customers · sales from ${p.from} to ${p.to}`,
    "sales.skippedTitle": "Skipped rows",
    "sales.row": "Row {row}",
    "sales.moreRows": (p) => `… and ${p.n} more ${n(p.nN, "row", "rows")}`,
    "sales.columnsTitle": "Columns detected",
    "sales.columnsCaption": "The data's columns, their roles and how they are read",
    "sales.columnsHelp": "A column read wrongly? Choose its right role; the analysis runs again.",
    "sales.col.name": "Column",
    "sales.col.role": "Role",
    "sales.col.kind": "Holds",
    "sales.col.notation": "Read as",
    "sales.roleOf": (p) => `Role of column ${p.name}`,
    "sales.role.none": "(not used)",
    "sales.role.customer": "Customer",
    "sales.role.date": "Date",
    "sales.role.amount": "Amount",
    "sales.role.status": "Order status",
    "sales.role.engagement": "Engagement",
    "sales.role.refunded": "Refunded",
    "sales.role.orderId": "Invoice / order no.",
    "sales.kind.text": "text",
    "sales.kind.date": "dates",
    "sales.kind.amount": "amounts",
    "sales.kind.number": "numbers",
    "sales.kind.yesNo": "yes/no",
    "sales.kind.empty": "empty",
    "sales.kind.time": "times",
    "sales.notation.dayFirst": "dates read as day/month/year",
    "sales.notation.monthFirst": "dates read as month/day/year",
    "sales.notation.amount": (p) => `“${p.thousands}” groups thousands, “${p.decimal}” is the decimal mark`,
    "sales.by.values": "decided from the values",
    "sales.by.locale": "from the format chosen",
    "sales.by.default": "the default, as the values do not decide: check it!",
    "sales.resetColumns": "Back to automatic detection",

    "sales.currency": "Currency",
    "sales.currencyAuto": (p) => (p.symbol ? `Automatic (detected: ${p.symbol})` : "Automatic (from the values)"),
    "sales.readTitle": "How your file was read",
    "sales.layout": (p) => `Recognised: ${p.name}`,
    "sales.layouts": {
      shopee: "Shopee order export",
      tokopedia: "Tokopedia order export",
      tiktokShop: "TikTok Shop order export",
      lazada: "Lazada order export",
      shopify: "Shopify order export",
      woocommerce: "WooCommerce order export",
      pos: "point-of-sale (POS) sales report",
    },
    "sales.header": (p) =>
      p.titles
        ? `Title ${p.titlesOne ? "line" : "lines"} ${p.titles} skipped; header on line ${p.row}`
        : `Header on line ${p.row}`,
    "sales.noHeader": "No header row: every row is read as data",
    "sales.orders": (p) =>
      p.extraN
        ? `${p.orders} ${n(p.ordersN, "order", "orders")} from ${p.lines} ${n(p.linesN, "row", "rows")} (${p.extra} more product ${n(p.extraN, "row", "rows")} of the same orders)`
        : `${p.orders} ${n(p.ordersN, "order", "orders")} from ${p.lines} ${n(p.linesN, "row", "rows")}`,
    "sales.amountLevel": {
      order: "an order's amount is read once per order",
      firstLine: "an order's amount is read from its first row",
      line: "the amounts of an order's product rows are added up",
      row: "",
    },
    "sales.guests": (p) =>
      `${p.orders} ${n(p.ordersN, "sale", "sales")} without a customer name (guests, ${p.revenue}) counted in revenue, not as customers`,
    "sales.revenue": (p) => `Net revenue: ${p.revenue} (${p.currency}, ${p.by})`,
    "sales.refunded": (p) => `partial refunds of ${p.amount} subtracted`,
    "sales.currencyBy": {
      values: "detected from the values",
      header: "from the column header",
      column: "from the currency column",
      option: "your choice",
      layout: "from the kind of export (an Indonesian shop)",
      default: "the default, as the file does not say: check it!",
    },
    "sales.noticesTitle": "Worth checking",
    "sales.statusTitle": "Order statuses",
    "sales.statusCaption": "The order statuses in the file: rows, orders, revenue, and whether they are counted",
    "sales.statusHelp": "Ticked = counted in the analysis. Change a tick to analyse again.",
    "sales.st.status": "Status",
    "sales.st.rows": "Rows",
    "sales.st.orders": "Orders",
    "sales.st.revenue": "Revenue",
    "sales.st.counted": "Counted",
    "sales.st.countedBox": "counted",
    "sales.st.empty": "(empty)",
    "sales.categories": {
      completed: "completed",
      shipped: "shipped",
      processing: "processing",
      pending: "pending",
      unpaid: "unpaid",
      cancelled: "cancelled",
      failed: "failed",
      returned: "returned",
      partiallyRefunded: "partially refunded",
      unknown: "unknown",
    },
    "sales.st.override": {
      cancelled: "cancelled",
      returnGranted: "return granted",
      refundedInFull: "refunded in full",
    },
    "sales.moreColumns": (p) => `Show ${p.n} more ${n(p.nN, "column", "columns")}`,
    "sales.fewerColumns": (p) => `Hide ${p.n} ${n(p.nN, "column", "columns")}`,
    "sales.savedUsed": "Your saved column mapping was used",
    "sales.savedNew": "This column mapping is saved in this browser (column names and roles only) for the next file with the same columns",
    "sales.forget": "Forget",
    "sales.forgotten": "The saved column mapping was deleted.",
    "sales.titleCount": (p) => `${p.n} ${n(p.nN, "line", "lines")} above it`,
    "sales.tone.bad": "Important",
    "sales.tone.warn": "Check",
    "sales.tone.info": "Note",
    "sales.notices": {
      manyOrdersPerCustomer: (p) =>
        `Most customers have ${p.median} or more orders: check that the customer column holds buyers, not products or shops.`,
      dominantCustomer: (p) => `One customer, “${p.customer}”, holds ${p.percent} of the revenue: check that the customer column is right.`,
      unknownStatus: (p) => `The status “${p.statuses}” is not one the reader knows; its orders are counted. Untick it in the status list if they are not sales.`,
      guestSales: (p) =>
        `${p.orders} ${p.ordersN === 1 ? "sale" : "sales"} without a customer (walk-in or guest) count in the revenue (${p.revenue}), not as customers.`,
      multiLineOrders: (p) => `${p.orders} ${p.ordersN === 1 ? "order spans" : "orders span"} ${p.lines} rows: each order counts once.`,
      customerLooksLikeOrderId: (p) => `The customer column “${p.column}” holds values that look like order numbers: check the column mapping.`,
      customerLooksLikeDate: (p) => `The customer column “${p.column}” holds dates or times: check the column mapping.`,
      customerSameAsColumn: (p) => `The customer column “${p.column}” holds the same values as “${p.other}”, which is no buyer column: check the column mapping.`,
      rfmQuintileForCurrency: (p) =>
        `The amounts are in ${p.currency}, and the default M score edges are in rupiah: customers are scored by quintiles.`,
      rfmQuintileForSpending: (p) =>
        `The median customer spent ${p.median}, far from the default M score edges: customers are scored by quintiles.`,
      healthWithoutEngagement: (p) =>
        `No engagement column: the health score uses recency, frequency and spend (${p.points} points), scaled to 100.`,
      churnWeightsRedistributed: (p) =>
        `The data have no ${p.missing}: their weight (${p.weight}) goes to the other parts of the churn risk in proportion.`,
      surveyUnmatched: (p) =>
        `${p.matched} of the survey's ${p.respondents} respondents match a customer of the log; the other answers are not used.`,
      churnJump: (p) =>
        `Churn in ${p.period} jumped to ${p.churnRate}, at least 1.5 times the median of the ${p.periods} months before (${p.median}). See who stopped buying.`,
    },
};
