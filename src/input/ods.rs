//! The `content.xml` of an `.ods` file, walked before calamine parses it, for
//! what calamine does with it without a bound. calamine reads every table of
//! the file when it opens it and keeps them all: for each table, the cells of
//! each row as written (a cell repeated over `number-columns-repeated` columns
//! is stored that many times, up to column 16,384), then a dense grid from the
//! first row and column with a value to the last, every row repeated as often
//! as `number-rows-repeated` says (up to 100 million cells a table), and the
//! same grid again for the formulas; a text is copied into every cell it
//! fills. So a file of a few hundred bytes (A1 and a cell 6,000 rows and 16,383
//! columns away; a long text repeated over a row of 16,384 columns; a
//! `<text:s text:c="2000000000"/>`, two billion spaces) asks for gigabytes.
//! And a `content.xml` that ends inside a table or a cell's annotation makes
//! calamine wait for the element's end for ever (it reads past the end of the
//! file in a loop).
//!
//! The walk follows calamine 0.38 (`src/ods.rs`: `parse_content`,
//! `read_table`, `read_row`, `get_datatype`, `get_range`) with the same XML
//! reader and settings, so it sees the same events. Where it cannot tell
//! exactly what calamine does (a value calamine fails to parse, an element it
//! stops at), it counts more, never less: a damaged file may be refused here
//! rather than by calamine, never the other way round.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;
use quick_xml::Reader;
use std::io::{BufRead, BufReader, Cursor, Read};

/// calamine's caps on a table's rows and a row's columns: Excel's sheet size.
const MAX_ROWS: usize = super::workbook::MAX_ROWS as usize;
const MAX_COLUMNS: usize = super::workbook::MAX_COLUMNS as usize;
const MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// What the walk refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// With the table `sheet`, the tables calamine keeps come to `cells`
    /// cells (stored as written, and both grids) or `bytes` bytes of text (in
    /// every cell it is copied to), above the limits `max_cells`,
    /// `max_bytes`; that table's values span `rows` × `columns`.
    Spread {
        sheet: String,
        rows: u64,
        columns: u64,
        cells: u64,
        bytes: u64,
        max_cells: u64,
        max_bytes: u64,
    },
    /// `content.xml` ends inside a table or an annotation: calamine would
    /// never return.
    CutShort,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Spread {
                sheet,
                rows,
                columns,
                cells,
                max_cells,
                ..
            } if cells > max_cells => write!(
                f,
                "the cells of sheet \"{sheet}\" lie {rows} rows × {columns} columns apart, \
                 and the sheets would take room for {cells} cells, more than the {max_cells} \
                 a workbook can have here"
            ),
            Refusal::Spread {
                sheet,
                bytes,
                max_bytes,
                ..
            } => write!(
                f,
                "with sheet \"{sheet}\" the sheets would take room for {bytes} bytes of text \
                 (each text as often as it is repeated), more than the {max_bytes} a workbook \
                 can have here"
            ),
            Refusal::CutShort => write!(f, "its content ends inside a sheet"),
        }
    }
}

/// Checks the `.ods` file `bytes` before calamine reads it: the tables
/// calamine would keep may not hold more than `max_cells` cells nor more than
/// `max_bytes` bytes of text together, and `content.xml` may not end inside a
/// table. A file calamine would not read as an ods (no such zip, another
/// mimetype, no `content.xml`) passes: calamine then says what is wrong.
pub fn check(bytes: &[u8], max_cells: u64, max_bytes: u64) -> Result<(), Refusal> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    // calamine's Ods::new: the mimetype first, then the content.
    let is_ods = zip.by_name("mimetype").is_ok_and(|mut file| {
        let mut head = [0u8; 46];
        file.read_exact(&mut head).is_ok() && head == MIMETYPE
    });
    if !is_ods {
        return Ok(());
    }
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    check_content(BufReader::new(content), max_cells, max_bytes)
}

/// An XML reader set as calamine sets its own (end names not checked, text
/// not trimmed, empty elements as a start and an end), so that a walk sees
/// the events calamine will.
pub(super) fn xml_reader<R: BufRead>(xml: R) -> Reader<R> {
    let mut reader = Reader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    reader
}

