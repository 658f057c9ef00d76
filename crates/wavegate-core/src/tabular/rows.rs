//! Streaming rows ([`scan`], [`Rows`]) for exports too large to hold one `String` per cell, and
//! cutting a file into pieces at record boundaries ([`scan_parts`]) for parsing on threads.

use super::decode::{NotText, not_text, separator_hint, sniff_delimiter};
use super::limits::{MAX_COLUMNS, MAX_FIELD_BYTES};
use super::records::{Record, RecordReader};
use super::{Cells, FileProblem, Header, InputError, header_key};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;

/// A data row borrowed from [`Rows`]; valid until the next row is read.
#[derive(Clone, Copy, Debug)]
pub struct RowRef<'r> {
    pub(super) line: u64,
    pub(super) record: &'r Record,
    /// Whether the record holds a `'` at all, so that a cell may carry a formula guard.
    guards: bool,
}

impl RowRef<'_> {
    /// How many cells the row has as written.
    pub fn len(&self) -> usize {
        self.record.len()
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.record.len() == 0
    }
}

impl Cells for RowRef<'_> {
    fn cell(&self, index: usize) -> &str {
        self.record.get(index).unwrap_or("")
    }
    fn line(&self) -> u64 {
        self.line
    }
    fn may_hold_guards(&self) -> bool {
        self.guards
    }
}

/// Starts reading CSV text row by row: the header, and the data rows still to read.
///
/// This is the streaming counterpart of [`Table::parse`] (same delimiter sniffing, blank-row
/// skipping and errors) for exports too large to hold as one `String` per cell.
pub fn scan<'t>(file: &str, text: &'t str) -> Result<(Header, Rows<'t>), InputError> {
    let (head, mut parts) = scan_parts(file, text, 1)?;
    let rows = parts.pop().unwrap_or_else(|| Rows::over(&head, "", 0));
    Ok((head, rows))
}

pub(super) fn count_byte(bytes: &[u8], b: u8) -> u64 {
    memchr::memchr_iter(b, bytes).count() as u64
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
    let text = without_dos_end(text);
    if let Some(not_text) = not_text(text) {
        let problem = match not_text {
            NotText::Utf16WithoutMark => FileProblem::Utf16WithoutMark,
            NotText::Zip => FileProblem::Workbook,
            NotText::Binary => FileProblem::NotText,
        };
        return Err(InputError::file(file, 0, problem));
    }
    // Excel's `sep=;` line names the delimiter and is no header; the lines after it keep the
    // file's own numbers.
    let (hint, text) = match separator_hint(text) {
        Some((delimiter, rest)) => (Some(delimiter), rest),
        None => (None, text),
    };
    let header_line = 1 + u64::from(hint.is_some());
    if text.trim().is_empty() {
        return Err(InputError::file(file, 0, FileProblem::Empty));
    }
    let delimiter = hint.unwrap_or_else(|| sniff_delimiter(text));
    let line_feeds = text.contains('\n');
    let readable = text.get(..reader_end(text, delimiter)).unwrap_or(text);
    let mut reader = RecordReader::new(delimiter, readable, line_feeds);
    let mut record = Record::default();
    if !reader.read(&mut record) {
        return Err(InputError::file(file, 0, FileProblem::Empty));
    }
    if let Some(problem) = oversized(&record) {
        return Err(problem.at(file, header_line, None));
    }
    let headers: Vec<String> = record.iter().map(|h| h.trim().to_string()).collect();
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let head = Header {
        file: file.to_string(),
        twins: twins(&keys),
        headers,
        keys,
        line: header_line,
        delimiter,
        question_mark_is_empty: false,
        formula_guards_undone: false,
    };
    // The header record ends after an ASCII line end (or at the end): a character boundary.
    let data_start = reader.byte().min(readable.len());
    // Lines end at line feeds, or in a file without any at bare CRs (see `RecordReader::new`).
    let line_end = if line_feeds { b'\n' } else { b'\r' };
    let first_line = header_line + count_byte(&readable.as_bytes()[..data_start], line_end);
    let data = readable.get(data_start..).unwrap_or_default();
    let rows = cut(delimiter, line_feeds, data, first_line, parts);
    Ok((head, rows))
}

/// The data rows of a later stretch of the file `head` was read from, cut into up to `parts`
/// pieces as [`scan_parts`] cuts them. `text` starts on a record boundary, on line `first_line`,
/// and the file has line feeds (it was cut at one).
pub fn scan_more<'t>(head: &Header, text: &'t str, first_line: u64, parts: usize) -> Vec<Rows<'t>> {
    let text = without_dos_end(text);
    let readable = text.get(..reader_end(text, head.delimiter)).unwrap_or(text);
    cut(head.delimiter, true, readable, first_line, parts)
}

