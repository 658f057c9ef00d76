//! CSV records read straight from text in memory with `csv_core`. The csv crate's reader first
//! copies its input through an 8 KiB buffer; for 100 MB of exports that copy was a tenth of the
//! whole run. Records, positions and line numbers are the ones the csv crate gives.

use super::limits::MAX_COLUMNS;
use csv_core::ReadRecordResult;

/// Reads records from `input`, which it never copies.
pub(super) struct RecordReader<'t> {
    core: csv_core::Reader,
    input: &'t str,
    delimiter: u8,
    /// Records end at a line feed (see [`RecordReader::new`]).
    line_feeds: bool,
    /// Whether `core` has been given input yet: until then it drops a byte-order mark at the
    /// start of what it is given, wherever that is.
    core_has_read: bool,
    /// Bytes of `input` consumed.
    byte: usize,
    /// The line the next record starts on, from 1.
    line: u64,
}

impl<'t> RecordReader<'t> {
    /// Records end at a line feed; the CR of a Windows line end stays on the last field, where
    /// trimming removes it (with CR/LF handling the csv crate's line numbers come out one short
    /// in Windows files). Old Mac files with bare CRs keep CR/LF handling.
    pub(super) fn new(delimiter: u8, input: &'t str, has_line_feeds: bool) -> RecordReader<'t> {
        let terminator = if has_line_feeds {
            csv_core::Terminator::Any(b'\n')
        } else {
            csv_core::Terminator::CRLF
        };
        RecordReader {
            core: csv_core::ReaderBuilder::new()
                .delimiter(delimiter)
                .terminator(terminator)
                .build(),
            input,
            delimiter,
            line_feeds: has_line_feeds,
            core_has_read: false,
            byte: 0,
            line: 1,
        }
    }

    /// Bytes of the input read so far.
    pub(super) fn byte(&self) -> usize {
        self.byte
    }

    /// Reads the next record into `record`; `false` at the end of the input.
    pub(super) fn read(&mut self, record: &mut Record) -> bool {
        record.start = (self.byte, self.line);
        match self.read_plain_line(record) {
            Some(found) => found,
            None => self.read_with_state_machine(record),
        }
    }

    /// The next record when it is a plain line: blank lines skipped, then a line with no quote
    /// in it, split at its delimiters with a byte search. Most rows of large exports are such
    /// lines, and `csv_core`'s state machine, byte by byte, was a third of a 100,000-person
    /// evaluation. `None` leaves the record to the state machine, from the record's first byte:
    /// between records `csv_core` holds no state but its line count, which `line` keeps here.
    fn read_plain_line(&mut self, record: &mut Record) -> Option<bool> {
        // A byte-order mark opening the input is `csv_core`'s to drop.
        let opens_with_mark = self.byte == 0 && self.input.starts_with('\u{FEFF}');
        if !self.line_feeds || !self.delimiter.is_ascii() || opens_with_mark {
            return None;
        }
        loop {
            let rest = self.input.get(self.byte..)?;
            if rest.is_empty() {
                return Some(false);
            }
            // One search over the line for its delimiters, its end, and any quote.
            record.ends.clear();
            record.beyond = 0;
            let mut end = rest.len();
            let bytes = rest.as_bytes();
            for i in memchr::memchr3_iter(self.delimiter, b'\n', b'"', bytes) {
                match bytes[i] {
                    b'\n' => {
                        end = i;
                        break;
                    }
                    b'"' => return None,
                    _ => record.push_end(i),
                }
            }
            let terminated = end < rest.len();
            self.byte += end + usize::from(terminated);
            self.line += u64::from(terminated);
            // An empty line is no record, as in `csv_core`.
            if end == 0 {
                continue;
            }
            record.push_end(end);
            record.text.clear();
            record.text.push_str(rest.get(..end)?);
            record.separated = true;
            record.unclosed = None;
            return Some(true);
        }
    }

    /// The next record, read by `csv_core`: quoted fields, bare-CR line ends.
    fn read_with_state_machine(&mut self, record: &mut Record) -> bool {
        let mut out = std::mem::take(&mut record.text).into_bytes();
        out.resize(out.capacity().max(256), 0);
        record.ends.resize(record.ends.capacity().max(16), 0);
        let input = self.input.as_bytes();
        let (mut written, mut fields) = (0, 0);
        let found = loop {
            let line_before = self.core.line();
            let mut rest = input.get(self.byte..).unwrap_or_default();
            if !self.core_has_read && self.byte > 0 {
                // Plain lines came first: one byte alone, so that a mark here stays text.
                rest = rest.get(..1).unwrap_or_default();
                self.core_has_read = true;
            }
            let (result, read, wrote, ended) =
                self.core
                    .read_record(rest, &mut out[written..], &mut record.ends[fields..]);
            self.core_has_read = true;
            // `csv_core` counts line feeds only: in a file of bare CRs (an old Mac's) every
            // row would be line 1, so there the CRs read are the lines.
            self.line += if self.line_feeds {
                self.core.line() - line_before
            } else {
                let consumed = input.get(self.byte..self.byte + read).unwrap_or_default();
                memchr::memchr_iter(b'\r', consumed).count() as u64
            };
            self.byte += read;
            written += wrote;
            fields += ended;
            match result {
                // The input is all there: the next call, with nothing left, ends the record.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => {
                    let len = record.ends.len();
                    record.ends.resize(len * 2, 0);
                }
                ReadRecordResult::Record => break true,
                ReadRecordResult::End => break false,
            }
        };
        out.truncate(written);
        record.ends.truncate(if found { fields } else { 0 });
        record.beyond = 0;
        // Only a record that runs to the end of the input can hold a quote never closed:
        // `csv_core` would have read the rest of the file into that one field.
        record.unclosed = if found && self.byte >= input.len() {
            input
                .get(record.start.0..)
                .and_then(|raw| unclosed_quote(raw, self.delimiter))
        } else {
            None
        };
        // The fields are the input (text) without quotes and separators, which are ASCII and so
        // never inside a character: they are text too. Should that ever fail, nothing is lost
        // but the record's characters that are not text.
        record.text = String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        record.separated = false;
        found
    }
}

