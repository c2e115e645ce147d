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
export interface ScoreColumns { score?: string | number; }
export interface Bar { score: number; count: number; percent: number; }

export interface CrrInput { startCustomers: number; endCustomers: number; newCustomers: number; }
export interface CrrResult {
  retentionRate: number; churnRate: number; retained: number; lost: number;
  band: Band;
  /** `warnings` are the messages of `notices`. */
  warnings: string[]; notices: Notice[];
}
export interface ClvInput {
  averageOrderValue: number; purchasesPerYear: number; lifespanYears: number;
  grossMarginPercent?: number;
}
export interface ClvResult {
  clv: number; yearlyValue: number; profitClv: number; maxAcquisitionCost: number;
  retentionBudgetLow: number; retentionBudgetHigh: number;
}
export type NpsInput =
  | { scores: number[] }
  | { text: string; columns?: ScoreColumns; locale?: Locale }
  | { promoters?: number; passives?: number; detractors?: number };
export interface NpsGroup { count: number; percent: number; }
export interface NpsResult extends Partial<RowReport> {
  nps: number; responses: number;
  promoters: NpsGroup; passives: NpsGroup; detractors: NpsGroup;
  marginOfError: number; low: number; high: number; band: Band;
  /** Count of each score 0–10; empty when only group counts were given. */
  distribution: Bar[];
}
export interface CesInput {
  scores?: number[]; text?: string; columns?: ScoreColumns; locale?: Locale;
  scaleMin?: 1; scaleMax?: 5 | 7 | 10; highIsEasy?: boolean;
}
export interface CesResult extends Partial<RowReport> {
  ces: number; responses: number; distribution: Bar[]; easyPercent: number;
  easyRange: [number, number]; scaleMin: number; scaleMax: number; highIsEasy: boolean;
}
export interface CsatInput {
  scores?: number[]; text?: string; columns?: ScoreColumns; locale?: Locale; scaleMax?: 5 | 10;
}
export interface CsatResult extends Partial<RowReport> {
  csat: number; responses: number; mean: number; distribution: Bar[];
  topBox: [number, number]; scaleMax: number;
}
export type FcrInput =
  | { resolvedFirstContact: number; totalTickets: number }
  /** A ticket log: a yes/no column (ya/tidak, yes/no, y/n, 1/0, true/false, benar/salah)
   * or a number-of-contacts column (1 = resolved) decides each ticket. `groupBy` names a
   * column by header or 0-based index ("channel"/"agent" also find Kanal/Agen). */
  | { text: string; groupBy?: string | number; locale?: Locale; columns?: { resolved?: string | number; contacts?: string | number; group?: string | number };
      /** SLA on first response: within this many minutes (default 15), for this share of tickets (default 80). */
      slaMinutes?: number; slaTargetPercent?: number };
export interface FcrGroup { name: string; fcr: number; resolved: number; total: number; }
export interface FcrResult extends Partial<RowReport>, Partial<TicketDetails> {
  fcr: number; resolved: number; total: number; band: Band;
  /** Largest total first; empty without groupBy. */
  groups: FcrGroup[];
  /** With text and groupBy: the column grouped by. */
  groupColumn?: { index: number; name: string };
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
export type Role = "customer" | "date" | "amount" | "orderId" | "status" | "refunded" | "score" | "resolved" | "contacts" | "group";
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
}
export interface LogInput {
  text: string; locale?: Locale;
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
export interface ClvFromLogInput extends LogInput { lifespanYears?: number; grossMarginPercent?: number; }
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
export interface LifecycleInput extends LogInput { asOf?: string; }
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
}
export interface AnalyzeLogOutput {
  rfm: Part<RfmOutput>; retention: Part<RetentionOutput>; repeat: Part<RepeatStats>;
  cohorts: Part<CohortsOutput>; clv: Part<ClvFromLogOutput>; lifecycle: Part<LifecycleOutput>;
  firstDate: string | null; lastDate: string | null; customers: number;
}
export type AnalyzeLogResult = AnalyzeLogOutput & LogReport;

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
}
export interface BtydParams { r: number; alpha: number; a: number; b: number; p: number; q: number; v: number; }
export interface PredictedCustomer {
  customer: string; frequency: number; recency: number; T: number; monetarySpend: number;
  /** expectedPurchases and expectedSpend are over the horizon, like clv (which is discounted). */
  pAlive: number; expectedPurchases: number; expectedSpend: number; spendPerPurchase: number; clv: number;
}
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
  };
  aliveMatrix: { t: number; frequencies: number[]; recencies: number[]; values: number[][] };
  /** Unconditional E[X(t)] over the horizon: the purchases a new customer is expected to make. */
  newCustomerExpectedPurchases: number;
  /** `warnings` are the messages of the model's notices; `notices` lists the log's first. */
  warnings: string[]; notices: Notice[];
  rows: number; used: number; skipped: SkippedRow[]; columns: ParsedColumn[];
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
