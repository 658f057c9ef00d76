//! A file's header: column names matched case- and space-insensitively, required and optional
//! columns, and reading cells under them with errors at the right line and column.

use super::{Cells, Col, Expect, FileProblem, InputError};
use crate::i18n::Text;
use std::borrow::Cow;

/// A CSV file's header: column names, how to match them, and how to read cells under them.
///
/// [`Table`] (whole file in memory) and [`Rows`] (one row at a time, for large exports) share it,
/// so both read cells and report errors the same way.
#[derive(Clone, Debug)]
pub struct Header {
    pub(super) file: String,
    pub(super) headers: Vec<String>,
    pub(super) keys: Vec<String>,
    /// For each column, another column with the same non-empty key, if any (see
    /// [`Header::once`]); worked out once per file, so a roster of 16,000 columns is not
    /// searched once per column.
    pub(super) twins: Vec<Option<usize>>,
    /// The line the header is on: 1, or 2 after Excel's `sep=;` line.
    pub(super) line: u64,
    pub(super) delimiter: u8,
    pub(super) question_mark_is_empty: bool,
    pub(super) formula_guards_undone: bool,
}

/// Normalises a header for matching: lowercase, trimmed, inner runs of space/`_`/`-` as one `_`.
/// Every Unicode space counts as a space: HR systems, and headers pasted from a web page or
/// Word, write `Person\u{A0}ID`, which looks exactly like `Person ID` in every message.
pub fn header_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut pending_sep = false;
    for ch in name.trim().chars() {
        if ch.is_whitespace() || ch == '_' || ch == '-' {
            pending_sep = !key.is_empty();
        } else {
            if pending_sep {
                key.push('_');
                pending_sep = false;
            }
            key.extend(ch.to_lowercase());
        }
    }
    key
}

impl Header {
    /// Treats a cell holding only `?` as empty (ServiceNow exports write `?` for no value).
    pub fn with_question_mark_as_empty(mut self) -> Header {
        self.question_mark_is_empty = true;
        self
    }

    /// Reads a cell that an export prefixed with `'`, so that a spreadsheet would not run it as
    /// a formula (`'-7`, `'=Sales`), as the text it stands for ([`restore`]): a data directory
    /// Wavegate exported scores as the program it came from, person ids such as `-7` included.
    ///
    /// [`restore`]: crate::csv_safe::restore
    pub fn with_formula_guards_undone(mut self) -> Header {
        self.formula_guards_undone = true;
        self
    }

    /// The file's name.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The delimiter found in the header line.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// The header names, trimmed, as written in the file.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The first column whose header matches any of `names` (case, spaces, `_`, `-` ignored).
    pub fn column(&self, names: &[&str]) -> Option<Col> {
        names.iter().find_map(|name| {
            let key = header_key(name);
            self.keys.iter().position(|k| *k == key).map(Col)
        })
    }

    /// Like [`Header::column`], but a missing column is an error naming what was expected, and
    /// so is a column the header has twice ([`Header::once`]).
    pub fn require(&self, names: &[&str]) -> Result<Col, InputError> {
        let col = self
            .column(names)
            .ok_or_else(|| self.missing_column(names))?;
        self.once(col)
    }

    /// Like [`Header::column`] for a column an importer reads when it is there: `None` when it
    /// is not, an error when the header has it twice ([`Header::once`]).
    pub fn optional(&self, names: &[&str]) -> Result<Option<Col>, InputError> {
        self.column(names).map(|col| self.once(col)).transpose()
    }

    /// `col`, unless another column has the same normalised header: then the file is refused
    /// at the right-hand one, naming both. Taking either would be a guess, and the two may
    /// disagree (a second `Compliance` column of other values would be ignored without a word).
    pub fn once(&self, col: Col) -> Result<Col, InputError> {
        let Some(twin) = self.twins.get(col.0).copied().flatten() else {
            return Ok(col);
        };
        let (first, second) = (col.0.min(twin), col.0.max(twin));
        Err(InputError {
            file: self.file.clone(),
            line: self.line,
            column: Some(second + 1),
            column_name: Some(self.headers[second].clone()),
            problem: Box::new(FileProblem::RepeatedColumn { first: first + 1 }),
        })
    }

    /// The normalised header of a column ([`header_key`]); empty for a header without
    /// letters, digits or other marks.
    pub fn key(&self, col: Col) -> &str {
        &self.keys[col.0]
    }

    /// The line the header is on: 1, or 2 when Excel's `sep=;` line comes first.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The error for a required column that is not in the header.
    pub fn missing_column(&self, names: &[&str]) -> InputError {
        InputError::file(
            &self.file,
            self.line,
            FileProblem::MissingColumn {
                wanted: names.iter().map(|n| n.to_string()).collect(),
                header: self.headers.clone(),
            },
        )
    }

    /// The header of a column.
    pub fn header(&self, col: Col) -> &str {
        &self.headers[col.0]
    }

    /// The columns not in `used`, with their headers (extra roster attributes).
    pub fn other_columns(&self, used: &[Col]) -> Vec<(Col, &str)> {
        (0..self.headers.len())
            .map(Col)
            .filter(|c| !used.contains(c) && !self.headers[c.0].is_empty())
            .map(|c| (c, self.headers[c.0].as_str()))
            .collect()
    }