/// `text` without a last Ctrl-Z (0x1A), the end-of-file mark of DOS that some old exporters
/// still write: no editor shows it, and read as a row it would be an error on a line nobody
/// can see. Only the file's very last character: one anywhere else is a cell's problem.
fn without_dos_end(text: &str) -> &str {
    text.strip_suffix('\u{1A}').unwrap_or(text)
}

/// For each column, another column with the same non-empty key, if any: the second one for
/// the first, the first one for any later one.
fn twins(keys: &[String]) -> Vec<Option<usize>> {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(keys.len());
    let mut twins = vec![None; keys.len()];
    for (i, key) in keys.iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        match first.entry(key) {
            Entry::Occupied(earlier) => {
                let f = *earlier.get();
                twins[i] = Some(f);
                twins[f].get_or_insert(i);
            }
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    twins
}

/// Cuts data rows into up to `parts` pieces at record boundaries (see [`scan_parts`]).
fn cut(
    delimiter: u8,
    line_feeds: bool,
    text: &str,
    first_line: u64,
    parts: usize,
) -> Vec<Rows<'_>> {
    let data = text.as_bytes();
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
                    b'\n' if quotes.is_multiple_of(2) && !before_byte_order_mark(data, i) => break,
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
    let mut line = first_line;
    let mut rows = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(data.len());
        // Cuts are just after line feeds: character boundaries.
        let piece = text.get(start..end).unwrap_or_default();
        rows.push(Rows::new(
            RecordReader::new(delimiter, piece, line_feeds),
            piece,
            line,
        ));
        if k + 1 < starts.len() {
            line += count_byte(piece.as_bytes(), b'\n');
        }
    }
    rows
}

/// Whether the line feed at `i` comes just before a byte-order mark, where no cut may be made:
/// a reader at the start of a piece drops the mark, where the reader of the whole file keeps it
/// as text (found by fuzzing).
pub(super) fn before_byte_order_mark(data: &[u8], i: usize) -> bool {
    data[i + 1..].starts_with(b"\xEF\xBB\xBF")
}

/// How much of `text` the CSV reader may see: all of it, unless some stretch of
/// [`MAX_FIELD_BYTES`] has no delimiter and no line break. Such a stretch lies inside one field,
/// so that field is too long; the text then ends just after the stretch, where the reader stops
/// within the field and [`oversized`] names its line and column, without the reader first
/// copying the rest of a 40 MB field into its buffer.
///
/// Only aligned stretches are looked at, each with a byte search that stops at the first line
/// break or delimiter (a few bytes into a normal file), so this costs next to nothing. A field
/// of up to twice the bound can fall between two stretches; [`oversized`] still finds it, after
/// the reader has buffered at most that much.
fn reader_end(text: &str, delimiter: u8) -> usize {
    let bytes = text.as_bytes();
    let window = MAX_FIELD_BYTES + 8;
    let mut start = 0;
    while start + window <= bytes.len() {
        let stretch = &bytes[start..start + window];
        let separated =
            stretch.contains(&b'\n') || stretch.contains(&delimiter) || stretch.contains(&b'\r');
        if !separated {
            // Past the stretch, stepping back out of a character: the field stays too long.
            let mut end = start + window;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            return end;
        }
        start += window;
    }
    bytes.len()
}

/// A record past the bounds of [`super::limits`], or with a quote never closed, and where.
struct Oversized {
    /// 1-based column of the field at fault; `None` for too many columns.
    column: Option<usize>,
    /// Lines from where the record starts to the fault.
    lines_in: u64,
    problem: FileProblem,
}

impl Oversized {
    fn at(self, file: &str, line: u64, column_name: Option<String>) -> InputError {
        InputError {
            file: file.to_string(),
            line: line + self.lines_in,
            column: self.column,
            column_name,
            problem: Box::new(self.problem),
        }
    }
}

/// Checks a record against the bounds: its number of fields, and each field's length; and for
/// a quote that opens a field and is never closed, which would silently take every line after
/// it into that one field. Only a record whose fields together pass the field bound is looked
/// at field by field.
fn oversized(record: &Record) -> Option<Oversized> {
    if let Some((field, lines_in)) = record.unclosed_quote() {
        return Some(Oversized {
            column: Some(field + 1),
            lines_in,
            problem: FileProblem::UnclosedQuote,
        });
    }
    if record.len() > MAX_COLUMNS {
        return Some(Oversized {
            column: None,
            lines_in: 0,
            problem: FileProblem::TooManyColumns {
                found: record.len(),
            },
        });
    }
    if record.byte_len() <= MAX_FIELD_BYTES {
        return None;
    }
    let (i, _) = record
        .iter()
        .enumerate()
        .find(|(_, f)| f.len() > MAX_FIELD_BYTES)?;
    Some(Oversized {
        column: Some(i + 1),
        lines_in: 0,
        problem: FileProblem::FieldTooLong,
    })
}