/// The walk of `content.xml` (see [`check`]).
pub fn check_content(xml: impl BufRead, max_cells: u64, max_bytes: u64) -> Result<(), Refusal> {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::with_capacity(1024);
    let (mut cells, mut bytes) = (0u64, 0u64);
    loop {
        let name = match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.name() == QName("table:table") => {
                match raw_attr(&e, "table:name") {
                    Some(Some(name)) => Some(
                        quick_xml::escape::unescape(name)
                            .map_or_else(|_| name.to_string(), |n| n.into_owned()),
                    ),
                    // calamine leaves a table without a name unread.
                    Some(None) => None,
                    // A malformed attribute: calamine stops with an error.
                    None => return Ok(()),
                }
            }
            Ok(Event::Eof) | Err(_) => return Ok(()),
            _ => None,
        };
        buf.clear();
        let Some(sheet) = name else { continue };
        let table = match read_table(&mut reader)? {
            Some(table) => table,
            None => return Ok(()), // calamine stops with an error in this table
        };
        cells = cells.saturating_add(table.cells());
        bytes = bytes.saturating_add(table.bytes());
        if cells > max_cells || bytes > max_bytes {
            let (rows, columns) = table.values_size();
            return Err(Refusal::Spread {
                sheet,
                rows,
                columns,
                cells,
                bytes,
                max_cells,
                max_bytes,
            });
        }
    }
}

/// A row as calamine stores it, and what it becomes in the grids.
#[derive(Debug, Default)]
struct Row {
    /// Times the row is repeated (capped as calamine caps it).
    repeats: usize,
    /// Cells stored (empty cells before a non-empty one included).
    stored: usize,
    /// First and last column with a value, with a formula.
    values: Option<(usize, usize)>,
    formulas: Option<(usize, usize)>,
    /// Bytes of the texts of its stored cells (values and formulas), each
    /// counted once per column it is stored in.
    bytes: u64,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Row>,
}

impl Table {
    /// Rows × columns of a grid: from the first row with a cell of the kind
    /// (`pick`) to the last, every row as often as it is repeated; from the
    /// first such column to the last (calamine's `get_range`).
    fn size(&self, pick: impl Fn(&Row) -> Option<(usize, usize)>) -> (u64, u64) {
        let first = self.rows.iter().position(|r| pick(r).is_some());
        let last = self.rows.iter().rposition(|r| pick(r).is_some());
        let (Some(first), Some(last)) = (first, last) else {
            return (0, 0);
        };
        let rows: u64 = self.rows[first..=last]
            .iter()
            .map(|r| r.repeats as u64)
            .fold(0, u64::saturating_add);
        let spans = self.rows.iter().filter_map(&pick);
        let col_min = spans.clone().map(|(a, _)| a).min().unwrap_or(0);
        let col_max = spans.map(|(_, b)| b).max().unwrap_or(0);
        (rows, (col_max - col_min + 1) as u64)
    }

    fn values_size(&self) -> (u64, u64) {
        self.size(|r| r.values)
    }

    /// Cells calamine holds for the table: those stored as read (a `Data`
    /// and a formula `String` each), and its two grids.
    fn cells(&self) -> u64 {
        let stored: u64 = self.rows.iter().map(|r| r.stored as u64).sum();
        let (vr, vc) = self.values_size();
        let (fr, fc) = self.size(|r| r.formulas);
        stored
            .saturating_mul(2)
            .saturating_add(vr.saturating_mul(vc))
            .saturating_add(fr.saturating_mul(fc))
    }

    /// Bytes of text calamine holds for the table: each row's texts as
    /// stored, and again in the grids once per repetition of the row.
    fn bytes(&self) -> u64 {
        self.rows
            .iter()
            .map(|r| r.bytes.saturating_mul(1 + r.repeats as u64))
            .fold(0, u64::saturating_add)
    }
}

