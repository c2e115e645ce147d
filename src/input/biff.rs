//! The BIFF records of an `.xls` workbook stream, walked before calamine parses
//! them, for what calamine acts on without a check: the Dimensions record of a
//! sheet (calamine reserves room for every cell it claims before reading any,
//! so a claim of billions of cells aborts the process or traps the wasm
//! module); the cells themselves (calamine holds each sheet as a dense grid
//! from its first row and column with a cell to its last, for every sheet at
//! once, so two cells far apart in a file of a few hundred bytes ask for
//! gigabytes); the shared texts (calamine copies a text into every cell that
//! shows it, so one text of 60,000 characters shown by a few thousand cells of
//! 14 bytes each asks for gigabytes too); the sheet offsets of the BoundSheet
//! records (calamine slices the stream there unchecked); and the records
//! calamine indexes or subtracts in unchecked (a MulRk's columns, a
//! MergeCells's count, a shared text's counts and Continue records, and
//! FilePass, CodePage, DateMode, BOF, ExternSheet and Lbl records shorter than
//! what it reads from them).
//!
//! The walk follows calamine 0.38 (`src/xls.rs`, `parse_workbook`): records
//! are `u16` type, `u16` length, data (MS-XLS 2.1.4); the workbook globals run
//! from the start of the stream to their EOF; each BoundSheet8 record
//! (MS-XLS 2.4.28) gives the offset of a sheet's substream, whose records run
//! to its EOF, BOF/EOF pairs nested inside it (embedded charts) being skipped.
//! A record cut short by the end of the stream ends the walk: calamine reports
//! that itself. Nothing here indexes unchecked.

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FILE_PASS: u16 = 0x002F;
const BOUND_SHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
// The records calamine turns into cells (`parse_workbook`'s sheet loop; Blank
// and MulBlank are not among them).
const NUMBER: u16 = 0x0203;
const LABEL: u16 = 0x0204;
const RSTRING: u16 = 0x00D6;
const BOOL_ERR: u16 = 0x0205;
const RK: u16 = 0x027E;
const LABEL_SST: u16 = 0x00FD;
const MUL_RK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
/// A formula's string result: a cell at the last Formula record's position.
const STRING: u16 = 0x0207;
const MERGE_CELLS: u16 = 0x00E5;
// Workbook globals calamine reads more of.
const SST: u16 = 0x00FC;
const CONTINUE: u16 = 0x003C;
const CODE_PAGE: u16 = 0x0042;
const DATE_MODE: u16 = 0x0022;
const LBL: u16 = 0x0018;
const EXTERN_SHEET: u16 = 0x0017;

/// What the walk refuses: something calamine would act on to the point of
/// running out of memory or indexing outside the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A sheet's Dimensions record claims `rows` × `columns` cells (as
    /// calamine counts them), above the limit `max`.
    Dimensions { rows: u64, columns: u64, max: u64 },
    /// A BoundSheet record shorter than the 6 bytes calamine reads from it.
    ShortBoundSheet { len: usize },
    /// A sheet said to start at `offset`, past the end of the stream (`len`
    /// bytes).
    SheetOutside { offset: u32, len: usize },
    /// The grids calamine would hold for the sheets up to the `sheet`-th
    /// (1-based) come to `cells` cells, above the limit `max`; that sheet's
    /// own cells span `rows` × `columns` (its values' or its formulas' grid,
    /// whichever is larger).
    Spread {
        sheet: usize,
        rows: u64,
        columns: u64,
        cells: u64,
        max: u64,
    },
    /// A MulRk record (a row of numbers) whose last column is before its
    /// first, or that spans all 65,536 columns: calamine's `u16` subtraction
    /// overflows (a panic where overflow is checked).
    MulRkColumns { first: u16, last: u16 },
    /// A MergeCells record of `len` bytes that says it holds `count` merged
    /// areas of 8 bytes after its 2-byte count: calamine reads them unchecked.
    ShortMergeCells { len: usize, count: u16 },
    /// A record (`what` it is) shorter than what calamine reads from it
    /// unchecked.
    ShortRecord { what: &'static str, len: usize },
    /// The shared texts the cells of the sheets up to the `sheet`-th show
    /// (calamine copies a shared text into every cell showing it) come to
    /// `bytes` bytes at most, above the limit `max`.
    Texts { sheet: usize, bytes: u64, max: u64 },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Dimensions { rows, columns, max } => write!(
                f,
                "a sheet claims {rows} rows × {columns} columns, more than the {max} cells \
                 a sheet can have here"
            ),
            Refusal::ShortBoundSheet { len } => {
                write!(f, "a sheet's entry is cut short ({len} bytes)")
            }
            Refusal::SheetOutside { offset, len } => write!(
                f,
                "a sheet is said to start at byte {offset} of a workbook stream of {len} bytes"
            ),
            Refusal::Spread {
                sheet,
                rows,
                columns,
                cells,
                max,
            } => write!(
                f,
                "the cells of sheet {sheet} lie {rows} rows × {columns} columns apart, \
                 and the sheets would take room for {cells} cells, more than the {max} \
                 a workbook can have here"
            ),
            Refusal::MulRkColumns { first, last } => write!(
                f,
                "a row of numbers runs from column {first} to column {last}"
            ),
            Refusal::ShortMergeCells { len, count } => write!(
                f,
                "a list of {count} merged areas is cut short ({len} bytes)"
            ),
            Refusal::ShortRecord { what, len } => {
                write!(f, "{what} is cut short ({len} bytes)")
            }
            Refusal::Texts { sheet, bytes, max } => write!(
                f,
                "with sheet {sheet} the cells would take room for {bytes} bytes of shared text \
                 (each text as often as cells show it), more than the {max} a workbook can \
                 have here"
            ),
        }
    }
}

