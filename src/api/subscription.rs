//! `subscriptionRetention`: the shifted-beta-geometric model of subscriptions
//! (`metrics::sbg`) from survival counts (a list or pasted text) or from one
//! row per subscriber.

use super::{Args, Value};
use crate::error::{Code, Error, Result, Skipped};
use crate::input::survival::read_survival_counts;
use crate::metrics::sbg::{self, Sbg, SbgOptions, DEFAULT_DISCOUNT_RATE, MAX_HORIZON};
use serde::Serialize;

/// What the data were read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    Survivors,
    Text,
    Subscribers,
}

/// The result: the model's, and how the input was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionRetention {
    #[serde(flatten)]
    pub result: Sbg,
    pub source: Source,
    /// The counts read (survival counts, from a list or text); `null` for subscriber rows.
    pub counts: Option<Vec<f64>>,
    /// With `text`: its non-blank lines after a header, those used, those skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<Vec<Skipped>>,
}

/// `subscriptionRetention({ survivors | text | renewals + active,
/// discountRate?, valuePerPeriod?, horizon? })`
pub fn subscription_retention(input: &Value) -> Result<SubscriptionRetention> {
    let args = Args::new(input, &crate::api::fields::SUBSCRIPTION_RETENTION)?;
    let survivors = args.numbers("survivors")?;
    let text = args.text("text")?;
    let renewals = args.numbers("renewals")?;
    let active = args.booleans("active")?;
    let given = [
        survivors.is_some(),
        text.is_some(),
        renewals.is_some() || active.is_some(),
    ];
    if given.iter().filter(|&&g| g).count() > 1 {
        return Err(Error::new(
            Code::ConflictingInputs,
            "subscriptionRetention() takes survivors, or text, or renewals with active: one of them.",
        ));
    }
    // Past the limit by one at most, for the error to name it.
    let horizon = args
        .count("horizon")?
        .map(|h| h.min(MAX_HORIZON as u64 + 1) as usize);
    let options = SbgOptions {
        horizon,
        discount_rate: args
            .number("discountRate")?
            .unwrap_or(DEFAULT_DISCOUNT_RATE),
        value_per_period: args.number("valuePerPeriod")?,
    };
    sbg::check_options(&options)?;

    let mut rows = None;
    let mut skipped = None;
    let (data, source, counts) = if let Some(counts) = survivors {
        (
            sbg::from_survivors(&counts, "survivors")?,
            Source::Survivors,
            Some(counts),
        )
    } else if let Some(text) = text {
        let read = read_survival_counts(text);
        if read.counts.is_empty() {
            return Err(if read.rows == 0 {
                Error::field(Code::EmptyText, "text", "The pasted text has no counts.")
            } else {
                Error::field(
                    Code::NoUsableRows,
                    "text",
                    "No line of the pasted text has a number of subscribers.",
                )
                .with("rows", read.rows)
                .with_skipped(read.skipped)
            });
        }
        // Errors about a count name its line of the text.
        let data = sbg::from_survivors(&read.counts, "text").map_err(|mut e| {
            e.row = e.row.and_then(|i| read.lines.get(i - 1).copied());
            e
        })?;
        rows = Some(read.rows);
        skipped = Some(read.skipped);
        (data, Source::Text, Some(read.counts))
    } else if renewals.is_some() || active.is_some() {
        let (Some(renewals), Some(active)) = (renewals, active) else {
            let missing = if args.has("renewals") {
                "active"
            } else {
                "renewals"
            };
            return Err(Error::field(
                Code::MissingField,
                missing,
                "Subscriber rows need both renewals (times each renewed) and active (whether each is still subscribed).",
            ));
        };
        (
            sbg::from_subscribers(&renewals, &active)?,
            Source::Subscribers,
            None,
        )
    } else {
        return Err(Error::new(
            Code::MissingInput,
            "subscriptionRetention() needs survivors (subscribers at the start and still subscribed after each period), text (the same pasted), or renewals with active (one per subscriber).",
        ));
    };
    let result = sbg::sbg(&data, &options)?;
    let used = counts.as_ref().map(Vec::len);
    Ok(SubscriptionRetention {
        result,
        source,
        counts,
        used: rows.and(used),
        rows,
        skipped,
    })
}
