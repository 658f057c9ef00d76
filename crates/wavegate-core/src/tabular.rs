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

impl Col {
    /// The 1-based column number, as error messages give it.
    pub fn number(self) -> usize {
        self.0 + 1
    }
}

/// A CSV file's header: column names, how to match them, and how to read cells under them.
///
/// [`Table`] (whole file in memory) and [`Rows`] (one row at a time, for large exports) share it,
/// so both read cells and report errors the same way.
#[derive(Clone, Debug)]
pub struct Header {
    file: String,
    headers: Vec<String>,
    keys: Vec<String>,
    delimiter: u8,
    question_mark_is_empty: bool,
}

/// A whole CSV file held in memory, header first.
#[derive(Clone, Debug)]
pub struct Table {
    head: Header,
    rows: Vec<Row>,
}

/// One data row with the line it starts on.
#[derive(Clone, Debug)]
pub struct Row {
    line: u64,
    fields: Vec<String>,
}

/// A row's cells, whether owned ([`Row`]) or borrowed from a streaming read ([`RowRef`]).
pub trait Cells {
    /// The cell at `index` as written (untrimmed); empty past the end of a short row.
    fn cell(&self, index: usize) -> &str;
    /// The line in the file where this row starts (1-based; the header is line 1).
    fn line(&self) -> u64;
}

impl Cells for Row {
    fn cell(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", String::as_str)
    }
    fn line(&self) -> u64 {
        self.line
    }
}

/// A data row borrowed from [`Rows`]; valid until the next row is read.
#[derive(Clone, Copy, Debug)]
pub struct RowRef<'r> {
    line: u64,
    record: &'r csv::StringRecord,
}

impl Cells for RowRef<'_> {
    fn cell(&self, index: usize) -> &str {
        self.record.get(index).unwrap_or("")
    }
    fn line(&self) -> u64 {
        self.line
    }
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

/// Like [`decode_text`], but takes the bytes and reuses them when they are UTF-8 already, so a
/// large export is not copied. A byte-order mark is kept; [`Table::parse`] and [`scan`] skip it.
pub fn decode_owned(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => decode_text(e.as_bytes()),
    }
}

/// Reads everything from `reader` and decodes it with [`decode_owned`].
pub fn read_text(file: &str, mut reader: impl Read) -> Result<String, InputError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::file(file, 0, format!("could not be read: {e}")))?;
    Ok(decode_owned(bytes))
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

/// Starts reading CSV text row by row: the header, and the data rows still to read.
///
/// This is the streaming counterpart of [`Table::parse`] (same delimiter sniffing, blank-row
/// skipping and errors) for exports too large to hold as one `String` per cell.
pub fn scan<'t>(file: &str, text: &'t str) -> Result<(Header, Rows<'t>), InputError> {
    let (head, mut parts) = scan_parts(file, text, 1)?;
    let rows = parts.pop().unwrap_or_else(|| Rows::over(&head, b"", 0));
    Ok((head, rows))
}

