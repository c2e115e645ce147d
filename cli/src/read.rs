//! Files in: text (UTF-8, UTF-16 with its byte-order mark, else Latin-1) or
//! spreadsheets (through the library's `readWorkbook`), from paths or
//! standard input, with a progress bar on a terminal; several files become
//! one text, and every line of it is traced back to its file.

use crate::Failure;
use customer_metrics::api::{self, Value};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Read};
use std::time::Duration;

/// What the files hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A sales log (or survey answers, or tickets): rows to read.
    Log,
    /// A per-customer summary (docs/sql/): `first_purchase`, `last_purchase`, …
    CustomerSummary,
    /// A BTYD summary table only (`x, t_x, T, zbar`, as CDNOW's).
    ModelSummary,
}

/// The text of the files, as one, with where its lines came from.
pub struct Data {
    pub text: String,
    pub kind: Kind,
    pub origins: Origins,
}

/// Which file each line of the joined text comes from.
pub struct Origins(Vec<(String, usize)>);

impl Origins {
    pub fn none() -> Self {
        Origins(Vec::new())
    }

    /// One file's lines.
    pub fn of(name: &str) -> Self {
        Origins(vec![(name.to_string(), 1)])
    }

    /// True for the first line of the second or a later file: its header,
    /// which the library skips as a repeated header.
    pub fn is_later_header(&self, line: usize) -> bool {
        self.0.iter().skip(1).any(|(_, first)| *first == line)
    }

    /// `file:line` for a 1-based line of the joined text (`line N` without files).
    pub fn name(&self, line: usize) -> String {
        match self.0.iter().rev().find(|(_, first)| *first <= line) {
            Some((file, first)) => format!("{file}:{}", line - first + 1),
            None => format!("line {line}"),
        }
    }
}

/// Spreadsheets are told apart by content (zip or compound file), as the
/// library does; the name only says which files to try.
fn is_spreadsheet(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    let by_name = [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"]
        .iter()
        .any(|e| lower.ends_with(e));
    let zip = bytes.starts_with(b"PK\x03\x04");
    let compound = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    by_name || zip || compound
}

/// A progress bar of `len` steps on standard error when it is a terminal
/// and `wanted`; hidden otherwise.
fn progress_bar(wanted: bool, len: u64, template: &str, message: String) -> ProgressBar {
    if !(wanted && std::io::stderr().is_terminal()) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(message);
    bar
}

/// Reads all of a file (or standard input), with a progress bar for large
/// files when standard error is a terminal.
fn bytes_of(name: &str) -> Result<Vec<u8>, Failure> {
    let cannot = |e: std::io::Error| Failure::File(format!("cannot read {name}: {e}"));
    if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(cannot)?;
        return Ok(buf);
    }
    let mut file = std::fs::File::open(name).map_err(cannot)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(
        size > 8 << 20,
        size,
        "reading {msg} {bar:30} {bytes}/{total_bytes}",
        name.to_string(),
    );
    let mut buf = Vec::with_capacity(size as usize);
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut chunk).map_err(cannot)?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        bar.inc(n as u64);
    }
    bar.finish_and_clear();
    Ok(buf)
}

