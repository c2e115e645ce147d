/** A rate band: `key` is stable, `label` is English text. */
export interface Band { key: string; label: string; }
/** A row of pasted text that was not used. `row` is the 1-based line in `text`. */
export interface SkippedRow { row: number; code: string; reason: string; }
/** Present on results computed from `text`. */
export interface RowReport {
  rows: number; used: number; skipped: SkippedRow[];
  /** The column the values were read from (0-based index and its header). */
  column: { index: number; name: string };
}
/** The numbers and words a message names, by name (`{ got: 3, min: 10 }`). */
export type Params = Record<string, number | string>;
/** A warning about a result or a doubtful reading: translate by `code` and `params`; `message` is English. */
export interface Notice { code: string; message: string; params: Params; }
/** Errors thrown by every function are `Error`s with these extra fields. */
export interface CustomerMetricsError extends Error {
  code: string; field?: string; row?: number; skipped?: SkippedRow[];
  /** The numbers the message names; absent when it names none. */
  params?: Params;
}
/** Map a role to a column by header name or 0-based index. */
export type Columns = { [role: string]: string | number };
/** How ambiguous text (`1.250`, `01/02/2025`) is read where a column alone cannot tell. */
export type Locale = "id" | "en" | "auto";
/** The column of the answers in a pasted survey (`columns` of nps, ces, csat). */
export interface ScoreColumns {
  score?: string | number;
  /** The column to group by (as `groupBy`), the free-text reasons, the date for groupBy "month". */
  group?: string | number; comment?: string | number; date?: string | number;
}
export interface Bar { score: number; count: number; percent: number; }

export interface CrrInput { startCustomers: number; endCustomers: number; newCustomers: number;
  /** Page module only: what it takes to reach this CRR (0–100). */
  target?: number;
}
export interface CrrResult {
  retentionRate: number; churnRate: number; retained: number; lost: number;
  band: Band;
  /** `warnings` are the messages of `notices`. */
  warnings: string[]; notices: Notice[];
  goal?: CrrGoal;
}
export interface ClvInput {
  averageOrderValue: number; purchasesPerYear: number; lifespanYears: number;
  grossMarginPercent?: number;
  /** Page module only: a period's marketing spend and new customers (CAC), and the cost of keeping a customer. */
  marketingSpend?: number; newCustomers?: number; retentionCost?: number;
}
export interface ClvResult {
  clv: number; yearlyValue: number; profitClv: number; maxAcquisitionCost: number;
  retentionBudgetLow: number; retentionBudgetHigh: number;
  acquisition?: Acquisition; keepVsWin?: KeepVsWin;
}
export type NpsInput =
  | { scores: number[]; target?: number }
  | { text: string; columns?: ScoreColumns; locale?: Locale; target?: number; groupBy?: string | number }
  | { promoters?: number; passives?: number; detractors?: number; target?: number };