/// Checks the workbook stream `stream` (the compound file's "Workbook" or
/// "Book" stream) before calamine reads it: no sheet's Dimensions record may
/// claim more than `max_cells` cells; the dense grids calamine builds from the
/// cells of all sheets (each sheet's values and its formulas, from the first
/// row and column with a cell to the last) may not hold more than `max_cells`
/// together; the copies calamine makes of the shared texts for the cells
/// showing them may not come to more than `max_bytes` bytes; every sheet must
/// start inside the stream; and no record may be one calamine would overflow
/// or overrun on (see the module's documentation). A
/// stream that is damaged in any other way passes (calamine then says what is
/// wrong with it), and so does an encrypted one (calamine says it is protected
/// before reading any sheet).
///
/// The grids are counted as if every cell record were whole: a record that
/// calamine refuses (a Number shorter than 14 bytes, a LabelSst naming no
/// string, a Formula shorter than 20 bytes) still counts with the position it
/// names, so a damaged file may be refused here rather than by calamine, never
/// the other way round.
pub fn check(stream: &[u8], max_cells: u64, max_bytes: u64) -> Result<(), Refusal> {
    let mut sheets = Vec::new();
    // The shared texts' lengths in UTF-8 at most, and what calamine decodes
    // them with: UTF-16 (code page 1200) unless a CodePage record says
    // otherwise; BIFF8 unless a BOF says otherwise.
    let mut strings: Vec<u64> = Vec::new();
    let mut utf16 = true;
    let mut biff8 = true;
    let mut globals = Records { rest: stream };
    while let Some((typ, data)) = globals.next() {
        let short = |what| {
            Err(Refusal::ShortRecord {
                what,
                len: data.len(),
            })
        };
        match typ {
            // Records calamine reads a u16 from unchecked.
            FILE_PASS if data.len() < 2 => return short("a FilePass record"),
            CODE_PAGE if data.len() < 2 => return short("a CodePage record"),
            DATE_MODE if data.len() < 2 => return short("a DateMode record"),
            BOF if data.len() < 2 => return short("a BOF record"),
            EXTERN_SHEET if biff8 && data.len() < 2 => return short("an ExternSheet record"),
            // A defined name: calamine indexes up to byte 14 and takes its
            // formula's length from the end.
            LBL if data.len() < 14 || usize::from(u16_at(data, 4).unwrap_or(0)) > data.len() => {
                return short("a defined name (Lbl record)");
            }
            // calamine stops with its password error here, before any sheet.
            FILE_PASS if u16_at(data, 0) != Some(0) => return Ok(()),
            CODE_PAGE => utf16 = u16_at(data, 0) == Some(1200),
            BOF => biff8 = bof_is_biff8(data),
            SST => {
                let continues = globals.continues();
                strings = sst_lengths(data, continues, utf16)?;
            }
            BOUND_SHEET => match u32_at(data, 0) {
                Some(offset) if data.len() >= 6 => sheets.push(offset),
                _ => return Err(Refusal::ShortBoundSheet { len: data.len() }),
            },
            EOF => break,
            _ => {}
        }
    }
    let mut cells = 0u64;
    let mut texts = 0u64;
    for (i, offset) in sheets.into_iter().enumerate() {
        let sheet = usize::try_from(offset)
            .ok()
            .and_then(|at| stream.get(at..))
            .ok_or(Refusal::SheetOutside {
                offset,
                len: stream.len(),
            })?;
        let (values, formulas, shown) = check_sheet(sheet, max_cells, &strings)?;
        texts = texts.saturating_add(shown);
        if texts > max_bytes {
            return Err(Refusal::Texts {
                sheet: i + 1,
                bytes: texts,
                max: max_bytes,
            });
        }
        cells = cells
            .saturating_add(values.cells())
            .saturating_add(formulas.cells());
        if cells > max_cells {
            let larger = if values.cells() >= formulas.cells() {
                values
            } else {
                formulas
            };
            let (rows, columns) = larger.size();
            return Err(Refusal::Spread {
                sheet: i + 1,
                rows,
                columns,
                cells,
                max: max_cells,
            });
        }
    }
    Ok(())
}

/// The rows and columns from the first cell to the last of a sheet's grid, as
/// `Range::from_sparse` takes them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Span {
    /// First and last row, first and last column, once a cell is seen.
    bounds: Option<(u32, u32, u32, u32)>,
}

impl Span {
    /// Adds the cells of `row` from column `first` to `last`.
    fn add(&mut self, row: u32, first: u32, last: u32) {
        self.bounds = Some(match self.bounds {
            None => (row, row, first, last),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(first), c1.max(last)),
        });
    }

    /// Rows × columns of the grid (0 × 0 without a cell).
    fn size(&self) -> (u64, u64) {
        self.bounds.map_or((0, 0), |(r0, r1, c0, c1)| {
            (u64::from(r1 - r0) + 1, u64::from(c1 - c0) + 1)
        })
    }

    fn cells(&self) -> u64 {
        let (rows, columns) = self.size();
        rows * columns
    }
}

/// The row and column of a cell record (its first 4 bytes), when it has them.
fn position(data: &[u8]) -> Option<(u32, u32)> {
    Some((u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?)))
}