/// Text from bytes: UTF-8 (a byte-order mark dropped), UTF-16 with its
/// byte-order mark (Excel's "Unicode text"), else Windows-1252 with a note
/// (as the page reads files).
fn decode(name: &str, bytes: Vec<u8>) -> String {
    let utf16 = |bytes: &[u8], little: bool| {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|p| {
                if little {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    match String::from_utf8(bytes) {
        Ok(s) => s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s),
        Err(e) => {
            eprintln!("note: {name} is not UTF-8 text; read as Windows-1252 (save it as UTF-8 CSV to be sure of its letters).");
            customer_metrics::input::stream::decode_windows_1252(e.as_bytes())
        }
    }
}

/// One file's text: a spreadsheet through `readWorkbook` (line N = row N of
/// its sheet), else the decoded text.
fn text_of(name: &str, sheet: Option<&str>) -> Result<(String, String), Failure> {
    let bytes = bytes_of(name)?;
    if is_spreadsheet(name, &bytes) {
        let options = match sheet {
            None => Value::Null,
            Some(s) => match s.parse::<u32>() {
                Ok(i) => Value::object([("sheet", Value::from(f64::from(i)))]),
                Err(_) => Value::object([("sheet", Value::from(s))]),
            },
        };
        let book = api::read_workbook(&bytes, &options)?;
        let label = format!("{name} (sheet {})", book.sheet);
        return Ok((label, book.text));
    }
    Ok((name.to_string(), decode(name, bytes)))
}

/// The header's names, lower-cased, of the first non-blank line.
fn header_names(text: &str) -> Vec<String> {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    line.split([',', '\t', ';'])
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect()
}

fn kind_of(text: &str) -> Kind {
    let names = header_names(text);
    let has = |n: &str| names.iter().any(|h| h == n);
    if customer_metrics::input::summary::is_customer_summary(text) {
        Kind::CustomerSummary
    } else if (has("x") && has("t_x")) || (has("frequency") && has("recency") && has("t")) {
        Kind::ModelSummary
    } else {
        Kind::Log
    }
}

/// The files as one text (each file's lines after the previous file's).
pub fn files(names: &[String], sheet: Option<&str>) -> Result<Data, Failure> {
    let mut text = String::new();
    let mut origins = Vec::new();
    let mut line = 1;
    for name in names {
        let (label, body) = text_of(name, sheet)?;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
            line += 1;
        }
        origins.push((label, line));
        line += body.matches('\n').count();
        text.push_str(&body);
    }
    let kind = kind_of(&text);
    Ok(Data {
        text,
        kind,
        origins: Origins(origins),
    })
}

impl Data {
    /// No text read (a log streamed from its file).
    pub fn none() -> Data {
        Data {
            text: String::new(),
            kind: Kind::Log,
            origins: Origins::none(),
        }
    }
}

/// Text files above this size are streamed by `analyze`.
const STREAM_BYTES: u64 = 64 << 20;
/// The blocks a streamed file is read in.
const BLOCK_BYTES: usize = 8 << 20;

/// The file `analyze` reads in blocks rather than whole: one text file (not
/// standard input, not a spreadsheet, not UTF-16, not a summary table)
/// above [`STREAM_BYTES`], or any such file when `--stream` asks.
pub fn streamable(names: &[String], asked: bool) -> Result<Option<String>, Failure> {
    let [name] = names else {
        return match asked && names.len() > 1 {
            true => Err(Failure::Usage(
                "--stream reads one file: join the files first, or leave --stream out.".into(),
            )),
            false => Ok(None),
        };
    };
    if name == "-" {
        return Ok(None);
    }
    let cannot = |e: std::io::Error| Failure::File(format!("cannot read {name}: {e}"));
    let size = std::fs::metadata(name).map_err(cannot)?.len();
    if !asked && size <= STREAM_BYTES {
        return Ok(None);
    }
    let mut head = vec![0u8; 64 << 10];
    let mut file = std::fs::File::open(name).map_err(cannot)?;
    let n = file.read(&mut head).map_err(cannot)?;
    let head = &head[..n];
    let text_file = !is_spreadsheet(name, head)
        && !head.starts_with(&[0xFF, 0xFE])
        && !head.starts_with(&[0xFE, 0xFF]);
    let log = kind_of(&String::from_utf8_lossy(head)) == Kind::Log;
    Ok((text_file && log).then(|| name.clone()))
}

/// `analyzeLog` of a file read in blocks, twice ([`api::AnalyzeStream`]):
/// memory holds the per-customer state, not the file. UTF-8, else (as the
/// page) read again as Windows-1252.
pub fn stream_analysis(
    name: &str,
    input: &Value,
) -> Result<api::log::FromLog<api::log::Analysis>, Failure> {
    match stream_once(name, input, api::Encoding::Utf8) {
        Err(Failure::Library(e)) if e.code == customer_metrics::error::Code::NotUtf8 => {
            eprintln!("note: {name} is not UTF-8 text; read as Windows-1252 (save it as UTF-8 CSV to be sure of its letters).");
            stream_once(name, input, api::Encoding::Windows1252)
        }
        other => other,
    }
}

fn stream_once(
    name: &str,
    input: &Value,
    encoding: api::Encoding,
) -> Result<api::log::FromLog<api::log::Analysis>, Failure> {
    let cannot = |e: std::io::Error| Failure::File(format!("cannot read {name}: {e}"));
    let size = std::fs::metadata(name).map_err(cannot)?.len();
    let bar = progress_bar(
        true,
        2 * size,
        "{msg} {bar:30} {percent}% {eta}",
        format!("analysing {name}"),
    );
    let mut stream = api::AnalyzeStream::new(input, encoding)?;
    stream.size_hint(size);
    let mut block = vec![0u8; BLOCK_BYTES];
    for pass in 0..2 {
        let mut file = std::fs::File::open(name).map_err(cannot)?;
        loop {
            let n = file.read(&mut block).map_err(cannot)?;
            if n == 0 {
                break;
            }
            match pass {
                0 => stream.scan(&block[..n])?,
                _ => stream.read(&block[..n])?,
            }
            bar.inc(n as u64);
        }
        if pass == 0 {
            stream.end_scan()?;
        }
    }
    let result = stream.finish();
    bar.finish_and_clear();
    Ok(result?)
}

/// A spinner on a terminal while the library works.
pub struct Spinner(ProgressBar);

impl Spinner {
    pub fn start(message: &'static str) -> Spinner {
        if !std::io::stderr().is_terminal() {
            return Spinner(ProgressBar::hidden());
        }
        let bar = ProgressBar::new_spinner();
        bar.set_message(message);
        bar.enable_steady_tick(Duration::from_millis(120));
        Spinner(bar)
    }

    pub fn finish(self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_traced_to_their_files() {
        let o = Origins(vec![("a.csv".into(), 1), ("b.csv".into(), 4)]);
        assert_eq!(o.name(3), "a.csv:3");
        assert_eq!(o.name(4), "b.csv:1");
        assert_eq!(o.name(10), "b.csv:7");
        assert_eq!(Origins::none().name(5), "line 5");
    }

    #[test]
    fn text_encodings() {
        assert_eq!(decode("x", b"\xEF\xBB\xBFSkor\n9".to_vec()), "Skor\n9");
        assert_eq!(decode("x", b"\xFF\xFEA\x00\n\x00".to_vec()), "A\n");
        assert_eq!(decode("x", b"Jos\xE9".to_vec()), "José");
    }

    #[test]
    fn kinds_by_header() {
        assert_eq!(
            kind_of("customer_id,first_purchase,last_purchase,orders,net_total\n"),
            Kind::CustomerSummary
        );
        assert_eq!(kind_of("ID\tx\tt_x\tT\tzbar\n"), Kind::ModelSummary);
        assert_eq!(kind_of("Pelanggan;Tanggal;Jumlah\n"), Kind::Log);
    }
}