fn reader_for(delimiter: u8, bytes: &[u8], has_line_feeds: bool) -> csv::Reader<&[u8]> {
    // Records end at a line feed; the CR of a Windows line end stays on the last field, where
    // trimming removes it. (With the csv crate's default CR/LF handling its line numbers come
    // out one short in Windows files.) Old Mac files with bare CRs keep the default.
    let terminator = if has_line_feeds {
        csv::Terminator::Any(b'\n')
    } else {
        csv::Terminator::CRLF
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .terminator(terminator)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

fn count_byte(bytes: &[u8], b: u8) -> u64 {
    bytes.iter().filter(|&&x| x == b).count() as u64
}

/// Like [`scan`], but with the data rows cut into up to `parts` pieces at record boundaries, so
/// a caller with threads can read a large export on several cores. Every piece reports the
/// lines of the whole file. A line break inside a quoted field is never a cut: a cut is placed
/// only where the number of quotes before it is even.
pub fn scan_parts<'t>(
    file: &str,
    text: &'t str,
    parts: usize,
) -> Result<(Header, Vec<Rows<'t>>), InputError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InputError::file(
            file,
            0,
            "the file is empty; expected a header row and data rows",
        ));
    }
    let delimiter = sniff_delimiter(text);
    let bytes = text.as_bytes();
    let line_feeds = text.contains('\n');
    let mut reader = reader_for(delimiter, bytes, line_feeds);
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => {}
        Ok(false) => return Err(InputError::file(file, 0, "the file has no header row")),
        Err(e) => return Err(csv_error(file, &e, 0)),
    }
    let headers: Vec<String> = record.iter().map(|h| h.trim().to_string()).collect();
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let head = Header {
        file: file.to_string(),
        headers,
        keys,
        delimiter,
        question_mark_is_empty: false,
    };
    let data_start = usize::try_from(reader.position().byte())
        .unwrap_or(bytes.len())
        .min(bytes.len());
    let data = &bytes[data_start..];
    let mut starts = vec![0usize];
    if line_feeds {
        let (mut scanned, mut quotes) = (0usize, 0u64);
        for k in 1..parts.max(1) {
            let target = data.len() * k / parts;
            if target <= scanned {
                continue;
            }
            quotes += count_byte(&data[scanned..target], b'"');
            let mut i = target;
            while i < data.len() {
                match data[i] {
                    b'"' => quotes += 1,
                    b'\n' if quotes.is_multiple_of(2) => break,
                    _ => {}
                }
                i += 1;
            }
            scanned = (i + 1).min(data.len());
            if scanned >= data.len() {
                break;
            }
            starts.push(scanned);
        }
    }
    let mut line = 1 + count_byte(&bytes[..data_start], b'\n');
    let mut rows = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(data.len());
        let piece = &data[start..end];
        rows.push(Rows {
            reader: reader_for(delimiter, piece, line_feeds),
            record: csv::StringRecord::new(),
            text: piece,
            first_line: line,
        });
        if k + 1 < starts.len() {
            line += count_byte(piece, b'\n');
        }
    }
    Ok((head, rows))
}

/// The data rows of a CSV file, read one at a time (see [`scan`]).
pub struct Rows<'t> {
    reader: csv::Reader<&'t [u8]>,
    record: csv::StringRecord,
    text: &'t [u8],
    /// The line of the file on which `text` starts.
    first_line: u64,
}

impl std::fmt::Debug for Rows<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rows").finish_non_exhaustive()
    }
}

impl<'t> Rows<'t> {
    fn over(head: &Header, text: &'t [u8], first_line: u64) -> Rows<'t> {
        Rows {
            reader: reader_for(head.delimiter, text, true),
            record: csv::StringRecord::new(),
            text,
            first_line,
        }
    }

    /// The next non-blank data row, `None` at the end, or an error for a malformed row.
    pub fn next_row(&mut self, head: &Header) -> Result<Option<RowRef<'_>>, InputError> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => return Ok(None),
                Err(e) => return Err(csv_error(&head.file, &e, self.first_line.saturating_sub(1))),
            }
            // Blank lines, and Excel's trailing ";;;;" rows (all fields are in one buffer).
            if self.record.as_slice().trim().is_empty() {
                continue;
            }
            let line = self.record.position().map_or(0, |p| {
                // The csv crate places a record after blank lines at the first of them.
                let start = usize::try_from(p.byte()).unwrap_or(usize::MAX);
                let blank = self
                    .text
                    .get(start..)
                    .map_or(0, |rest| rest.iter().take_while(|&&b| b == b'\n').count());
                p.line() + blank as u64 + self.first_line.saturating_sub(1)
            });
            let width = head.headers.len();
            if self.record.len() > width
                && self.record.iter().skip(width).any(|f| !f.trim().is_empty())
            {
                return Err(InputError {
                    file: head.file.clone(),
                    line,
                    column: Some(width + 1),
                    column_name: None,
                    message: format!(
                        "this row has {} fields but the header has {}; expected one field per header column (is a field with the delimiter `{}` missing its quotes?)",
                        self.record.len(),
                        width,
                        char::from(head.delimiter)
                    ),
                });
            }
            return Ok(Some(RowRef {
                line,
                record: &self.record,
            }));
        }
    }
}