/// One sheet's substream, from its BOF to its EOF: its Dimensions claim
/// checked, and the spans of the cells calamine makes of it (its values, its
/// formulas), and the bytes of the shared texts (of lengths `strings`) its
/// cells show.
fn check_sheet(
    sheet: &[u8],
    max_cells: u64,
    strings: &[u64],
) -> Result<(Span, Span, u64), Refusal> {
    let mut shown = 0u64;
    let mut values = Span::default();
    let mut formulas = Span::default();
    // calamine's `fmla_pos`: where a String record's cell goes.
    let mut formula_at = (0u32, 0u32);
    let mut seen_bof = false;
    let mut nested = 0usize;
    for (typ, data) in records(sheet) {
        if nested > 0 {
            match typ {
                BOF => nested += 1,
                EOF => nested -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            BOF if seen_bof => nested += 1,
            BOF => seen_bof = true,
            DIMENSIONS => match reserved(data) {
                Some((rows, columns)) if rows.saturating_mul(columns) > max_cells => {
                    return Err(Refusal::Dimensions {
                        rows,
                        columns,
                        max: max_cells,
                    });
                }
                Some(_) => {}
                None => break, // a length calamine refuses: it stops here
            },
            NUMBER | LABEL | RSTRING | BOOL_ERR | RK | LABEL_SST => {
                if let Some((row, col)) = position(data) {
                    values.add(row, col, col);
                }
                // A LabelSst's cell is a copy of the shared text it names.
                if typ == LABEL_SST && data.len() >= 10 {
                    let index = u32_at(data, 6).and_then(|i| usize::try_from(i).ok());
                    let len = index.and_then(|i| strings.get(i)).copied().unwrap_or(0);
                    shown = shown.saturating_add(len);
                }
            }
            FORMULA => {
                if let Some((row, col)) = position(data) {
                    formula_at = (row, col);
                    values.add(row, col, col);
                    formulas.add(row, col, col);
                }
            }
            STRING => values.add(formula_at.0, formula_at.1, formula_at.1),
            MUL_RK if data.len() >= 6 => {
                let row = u32::from(u16_at(data, 0).unwrap_or_default());
                let first = u16_at(data, 2).unwrap_or_default();
                let last = u16_at(data, data.len() - 2).unwrap_or_default();
                // calamine computes `last - first + 1` in u16 before it checks
                // the length, then numbers the record's 6-byte values from
                // `first` on (in u32).
                if last < first || last - first == u16::MAX {
                    return Err(Refusal::MulRkColumns { first, last });
                }
                let count = u32::try_from((data.len() - 6).div_ceil(6)).unwrap_or(u32::MAX);
                if count > 0 {
                    let first = u32::from(first);
                    values.add(row, first, first.saturating_add(count - 1));
                }
            }
            MERGE_CELLS => {
                let count = u16_at(data, 0);
                let needed = 2 + 8 * usize::from(count.unwrap_or(0));
                if count.is_none() || data.len() < needed {
                    return Err(Refusal::ShortMergeCells {
                        len: data.len(),
                        count: count.unwrap_or(0),
                    });
                }
            }
            EOF => break,
            _ => {}
        }
    }
    Ok((values, formulas, shown))
}

/// The rows and columns calamine reserves room for on reading this Dimensions
/// record (MS-XLS 2.4.90), or `None` for a length it refuses. calamine tells
/// the layouts apart by length alone: 10 bytes is BIFF5's (`u16` rows), 14 or
/// 16 is BIFF8's (`u32` rows); then first row, row after the last, first
/// column, column after the last. A first column above 0xFF or after the end is
/// taken as 0; with a zero end it takes a single cell; otherwise it reserves
/// `(end - 1) - first + 1` rows and columns, in `u32` arithmetic that wraps in
/// a release build (a first row at or after the end becomes about 2^32 rows,
/// or 0 when they are equal). The same wrapping is done here, so the count is
/// exactly the one the release build reserves.
fn reserved(data: &[u8]) -> Option<(u64, u64)> {
    let (first_row, end_row, first_col, end_col) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)?),
            u32::from(u16_at(data, 2)?),
            u32::from(u16_at(data, 4)?),
            u32::from(u16_at(data, 6)?),
        ),
        14 | 16 => (
            u32_at(data, 0)?,
            u32_at(data, 4)?,
            u32::from(u16_at(data, 8)?),
            u32::from(u16_at(data, 10)?),
        ),
        _ => return None,
    };
    let first_col = if first_col > 0xFF || end_col < first_col {
        0
    } else {
        first_col
    };
    if end_row == 0 || end_col == 0 {
        return Some((1, 1));
    }
    let rows = end_row
        .wrapping_sub(1)
        .wrapping_sub(first_row)
        .wrapping_add(1);
    let columns = end_col
        .wrapping_sub(1)
        .wrapping_sub(first_col)
        .wrapping_add(1);
    Some((u64::from(rows), u64::from(columns)))
}

/// The records of `stream` from its start as calamine frames them, type and
/// data; ends at the end of the stream or at a record cut short by it.
/// (calamine joins Continue records to the record before them; they are framed
/// the same way, so walking them as records of their own gives the same
/// records, and [`Records::continues`] gives them where they matter.)
fn records(stream: &[u8]) -> Records<'_> {
    Records { rest: stream }
}

#[derive(Clone)]
struct Records<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let typ = u16_at(self.rest, 0)?;
        let len = usize::from(u16_at(self.rest, 2)?);
        let data = self.rest.get(4..4 + len)?;
        self.rest = self.rest.get(4 + len..)?;
        Some((typ, data))
    }
}

impl<'a> Records<'a> {
    /// The data of the Continue records calamine joins to the record just
    /// read: those that follow it, each while more than 4 bytes of the stream
    /// are left (calamine's `RecordIter`).
    fn continues(&mut self) -> Vec<&'a [u8]> {
        let mut out = Vec::new();
        while self.rest.len() > 4 && u16_at(self.rest, 0) == Some(CONTINUE) {
            let mut ahead = self.clone();
            let Some((_, data)) = ahead.next() else { break };
            out.push(data);
            *self = ahead;
        }
        out
    }
}

/// Whether calamine takes a BOF record's stream for BIFF8 (its `parse_bof`).
fn bof_is_biff8(data: &[u8]) -> bool {
    match u16_at(data, 0) {
        Some(0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500) => false,
        Some(0) => u16_at(data, 2) != Some(0x1000),
        _ => true,
    }
}

/// A record's data and the Continue records joined to it, consumed as
/// calamine's `Record` is.
struct Joined<'a> {
    data: &'a [u8],
    continues: std::collections::VecDeque<&'a [u8]>,
}

impl<'a> Joined<'a> {
    /// On to the next Continue record; `false` when there is none.
    fn next_continue(&mut self) -> bool {
        match self.continues.pop_front() {
            Some(data) => {
                self.data = data;
                true
            }
            None => false,
        }
    }

    /// Skips `len` bytes across Continue records; `false` where calamine
    /// fails (the data ends first).
    fn skip(&mut self, mut len: usize) -> bool {
        while len > 0 {
            if self.data.is_empty() && !self.next_continue() {
                return false;
            }
            let step = len.min(self.data.len());
            self.data = &self.data[step..];
            len -= step;
        }
        true
    }
}