export interface NpsGroup { count: number; percent: number; }
export interface NpsResult extends Partial<RowReport>, Partial<SurveyReport> {
  /** From text: each group's figure, margin and n (empty without groupBy). */
  groups?: NpsByGroup[];
  nps: number; responses: number;
  promoters: NpsGroup; passives: NpsGroup; detractors: NpsGroup;
  marginOfError: number; low: number; high: number; band: Band;
  /** Count of each score 0–10; empty when only group counts were given. */
  distribution: Bar[];
  goal?: NpsGoal;
  /** The adjusted-Wald 95 % interval (Lewis & Sauro): n + 3, ¾ added to promoters and detractors. */
  adjustedWald: NpsInterval;
}
export interface NpsInterval { nps: number; marginOfError: number; low: number; high: number; }
/** What a survey read from `text` adds (the page's module; not the widget's). */
export interface SurveyReport {
  /** With groupBy: the column grouped by. */
  groupColumn?: { index: number; name: string };
  groupedByMonth: boolean; ungrouped: number;
  /** How answers in words were mapped onto the scale; null when all were numbers. */
  labels: SurveyLabels | null;
  commentColumn: { index: number; name: string } | null;
  /** The answers whose comments are listed (inclusive): detractors, hardest, dissatisfied. */
  followUp: [number, number];
  comments: SurveyComment[];
}
export interface SurveyLabels {
  kind: "satisfaction" | "effort"; points: number; decidedBy: "labels" | "scaleMax";
  map: { label: string; score: number; count: number }[];
}
export interface SurveyComment { row: number; score: number; group: string | null; comment: string; }
export interface NpsByGroup {
  name: string; nps: number; responses: number;
  promoters: NpsGroup; passives: NpsGroup; detractors: NpsGroup;
  marginOfError: number; low: number; high: number; adjustedWald: NpsInterval;
}
export interface CesByGroup {
  name: string; ces: number; responses: number; easyPercent: number;
  /** null for a group of one answer. */
  marginOfError: number | null; low: number | null; high: number | null;
}
export interface CsatByGroup {
  name: string; csat: number; responses: number; mean: number;
  marginOfError: number; low: number; high: number;
}
export interface CesInput {
  scores?: number[]; text?: string; columns?: ScoreColumns; locale?: Locale; groupBy?: string | number;
  scaleMin?: 1; scaleMax?: 5 | 7 | 10; highIsEasy?: boolean;
  target?: number;
}
export interface CesResult extends Partial<RowReport>, Partial<SurveyReport> {
  /** From text: each group's figure, margin and n (empty without groupBy). */
  groups?: CesByGroup[];
  ces: number; responses: number; distribution: Bar[]; easyPercent: number;
  easyRange: [number, number]; scaleMin: number; scaleMax: number; highIsEasy: boolean;
  goal?: CesGoal;
}
export interface CsatInput {
  scores?: number[]; text?: string; columns?: ScoreColumns; locale?: Locale; scaleMax?: 5 | 10; groupBy?: string | number;
  target?: number;
}
export interface CsatResult extends Partial<RowReport>, Partial<SurveyReport> {
  /** From text: each group's figure, margin and n (empty without groupBy). */
  groups?: CsatByGroup[];
  csat: number; responses: number; mean: number; distribution: Bar[];
  topBox: [number, number]; scaleMax: number;
  goal?: ShareGoal;
}
export type FcrInput =
  | { resolvedFirstContact: number; totalTickets: number; target?: number }
  /** A ticket log: a yes/no column (ya/tidak, yes/no, y/n, 1/0, true/false, benar/salah)
   * or a number-of-contacts column (1 = resolved) decides each ticket. `groupBy` names a
   * column by header or 0-based index ("channel"/"agent" also find Kanal/Agen). */
  | { text: string; groupBy?: string | number; locale?: Locale; columns?: { resolved?: string | number; contacts?: string | number; group?: string | number };
      /** SLA on first response: within this many minutes (default 15), for this share of tickets (default 80). */
      slaMinutes?: number; slaTargetPercent?: number; target?: number };
export interface FcrGroup { name: string; fcr: number; resolved: number; total: number; }
export interface FcrResult extends Partial<RowReport>, Partial<TicketDetails> {
  fcr: number; resolved: number; total: number; band: Band;
  /** Largest total first; empty without groupBy. */
  groups: FcrGroup[];
  /** With text and groupBy: the column grouped by. */
  groupColumn?: { index: number; name: string };
  goal?: ShareGoal;
}
/** A help-desk export the reader recognises. */
export type TicketLayout = "zendesk" | "freshdesk" | "jiraServiceManagement" | "chat" | "googleSheets";
export type TicketState = "resolved" | "open" | "pending" | "unknown";
/** One service time, in minutes of calendar time; `unit` is the one its median is best shown in. */
export interface TimeStats { count: number; median: number; mean: number; p90: number; unit: "minutes" | "hours" | "days"; }
export interface TimeSource { kind: "column" | "timestamps" | "businessHoursColumn"; columns: string[]; unread: number; }
export interface ServiceGroup {
  name: string; tickets: number; resolvedTickets: number; firstContact: number; fcr: number | null;
  reopened: number | null; reopenRate: number | null;
  firstResponse: TimeStats | null; resolution: TimeStats | null; handling: TimeStats | null;
  sla: { minutes: number; measured: number; within: number; percent: number; targetPercent: number; meetsTarget: boolean } | null;
}
/** What fcr() read from a pasted ticket export (absent for counts). */
export interface TicketDetails {
  layout: TicketLayout | null; layoutName: string | null;
  rule: "yesNo" | "oneTouch" | "contacts"; ruleText: string;
  denominator: "resolvedTickets" | "allTickets";
  decidedBy: { yesNo: number; replies: number; contacts: number };
  tickets: number;
  notResolved: { count: number; statuses: { status: string; state: TicketState; tickets: number }[];
    tickets: { row: number; id: string; status: string; state: TicketState }[] };
  net: { fcr: number; resolved: number; total: number; excluded: number; column: { index: number; name: string } } | null;
  service: ServiceGroup; byChannel: ServiceGroup[]; byAgent: ServiceGroup[];
  channelColumn: { index: number; name: string } | null; agentColumn: { index: number; name: string } | null;
  timeSources: { firstResponse: TimeSource | null; resolution: TimeSource | null; handling: TimeSource | null };
  calendarTime: boolean;
}

