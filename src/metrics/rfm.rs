//! RFM segmentation from a transaction log (METRICS.md §7).
//!
//! Per customer with at least one purchase (see [`super::log`] for what a
//! purchase is): **recency** = whole days from the last purchase to the
//! analysis date `asOf` (default: the day after the last date in the data; an
//! `asOf` before the latest purchase is an error, `asOfBeforeLastPurchase`),
//! **frequency** = orders, **monetary** = total spend with refunds subtracted.
//! Customers whose rows are all refunds or zero amounts are left out and
//! counted in `customersWithoutPurchase`.
//!
//! Scoring, two methods:
//! - [`RfmMethod::Fixed`]: the table of METRICS.md §7 with editable edges
//!   ([`Thresholds`]; defaults in rupiah): recency 5 if ≤ 7 days, 4 if ≤ 30,
//!   3 if ≤ 60, 2 if ≤ 90, else 1; frequency 5 if > 10 orders, 4 if ≥ 6, 3 if
//!   ≥ 4, 2 if ≥ 2, else 1; monetary 5 if > 10,000,000, 4 if ≥ 5,000,000, 3 if
//!   ≥ 2,000,000, 2 if ≥ 500,000, else 1.
//! - [`RfmMethod::Quintile`]: by rank among the n customers, with **equal
//!   values always given equal scores**: for frequency and monetary,
//!   score = 1 + ⌊5 × (customers with a strictly smaller value) / n⌋; for
//!   recency, where fewer days is better, score = 1 + ⌊5 × (customers with
//!   strictly more days) / n⌋. With n distinct values and n a multiple of 5
//!   this gives exactly n/5 customers each score; the lowest value always gets
//!   1; a group of tied values takes the score of its lowest place (e.g.
//!   monetary 1, 1, 1, 2, 3 scores 1, 1, 1, 4, 5); a column where every
//!   customer has the same value gives everyone 1 (it cannot rank anybody:
//!   use the fixed method); with n < 5 the top score is below 5 (n = 1: 1;
//!   n = 2: 1, 3; n = 3: 1, 2, 4; n = 4: 1, 2, 3, 4).
//!
//! Segments: an ordered list of rules ([`rules`]); the first rule whose
//! condition holds decides, and the last rules of each recency band catch
//! everything left, so each of the 125 triples has exactly one segment. The
//! sources' examples land in their segments (tested).

use super::log::{resolve_as_of, ser_date, Summary};
use super::percent;
use crate::error::{Code, Error, Result};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RfmMethod {
    #[default]
    Fixed,
    Quintile,
}

/// The edges of the fixed scoring table, highest score first.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Thresholds {
    /// Days: score 5 if recency ≤ `recency[0]`, 4 if ≤ `[1]`, 3 if ≤ `[2]`,
    /// 2 if ≤ `[3]`, else 1. Default `[7, 30, 60, 90]`.
    pub recency: [u32; 4],
    /// Orders: score 5 if frequency > `frequency[0]`, 4 if ≥ `[1]`, 3 if ≥ `[2]`,
    /// 2 if ≥ `[3]`, else 1. Default `[10, 6, 4, 2]`.
    pub frequency: [u32; 4],
    /// Total spend: score 5 if monetary > `monetary[0]`, 4 if ≥ `[1]`, 3 if
    /// ≥ `[2]`, 2 if ≥ `[3]`, else 1. Default (rupiah)
    /// `[10_000_000, 5_000_000, 2_000_000, 500_000]`.
    pub monetary: [f64; 4],
}

/// The fixed table's edges of METRICS.md §7 (monetary in rupiah).
pub const DEFAULT_THRESHOLDS: Thresholds = Thresholds {
    recency: [7, 30, 60, 90],
    frequency: [10, 6, 4, 2],
    monetary: [10_000_000.0, 5_000_000.0, 2_000_000.0, 500_000.0],
};

impl Default for Thresholds {
    fn default() -> Self {
        DEFAULT_THRESHOLDS
    }
}

/// The order a list of edges must be in, from the edge of score 5 down to
/// the edge of score 2; equal neighbours are allowed (a score is then unused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EdgeOrder {
    Ascending,
    Descending,
}

