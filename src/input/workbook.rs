//! Spreadsheet files (xlsx, xlsm, xls, xlsb, ods) as text: one sheet becomes
//! TSV that the text readers take as if it had been pasted. Line N of the text
//! is row N of the sheet as the spreadsheet numbers it (empty rows, including
//! those above the first used row, are blank lines), so a skipped-row report of
//! the text names the spreadsheet's own row numbers.
//!
//! Cells: text as it is (quoted CSV-style when it holds a tab, a line break or a
//! `"`); whole numbers without a decimal point; other numbers in their shortest
//! round-trip form with `.` as decimal mark; `TRUE`/`FALSE`; dates as
//! `YYYY-MM-DD` (with ` HH:MM:SS` when the time is not midnight); times and
//! durations as `HH:MM:SS`; error cells (`#N/A`, …) empty. Columns start at the
//! sheet's first used column; trailing empty cells of a row are left out.
//!
//! xlsx, xlsm and xlsb sheets are streamed cell by cell (calamine's cell
//! readers), so a file that names a far-away cell costs nothing; xls and ods
//! go through calamine's ranges, dense grids from a sheet's first cell to its
//! last, which calamine builds for every sheet when it opens the file: what it
//! would build is checked first ([`biff`], [`ods`]; an xlsx's shared-strings
//! count, [`xlsx`]). Each sheet is read up to its first cell with data, the
//! chosen one whole. Nothing here is meant to panic on any input: every
//! problem is an [`Error`] (`invalidSpreadsheet`, `unknownSheet`,
//! `passwordProtected`, `tooLarge`); calamine's xlsb reader is the exception
//! left (it indexes records unchecked).

use super::{biff, ods, xlsx};
use crate::error::{Code, Error, Result};
use calamine::{
    Data, DataRef, Ods, OdsError, Range, Reader, SheetType, SheetVisible, Xls, XlsError, Xlsb,
    XlsbError, Xlsx, XlsxError,
};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Cursor;

/// Which sheet to read: by name (exact, then ignoring case) or 0-based position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetRef {
    Name(String),
    Index(usize),
}

impl From<&str> for SheetRef {
    fn from(name: &str) -> Self {
        SheetRef::Name(name.to_string())
    }
}

impl From<usize> for SheetRef {
    fn from(index: usize) -> Self {
        SheetRef::Index(index)
    }
}

/// One sheet of a workbook as text, and what else the workbook holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Workbook {
    /// The names of the workbook's worksheets, in workbook order (chart sheets
    /// and macro sheets are left out).
    pub sheets: Vec<String>,
    /// The names of the worksheets that hold at least one non-empty cell.
    pub data_sheets: Vec<String>,
    /// The sheet read.
    pub sheet: String,
    /// The sheet as TSV, line N = row N.
    pub text: String,
    /// Lines of `text`: the number of the sheet's last row with data (0 for an
    /// empty sheet).
    pub rows: usize,
}

/// Files above this many cells are refused rather than read into memory
/// (Excel's own limit is 1,048,576 rows; 20 million cells is far above any
/// store export and still fits the browser's memory as text).
const MAX_CELLS: usize = 20_000_000;
/// The bytes of text a sheet's cells may hold (a text value can have
/// 100,000,000 characters).
const MAX_TEXT: usize = 100_000_000;
/// The bytes of text calamine may hold for an ods's tables or an xls's shared
/// texts: each text as often as calamine copies it (in an ods once as read,
/// once more for each time its row is repeated; in an xls once for each cell
/// showing a shared text). A sheet's text is of use up to the 100,000,000
/// characters a text value can have, and calamine may hold it twice.
const MAX_HELD_TEXT: u64 = 200_000_000;
/// Excel's sheet size; a cell beyond it (which only a damaged or hostile file
/// can have) is refused rather than written after a million blank lines.
/// (calamine caps an ods table's rows and columns at the same: `ods.rs`.)
pub(super) const MAX_ROWS: u32 = 1_048_576;
pub(super) const MAX_COLUMNS: u32 = 16_384;

/// Reads one sheet of the spreadsheet file `bytes` (xlsx, xlsm, xls, xlsb or
/// ods, told apart by their content, not a file name). Without `sheet`, the
/// first visible worksheet with data is read (else the first worksheet).
pub fn read_workbook(bytes: &[u8], sheet: Option<SheetRef>) -> Result<Workbook> {
    // calamine still reads some records of a crafted file unchecked (an
    // `.xlsb`'s shared-string numbers, for one): natively, a panic in it is
    // the file's fault and refused as any unreadable spreadsheet is (the
    // panic's own message goes to standard error, as every panic's). In
    // WebAssembly a panic traps the module; the page then loads a fresh one.
    #[cfg(not(target_arch = "wasm32"))]
    return std::panic::catch_unwind(|| read_sheet(bytes, sheet)).unwrap_or_else(|_| {
        Err(invalid(
            " (its reader stopped on a record it could not follow)",
        ))
    });
    #[cfg(target_arch = "wasm32")]
    read_sheet(bytes, sheet)
}