/** Column roles: which column is the customer, the date, the amount, … */
export type Role = "customer" | "date" | "amount" | "orderId" | "status" | "refunded" | "score" | "resolved" | "contacts" | "group"
  | "engagement";
export type Kind = "empty" | "date" | "time" | "amount" | "number" | "yesNo" | "text";
/** How a column's values are read, and what decided it. */
export type Notation =
  | { kind: "amount"; decimalMark: "," | "."; thousandsSeparator: "." | ","; decidedBy: "values" | "locale" | "default"; description: string }
  | { kind: "date"; order: "dayFirst" | "monthFirst"; decidedBy: "values" | "locale" | "default"; description: string };
export interface ParsedColumn { index: number; name: string; role: Role | null; kind: Kind; notation: Notation | null; }
export interface ParseTableInput { text: string; locale?: Locale; columns?: { [role in Role]?: string | number }; }
export interface ParsedTable {
  columns: ParsedColumn[];
  delimiter: "tab" | "semicolon" | "comma" | "spaces" | "none";
  hasHeader: boolean;
  rows: number; used: number; skipped: SkippedRow[];
  /** The first 20 data rows as parsed values: dates as ISO strings, amounts and numbers as numbers, yes/no as booleans, unreadable or empty cells as null. */
  preview: { row: number; values: (string | number | boolean | null)[] }[];
}

/** Common to every function that reads a sales log (customer, date, amount; order id, status, refunded optional). */
export interface LogColumns {
  customer?: string | number; date?: string | number; amount?: string | number;
  orderId?: string | number; status?: string | number; refunded?: string | number;
  /** A numeric engagement column (opens, visits, logins) for the health and churn-risk scores. */
  engagement?: string | number;
}
export interface LogInput {
  /** The sales log; required, except where a customer summary is given instead (`summary` of rfm, clvFromLog, lifecycle). */
  text?: string; locale?: Locale;
  columns?: LogColumns;
  /** Status values (as written, case-insensitive) counted / not counted, overriding the default per value. */
  countStatuses?: string[]; excludeStatuses?: string[];
  /** An ISO 4217 code ("IDR", "USD", "EUR", "MYR", "SGD", …); overrides the detected currency. */
  currency?: string;
}
/** The store export a log was recognised as. */
export type Layout = "shopee" | "tokopedia" | "tiktokShop" | "lazada" | "shopify" | "woocommerce" | "pos";
export type StatusCategory =
  | "completed" | "shipped" | "processing" | "pending" | "unpaid" | "cancelled" | "failed"
  | "returned" | "partiallyRefunded" | "unknown";