impl EdgeOrder {
    /// Whether `edges` (finite) are in this order.
    pub fn holds(self, edges: &[f64]) -> bool {
        edges.windows(2).all(|w| match self {
            EdgeOrder::Ascending => w[0] <= w[1],
            EdgeOrder::Descending => w[0] >= w[1],
        })
    }

    fn word(self) -> &'static str {
        match self {
            EdgeOrder::Ascending => "ascending",
            EdgeOrder::Descending => "descending",
        }
    }
}

/// The order of each list of [`Thresholds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EdgeOrders {
    pub recency: EdgeOrder,
    pub frequency: EdgeOrder,
    pub monetary: EdgeOrder,
}

/// Fewer days is better: recency edges ascend; more orders and more spend
/// are better: those edges descend.
pub const EDGE_ORDERS: EdgeOrders = EdgeOrders {
    recency: EdgeOrder::Ascending,
    frequency: EdgeOrder::Descending,
    monetary: EdgeOrder::Descending,
};

impl Thresholds {
    /// Edges must be finite and in the order of [`EDGE_ORDERS`].
    pub fn check(&self) -> Result<()> {
        let not_ordered = |what: &str, how: EdgeOrder| {
            Error::field(
                Code::ThresholdsNotOrdered,
                "thresholds",
                format!("The {what} thresholds must be in {} order, from the edge of score 5 down to the edge of score 2.", how.word()),
            )
        };
        let EdgeOrders {
            recency,
            frequency,
            monetary,
        } = EDGE_ORDERS;
        if !recency.holds(&self.recency.map(f64::from)) {
            return Err(not_ordered("recency", recency));
        }
        if !frequency.holds(&self.frequency.map(f64::from)) {
            return Err(not_ordered("frequency", frequency));
        }
        if let Some(v) = self.monetary.iter().find(|v| !v.is_finite()) {
            return Err(Error::field(
                Code::ThresholdNotFinite,
                "thresholds",
                format!("The monetary thresholds must be numbers (got {v})."),
            ));
        }
        if !monetary.holds(&self.monetary) {
            return Err(not_ordered("monetary", monetary));
        }
        Ok(())
    }

    pub fn recency_score(&self, days: i64) -> u8 {
        let r = &self.recency;
        match days {
            d if d <= i64::from(r[0]) => 5,
            d if d <= i64::from(r[1]) => 4,
            d if d <= i64::from(r[2]) => 3,
            d if d <= i64::from(r[3]) => 2,
            _ => 1,
        }
    }

    pub fn frequency_score(&self, orders: u32) -> u8 {
        let f = &self.frequency;
        match orders {
            o if o > f[0] => 5,
            o if o >= f[1] => 4,
            o if o >= f[2] => 3,
            o if o >= f[3] => 2,
            _ => 1,
        }
    }

    pub fn monetary_score(&self, total: f64) -> u8 {
        let m = &self.monetary;
        match total {
            t if t > m[0] => 5,
            t if t >= m[1] => 4,
            t if t >= m[2] => 3,
            t if t >= m[3] => 2,
            _ => 1,
        }
    }
}

/// Quintile scores of `values`: score = 1 + ⌊5 × below / n⌋, where `below`
/// counts the values strictly smaller than this one when `higher_is_better`,
/// strictly larger otherwise. Equal values get equal scores.
pub fn quintile_scores(values: &[f64], higher_is_better: bool) -> Vec<u8> {
    // +0.0 turns −0.0 into 0.0 so that total_cmp treats them as equal.
    let mut sorted: Vec<f64> = values.iter().map(|v| v + 0.0).collect();
    sorted.sort_unstable_by(f64::total_cmp);
    let n = values.len() as u64;
    values
        .iter()
        .map(|&v| {
            let v = v + 0.0;
            let below = if higher_is_better {
                sorted.partition_point(|x| x.total_cmp(&v).is_lt())
            } else {
                sorted.len() - sorted.partition_point(|x| x.total_cmp(&v).is_le())
            } as u64;
            // below < n, so the score is 1..=5.
            (1 + 5 * below / n) as u8
        })
        .collect()
}

