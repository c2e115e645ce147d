//! customer-metrics: customer-retention calculators (CRR and churn, CLV, NPS,
//! CES, CSAT, FCR) for small businesses, in plain Rust and as WebAssembly.
//!
//! - [`metrics`]: the formulas, typed and pure (one file per metric).
//! - [`input`]: reading pasted spreadsheet text (delimiters, headers, roles, numbers).
//! - [`api`]: the JavaScript API of `API.md`, in plain Rust over [`api::Value`].
//! - `wasm` (only on wasm32): the thin binding that converts and forwards.

pub mod api;
pub mod error;
pub mod input;
pub mod metrics;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, Skipped};