export interface StatusCount {
  /** The value as written in the file, with what overrode it in English ("Selesai (return granted)"): the name countStatuses / excludeStatuses take. */
  status: string;
  /** The value as written, and what overrode it (a Cancelled at column, a granted return, a full refund), or null. */
  written: string | null; override: "cancelled" | "returnGranted" | "refundedInFull" | null;
  category: StatusCategory; rows: number; orders: number; revenue: number; counted: boolean;
}
/** What was sold, as read: counted orders (customers' and guests'), rows and revenue. */
export interface SalesReading {
  orders: number;
  /** Rows read into counted orders; `lineItemRows` of them are the further lines of an order. */
  lines: number; lineItemRows: number;
  /** Net revenue (refunds subtracted, guests included); `refunded`: partial refunds subtracted. */
  revenue: number; refunded: number;
  /** Where an order's amount was read: once per order, on its first line, on every line, or per row. */
  amountLevel: "order" | "firstLine" | "line" | "row";
  /** Sales without a customer name. */
  guests: { rows: number; orders: number; revenue: number };
  /** Empty when there is no status column. */
  statuses: StatusCount[];
  /** The return rate: returned or refunded orders (full returns, partial refunds, refund rows) and their value, against the orders sold and their amounts before refunds; rates null when nothing was sold. */
  returns: { orders: number; value: number; soldOrders: number; soldValue: number; orderRate: number | null; valueRate: number | null };
}
/** Present on every log result: row accounting and how the columns were read. */
export interface LogReport {
  rows: number; used: number; skipped: SkippedRow[]; columns: ParsedColumn[];
  layout: Layout | null;
  /** The layout in English words, or null. */
  layoutName: string | null;
  /** The 1-based line of the header row (null without one), and the non-blank lines above it that were not read. */
  headerRow: number | null; titleRows: number;
  sales: SalesReading;
  currency: { code: string; symbol: string; decidedBy: "values" | "header" | "column" | "option" | "layout" | "default" };
  notices: Notice[];
}
export interface RfmThresholds { recency: number[]; frequency: number[]; monetary: number[]; }
export interface RfmInput extends LogInput {
  /** YYYY-MM-DD; default the day after the last date in the data. */
  asOf?: string; method?: "fixed" | "quintile";
  /** 4 edges each, for scores 5, 4, 3, 2 (METRICS.md §7); missing lists keep the defaults. */
  thresholds?: Partial<RfmThresholds>;
  /** Instead of text: a customer summary table (docs/sql/; README "The warehouse route"). */
  summary?: string;
}
export interface RfmRule {
  /** `label`, `condition` and `action` are English; `conditionParts` are the condition's parts ("R = 5", "F ≥ 4"), the same in every language. */
  key: string; label: string; condition: string; conditionParts: string[];
  r: [number, number]; f: [number, number]; m: [number, number];
  /** Only on rules with an F + M condition. */
  minFPlusM?: number; action: string;
}
export interface RfmCustomer {
  customer: string; recency: number; frequency: number; monetary: number;
  r: number; f: number; m: number; segment: string;
}
export interface RfmSegment {
  /** `label` and `action` are English. */
  key: string; label: string; count: number; percent: number;
  revenue: number; revenuePercent: number | null; action: string;
}
export interface RfmOutput {
  asOf: string; method: "fixed" | "quintile"; customers: RfmCustomer[]; segments: RfmSegment[];
  rules: RfmRule[]; thresholds: RfmThresholds | null; customersWithoutPurchase: number;
}
export type RfmResult = RfmOutput & LogReport;
export interface RetentionInput extends LogInput {
  periodStart: string; periodEnd: string; mode?: "periodOverPeriod" | "activeBase"; activeDays?: number;
}
export interface RepeatStats {
  customers: number; repeatCustomers: number; repeatPurchaseRate: number;
  averageDaysBetweenPurchases: number | null; purchaseGaps: number;
  medianDaysToFirstRepeat: number | null; customersWithRepeatDay: number;
}
/** The repeat-purchase figures (over the whole log) are fields of the retention result itself. */
export interface RetentionOutput extends RepeatStats {
  mode: "periodOverPeriod" | "activeBase"; start: string; end: string;
  previousStart: string | null; previousEnd: string | null; activeDays: number | null;
  startCustomers: number; endCustomers: number; newCustomers: number; retained: number;
  reactivated: number; lost: number; retentionRate: number; strictRetentionRate: number;
  churnRate: number; band: Band; customersWithoutPurchase: number;
  /** `warnings` are the messages of the result's own notices; `notices` lists the log's first (in analyzeLog: only the result's own). */
  warnings: string[]; notices: Notice[];
}
export type RetentionResult = RetentionOutput & LogReport;
export interface CohortsInput extends LogInput { period?: "month"; }
export interface CohortRow {
  cohort: string; start: string; size: number; complete: boolean;
  /** Customers of the cohort who bought in month k after it; null where month k is not complete. */
  counts: (number | null)[];
  /** The same as percentages of the cohort (month 0 = 100). */
  cells: (number | null)[];
}
export interface CohortsOutput {
  lastDate: string; months: number; cohorts: CohortRow[]; average: (number | null)[];
  customers: number; customersWithoutPurchase: number;
}
export type CohortsResult = CohortsOutput & LogReport;
export interface ClvFromLogInput extends LogInput {
  lifespanYears?: number; grossMarginPercent?: number;
  /** Instead of text: a customer summary table (docs/sql/). */
  summary?: string;
}
export interface CustomerHistory {
  customer: string; historicalValue: number; refunded: number; orders: number; averageOrderValue: number;
  firstPurchase: string; lastPurchase: string; lifespanDays: number;
}
export interface ClvFromLogOutput {
  customers: CustomerHistory[]; customerCount: number; totalRevenue: number; totalOrders: number;
  averageHistoricalValue: number; averageOrders: number; averageLifespanDays: number;
  averageOrderValue: number; purchasesPerYear: number; measuredLifespanYears: number;
  lifespanYears: number; lifespanOverridden: boolean; estimate: ClvResult;
  pareto: { topCustomers: number; topRevenue: number; topRevenueShare: number | null };
  customersWithoutPurchase: number;
  /** As in RetentionOutput. */
  warnings: string[]; notices: Notice[];
}
export type ClvFromLogResult = ClvFromLogOutput & LogReport;
export interface LifecycleInput extends LogInput {
  asOf?: string;
  /** Instead of text: a customer summary table (docs/sql/). */
  summary?: string;
}
export interface LifecycleOutput {
  asOf: string;
  customers: { customer: string; daysSinceFirstPurchase: number; daysSinceLastPurchase: number; spend: number; stage: string; vip: boolean; winBack: string | null }[];
  /** `label`, `rule` and `offer` are English. */
  stages: { key: string; label: string; rule: string; count: number; percent: number; customers: string[] }[];
  vip: { count: number; minSpend: number; customers: string[] };
  winBack: { key: string; label: string; minDays: number; maxDays: number | null; offer: string; count: number; customers: string[] }[];
  customersWithoutPurchase: number;
}
export type LifecycleResult = LifecycleOutput & LogReport;
/** A part of analyzeLog: its result, or `{ error }` when it could not be computed. */
export type Part<T> = T | { error: { code: string; message: string; field?: string; row?: number; skipped?: SkippedRow[]; params?: Params } };
export interface AnalyzeLogInput extends LogInput {
  asOf?: string; method?: "fixed" | "quintile"; thresholds?: Partial<RfmThresholds>;
  /** Default: the last whole calendar month in the data. */
  periodStart?: string; periodEnd?: string; mode?: "periodOverPeriod" | "activeBase"; activeDays?: number;
  lifespanYears?: number; grossMarginPercent?: number; period?: "month";
  /** A pasted survey export (an e-mail or name column and NPS answers 0–10), joined to the log's customers. */
  surveyText?: string; surveyColumns?: { customer?: string | number; score?: string | number };
  /** Marketing spend per month, one `month<TAB>amount` line each (CAC). */
  marketingSpend?: string;
  /** The periods of `trends`: "month" (default) or "week". */
  granularity?: "month" | "week";
  /** Per-customer lists to leave empty (`[]`) in the result, when only the figures are wanted. */
  omit?: ("rfm.customers" | "clv.customers" | "scores.customers" | "lifecycle.customers")[];
  /** Also the RFM and lifecycle customers as columns (`tables`): typed arrays, quick to hand over. */
  tables?: boolean;
}
/** analyzeLog's `tables` (`tables: true`): `rfm.customers` and `lifecycle.customers` as columns, in their order; null where the part failed. */
export interface CustomerTables {
  rfm: {
    customer: string[]; recency: Float64Array; frequency: Float64Array; monetary: Float64Array;
    r: Uint8Array; f: Uint8Array; m: Uint8Array;
    /** Indices into segmentKeys (the rules' keys in order, then any other). */
    segment: Uint8Array; segmentKeys: string[];
  } | null;
  lifecycle: {
    customer: string[]; daysSinceFirstPurchase: Float64Array; daysSinceLastPurchase: Float64Array; spend: Float64Array;
    /** Indices into stageKeys (new, active, atRisk, churned). */
    stage: Uint8Array; stageKeys: string[];
    /** 1 for a VIP, else 0. */
    vip: Uint8Array;
    /** 0: no win-back stage; else 1 + an index into winBackKeys. */
    winBack: Uint8Array; winBackKeys: string[];
  } | null;
}
export interface AnalyzeLogOutput {
  rfm: Part<RfmOutput>; retention: Part<RetentionOutput>; repeat: Part<RepeatStats>;
  cohorts: Part<CohortsOutput>; clv: Part<ClvFromLogOutput>; lifecycle: Part<LifecycleOutput>;
  firstDate: string | null; lastDate: string | null; customers: number;
  scores: Part<ScoresOutput>;
  acquisition?: Part<LogAcquisition>;
  trends: Part<TrendsOutput>;
  /** With `tables: true`. */
  tables?: CustomerTables;
}
export type AnalyzeLogResult = AnalyzeLogOutput & LogReport;
/** `new LogStream(options)`: analyzeLog's options, without `text` (the file comes in blocks of bytes). */
export type AnalyzeStreamOptions = AnalyzeLogInput;