/// One rule of the ordered segment list: a customer matches when R, F and M
/// are within their inclusive ranges and, where given, F + M ≥ `min_f_plus_m`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub key: &'static str,
    pub label: &'static str,
    /// The condition in English words, e.g. "R = 5 and F ≥ 4 and M ≥ 4"
    /// ("any score" without parts).
    pub condition: String,
    /// Its parts, the same in every language (`["R = 5", "F ≥ 4", "M ≥ 4"]`):
    /// a page joins them with its own "and" (`www/js/calc/i18n/segments.*.js`).
    pub condition_parts: Vec<String>,
    pub r: [u8; 2],
    pub f: [u8; 2],
    pub m: [u8; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_f_plus_m: Option<u8>,
    pub action: &'static str,
}

impl Rule {
    pub fn matches(&self, r: u8, f: u8, m: u8) -> bool {
        let within = |v: u8, [lo, hi]: [u8; 2]| lo <= v && v <= hi;
        within(r, self.r)
            && within(f, self.f)
            && within(m, self.m)
            && self.min_f_plus_m.is_none_or(|min| f + m >= min)
    }
}

struct RuleDef {
    key: &'static str,
    label: &'static str,
    r: [u8; 2],
    f: [u8; 2],
    m: [u8; 2],
    min_f_plus_m: Option<u8>,
    action: &'static str,
}

const ANY: [u8; 2] = [1, 5];

/// The ordered rule list. Read top to bottom; the first match decides.
const RULES: [RuleDef; 11] = [
    RuleDef {
        key: "champions",
        label: "Champions",
        r: [5, 5],
        f: [4, 5],
        m: [4, 5],
        min_f_plus_m: None,
        action: "Reward them: VIP treatment, early access to new products, referral incentives, a personal thank-you.",
    },
    RuleDef {
        key: "loyal",
        label: "Loyal customers",
        r: [4, 5],
        f: [3, 5],
        m: [3, 5],
        min_f_plus_m: None,
        action: "Offer higher-value products, ask for reviews, invite them to a loyalty programme.",
    },
    RuleDef {
        key: "potentialLoyalists",
        label: "Potential loyalists",
        r: [4, 5],
        f: [2, 5],
        m: [2, 5],
        min_f_plus_m: None,
        action: "Offer a membership or loyalty programme and personal recommendations.",
    },
    RuleDef {
        key: "newCustomers",
        label: "New customers",
        r: [5, 5],
        f: [1, 1],
        m: ANY,
        min_f_plus_m: None,
        action: "Welcome them: a thank-you message, help with the product, a small offer for a second purchase.",
    },
    RuleDef {
        key: "promising",
        label: "Promising",
        r: [4, 5],
        f: ANY,
        m: ANY,
        min_f_plus_m: None,
        action: "Build the relationship: free delivery or a small discount on the next order.",
    },
    RuleDef {
        key: "needAttention",
        label: "Need attention",
        r: [3, 3],
        f: [3, 5],
        m: [3, 5],
        min_f_plus_m: None,
        action: "Reach out with a limited-time offer and recommendations based on what they bought.",
    },
    RuleDef {
        key: "aboutToSleep",
        label: "About to sleep",
        r: [3, 3],
        f: ANY,
        m: ANY,
        min_f_plus_m: None,
        action: "Share popular products and a discount to win back their interest before they lapse.",
    },
    RuleDef {
        key: "cantLoseThem",
        label: "Can't lose them",
        r: [1, 2],
        f: ANY,
        m: ANY,
        min_f_plus_m: Some(9),
        action: "Personal outreach (a call or a WhatsApp message) with a special offer; ask what went wrong.",
    },
    RuleDef {
        key: "atRisk",
        label: "At risk",
        r: [1, 2],
        f: [3, 5],
        m: [3, 5],
        min_f_plus_m: None,
        action: "Win-back campaign: a \"we miss you\" message, a limited-time offer, a feedback survey.",
    },
    RuleDef {
        key: "lost",
        label: "Lost",
        r: [1, 1],
        f: [1, 1],
        m: [1, 2],
        min_f_plus_m: None,
        action: "One last attempt, or let them go gracefully (no spam).",
    },
    RuleDef {
        key: "hibernating",
        label: "Hibernating",
        r: [1, 2],
        f: ANY,
        m: ANY,
        min_f_plus_m: None,
        action: "Send a reactivation discount.",
    },
];

