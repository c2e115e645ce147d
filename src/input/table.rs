//! Pasted text as a table, read as the `csv` crate reads it (its parser for
//! quoted records; see [`Records`]): the delimiter (tab, `;`,
//! `,`, runs of spaces, or none for a single column) and the header row are
//! detected from the text; quoted fields with delimiters, quotes and newlines,
//! a BOM, CRLF, blank lines and ragged rows are all handled.
//!
//! The text is never copied into a grid: `records()` reads it again each time,
//! so memory does not grow with the number of rows.

use super::number::looks_numeric;
use super::roles::role_of_header;
use crate::error::{Code, Error, Result, Skipped};
use std::borrow::Cow;

/// How many records are looked at to detect the delimiter and the header.
const SAMPLE: usize = 200;

/// Columns a line may have: more fields than this, separated by tabs, `;` or
/// `,`, is refused as `tooManyColumns` (no export has them; reading such a
/// line costs memory out of all proportion to its size).
pub const MAX_COLUMNS: usize = 1_000;
/// Bytes a line may have: more is refused as `lineTooLong`.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// Refuses text with a line of more than [`MAX_COLUMNS`] fields (counting
/// each of tab, `;` and `,`, quoted or not) or of more than
/// [`MAX_LINE_BYTES`] bytes, before any of it is read as a table (`memchr`
/// finds the long lines; nothing allocated). `field` names the input field.
pub fn check_shape(text: &str, field: &str) -> Result<()> {
    check_shape_at(text, field, 1)
}

/// [`check_shape`] of a piece of a log that starts on line `first`.
pub fn check_shape_at(text: &str, field: &str, first: usize) -> Result<()> {
    let bytes = text.as_bytes();
    // Only a line of MAX_COLUMNS bytes or more can hold MAX_COLUMNS separators
    // (or be too long). Windows of MAX_COLUMNS bytes that end a line inside them
    // hold no such line: one backward search a window skips them, so ordinary
    // text costs a search per thousand bytes, not per line.
    let (mut p, mut line, mut counted) = (0usize, first, 0usize);
    while bytes.len() - p >= MAX_COLUMNS {
        if let Some(q) = memchr::memrchr2(b'\n', b'\r', &bytes[p..p + MAX_COLUMNS]) {
            p += q + 1;
            continue;
        }
        // A long line starts at p: its number, then its separators and length.
        line += line_breaks(&bytes[counted..p]);
        counted = p;
        let end = memchr::memchr2(b'\n', b'\r', &bytes[p..]).map_or(bytes.len(), |e| p + e);
        check_line(&bytes[p..end], line, field)?;
        p = end;
    }
    Ok(())
}

/// One line of [`check_shape`]: separators counted in its first
/// [`MAX_LINE_BYTES`] bytes (a long line of separators is "too many columns",
/// as reading it from its start would find), then its length.
fn check_line(body: &[u8], line: usize, field: &str) -> Result<()> {
    let head = &body[..body.len().min(MAX_LINE_BYTES)];
    let most = [b'\t', b';', b',']
        .map(|d| memchr::memchr_iter(d, head).count())
        .into_iter()
        .max()
        .unwrap_or(0);
    // Each error names the line and the limit.
    let over = |code: Code, max: usize, message: String| {
        Err(Error::field(code, field, format!("Line {line} {message}"))
            .with("max", max)
            .with_row(line))
    };
    if most >= MAX_COLUMNS {
        return over(
            Code::TooManyColumns,
            MAX_COLUMNS,
            format!("has more than {MAX_COLUMNS} columns; at most {MAX_COLUMNS} are read, so the text is not read as a table."),
        );
    }
    if body.len() > MAX_LINE_BYTES {
        return over(
            Code::LineTooLong,
            MAX_LINE_BYTES,
            format!("is longer than {MAX_LINE_BYTES} bytes; the text is not read as a table."),
        );
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Tab,
    Semicolon,
    Comma,
    /// Runs of spaces, as in fixed-width exports (`CDNOW_sample.txt`).
    Spaces,
    /// One column: no delimiter.
    None,
}

impl Delimiter {
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Tab | Delimiter::Spaces => b'\t',
            Delimiter::Semicolon => b';',
            Delimiter::Comma => b',',
            // A control character that pasted text does not contain.
            Delimiter::None => 0x1f,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Delimiter::Tab => "tab",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Comma => "comma",
            Delimiter::Spaces => "spaces",
            Delimiter::None => "none",
        }
    }
}

/// A column named by the user: its header text or its 0-based index.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnRef {
    Name(String),
    Index(usize),
}

/// One data row: the 1-based line where it starts and its fields.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub line: usize,
    pub fields: Fields,
}

/// A record's fields: its text, held once, and where each field ends.
///
/// A plain line is held as it is, delimiters included (`gap` 1: a field
/// starts one byte after the previous one's end); a quoted record as the
/// `csv` parser writes it out, fields back to back (`gap` 0).
#[derive(Debug, Clone, Default)]
pub struct Fields {
    text: String,
    ends: Vec<usize>,
    gap: usize,
}

impl Fields {
    /// How many fields the record has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `i` as written (unquoted), or `None` past the last.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] + self.gap,
        };
        self.text.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

impl<S: AsRef<str>> From<Vec<S>> for Fields {
    fn from(cells: Vec<S>) -> Fields {
        let mut fields = Fields::default();
        for cell in &cells {
            fields.text.push_str(cell.as_ref());
            fields.ends.push(fields.text.len());
        }
        fields
    }
}

impl Record {
    /// Field `i` without surrounding spaces and invisible characters, or ""
    /// when the row is shorter.
    pub fn get(&self, i: usize) -> &str {
        self.fields.get(i).map(clean).unwrap_or("")
    }
}