/// A quoted field that runs over line breaks and encloses what looks like rows of their own
/// (see [`RecordReader::swallowed_rows`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct SwallowedRows {
    /// The field's index.
    pub(super) field: usize,
    /// Line breaks between the record's first line and the opening quote.
    pub(super) opened: u64,
    /// Line breaks between the record's first line and the closing quote.
    pub(super) closed: u64,
}

impl RecordReader<'_> {
    /// For the record just read: a quoted field that spans line breaks and whose text looks
    /// like whole rows, which is what a quote opened by mistake does (RFC 4180 takes every
    /// line up to the next quote anywhere into that field). A field looks so when a whole
    /// line inside it has at least `separators` delimiters (as many as the header has), or
    /// when the line it opens on and the line it closes on both do and the field's own text
    /// on those two lines holds that many too: a cell of several lines that someone typed
    /// hardly ever has that many. The first needs `separators` of 2 or more, the second 3 or
    /// more: in a narrower file a line or two of typed text with a comma in each would pass
    /// for a row.
    pub(super) fn swallowed_rows(
        &self,
        record: &Record,
        separators: usize,
    ) -> Option<SwallowedRows> {
        if record.separated || separators < 2 {
            return None;
        }
        let raw = self.input.as_bytes().get(record.start.0..self.byte)?;
        let line_end = if self.line_feeds { b'\n' } else { b'\r' };
        swallowed_rows(raw, self.delimiter, line_end, separators)
    }
}

