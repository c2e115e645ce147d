//! The `summary` input of `rfm`, `lifecycle` and `clvFromLog`: a
//! per-customer summary table (the warehouse route, `docs/sql/`) in place of
//! the sales log's `text`, giving the same results as the log's rows
//! (`tests/warehouse.rs` checks it against DuckDB).

use super::log::{read as read_log_text, LogInput, LogNotices};
use super::Args;
use crate::error::{Code, Error, Result};
use crate::input::currency::Currency;
use crate::input::log::{CurrencyChoice, SalesReport};
use crate::input::sales::AmountLevel;
use crate::input::summary::read_customer_summary;
use crate::metrics::log::{CustomerSummary, Summary};

/// The log of `args` (`text`) or its customer summary (`summary`), with the
/// report of the reading.
pub(super) fn read_either(args: &Args, function: &str) -> Result<(Summary, LogInput)> {
    match (args.has("text"), args.text("summary")?) {
        (true, Some(_)) => Err(Error::new(
            Code::ConflictingInputs,
            format!("{function}() takes either text (a sales log) or summary (a customer summary table), not both."),
        )),
        (false, Some(text)) => read_summary(args, text),
        (_, None) => read_log_text(args),
    }
}

/// A customer summary read into the analytics' [`Summary`].
fn read_summary(args: &Args, text: &str) -> Result<(Summary, LogInput)> {
    // Options of a sales log's reading have nothing to read in a summary.
    for key in ["columns", "countStatuses", "excludeStatuses"] {
        if args.has(key) {
            return Err(Error::field(
                Code::InvalidOption,
                key,
                format!("{key} applies to a sales log (text), not to a customer summary table."),
            ));
        }
    }
    // The numbers of a summary are plain (`1250000.5`); locale is checked, not needed.
    args.locale()?;
    let currency = super::log::log_options_currency(args)?;
    let table = read_customer_summary(text)?;
    if table.customers.is_empty() {
        return Err(Error::field(
            Code::NoUsableRows,
            "summary",
            format!(
                "None of the {} row(s) of the customer summary could be used; see the skipped rows.",
                table.rows
            ),
        )
        .with("rows", table.rows)
        .with_skipped(table.skipped));
    }
    let mut summary = Summary::default();
    let mut sales = SalesReport {
        orders: 0,
        lines: table.customers.len(),
        line_item_rows: 0,
        revenue: 0.0,
        refunded: 0.0,
        amount_level: AmountLevel::Row,
        guests: Default::default(),
        statuses: Vec::new(),
        // A summary has no order lines: which orders were returned is unknown (rates null).
        returns: Default::default(),
    };
    for row in &table.customers {
        let dates = row
            .purchases
            .map(|(first, _)| first)
            .into_iter()
            .chain(row.purchases.map(|(_, last)| last))
            .chain(row.last_date);
        for d in dates {
            summary.first_date = Some(summary.first_date.map_or(d, |f| f.min(d)));
            summary.last_date = Some(summary.last_date.map_or(d, |l| l.max(d)));
        }
        sales.orders += row.orders as usize;
        sales.revenue += row.total;
        sales.refunded += row.refunded;
        summary.customers.push(CustomerSummary::from_totals(
            &row.customer,
            row.line,
            row.orders,
            row.total,
            row.refunded,
            row.purchases,
        ));
    }
    let (code, decided_by) = match currency {
        Some(c) => (c, "option"),
        None => (Currency::Idr, "default"),
    };
    let mut notices = LogNotices::default();
    notices.list = super::log::plausibility(&summary);
    let input = LogInput {
        rows: table.rows,
        used: table.customers.len(),
        skipped: table.skipped,
        columns: Vec::new(),
        layout: None,
        layout_name: None,
        header_row: table.header_row,
        title_rows: 0,
        sales,
        currency: CurrencyChoice {
            code: code.code(),
            symbol: code.symbol(),
            decided_by,
            currency: code,
        },
        engagement: None,
        notices,
    };
    Ok((summary, input))
}
