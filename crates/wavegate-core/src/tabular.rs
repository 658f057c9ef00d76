//! Reading the CSV files planners bring, as their source systems write them.
//!
//! Accepts UTF-8 with or without a byte-order mark, Windows-1252 (what Dutch Excel writes for
//! "CSV (gescheiden door lijstscheidingsteken)"), `,` or `;` delimiters, quoted fields with embedded
//! newlines, and header names in any case with surrounding spaces. Every problem is an
//! [`InputError`] naming the file, line, column and what was expected, so a planner can fix the
//! file; callers reject the whole file on the first error.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::fmt;
use std::io::Read;

/// What is wrong with an input file, and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    /// The file's name as the user knows it (e.g. `roster.csv`).
    pub file: String,
    /// 1-based line number; 0 when the problem is the file as a whole.
    pub line: u64,
    /// 1-based column number, when one column is at fault.
    pub column: Option<usize>,
    /// The column's header, when known.
    pub column_name: Option<String>,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ", line {}", self.line)?;
        }
        if let Some(c) = self.column {
            write!(f, ", column {c}")?;
            if let Some(name) = &self.column_name {
                write!(f, " ({name})")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl InputError {
    /// An error about the file as a whole (unreadable, empty, missing column).
    pub fn file(file: &str, line: u64, message: impl Into<String>) -> InputError {
        InputError {
            file: file.to_string(),
            line,
            column: None,
            column_name: None,
            message: message.into(),
        }
    }
}

/// A column found in a table's header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Col(usize);

/// A whole CSV file held in memory, header first.
#[derive(Clone, Debug)]
pub struct Table {
    file: String,
    headers: Vec<String>,
    keys: Vec<String>,
    rows: Vec<Row>,
    delimiter: u8,
    question_mark_is_empty: bool,
}

/// One data row with the line it starts on.
#[derive(Clone, Debug)]
pub struct Row {
    line: u64,
    fields: Vec<String>,
}

/// Normalises a header for matching: lowercase, trimmed, inner runs of space/`_`/`-` as one `_`.
pub fn header_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut pending_sep = false;
    for ch in name.trim().chars() {
        if ch == ' ' || ch == '_' || ch == '-' || ch == '\t' {
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

/// Decodes bytes as UTF-8 (dropping a byte-order mark), else as Windows-1252.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Picks `;` or `,` by counting each outside quotes on the header line.
fn sniff_delimiter(text: &str) -> u8 {
    let (mut commas, mut semis, mut tabs, mut quoted) = (0usize, 0usize, 0usize, false);
    for ch in text.chars() {
        match ch {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semis += 1,
            '\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if tabs > commas.max(semis) {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

impl Table {
    /// Reads a whole CSV file. `file` names it in error messages.
    pub fn read(file: &str, mut reader: impl Read) -> Result<Table, InputError> {
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| InputError::file(file, 0, format!("could not be read: {e}")))?;
        Table::parse(file, &decode_text(&bytes))
    }

    /// Parses CSV text (already decoded).
    pub fn parse(file: &str, text: &str) -> Result<Table, InputError> {
        if text.trim().is_empty() {
            return Err(InputError::file(
                file,
                0,
                "the file is empty; expected a header row and data rows",
            ));
        }
        let delimiter = sniff_delimiter(text);
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = csv.records();
        let header = match records.next() {
            Some(Ok(h)) => h,
            Some(Err(e)) => return Err(csv_error(file, &e)),
            None => return Err(InputError::file(file, 0, "the file has no header row")),
        };
        let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let mut rows = Vec::new();
        for record in records {
            let record = record.map_err(|e| csv_error(file, &e))?;
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|f| f.trim().is_empty()) {
                continue; // blank lines, and Excel's trailing ";;;;" rows
            }
            if record.len() > headers.len()
                && record
                    .iter()
                    .skip(headers.len())
                    .any(|f| !f.trim().is_empty())
            {
                return Err(InputError {
                    file: file.to_string(),
                    line,
                    column: Some(headers.len() + 1),
                    column_name: None,
                    message: format!(
                        "this row has {} fields but the header has {}; expected one field per header column (is a field with the delimiter `{}` missing its quotes?)",
                        record.len(),
                        headers.len(),
                        char::from(delimiter)
                    ),
                });
            }
            let mut fields: Vec<String> = record.iter().map(|f| f.trim().to_string()).collect();
            fields.resize(headers.len(), String::new());
            rows.push(Row { line, fields });
        }
        Ok(Table {
            file: file.to_string(),
            headers,
            keys,
            rows,
            delimiter,
            question_mark_is_empty: false,
        })
    }

    /// Treats a cell holding only `?` as empty (ServiceNow exports write `?` for no value).
    pub fn with_question_mark_as_empty(mut self) -> Table {
        self.question_mark_is_empty = true;
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

    /// The data rows, blank rows left out.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The first column whose header matches any of `names` (case, spaces, `_`, `-` ignored).
    pub fn column(&self, names: &[&str]) -> Option<Col> {
        names.iter().find_map(|name| {
            let key = header_key(name);
            self.keys.iter().position(|k| *k == key).map(Col)
        })
    }

    /// Like [`Table::column`], but a missing column is an error naming what was expected.
    pub fn require(&self, names: &[&str]) -> Result<Col, InputError> {
        self.column(names).ok_or_else(|| {
            let wanted = names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" or ");
            InputError::file(
                &self.file,
                1,
                format!(
                    "missing required column {wanted}; the header has: {}",
                    self.headers.join(", ")
                ),
            )
        })
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
    pub fn get<'a>(&self, row: &'a Row, col: Col) -> &'a str {
        let v = row.fields[col.0].as_str();
        if self.question_mark_is_empty && v == "?" {
            ""
        } else {
            v
        }
    }

    /// The cell, or `None` when empty.
    pub fn opt<'a>(&self, row: &'a Row, col: Option<Col>) -> Option<&'a str> {
        col.map(|c| self.get(row, c)).filter(|v| !v.is_empty())
    }

    /// An error about one cell: `expected` says what would have been right.
    pub fn cell_error(&self, row: &Row, col: Col, expected: &str) -> InputError {
        InputError {
            file: self.file.clone(),
            line: row.line,
            column: Some(col.0 + 1),
            column_name: Some(self.headers[col.0].clone()),
            message: format!("expected {expected}, found {:?}", self.get(row, col)),
        }
    }

    /// The non-empty cell, or an error saying it is required.
    pub fn required<'a>(&self, row: &'a Row, col: Col) -> Result<&'a str, InputError> {
        let v = self.get(row, col);
        if v.is_empty() {
            Err(InputError {
                file: self.file.clone(),
                line: row.line,
                column: Some(col.0 + 1),
                column_name: Some(self.headers[col.0].clone()),
                message: "expected a value, found an empty cell".to_string(),
            })
        } else {
            Ok(v)
        }
    }

    /// Parses a cell with `parse`; `None` for an empty cell, an error naming `expected` otherwise.
    pub fn parse_opt<T>(
        &self,
        row: &Row,
        col: Option<Col>,
        expected: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Option<T>, InputError> {
        match col {
            None => Ok(None),
            Some(c) => {
                let v = self.get(row, c);
                if v.is_empty() {
                    Ok(None)
                } else {
                    parse(v)
                        .map(Some)
                        .ok_or_else(|| self.cell_error(row, c, expected))
                }
            }
        }
    }
}

impl Row {
    /// The line in the file where this row starts (1-based; the header is line 1).
    pub fn line(&self) -> u64 {
        self.line
    }
}

fn csv_error(file: &str, e: &csv::Error) -> InputError {
    let line = e.position().map_or(0, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "the text is not valid UTF-8".to_string(),
        _ => format!("not valid CSV ({e}); expected quoted fields to be closed"),
    };
    InputError::file(file, line, message)
}

/// What [`parse_datetime`] accepts, for error messages.
pub const DATETIME_EXPECTED: &str =
    "a date like 2027-01-11, 2027-01-11T09:30:00Z, 2027-01-11 09:30:00 or 11-01-2027 09:30";

/// Parses the date-times source systems write: ISO 8601 (with `T` or a space, optional seconds,
/// fractions and offset), `DD-MM-YYYY HH:MM`, `DD/MM/YYYY`, and plain dates (midnight).
/// An offset is converted to UTC; times without one are taken as written.
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_utc());
    }
    let s = s.strip_suffix('Z').unwrap_or(s);
    const FORMATS: [&str; 10] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%d-%m-%Y %H:%M:%S",
        "%d-%m-%Y %H:%M",
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ];
    for f in FORMATS {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(dt);
        }
    }
    parse_date(s).map(|d| d.and_time(NaiveTime::MIN))
}