/// The length in UTF-8, at most, of each shared text of an SST record
/// (MS-XLS 2.4.265), in calamine's order (its `parse_sst`: texts one after
/// the other until the data and its Continue records end). A text calamine
/// fails on ends the list (calamine fails the file); one it would index past
/// the data of is refused.
fn sst_lengths(data: &[u8], continues: Vec<&[u8]>, utf16: bool) -> Result<Vec<u64>, Refusal> {
    let mut out = Vec::new();
    let Some(texts) = data.get(8..) else {
        return Ok(out); // calamine fails on an SST under 8 bytes
    };
    let mut r = Joined {
        data: texts,
        continues: continues.into(),
    };
    while !r.data.is_empty() || r.next_continue() {
        match sst_text(&mut r, utf16)? {
            Some(len) => out.push(len),
            None => break,
        }
    }
    Ok(out)
}

/// One XLUnicodeRichExtendedString (MS-XLS 2.5.293) as calamine's
/// `read_rich_extended_string` reads it: its UTF-8 length at most, `None`
/// where calamine fails.
fn sst_text(r: &mut Joined<'_>, utf16: bool) -> Result<Option<u64>, Refusal> {
    let short = |len: usize| Refusal::ShortRecord {
        what: "a shared text",
        len,
    };
    if r.data.is_empty() {
        return Ok(Some(0));
    }
    let (Some(cch), Some(&flags)) = (u16_at(r.data, 0), r.data.get(2)) else {
        return Ok(None);
    };
    r.data = &r.data[3..];
    let mut runs = 0usize;
    let mut ext = 0usize;
    if flags & 0x8 != 0 {
        runs = usize::from(u16_at(r.data, 0).ok_or(short(r.data.len()))?);
        r.data = &r.data[2..];
    }
    if flags & 0x4 != 0 {
        // An i32 taken as a usize: a negative one is huge, and calamine fails
        // skipping it.
        ext = u32_at(r.data, 0).ok_or(short(r.data.len()))? as i32 as isize as usize;
        r.data = &r.data[4..];
    }
    // calamine's `read_dbcs`: the characters, 2 bytes each with the high-byte
    // flag, else 1, going on in the next Continue record after a new flags
    // byte.
    let mut high = flags & 0x1 != 0;
    let mut left = usize::from(cch);
    let mut len = 0u64;
    while left > 0 {
        let (chars, used, utf8) = decoded(r.data, left, high, utf16);
        r.data = &r.data[used..];
        left -= chars;
        len = len.saturating_add(utf8);
        if left > 0 {
            if !r.next_continue() {
                return Ok(None);
            }
            let &flags = r.data.first().ok_or(short(0))?;
            high = flags & 0x1 != 0;
            r.data = &r.data[1..];
        }
    }
    if !r.skip(runs * 4) || !r.skip(ext) {
        return Ok(None);
    }
    Ok(Some(len))
}

