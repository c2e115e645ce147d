//! `trends({ text, granularity?, … })`: the figures of every month or ISO
//! week of a sales log ([`crate::metrics::trends`]); `analyzeLog` carries the
//! same as its `trends` part.

use super::log::{read, FromLog};
use super::{fields, Args, Value};
use crate::error::{Code, Error, Result};
use crate::metrics::trends::{self, Granularity};

/// `granularity`: `"month"` (default) or `"week"`.
pub(crate) fn granularity(args: &Args) -> Result<Granularity> {
    match args.text("granularity")? {
        None | Some("month") => Ok(Granularity::Month),
        Some("week") => Ok(Granularity::Week),
        Some(other) => Err(Error::field(
            Code::InvalidOption,
            "granularity",
            format!("granularity must be \"month\" or \"week\", not \"{other}\"."),
        )),
    }
}

/// `trends({ text, granularity?, locale?, columns?, countStatuses?, excludeStatuses?, currency? })`
pub fn trends(input: &Value) -> Result<FromLog<trends::Trends>> {
    let args = Args::new(input, &fields::TRENDS)?;
    let granularity = granularity(&args)?;
    let (summary, mut input) = read(&args)?;
    let mut result = trends::trends(&summary, granularity)?;
    input.notices.hand_to(&mut result.notices);
    Ok(FromLog { result, input })
}
