//! The BIFF records of an `.xls` workbook stream, walked before calamine parses
//! them, for what calamine acts on without a check: the Dimensions record of a
//! sheet (calamine reserves room for every cell it claims before reading any,
//! so a claim of billions of cells aborts the process or traps the wasm
//! module) and the sheet offsets of the BoundSheet records (calamine slices the
//! stream there unchecked).
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
        }
    }
}

/// Checks the workbook stream `stream` (the compound file's "Workbook" or
/// "Book" stream) before calamine reads it: no sheet's Dimensions record may
/// claim more than `max_cells` cells, and every sheet must start inside the
/// stream. A stream that is damaged in any other way passes (calamine then
/// says what is wrong with it), and so does an encrypted one (calamine says it
/// is protected before reading any sheet).
pub fn check(stream: &[u8], max_cells: u64) -> Result<(), Refusal> {
    let mut sheets = Vec::new();
    for (typ, data) in records(stream) {
        match typ {
            // calamine stops with its password error here, before any sheet.
            FILE_PASS if u16_at(data, 0).is_some_and(|v| v != 0) => return Ok(()),
            BOUND_SHEET => match u32_at(data, 0) {
                Some(offset) if data.len() >= 6 => sheets.push(offset),
                _ => return Err(Refusal::ShortBoundSheet { len: data.len() }),
            },
            EOF => break,
            _ => {}
        }
    }
    for offset in sheets {
        let sheet = usize::try_from(offset)
            .ok()
            .and_then(|at| stream.get(at..))
            .ok_or(Refusal::SheetOutside {
                offset,
                len: stream.len(),
            })?;
        check_sheet(sheet, max_cells)?;
    }
    Ok(())
}

/// One sheet's substream, from its BOF to its EOF.
fn check_sheet(sheet: &[u8], max_cells: u64) -> Result<(), Refusal> {
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
            EOF => break,
            _ => {}
        }
    }
    Ok(())
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
/// records.)
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16_at(rest, 0)?;
        let len = usize::from(u16_at(rest, 2)?);
        let data = rest.get(4..4 + len)?;
        rest = rest.get(4 + len..)?;
        Some((typ, data))
    })
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
        let bound = |offset: u32| {
            let mut d = offset.to_le_bytes().to_vec();
            d.extend_from_slice(&[0, 0, 1, 0, b'S']); // visible, worksheet, 1 char, 8-bit
            record(BOUND_SHEET, &d)
        };
        let globals_len = bof(5).len() + bound(0).len() + record(EOF, &[]).len();
        let mut out = bof(5);
        out.extend(bound(u32::try_from(globals_len).unwrap()));
        out.extend(record(EOF, &[]));
        out.extend(bof(0x10));
        for r in sheet_records {
            out.extend_from_slice(r);
        }
        out.extend(record(EOF, &[]));
        out
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
}