/// Zero-width and direction marks that web pages and chat apps leave in
/// copied text; they are never meant as content at the ends of a cell.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{feff}')
}

/// A cell without surrounding white space (including non-breaking spaces)
/// and invisible characters.
pub fn clean(cell: &str) -> &str {
    // Most cells start and end with a visible ASCII character (never white
    // space nor invisible): nothing to trim, no char-by-char search. Only in
    // the page's module, for big logs: the widget's small one keeps the search.
    #[cfg(feature = "tables")]
    if let ([first, ..], [.., last]) = (cell.as_bytes(), cell.as_bytes()) {
        if first.is_ascii_graphic() && last.is_ascii_graphic() {
            return cell;
        }
    }
    cell.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// Line breaks in `bytes`: `\r\n`, `\n` and a lone `\r` each count once,
/// as the `csv` crate reads them.
#[cfg(feature = "tables")]
pub(crate) fn line_breaks(bytes: &[u8]) -> usize {
    // Every `\n`, and every `\r` not followed by one (memchr: not byte by byte).
    memchr::memchr_iter(b'\n', bytes).count()
        + memchr::memchr_iter(b'\r', bytes)
            .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
            .count()
}

/// The same count byte by byte: the widget's small module reads a few
/// hundred survey or ticket lines, where memchr's code would cost more bytes
/// than it saves time.
#[cfg(not(feature = "tables"))]
pub(crate) fn line_breaks(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

/// The data rows of a [`Table`], each with the line where it starts.
///
/// A line without a quote character (most lines of an export) is split at
/// its delimiters here: that is all the `csv` crate's parser would do with
/// it, at a fraction of its per-byte cost. A record with a quote anywhere in
/// its first line is read by that parser (`csv_core`, which the `csv`
/// crate's reader wraps), quoted fields, doubled quotes and line breaks
/// inside quotes included. Line breaks (`\r\n`, `\n`, a lone `\r`) are
/// counted as they are passed, so each record knows its line.
pub struct Records<'t> {
    text: &'t str,
    delimiter: u8,
    /// The bytes a plain line is looked at for: the delimiter, `\r`, `\n`, `"`.
    special: [bool; 256],
    quoted: csv_core::Reader,
    /// Where the next record is looked for, and the line of that byte.
    at: usize,
    line: usize,
    /// Non-blank records still to pass over: title lines and the header.
    skip: usize,
    current: Record,
    /// The parser's output for a quoted record: its bytes and field ends.
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl<'t> Records<'t> {
    fn of(text: &'t str, delimiter: Delimiter, line: usize, skip: usize) -> Records<'t> {
        Records {
            text,
            delimiter: delimiter.byte(),
            special: std::array::from_fn(|b| {
                [delimiter.byte(), b'\r', b'\n', b'"'].contains(&(b as u8))
            }),
            quoted: csv_core::ReaderBuilder::new()
                .delimiter(delimiter.byte())
                .build(),
            at: 0,
            line,
            skip,
            current: Record {
                line: 0,
                fields: Fields::default(),
            },
            out: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// Where a log read in pieces stands once these records are read: the
    /// line the next piece starts on (the line breaks after the last record
    /// counted; the others were counted on the way), and the non-blank
    /// records (title lines, the header) still to pass over.
    #[cfg(feature = "analytics")]
    pub fn end(&self) -> (usize, usize) {
        let rest = &self.text.as_bytes()[self.at.min(self.text.len())..];
        (self.line + line_breaks(rest), self.skip)
    }

    /// The next data row, reusing one record's buffers: no allocation per
    /// row, for the passes over big logs.
    pub fn next_ref(&mut self) -> Option<&Record> {
        let bytes = self.text.as_bytes();
        loop {
            // The line breaks before the record, blank lines among them.
            while let Some(&b) = bytes.get(self.at) {
                match b {
                    b'\n' => self.line += 1,
                    b'\r' if bytes.get(self.at + 1) != Some(&b'\n') => self.line += 1,
                    b'\r' => {}
                    _ => break,
                }
                self.at += 1;
            }
            if self.at >= bytes.len() {
                return None;
            }
            let line = self.line;
            if !self.read_plain() {
                self.read_quoted();
            }
            if is_blank(self.current.fields.iter()) {
                continue;
            }
            if self.skip > 0 {
                self.skip -= 1;
                continue;
            }
            self.current.line = line;
            return Some(&self.current);
        }
    }

    /// The record at `at` split at its delimiters, when its line has no
    /// quote character; false (nothing read) when it has one.
    fn read_plain(&mut self) -> bool {
        let rest = &self.text.as_bytes()[self.at..];
        let fields = &mut self.current.fields;
        fields.ends.clear();
        // One look at each byte: delimiters noted, the line's end or a quote
        // (then the parser reads the record) ends the look.
        let mut len = rest.len();
        for (i, &b) in rest.iter().enumerate() {
            if self.special[usize::from(b)] {
                if b == self.delimiter {
                    fields.ends.push(i);
                } else if b == b'"' {
                    return false;
                } else {
                    len = i;
                    break;
                }
            }
        }
        fields.ends.push(len);
        // Delimiters and line breaks are ASCII: the cuts are at character
        // boundaries of the text.
        fields.text.clear();
        fields.text.push_str(&self.text[self.at..self.at + len]);
        fields.gap = 1;
        self.at += len;
        true
    }

    /// The record at `at` read by the `csv` crate's parser, with the line
    /// breaks inside its quoted fields counted.
    fn read_quoted(&mut self) {
        use csv_core::ReadRecordResult as Read;
        let bytes = self.text.as_bytes();
        let start = self.at;
        self.quoted.reset();
        if self.out.is_empty() {
            self.out.resize(1024, 0);
            self.ends.resize(64, 0);
        }
        let (mut nout, mut nends) = (0, 0);
        loop {
            let (result, nin, o, e) = self.quoted.read_record(
                &bytes[self.at..],
                &mut self.out[nout..],
                &mut self.ends[nends..],
            );
            self.at += nin;
            nout += o;
            nends += e;
            match result {
                Read::OutputFull => self.out.resize(self.out.len() * 2, 0),
                Read::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                // The end of the text: said once, with no more input.
                Read::InputEmpty => {}
                Read::Record | Read::End => break,
            }
        }
        // (A `\r` read last whose `\n` is still ahead is counted with it.)
        let split_crlf =
            self.at > start && bytes[self.at - 1] == b'\r' && bytes.get(self.at) == Some(&b'\n');
        self.line += line_breaks(&bytes[start..self.at]) - usize::from(split_crlf);
        // The field ends count from the start of the output; the cuts are at
        // character boundaries (quotes and delimiters are ASCII, a doubled
        // quote becomes one), so every field is text.
        let fields = &mut self.current.fields;
        fields.text.clear();
        fields
            .text
            .push_str(std::str::from_utf8(&self.out[..nout]).unwrap_or_default());
        fields.ends.clear();
        fields.ends.extend_from_slice(&self.ends[..nends]);
        fields.gap = 0;
    }
}

/// A batch of records read ahead ([`Records::each_with`]): the first `len`
/// items are filled; the records beyond keep their buffers for the next fill.
#[cfg(all(feature = "analytics", not(target_arch = "wasm32")))]
struct Batch<P> {
    items: Vec<(Record, P)>,
    len: usize,
}

#[cfg(feature = "analytics")]
impl Records<'_> {
    /// Every remaining record, in order, through `f`, as
    /// [`next_ref`](Records::next_ref) gives them.
    pub fn each(&mut self, mut f: impl FnMut(&Record)) {
        self.each_with(|_| (), |r, ()| f(r));
    }

    /// [`Records::each`], with what `prepare` makes of each record (a pure
    /// reading of some of its cells) handed to `f` beside it.
    ///
    /// Natively, on a machine of two cores or more and for a piece of 1 MB
    /// or more, a second thread reads the records ahead (the splitting)
    /// and prepares them, in batches, while `f` takes them on this thread.
    /// `f` sees the same records in the same order either way, so no figure
    /// depends on it.
    pub fn each_with<P: Send>(
        &mut self,
        mut prepare: impl FnMut(&Record) -> P + Send,
        mut f: impl FnMut(&Record, &P),
    ) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let at = self.at;
            let cores = || std::thread::available_parallelism().map_or(1, |n| n.get());
            // (Without a second thread to be had, a limit of the system:
            // read here.)
            if self.text.len() - at >= READ_AHEAD_FROM
                && cores() >= 2
                && self.each_read_ahead(&mut prepare, &mut f)
            {
                return;
            }
        }
        while let Some(r) = self.next_ref() {
            let p = prepare(r);
            f(r, &p);
        }
    }

    /// [`Records::each_with`] on two threads; false (nothing read) when the
    /// second thread cannot be started.
    #[cfg(not(target_arch = "wasm32"))]
    fn each_read_ahead<P: Send>(
        &mut self,
        prepare: &mut (impl FnMut(&Record) -> P + Send),
        f: &mut impl FnMut(&Record, &P),
    ) -> bool {
        use std::sync::mpsc;
        const BATCH: usize = 1024;
        // Filled batches go to `f`'s thread (at most a few ahead, so memory
        // stays bounded), taken ones come back to be filled again.
        let (filled, take) = mpsc::sync_channel::<Batch<P>>(4);
        let (give_back, empty) = mpsc::channel::<Batch<P>>();
        std::thread::scope(|scope| {
            let records = &mut *self;
            let reader = std::thread::Builder::new().spawn_scoped(scope, move || {
                let fresh = || Batch {
                    items: Vec::with_capacity(BATCH),
                    len: 0,
                };
                let mut batch = fresh();
                while records.next_ref().is_some() {
                    match batch.items.get_mut(batch.len) {
                        // The record read into a slot's old buffers (no
                        // allocation once the batches have gone round).
                        Some((slot, p)) => {
                            std::mem::swap(slot, &mut records.current);
                            *p = prepare(slot);
                        }
                        None => {
                            let r = std::mem::take(&mut records.current);
                            let p = prepare(&r);
                            batch.items.push((r, p));
                        }
                    }
                    batch.len += 1;
                    if batch.len == BATCH {
                        let mut next = empty.try_recv().unwrap_or_else(|_| fresh());
                        next.len = 0;
                        // The taker gone (it panicked): stop reading.
                        if filled.send(std::mem::replace(&mut batch, next)).is_err() {
                            return;
                        }
                    }
                }
                if batch.len > 0 {
                    let _ = filled.send(batch);
                }
            });
            if reader.is_err() {
                return false;
            }
            for batch in take {
                for (r, p) in &batch.items[..batch.len] {
                    f(r, p);
                }
                let _ = give_back.send(batch);
            }
            true
        })
    }
}

/// The smallest rest of a piece that [`Records::each_with`] reads ahead on
/// a second thread (below it, starting the thread costs more than it saves).
#[cfg(all(feature = "analytics", not(target_arch = "wasm32")))]
const READ_AHEAD_FROM: usize = 1 << 20;

impl Iterator for Records<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_ref().cloned()
    }
}