/// The data rows of a CSV file, read one at a time (see [`scan`]).
pub struct Rows<'t> {
    reader: RecordReader<'t>,
    record: Record,
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
    fn new(reader: RecordReader<'t>, text: &'t str, first_line: u64) -> Rows<'t> {
        Rows {
            reader,
            record: Record::default(),
            text: text.as_bytes(),
            first_line,
        }
    }

    fn over(head: &Header, text: &'t str, first_line: u64) -> Rows<'t> {
        Rows::new(
            RecordReader::new(head.delimiter, text, true),
            text,
            first_line,
        )
    }

    /// At least as many as the rows still to read (the line breaks left, plus one): enough room
    /// to reserve up front, so a 100,000-row export is not copied each time its list doubles.
    pub fn rows_left_at_most(&self) -> usize {
        let rest = self.text.get(self.reader.byte()..).unwrap_or_default();
        usize::try_from(count_byte(rest, b'\n'))
            .unwrap_or(usize::MAX)
            .saturating_add(1)
    }

    /// The next non-blank data row, `None` at the end, or an error for a malformed row.
    pub fn next_row(&mut self, head: &Header) -> Result<Option<RowRef<'_>>, InputError> {
        loop {
            if !self.reader.read(&mut self.record) {
                return Ok(None);
            }
            let oversized = oversized(&self.record);
            // Blank lines, and Excel's trailing ";;;;" rows (all fields are in one buffer).
            if oversized.is_none() && self.record.is_blank() {
                continue;
            }
            let line = {
                // Reading a record starts before the blank lines that come first.
                let (start, line) = self.record.start();
                let blank = self
                    .text
                    .get(start..)
                    .map_or(0, |rest| rest.iter().take_while(|&&b| b == b'\n').count());
                line + blank as u64 + self.first_line.saturating_sub(1)
            };
            if let Some(problem) = oversized {
                let name = problem
                    .column
                    .and_then(|c| head.headers.get(c - 1))
                    .cloned();
                return Err(problem.at(&head.file, line, name));
            }
            let separators = head.headers.len().saturating_sub(1);
            if let Some(s) = self.reader.swallowed_rows(&self.record, separators) {
                let (opened, closed) = (line + s.opened, line + s.closed);
                return Err(InputError {
                    file: head.file.clone(),
                    line: opened,
                    column: Some(s.field + 1),
                    column_name: head.headers.get(s.field).cloned(),
                    problem: Box::new(FileProblem::QuoteSpansRows { opened, closed }),
                });
            }
            let width = head.headers.len();
            if self.record.len() > width
                && self.record.iter().skip(width).any(|f| !f.trim().is_empty())
            {
                return Err(InputError {
                    file: head.file.clone(),
                    line,
                    column: Some(width + 1),
                    column_name: None,
                    problem: Box::new(FileProblem::TooManyFields {
                        fields: self.record.len(),
                        width,
                        delimiter: char::from(head.delimiter),
                    }),
                });
            }
            return Ok(Some(RowRef {
                line,
                record: &self.record,
                // One vectorised search of the record instead of one in each cell read (an
                // eighth of `wavegate score`'s instructions at 100,000 people).
                guards: self.record.holds(b'\''),
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tabular::Table;

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
        assert_eq!((second.line(), &*head.get(&second, number)), (4, "2"));
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
    fn a_field_past_the_bound_is_rejected_with_its_place() {
        let long = "x".repeat(MAX_FIELD_BYTES + 1);
        let text = format!("id,note\n1,fine\n2,\"{long}\"\n");
        let err = Table::parse("t.csv", &text).unwrap_err();
        assert_eq!((err.line, err.column), (3, Some(2)));
        assert_eq!(err.column_name.as_deref(), Some("note"));
        assert!(err.to_string().contains("at most 64 KiB"), "{err}");
        let huge = format!("id;note\n1;fine\n2;\"{}\"\n3;x\n", "é".repeat(5_000_000));
        let err = Table::parse("t.csv", &huge).unwrap_err();
        assert_eq!((err.line, err.column), (3, Some(2)), "{err}");
        let just = format!("id,note\n1,{}\n", "x".repeat(MAX_FIELD_BYTES));
        assert!(
            Table::parse("t.csv", &just).is_ok(),
            "64 KiB itself is fine"
        );
        let header = format!("id,{long}\n1,2\n");
        let err = Table::parse("t.csv", &header).unwrap_err();
        assert_eq!((err.line, err.column), (1, Some(2)));
    }

    #[test]
    fn more_columns_than_excel_holds_are_rejected() {
        let header: Vec<String> = (0..=MAX_COLUMNS).map(|i| format!("c{i}")).collect();
        let err = Table::parse("t.csv", &format!("{}\n", header.join(","))).unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.to_string().contains("at most 16384 columns"), "{err}");
        let row = format!("a,b\n1,2{}\n", ",".repeat(MAX_COLUMNS));
        let err = Table::parse("t.csv", &row).unwrap_err();
        assert_eq!(err.line, 2, "{err}");
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

    /// Every row's line and first cell, or the first error, over `parts` pieces.
    fn read_in(text: &str, parts: usize) -> Result<Vec<(u64, String)>, InputError> {
        let (head, pieces) = scan_parts("f.csv", text, parts)?;
        let mut out = Vec::new();
        for mut rows in pieces {
            while let Some(r) = rows.next_row(&head)? {
                out.push((r.line(), r.cell(0).to_string()));
            }
        }
        Ok(out)
    }

    #[test]
    fn a_quote_that_swallows_rows_is_refused_however_the_file_is_cut() {
        let mut text = String::from("id;date;note;team\r\n");
        for i in 0..40 {
            let note = match i {
                5 => "\"Kan niet inloggen",
                15 => "Scherm 24\" flikkert",
                _ => "ok",
            };
            text.push_str(&format!("{i};2027-01-12;{note};a\r\n"));
        }
        for parts in [1, 2, 3, 7] {
            let err = read_in(&text, parts).unwrap_err();
            assert_eq!((err.line, err.column), (7, Some(3)), "{parts} parts: {err}");
            assert_eq!(
                *err.problem,
                FileProblem::QuoteSpansRows {
                    opened: 7,
                    closed: 17
                }
            );
        }
        // Old Mac line ends count the same lines.
        let err = read_in(&text.replace("\r\n", "\r"), 1).unwrap_err();
        assert_eq!((err.line, err.column), (7, Some(3)), "{err}");
        // A quote that opens after blank lines names its own line.
        let text = "id;date;note;team\n1;a;b;c\n\n\n2;a;\"b;c\n3;a;b;c\n4;a;b\";c\n";
        let err = read_in(text, 1).unwrap_err();
        assert_eq!(
            *err.problem,
            FileProblem::QuoteSpansRows {
                opened: 5,
                closed: 7
            }
        );
    }

    #[test]
    fn quoted_lines_that_do_not_look_like_rows_are_one_cell() {
        for text in [
            // Typed text of several lines, a delimiter or two on each.
            "id;date;note;team\n1;a;\"een; twee\ndrie; vier\nvijf\";x\n2;a;b;c\n",
            // The field starts the row, and its last line holds the rest of the row.
            "id;date;note;team\n\"een\ntwee\";a;b;c\n2;a;b;c\n",
            // The field ends the row, and its first line is the start of the row.
            "id;date;note;team\n1;a;b;\"een\ntwee\"\n2;a;b;c\n",
            // A doubled quote is no closing quote.
            "id;date;note;team\n1;a;\"24\"\" scherm\nflikkert\";c\n2;a;b;c\n",
        ] {
            let rows = read_in(text, 1).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(rows.len(), 2, "{text:?}");
        }
    }

    #[test]
    fn the_separator_line_and_a_dos_end_mark_keep_the_file_s_lines() {
        let text = "sep=,\r\nid,x\r\n1,\"a\r\nb\"\r\n\r\n2,c\r\n\u{1a}";
        for parts in [1, 2, 3] {
            let rows = read_in(text, parts).unwrap();
            assert_eq!(
                rows,
                [(3, "1".to_string()), (6, "2".to_string())],
                "{parts}"
            );
        }
        let (head, _) = scan("f.csv", text).unwrap();
        assert_eq!((head.delimiter(), head.line()), (b',', 2));
        let err = Table::parse("f.csv", "sep=;\nid;x\n1;2;3\n").unwrap_err();
        assert_eq!((err.line, err.column), (3, Some(3)), "{err}");
    }

    #[test]
    fn a_byte_order_mark_inside_the_file_is_text_however_the_file_is_cut() {
        // Two exports pasted together: the second one's byte-order mark starts a line.
        let mut text = String::from("id,note\n");
        for i in 0..100 {
            let mark = if i % 10 == 0 { "\u{FEFF}" } else { "" };
            text.push_str(&format!("{mark}{i},x\n"));
        }
        let read = |parts: usize| {
            let (head, pieces) = scan_parts("f.csv", &text, parts).unwrap();
            let mut out = Vec::new();
            for mut rows in pieces {
                while let Some(r) = rows.next_row(&head).unwrap() {
                    out.push((r.line(), r.cell(0).to_string()));
                }
            }
            out
        };
        let whole = read(1);
        assert_eq!(whole[10], (12, "\u{FEFF}10".to_string()));
        for parts in 2..=12 {
            assert_eq!(read(parts), whole, "{parts} parts");
        }
    }
}