export interface TrendsInput extends LogInput { granularity?: "month" | "week"; }
/** One calendar month ("2025-01") or ISO week ("2025-W03"). */
export interface TrendPeriod {
  period: string; start: string; end: string;
  /** False when the data end before the period's last day. */
  complete: boolean;
  activeCustomers: number; newCustomers: number; returningCustomers: number;
  /** Orders begun in the period; revenue net of refunds dated in it (customers' rows only). */
  orders: number; revenue: number; averageOrderValue: number | null;
  /** S (active in the period before), active in both, and back after a gap. */
  startCustomers: number; retained: number; reactivated: number;
  /** As retention() for this period against the one before; null for the first or when S = 0. */
  retentionRate: number | null; churnRate: number | null; strictRetentionRate: number | null;
  /** Cumulative to the period's end. */
  customersToDate: number; repeatCustomersToDate: number; repeatPurchaseRate: number | null;
  /** Churn at least 1.5 × the median of the up to 6 periods before (a `churnJump` notice). */
  churnJump: boolean;
}
export interface TrendsOutput {
  granularity: "month" | "week"; periods: TrendPeriod[];
  /** The latest complete period's name, or null. */
  lastComplete: string | null;
  /** As in RetentionOutput. */
  warnings: string[]; notices: Notice[];
}
export type TrendsResult = TrendsOutput & LogReport;

