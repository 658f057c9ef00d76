//! A whole CSV file in memory ([`Table`]), for the small files (roster, program lists).

use super::decode::read_text;
use super::rows::scan;
use super::{Cells, Col, Expect, Header, InputError};
use crate::i18n::Text;
use std::borrow::Cow;
use std::io::Read;

/// A whole CSV file held in memory, header first.
#[derive(Clone, Debug)]
pub struct Table {
    head: Header,
    rows: Vec<Row>,
}

/// One data row with the line it starts on.
#[derive(Clone, Debug)]
pub struct Row {
    pub(super) line: u64,
    pub(super) fields: Vec<String>,
}

impl Cells for Row {
    fn cell(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", String::as_str)
    }
    fn line(&self) -> u64 {
        self.line
    }
}

impl Table {
    /// Reads a whole CSV file. `file` names it in error messages.
    pub fn read(file: &str, reader: impl Read) -> Result<Table, InputError> {
        Table::parse(file, &read_text(file, reader)?)
    }

    /// Parses CSV text (already decoded).
    pub fn parse(file: &str, text: &str) -> Result<Table, InputError> {
        let (head, mut data) = scan(file, text)?;
        let width = head.headers.len();
        let mut rows = Vec::new();
        while let Some(row) = data.next_row(&head)? {
            // Fields past the header are empty (`next_row` checked): never allocate for them.
            let mut fields: Vec<String> = row
                .record
                .iter()
                .take(width)
                .map(|f| f.trim().to_string())
                .collect();
            fields.resize(width, String::new());
            rows.push(Row {
                line: row.line,
                fields,
            });
        }
        Ok(Table { head, rows })
    }

    /// Treats a cell holding only `?` as empty (ServiceNow exports write `?` for no value).
    pub fn with_question_mark_as_empty(mut self) -> Table {
        self.head.question_mark_is_empty = true;
        self
    }

    /// The header this table's cells are read through.
    pub fn head(&self) -> &Header {
        &self.head
    }

    /// The file's name.
    pub fn file(&self) -> &str {
        self.head.file()
    }

    /// The delimiter found in the header line.
    pub fn delimiter(&self) -> u8 {
        self.head.delimiter()
    }

    /// The header names, trimmed, as written in the file.
    pub fn headers(&self) -> &[String] {
        self.head.headers()
    }

    /// The data rows, blank rows left out.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The first column whose header matches any of `names` (case, spaces, `_`, `-` ignored).
    pub fn column(&self, names: &[&str]) -> Option<Col> {
        self.head.column(names)
    }

    /// Like [`Table::column`], but a missing column is an error naming what was expected.
    pub fn require(&self, names: &[&str]) -> Result<Col, InputError> {
        self.head.require(names)
    }

    /// The header of a column.
    pub fn header(&self, col: Col) -> &str {
        self.head.header(col)
    }

    /// The columns not in `used`, with their headers (extra roster attributes).
    pub fn other_columns(&self, used: &[Col]) -> Vec<(Col, &str)> {
        self.head.other_columns(used)
    }

    /// The trimmed cell of `row` in `col`; empty for `?` when that option is on.
    pub fn get<'a>(&self, row: &'a Row, col: Col) -> Cow<'a, str> {
        self.head.get(row, col)
    }

    /// The cell, or `None` when empty.
    pub fn opt<'a>(&self, row: &'a Row, col: Option<Col>) -> Option<Cow<'a, str>> {
        self.head.opt(row, col)
    }

    /// An error about one cell: `expected` says what would have been right.
    pub fn cell_error(&self, row: &Row, col: Col, expected: impl Into<Text>) -> InputError {
        self.head.cell_error(row, col, expected)
    }

    /// The non-empty cell, or an error saying it is required.
    pub fn required<'a>(&self, row: &'a Row, col: Col) -> Result<Cow<'a, str>, InputError> {
        self.head.required(row, col)
    }

    /// Parses a cell with `parse`; `None` for an empty cell, an error naming `expected` otherwise.
    pub fn parse_opt<T>(
        &self,
        row: &Row,
        col: Option<Col>,
        expected: Expect,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>, InputError> {
        self.head.parse_opt(row, col, expected, parse)
    }
}

impl Row {
    /// The line in the file where this row starts (1-based; the header is line 1).
    pub fn line(&self) -> u64 {
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_semicolons_bom_and_messy_headers() {
        let text = "\u{FEFF} Person ID ;WAVE;Extra\n p1 ;pilot;x\n;;\n";
        let t = Table::read("roster.csv", text.as_bytes()).unwrap();
        assert_eq!(t.delimiter(), b';');
        let id = t.require(&["person_id"]).unwrap();
        let wave = t.require(&["wave"]).unwrap();
        assert_eq!(t.rows().len(), 1, "the ';;' row is blank");
        let row = &t.rows()[0];
        assert_eq!((&*t.get(row, id), &*t.get(row, wave)), ("p1", "pilot"));
        assert_eq!(row.line(), 2);
        assert_eq!(t.other_columns(&[id, wave]).len(), 1);
    }

    #[test]
    fn quoted_newlines_keep_line_numbers_right() {
        let text = "a,b\n\"x\ny\",1\nz,oops\n";
        let t = Table::parse("f.csv", text).unwrap();
        let b = t.require(&["b"]).unwrap();
        let row = &t.rows()[1];
        assert_eq!(row.line(), 4);
        let whole = Expect {
            nl: "een geheel getal",
            en: "a whole number",
        };
        let err = t
            .parse_opt(row, Some(b), whole, |v| v.parse::<u32>().ok())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.csv, line 4, column 2 (b): expected a whole number, found \"oops\""
        );
    }

    #[test]
    fn too_many_fields_is_an_error() {
        let err = Table::parse("r.csv", "a,b\n1,2,3\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, Some(3)));
    }
}