/// calamine's `read_table`, from after a table's start to its end. `Ok(None)`
/// where calamine stops with an error; `CutShort` at the end of the file
/// (where calamine loops for ever).
fn read_table<R: BufRead>(reader: &mut Reader<R>) -> Result<Option<Table>, Refusal> {
    let mut table = Table::default();
    let mut buf = Vec::with_capacity(1024);
    let mut total_rows = 0usize;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.name() == QName("table:table-row") => {
                // An unreadable count is taken as the most calamine allows.
                let repeats = match raw_attr(&e, "table:number-rows-repeated") {
                    Some(None) => 1,
                    Some(Some(v)) => quick_xml::escape::unescape(v)
                        .ok()
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(usize::MAX),
                    None => usize::MAX,
                };
                let repeats = repeats.min(MAX_ROWS.saturating_sub(total_rows));
                total_rows = total_rows.saturating_add(repeats);
                buf.clear();
                match read_row(reader)? {
                    Some(row) => table.rows.push(Row { repeats, ..row }),
                    None => return Ok(None),
                }
            }
            Ok(Event::End(e)) if e.name() == QName("table:table") => return Ok(Some(table)),
            Ok(Event::Eof) => return Err(Refusal::CutShort),
            Err(_) => return Ok(None),
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// calamine's `read_row`, from after a row's start to its end.
fn read_row<R: BufRead>(reader: &mut Reader<R>) -> Result<Option<Row>, Refusal> {
    let mut row = Row::default();
    let mut buf = Vec::with_capacity(1024);
    let mut cell_buf = Vec::with_capacity(1024);
    let mut empty_repeats = 0usize;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e))
                if e.name() == QName("table:table-cell")
                    || e.name() == QName("table:covered-table-cell") =>
            {
                let repeats = match raw_attr(&e, "table:number-columns-repeated") {
                    Some(None) => 1,
                    Some(Some(v)) => v.parse::<usize>().unwrap_or(usize::MAX),
                    None => usize::MAX,
                };
                let Some(cell) = read_cell(reader, &e, &mut cell_buf)? else {
                    return Ok(None);
                };
                // Empty cells are stored only when a non-empty one follows.
                row.stored += empty_repeats.min(MAX_COLUMNS.saturating_sub(row.stored));
                empty_repeats = 0;
                let repeats = repeats.min(MAX_COLUMNS.saturating_sub(row.stored));
                if !cell.value && !cell.formula {
                    empty_repeats = repeats;
                } else if repeats > 0 {
                    let (first, last) = (row.stored, row.stored + repeats - 1);
                    let widen = |span: Option<(usize, usize)>| {
                        Some(span.map_or((first, last), |(a, b)| (a.min(first), b.max(last))))
                    };
                    if cell.value {
                        row.values = widen(row.values);
                    }
                    if cell.formula {
                        row.formulas = widen(row.formulas);
                    }
                    row.bytes = row
                        .bytes
                        .saturating_add(cell.bytes.saturating_mul(repeats as u64));
                    row.stored += repeats;
                }
                if !cell.closed {
                    let end = e.name().as_ref().to_string();
                    if reader.read_to_end_into(QName(&end), &mut cell_buf).is_err() {
                        return Ok(None);
                    }
                }
                cell_buf.clear();
            }
            Ok(Event::End(e)) if e.name() == QName("table:table-row") => return Ok(Some(row)),
            // calamine stops here with an error (a mismatch, or the end).
            Ok(Event::Eof) | Err(_) => return Ok(None),
            // Any other element: calamine stops with an error; the walk goes on
            // (it may count more, never less).
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// A cell as calamine's `get_datatype` reads it.
struct CellRead {
    /// A value calamine keeps (not `Data::Empty`): any value attribute, or a
    /// text (even an empty one).
    value: bool,
    /// A non-empty formula.
    formula: bool,
    /// Bytes of its text (at most what calamine builds) and formula.
    bytes: u64,
    /// calamine read up to the cell's end itself.
    closed: bool,
}

/// calamine's `get_datatype` on a cell's start `e`. `Ok(None)` where
/// calamine stops with an error; `CutShort` where it loops for ever.
fn read_cell<R: BufRead>(
    reader: &mut Reader<R>,
    e: &BytesStart<'_>,
    buf: &mut Vec<u8>,
) -> Result<Option<CellRead>, Refusal> {
    let mut is_string = false;
    let mut is_error = false;
    let mut is_value_set = false;
    let mut empty_string_value = false;
    let mut cell = CellRead {
        value: false,
        formula: false,
        bytes: 0,
        closed: false,
    };
    let mut value_bytes = 0u64;
    let mut formula_bytes = 0u64;
    for attr in RawAttrs(e.attributes_raw()) {
        // A malformed attribute: calamine stops with an error.
        let Some((key, value)) = attr else {
            return Ok(None);
        };
        match key {
            "office:value" | "office:boolean-value" if !is_value_set => {
                cell.value = true;
                is_value_set = true;
            }
            "office:string-value" | "office:date-value" | "office:time-value" if !is_value_set => {
                cell.value = true;
                is_value_set = true;
                value_bytes = value.len() as u64;
                empty_string_value = key == "office:string-value" && value.is_empty();
            }
            "office:value-type" if !is_value_set => is_string = value == "string",
            "calcext:value-type" => is_error = value == "error",
            "table:formula" => {
                cell.formula = !value.is_empty();
                formula_bytes = value.len() as u64;
            }
            _ => {}
        }
    }
    if (!is_value_set && is_string) || (is_error && empty_string_value) {
        // The text is the cell's content, read up to the cell's end.
        let text = read_text(reader, buf)?;
        let Some(text) = text else { return Ok(None) };
        cell.value = true;
        cell.closed = true;
        value_bytes = text;
    }
    cell.bytes = value_bytes.saturating_add(formula_bytes);
    Ok(Some(cell))
}