/// Parses a date: `YYYY-MM-DD`, `DD-MM-YYYY`, `DD/MM/YYYY`, `YYYY/MM/DD`, or the date part of a
/// date-time in any format [`parse_datetime`] accepts.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    for f in ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d);
        }
    }
    if s.len() > 10 {
        return parse_datetime(s).map(|dt| dt.date());
    }
    None
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
        assert_eq!((t.get(row, id), t.get(row, wave)), ("p1", "pilot"));
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
        let err = t
            .parse_opt(row, Some(b), "a whole number", |v| v.parse::<u32>().ok())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.csv, line 4, column 2 (b): expected a whole number, found \"oops\""
        );
    }

    #[test]
    fn missing_column_names_what_was_expected() {
        let t = Table::parse("tickets.csv", "Number,Opened\n1,2\n").unwrap();
        let err = t.require(&["caller", "caller_id"]).unwrap_err();
        assert!(err.to_string().contains("`caller` or `caller_id`"), "{err}");
        assert_eq!(err.line, 1);
    }

    #[test]
    fn too_many_fields_is_an_error() {
        let err = Table::parse("r.csv", "a,b\n1,2,3\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, Some(3)));
    }

    #[test]
    fn windows_1252_is_decoded() {
        let t = Table::read("r.csv", &b"naam\nJos\xe9 \x80\n"[..]).unwrap();
        let c = t.require(&["naam"]).unwrap();
        assert_eq!(t.get(&t.rows()[0], c), "José €");
    }

    #[test]
    fn question_marks_are_empty_when_asked() {
        let t = Table::parse("t.csv", "a\n?\n")
            .unwrap()
            .with_question_mark_as_empty();
        let c = t.require(&["a"]).unwrap();
        assert_eq!(t.opt(&t.rows()[0], Some(c)), None);
    }

    #[test]
    fn dates_in_the_formats_source_systems_write() {
        let want = NaiveDate::from_ymd_opt(2027, 1, 11)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        for s in [
            "2027-01-11T09:30:00Z",
            "2027-01-11T10:30:00+01:00",
            "2027-01-11 09:30:00.0000000",
            "2027-01-11 09:30",
            "11-01-2027 09:30",
            "11/01/2027 09:30:00",
        ] {
            assert_eq!(parse_datetime(s), Some(want), "{s}");
        }
        assert_eq!(
            parse_date("11-01-2027"),
            NaiveDate::from_ymd_opt(2027, 1, 11)
        );
        assert_eq!(parse_datetime("tomorrow"), None);
    }
}
