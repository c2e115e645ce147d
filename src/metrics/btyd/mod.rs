//! "Buy till you die" models (METRICS.md §2, predictive CLV).

pub mod special;