#[derive(Debug, Clone)]
pub struct Table<'a> {
    text: Cow<'a, str>,
    pub delimiter: Delimiter,
    pub has_header: bool,
    /// Header names, one per column ("" where there is no header).
    pub headers: Vec<String>,
    /// Number of columns: the most common field count.
    pub width: usize,
    /// Non-blank lines above the header row (a report's title, its period).
    title_rows: usize,
    /// The 1-based line of the header row.
    header_line: Option<usize>,
    /// The line of a row under the header that describes each column
    /// (TikTok Shop's export) rather than holding data.
    description_line: Option<usize>,
}

fn reader(text: &str, delimiter: Delimiter) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes())
}

/// A record of empty or white-space fields only.
fn is_blank<'r>(mut fields: impl Iterator<Item = &'r str>) -> bool {
    // A visible ASCII character (most rows: the first field's first byte)
    // is never white space.
    fields.all(|f| !f.bytes().any(|b| b.is_ascii_graphic()) && f.trim().is_empty())
}

/// The first `n` non-blank records read with `delimiter`.
fn sample(text: &str, delimiter: Delimiter, n: usize) -> Vec<csv::StringRecord> {
    reader(text, delimiter)
        .into_records()
        .filter_map(|r| r.ok())
        .filter(|r| !is_blank(r.iter()))
        .take(n)
        .collect()
}