fn read_sheet(bytes: &[u8], sheet: Option<SheetRef>) -> Result<Workbook> {
    let mut book = Book::open(bytes)?;
    let sheets: Vec<(String, bool)> = book
        .metadata()
        .into_iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name, s.visible == SheetVisible::Visible))
        .collect();
    let names: Vec<String> = sheets.iter().map(|(n, _)| n.clone()).collect();
    if names.is_empty() {
        return Err(Error::new(
            Code::InvalidSpreadsheet,
            "The file is a spreadsheet without any worksheet.",
        ));
    }
    // Each sheet is read up to its first cell with data, to know which hold
    // data; only the one chosen is read whole (so that no more than one
    // sheet's cells are held here at a time).
    let mut has_data = Vec::with_capacity(names.len());
    for name in &names {
        has_data.push(!book.cells(name, true)?.is_empty());
    }
    let data_sheets: Vec<String> = names
        .iter()
        .zip(&has_data)
        .filter(|(_, &data)| data)
        .map(|(n, _)| n.clone())
        .collect();
    let index = match sheet {
        Some(SheetRef::Name(wanted)) => names
            .iter()
            .position(|n| *n == wanted)
            .or_else(|| {
                names
                    .iter()
                    .position(|n| n.to_lowercase() == wanted.to_lowercase())
            })
            .ok_or_else(|| unknown_sheet(&format!("\"{wanted}\""), &names))?,
        Some(SheetRef::Index(i)) if i < names.len() => i,
        Some(SheetRef::Index(i)) => {
            return Err(unknown_sheet(&format!("number {i} (0-based)"), &names));
        }
        None => (0..names.len())
            .find(|&i| sheets[i].1 && has_data[i])
            .or_else(|| (0..names.len()).find(|&i| has_data[i]))
            .unwrap_or(0),
    };
    let cells = book.cells(&names[index], false)?;
    let (text, rows) = to_text(cells);
    Ok(Workbook {
        sheets: names.clone(),
        data_sheets,
        sheet: names[index].clone(),
        text,
        rows,
    })
}

fn unknown_sheet(what: &str, names: &[String]) -> Error {
    let list = names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    Error::field(
        Code::UnknownSheet,
        "sheet",
        format!("The workbook has no sheet {what}. Its sheets are: {list}."),
    )
}

fn invalid(detail: &str) -> Error {
    Error::new(
        Code::InvalidSpreadsheet,
        format!(
            "The file could not be read as a spreadsheet (xlsx, xls or ods){detail}. \
             Open it in a spreadsheet program and save it again, or export it as CSV."
        ),
    )
}

fn password() -> Error {
    Error::new(
        Code::PasswordProtected,
        "The file is protected with a password. Open it in a spreadsheet program, \
         save a copy without the password, and open that copy.",
    )
}

fn too_large() -> Error {
    Error::new(
        Code::TooLarge,
        format!(
            "The sheet is larger than a spreadsheet can be ({MAX_CELLS} cells, \
             {MAX_ROWS} rows, {MAX_COLUMNS} columns); export the part you need as CSV."
        ),
    )
}

fn too_much_text() -> Error {
    Error::new(
        Code::TooLarge,
        format!(
            "The sheet holds more than {MAX_TEXT} bytes of text, more than can be analysed \
             here; export the part you need as CSV."
        ),
    )
}

/// One non-empty cell: 0-based row and column, and its text.
type Cell = (u32, u32, String);