/// [`RecordReader::swallowed_rows`] on the raw text of one record (blank lines before it
/// included, as the reader read them).
fn swallowed_rows(
    raw: &[u8],
    delimiter: u8,
    line_end: u8,
    separators: usize,
) -> Option<SwallowedRows> {
    let start = raw.iter().take_while(|&&b| b == line_end).count();
    let body = raw.get(start..)?;
    let inner = body.strip_suffix(&[line_end]).unwrap_or(body);
    // Most quoted records are one line: nothing to look at.
    memchr::memchr(line_end, inner)?;
    let delimiters = |bytes: &[u8]| memchr::memchr_iter(delimiter, bytes).count();
    // The whole line around `at`, quotes or not.
    let line_of = |at: usize| {
        let from = memchr::memrchr(line_end, &body[..at]).map_or(0, |p| p + 1);
        let to = memchr::memchr(line_end, &body[at..]).map_or(body.len(), |p| at + p);
        &body[from..to]
    };
    let (mut field, mut breaks, mut at_start) = (0usize, 0u64, true);
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if b == b'"' && at_start {
            let (open, opened) = (i, breaks);
            let mut line_start = None;
            let mut close = None;
            i += 1;
            while i < body.len() {
                match body[i] {
                    b'"' if body.get(i + 1) == Some(&b'"') => i += 1,
                    b'"' => {
                        close = Some(i);
                        break;
                    }
                    b if b == line_end => {
                        // A whole line inside the field, from one break to the next.
                        if let Some(from) = line_start
                            && delimiters(&body[from..i]) >= separators
                        {
                            return Some(SwallowedRows {
                                field,
                                opened,
                                closed: breaks + 1 + count(body, i + 1, line_end),
                            });
                        }
                        line_start = Some(i + 1);
                        breaks += 1;
                    }
                    _ => {}
                }
                i += 1;
            }
            // Never closed: `UnclosedQuote`'s to report.
            let close = close?;
            // One row swallowed whole: the line the quote opens on and the one it closes on
            // each read as a row, and the field's text on them holds as many delimiters as a
            // row (the rest of the first row, the start of the last).
            let first_break = memchr::memchr(line_end, &body[open..close]).map(|p| open + p);
            if let (Some(from), Some(to)) = (line_start, first_break)
                && separators >= 3
                && delimiters(&body[open..to]) + delimiters(&body[from..close]) >= separators
                && delimiters(line_of(open)) >= separators
                && delimiters(line_of(close)) >= separators
            {
                return Some(SwallowedRows {
                    field,
                    opened,
                    closed: breaks,
                });
            }
            at_start = false;
        } else if b == delimiter {
            field += 1;
            at_start = true;
        } else {
            breaks += u64::from(b == line_end);
            at_start = false;
        }
        i += 1;
    }
    None
}

/// Line breaks from `from` up to the quote that closes the field being read there.
fn count(body: &[u8], from: usize, line_end: u8) -> u64 {
    let mut breaks = 0;
    let mut i = from;
    while i < body.len() {
        match body[i] {
            b'"' if body.get(i + 1) == Some(&b'"') => i += 1,
            b'"' => break,
            b if b == line_end => breaks += 1,
            _ => {}
        }
        i += 1;
    }
    breaks
}

/// In the raw text of a record that runs to the end of the input, the quote that opens a field
/// and is never closed, as `csv_core` reads quotes (RFC 4180): only a quote at a field's start
/// opens one, `""` inside stays a quote, and the first lone quote closes it. Gives the field's
/// index and the line breaks between the record's first line (blank lines before it skipped,
/// as the row's line number skips them) and the quote.
fn unclosed_quote(raw: &[u8], delimiter: u8) -> Option<(usize, u64)> {
    let (mut field, mut breaks, mut at_start) = (0usize, 0u64, true);
    let mut open = None;
    let mut i = raw.iter().take_while(|&&b| b == b'\n').count();
    while i < raw.len() {
        let b = raw[i];
        if open.is_some() {
            match b {
                b'"' if raw.get(i + 1) == Some(&b'"') => i += 1,
                b'"' => open = None,
                b'\n' => breaks += 1,
                _ => {}
            }
        } else if b == b'"' && at_start {
            open = Some((field, breaks));
        } else if b == delimiter {
            field += 1;
            at_start = true;
            i += 1;
            continue;
        }
        at_start = false;
        i += 1;
    }
    open
}

