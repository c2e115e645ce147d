//! `readWorkbook(bytes, { sheet? })`: a spreadsheet file's sheet as text
//! (`crate::input::workbook`), with the options object checked like every
//! other function's input.

use super::{Args, Value};
use crate::error::{Code, Error, Result};
use crate::input::workbook::{self, SheetRef, Workbook};

/// `options`: absent/`null`, or `{ sheet }` with a sheet name or a 0-based
/// position.
pub fn read_workbook(bytes: &[u8], options: &Value) -> Result<Workbook> {
    let sheet =
        match options {
            Value::Null => None,
            _ => {
                let args = Args::new(options, &super::fields::READ_WORKBOOK)?;
                match args.text("sheet") {
                    Ok(Some(name)) => Some(SheetRef::Name(name.to_string())),
                    Ok(None) => None,
                    Err(_) if args.number("sheet").is_ok() => {
                        let n = args.count("sheet")?.unwrap_or(0);
                        Some(SheetRef::Index(usize::try_from(n).unwrap_or(usize::MAX)))
                    }
                    Err(_) => return Err(Error::field(
                        Code::WrongType,
                        "sheet",
                        "sheet must be a sheet's name (text) or its 0-based position (a number).",
                    )),
                }
            }
        };
    if bytes.is_empty() {
        return Err(Error::new(
            Code::InvalidSpreadsheet,
            "The file is empty: there is no spreadsheet in it.",
        ));
    }
    workbook::read_workbook(bytes, sheet)
}