enum Book<'a> {
    Xlsx(Xlsx<Cursor<&'a [u8]>>),
    Xls(Xls<Cursor<&'a [u8]>>),
    Xlsb(Xlsb<Cursor<&'a [u8]>>),
    Ods(Ods<Cursor<&'a [u8]>>),
}

const ZIP: &[u8] = b"PK\x03\x04";
const CFB: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

impl<'a> Book<'a> {
    /// Tells the format from the content: a zip (xlsx, xlsm, xlsb, ods) or an
    /// OLE compound file (xls, or an encrypted xlsx).
    fn open(bytes: &'a [u8]) -> Result<Book<'a>> {
        let cursor = || Cursor::new(bytes);
        if bytes.starts_with(ZIP) {
            // calamine reserves room for as many shared strings as an xlsx
            // says it has before reading any: a count above the limit of
            // cells is refused first.
            xlsx::check(bytes, MAX_CELLS as u64)
                .map_err(|refusal| invalid(&format!(": {refusal}")))?;
            let xlsx = match Xlsx::new(cursor()) {
                Ok(book) => return Ok(Book::Xlsx(book)),
                Err(XlsxError::Password) => return Err(password()),
                Err(e) => e,
            };
            // calamine reads every table of an ods when it opens it, into
            // dense grids and texts copied to every cell they fill: checked
            // first, against the limits of every format.
            ods::check(bytes, MAX_CELLS as u64, MAX_HELD_TEXT).map_err(
                |refusal| match refusal {
                    ods::Refusal::CutShort => invalid(&format!(
                        ": it is a damaged OpenDocument spreadsheet ({refusal})"
                    )),
                    ods::Refusal::Spread { .. } => invalid(&format!(": {refusal}")),
                },
            )?;
            match Ods::new(cursor()) {
                Ok(book) => return Ok(Book::Ods(book)),
                Err(OdsError::Password) => return Err(password()),
                Err(_) => {}
            }
            match Xlsb::new(cursor()) {
                Ok(book) => return Ok(Book::Xlsb(book)),
                Err(XlsbError::Password) => return Err(password()),
                Err(_) => {}
            }
            return Err(invalid(&match xlsx {
                XlsxError::Zip(_) => ": it is a damaged or incomplete zip file".to_string(),
                _ => ": it is a zip file, but not a workbook".to_string(),
            }));
        }
        if bytes.starts_with(CFB) {
            let stream = match cfb_check(bytes) {
                Compound::Unsound => return Err(invalid(": it is a damaged Excel 97–2003 file")),
                Compound::Sound(stream) => stream,
            };
            // calamine reserves room for the cells a sheet's Dimensions record
            // claims before reading any, and holds every sheet as a dense grid
            // from its first cell to its last: a claim, or grids, of more than
            // a sheet can hold are refused first (the limit of every format: no
            // genuine .xls, at most 65,536 × 256 cells a sheet, comes near it).
            if let Some(stream) = stream {
                biff::check(&stream, MAX_CELLS as u64, MAX_HELD_TEXT).map_err(|refusal| {
                    match refusal {
                        biff::Refusal::Spread { .. } | biff::Refusal::Texts { .. } => {
                            invalid(&format!(": {refusal}"))
                        }
                        _ => invalid(&format!(": it is a damaged Excel 97–2003 file ({refusal})")),
                    }
                })?;
            }
            match Xls::new(cursor()) {
                Ok(book) => return Ok(Book::Xls(book)),
                Err(XlsError::Password) => return Err(password()),
                Err(_) => {}
            }
            // An encrypted xlsx is a compound file holding an "EncryptedPackage".
            if let Err(XlsxError::Password) = Xlsx::new(cursor()) {
                return Err(password());
            }
            return Err(invalid(
                ": it is a damaged or unsupported Excel 97–2003 file",
            ));
        }
        let head = &bytes[..bytes.len().min(4096)];
        if !head.is_empty() && std::str::from_utf8(head).is_ok_and(|s| !s.contains('\0')) {
            return Err(invalid(
                ": it is a text file (a CSV or TSV?) with a spreadsheet's name; open it as text",
            ));
        }
        Err(invalid(""))
    }

    fn metadata(&self) -> Vec<calamine::Sheet> {
        match self {
            Book::Xlsx(b) => b.sheets_metadata().to_vec(),
            Book::Xls(b) => b.sheets_metadata().to_vec(),
            Book::Xlsb(b) => b.sheets_metadata().to_vec(),
            Book::Ods(b) => b.sheets_metadata().to_vec(),
        }
    }

    /// The non-empty cells of a sheet, in no particular order; with
    /// `first_only`, the first one read (none for a sheet without data).
    fn cells(&mut self, name: &str, first_only: bool) -> Result<Vec<Cell>> {
        let damaged = |e: &dyn std::fmt::Display| invalid(&format!(" (sheet \"{name}\": {e})"));
        let out = Gathered::new(first_only);
        match self {
            Book::Xlsx(book) => match book.worksheet_cells_reader(name) {
                Ok(mut reader) => streamed(|| reader.next_cell(), damaged, out),
                Err(XlsxError::NotAWorksheet(_)) => Ok(Vec::new()),
                Err(e) => Err(damaged(&e)),
            },
            Book::Xls(book) => book
                .worksheet_range(name)
                .map_err(|e| damaged(&e))
                .and_then(|range| range_cells(range, out)),
            // Streamed as well: calamine's range of an xlsb sheet is a dense
            // grid from its first cell to its last (two cells far apart asked
            // for 1,048,576 × 16,384 cells).
            Book::Xlsb(book) => match book.worksheet_cells_reader(name) {
                Ok(mut reader) => streamed(|| reader.next_cell(), damaged, out),
                Err(e) => Err(damaged(&e)),
            },
            Book::Ods(book) => book
                .worksheet_range(name)
                .map_err(|e| damaged(&e))
                .and_then(|range| range_cells(range, out)),
        }
    }
}

/// What [`cfb_check`] found in a compound file.
enum Compound {
    /// A chain that loops, or leaves its table or the file: refused.
    Unsound,
    /// Nothing calamine's compound-file reader would trip on; with the
    /// workbook stream exactly as calamine will read it ("Workbook", else
    /// "Book"), when it has one that can be read.
    Sound(Option<Vec<u8>>),
}

/// calamine's compound-file reader (xls; an encrypted xlsx) follows sector
/// chains as the file gives them: a chain that loops grows without end (the
/// fuzzer's 5 KB file asked for 4 GB), a sector number past the allocation
/// table indexes out of bounds, and a sector cut short by the end of the file
/// fails an assertion or a slice. This walks the same structures first, as
/// calamine reads them (header, DIFAT, FAT, directory, mini FAT, mini stream),
/// and refuses a file whose chains loop, leave their table or the file. A file
/// this passes reaches calamine, which still refuses what else is wrong with it.
fn cfb_check(bytes: &[u8]) -> Compound {
    const RESERVED: u32 = 0xFFFF_FFFA;
    const DIFSECT: u32 = 0xFFFF_FFFC;
    const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
    let u32_at = |b: &[u8], o: usize| -> Option<u32> {
        b.get(o..o + 4)
            .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
    };
    let Some(header) = bytes.get(..512) else {
        return Compound::Sound(None); // too short: calamine says so
    };
    let size: usize = match u16::from_le_bytes([header[30], header[31]]) {
        9 => 512,
        12 => 4096,
        _ => return Compound::Sound(None), // calamine refuses it
    };
    // Sector n is the (n + 1)-th block of `size` bytes (the header takes the first);
    // only whole sectors inside the file are accepted.
    let whole = (bytes.len() / size).saturating_sub(1);
    let sector = |id: u32| -> Option<&[u8]> {
        let id = id as usize;
        (id < whole).then(|| &bytes[(id + 1) * size..(id + 2) * size])
    };
    let words = |b: &[u8]| -> Vec<u32> { b.chunks_exact(4).filter_map(|x| u32_at(x, 0)).collect() };

    // DIFAT: the header's 109 entries, then a chain of sectors.
    let mut difat = words(&header[76..512]);
    let mut id = u32_at(header, 68).unwrap_or(ENDOFCHAIN);
    let mut steps = 0usize;
    while id < RESERVED {
        steps += 1;
        let Some(part) = sector(id).filter(|_| steps <= whole) else {
            return Compound::Unsound;
        };
        difat.extend(words(part));
        match difat.pop() {
            Some(next) => id = next,
            None => return Compound::Unsound,
        }
    }
    // Each FAT sector is a sector of the file: more of them than sectors repeats sectors.
    let fat_sectors: Vec<u32> = difat.into_iter().filter(|&id| id < DIFSECT).collect();
    if fat_sectors.len() > whole {
        return Compound::Unsound;
    }
    let mut fat = Vec::new();
    for &id in &fat_sectors {
        match sector(id) {
            Some(part) => fat.extend(words(part)),
            None => return Compound::Unsound,
        }
    }
    if !table_is_sound(&fat, whole) {
        return Compound::Unsound;
    }
    let starts_ok = |start: u32, table: &[u32], limit: usize| {
        start >= RESERVED || (start as usize) < table.len().min(limit)
    };
    // A chain through a sound table ends; its bytes, up to `len`.
    let chain = |start: u32, len: usize| -> Vec<u8> {
        let mut out = Vec::new();
        let mut id = start;
        while id < RESERVED && out.len() < len {
            let part = sector(id).unwrap_or(&[]);
            out.extend_from_slice(&part[..part.len().min(len - out.len())]);
            id = fat.get(id as usize).copied().unwrap_or(ENDOFCHAIN);
        }
        out
    };
    let dir_start = u32_at(header, 48).unwrap_or(ENDOFCHAIN);
    let mini_start = u32_at(header, 60).unwrap_or(ENDOFCHAIN);
    let mini_len = u32_at(header, 64).unwrap_or(0) as usize;
    if !starts_ok(dir_start, &fat, whole) || !starts_ok(mini_start, &fat, whole) {
        return Compound::Unsound;
    }
    let dirs = chain(dir_start, usize::MAX);
    // Each entry: its name (UTF-16 up to the first NUL, as calamine takes it), start, length.
    let entries: Vec<(Vec<u16>, u32, u64)> = dirs
        .chunks_exact(128)
        .map(|entry| {
            let name = entry[..64]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .take_while(|&unit| unit != 0)
                .collect();
            let start = u32_at(entry, 116).unwrap_or(ENDOFCHAIN);
            let low = u64::from(u32_at(entry, 120).unwrap_or(0));
            let high = u64::from(u32_at(entry, 124).unwrap_or(0));
            (
                name,
                start,
                if size == 512 { low } else { low | high << 32 },
            )
        })
        .collect();
    // calamine converts lengths with an unwrap: they must fit a usize (32 bits in wasm).
    if entries.iter().any(|&(_, _, len)| len > u64::from(u32::MAX)) {
        return Compound::Unsound;
    }
    let (mini_fat, mini_stream) = match entries.first() {
        Some(&(_, root_start, root_len)) if mini_len > 0 => {
            if !starts_ok(root_start, &fat, whole) {
                return Compound::Unsound;
            }
            (
                words(&chain(mini_start, mini_len.saturating_mul(size))),
                chain(root_start, root_len as usize),
            )
        }
        _ => (Vec::new(), Vec::new()),
    };
    let mini_sectors = mini_stream.len() / 64;
    if !table_is_sound(&mini_fat, mini_sectors) {
        return Compound::Unsound;
    }
    // Streams: long ones through the FAT, short ones (< 4096 bytes) through the mini FAT;
    // an entry of length 0 (unused, a storage) is never followed.
    let sound = entries.iter().skip(1).all(|&(_, start, len)| {
        len == 0
            || if len >= 4096 {
                starts_ok(start, &fat, whole)
            } else {
                starts_ok(start, &mini_fat, mini_sectors)
            }
    });
    if !sound {
        return Compound::Unsound;
    }
    // The workbook stream as calamine's `get_stream` reads it: the first entry
    // of that name (ASCII letters in any case), through the mini stream when
    // shorter than 4096 bytes; "Book" when "Workbook" is missing or fails.
    let stream = |wanted: &str| -> Option<Vec<u8>> {
        let (_, start, len) = entries.iter().find(|(name, _, _)| {
            name.len() == wanted.len()
                && name
                    .iter()
                    .zip(wanted.bytes())
                    .all(|(&unit, b)| u8::try_from(unit).is_ok_and(|u| u.eq_ignore_ascii_case(&b)))
        })?;
        let len = usize::try_from(*len).ok()?;
        if len < 4096 {
            let mini = |id: u32| {
                let at = (id as usize).checked_mul(64)?;
                mini_stream.get(at..at.checked_add(64)?)
            };
            calamine_chain(*start, len, &mini_fat, mini)
        } else {
            calamine_chain(*start, len, &fat, sector)
        }
    };
    Compound::Sound(stream("Workbook").or_else(|| stream("Book")))
}

/// A stream's bytes as calamine's `get_chain` reads them: sectors from `start`
/// until ENDOFCHAIN or `len` bytes, `None` where calamine fails (any other
/// special value, a sector it cannot read). Ends on any table (a step bound).
fn calamine_chain<'s>(
    start: u32,
    len: usize,
    table: &[u32],
    sector: impl Fn(u32) -> Option<&'s [u8]>,
) -> Option<Vec<u8>> {
    const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
    let mut out = Vec::new();
    let mut id = start;
    let mut steps = 0usize;
    while id != ENDOFCHAIN {
        steps += 1;
        if steps > table.len() + 1 {
            return None;
        }
        let part = sector(id)?;
        out.extend_from_slice(&part[..part.len().min(len - out.len())]);
        if out.len() >= len {
            break;
        }
        id = *table.get(id as usize)?;
    }
    Some(out)
}

/// A sector allocation table whose every chain ends inside the file: each
/// entry is a special value or the number of another entry below `limit` (the
/// sectors the file holds), and following them never loops.
fn table_is_sound(table: &[u32], limit: usize) -> bool {
    const RESERVED: u32 = 0xFFFF_FFFA;
    let bound = table.len().min(limit);
    if table
        .iter()
        .any(|&next| next < RESERVED && next as usize >= bound)
    {
        return false;
    }
    // 0 = not seen, 1 = on the path being followed, 2 = known to end.
    let mut state = vec![0u8; table.len()];
    let mut path = Vec::new();
    for first in 0..table.len() {
        let mut id = first;
        while state[id] == 0 {
            state[id] = 1;
            path.push(id);
            let next = table[id];
            if next >= RESERVED {
                break;
            }
            id = next as usize;
            if state[id] == 1 {
                return false; // back to this path: a loop
            }
        }
        for &seen in &path {
            state[seen] = 2;
        }
        path.clear();
    }
    true
}

/// A sheet's non-empty cells as they are read: in Excel's grid, at most
/// `MAX_CELLS` of them holding at most `MAX_TEXT` bytes of text (one shared
/// text can fill a million cells of a small file); with `first_only`, just
/// the first.
struct Gathered {
    cells: Vec<Cell>,
    bytes: usize,
    first_only: bool,
}

impl Gathered {
    fn new(first_only: bool) -> Self {
        Gathered {
            cells: Vec::new(),
            bytes: 0,
            first_only,
        }
    }

    /// Takes a cell; `false` when no more are wanted.
    fn push(&mut self, row: u32, col: u32, text: String) -> Result<bool> {
        if self.cells.len() >= MAX_CELLS || row >= MAX_ROWS || col >= MAX_COLUMNS {
            return Err(too_large());
        }
        self.bytes = self.bytes.saturating_add(text.len());
        if self.bytes > MAX_TEXT {
            return Err(too_much_text());
        }
        self.cells.push((row, col, text));
        Ok(!self.first_only)
    }
}

/// The non-empty cells of a sheet from calamine's cell reader (`next` its
/// `next_cell`), as they come.
fn streamed<'a, E: std::fmt::Display>(
    mut next: impl FnMut() -> std::result::Result<Option<calamine::Cell<DataRef<'a>>>, E>,
    damaged: impl Fn(&dyn std::fmt::Display) -> Error,
    mut out: Gathered,
) -> Result<Vec<Cell>> {
    while let Some(cell) = next().map_err(|e| damaged(&e))? {
        let (row, col) = cell.get_position();
        if let Some(text) = data_text(Data::from(cell.get_value().clone())) {
            if !out.push(row, col, text)? {
                break;
            }
        }
    }
    Ok(out.cells)
}

fn range_cells(range: Range<Data>, mut out: Gathered) -> Result<Vec<Cell>> {
    let Some((row0, col0)) = range.start() else {
        return Ok(Vec::new());
    };
    for (r, c, value) in range.used_cells() {
        if let Some(text) = data_text(value.clone()) {
            let row = row0.saturating_add(u32::try_from(r).unwrap_or(u32::MAX));
            let col = col0.saturating_add(u32::try_from(c).unwrap_or(u32::MAX));
            if !out.push(row, col, text)? {
                break;
            }
        }
    }
    Ok(out.cells)
}

/// The TSV of the cells and its number of lines.
fn to_text(mut cells: Vec<Cell>) -> (String, usize) {
    if cells.is_empty() {
        return (String::new(), 0);
    }
    cells.sort_by_key(|&(r, c, _)| (r, c));
    let first_col = cells.iter().map(|&(_, c, _)| c).min().unwrap_or(0);
    let mut text = String::new();
    let mut row_now: Option<u32> = None; // the 0-based row of the line being written
    let mut next_row = 0u32; // the row the next line would be
    let mut last_col: Option<u32> = None; // the column of the line's last cell
    for (row, col, value) in cells {
        if row_now != Some(row) {
            if row_now.is_some() {
                text.push('\n');
            }
            for _ in next_row..row {
                text.push('\n');
            }
            row_now = Some(row);
            next_row = row + 1;
            last_col = None;
        }
        let tabs = match last_col {
            None => col - first_col,
            Some(prev) if col > prev => col - prev,
            Some(_) => continue, // the same cell twice (a damaged file): the first one wins
        };
        for _ in 0..tabs {
            text.push('\t');
        }
        push_cell(&mut text, &value);
        last_col = Some(col);
    }
    text.push('\n');
    (text, next_row as usize)
}

/// Writes a text cell, quoted CSV-style when the text readers would otherwise
/// split or unquote it.
fn push_cell(out: &mut String, value: &str) {
    if value.contains(['\t', '\n', '\r', '"']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// A cell's text: what the sheet shows for it, or `None` when it is empty
/// or an error. (Cells streamed from an xlsx sheet come as `DataRef`s:
/// `Data::from` takes them, with the copy of their text they needed anyway.)
fn data_text(value: Data) -> Option<String> {
    match value {
        Data::Empty | Data::Error(_) => None,
        Data::String(s) => non_empty(s),
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) => float_text(f),
        Data::Bool(b) => Some(bool_text(b)),
        Data::DateTime(d) => date_time_text(&d),
        Data::DateTimeIso(s) => non_empty(iso_date_time(&s)),
        Data::DurationIso(s) => non_empty(iso_duration(&s)),
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn bool_text(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.to_string()
}

/// Shortest round-trip form (Rust's `Display` for f64 never uses an exponent):
/// `1250000`, `12.5`, `0.1`.
fn float_text(f: f64) -> Option<String> {
    if !f.is_finite() {
        return None;
    }
    if f == 0.0 {
        return Some("0".into()); // also -0
    }
    Some(f.to_string())
}

/// A date cell: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, or `HH:MM:SS` for a time
/// of day (a serial below 1) and a duration.
fn date_time_text(d: &calamine::ExcelDateTime) -> Option<String> {
    let serial = d.as_f64();
    if !serial.is_finite() {
        return None;
    }
    if d.is_duration() || (0.0..1.0).contains(&serial) {
        return Some(duration_text(serial * 86_400.0));
    }
    let (y, mo, day, h, mi, s, _ms) = d.to_ymd_hms_milli();
    let mut out = format!("{y:04}-{mo:02}-{day:02}");
    if (h, mi, s) != (0, 0, 0) {
        let _ = write!(out, " {h:02}:{mi:02}:{s:02}");
    }
    Some(out)
}

/// `HH:MM:SS` from seconds (rounded to the second; hours may exceed 24).
fn duration_text(seconds: f64) -> String {
    let sign = if seconds < 0.0 { "-" } else { "" };
    let total = seconds.abs().round().min(9.0e15) as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    format!("{sign}{h:02}:{m:02}:{s:02}")
}

/// ODS dates: `2025-01-31`, `2025-01-31T10:00:00(.123)` → `2025-01-31 10:00:00`,
/// midnight → the date alone. Anything else as it is.
fn iso_date_time(s: &str) -> String {
    let Some((date, time)) = s.split_once('T') else {
        return s.to_string();
    };
    let time = time.split(['.', 'Z', '+']).next().unwrap_or("");
    if time.is_empty() || time == "00:00:00" || time == "00:00" {
        date.to_string()
    } else {
        format!("{date} {time}")
    }
}

/// ODS times and durations: `PT10H30M00S`, `P1DT2H` → `HH:MM:SS` (as it is
/// when it is not such a value).
fn iso_duration(s: &str) -> String {
    let parse = || -> Option<f64> {
        let (negative, rest) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let rest = rest.strip_prefix('P')?;
        let mut seconds = 0.0;
        let mut number = String::new();
        let mut in_time = false;
        for ch in rest.chars() {
            match ch {
                'T' if number.is_empty() => in_time = true,
                '0'..='9' | '.' | ',' => number.push(if ch == ',' { '.' } else { ch }),
                unit => {
                    let n: f64 = number.parse().ok()?;
                    number.clear();
                    seconds += n * match (unit, in_time) {
                        ('W', false) => 604_800.0,
                        ('D', false) => 86_400.0,
                        ('H', true) => 3_600.0,
                        ('M', true) => 60.0,
                        ('S', true) => 1.0,
                        _ => return None,
                    };
                }
            }
        }
        number
            .is_empty()
            .then_some(if negative { -seconds } else { seconds })
    };
    match parse() {
        Some(seconds) if seconds.is_finite() => duration_text(seconds),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bytes` refused as `invalidSpreadsheet`, with `says` in the message.
    fn assert_refused(bytes: &[u8], says: &str) {
        let e = read_workbook(bytes, None).unwrap_err();
        assert_eq!(e.code, "invalidSpreadsheet");
        assert!(e.message.contains(says), "{}", e.message);
    }

    fn cells(list: &[(u32, u32, &str)]) -> Vec<Cell> {
        list.iter()
            .map(|&(r, c, s)| (r, c, s.to_string()))
            .collect()
    }

    /// A BIFF8 record: type, length, data.
    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend_from_slice(&u16::try_from(data.len()).unwrap().to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    /// A workbook stream of one sheet "S" whose Dimensions record says rows
    /// 0 to `end_row` (exclusive) and columns 0 to 1, holding the number 42 in
    /// A1; zero bytes after the sheet's EOF up to `len` bytes.
    fn biff_stream(end_row: u32, len: usize) -> Vec<u8> {
        let bof = |kind: u16| {
            let mut d = 0x0600u16.to_le_bytes().to_vec();
            d.extend_from_slice(&kind.to_le_bytes());
            d.extend_from_slice(&[0; 12]);
            record(0x0809, &d)
        };
        let mut out = bof(0x0005);
        let sheet_at = u32::try_from(out.len() + 13 + 4).unwrap();
        let mut bound = sheet_at.to_le_bytes().to_vec();
        bound.extend_from_slice(&[0, 0, 1, 0, b'S']);
        out.extend(record(0x0085, &bound));
        out.extend(record(0x000A, &[]));
        assert_eq!(out.len(), sheet_at as usize);
        out.extend(bof(0x0010));
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend_from_slice(&end_row.to_le_bytes());
        dims.extend_from_slice(&[0, 0, 1, 0, 0, 0]);
        out.extend(record(0x0200, &dims));
        let mut number = vec![0; 6];
        number.extend_from_slice(&42.0f64.to_le_bytes());
        out.extend(record(0x0203, &number));
        out.extend(record(0x000A, &[]));
        out.resize(len.max(out.len()), 0);
        out
    }

    /// A compound file (MS-CFB version 3, 512-byte sectors) holding `stream`
    /// as a stream named `name`: sector 0 the FAT, 1 the directory, 2 the mini
    /// FAT, then the data (then the rest of the FAT, when it takes more than one
    /// sector). A stream under 4096 bytes lives in the root's mini
    /// stream (64-byte mini sectors chained by the mini FAT), a longer one in
    /// sectors of its own (chained by the FAT).
    fn compound_file(name: &str, stream: &[u8]) -> Vec<u8> {
        const FREE: u32 = 0xFFFF_FFFF;
        const END: u32 = 0xFFFF_FFFE;
        const FATSECT: u32 = 0xFFFF_FFFD;
        let words = |w: &[u32]| -> Vec<u8> { w.iter().flat_map(|x| x.to_le_bytes()).collect() };
        let sector = |mut b: Vec<u8>| {
            b.resize(512, 0);
            b
        };
        let mini = stream.len() < 4096;
        let data_len = if mini {
            stream.len().div_ceil(64) * 64
        } else {
            stream.len()
        };
        let data_sectors = data_len.div_ceil(512);
        // FAT: itself, directory, mini FAT, then one chain through the data
        // sectors; more FAT sectors after the data when one is not enough.
        let mut fat_sectors = 1;
        while 128 * fat_sectors < 3 + data_sectors + (fat_sectors - 1) {
            fat_sectors += 1;
        }
        let mut fat = vec![FATSECT, END, END];
        for i in 0..data_sectors {
            let id = 3 + i as u32;
            fat.push(if i + 1 == data_sectors { END } else { id + 1 });
        }
        fat.resize(3 + data_sectors + fat_sectors - 1, FATSECT);
        fat.resize(128 * fat_sectors, FREE);
        let mini_sectors = if mini { data_len / 64 } else { 0 };
        let mut mini_fat: Vec<u32> = (1..=mini_sectors as u32)
            .map(|next| {
                if next as usize == mini_sectors {
                    END
                } else {
                    next
                }
            })
            .collect();
        mini_fat.resize(128, FREE);
        let entry = |name: &str, kind: u8, start: u32, len: usize| {
            let mut e: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
            e.resize(64, 0);
            e.extend_from_slice(&u16::try_from(2 * name.len() + 2).unwrap().to_le_bytes());
            e.push(kind);
            e.push(1); // black
            e.extend_from_slice(&words(&[FREE, FREE, if kind == 5 { 1 } else { FREE }]));
            e.resize(116, 0);
            e.extend_from_slice(&words(&[start, u32::try_from(len).unwrap(), 0]));
            e
        };
        let mut dir = if mini {
            [
                entry("Root Entry", 5, 3, data_len),
                entry(name, 2, 0, stream.len()),
            ]
            .concat()
        } else {
            [
                entry("Root Entry", 5, END, 0),
                entry(name, 2, 3, stream.len()),
            ]
            .concat()
        };
        dir.resize(512, 0);
        let mut header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        header.resize(24, 0);
        header.extend_from_slice(&[0x3E, 0, 3, 0, 0xFE, 0xFF, 9, 0, 6, 0]);
        header.resize(44, 0);
        let mini_fat_start = if mini { 2 } else { END };
        let mini_fat_count = u32::from(mini);
        header.extend_from_slice(&words(&[
            u32::try_from(fat_sectors).unwrap(),
            1,
            0,
            4096,
            mini_fat_start,
            mini_fat_count,
            END,
            0,
        ]));
        let mut difat = vec![0u32];
        difat.extend((1..fat_sectors).map(|k| (3 + data_sectors + k - 1) as u32));
        difat.resize(109, FREE);
        header.extend_from_slice(&words(&difat));
        let mut data = stream.to_vec();
        data.resize(data_sectors * 512, 0);
        let mut fat_parts = fat.chunks(128).map(words);
        let first_fat = fat_parts.next().unwrap_or_default();
        [
            header,
            first_fat,
            dir,
            sector(words(&mini_fat)),
            data,
            fat_parts.flatten().collect(),
        ]
        .concat()
    }

    #[test]
    fn the_workbook_stream_is_read_as_calamine_reads_it() {
        for len in [0, 4096, 5000] {
            let stream = biff_stream(1, len);
            for name in ["Workbook", "BOOK"] {
                let file = compound_file(name, &stream);
                let Compound::Sound(Some(read)) = cfb_check(&file) else {
                    panic!("{name}, {len} bytes: no stream");
                };
                assert_eq!(read, stream, "{name}, {len} bytes");
                // calamine reads the same file: one sheet, 42 in A1.
                let book = read_workbook(&file, None).unwrap();
                assert_eq!((book.sheet.as_str(), book.text.as_str()), ("S", "42\n"));
            }
            // Another stream's name: nothing to check, and calamine finds no workbook.
            let file = compound_file("Books", &stream);
            assert!(matches!(cfb_check(&file), Compound::Sound(None)));
            assert_eq!(
                read_workbook(&file, None).unwrap_err().code,
                "invalidSpreadsheet"
            );
        }
    }

    #[test]
    fn a_huge_dimensions_claim_is_refused_in_either_kind_of_stream() {
        // 2^32 - 1 rows × 1 column; in the mini stream (under 4096 bytes) and in sectors.
        for len in [0, 5000] {
            let file = compound_file("Workbook", &biff_stream(u32::MAX, len));
            assert_refused(&file, "4294967295 rows × 1 columns");
        }
        // A claim of Excel's whole grid height passes: 65,536 rows × 1 column.
        let file = compound_file("Workbook", &biff_stream(65_536, 0));
        assert_eq!(read_workbook(&file, None).unwrap().text, "42\n");
    }

    /// A workbook stream of one sheet "S" whose `cells` LabelSst cells (in
    /// column A) all show the one shared text, of 60,000 ASCII characters.
    fn shared_text_stream(cells: u16) -> Vec<u8> {
        let bof = |kind: u16| {
            let mut d = 0x0600u16.to_le_bytes().to_vec();
            d.extend_from_slice(&kind.to_le_bytes());
            d.extend_from_slice(&[0; 12]);
            record(0x0809, &d)
        };
        let mut sst = vec![1, 0, 0, 0, 1, 0, 0, 0]; // 1 text shown, 1 unique
        sst.extend_from_slice(&60_000u16.to_le_bytes());
        sst.push(0); // 1 byte a character
        sst.extend_from_slice(&[b'x'; 60_000]);
        let mut out = bof(0x0005);
        out.extend(record(0x00FC, &sst));
        let sheet_at = u32::try_from(out.len() + 13 + 4).unwrap();
        let mut bound = sheet_at.to_le_bytes().to_vec();
        bound.extend_from_slice(&[0, 0, 1, 0, b'S']);
        out.extend(record(0x0085, &bound));
        out.extend(record(0x000A, &[]));
        out.extend(bof(0x0010));
        for row in 0..cells {
            let mut d = row.to_le_bytes().to_vec();
            d.extend_from_slice(&[0; 8]); // column A, format 0, text 0
            out.extend(record(0x00FD, &d));
        }
        out.extend(record(0x000A, &[]));
        out
    }

    #[test]
    fn a_shared_text_shown_by_many_cells_is_refused() {
        // calamine copies the text into each cell before anything else: 3,334
        // copies of 60,000 bytes are 200,040,000 bytes (a file of 107 KB).
        let file = compound_file("Workbook", &shared_text_stream(3_334));
        assert_refused(
            &file,
            "with sheet 1 the cells would take room for 200040000 bytes of shared text",
        );
        // 3 cells are read: the text on lines 1 to 3.
        let file = compound_file("Workbook", &shared_text_stream(3));
        let w = read_workbook(&file, None).unwrap();
        assert_eq!(w.text, format!("{0}\n{0}\n{0}\n", "x".repeat(60_000)));
    }

    #[test]
    fn text_lines_are_sheet_rows() {
        let (text, rows) = to_text(cells(&[(2, 1, "a"), (2, 3, "c"), (4, 2, "x"), (0, 1, "t")]));
        assert_eq!(text, "t\n\na\t\tc\n\n\tx\n");
        assert_eq!(rows, 5);
        assert_eq!(to_text(Vec::new()), (String::new(), 0));
        let (text, rows) = to_text(cells(&[(3, 0, "only")]));
        assert_eq!(text, "\n\n\nonly\n");
        assert_eq!(rows, 4);
    }

    #[test]
    fn values() {
        assert_eq!(float_text(1_250_000.0).as_deref(), Some("1250000"));
        assert_eq!(float_text(12.5).as_deref(), Some("12.5"));
        assert_eq!(
            float_text(0.1 + 0.2).as_deref(),
            Some("0.30000000000000004")
        );
        assert_eq!(float_text(-0.0).as_deref(), Some("0"));
        assert_eq!(float_text(f64::NAN), None);
        assert_eq!(duration_text(37.5 * 3600.0), "37:30:00");
        assert_eq!(iso_date_time("2025-01-31T00:00:00"), "2025-01-31");
        assert_eq!(
            iso_date_time("2025-01-31T10:05:00.5"),
            "2025-01-31 10:05:00"
        );
        assert_eq!(iso_duration("PT10H30M05S"), "10:30:05");
        assert_eq!(iso_duration("P1DT2H"), "26:00:00");
        assert_eq!(iso_duration("nonsense"), "nonsense");
        let mut out = String::new();
        push_cell(&mut out, "a\tb \"c\"");
        assert_eq!(out, "\"a\tb \"\"c\"\"\"");
    }
}