/// calamine's `decode_to` on `data` for up to `left` characters: the
/// characters and bytes it takes, and the UTF-8 length of what it makes, at
/// most. With code page 1200 (UTF-16LE), exactly per character except that a
/// surrogate counts 3 bytes; with another code page (which calamine decodes
/// the UTF-16 bytes with), or when the bytes start like a byte-order mark
/// (which the decoder follows), 3 bytes per byte.
fn decoded(data: &[u8], left: usize, high: bool, utf16: bool) -> (usize, usize, u64) {
    if high {
        let chars = left.min(data.len() / 2);
        let bytes = &data[..2 * chars];
        let bom = [&[0xEF, 0xBB, 0xBF][..], &[0xFE, 0xFF], &[0xFF, 0xFE]]
            .iter()
            .any(|m| bytes.starts_with(m));
        let utf8 = if utf16 && !bom {
            bytes
                .chunks_exact(2)
                .map(|u| match u16::from_le_bytes([u[0], u[1]]) {
                    0..=0x7F => 1,
                    0x80..=0x7FF => 2,
                    _ => 3,
                })
                .sum()
        } else {
            6 * chars as u64
        };
        (chars, 2 * chars, utf8)
    } else {
        let chars = left.min(data.len());
        let utf8 = if utf16 {
            data[..chars]
                .iter()
                .map(|&b| if b < 0x80 { 1 } else { 2 })
                .sum()
        } else {
            6 * chars as u64
        };
        (chars, chars, utf8)
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let x = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([x[0], x[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let x = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: u64 = 20_000_000;
    const BYTES: u64 = 200_000_000;

    /// The check with the limit of text bytes above (its tests call
    /// `super::check`).
    fn check(stream: &[u8], max_cells: u64) -> Result<(), Refusal> {
        super::check(stream, max_cells, BYTES)
    }

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend_from_slice(&u16::try_from(data.len()).unwrap().to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    /// BIFF8 Dimensions: first row, row after the last (u32), first column,
    /// column after the last (u16), 2 reserved bytes.
    fn dims8(first_row: u32, end_row: u32, first_col: u16, end_col: u16) -> Vec<u8> {
        let mut d = first_row.to_le_bytes().to_vec();
        d.extend_from_slice(&end_row.to_le_bytes());
        d.extend_from_slice(&first_col.to_le_bytes());
        d.extend_from_slice(&end_col.to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        record(DIMENSIONS, &d)
    }

    /// BIFF5 Dimensions: the same with u16 rows.
    fn dims5(first_row: u16, end_row: u16, first_col: u16, end_col: u16) -> Vec<u8> {
        let mut d = Vec::new();
        for v in [first_row, end_row, first_col, end_col, 0] {
            d.extend_from_slice(&v.to_le_bytes());
        }
        record(DIMENSIONS, &d)
    }

    /// BOF of BIFF8 (16 bytes; 0x0005 globals, 0x0010 worksheet).
    fn bof(kind: u16) -> Vec<u8> {
        let mut d = 0x0600u16.to_le_bytes().to_vec();
        d.extend_from_slice(&kind.to_le_bytes());
        d.extend_from_slice(&[0; 12]);
        record(BOF, &d)
    }

    /// A workbook stream: globals with one BoundSheet8 ("S", a worksheet),
    /// then one sheet holding `sheet_records` between its BOF and EOF.
    fn workbook(sheet_records: &[Vec<u8>]) -> Vec<u8> {
        workbook_of(&[sheet_records])
    }

    /// A workbook stream of several sheets, each holding its records between
    /// its BOF and EOF, each with its BoundSheet8 in the globals.
    fn workbook_of(sheets: &[&[Vec<u8>]]) -> Vec<u8> {
        workbook_with(&[], sheets)
    }

    /// The same with `globals` after the globals' BOF.
    fn workbook_with(globals: &[Vec<u8>], sheets: &[&[Vec<u8>]]) -> Vec<u8> {
        let bound = |offset: usize| {
            let mut d = u32::try_from(offset).unwrap().to_le_bytes().to_vec();
            d.extend_from_slice(&[0, 0, 1, 0, b'S']); // visible, worksheet, 1 char, 8-bit
            record(BOUND_SHEET, &d)
        };
        let bodies: Vec<Vec<u8>> = sheets
            .iter()
            .map(|records| {
                [vec![bof(0x10)], records.to_vec(), vec![record(EOF, &[])]]
                    .concat()
                    .concat()
            })
            .collect();
        let globals = globals.concat();
        let mut at =
            bof(5).len() + globals.len() + sheets.len() * bound(0).len() + record(EOF, &[]).len();
        let mut out = bof(5);
        out.extend_from_slice(&globals);
        for body in &bodies {
            out.extend(bound(at));
            at += body.len();
        }
        out.extend(record(EOF, &[]));
        for body in bodies {
            out.extend(body);
        }
        out
    }

    /// A cell record of `typ` at `row`, `col` (its other bytes zero; `len`
    /// bytes of data in all).
    fn cell(typ: u16, row: u16, col: u16, len: usize) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend_from_slice(&col.to_le_bytes());
        d.resize(len, 0);
        record(typ, &d)
    }

    fn number(row: u16, col: u16) -> Vec<u8> {
        cell(NUMBER, row, col, 14)
    }

    /// A MulRk record: `row`, `first` column, `values` 6-byte values, `last`.
    fn mul_rk(row: u16, first: u16, values: usize, last: u16) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend_from_slice(&first.to_le_bytes());
        d.resize(4 + 6 * values, 0);
        d.extend_from_slice(&last.to_le_bytes());
        record(MUL_RK, &d)
    }

    /// Just the Spread refusal's figures: sheet, rows, columns, cells.
    fn spread(stream: &[u8]) -> Option<(usize, u64, u64, u64)> {
        match check(stream, LIMIT) {
            Err(Refusal::Spread {
                sheet,
                rows,
                columns,
                cells,
                max,
            }) => {
                assert_eq!(max, LIMIT);
                Some((sheet, rows, columns, cells))
            }
            Ok(()) => None,
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_normal_sheet_passes() {
        // 3 rows (0..=2) × 3 columns (0..=2): orders.xls's own Dimensions.
        let number = record(0x0203, &[0; 14]);
        assert_eq!(
            check(&workbook(&[dims8(0, 3, 0, 3), number]), LIMIT),
            Ok(())
        );
        assert_eq!(check(&workbook(&[dims5(0, 3, 0, 3)]), LIMIT), Ok(()));
        // An empty sheet (zero ends) and Excel's whole BIFF8 grid: 65,536 × 256.
        assert_eq!(check(&workbook(&[dims8(0, 0, 0, 0)]), LIMIT), Ok(()));
        assert_eq!(check(&workbook(&[dims8(0, 65_536, 0, 256)]), LIMIT), Ok(()));
        assert_eq!(check(&[], LIMIT), Ok(()));
    }

    #[test]
    fn a_huge_claim_is_refused() {
        // The fuzzer's file: rows 0xFF000000 to 0xFFFFFFFF (exclusive): 2^24 - 1
        // rows; first column 0xFFFF (above 0xFF, so 0) to 0xFFFF: 65,535 columns.
        assert_eq!(
            check(
                &workbook(&[dims8(0xFF00_0000, 0xFFFF_FFFF, 0xFFFF, 0xFFFF)]),
                LIMIT
            ),
            Err(Refusal::Dimensions {
                rows: 16_777_215,
                columns: 65_535,
                max: LIMIT
            })
        );
        // Just over the limit: 20,000,001 rows × 1 column; at it: passes.
        assert_eq!(
            check(&workbook(&[dims8(0, 20_000_001, 0, 1)]), LIMIT),
            Err(Refusal::Dimensions {
                rows: 20_000_001,
                columns: 1,
                max: LIMIT
            })
        );
        assert_eq!(
            check(&workbook(&[dims8(0, 20_000_000, 0, 1)]), LIMIT),
            Ok(())
        );
        // BIFF5 layout: 65,535 × 65,535.
        assert_eq!(
            check(&workbook(&[dims5(0, 0xFFFF, 0, 0xFFFF)]), LIMIT),
            Err(Refusal::Dimensions {
                rows: 65_535,
                columns: 65_535,
                max: LIMIT
            })
        );
        // A first row after the end wraps (in calamine's u32 arithmetic) to
        // 2^32 - 5 + 2 = 4,294,967,293 rows.
        assert_eq!(
            check(&workbook(&[dims8(5, 2, 0, 1)]), LIMIT),
            Err(Refusal::Dimensions {
                rows: 4_294_967_293,
                columns: 1,
                max: LIMIT
            })
        );
        // Equal first row and end: 0 rows reserved, nothing refused.
        assert_eq!(check(&workbook(&[dims8(7, 7, 0, 3)]), LIMIT), Ok(()));
    }

    #[test]
    fn claims_calamine_does_not_act_on_pass() {
        let huge = dims8(0, u32::MAX, 0, 256);
        // After the sheet's EOF.
        let mut stream = workbook(&[]);
        stream.extend(huge.clone());
        assert_eq!(check(&stream, LIMIT), Ok(()));
        // Inside an embedded chart's BOF … EOF.
        let chart = [bof(0x20), huge.clone(), record(EOF, &[])];
        assert_eq!(check(&workbook(&chart), LIMIT), Ok(()));
        // A Dimensions record of a length calamine refuses (12 bytes), and what follows it.
        let odd = record(DIMENSIONS, &[0xFF; 12]);
        assert_eq!(check(&workbook(&[odd, huge.clone()]), LIMIT), Ok(()));
        // An encrypted workbook (FilePass with a non-zero type before the sheets).
        let mut stream = record(FILE_PASS, &[1, 0, 1, 0]);
        stream.extend(workbook(&[huge]));
        assert_eq!(check(&stream, LIMIT), Ok(()));
    }

    #[test]
    fn damaged_streams_do_not_panic() {
        let full = workbook(&[dims8(0, u32::MAX, 0, 256)]);
        // Every truncation of the stream: a record cut short ends the walk. Cut
        // after the BoundSheet record but before the sheet, the sheet starts
        // past the end (calamine would slice there); the huge claim is refused
        // once its record is whole.
        let bound_end = bof(5).len() + 4 + 9; // BOF, then the BoundSheet (9 bytes of data)
        let sheet_at = bound_end + 4; // after the globals' EOF
        let dims_end = full.len() - 4; // the sheet's EOF record follows it
        for cut in 0..full.len() {
            let result = check(&full[..cut], LIMIT);
            let expected = if cut < bound_end {
                "passes"
            } else if cut < sheet_at {
                "outside"
            } else if cut < dims_end {
                "passes"
            } else {
                "too big"
            };
            let got = match result {
                Ok(()) => "passes",
                Err(Refusal::SheetOutside { .. }) => "outside",
                Err(Refusal::Dimensions { .. }) => "too big",
                Err(_) => "other",
            };
            assert_eq!(got, expected, "cut at {cut}");
        }
        // A sheet offset past the stream's end (calamine would slice there).
        let mut stream = workbook(&[]);
        let at = bof(5).len() + 4; // the BoundSheet's offset field
        stream[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(
            check(&stream, LIMIT),
            Err(Refusal::SheetOutside {
                offset: u32::MAX,
                len: stream.len()
            })
        );
        // An offset at the very end is an empty sheet.
        let len = u32::try_from(stream.len()).unwrap();
        stream[at..at + 4].copy_from_slice(&len.to_le_bytes());
        assert_eq!(check(&stream, LIMIT), Ok(()));
        // A BoundSheet too short for what calamine reads from it.
        let short = [bof(5), record(BOUND_SHEET, &[1, 0, 0]), record(EOF, &[])].concat();
        assert_eq!(
            check(&short, LIMIT),
            Err(Refusal::ShortBoundSheet { len: 3 })
        );
        // Junk, a record claiming more than the stream holds, a lone byte.
        assert_eq!(check(&[0xFF; 3], LIMIT), Ok(()));
        assert_eq!(check(&record(DIMENSIONS, &[0xFF; 14])[..10], LIMIT), Ok(()));
        assert_eq!(check(&[0x09], LIMIT), Ok(()));
    }

    #[test]
    fn far_apart_cells_are_refused() {
        // A1 and the last cell of Excel's BIFF8 grid (row 65,536, column IV):
        // 65,536 × 256 = 16,777,216 cells, under the limit: passes.
        assert_eq!(
            spread(&workbook(&[number(0, 0), number(65_535, 255)])),
            None
        );
        // A1 and row 65,536, column 401 (0-based 400; a column no genuine
        // .xls has): 65,536 × 401 = 26,279,936 cells.
        assert_eq!(
            spread(&workbook(&[number(0, 0), number(65_535, 400)])),
            Some((1, 65_536, 401, 26_279_936))
        );
        // The grid starts at the first row and column with a cell, not at A1:
        // rows 100 to 65,535 and columns 300 to 600: 65,436 × 301 = 19,696,236.
        assert_eq!(
            spread(&workbook(&[number(100, 600), number(65_535, 300)])),
            None
        );
        // Just over: columns 300 to 606, 65,436 × 307 = 20,088,852.
        assert_eq!(
            spread(&workbook(&[number(100, 606), number(65_535, 300)])),
            Some((1, 65_436, 307, 20_088_852))
        );
    }

    #[test]
    fn every_kind_of_cell_record_counts() {
        // A1 as a Number, the far cell (row 65,536, column 401: 26,279,936
        // cells) as each record calamine turns into a cell, at its shortest
        // length calamine accepts.
        for (typ, len) in [
            (NUMBER, 14),
            (LABEL, 9),
            (RSTRING, 9),
            (BOOL_ERR, 8),
            (RK, 10),
            (LABEL_SST, 10),
            (FORMULA, 20),
        ] {
            let far = cell(typ, 65_535, 400, len);
            // A formula is a cell of the formulas' grid as well (1 cell here).
            let cells = if typ == FORMULA {
                26_279_937
            } else {
                26_279_936
            };
            assert_eq!(
                spread(&workbook(&[number(0, 0), far])),
                Some((1, 65_536, 401, cells)),
                "record {typ:#06x}"
            );
        }
        // Blank (0x0201) and MulBlank (0x00BE) cells are not kept by calamine.
        for typ in [0x0201, 0x00BE] {
            let far = cell(typ, 65_535, 400, 10);
            assert_eq!(spread(&workbook(&[number(0, 0), far])), None, "{typ:#06x}");
        }
        // A record too short to name a position adds nothing (calamine
        // refuses it).
        let short = record(NUMBER, &[0xFF, 0xFF, 0xFF]);
        assert_eq!(spread(&workbook(&[number(0, 0), short])), None);
    }

    #[test]
    fn formulas_make_a_grid_of_their_own() {
        // Formulas at A1 and row 40,000, column 256 (0-based 255): their
        // values' grid and their formulas' grid, 40,000 × 256 = 10,240,000
        // cells each, 20,480,000 together.
        let far = [cell(FORMULA, 0, 0, 20), cell(FORMULA, 39_999, 255, 20)];
        assert_eq!(spread(&workbook(&far)), Some((1, 40_000, 256, 20_480_000)));
        // The same cells as numbers: 10,240,000.
        assert_eq!(
            spread(&workbook(&[number(0, 0), number(39_999, 255)])),
            None
        );
        // A formula's string result (a String record) is a cell at the last
        // Formula's position; before any Formula, at A1. A lone number at
        // row 65,536, column 401 passes (1 cell); with a String record before
        // any formula the grid runs from A1: 26,279,936 cells.
        let string = record(STRING, &[0, 0, 0]);
        assert_eq!(spread(&workbook(&[number(65_535, 400)])), None);
        assert_eq!(
            spread(&workbook(&[number(65_535, 400), string.clone()])),
            Some((1, 65_536, 401, 26_279_936))
        );
        // After a formula at the far cell, the String record is there too:
        // values and formulas, 1 cell each.
        let far_formula = cell(FORMULA, 65_535, 400, 20);
        assert_eq!(spread(&workbook(&[far_formula, string])), None);
    }

    #[test]
    fn the_sheets_grids_add_up() {
        // Sheets with cells at A1 and row 40,000, column 200 (0-based 199):
        // 40,000 × 200 = 8,000,000 cells each; two pass (16,000,000), the
        // third (the fourth sheet, after an empty one) makes 24,000,000.
        let sheet: &[Vec<u8>] = &[number(0, 0), number(39_999, 199)];
        assert_eq!(spread(&workbook_of(&[sheet, sheet])), None);
        assert_eq!(
            spread(&workbook_of(&[sheet, &[], sheet, sheet])),
            Some((4, 40_000, 200, 24_000_000))
        );
    }

    #[test]
    fn mul_rk_rows_of_numbers() {
        // A MulRk of 3 values from column 398 at row 65,536 (columns 398 to
        // 400) with A1: 65,536 × 401 = 26,279,936 cells; of 1 value (column
        // 398 only): 65,536 × 399 = 26,148,864.
        let wide = mul_rk(65_535, 398, 3, 400);
        assert_eq!(
            spread(&workbook(&[number(0, 0), wide])),
            Some((1, 65_536, 401, 26_279_936))
        );
        let one = mul_rk(65_535, 398, 1, 398);
        assert_eq!(
            spread(&workbook(&[number(0, 0), one])),
            Some((1, 65_536, 399, 26_148_864))
        );
        // A MulRk of 300 values from column 0 in row 1 and a Number in row
        // 65,536: 65,536 × 300 = 19,660,800, passes.
        let row = mul_rk(0, 0, 300, 299);
        assert_eq!(spread(&workbook(&[row, number(65_535, 0)])), None);
        // Columns that overflow calamine's u16 arithmetic: last before first,
        // all 65,536 columns.
        for (first, last) in [(5, 4), (60_000, 5_000), (0, 0xFFFF)] {
            let bad = mul_rk(0, first, 0, last);
            assert_eq!(
                check(&workbook(&[bad]), LIMIT),
                Err(Refusal::MulRkColumns { first, last })
            );
        }
        // Shorter than 6 bytes: calamine refuses it, nothing is counted.
        let short = record(MUL_RK, &[0xFF; 5]);
        assert_eq!(check(&workbook(&[short]), LIMIT), Ok(()));
    }

    #[test]
    fn merge_cells_must_hold_their_count() {
        // MergeCells: a 2-byte count, then 8 bytes an area.
        let merges = |count: u16, areas: usize| {
            let mut d = count.to_le_bytes().to_vec();
            d.resize(2 + 8 * areas, 0);
            record(MERGE_CELLS, &d)
        };
        assert_eq!(check(&workbook(&[merges(2, 2)]), LIMIT), Ok(()));
        assert_eq!(check(&workbook(&[merges(0, 0)]), LIMIT), Ok(()));
        assert_eq!(
            check(&workbook(&[merges(3, 2)]), LIMIT),
            Err(Refusal::ShortMergeCells { len: 18, count: 3 })
        );
        assert_eq!(
            check(&workbook(&[record(MERGE_CELLS, &[1])]), LIMIT),
            Err(Refusal::ShortMergeCells { len: 1, count: 0 })
        );
        // Inside an embedded chart it is not read.
        let chart = [bof(0x20), merges(3, 0), record(EOF, &[])];
        assert_eq!(check(&workbook(&chart), LIMIT), Ok(()));
    }

    #[test]
    fn cells_calamine_does_not_read_do_not_count() {
        let far = number(65_535, 400);
        // Inside an embedded chart's BOF … EOF.
        let chart = [number(0, 0), bof(0x20), far.clone(), record(EOF, &[])];
        assert_eq!(spread(&workbook(&chart)), None);
        // After the sheet's EOF.
        let mut stream = workbook(&[number(0, 0)]);
        stream.extend(far);
        assert_eq!(spread(&stream), None);
    }

    /// An SST record's data: total and unique counts, then `texts` as given
    /// (each already an XLUnicodeRichExtendedString).
    fn sst(texts: &[Vec<u8>]) -> Vec<u8> {
        let mut d = vec![0; 8];
        for t in texts {
            d.extend_from_slice(t);
        }
        d
    }

    /// A shared text: `cch`, flags, then `body` (characters, runs, extension).
    fn text(cch: u16, flags: u8, body: &[u8]) -> Vec<u8> {
        let mut d = cch.to_le_bytes().to_vec();
        d.push(flags);
        d.extend_from_slice(body);
        d
    }

    fn utf16(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn shared_text_lengths() {
        // Compressed (1 byte a character): "Budi", "Sari"; 0xE9 (é) is 2
        // bytes in UTF-8. With the high-byte flag: "é€" is 2 + 3 bytes.
        let data = sst(&[
            text(4, 0, b"Budi"),
            text(4, 0, b"Sari"),
            text(2, 0, &[b'x', 0xE9]),
            text(2, 1, &utf16("é€")),
        ]);
        assert_eq!(sst_lengths(&data, vec![], true), Ok(vec![4, 4, 3, 5]));
        // Formatting runs (4 bytes each) and an extension block are skipped:
        // 1 run, then a 3-byte extension, then the next text.
        let mut rich = text(2, 0x8 | 0x4, &[1, 0, 3, 0, 0, 0]);
        rich.extend_from_slice(b"ab");
        rich.extend_from_slice(&[0; 4 + 3]);
        let data = sst(&[rich, text(1, 0, b"c")]);
        assert_eq!(sst_lengths(&data, vec![], true), Ok(vec![2, 1]));
        // A text going on in a Continue record, after a new flags byte (here
        // switching to 2 bytes a character), then a text in the Continue.
        let data = sst(&[text(6, 0, b"abc")]);
        let cont = [vec![1], utf16("d€f"), text(2, 0, b"gh")].concat();
        assert_eq!(
            sst_lengths(&data, vec![&cont], true),
            Ok(vec![3 + 1 + 3 + 1, 2])
        );
        // Another code page than 1200: 6 bytes a character at most; so bytes
        // starting like a byte-order mark.
        let data = sst(&[text(2, 0, b"ab")]);
        assert_eq!(sst_lengths(&data, vec![], false), Ok(vec![12]));
        let data = sst(&[text(2, 1, &[0xEF, 0xBB, 0xBF, 0x00])]);
        assert_eq!(sst_lengths(&data, vec![], true), Ok(vec![12]));
    }

    #[test]
    fn shared_texts_calamine_fails_or_overruns_on() {
        // Cut short (calamine fails): the list ends there.
        let data = sst(&[text(4, 0, b"Budi"), text(9, 0, b"Sar")]);
        assert_eq!(sst_lengths(&data, vec![], true), Ok(vec![4]));
        assert_eq!(sst_lengths(&[0; 7], vec![], true), Ok(vec![]));
        // A negative extension size skips past everything: calamine fails.
        let data = sst(&[text(1, 0x4, &[0xFF, 0xFF, 0xFF, 0xFF, b'a'])]);
        assert_eq!(sst_lengths(&data, vec![], true), Ok(vec![]));
        // Flags announcing runs or an extension without room for their
        // counts, a Continue record without its flags byte: calamine indexes
        // past them (a panic).
        let short = |len| {
            Err(Refusal::ShortRecord {
                what: "a shared text",
                len,
            })
        };
        assert_eq!(
            sst_lengths(&sst(&[text(1, 0x8, &[1])]), vec![], true),
            short(1)
        );
        assert_eq!(
            sst_lengths(&sst(&[text(1, 0x4, &[1, 0])]), vec![], true),
            short(2)
        );
        assert_eq!(
            sst_lengths(&sst(&[text(4, 0, b"ab")]), vec![&[]], true),
            short(0)
        );
    }

    #[test]
    fn shared_texts_shown_by_many_cells_are_refused() {
        // One shared text of 60,000 ASCII characters in 3,334 cells:
        // 200,040,000 bytes, over 200,000,000; in 3,333 cells, 199,980,000.
        let sst_record = [record(SST, &sst(&[text(60_000, 0, &[b'x'; 60_000])]))];
        let label_sst = |row: u16| {
            let mut d = row.to_le_bytes().to_vec();
            d.extend_from_slice(&[0; 8]); // column 0, format 0, text 0
            record(LABEL_SST, &d)
        };
        let cells = |n: u16| (0..n).map(label_sst).collect::<Vec<_>>();
        assert_eq!(
            super::check(&workbook_with(&sst_record, &[&cells(3_334)]), LIMIT, BYTES),
            Err(Refusal::Texts {
                sheet: 1,
                bytes: 200_040_000,
                max: BYTES
            })
        );
        let fewer = workbook_with(&sst_record, &[&cells(3_333)]);
        assert_eq!(super::check(&fewer, LIMIT, BYTES), Ok(()));
        // Over two sheets: 1,667 + 1,667 cells.
        let half = cells(1_667);
        assert_eq!(
            super::check(&workbook_with(&sst_record, &[&half, &half]), LIMIT, BYTES),
            Err(Refusal::Texts {
                sheet: 2,
                bytes: 200_040_000,
                max: BYTES
            })
        );
        // A LabelSst naming no text of the list adds nothing.
        let none = workbook_with(&[], &[&cells(3_334)]);
        assert_eq!(super::check(&none, LIMIT, BYTES), Ok(()));
    }

    #[test]
    fn short_global_records_are_refused() {
        for (typ, len, what) in [
            (FILE_PASS, 1, "a FilePass record"),
            (CODE_PAGE, 0, "a CodePage record"),
            (DATE_MODE, 1, "a DateMode record"),
            (BOF, 1, "a BOF record"),
            (EXTERN_SHEET, 1, "an ExternSheet record"),
            (LBL, 13, "a defined name (Lbl record)"),
        ] {
            let stream = workbook_with(&[record(typ, &vec![0; len])], &[&[]]);
            assert_eq!(
                check(&stream, LIMIT),
                Err(Refusal::ShortRecord { what, len }),
                "{what}"
            );
        }
        // A defined name whose formula is longer than the record.
        let mut lbl = vec![0; 14];
        lbl[4] = 15;
        let stream = workbook_with(&[record(LBL, &lbl)], &[&[]]);
        assert_eq!(
            check(&stream, LIMIT),
            Err(Refusal::ShortRecord {
                what: "a defined name (Lbl record)",
                len: 14
            })
        );
        lbl[4] = 14;
        assert_eq!(
            check(&workbook_with(&[record(LBL, &lbl)], &[&[]]), LIMIT),
            Ok(())
        );
        // A short ExternSheet after a BIFF5 BOF: calamine does not read it.
        let mut bof5 = 0x0500u16.to_le_bytes().to_vec();
        bof5.extend_from_slice(&[5, 0]);
        let stream = workbook_with(&[record(BOF, &bof5), record(EXTERN_SHEET, &[1])], &[&[]]);
        assert_eq!(check(&stream, LIMIT), Ok(()));
    }
}
