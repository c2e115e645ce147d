//! An `.xlsx` file's parts checked before calamine reads them, for what
//! calamine acts on without a bound: the `uniqueCount` of the shared strings
//! (`<sst uniqueCount="…">`), for which calamine reserves room before reading
//! any string (24 bytes a string natively: a count of 400,000,000 in a file of
//! a few kilobytes asked for 9.6 GB and aborted the process; in wasm, above
//! about 180 million the reservation overflows and traps).
//!
//! calamine 0.38 (`src/xlsx/mod.rs`, `read_shared_strings`) reads
//! `{workbook folder}sharedStrings.xml`, the name matched ignoring case, and
//! takes the first `sst` element's `uniqueCount` when it is all digits (and
//! fits a `usize`). Every part whose name ends in `sharedStrings.xml` (any
//! case, any folder) is checked here, so the one calamine reads is among them.

use quick_xml::events::Event;
use std::io::{BufReader, Cursor};

/// A shared-strings part says it holds `count` strings, more than `max`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub count: u64,
    pub max: u64,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "its list of texts says it holds {} of them, more than the {} cells a workbook \
             can have here",
            self.count, self.max
        )
    }
}

/// Checks the zip file `bytes` before calamine reads it as an xlsx: no
/// shared-strings part may claim more than `max` strings. A file that is no
/// readable zip passes (calamine says so).
pub fn check(bytes: &[u8], max: u64) -> Result<(), Refusal> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else { continue };
        let Ok(name) = part.name() else { continue };
        let name = name.replace('\\', "/").to_ascii_lowercase();
        if !name.ends_with("sharedstrings.xml") {
            continue;
        }
        if let Some(count) = unique_count(BufReader::new(part)) {
            if count > max {
                return Err(Refusal { count, max });
            }
        }
    }
    Ok(())
}

/// The `uniqueCount` of the first `sst` element, when calamine would take it
/// (all ASCII digits; saturating at `u64::MAX`).
fn unique_count(xml: impl std::io::BufRead) -> Option<u64> {
    let mut reader = super::ods::xml_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "sst" => {
                let value = super::ods::raw_attr(&e, "uniqueCount")??;
                let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
                return digits.then(|| {
                    value.bytes().fold(0u64, |n, b| {
                        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
                    })
                });
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(xml: &str) -> Option<u64> {
        unique_count(xml.as_bytes())
    }

    #[test]
    fn the_first_sst_count_as_calamine_takes_it() {
        let sst = |attrs: &str| {
            format!(
                "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/\
                 spreadsheetml/2006/main\" {attrs}><si><t>x</t></si></sst>"
            )
        };
        assert_eq!(count(&sst(r#"count="3" uniqueCount="2""#)), Some(2));
        assert_eq!(
            count(&sst(r#"uniqueCount="0400000000""#)),
            Some(400_000_000)
        );
        assert_eq!(
            count(&sst(r#"uniqueCount="99999999999999999999999""#)),
            Some(u64::MAX)
        );
        // Not all digits, absent, empty: calamine reserves nothing.
        for attrs in [
            r#"uniqueCount="+5""#,
            r#"uniqueCount="5x""#,
            r#"count="5""#,
            r#"uniqueCount="""#,
        ] {
            assert_eq!(count(&sst(attrs)), None, "{attrs}");
        }
        // With a namespace prefix, as calamine matches the local name.
        assert_eq!(count(r#"<x:sst uniqueCount="7"/>"#), Some(7));
        assert_eq!(count("<other/>"), None);
        assert_eq!(count(""), None);
    }
}