/// One score range in words: "R = 5", "F ≥ 4", "M ≤ 2", "2 ≤ F ≤ 4", or nothing.
fn range_words(name: &str, [lo, hi]: [u8; 2]) -> Option<String> {
    match (lo, hi) {
        (1, 5) => None,
        (lo, hi) if lo == hi => Some(format!("{name} = {lo}")),
        (lo, 5) => Some(format!("{name} ≥ {lo}")),
        (1, hi) => Some(format!("{name} ≤ {hi}")),
        (lo, hi) => Some(format!("{lo} ≤ {name} ≤ {hi}")),
    }
}

/// The ordered rule list, as data for the page.
pub fn rules() -> Vec<Rule> {
    RULES
        .iter()
        .map(|d| {
            let parts: Vec<String> = [("R", d.r), ("F", d.f), ("M", d.m)]
                .into_iter()
                .filter_map(|(name, range)| range_words(name, range))
                .chain(d.min_f_plus_m.map(|min| format!("F + M ≥ {min}")))
                .collect();
            let condition = if parts.is_empty() {
                "any score".to_string()
            } else {
                parts.join(" and ")
            };
            Rule {
                key: d.key,
                label: d.label,
                condition,
                condition_parts: parts,
                r: d.r,
                f: d.f,
                m: d.m,
                min_f_plus_m: d.min_f_plus_m,
                action: d.action,
            }
        })
        .collect()
}

/// The position in [`rules`] of the first rule that matches scores 1–5.
fn rule_index(rules: &[Rule], r: u8, f: u8, m: u8) -> usize {
    rules
        .iter()
        .position(|rule| rule.matches(r, f, m))
        // The last rule of each recency band has no F or M condition, so some
        // rule always matches scores within 1–5; the last rule is the fallback.
        .unwrap_or(rules.len() - 1)
}