impl Header {
    /// Treats a cell holding only `?` as empty (ServiceNow exports write `?` for no value).
    pub fn with_question_mark_as_empty(mut self) -> Header {
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

    /// The first column whose header matches any of `names` (case, spaces, `_`, `-` ignored).
    pub fn column(&self, names: &[&str]) -> Option<Col> {
        names.iter().find_map(|name| {
            let key = header_key(name);
            self.keys.iter().position(|k| *k == key).map(Col)
        })
    }

    /// Like [`Header::column`], but a missing column is an error naming what was expected.
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
    pub fn get<'a, R: Cells + ?Sized>(&self, row: &'a R, col: Col) -> &'a str {
        let v = row.cell(col.0).trim();
        if self.question_mark_is_empty && v == "?" {
            ""
        } else {
            v
        }
    }

    /// The cell, or `None` when empty.
    pub fn opt<'a, R: Cells + ?Sized>(&self, row: &'a R, col: Option<Col>) -> Option<&'a str> {
        col.map(|c| self.get(row, c)).filter(|v| !v.is_empty())
    }

    /// An error about one cell: `expected` says what would have been right.
    pub fn cell_error<R: Cells + ?Sized>(&self, row: &R, col: Col, expected: &str) -> InputError {
        InputError {
            file: self.file.clone(),
            line: row.line(),
            column: Some(col.0 + 1),
            column_name: Some(self.headers[col.0].clone()),
            message: format!("expected {expected}, found {:?}", self.get(row, col)),
        }
    }

    /// The non-empty cell, or an error saying it is required.
    pub fn required<'a, R: Cells + ?Sized>(
        &self,
        row: &'a R,
        col: Col,
    ) -> Result<&'a str, InputError> {
        let v = self.get(row, col);
        if v.is_empty() {
            Err(InputError {
                file: self.file.clone(),
                line: row.line(),
                column: Some(col.0 + 1),
                column_name: Some(self.headers[col.0].clone()),
                message: "expected a value, found an empty cell".to_string(),
            })
        } else {
            Ok(v)
        }
    }

    /// Parses a cell with `parse`; `None` for an empty cell, an error naming `expected` otherwise.
    pub fn parse_opt<T, R: Cells + ?Sized>(
        &self,
        row: &R,
        col: Option<Col>,
        expected: &str,
        parse: impl FnOnce(&str) -> Option<T>,
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
            let mut fields: Vec<String> = row.record.iter().map(|f| f.trim().to_string()).collect();
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
    pub fn get<'a>(&self, row: &'a Row, col: Col) -> &'a str {
        self.head.get(row, col)
    }

    /// The cell, or `None` when empty.
    pub fn opt<'a>(&self, row: &'a Row, col: Option<Col>) -> Option<&'a str> {
        self.head.opt(row, col)
    }

    /// An error about one cell: `expected` says what would have been right.
    pub fn cell_error(&self, row: &Row, col: Col, expected: &str) -> InputError {
        self.head.cell_error(row, col, expected)
    }

    /// The non-empty cell, or an error saying it is required.
    pub fn required<'a>(&self, row: &'a Row, col: Col) -> Result<&'a str, InputError> {
        self.head.required(row, col)
    }

    /// Parses a cell with `parse`; `None` for an empty cell, an error naming `expected` otherwise.
    pub fn parse_opt<T>(
        &self,
        row: &Row,
        col: Option<Col>,
        expected: &str,
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

fn csv_error(file: &str, e: &csv::Error, line_offset: u64) -> InputError {
    let line = e.position().map_or(0, |p| p.line() + line_offset);
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
    datetime_only(s).or_else(|| date_only(s).map(|d| d.and_time(NaiveTime::MIN)))
}

/// Parses a date: `YYYY-MM-DD`, `DD-MM-YYYY`, `DD/MM/YYYY`, `YYYY/MM/DD`, or the date part of a
/// date-time in any format [`parse_datetime`] accepts.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = date_only(s) {
        return Some(d);
    }
    if s.len() > 10 {
        return datetime_only(s).map(|dt| dt.date());
    }
    None
}