/// The most common field count and the share of records that have it.
fn modal_width(records: &[csv::StringRecord]) -> (usize, f64) {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for r in records {
        match counts.iter_mut().find(|(w, _)| *w == r.len()) {
            Some((_, c)) => *c += 1,
            None => counts.push((r.len(), 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(w, c)| (c, w))
        .map(|(w, c)| (w, c as f64 / records.len().max(1) as f64))
        .unwrap_or((0, 0.0))
}

/// A column of numbers written with `,` as decimal or thousands mark (`8,5`,
/// `1.250,75`, `1,250,000`, `1,250,000.00`) splits on commas into digit
/// groups: one comma (a decimal mark: 1 to 3 digits after it), or groups of
/// exactly three digits (thousands), the last one perhaps with decimals. It
/// is one column. A row such as `1,2,30,40,100` (a summary exported as CSV)
/// is neither: its commas separate fields.
fn commas_are_number_marks(records: &[csv::StringRecord]) -> bool {
    let split_number = |r: &csv::StringRecord| {
        let joined = r.iter().collect::<Vec<_>>().join(",");
        // Three or more groups must be thousands. The widget's small module keeps
        // the older, looser rule (its size budget): there any 1 to 3 digits.
        let thousands = cfg!(feature = "tables") && r.len() > 2;
        looks_numeric(&joined)
            && r.iter().skip(1).all(|f| {
                let f = f.trim();
                (if thousands {
                    f.split('.').next().unwrap_or(f).len() == 3
                } else {
                    (1..=3).contains(&f.len())
                }) && f.chars().all(|c| c.is_ascii_digit() || c == '.')
            })
    };
    // A header line may hold a comma of its own.
    let body = match records.first() {
        Some(first) if !split_number(first) => &records[1..],
        _ => records,
    };
    !body.is_empty() && body.iter().all(split_number)
}

fn detect_delimiter(text: &str) -> Delimiter {
    let mut best: Option<(Delimiter, f64, usize)> = None;
    for d in [Delimiter::Tab, Delimiter::Semicolon, Delimiter::Comma] {
        let records = sample(text, d, SAMPLE);
        let (width, share) = modal_width(&records);
        if width < 2 || share < 0.6 {
            continue;
        }
        if d == Delimiter::Comma && commas_are_number_marks(&records) {
            continue;
        }
        if best.is_none_or(|(_, s, w)| share > s || (share == s && width > w)) {
            best = Some((d, share, width));
        }
    }
    if let Some((d, _, _)) = best {
        return d;
    }
    // Runs of spaces: most lines hold two spaces in a row or start with one.
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(SAMPLE)
        .collect();
    let spaced = lines
        .iter()
        .filter(|l| l.contains("  ") || l.starts_with(' '))
        .count();
    if !lines.is_empty() && spaced * 10 >= lines.len() * 6 {
        let widths: Vec<usize> = lines.iter().map(|l| l.split_whitespace().count()).collect();
        let max = widths.iter().copied().max().unwrap_or(0);
        if max >= 2 {
            return Delimiter::Spaces;
        }
    }
    Delimiter::None
}

/// Each line trimmed and each run of spaces turned into one tab.
fn spaces_to_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b.strip_suffix('\r').unwrap_or(b), "\n"),
            None => (line, ""),
        };
        let mut first = true;
        for word in body.split_whitespace() {
            if !first {
                out.push('\t');
            }
            out.push_str(word);
            first = false;
        }
        out.push_str(end);
    }
    out
}

/// A number, or (page's module) a survey answer in words ("Sangat puas").
fn is_answer(cell: &str) -> bool {
    #[cfg(feature = "tables")]
    if super::labels::is_label(super::labels::LabelKind::Satisfaction, cell)
        || super::labels::is_label(super::labels::LabelKind::Effort, cell)
    {
        return true;
    }
    looks_numeric(cell)
}

/// Is the first record a header? Yes when one of its cells is a known header
/// name, or when a column whose body is mostly numbers (or survey answers in
/// words) starts with text that is neither.
fn detect_header(records: &[csv::StringRecord]) -> bool {
    let Some(first) = records.first() else {
        return false;
    };
    if first
        .iter()
        .any(|c| !looks_numeric(c) && role_of_header(c).is_some())
    {
        return true;
    }
    let body = &records[1..];
    if body.is_empty() {
        return false;
    }
    (0..first.len()).any(|j| {
        let head = first.get(j).unwrap_or("").trim();
        if head.is_empty() || is_answer(head) {
            return false;
        }
        let cells: Vec<&str> = body
            .iter()
            .filter_map(|r| r.get(j))
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        !cells.is_empty() && cells.iter().filter(|c| is_answer(c)).count() * 2 >= cells.len()
    })
}

