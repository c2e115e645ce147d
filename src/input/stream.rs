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

/// How the bytes of a file are text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8; a byte that is not is an error (`notUtf8`): the page and the
    /// CLI then read the file again as [`Encoding::Windows1252`], as the
    /// page reads a whole file.
    Utf8,
    /// UTF-8, a byte that is not replaced by U+FFFD.
    Utf8Lossy,
    /// Windows-1252, older Excel CSV exports.
    Windows1252,
}

/// Cuts blocks of bytes into pieces of whole records.
#[derive(Debug)]
pub struct Cutter {
    carry: Vec<u8>,
    delimiter: u8,
    spaces: bool,
    /// No byte handed out yet: a BOM is dropped.
    first: bool,
    encoding: Encoding,
}

impl Cutter {
    pub fn new(delimiter: Delimiter, encoding: Encoding) -> Cutter {
        Cutter {
            carry: Vec::new(),
            delimiter: delimiter.byte(),
            spaces: delimiter == Delimiter::Spaces,
            first: true,
            encoding,
        }
    }

    /// The whole records among the bytes given so far, as text, or None
    /// while the first record is not complete yet. `line`: where the pending
    /// bytes start, for the errors.
    pub fn push(&mut self, block: &[u8], line: usize) -> Result<Option<String>> {
        self.carry.extend_from_slice(block);
        match boundary(&self.carry, self.delimiter, self.spaces) {
            Some(cut) => {
                let rest = self.carry.split_off(cut);
                let piece = std::mem::replace(&mut self.carry, rest);
                self.text(piece, line).map(Some)
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
    pub fn end(&mut self, line: usize) -> Result<Option<String>> {
        let rest = std::mem::take(&mut self.carry);
        if rest.is_empty() {
            return Ok(None);
        }
        self.text(rest, line).map(Some)
    }

    fn text(&mut self, mut bytes: Vec<u8>, line: usize) -> Result<String> {
        let first = std::mem::take(&mut self.first);
        if self.encoding == Encoding::Windows1252 {
            return Ok(decode_windows_1252(&bytes));
        }
        if first && bytes.starts_with(b"\xef\xbb\xbf") {
            bytes.drain(..3);
        }
        match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(e) if self.encoding == Encoding::Utf8Lossy => {
                Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
            }
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                Err(not_utf8(
                    line + super::table::line_breaks(&e.as_bytes()[..at]),
                ))
            }
        }
    }
}

fn not_utf8(row: usize) -> Error {
    Error::field(
        Code::NotUtf8,
        "text",
        format!("Line {row} holds a byte that is not UTF-8: the file is read as Windows-1252."),
    )
    .with_row(row)
}

/// Windows-1252 bytes as text (the page's `TextDecoder("windows-1252")`).
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| windows_1252(b)).collect()
}

/// A Windows-1252 byte as its character (the WHATWG mapping: the five bytes
/// it leaves undefined are the C1 controls of the same number, as in
/// `TextDecoder("windows-1252")`).
fn windows_1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
        0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
        0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    match b {
        0x80..=0x9f => char::from_u32(HIGH[b as usize - 0x80] as u32).unwrap_or('\u{fffd}'),
        _ => b as char,
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
    encoding: Encoding,
    /// The file's size in bytes, when the caller knows it.
    size: Option<u64>,
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
        cutter: Cutter,
    },
    Done,
}

impl LogStream {
    pub fn new(options: LogOptions, encoding: Encoding) -> LogStream {
        LogStream {
            options,
            encoding,
            size: None,
            stage: Stage::Head {
                bytes: Vec::new(),
                tried: 0,
            },
        }
    }

