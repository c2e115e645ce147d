//! A sales log read from bytes that arrive in blocks of any size: a file
//! streamed by the page (`File.slice`) or read from disk by the CLI, so that
//! a log larger than memory can be analysed. Only per-customer state is kept
//! (and the orders of a multi-line export, and the skipped rows' reports).
//!
//! The log is read twice, as [`read_log`](super::log::read_log) reads a
//! whole text: a first pass ([`LogStream::scan`]) decides the columns from
//! the head (its first rows) and gathers every row's evidence for the date
//! and amount notations; a second pass ([`LogStream::read`]) reads the rows
//! into orders. Blocks are cut into pieces of whole records ([`Cutter`]: at
//! a line break outside quotes), so every figure, skipped row and line
//! number is the same as from the whole text at once (`tests/stream.rs`).

use super::log::{LogOptions, LogRead, LogReport, LogRow, LogScan};
use super::table::{check_shape_at, Delimiter, Table};
use crate::error::{Code, Error, Result};

/// Bytes gathered before the head is read.
const HEAD_BYTES: usize = 256 << 10;
/// Data records the head must hold (beyond the title and header rows): the
/// most that any decision from the first rows looks at, and a margin for the
/// head's last record, which may be cut short.
const HEAD_RECORDS: usize = 5_002;
/// A record may run over this many bytes without a line break outside
/// quotes before the reading stops (a quote opened and never closed would
/// otherwise swallow the rest of the file into memory).
pub const MAX_RECORD_BYTES: usize = 64 << 20;

/// Cuts blocks of bytes into pieces of whole records.
#[derive(Debug)]
pub struct Cutter {
    carry: Vec<u8>,
    delimiter: u8,
    spaces: bool,
    /// No byte handed out yet: a BOM is dropped.
    first: bool,
}

impl Cutter {
    pub fn new(delimiter: Delimiter) -> Cutter {
        Cutter {
            carry: Vec::new(),
            delimiter: delimiter.byte(),
            spaces: delimiter == Delimiter::Spaces,
            first: true,
        }
    }

    /// The whole records among the bytes given so far, as text (invalid
    /// UTF-8 replaced, as the page's `TextDecoder` does), or None while the
    /// first record is not complete yet. `line`: where the pending bytes
    /// start, for the error of a record that never ends.
    pub fn push(&mut self, block: &[u8], line: usize) -> Result<Option<String>> {
        self.carry.extend_from_slice(block);
        match boundary(&self.carry, self.delimiter, self.spaces) {
            Some(cut) => {
                let rest = self.carry.split_off(cut);
                let piece = std::mem::replace(&mut self.carry, rest);
                Ok(Some(self.text(piece)))
            }
            None if self.carry.len() > MAX_RECORD_BYTES => Err(Error::field(
                Code::LineTooLong,
                "text",
                format!("Line {line} starts a record longer than {MAX_RECORD_BYTES} bytes (a quote opened and never closed?); the file is not read."),
            )
            .with("max", MAX_RECORD_BYTES)
            .with_row(line)),
            None => Ok(None),
        }
    }

    /// The bytes left at the end of the input, as text.
    pub fn end(&mut self) -> Option<String> {
        let rest = std::mem::take(&mut self.carry);
        (!rest.is_empty()).then(|| self.text(rest))
    }