/// One record: its fields, one after another in `text`, and where it started.
#[derive(Clone, Debug, Default)]
pub(super) struct Record {
    text: String,
    /// Where each field ends in `text`.
    ends: Vec<usize>,
    /// Whether one delimiter byte stands between the fields in `text` (a plain line as it was
    /// written) rather than nothing (fields as `csv_core` writes them, unquoted).
    separated: bool,
    /// Byte (in the reader's input) and line where reading this record began.
    start: (usize, u64),
    /// A quote that opens a field and is never closed: the field's index and the line breaks
    /// between the record's start and the quote.
    unclosed: Option<(usize, u64)>,
    /// Fields counted past [`MAX_COLUMNS`] + 1 but not kept: a record that has them is refused
    /// for its width, and a line of fifty million delimiters kept them all (400 MB of ends).
    beyond: usize,
}

impl Record {
    /// Whether any field holds `byte`.
    pub(super) fn holds(&self, byte: u8) -> bool {
        memchr::memchr(byte, self.text.as_bytes()).is_some()
    }

    /// The number of fields.
    pub(super) fn len(&self) -> usize {
        self.ends.len() + self.beyond
    }

    /// Ends a field at `end`, or only counts it once the record is too wide to be read.
    fn push_end(&mut self, end: usize) {
        if self.ends.len() <= MAX_COLUMNS {
            self.ends.push(end);
        } else {
            self.beyond += 1;
        }
    }