/// The segment key of a score triple (each score 1–5). Builds the rule list
/// each call: to classify many triples, use [`rules`] and [`Rule::matches`].
pub fn segment_of(r: u8, f: u8, m: u8) -> &'static str {
    let rules = rules();
    rules[rule_index(&rules, r, f, m)].key
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerRfm {
    pub customer: String,
    /// Whole days from the last purchase to `asOf`.
    pub recency: i64,
    /// Orders.
    pub frequency: u32,
    /// Total spend, refunds subtracted.
    pub monetary: f64,
    pub r: u8,
    pub f: u8,
    pub m: u8,
    pub segment: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentCount {
    pub key: &'static str,
    pub label: &'static str,
    pub count: u64,
    /// Share of customers, 0–100.
    pub percent: f64,
    /// The segment's total spend.
    pub revenue: f64,
    /// Share of all customers' total spend, 0–100; null when that total is not
    /// positive (refunds exceeding purchases leave no meaningful share).
    pub revenue_percent: Option<f64>,
    pub action: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rfm {
    #[serde(serialize_with = "ser_date")]
    pub as_of: NaiveDate,
    pub method: RfmMethod,
    /// Customers with a purchase, in the order of their first line.
    pub customers: Vec<CustomerRfm>,
    /// Every segment of [`rules`], in rule order, empty ones included.
    pub segments: Vec<SegmentCount>,
    pub rules: Vec<Rule>,
    /// The edges used (fixed method); null with quintiles.
    pub thresholds: Option<Thresholds>,
    /// Customers left out because they have no purchase (only refunds or zero amounts).
    pub customers_without_purchase: usize,
}

pub fn rfm(
    summary: &Summary,
    as_of: Option<NaiveDate>,
    method: RfmMethod,
    thresholds: &Thresholds,
) -> Result<Rfm> {
    let as_of = resolve_as_of(summary, as_of)?;
    if method == RfmMethod::Fixed {
        thresholds.check()?;
    }
    let mut customers: Vec<CustomerRfm> = summary
        .purchasers()
        .filter_map(|c| {
            let last = c.last_purchase()?;
            Some(CustomerRfm {
                customer: c.customer.clone(),
                recency: (as_of - last).num_days(),
                frequency: c.orders,
                monetary: c.total,
                r: 0,
                f: 0,
                m: 0,
                segment: "",
            })
        })
        .collect();
    match method {
        RfmMethod::Fixed => {
            for c in &mut customers {
                c.r = thresholds.recency_score(c.recency);
                c.f = thresholds.frequency_score(c.frequency);
                c.m = thresholds.monetary_score(c.monetary);
            }
        }
        RfmMethod::Quintile => {
            let column =
                |get: fn(&CustomerRfm) -> f64| customers.iter().map(get).collect::<Vec<_>>();
            let r = quintile_scores(&column(|c| c.recency as f64), false);
            let f = quintile_scores(&column(|c| f64::from(c.frequency)), true);
            let m = quintile_scores(&column(|c| c.monetary), true);
            for (i, c) in customers.iter_mut().enumerate() {
                (c.r, c.f, c.m) = (r[i], f[i], m[i]);
            }
        }
    }
    let rules = rules();
    let mut counts = vec![(0u64, 0.0f64); rules.len()];
    for c in &mut customers {
        let i = rule_index(&rules, c.r, c.f, c.m);
        c.segment = rules[i].key;
        counts[i].0 += 1;
        counts[i].1 += c.monetary;
    }
    let n = customers.len() as f64;
    let revenue: f64 = customers.iter().map(|c| c.monetary).sum();
    let segments = rules
        .iter()
        .zip(&counts)
        .map(|(rule, &(count, seg_revenue))| SegmentCount {
            key: rule.key,
            label: rule.label,
            count,
            percent: percent(count as f64, n),
            revenue: seg_revenue,
            revenue_percent: (revenue > 0.0).then(|| percent(seg_revenue, revenue)),
            action: rule.action,
        })
        .collect();
    Ok(Rfm {
        as_of,
        method,
        customers,
        segments,
        rules,
        thresholds: (method == RfmMethod::Fixed).then_some(*thresholds),
        customers_without_purchase: summary.customers_without_purchase(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_triple_has_exactly_one_first_rule_and_every_segment_is_used() {
        let rules = rules();
        let mut used = vec![0; rules.len()];
        for r in 1..=5 {
            for f in 1..=5 {
                for m in 1..=5 {
                    let first = rules.iter().position(|x| x.matches(r, f, m));
                    assert!(first.is_some(), "{r}-{f}-{m} matches no rule");
                    used[first.unwrap()] += 1;
                }
            }
        }
        assert_eq!(used.iter().sum::<i32>(), 125);
        assert!(
            used.iter().all(|&u| u > 0),
            "a rule is never reached: {used:?}"
        );
        // The last rule of each recency band is a catch-all for F and M.
        for r in 1..=5 {
            assert!(rules.iter().any(|x| x.matches(r, 1, 1)
                && x.f == ANY
                && x.m == ANY
                && x.min_f_plus_m.is_none()));
        }
    }

    #[test]
    fn the_sources_examples_land_in_their_segments() {
        for (triple, key) in [
            ((5, 5, 5), "champions"),
            ((5, 4, 5), "champions"),
            ((4, 4, 4), "loyal"),
            ((5, 3, 4), "loyal"),
            ((5, 2, 3), "potentialLoyalists"),
            ((4, 2, 3), "potentialLoyalists"),
            ((2, 4, 4), "atRisk"),
            ((2, 3, 4), "atRisk"),
            ((1, 5, 5), "cantLoseThem"),
            ((2, 5, 5), "cantLoseThem"),
            ((1, 2, 2), "hibernating"),
            ((2, 2, 2), "hibernating"),
            ((1, 1, 1), "lost"),
        ] {
            assert_eq!(segment_of(triple.0, triple.1, triple.2), key, "{triple:?}");
        }
        assert_eq!(segment_of(5, 1, 3), "newCustomers");
        assert_eq!(segment_of(4, 1, 1), "promising");
        assert_eq!(segment_of(3, 3, 3), "needAttention");
        assert_eq!(segment_of(3, 2, 4), "aboutToSleep");
    }

    #[test]
    fn conditions_in_words() {
        let rules = rules();
        let rule = |k: &str| rules.iter().find(|r| r.key == k).unwrap();
        let by = |k: &str| rule(k).condition.clone();
        assert_eq!(by("champions"), "R = 5 and F ≥ 4 and M ≥ 4");
        // The Indonesian words are the page's: the parts joined by the "and"
        // of www/js/calc/i18n/segments.id.js.
        let id = include_str!("../../www/js/calc/i18n/segments.id.js");
        let and = id
            .split_once("and: \"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(and, _)| and)
            .unwrap();
        assert_eq!(
            rule("champions").condition_parts.join(and),
            "R = 5 dan F ≥ 4 dan M ≥ 4"
        );
        assert_eq!(by("cantLoseThem"), "R ≤ 2 and F + M ≥ 9");
        assert_eq!(by("lost"), "R = 1 and F = 1 and M ≤ 2");
        assert_eq!(by("promising"), "R ≥ 4");
    }

    #[test]
    fn fixed_edges() {
        let t = Thresholds::default();
        assert_eq!((t.recency_score(7), t.recency_score(8)), (5, 4));
        assert_eq!((t.recency_score(30), t.recency_score(31)), (4, 3));
        assert_eq!((t.recency_score(60), t.recency_score(61)), (3, 2));
        assert_eq!((t.recency_score(90), t.recency_score(91)), (2, 1));
        assert_eq!((t.frequency_score(10), t.frequency_score(11)), (4, 5));
        assert_eq!((t.frequency_score(5), t.frequency_score(6)), (3, 4));
        assert_eq!((t.frequency_score(3), t.frequency_score(4)), (2, 3));
        assert_eq!((t.frequency_score(1), t.frequency_score(2)), (1, 2));
        assert_eq!(t.monetary_score(10_000_000.0), 4);
        assert_eq!(t.monetary_score(10_000_000.01), 5);
        assert_eq!(t.monetary_score(5_000_000.0), 4);
        assert_eq!(t.monetary_score(4_999_999.0), 3);
        assert_eq!(t.monetary_score(2_000_000.0), 3);
        assert_eq!(t.monetary_score(500_000.0), 2);
        assert_eq!(t.monetary_score(499_999.0), 1);
        assert_eq!(t.monetary_score(-100.0), 1);
    }

    #[test]
    fn thresholds_must_be_ordered() {
        let t = Thresholds {
            recency: [30, 7, 60, 90],
            ..Default::default()
        };
        assert_eq!(t.check().unwrap_err().code, "thresholdsNotOrdered");
        let mut t = Thresholds::default();
        t.monetary[2] = f64::NAN;
        assert_eq!(t.check().unwrap_err().code, "thresholdNotFinite");
        let t = Thresholds {
            frequency: [2, 4, 6, 10],
            ..Default::default()
        };
        assert_eq!(t.check().unwrap_err().field.as_deref(), Some("thresholds"));
    }

    #[test]
    fn quintiles_give_ties_equal_scores() {
        // 10 distinct values: 2 per score.
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(
            quintile_scores(&v, true),
            vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        );
        assert_eq!(
            quintile_scores(&v, false),
            vec![5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
        );
        // Ties: [1, 1, 1, 2, 3]: below = 0, 0, 0, 3, 4 → 1 + ⌊5·b/5⌋ = 1, 1, 1, 4, 5.
        assert_eq!(
            quintile_scores(&[1.0, 1.0, 1.0, 2.0, 3.0], true),
            vec![1, 1, 1, 4, 5]
        );
        // Reversed (recency): strictly larger = 2, 2, 2, 1, 0 → 3, 3, 3, 2, 1:
        // a tie group takes the score of its lowest place.
        assert_eq!(
            quintile_scores(&[1.0, 1.0, 1.0, 2.0, 3.0], false),
            vec![3, 3, 3, 2, 1]
        );
        // All equal → everyone 1, in both directions.
        assert_eq!(quintile_scores(&[7.0; 4], true), vec![1; 4]);
        assert_eq!(quintile_scores(&[7.0; 4], false), vec![1; 4]);
        // n < 5.
        assert_eq!(quintile_scores(&[5.0], true), vec![1]);
        assert_eq!(quintile_scores(&[5.0, 9.0], true), vec![1, 3]);
        assert_eq!(quintile_scores(&[3.0, 1.0, 2.0], true), vec![4, 1, 2]);
        assert_eq!(
            quintile_scores(&[4.0, 1.0, 2.0, 3.0], true),
            vec![4, 1, 2, 3]
        );
        // −0 and 0 are the same value.
        assert_eq!(quintile_scores(&[-0.0, 0.0], true), vec![1, 1]);
        assert!(quintile_scores(&[], true).is_empty());
    }
}