    fn text(&mut self, mut bytes: Vec<u8>) -> String {
        if std::mem::take(&mut self.first) && bytes.starts_with(b"\xef\xbb\xbf") {
            bytes.drain(..3);
        }
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// The end of the last whole record in `bytes` (which start a record): just
/// after a line break that is outside quotes, and (for a `\r`) whose next
/// byte is known not to be `\n`. Quotes open a field only at its start, and
/// `""` inside one is a quote, as the `csv` crate reads them.
fn boundary(bytes: &[u8], delimiter: u8, spaces: bool) -> Option<usize> {
    let mut limit = bytes.len();
    loop {
        let lf = memchr::memrchr(b'\n', &bytes[..limit]).map(|i| i + 1);
        let cr = memchr::memrchr(b'\r', &bytes[..limit.min(bytes.len().saturating_sub(1))])
            .filter(|&i| bytes[i + 1] != b'\n')
            .map(|i| i + 1);
        let at = lf.max(cr)?;
        match open_quote(&bytes[..at], delimiter, spaces) {
            None => return Some(at),
            // Inside a quoted field: cut before it.
            Some(open) => limit = open,
        }
    }
}

/// Where the quoted field still open at the end of `bytes` starts, if one is.
fn open_quote(bytes: &[u8], delimiter: u8, spaces: bool) -> Option<usize> {
    let field_start = |i: usize| {
        i == 0 || {
            let b = bytes[i - 1];
            b == delimiter || b == b'\n' || b == b'\r' || (spaces && b == b' ')
        }
    };
    let (mut from, mut open) = (0, None);
    while let Some(k) = memchr::memchr(b'"', &bytes[from..]) {
        let q = from + k;
        match open {
            None => {
                if field_start(q) {
                    open = Some(q);
                }
                from = q + 1;
            }
            Some(_) if bytes.get(q + 1) == Some(&b'"') => from = q + 2,
            Some(_) => {
                open = None;
                from = q + 1;
            }
        }
    }
    open
}

/// A log read from blocks of bytes, in two passes over the same bytes.
pub struct LogStream {
    options: LogOptions,
    stage: Stage,
}

enum Stage {
    /// The first bytes, until the head holds enough rows.
    Head {
        bytes: Vec<u8>,
        tried: usize,
    },
    Scan {
        table: Table<'static>,
        scan: Box<LogScan>,
        cutter: Cutter,
    },
    Read {
        table: Table<'static>,
        read: Box<LogRead>,
        cutter: Option<Cutter>,
    },
    Done,
}

impl LogStream {
    pub fn new(options: LogOptions) -> LogStream {
        LogStream {
            options,
            stage: Stage::Head {
                bytes: Vec::new(),
                tried: 0,
            },
        }
    }

    /// First pass: the next block of the log.
    pub fn scan(&mut self, block: &[u8]) -> Result<()> {
        let Stage::Head { bytes, tried } = &mut self.stage else {
            return self.scan_bytes(block);
        };
        bytes.extend_from_slice(block);
        if bytes.len() < HEAD_BYTES || bytes.len() < *tried * 2 {
            return Ok(());
        }
        let (bytes, tried) = (std::mem::take(bytes), bytes.len());
        let planned = {
            let head = String::from_utf8_lossy(&bytes);
            check_shape_at(&head, "text", 1)?;
            let table = Table::read(&head);
            let mut records = table.records();
            let mut n = 0;
            while n < HEAD_RECORDS && records.next_ref().is_some() {
                n += 1;
            }
            n == HEAD_RECORDS && {
                self.plan(&table)?;
                true
            }
        };
        if planned {
            self.scan_bytes(&bytes)
        } else {
            self.stage = Stage::Head { bytes, tried };
            Ok(())
        }
    }

    /// First pass over: the notations decided.
    pub fn end_scan(&mut self) -> Result<()> {
        if let Stage::Head { bytes, .. } = &mut self.stage {
            // The whole log is the head.
            let bytes = std::mem::take(bytes);
            let text = String::from_utf8_lossy(&bytes);
            check_shape_at(&text, "text", 1)?;
            let table = Table::read(&text);
            self.plan(&table)?;
            self.scan_bytes(&bytes)?;
        }
        match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Scan {
                table,
                mut scan,
                mut cutter,
            } => {
                if let Some(piece) = cutter.end() {
                    check_shape_at(&piece, "text", scan.line())?;
                    scan.scan(&table, &table.piece(&piece));
                }
                let read = Box::new(scan.finish(&table, &self.options));
                self.stage = Stage::Read {
                    table,
                    read,
                    cutter: None,
                };
                Ok(())
            }
            _ => Err(out_of_order("endScan")),
        }
    }

    /// Second pass: the next block, from the log's first byte again; `each`
    /// gets each usable order of one row.
    pub fn read(&mut self, block: &[u8], each: &mut dyn FnMut(LogRow)) -> Result<()> {
        let Stage::Read {
            table,
            read,
            cutter,
        } = &mut self.stage
        else {
            return Err(out_of_order("read"));
        };
        let cutter = cutter.get_or_insert_with(|| Cutter::new(table.delimiter));
        if let Some(piece) = cutter.push(block, read.line())? {
            read.read(table, &table.piece(&piece), each);
        }
        Ok(())
    }

    /// Second pass over: the orders of several rows handed to `each`, and
    /// the report.
    pub fn finish(mut self, each: &mut dyn FnMut(LogRow)) -> Result<LogReport> {
        let Stage::Read {
            table,
            mut read,
            cutter,
        } = std::mem::replace(&mut self.stage, Stage::Done)
        else {
            return Err(out_of_order("finish"));
        };
        if let Some(piece) = cutter.and_then(|mut c| c.end()) {
            read.read(&table, &table.piece(&piece), each);
        }
        Ok(read.finish(&table, each))
    }

    /// The head read: the columns decided, the first pass begun.
    fn plan(&mut self, head: &Table) -> Result<()> {
        let scan = Box::new(LogScan::new(head, &self.options)?);
        let table = head.shape_only();
        let cutter = Cutter::new(table.delimiter);
        self.stage = Stage::Scan {
            table,
            scan,
            cutter,
        };
        Ok(())
    }

    fn scan_bytes(&mut self, block: &[u8]) -> Result<()> {
        let Stage::Scan {
            table,
            scan,
            cutter,
        } = &mut self.stage
        else {
            return Err(out_of_order("scan"));
        };
        if let Some(piece) = cutter.push(block, scan.line())? {
            check_shape_at(&piece, "text", scan.line())?;
            scan.scan(table, &table.piece(&piece));
        }
        Ok(())
    }
}

fn out_of_order(step: &str) -> Error {
    Error::field(
        Code::InvalidOption,
        "stream",
        format!("{step} was called out of order: scan every block, endScan, read every block again, then finish."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The record ends csv_core finds in `bytes`: the reference for [`boundary`].
    fn record_ends(bytes: &[u8], delimiter: u8) -> Vec<usize> {
        let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        let (mut out, mut ends) = ([0u8; 4096], [0usize; 64]);
        let (mut at, mut found) = (0, Vec::new());
        loop {
            let (result, nin, _, _) = reader.read_record(&bytes[at..], &mut out, &mut ends);
            at += nin;
            match result {
                csv_core::ReadRecordResult::Record => found.push(at),
                csv_core::ReadRecordResult::End => break,
                csv_core::ReadRecordResult::InputEmpty if at == bytes.len() => {
                    // No more input: the rest is an unfinished record.
                    break;
                }
                _ => {}
            }
        }
        found
    }

    #[test]
    fn cuts_fall_on_record_ends() {
        // Every prefix of a log with quoted fields (delimiters, quotes and
        // line breaks inside), a literal quote mid-field, CRLF and a lone CR:
        // the cut is where csv_core ends a record, and no record ends later
        // than the cut at a line break that is followed by a known byte.
        let text = "Nama;Catatan;Total\r\n\"Sari\";\"pipa 3/4\"\" ; x\";10\r\nBudi;pipa 3/4\" biru;20\n\"Ani\";\"baris\nkedua\r\nketiga\";30\rDedi;ok;40\n;\"\"\"\";50\n";
        let bytes = text.as_bytes();
        let mut last = 0;
        for n in 0..=bytes.len() {
            let cut = boundary(&bytes[..n], b';', false);
            if let Some(c) = cut {
                // csv_core, given all the bytes, ends a record right there
                // (a blank line ends none, so also accept a line break after one).
                let ends = record_ends(bytes, b';');
                assert!(
                    ends.contains(&c) || ends.contains(&(c - 1)),
                    "prefix {n}: cut at {c}, records end at {ends:?}"
                );
                assert!(c >= last, "cuts move forward");
                last = c;
            }
        }
        assert_eq!(
            boundary(bytes, b';', false),
            Some(bytes.len()),
            "the whole text ends with a record"
        );
        // Inside the open quote of "baris…", the cut stays before "Ani".
        let open = text.find("\"Ani\"").unwrap();
        let inside = text.find("kedua").unwrap();
        assert_eq!(boundary(&bytes[..inside], b';', false), Some(open));
    }

    #[test]
    fn a_record_that_never_ends_is_refused() {
        let mut c = Cutter::new(Delimiter::Semicolon);
        assert!(c.push(b"a;\"open\n", 1).unwrap().is_none());
        let big = vec![b'x'; MAX_RECORD_BYTES];
        let e = c.push(&big, 1).unwrap_err();
        assert_eq!(e.code, Code::LineTooLong);
    }

    #[test]
    fn the_bom_is_dropped_once() {
        let mut c = Cutter::new(Delimiter::Semicolon);
        let piece = c
            .push(b"\xef\xbb\xbfa;b\n\xef\xbb\xbf", 1)
            .unwrap()
            .unwrap();
        assert_eq!(piece, "a;b\n");
        assert_eq!(c.end().unwrap(), "\u{feff}");
    }
}
