//! A support-ticket log (METRICS.md §5): which column says whether a ticket
//! was resolved at first contact (a yes/no column, or a number of contacts
//! where 1 means resolved), and which column to group by (channel, agent).

use super::roles::{role_of_header, Role};
use super::table::{ColumnRef, Record, Table};
use super::yesno::parse_yes_no;
use crate::error::{Code, Error, Result, Skipped};

/// The columns a ticket log is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketColumns {
    pub resolved: Option<usize>,
    pub contacts: Option<usize>,
    pub group: Option<usize>,
}

/// English names users may give `groupBy`, and the header words they mean.
const GROUP_SYNONYMS: &[(&str, &[&str])] = &[
    ("channel", &["kanal", "channel", "saluran", "media"]),
    (
        "agent",
        &["agen", "agent", "petugas", "staf", "staff", "cs"],
    ),
];

fn header_index(table: &Table, pred: impl Fn(&str) -> bool) -> Option<usize> {
    if !table.has_header {
        return None;
    }
    table.headers.iter().position(|h| pred(h))
}

/// The column `groupBy` names: a header (any case), a 0-based index, or the
/// words "channel" / "agent" for their Indonesian headers (Kanal, Agen).
pub fn resolve_group(table: &Table, group_by: &ColumnRef) -> Result<usize> {
    let by_header = table.resolve(group_by, "groupBy");
    if by_header.is_ok() {
        return by_header;
    }
    if let ColumnRef::Name(name) = group_by {
        let want = name.trim().to_ascii_lowercase();
        if let Some((_, words)) = GROUP_SYNONYMS
            .iter()
            .find(|(w, words)| *w == want || words.contains(&want.as_str()))
        {
            if let Some(i) = header_index(table, |h| {
                let h = h.trim().to_ascii_lowercase();
                words
                    .iter()
                    .any(|w| h == *w || h.split_whitespace().any(|part| part == *w))
            }) {
                return Ok(i);
            }
        }
    }
    by_header
}

/// Finds the deciding columns: mapped ones first, then by header, then (for
/// the resolved column) the column whose values are mostly yes/no.
pub fn find_columns(
    table: &Table,
    resolved: Option<&ColumnRef>,
    contacts: Option<&ColumnRef>,
    group_by: Option<&ColumnRef>,
) -> Result<TicketColumns> {
    let resolved = match resolved {
        Some(c) => Some(table.resolve(c, "columns.resolved")?),
        None => header_index(table, |h| role_of_header(h) == Some(Role::Resolved)),
    };
    let contacts = match contacts {
        Some(c) => Some(table.resolve(c, "columns.contacts")?),
        None => header_index(table, |h| role_of_header(h) == Some(Role::Contacts)),
    };
    let resolved = resolved.or_else(|| {
        if contacts.is_some() {
            return None;
        }
        // 1/0 alone is not enough to call a column yes/no.
        let yes_no = table.tally_cells(1000, |cell| {
            parse_yes_no(cell).is_some() && !matches!(cell, "0" | "1")
        });
        (0..table.width).find(|&j| yes_no[j].1 > 0 && yes_no[j].0 * 5 >= yes_no[j].1 * 4)
    });
    if resolved.is_none() && contacts.is_none() {
        return Err(Error::field(
            Code::NoResolvedColumn,
            "text",
            "No column says whether each ticket was resolved at first contact: add a yes/no column (e.g. \"Selesai di kontak pertama\") or a number of contacts, or name it with columns.resolved or columns.contacts.",
        ));
    }
    let group = group_by.map(|g| resolve_group(table, g)).transpose()?;
    Ok(TicketColumns {
        resolved,
        contacts,
        group,
    })
}

/// The error when no row of `rows` gives a ticket's resolution: every one
/// was skipped (listed in `skipped`).
pub fn no_usable_tickets(rows: usize, skipped: Vec<Skipped>) -> Error {
    Error::field(
        Code::NoUsableRows,
        "text",
        format!(
            "None of the {rows} row(s) says whether a ticket was resolved; see the skipped rows."
        ),
    )
    .with("rows", rows)
    .with_skipped(skipped)
}

/// Whether one ticket was resolved at first contact: its yes/no cell, or
/// when that is empty, its number of contacts (1 = resolved).
pub fn resolved_at_first_contact(
    record: &Record,
    columns: &TicketColumns,
) -> std::result::Result<bool, Skipped> {
    let line = record.line;
    let yes_no = columns.resolved.map(|j| record.get(j)).unwrap_or("");
    if !yes_no.is_empty() {
        return parse_yes_no(yes_no).ok_or_else(|| {
            Skipped::new(
                line,
                Code::InvalidYesNo,
                format!("Row {line}: \"{yes_no}\" is not yes or no (ya/tidak, yes/no, 1/0)."),
            )
        });
    }
    let contacts = columns.contacts.map(|j| record.get(j)).unwrap_or("");
    read_contacts(contacts, line).map(|n| n == 1)
}

/// A ticket's number of contacts (1 or more), from its cell at `line`; an
/// empty cell or one that is not such a number skips the row.
pub fn read_contacts(contacts: &str, line: usize) -> std::result::Result<u64, Skipped> {
    if contacts.is_empty() {
        return Err(Skipped::new(
            line,
            Code::EmptyValue,
            format!("Row {line} does not say whether the ticket was resolved at first contact."),
        ));
    }
    match contacts.parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(Skipped::new(
            line,
            Code::InvalidContacts,
            format!("Row {line}: \"{contacts}\" is not a number of contacts (1 or more)."),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_by_english_word_finds_indonesian_header() {
        let t = Table::read("ID Tiket,Kanal,Agen,Selesai di kontak pertama\nT1,Email,Rina,ya\n");
        assert_eq!(resolve_group(&t, &ColumnRef::Name("channel".into())), Ok(1));
        assert_eq!(resolve_group(&t, &ColumnRef::Name("Agen".into())), Ok(2));
        assert_eq!(resolve_group(&t, &ColumnRef::Name("agent".into())), Ok(2));
        assert_eq!(
            resolve_group(&t, &ColumnRef::Name("toko".into()))
                .unwrap_err()
                .code,
            "unknownColumn"
        );
    }

    #[test]
    fn yes_no_column_found_by_values_without_header() {
        let t = Table::read("Email;ya\nWA;tidak\nWA;Yes\n");
        let c = find_columns(&t, None, None, None).unwrap();
        assert_eq!(c.resolved, Some(1));
    }

    #[test]
    fn contacts_decide_when_there_is_no_yes_no() {
        let t = Table::read("kanal;jumlah kontak\nEmail;1\nWA;3\nWA;0\nWA;\n");
        let c = find_columns(&t, None, None, None).unwrap();
        assert_eq!((c.resolved, c.contacts), (None, Some(1)));
        let decided: Vec<_> = t
            .records()
            .map(|r| resolved_at_first_contact(&r, &c).map_err(|s| (s.row, s.code.as_str())))
            .collect();
        assert_eq!(
            decided,
            [
                Ok(true),
                Ok(false),
                Err((4, "invalidContacts")),
                Err((5, "emptyValue"))
            ]
        );
    }
}