/// The length of the text calamine builds from a cell's content, at most (up
/// to the cell's end): its text, 4 bytes an entity, a line break before each
/// paragraph but the first, `text:c` spaces a `text:s`, a tab, a line break. `Ok(None)` where calamine
/// stops with an error; `CutShort` where it loops for ever.
fn read_text<R: BufRead>(
    reader: &mut Reader<R>,
    buf: &mut Vec<u8>,
) -> Result<Option<u64>, Refusal> {
    let mut len = 0u64;
    let mut first_paragraph = true;
    loop {
        buf.clear();
        let add = match reader.read_event_into(buf) {
            Ok(Event::Text(t)) => t.xml10_content().len() as u64,
            Ok(Event::GeneralRef(_)) => 4,
            Ok(Event::End(e))
                if e.name() == QName("table:table-cell")
                    || e.name() == QName("table:covered-table-cell") =>
            {
                return Ok(Some(len));
            }
            Ok(Event::Start(e)) if e.name() == QName("office:annotation") => {
                // Skipped up to its end, which calamine waits for for ever.
                loop {
                    match reader.read_event_into(buf) {
                        Ok(Event::End(e)) if e.name() == QName("office:annotation") => break,
                        Ok(Event::Eof) => return Err(Refusal::CutShort),
                        Err(_) => return Ok(None),
                        Ok(_) => {}
                    }
                    buf.clear();
                }
                0
            }
            Ok(Event::Start(e)) if e.name() == QName("text:s") => {
                // calamine pushes `text:c` spaces (an i32; 1 without it).
                match raw_attr(&e, "text:c") {
                    Some(None) => 1,
                    Some(Some(v)) => quick_xml::escape::unescape(v)
                        .ok()
                        .and_then(|v| v.parse::<i64>().ok())
                        .map_or(i32::MAX as u64, |c| c.clamp(0, i64::from(i32::MAX)) as u64),
                    None => i32::MAX as u64,
                }
            }
            // A line break before every paragraph but the first.
            Ok(Event::Start(e)) if e.name() == QName("text:p") => {
                let add = u64::from(!first_paragraph);
                first_paragraph = false;
                add
            }
            // A tab, a line break: 1 byte.
            Ok(Event::Start(e))
                if e.name() == QName("text:tab") || e.name() == QName("text:line-break") =>
            {
                1
            }
            Ok(Event::Eof) | Err(_) => return Ok(None),
            Ok(_) => 0,
        };
        len = len.saturating_add(add);
    }
}

/// The raw value of the first attribute named `name` (`Some(None)` without
/// one), or `None` when an attribute before it is malformed (calamine's
/// `raw_attr`).
pub(super) fn raw_attr<'a>(e: &'a BytesStart<'_>, name: &str) -> Option<Option<&'a str>> {
    for attr in RawAttrs(e.attributes_raw()) {
        let (key, value) = attr?;
        if key == name {
            return Some(Some(value));
        }
    }
    Some(None)
}

/// calamine's `RawAttrIter`: `key="value"` or `key='value'` pairs with
/// optional white space around `=`; `None` for a malformed one (a key without
/// `=`, a value without quotes), after which it ends.
struct RawAttrs<'a>(&'a str);