/// The date-time formats, without falling back to a plain date (so the two parsers cannot call
/// each other forever on a malformed cell).
fn datetime_only(s: &str) -> Option<NaiveDateTime> {
    if let Some(dt) = fast_datetime(s.as_bytes()) {
        return Some(dt);
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
    FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

fn date_only(s: &str) -> Option<NaiveDate> {
    if s.len() == 10
        && let Some(d) = fast_date(s.as_bytes())
    {
        return Some(d);
    }
    ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// `YYYY-MM-DD` or `DD-MM-YYYY` at the start of `b`, without chrono's format machinery: large
/// exports hold hundreds of thousands of dates. Anything else is left to the general parser.
fn fast_date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() < 10 {
        return None;
    }
    let (y, m, d) = if b[4] == b'-' && b[7] == b'-' {
        (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?)
    } else if b[2] == b'-' && b[5] == b'-' {
        (digits(&b[6..10])?, digits(&b[3..5])?, digits(&b[0..2])?)
    } else {
        return None;
    };
    if b.len() > 10 && b[10] != b' ' && b[10] != b'T' {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// The common shapes (`2027-01-11`, `2027-01-11T09:30:00Z`, `2027-01-11 09:30:00.0000000`,
/// `2027-01-11T10:30:00+01:00`, `11-01-2027 09:30`) parsed directly; `None` sends the text to
/// the general parser, which accepts everything this accepts and more, with the same results.
fn fast_datetime(b: &[u8]) -> Option<NaiveDateTime> {
    let date = fast_date(b)?;
    if b.len() == 10 {
        return Some(date.and_time(NaiveTime::MIN));
    }
    let t = &b[11..];
    if t.len() < 5 || t[2] != b':' {
        return None;
    }
    let (h, mi) = (digits(&t[0..2])?, digits(&t[3..5])?);
    let mut rest = &t[5..];
    let mut sec = 0;
    let mut nanos = 0;
    if let [b':', s1, s2, tail @ ..] = rest {
        sec = digits(&[*s1, *s2])?;
        rest = tail;
        if let [b'.', tail @ ..] = rest {
            let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 || n > 9 {
                return None;
            }
            nanos = digits(&tail[..n])? * 10u32.pow(9 - u32::try_from(n).ok()?);
            rest = &tail[n..];
        }
    }
    if sec > 59 {
        return None; // leap seconds: the general parser knows chrono's convention
    }
    let naive = date.and_time(NaiveTime::from_hms_nano_opt(h, mi, sec, nanos)?);
    match rest {
        [] | [b'Z'] => Some(naive),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let minutes = i64::from(digits(&[*h1, *h2])? * 60 + digits(&[*m1, *m2])?);
            let offset = chrono::Duration::minutes(if *sign == b'+' { minutes } else { -minutes });
            naive.checked_sub_signed(offset)
        }
        _ => None,
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

    #[test]
    fn streaming_rows_read_like_the_table() {
        let text = "\u{FEFF}Number;Opened;Caller\n1;?;x\n;;\n\"2\n\";02-01-2027;y\n3;a;b;c\n";
        let (head, mut rows) = scan("t.csv", text).unwrap();
        let head = head.with_question_mark_as_empty();
        let opened = head.require(&["opened"]).unwrap();
        let number = head.require(&["number"]).unwrap();
        let first = rows.next_row(&head).unwrap().unwrap();
        assert_eq!((first.line(), head.opt(&first, Some(opened))), (2, None));
        let second = rows.next_row(&head).unwrap().unwrap();
        assert_eq!((second.line(), head.get(&second, number)), (4, "2"));
        let err = rows.next_row(&head).unwrap_err();
        assert_eq!((err.line, err.column), (6, Some(4)));
    }

    #[test]
    fn line_numbers_are_right_for_windows_and_unix_line_ends() {
        for (text, want) in [
            ("a,b\r\n1,2\r\n3,4\r\n5,6\r\n", vec![2, 3, 4]),
            ("a,b\n1,2\n3,4\n", vec![2, 3]),
            ("a,b\r\n\r\n1,2\r\n\"x\r\ny\",3\r\n5,6", vec![3, 4, 6]),
            ("a,b\n\n\n1,2\n", vec![4]),
            ("a,b\n1,2\n\n3,4\n", vec![2, 4]),
            ("a,b\r\n1,2\r\n\r\n3,\"4\"\r\n", vec![2, 4]),
        ] {
            let t = Table::parse("f.csv", text).unwrap();
            let lines: Vec<u64> = t.rows().iter().map(|r| r.line()).collect();
            assert_eq!(lines, want, "{text:?}");
        }
    }

    #[test]
    fn parts_cut_at_record_boundaries_and_keep_the_file_s_lines() {
        let mut text = String::from("id;note\r\n");
        for i in 0..200 {
            if i % 7 == 0 {
                text.push_str(&format!("{i};\"two\r\nlines; \"\"quoted\"\"\"\r\n"));
            } else {
                text.push_str(&format!("{i};plain\r\n"));
            }
        }
        let (head, whole) = scan("f.csv", &text).unwrap();
        let collect = |mut rows: Rows<'_>| {
            let mut out = Vec::new();
            while let Some(r) = rows.next_row(&head).unwrap() {
                out.push((r.line(), r.cell(0).to_string(), r.cell(1).to_string()));
            }
            out
        };
        let expected = collect(whole);
        for parts in [2, 3, 5, 64] {
            let (_, pieces) = scan_parts("f.csv", &text, parts).unwrap();
            assert!(pieces.len() > 1);
            let got: Vec<_> = pieces.into_iter().flat_map(collect).collect();
            assert_eq!(got, expected, "{parts} parts");
        }
        assert_eq!(expected[1].0, 4, "row 0 spans lines 2 and 3");
    }

    #[test]
    fn a_malformed_long_date_is_rejected_not_looped_on() {
        assert_eq!(parse_datetime("2027-01-11 25:00"), None);
        assert_eq!(parse_date("next tuesday morning"), None);
        assert_eq!(parse_datetime("next tuesday morning"), None);
    }

    #[test]
    fn fast_date_path_agrees_with_the_general_parser() {
        for s in [
            "2027-01-11",
            "2027-01-11T09:30:00Z",
            "2027-01-11T09:30:00.5Z",
            "2027-01-11T10:30:00+01:00",
            "2027-01-11T08:15:00-01:45",
            "2027-01-11 09:30:00.0000000",
            "2027-01-11 09:30",
            "11-01-2027 09:30",
            "11-01-2027 09:30:59",
            "2027-02-30",
            "2027-01-11T09:30:60Z",
            "2027-01-11x",
        ] {
            let general = chrono::DateTime::parse_from_rfc3339(s)
                .map(|d| d.naive_utc())
                .ok()
                .or_else(|| {
                    let t = s.strip_suffix('Z').unwrap_or(s);
                    [
                        "%Y-%m-%dT%H:%M:%S%.f",
                        "%Y-%m-%d %H:%M:%S%.f",
                        "%Y-%m-%dT%H:%M",
                        "%Y-%m-%d %H:%M",
                        "%d-%m-%Y %H:%M:%S",
                        "%d-%m-%Y %H:%M",
                    ]
                    .iter()
                    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
                })
                .or_else(|| {
                    NaiveDate::parse_from_str(s, "%Y-%m-%d")
                        .ok()
                        .map(|d| d.and_time(NaiveTime::MIN))
                });
            assert_eq!(parse_datetime(s), general, "{s}");
        }
    }
}