/// Non-blank records before the header row: report titles and period lines
/// above a header that names the columns. The header is the first of the
/// first 30 records with at least two cells that name a column role, when
/// every record above it has at most two non-empty cells and fewer than it.
fn title_rows(records: &[csv::StringRecord]) -> usize {
    let filled = |r: &csv::StringRecord| r.iter().filter(|c| !c.trim().is_empty()).count();
    let named = |r: &csv::StringRecord| {
        r.iter()
            .filter(|c| !looks_numeric(c) && role_of_header(c).is_some())
            .count()
    };
    for (i, r) in records.iter().enumerate().take(30) {
        let n = filled(r);
        if named(r) >= 2 && n >= 3 {
            let above = &records[..i];
            if above.iter().all(|t| filled(t) <= 2 && filled(t) < n) {
                return i;
            }
            return 0;
        }
        if n > 2 {
            return 0;
        }
    }
    0
}

/// A row under the header whose cells are sentences about the columns
/// (TikTok Shop's "Platform unique order ID."): most of its filled cells have
/// three words or more, and none is a number.
fn is_description(header: &csv::StringRecord, row: &csv::StringRecord) -> bool {
    let cells: Vec<&str> = row
        .iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    header.len() >= 5
        && cells.len() * 2 >= header.len()
        && cells.iter().all(|c| !looks_numeric(c))
        && cells
            .iter()
            .filter(|c| c.split_whitespace().count() >= 3)
            .count()
            * 10
            >= cells.len() * 7
}