export interface PredictClvInput {
  /** A sales log (customer, date, amount) … */
  text?: string;
  /** … or a summary table: `ID, x, t_x, T, zbar` or `frequency, recency, T, monetary_value`. */
  summary?: string;
  /** The unit of recency, T and α: "weeks" (default, as published for CDNOW) or "days". */
  unit?: "weeks" | "days";
  /** YYYY-MM-DD; default the last date in the log. */
  calibrationEnd?: string;
  /** YYYY-MM-DD, after calibrationEnd: purchases up to it are compared with the model's prediction. */
  holdoutEnd?: string;
  /** Default 12. */ horizonMonths?: number;
  /** Default 0.01 (1 % a month). */ monthlyDiscountRate?: number;
  /** How the sales log of `text` is read: as in LogInput. */
  locale?: Locale; columns?: LogColumns;
  countStatuses?: string[]; excludeStatuses?: string[]; currency?: string;
  /** The BG/NBD penalty λ (0–10); default: none where the likelihood has a maximum, else 0.001. */
  penalizerCoef?: number;
  /** Parameter draws of the 90 % intervals (0: none; at most 10,000); default 200, cut to 2,000,000 / customers (at least 20). */
  intervalDraws?: number;
}
export interface BtydParams { r: number; alpha: number; a: number; b: number; p: number; q: number; v: number; }
export interface PredictedCustomer {
  customer: string; frequency: number; recency: number; T: number; monetarySpend: number;
  /** expectedPurchases and expectedSpend are over the horizon, like clv (which is discounted). */
  pAlive: number; expectedPurchases: number; expectedSpend: number; spendPerPurchase: number; clv: number;
  /** 90 % intervals (null without intervals). */
  expectedPurchasesLow: number | null; expectedPurchasesHigh: number | null; clvLow: number | null; clvHigh: number | null;
  /** With a holdout: repeat purchase days in it and the value of those days, actual and predicted (else null). */
  holdoutActual: number | null; holdoutPredicted: number | null; holdoutActualSpend: number | null; holdoutPredictedSpend: number | null;
}
export interface Interval { low: number; high: number; }
export interface HoldoutErrors {
  totalPredicted: number; totalActual: number; percentError: number | null;
  mae: number; rmse: number; correlation: number | null;
}
export interface Density { x: number[]; density: number[]; mean: number; }
export interface PredictClvResult {
  params: BtydParams; standardErrors: BtydParams | null;
  logLikelihood: { bgNbd: number; gammaGamma: number };
  unit: "weeks" | "days"; horizonMonths: number; monthLength: number; monthlyDiscountRate: number;
  calibrationEnd: string | null;
  /** Ranked by CLV, highest first. */
  customers: PredictedCustomer[];
  totals: { customers: number; repeatBuyers: number; expectedPurchases: number; clv: number; meanClv: number };
  holdout: null | {
    end: string; duration: number; totalActual: number; totalPredicted: number;
    byFrequency: { frequency: number; customers: number; actual: number; predicted: number }[];
    purchases: HoldoutErrors; spend: HoldoutErrors;
  };
  aliveMatrix: { t: number; frequencies: number[]; recencies: number[]; values: number[][] };
  /** Unconditional E[X(t)] over the horizon: the purchases a new customer is expected to make. */
  newCustomerExpectedPurchases: number;
  /** `warnings` are the messages of the model's notices; `notices` lists the log's first. */
  warnings: string[]; notices: Notice[];
  rows: number; used: number; skipped: SkippedRow[]; columns: ParsedColumn[];
  /** The BG/NBD penalty used (0: plain maximum likelihood). */
  penalizer: number;
  intervals: null | {
    level: number; method: "standardErrors"; draws: number; seed: number;
    params: { r: Interval; alpha: Interval; a: Interval; b: Interval; p: Interval | null; q: Interval | null; v: Interval | null };
    totalExpectedPurchases: Interval; totalClv: Interval;
  };
  /** Expected repeat purchases over the horizon on the aliveMatrix grid. */
  expectedMatrix: { t: number; frequencies: number[]; recencies: number[]; values: number[][] };
  /** λ ~ Gamma(r, α) (per unit) and p ~ Beta(a, b). */
  heterogeneity: { lambda: Density; p: Density };
  /** A log only: cumulative repeat purchase days per week, actual and model. */
  tracking: null | { start: string; calibrationEnd: string; weeks: { end: string; actual: number; predicted: number; holdout: boolean }[] };
}
/** `defaults()`: the defaults and limits of the analyses, as the Rust core uses them. */
export interface Defaults {
  rfm: {
    /** The fixed table's edges (monetary in rupiah), for scores 5, 4, 3, 2. */
    thresholds: RfmThresholds;
    /** The order each list must be in, equal neighbours allowed (else `thresholdsNotOrdered`). */
    thresholdOrder: { recency: "ascending" | "descending"; frequency: "ascending" | "descending"; monetary: "ascending" | "descending" };
  };
  /** `activeDays` when not given (active-base mode), and its least value. */
  retention: { activeDays: number; minActiveDays: number };
  predict: {
    /** `horizonMonths` when not given, and the range accepted. */
    horizonMonths: number; minHorizonMonths: number; maxHorizonMonths: number;
    /** `monthlyDiscountRate` when not given. */
    monthlyDiscountRate: number;
    /** A customer with `pAlive` ≥ this is likely active, below it likely gone. */
    aliveCutoff: number;
  };
  /** subscriptionRetention: `discountRate` when not given, the fewest periods, the least default and the largest `horizon`. */
  subscriptions: { discountRate: number; minPeriods: number; horizon: number; maxHorizon: number };
}
/** Options of readWorkbook (in the spreadsheet module www/xlsx/pkg). */
export interface ReadWorkbookOptions {
  /** The sheet to read: its name, or its 0-based position. Default: the first visible sheet with data. */
  sheet?: string | number;
}
/** One sheet of a spreadsheet file as TSV text: line N of `text` is row N of the sheet. */
export interface Workbook {
  /** The workbook's worksheets, in order. */
  sheets: string[];
  /** The worksheets holding at least one non-empty cell. */
  dataSheets: string[];
  /** The sheet read. */
  sheet: string;
  text: string;
  /** Lines of `text` (the number of the sheet's last row with data). */
  rows: number;
}