impl<'a> Iterator for RawAttrs<'a> {
    type Item = Option<(&'a str, &'a str)>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.0.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if rest.is_empty() {
            self.0 = rest;
            return None;
        }
        let Some((key, after)) = rest.split_once('=') else {
            self.0 = "";
            return Some(None);
        };
        let after = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let Some(quote) = after.chars().next().filter(|&q| q == '"' || q == '\'') else {
            self.0 = "";
            return Some(None);
        };
        let body = &after[1..];
        let (value, rest) = match body.find(quote) {
            Some(end) => (&body[..end], &body[end + 1..]),
            None => (body, ""),
        };
        self.0 = rest;
        Some(Some((
            key.trim_end_matches(|c: char| c.is_ascii_whitespace()),
            value,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CELLS: u64 = 20_000_000;
    const BYTES: u64 = 200_000_000;

    /// `content.xml` around `tables` (the body of `office:spreadsheet`).
    fn content(tables: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
             xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
             xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
             xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>\
             <office:spreadsheet>{tables}</office:spreadsheet></office:body>\
             </office:document-content>"
        )
    }

    fn walk(tables: &str) -> Result<(), Refusal> {
        check_content(content(tables).as_bytes(), CELLS, BYTES)
    }

    /// The refusal's figures: sheet, rows, columns, cells, bytes.
    fn spread(tables: &str) -> Option<(String, u64, u64, u64, u64)> {
        match walk(tables) {
            Ok(()) => None,
            Err(Refusal::Spread {
                sheet,
                rows,
                columns,
                cells,
                bytes,
                ..
            }) => Some((sheet, rows, columns, cells, bytes)),
            Err(other) => panic!("{other:?}"),
        }
    }

    const NUMBER: &str = r#"<table:table-cell office:value-type="float" office:value="1"/>"#;

    fn row(cells: &str) -> String {
        format!("<table:table-row>{cells}</table:table-row>")
    }

    fn rows(repeats: usize, cells: &str) -> String {
        format!(
            r#"<table:table-row table:number-rows-repeated="{repeats}">{cells}</table:table-row>"#
        )
    }

    fn empty(repeats: usize) -> String {
        format!(r#"<table:table-cell table:number-columns-repeated="{repeats}"/>"#)
    }

    fn table(name: &str, body: &str) -> String {
        format!(r#"<table:table table:name="{name}">{body}</table:table>"#)
    }

    #[test]
    fn a_normal_table_passes() {
        // 2 rows × 2 columns of numbers; LibreOffice's trailing empty rows and
        // columns (styled, repeated to the end of the sheet) hold nothing.
        let body = [
            row(&format!("{NUMBER}{NUMBER}{}", empty(1022))),
            row(&format!("{NUMBER}{NUMBER}")),
            rows(1_048_574, &empty(1024)),
        ]
        .concat();
        assert_eq!(walk(&table("S", &body)), Ok(()));
        assert_eq!(walk(""), Ok(()));
    }

    #[test]
    fn far_apart_cells_are_refused() {
        // A1, then 6,000 empty rows, then a number after 16,383 empty cells:
        // rows 1 to 6,002 × columns 1 to 16,384 = 98,336,768 grid cells, and
        // 1 + 16,384 cells stored (twice: values and formulas).
        let body = [
            row(NUMBER),
            rows(6_000, &empty(1)),
            row(&format!("{}{NUMBER}", empty(16_383))),
        ]
        .concat();
        let cells = 98_336_768 + 2 * (1 + 16_384);
        assert_eq!(
            spread(&table("Far", &body)),
            Some(("Far".into(), 6_002, 16_384, cells, 0))
        );
        // 1,000 empty rows instead: 1,002 × 16,384 = 16,416,768 grid cells,
        // + 32,770 stored: passes.
        let body = [
            row(NUMBER),
            rows(1_000, &empty(1)),
            row(&format!("{}{NUMBER}", empty(16_383))),
        ]
        .concat();
        assert_eq!(walk(&table("Far", &body)), Ok(()));
    }

    #[test]
    fn repeated_rows_and_columns_count() {
        // One number repeated over 100 columns, its row over 200,000 rows:
        // 200,000 × 100 = 20,000,000 grid cells + 200 stored: over.
        let cell = r#"<table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="1"/>"#;
        assert_eq!(
            spread(&table("R", &rows(200_000, cell))),
            Some(("R".into(), 200_000, 100, 20_000_200, 0))
        );
        // 199,000 rows: 19,900,200, passes.
        assert_eq!(walk(&table("R", &rows(199_000, cell))), Ok(()));
        // A repeat count beyond calamine's cap counts as the cap: 1,048,576
        // rows of 1 number pass; of 20 numbers, 20,971,520 cells, over. One
        // that cannot be read (calamine fails on it) counts as the cap too.
        assert_eq!(walk(&table("R", &rows(usize::MAX, NUMBER))), Ok(()));
        let twenty = r#"<table:table-cell table:number-columns-repeated="20" office:value-type="float" office:value="1"/>"#;
        let expected = Some(("R".into(), 1_048_576, 20, 20_971_520 + 40, 0));
        assert_eq!(spread(&table("R", &rows(usize::MAX, twenty))), expected);
        let lots = format!(
            r#"<table:table-row table:number-rows-repeated="lots">{twenty}</table:table-row>"#
        );
        assert_eq!(spread(&table("R", &lots)), expected);
    }

    #[test]
    fn formulas_and_texts_count() {
        // A formula over 100 columns in 100,000 rows: its values' grid and
        // its formulas' grid, 10,000,000 each, + 200 stored: over; its text
        // (5 bytes) stored in 100 columns, and again in 100,000 rows of them.
        let cell = r#"<table:table-cell table:number-columns-repeated="100" table:formula="of:=1" office:value-type="float" office:value="1"/>"#;
        assert_eq!(
            spread(&table("F", &rows(100_000, cell))),
            Some(("F".into(), 100_000, 100, 20_000_200, 5 * 100 * 100_001))
        );
        // A text of 1,000 bytes over 16,384 columns in 12 rows: 16,384 × 1,000
        // bytes stored, and again 12 times in the grid: 212,992,000 bytes.
        let text = "x".repeat(1_000);
        let cell = format!(
            r#"<table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
        );
        let (sheet, _, _, cells, bytes) = spread(&table("T", &rows(12, &cell))).unwrap();
        assert_eq!(
            (sheet.as_str(), cells, bytes),
            ("T", 12 * 16_384 + 2 * 16_384, 212_992_000)
        );
        // Two billion spaces after an "a" in one cell: stored, and in the grid.
        let spaces = r#"<table:table-cell office:value-type="string"><text:p>a<text:s text:c="2000000000"/></text:p></table:table-cell>"#;
        let (_, _, _, _, bytes) = spread(&table("S", &row(spaces))).unwrap();
        assert_eq!(bytes, 2 * (1 + 2_000_000_000));
    }

    #[test]
    fn the_tables_add_up() {
        // 8,000,000 grid cells a table (40,000 rows × 200 columns) + 400 stored.
        let cell = r#"<table:table-cell table:number-columns-repeated="200" office:value-type="float" office:value="1"/>"#;
        let one = table("A", &rows(40_000, cell));
        assert_eq!(walk(&[one.clone(), one.clone()].concat()), Ok(()));
        let third = table("C", &rows(40_000, cell));
        assert_eq!(
            spread(&[one.clone(), one, third].concat()),
            Some(("C".into(), 40_000, 200, 24_001_200, 0))
        );
    }

    #[test]
    fn a_content_cut_short_is_refused() {
        // Inside a table (calamine reads past the end for ever).
        let open = r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#;
        let cut = content(open);
        let cut = &cut[..cut.find("</office:spreadsheet>").unwrap()];
        assert_eq!(
            check_content(cut.as_bytes(), CELLS, BYTES),
            Err(Refusal::CutShort)
        );
        // Inside a cell's annotation.
        let open = r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>x</text:p>"#;
        assert_eq!(
            check_content(open.as_bytes(), CELLS, BYTES),
            Err(Refusal::CutShort)
        );
        // Inside a row, a cell or before any table: calamine stops with an error.
        for cut in [
            r#"<table:table table:name="S"><table:table-row>"#,
            r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>x"#,
            "<office:spreadsheet>",
        ] {
            assert_eq!(check_content(cut.as_bytes(), CELLS, BYTES), Ok(()), "{cut}");
        }
    }

    #[test]
    fn attributes_as_calamine_reads_them() {
        fn attrs(raw: &str) -> Vec<Option<(&str, &str)>> {
            RawAttrs(raw).collect()
        }
        assert_eq!(
            attrs(r#" a="1"  b = '2' c="x'y""#),
            [Some(("a", "1")), Some(("b", "2")), Some(("c", "x'y"))]
        );
        assert_eq!(attrs(" a"), [None]);
        assert_eq!(attrs(" a=1 b=\"2\""), [None]);
        assert_eq!(attrs(""), []);
    }
}