impl<'a> Table<'a> {
    /// Reads the shape of pasted text. Never fails: empty text is a table
    /// with no rows.
    pub fn read(text: &'a str) -> Table<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let delimiter = detect_delimiter(text);
        let text: Cow<'a, str> = if delimiter == Delimiter::Spaces {
            Cow::Owned(spaces_to_tabs(text))
        } else {
            Cow::Borrowed(text)
        };
        let all = sample(&text, delimiter, SAMPLE);
        let titles = title_rows(&all);
        let records = &all[titles..];
        let (width, _) = modal_width(records);
        let has_header = titles > 0 || detect_header(records);
        let width = width.max(records.first().map_or(0, |r| r.len()));
        let headers = (0..width)
            .map(|j| {
                if has_header {
                    records[0].get(j).unwrap_or("").trim().to_string()
                } else {
                    String::new()
                }
            })
            .collect();
        let describes = has_header && records.len() > 1 && is_description(&records[0], &records[1]);
        let mut table = Table {
            text,
            delimiter,
            has_header,
            headers,
            width,
            title_rows: titles,
            header_line: None,
            description_line: None,
        };
        if has_header || describes {
            let (header, description) = {
                let mut lines = table.records_skipping(0).map(|r| r.line);
                (lines.nth(titles), lines.next())
            };
            table.header_line = header.filter(|_| has_header);
            table.description_line = description.filter(|_| describes);
        }
        table
    }

    /// The table without the text it was read from (the head of a log read
    /// in pieces: its shape is kept, its pieces are read with
    /// [`Table::records_in`]).
    #[cfg(feature = "analytics")]
    pub fn shape_only(&self) -> Table<'static> {
        Table {
            text: Cow::Owned(String::new()),
            delimiter: self.delimiter,
            has_header: self.has_header,
            headers: self.headers.clone(),
            width: self.width,
            title_rows: self.title_rows,
            header_line: self.header_line,
            description_line: self.description_line,
        }
    }

    /// Non-blank lines above the header row, not read as data.
    pub fn title_rows(&self) -> usize {
        self.title_rows
    }

    /// The 1-based line of the header row, if there is one.
    pub fn header_line(&self) -> Option<usize> {
        self.header_line
    }

    /// Is this record the header line written again (as when several exports
    /// are pasted one under the other)?
    pub fn repeats_header(&self, record: &Record) -> bool {
        if !self.has_header {
            return false;
        }
        // Runs on every row: the first letters decide before any trimming.
        let head = self.headers[0].as_bytes();
        let first = record
            .fields
            .get(0)
            .unwrap_or("")
            .as_bytes()
            .first()
            .copied();
        let spaced = first.is_some_and(|b| b.is_ascii_whitespace() || b >= 0x80);
        if (!spaced
            && first.map(|b| b.to_ascii_lowercase()) != head.first().map(u8::to_ascii_lowercase))
            || !record.get(0).eq_ignore_ascii_case(&self.headers[0])
        {
            return false;
        }
        let named = self.headers.iter().filter(|h| !h.is_empty()).count();
        let same = self
            .headers
            .iter()
            .enumerate()
            .filter(|(j, h)| !h.is_empty() && record.get(*j).eq_ignore_ascii_case(h))
            .count();
        named > 0 && same * 10 >= named * 8
    }

    /// The data rows: blank rows and the header row left out. Every record
    /// reads (as with the `csv` crate, an unclosed quote runs to the end of
    /// the text); whether it is a data row is [`Table::each_row`]'s to say.
    pub fn records(&self) -> Records<'_> {
        self.records_skipping(self.title_rows + usize::from(self.has_header))
    }

    fn records_skipping(&self, skip: usize) -> Records<'_> {
        Records::of(&self.text, self.delimiter, 1, skip)
    }

    /// The text the table reads: without its BOM, runs of spaces turned into
    /// tabs.
    #[cfg(feature = "analytics")]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// A further piece of the same log (whole records, as [`Table::read`]
    /// would see them): runs of spaces turned into tabs as in the table.
    #[cfg(feature = "analytics")]
    pub fn piece<'p>(&self, piece: &'p str) -> Cow<'p, str> {
        if self.delimiter == Delimiter::Spaces {
            Cow::Owned(spaces_to_tabs(piece))
        } else {
            Cow::Borrowed(piece)
        }
    }

    /// The records of `piece`, a part of the log that starts on `line` with
    /// `skip` non-blank records (title lines, the header) still to pass over.
    #[cfg(feature = "analytics")]
    pub fn records_in<'p>(&self, piece: &'p str, line: usize, skip: usize) -> Records<'p> {
        Records::of(piece, self.delimiter, line, skip)
    }

    /// Every data row through `use_row`, which takes the row or says why it
    /// is skipped; rows the reader cannot read are skipped too. Returns the
    /// number of rows and the skipped ones: the row accounting of API.md.
    pub fn each_row(
        &self,
        use_row: impl FnMut(&Record) -> std::result::Result<(), Skipped>,
    ) -> (usize, Vec<Skipped>) {
        let mut out = (0, Vec::new());
        self.each_row_of(&mut self.records(), &mut out, use_row);
        out
    }

    /// [`Table::each_row`] over the records given (those of one piece of a
    /// log), adding to the caller's count and list.
    pub fn each_row_of(
        &self,
        records: &mut Records,
        (rows, skipped): &mut (usize, Vec<Skipped>),
        mut use_row: impl FnMut(&Record) -> std::result::Result<(), Skipped>,
    ) {
        while let Some(r) = records.next_ref() {
            *rows += 1;
            if let Err(s) = self.data_row(r).and_then(|()| use_row(r)) {
                skipped.push(s);
            }
        }
    }

    /// [`Table::each_row_of`] with the records read ahead and prepared
    /// ([`Records::each_with`]).
    #[cfg(feature = "analytics")]
    pub fn each_row_ahead<P: Send>(
        &self,
        records: &mut Records,
        (rows, skipped): &mut (usize, Vec<Skipped>),
        prepare: impl FnMut(&Record) -> P + Send,
        mut use_row: impl FnMut(&Record, &P) -> std::result::Result<(), Skipped>,
    ) {
        records.each_with(prepare, |r, p| {
            *rows += 1;
            if let Err(s) = self.data_row(r).and_then(|()| use_row(r, p)) {
                skipped.push(s);
            }
        });
    }

    /// Why a record read is not a data row (the columns' description, the
    /// header again, more fields than the header names), if it is not.
    #[inline]
    fn data_row(&self, r: &Record) -> std::result::Result<(), Skipped> {
        if Some(r.line) == self.description_line {
            Err(Skipped::new(
                r.line,
                Code::DescriptionRow,
                format!("Row {} describes the columns; it holds no data.", r.line),
            ))
        } else if self.repeats_header(r) {
            Err(Skipped::new(
                r.line,
                Code::RepeatedHeader,
                format!("Row {} repeats the header row.", r.line),
            ))
        } else if self.has_header
            && r.fields.len() > self.width
            && r.fields
                .iter()
                .skip(self.width)
                .any(|f| !clean(f).is_empty())
        {
            Err(Skipped::new(
                r.line,
                Code::TooManyFields,
                format!(
                    "Row {} has {} fields where the header names {}: a separator inside an unquoted value (such as 2,000,000 in a comma-separated file) would split it, so the row is not read.",
                    r.line,
                    r.fields.len(),
                    self.width
                ),
            ))
        } else {
            Ok(())
        }
    }

    /// For each column, over the first `rows` readable records: how many of
    /// its non-empty cells `accept` takes, and how many are non-empty.
    pub fn tally_cells(&self, rows: usize, accept: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
        let mut tally = vec![(0usize, 0usize); self.width];
        for record in self.records().take(rows) {
            for (j, n) in tally.iter_mut().enumerate() {
                let cell = record.get(j);
                if !cell.is_empty() {
                    n.1 += 1;
                    if accept(cell) {
                        n.0 += 1;
                    }
                }
            }
        }
        tally
    }

    /// A name to show for column `i`: its header, or "column N" (1-based).
    pub fn column_name(&self, i: usize) -> String {
        match self.headers.get(i) {
            Some(h) if !h.is_empty() => h.clone(),
            _ => format!("column {}", i + 1),
        }
    }

    /// The first column whose header (trimmed, ASCII case ignored) is one of
    /// `names`.
    pub fn header_named(&self, names: &[&str]) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    }

    /// The column a user named, by header (case and spaces ignored) or index.
    pub fn resolve(&self, column: &ColumnRef, field: &str) -> Result<usize> {
        match column {
            ColumnRef::Index(i) if *i < self.width => Ok(*i),
            ColumnRef::Index(i) => Err(Error::field(
                Code::UnknownColumn,
                field,
                format!(
                    "{field}: there is no column {i} (0-based); the data has {} column(s).",
                    self.width
                ),
            )),
            ColumnRef::Name(name) => {
                let want = name.trim().to_ascii_lowercase();
                self.headers
                    .iter()
                    .position(|h| h.trim().to_ascii_lowercase() == want)
                    .ok_or_else(|| {
                        Error::field(
                            Code::UnknownColumn,
                            field,
                            format!(
                                "{field}: there is no column named \"{name}\"; the columns are: {}.",
                                (0..self.width)
                                    .map(|i| self.column_name(i))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        )
                    })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records and their lines as the `csv` crate's reader gives them
    /// (the reference for [`Records`]): blank records left out, each
    /// record's line counted from the text before its first byte.
    fn by_csv_reader(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        let bytes = text.as_bytes();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(bytes);
        let mut out = Vec::new();
        let mut record = csv::ByteRecord::new();
        loop {
            // The reader's position is before the line breaks it skips.
            let mut start = reader.position().byte() as usize;
            if !reader.read_byte_record(&mut record).unwrap() {
                return out;
            }
            while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
                start += 1;
            }
            let lf = bytes[..start].iter().filter(|&&b| b == b'\n').count();
            let lone_cr = (0..start)
                .filter(|&i| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
                .count();
            let fields: Vec<String> = record
                .iter()
                .map(|f| String::from_utf8(f.to_vec()).unwrap())
                .collect();
            if fields.iter().any(|f| !f.trim().is_empty()) {
                out.push((1 + lf + lone_cr, fields));
            }
        }
    }

    fn by_records(text: &str, delimiter: Delimiter) -> Vec<(usize, Vec<String>)> {
        let mut records = Records::of(text, delimiter, 1, 0);
        let mut out = Vec::new();
        while let Some(r) = records.next_ref() {
            out.push((r.line, r.fields.iter().map(str::to_string).collect()));
        }
        out
    }

    #[test]
    fn records_split_as_the_csv_reader_does() {
        // Plain lines, quoted fields with delimiters, doubled quotes and line
        // breaks, a quote inside an unquoted field, lone CRs, CRLF, blank
        // lines, non-ASCII text, no final line break.
        let text = "a;b;c\r\n\r\n\"x;y\";\"he said \"\"hi\"\"\";z\nq\"r;s\r\rnaïve;\"two\r\nlines\";\n;;\n  ;\t\n\"q\"\r\n\"r\"\r\rlast;\"open";
        assert_eq!(
            by_records(text, Delimiter::Semicolon),
            by_csv_reader(text, b';')
        );
        // Spot checks against the text, by hand.
        let got = by_records(text, Delimiter::Semicolon);
        assert_eq!(got[0], (1, vec!["a".into(), "b".into(), "c".into()]));
        assert_eq!(got[1].0, 3);
        assert_eq!(got[1].1[1], "he said \"hi\"");
        assert_eq!(got[2], (4, vec!["q\"r".into(), "s".into()]));
        assert_eq!(
            got[3],
            (6, vec!["naïve".into(), "two\r\nlines".into(), "".into()])
        );
        assert_eq!(got[4], (10, vec!["q".into()]));
        assert_eq!(got[5], (11, vec!["r".into()]));
        assert_eq!(
            got.last().unwrap(),
            &(13, vec!["last".into(), "open".into()])
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn records_split_as_the_csv_reader_does_for_any_text(
            text in "([ab;,\t\"\r\n ]|é|€){0,60}",
            d in 0..3usize,
        ) {
            let (delimiter, byte) = [
                (Delimiter::Semicolon, b';'),
                (Delimiter::Comma, b','),
                (Delimiter::Tab, b'\t'),
            ][d];
            proptest::prop_assert_eq!(by_records(&text, delimiter), by_csv_reader(&text, byte));
        }
    }

    #[test]
    fn line_breaks_count_crlf_lf_and_lone_cr_once_each() {
        // Counted by hand.
        for (text, want) in [
            ("", 0),
            ("abc", 0),
            ("a\nb", 1),
            ("a\r\nb\r\n", 2),
            ("a\rb\r", 2),
            ("\r\n\r\n\n\r", 4),
            ("a\n\rb", 2),
            ("x\r", 1),
        ] {
            assert_eq!(line_breaks(text.as_bytes()), want, "{text:?}");
        }
    }

    #[test]
    fn clean_trims_white_space_and_invisible_characters_only() {
        // The expected cells are written out by hand; the fast path (visible
        // ASCII at both ends) and the search give the same.
        for (cell, want) in [
            ("Rp 1.250.000", "Rp 1.250.000"),
            ("x", "x"),
            ("", ""),
            (" ", ""),
            (" a b ", "a b"),
            ("\u{a0}50.000\t", "50.000"),
            ("\u{feff}Tanggal", "Tanggal"),
            ("nama\u{200b}", "nama"),
            ("\u{202f}Andi\u{2060}", "Andi"),
            ("é", "é"),
            ("a\u{200b}b", "a\u{200b}b"),
            ("\u{1}x\u{7f}", "\u{1}x\u{7f}"),
        ] {
            assert_eq!(clean(cell), want, "{cell:?}");
        }
    }

    fn lines_and_fields(t: &Table) -> Vec<(usize, Vec<String>)> {
        t.records()
            .map(|r| {
                (
                    r.line,
                    r.fields.iter().map(|f| f.trim().to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn semicolon_with_bom_crlf_and_blank_lines() {
        let text = "\u{feff}No. Faktur;Tanggal;Nama;Total\r\nA1;01/01/2024;Budi ;Rp 1.000\r\n\r\nA2;02/01/2024;Sari;Rp811.000,00\r\n";
        let t = Table::read(text);
        assert_eq!(t.delimiter, Delimiter::Semicolon);
        assert!(t.has_header);
        assert_eq!(t.headers, ["No. Faktur", "Tanggal", "Nama", "Total"]);
        let rows = lines_and_fields(&t);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(
            rows[1].0, 4,
            "the blank line 3 is not a row but keeps its number"
        );
        assert_eq!(rows[1].1[3], "Rp811.000,00");
    }

    #[test]
    fn quoted_fields_with_newlines_keep_their_start_line() {
        let text = "id,kanal,catatan\nT1,Email,\"salah kirim;\nganti\"\nT2,WA,\"a \"\"b\"\", c\"\n";
        let t = Table::read(text);
        assert_eq!(t.delimiter, Delimiter::Comma);
        let rows = lines_and_fields(&t);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1[2], "salah kirim;\nganti");
        assert_eq!(rows[1].0, 4);
        assert_eq!(rows[1].1[2], "a \"b\", c");
    }

    #[test]
    fn lines_are_numbered_across_every_kind_of_line_ending() {
        // Line 1 the header (CRLF); 2 "a" (LF); 3 "b" ends with a lone CR;
        // 4 "c" starts a quoted field whose lone CR and CRLF inside it are
        // lines 4–6; 7 blank (lone CR); 8 "d" (CRLF), 9 and 10 blank (LF,
        // lone CR), 11 "e" without an ending. Counted by hand.
        let text = "k,v\r\na,1\nb,2\rc,\"x\ry\r\nz\"\n\rd,4\r\n\n\re,5";
        let rows = lines_and_fields(&Table::read(text));
        let lines: Vec<usize> = rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, [2, 3, 4, 8, 11]);
        assert_eq!(rows[2].1[1], "x\ry\r\nz");
    }

    #[test]
    fn lines_are_numbered_over_many_records_of_mixed_endings() {
        // 30,000 records (about 300 KB) ending in turn with "\r", "\n" and
        // "\r\n"; every 1,000th
        // holds a quoted "\r" (one more line). Record i starts on line 2 + i
        // + the quoted line breaks before it (the first line, all text, is a
        // row too: line 1).
        let endings = ["\r", "\n", "\r\n"];
        let mut text = String::from("id,note\n");
        for i in 0..30_000 {
            let note = if i % 1000 == 0 { "\"a\rb\"" } else { "x" };
            text.push_str(&format!("r{i},{note}{}", endings[i % 3]));
        }
        let t = Table::read(&text);
        let lines: Vec<usize> = lines_and_fields(&t).iter().map(|r| r.0).collect();
        let want: Vec<usize> = std::iter::once(1)
            .chain((0..30_000usize).map(|i| 2 + i + i.div_ceil(1000)))
            .collect();
        assert_eq!(lines, want);
    }

    #[test]
    fn single_column_with_a_comma_in_its_header() {
        let t = Table::read("Skor CES (1-7, 7 = sangat mudah)\n7\n3\n");
        assert_eq!(t.delimiter, Delimiter::None);
        assert!(t.has_header);
        assert_eq!(lines_and_fields(&t).len(), 2);
    }

    #[test]
    fn comma_decimals_in_one_column_are_not_split() {
        let t = Table::read("8,5\n9,0\n7,5\n");
        assert_eq!(t.delimiter, Delimiter::None);
        assert!(!t.has_header);
        let t = Table::read("Total\n1,250,000\n50,000\n");
        assert_eq!(t.delimiter, Delimiter::None);
        let t = Table::read("Total\n1,250,000.00\n1.250,75\n");
        assert_eq!(t.delimiter, Delimiter::None);
    }

    #[test]
    fn whole_numbers_separated_by_commas_are_fields() {
        // A customer summary exported as CSV (the warehouse route): groups of
        // 1 to 3 digits but not all of three, so the commas separate fields.
        let t = Table::read("ID,x,t_x,T,zbar\n1,2,30,40,100\n2,0,0,40,0\n");
        assert_eq!(t.delimiter, Delimiter::Comma);
        assert_eq!(lines_and_fields(&t)[0].1, ["1", "2", "30", "40", "100"]);
        let t = Table::read("1,2,30,40,100\n2,0,0,40,0\n");
        assert_eq!(t.delimiter, Delimiter::Comma);
    }

    #[test]
    fn runs_of_spaces() {
        let t =
            Table::read(" 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n");
        assert_eq!(t.delimiter, Delimiter::Spaces);
        let rows = lines_and_fields(&t);
        assert_eq!(
            rows[1],
            (
                2,
                vec![
                    "00004".into(),
                    "0001".into(),
                    "19970118".into(),
                    "2".into(),
                    "29.73".into()
                ]
            )
        );
    }

    #[test]
    fn tab_separated_numbers_without_header() {
        let t = Table::read("9\t1\n10\t2\n");
        assert_eq!(t.delimiter, Delimiter::Tab);
        assert!(!t.has_header);
        assert_eq!(t.width, 2);
    }

    #[test]
    fn columns_by_name_or_index() {
        let t = Table::read("Nama;Skor\nBudi;9\n");
        assert_eq!(
            t.resolve(&ColumnRef::Name(" skor ".into()), "columns.score"),
            Ok(1)
        );
        assert_eq!(t.resolve(&ColumnRef::Index(0), "columns.score"), Ok(0));
        assert_eq!(
            t.resolve(&ColumnRef::Index(5), "columns.score")
                .unwrap_err()
                .code,
            "unknownColumn"
        );
        assert_eq!(
            t.resolve(&ColumnRef::Name("x".into()), "columns.score")
                .unwrap_err()
                .code,
            "unknownColumn"
        );
    }

    #[test]
    fn wide_and_long_lines_are_found_with_their_line() {
        // Lines 1–3 are long (1,500 bytes) but have few separators; line 4
        // (after CRLF endings) has 1,000 commas; then a 2 MiB line on line 2.
        let long = format!("{};b\r\n", "a".repeat(1500));
        let text = format!("{long}{long}{long}{}\r\nend", ",".repeat(1000));
        let e = check_shape(&text, "text").unwrap_err();
        assert_eq!((e.code.as_str(), e.row), ("tooManyColumns", Some(4)));
        let e = check_shape(&format!("x\r{}", "y".repeat(2 << 20)), "text").unwrap_err();
        assert_eq!((e.code.as_str(), e.row), ("lineTooLong", Some(2)));
        assert!(check_shape(&long.repeat(50), "text").is_ok());
        assert!(check_shape(&",".repeat(999), "text").is_ok());
    }

    #[test]
    fn empty_text() {
        let t = Table::read("");
        assert_eq!(t.width, 0);
        assert_eq!(t.records().count(), 0);
    }
}