    /// The trimmed cell of `row` in `col`; empty for `?` when that option is on.
    pub fn get<'a, R: Cells + ?Sized>(&self, row: &'a R, col: Col) -> Cow<'a, str> {
        let v = trimmed(row.cell(col.0));
        if self.question_mark_is_empty && v == "?" {
            Cow::Borrowed("")
        } else if self.formula_guards_undone && row.may_hold_guards() {
            crate::csv_safe::restore(v)
        } else {
            Cow::Borrowed(v)
        }
    }

    /// The cell, or `None` when empty.
    pub fn opt<'a, R: Cells + ?Sized>(&self, row: &'a R, col: Option<Col>) -> Option<Cow<'a, str>> {
        col.map(|c| self.get(row, c)).filter(|v| !v.is_empty())
    }

    /// An error about one cell: `expected` says what would have been right.
    pub fn cell_error<R: Cells + ?Sized>(
        &self,
        row: &R,
        col: Col,
        expected: impl Into<Text>,
    ) -> InputError {
        self.problem_at(
            row.line(),
            col,
            FileProblem::Cell {
                expected: expected.into(),
                found: self.get(row, col).to_string(),
            },
        )
    }

    /// An error about the cell in `col` on `line`.
    pub fn problem_at(&self, line: u64, col: Col, problem: FileProblem) -> InputError {
        InputError {
            file: self.file.clone(),
            line,
            column: Some(col.number()),
            column_name: Some(self.headers[col.0].clone()),
            problem: Box::new(problem),
        }
    }

    /// The non-empty cell, or an error saying it is required.
    pub fn required<'a, R: Cells + ?Sized>(
        &self,
        row: &'a R,
        col: Col,
    ) -> Result<Cow<'a, str>, InputError> {
        let v = self.get(row, col);
        if v.is_empty() {
            Err(self.problem_at(row.line(), col, FileProblem::EmptyCell))
        } else {
            Ok(v)
        }
    }

    /// Parses a cell with `parse`; `None` for an empty cell, an error naming `expected` otherwise.
    pub fn parse_opt<T, R: Cells + ?Sized>(
        &self,
        row: &R,
        col: Option<Col>,
        expected: Expect,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>, InputError> {
        self.parse_opt_or(row, col, parse, |_| expected)
    }

    /// [`Header::parse_opt`] for a cell whose expectation depends on what it holds (`expected`
    /// is asked only for a cell `parse` refused).
    pub fn parse_opt_or<T, R: Cells + ?Sized>(
        &self,
        row: &R,
        col: Option<Col>,
        parse: impl FnOnce(&str) -> Option<T>,
        expected: impl FnOnce(&str) -> Expect,
    ) -> Result<Option<T>, InputError> {
        let Some(c) = col else {
            return Ok(None);
        };
        let v = self.get(row, c);
        if v.is_empty() {
            return Ok(None);
        }
        match parse(&v) {
            Some(t) => Ok(Some(t)),
            None => Err(self.cell_error(row, c, expected(&v))),
        }
    }
}

/// `cell.trim()`, without decoding characters when the cell begins and ends with visible ASCII,
/// as nearly every cell does: `trim` was a tenth of what `wavegate score` executes at 100,000
/// people.
fn trimmed(cell: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_graphic());
    let bytes = cell.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        cell
    } else {
        cell.trim()
    }
}

#[cfg(test)]
mod tests {
    use crate::tabular::Table;

    #[test]
    fn missing_column_names_what_was_expected() {
        let t = Table::parse("tickets.csv", "Number,Opened\n1,2\n").unwrap();
        let err = t.require(&["caller", "caller_id"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "tickets.csv, line 1: missing required column `caller` or `caller_id`; the header has: `Number`, `Opened`"
        );
        assert_eq!(
            err.render(crate::i18n::Lang::Nl),
            "tickets.csv, regel 1: de verplichte kolom `caller` of `caller_id` ontbreekt; de kopregel heeft: `Number`, `Opened`"
        );
    }

    #[test]
    fn every_unicode_space_inside_a_header_is_a_space() {
        for name in [
            "Person\u{a0}ID",
            "person\u{2007}id",
            "Person \u{202f} ID",
            "\u{3000}person_id",
        ] {
            assert_eq!(super::header_key(name), "person_id", "{name:?}");
        }
        // A zero-width space shows nowhere, but is no space either.
        assert_eq!(super::header_key("Person\u{200b}ID"), "person\u{200b}id");
    }

    #[test]
    fn a_column_the_header_has_twice_is_refused_where_it_is_read() {
        let t = Table::parse(
            "d.csv",
            "UPN,Compliance,OS,compliance , Notes,notes\n1,2,3,4,5,6\n",
        )
        .unwrap();
        assert_eq!(t.column(&["compliance"]).map(|c| c.number()), Some(2));
        for err in [
            t.require(&["compliance"]).unwrap_err(),
            t.head()
                .optional(&["ComplianceState", "Compliance"])
                .unwrap_err(),
        ] {
            assert_eq!((err.line, err.column), (1, Some(4)), "{err}");
            assert_eq!(
                err.to_string(),
                "d.csv, line 1, column 4 (compliance): expected each column once, but this column is also column 2 of the header"
            );
        }
        // Columns read once, or not at all, are fine.
        assert_eq!(t.require(&["upn"]).unwrap().number(), 1);
        assert_eq!(t.head().optional(&["state"]).unwrap(), None);
        let notes = t.column(&["notes"]).unwrap();
        assert_eq!(t.head().once(notes).unwrap_err().column, Some(6));
    }

    #[test]
    fn question_marks_are_empty_when_asked() {
        let t = Table::parse("t.csv", "a\n?\n")
            .unwrap()
            .with_question_mark_as_empty();
        let c = t.require(&["a"]).unwrap();
        assert_eq!(t.opt(&t.rows()[0], Some(c)), None);
    }
}
