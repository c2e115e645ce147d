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
/** Errors thrown by every function are `Error`s with these extra fields. */
export interface CustomerMetricsError extends Error {
  code: string; field?: string; row?: number; skipped?: SkippedRow[];
}
/** Map a role to a column by header name or 0-based index. */
export type Columns = { [role: string]: string | number };
export interface Bar { score: number; count: number; percent: number; }

export interface CrrInput { startCustomers: number; endCustomers: number; newCustomers: number; }
export interface CrrResult {
  retentionRate: number; churnRate: number; retained: number; lost: number;
  band: Band; warnings: string[];
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
  | { text: string; columns?: Columns }
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
  scores?: number[]; text?: string; columns?: Columns;
  scaleMin?: 1; scaleMax?: 5 | 7 | 10; highIsEasy?: boolean;
}
export interface CesResult extends Partial<RowReport> {
  ces: number; responses: number; distribution: Bar[]; easyPercent: number;
  easyRange: [number, number]; scaleMin: number; scaleMax: number; highIsEasy: boolean;
}
export interface CsatInput { scores?: number[]; text?: string; columns?: Columns; scaleMax?: 5 | 10; }
export interface CsatResult extends Partial<RowReport> {
  csat: number; responses: number; mean: number; distribution: Bar[];
  topBox: [number, number]; scaleMax: number;
}
export type FcrInput =
  | { resolvedFirstContact: number; totalTickets: number }
  /** A ticket log: a yes/no column (ya/tidak, yes/no, y/n, 1/0, true/false, benar/salah)
   * or a number-of-contacts column (1 = resolved) decides each ticket. `groupBy` names a
   * column by header or 0-based index ("channel"/"agent" also find Kanal/Agen). */
  | { text: string; groupBy?: string | number; columns?: { resolved?: string | number; contacts?: string | number; group?: string | number } };
export interface FcrGroup { name: string; fcr: number; resolved: number; total: number; }
export interface FcrResult extends Partial<RowReport> {
  fcr: number; resolved: number; total: number; band: Band;
  /** Largest total first; empty without groupBy. */
  groups: FcrGroup[];
  /** With text and groupBy: the column grouped by. */
  groupColumn?: { index: number; name: string };
}

/** Column roles: which column is the customer, the date, the amount, … */
export type Role = "customer" | "date" | "amount" | "orderId" | "score" | "resolved" | "contacts" | "group";
export type Kind = "empty" | "date" | "amount" | "number" | "yesNo" | "text";
/** How a column's values are read, and what decided it. */
export type Notation =
  | { kind: "amount"; decimalMark: "," | "."; thousandsSeparator: "." | ","; decidedBy: "values" | "locale" | "default"; description: string }
  | { kind: "date"; order: "dayFirst" | "monthFirst"; decidedBy: "values" | "locale" | "default"; description: string };
export interface ParsedColumn { index: number; name: string; role: Role | null; kind: Kind; notation: Notation | null; }
export interface ParseTableInput { text: string; locale?: "id" | "en" | "auto"; columns?: { [role in Role]?: string | number }; }
export interface ParsedTable {
  columns: ParsedColumn[];
  delimiter: "tab" | "semicolon" | "comma" | "spaces" | "none";
  hasHeader: boolean;
  rows: number; used: number; skipped: SkippedRow[];
  /** The first 20 data rows as parsed values: dates as ISO strings, amounts and numbers as numbers, yes/no as booleans, unreadable or empty cells as null. */
  preview: { row: number; values: (string | number | boolean | null)[] }[];
}