    /// Field `i`, if there is one.
    pub(super) fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            None => 0,
            Some(before) => self.ends[before] + usize::from(self.separated),
        };
        self.text.get(start..end)
    }

    /// The fields in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// At least the length of the longest field: the bytes of all fields, with any
    /// delimiters between them.
    pub(super) fn byte_len(&self) -> usize {
        self.text.len()
    }

    /// Whether every field is empty or white space (a blank line, or Excel's `;;;;`).
    pub(super) fn is_blank(&self) -> bool {
        // Nearly every record's first field begins with a visible character: then it is not
        // blank, with no field trimmed to tell (asked of every record of every file read).
        let opens_visibly =
            (self.get(0).and_then(|f| f.as_bytes().first())).is_some_and(u8::is_ascii_graphic);
        !opens_visibly && self.iter().all(|field| field.trim().is_empty())
    }

    /// A quote opening field `.0` that is never closed, `.1` line breaks after the record's
    /// start (blank lines before it counted in).
    pub(super) fn unclosed_quote(&self) -> Option<(usize, u64)> {
        self.unclosed
    }

    /// Byte (in the reader's input) and line where reading this record began; blank lines
    /// before it are counted in, as with the csv crate.
    pub(super) fn start(&self) -> (usize, u64) {
        self.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record as the csv crate reads it: fields, start byte and start line.
    fn by_csv_crate(text: &str, delimiter: u8, lf: bool) -> Vec<(Vec<String>, u64, u64)> {
        let terminator = if lf {
            csv::Terminator::Any(b'\n')
        } else {
            csv::Terminator::CRLF
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .terminator(terminator)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut out = Vec::new();
        while reader.read_record(&mut record).unwrap() {
            let p = record.position().unwrap();
            out.push((
                record.iter().map(String::from).collect(),
                p.byte(),
                p.line(),
            ));
        }
        out
    }

    fn by_us(text: &str, delimiter: u8, lf: bool) -> Vec<(Vec<String>, u64, u64)> {
        let mut reader = RecordReader::new(delimiter, text, lf);
        let mut record = Record::default();
        let mut out = Vec::new();
        while reader.read(&mut record) {
            let (byte, line) = record.start();
            out.push((record.iter().map(String::from).collect(), byte as u64, line));
        }
        out
    }

    proptest::proptest! {
        /// Plain lines take the byte-search path and quoted ones the state machine, in any
        /// mix: records, start bytes and lines stay the csv crate's.
        #[test]
        fn any_mix_of_plain_and_quoted_lines_reads_as_the_csv_crate_reads_it(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "é", ";", ",", "\n", "\r\n", "\r", "\"", "\"\"", " ", "\t", "",
                    "x;y", "\u{FEFF}",
                ]),
                0..60,
            ),
            delimiter in proptest::sample::select(vec![b';', b',', b'\t']),
        ) {
            let text: String = pieces.concat();
            for lf in [true, false] {
                // Bare CRs end records only in a file without line feeds (`scan_parts`).
                if !lf && text.contains('\n') {
                    continue;
                }
                let mut expected = by_csv_crate(&text, delimiter, lf);
                if !lf {
                    // The csv crate counts line feeds only; a file of bare CRs counts its CRs.
                    for (_, byte, line) in &mut expected {
                        let before = &text.as_bytes()[..*byte as usize];
                        *line = 1 + memchr::memchr_iter(b'\r', before).count() as u64;
                    }
                }
                proptest::prop_assert_eq!(by_us(&text, delimiter, lf), expected);
            }
        }
    }

    /// A line far wider than any file may be is counted, not kept: its fields' ends stop at
    /// the bound. Before, fifty million delimiters took 400 MB before the width was refused.
    #[test]
    fn a_line_too_wide_to_read_is_counted_not_kept() {
        let text = format!("a;b\n{}\n", ";".repeat(3 * MAX_COLUMNS));
        let mut reader = RecordReader::new(b';', &text, true);
        let mut record = Record::default();
        assert!(reader.read(&mut record));
        assert_eq!(record.len(), 2);
        assert!(reader.read(&mut record));
        assert_eq!(record.len(), 3 * MAX_COLUMNS + 1);
        assert_eq!(record.ends.len(), MAX_COLUMNS + 1);
        assert!(!reader.read(&mut record));
    }

    #[test]
    fn a_file_of_bare_crs_numbers_its_lines() {
        let text = "id;wave\rA1;pilot\r\"B\r1\";pilot\rC1;wave-9\r";
        let lines: Vec<u64> = by_us(text, b';', false).iter().map(|r| r.2).collect();
        assert_eq!(lines, [1, 2, 3, 5]);
    }

    #[test]
    fn records_are_read_as_the_csv_crate_reads_them() {
        let long = "x".repeat(700);
        let many = vec!["f"; 40].join(";");
        for text in [
            "\u{FEFF}a;b\r\n1;\"two\nlines; \"\"q\"\"\"\r\n\r\n\n3;é\n".to_string(),
            "a;b\n\"unclosed;x\n4;5".to_string(),
            format!("a;b\n{long};{many}\n\n;;;\n  \n"),
            "a;b\rc;d\r\"e\r\";f".to_string(),
            String::new(),
            "\n\n\n".to_string(),
        ] {
            // Bare CRs end records only in a file without line feeds (`scan_parts`); there the
            // lines are the CRs (see above), which the csv crate does not count.
            let lf = text.contains('\n');
            let expected = by_csv_crate(&text, b';', lf);
            let ours = by_us(&text, b';', lf);
            let without_lines = |r: &[(Vec<String>, u64, u64)]| {
                r.iter()
                    .map(|(f, b, l)| (f.clone(), *b, if lf { *l } else { 0 }))
                    .collect::<Vec<_>>()
            };
            assert_eq!(without_lines(&ours), without_lines(&expected), "{text:?}");
        }
    }
}