/** Goals (`target` of crr, nps, csat, ces, fcr): what it takes to get there (page module only). */
export interface NpsGoal {
  target: number; current: number; reached: boolean; responses: number; netNeeded: number;
  morePromoters: number | null; fewerDetractors: number | null; detractorsToPromoters: number | null; newPromoters: number | null;
}
export interface ShareGoal { target: number; current: number; reached: boolean; total: number; needed: number; more: number; newGood: number | null; }
export interface CrrGoal { target: number; current: number; reached: boolean; start: number; retainedNeeded: number; moreRetained: number; lostAllowed: number; }
export interface CesGoal { target: number; current: number; reached: boolean; responses: number; pointsNeeded: number; newEasiest: number | null; }
export interface Acquisition {
  marketingSpend: number; newCustomers: number; cac: number; ltv: number;
  ltvToCac: number | null; meetsRule: boolean; paybackMonths: number | null;
}
export interface KeepVsWin { acquisitionCost: number; retentionCost: number; ratio: number | null; saving: number; }

/** analyzeLog's `scores`: customer health, churn risk and the call list. */
export interface CustomerScore {
  customer: string; health: number; healthBand: "healthy" | "atRisk" | "critical";
  churnRisk: number; churnBand: "high" | "medium" | "low";
  recencyPoints: number; frequencyPoints: number; monetaryPoints: number; engagementPoints: number | null;
  daysSinceLastPurchase: number; frequencyDrop: number | null; nps: number | null; spend: number;
}
export interface ScoreBand { key: string; label: string; count: number; percent: number; }
export interface ScoreBucket { from: number; to: number; count: number; }
export interface ChurnWeight { key: "recency" | "frequencyDrop" | "emailEngagement" | "supportSentiment" | "nps"; nominal: number; used: number; available: boolean; }
export interface CallListEntry {
  customer: string; churnRisk: number; churnBand: string; health: number; value: number; priority: number;
  lastPurchase: string; daysSinceLastPurchase: number; usualGapDays: number | null; purchaseDays: number;
  frequencyDrop: number | null; nps: number | null;
  changes: ("overdue" | "boughtLess" | "onePurchase" | "longSilence" | "detractor" | "lowEngagement")[];
  action: "checkIn" | "lapsing" | "atRisk" | "lost" | "lastAttempt";
}
export interface SurveyJoin {
  rows: number; used: number; skipped: SkippedRow[];
  customerColumn: { index: number; name: string }; scoreColumn: { index: number; name: string };
  respondents: number; matched: number;
}
export interface ScoresOutput {
  asOf: string; engagement: boolean;
  healthBands: ScoreBand[]; healthDistribution: ScoreBucket[]; averageHealth: number;
  churnBands: ScoreBand[]; churnDistribution: ScoreBucket[]; averageChurnRisk: number;
  weights: ChurnWeight[]; customers: CustomerScore[];
  callList: CallListEntry[]; callListTotal: number;
  /** The 20 customers of lowest health (then the higher churn risk, then the log's order). */
  lowestHealth: CustomerScore[];
  notices: Notice[];
  survey: SurveyJoin | null;
}
export interface LogAcquisition {
  months: { month: string; spend: number; newCustomers: number; cac: number | null }[];
  total: Acquisition; skipped: SkippedRow[];
}
/** subscriptionRetention: one of `survivors`, `text`, or `renewals` with `active`. */
export interface SubscriptionRetentionInput {
  /** One group of subscribers: at the start, then still subscribed after each period (1000, 869, 743, …). */
  survivors?: number[];
  /** The same counts pasted: one period a line; a line's last number is its count (a label or period before it is fine). */
  text?: string;
  /** One per subscriber: times renewed (0: left, or still in, the first period) … */
  renewals?: number[];
  /** … and whether still subscribed (true/false or 1/0). */
  active?: (boolean | number)[];
  /** A fraction per period, above 0 and at most 1. Default 0.01 (1 % a period). */
  discountRate?: number;
  /** Revenue or margin per subscriber per period, for the values. */
  valuePerPeriod?: number;
  /** Periods to project (from period 0). Default twice the periods observed, at least 12; at most 1,200. */
  horizon?: number;
}
export interface SubscriptionPeriod {
  period: number;
  /** Observed: still subscribed (a count), their share and the period's retention, %; null beyond the data. */
  actual: number | null; actualSurvival: number | null; actualRetention: number | null;
  /** The model: S(t) × 100, S(t) × the subscribers, r(t) × 100 and 100 − r(t) (null at period 0). */
  survival: number; expected: number; retention: number | null; churn: number | null;
  /** Beyond the periods observed. */
  projected: boolean;
}
export interface SubscriptionRetentionResult {
  params: { alpha: number; beta: number };
  logLikelihood: number;
  subscribers: number; activeSubscribers: number; observedPeriods: number; horizon: number;
  /** α / (α + β) × 100: the mean churn probability across subscribers. */
  meanChurn: number;
  periods: SubscriptionPeriod[];
  /** E[T] in periods; null when infinite (α ≤ 1). */
  expectedLifetime: number | null;
  /** First period with S(t) ≤ ½; null beyond 100,000 periods. */
  medianLifetime: number | null;
  discountRate: number; valuePerPeriod: number | null;
  /** DEL: discounted expected lifetime of a new subscriber, in payments (the first undiscounted). */
  discountedLifetime: number;
  valuePerNewSubscriber: number | null;
  /** DERL by renewals made (0 … the periods observed), and × valuePerPeriod. */
  residual: { renewals: number; derl: number; value: number | null }[];
  /** Σ over those still subscribed of valuePerPeriod × DERL(their renewals). */
  residualValueOfBase: number | null;
  source: "survivors" | "text" | "subscribers";
  /** The survival counts read; null for subscriber rows. */
  counts: number[] | null;
  /** With `text` only. */
  rows?: number; used?: number; skipped?: SkippedRow[];
  warnings: string[]; notices: Notice[];
}