    /// The file's size, when known before the first block: it sizes the
    /// memory of order ids (reading is faster when it is given).
    pub fn size_hint(&mut self, bytes: u64) {
        self.size = Some(bytes);
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
            let head = self.decode(&bytes)?;
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
            let text = self.decode(&bytes)?;
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
                if let Some(piece) = cutter.end(scan.line())? {
                    check_shape_at(&piece, "text", scan.line())?;
                    scan.scan(&table, &table.piece(&piece));
                }
                let read = Box::new(scan.finish(&table, &self.options));
                // The second pass cuts the file from its first byte again.
                let cutter = Cutter::new(table.delimiter, self.encoding);
                self.stage = Stage::Read {
                    table,
                    read,
                    cutter,
                };
                Ok(())
            }
            _ => Err(out_of_order("endScan")),
        }
    }

    /// Second pass: the next block, from the log's first byte again; `each`
    /// gets each usable order as soon as its rows are read.
    pub fn read(&mut self, block: &[u8], each: &mut dyn FnMut(LogRow)) -> Result<()> {
        let Stage::Read {
            table,
            read,
            cutter,
        } = &mut self.stage
        else {
            return Err(out_of_order("read"));
        };
        if let Some(piece) = cutter.push(block, read.line())? {
            read.read(table, &table.piece(&piece), each);
        }
        Ok(())
    }

    /// Second pass over: the orders still open or held handed to `each`,
    /// and the report.
    pub fn finish(mut self, each: &mut dyn FnMut(LogRow)) -> Result<LogReport> {
        let Stage::Read {
            table,
            mut read,
            mut cutter,
        } = std::mem::replace(&mut self.stage, Stage::Done)
        else {
            return Err(out_of_order("finish"));
        };
        if let Some(piece) = cutter.end(read.line())? {
            read.read(&table, &table.piece(&piece), each);
        }
        Ok(read.finish(&table, each))
    }

    /// The head read: the columns decided, the first pass begun.
    fn plan(&mut self, head: &Table) -> Result<()> {
        let scan = Box::new(LogScan::new(head, &self.options, self.size)?);
        let table = head.shape_only();
        let cutter = Cutter::new(table.delimiter, self.encoding);
        self.stage = Stage::Scan {
            table,
            scan,
            cutter,
        };
        Ok(())
    }

    /// The head's bytes as text (its last record perhaps cut short: a
    /// character cut at its end is no error).
    fn decode<'b>(&self, bytes: &'b [u8]) -> Result<std::borrow::Cow<'b, str>> {
        match self.encoding {
            Encoding::Windows1252 => Ok(decode_windows_1252(bytes).into()),
            Encoding::Utf8Lossy => Ok(String::from_utf8_lossy(bytes)),
            Encoding::Utf8 => match std::str::from_utf8(bytes) {
                Ok(s) => Ok(s.into()),
                Err(e) if e.error_len().is_none() => {
                    Ok(String::from_utf8_lossy(&bytes[..e.valid_up_to()]))
                }
                Err(e) => Err(not_utf8(
                    1 + super::table::line_breaks(&bytes[..e.valid_up_to()]),
                )),
            },
        }
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
        let mut c = Cutter::new(Delimiter::Semicolon, Encoding::Utf8);
        assert!(c.push(b"a;\"open\n", 1).unwrap().is_none());
        let big = vec![b'x'; MAX_RECORD_BYTES];
        let e = c.push(&big, 1).unwrap_err();
        assert_eq!(e.code, Code::LineTooLong);
    }

    #[test]
    fn the_bom_is_dropped_once() {
        let mut c = Cutter::new(Delimiter::Semicolon, Encoding::Utf8);
        let piece = c
            .push(b"\xef\xbb\xbfa;b\n\xef\xbb\xbf", 1)
            .unwrap()
            .unwrap();
        assert_eq!(piece, "a;b\n");
        assert_eq!(c.end(2).unwrap().unwrap(), "\u{feff}");
    }

    #[test]
    fn encodings() {
        // "Café" in Windows-1252 (é = 0xE9), € = 0x80, and 0x81 (undefined: U+0081).
        let bytes = b"a;b\nCaf\xe9;\x80\x81\n";
        let mut c = Cutter::new(Delimiter::Semicolon, Encoding::Windows1252);
        assert_eq!(
            c.push(bytes, 1).unwrap().unwrap(),
            "a;b\nCaf\u{e9};\u{20ac}\u{81}\n"
        );
        let mut c = Cutter::new(Delimiter::Semicolon, Encoding::Utf8Lossy);
        assert_eq!(
            c.push(bytes, 1).unwrap().unwrap(),
            "a;b\nCaf\u{fffd};\u{fffd}\u{fffd}\n"
        );
        // Strict UTF-8 names the line of the first bad byte.
        let mut c = Cutter::new(Delimiter::Semicolon, Encoding::Utf8);
        let e = c.push(bytes, 10).unwrap_err();
        assert_eq!((e.code, e.row), (Code::NotUtf8, Some(11)));
    }
}
