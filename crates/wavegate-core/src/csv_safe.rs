//! Writing CSV that is safe to open in Excel or LibreOffice.
//!
//! A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return can be run as a formula
//! (CSV injection), and so can one starting with a full-width `＝`, `＋`, `－` or `＠`, or with
//! any of these after leading whitespace (some spreadsheets trim whitespace and fold full-width
//! signs). Such cells get a leading `'`, which spreadsheets show as text. Plain numbers such as
//! `-3` or `-0.5` cannot be formulas and are left alone so they stay numbers. Control characters
//! (other than tab and line breaks), bidi overrides, isolates and marks, and invisible
//! zero-width characters, which can hide what a cell says or what it starts with, are dropped
//! ([`crate::invisible`]).
//!
//! The same holds for every part of a cell after a `,`, a `;` or a line break, whichever
//! separator the file uses: Excel splits a file on the separator of the computer's region, so a
//! Dutch Excel cuts a comma file's `fine;=cmd|…` in two, and quoting cannot prevent it (a quoted
//! cell after one holding the other separator no longer starts a field, so its quotes are
//! literal and a line break in it ends the row). So `fine;=cmd` is written `fine;'=cmd`, and
//! `ok⏎=cmd` is written `ok⏎'=cmd`.
//! [`restore`] undoes the escaping when Wavegate reads its own exports back.

use crate::invisible::without_invisible;
use std::borrow::Cow;
use std::io::Write;

/// How a CSV export is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvOptions {
    /// Field delimiter: `,`, or `;` for Dutch Excel.
    pub delimiter: u8,
    /// Start with a UTF-8 byte-order mark so Excel detects the encoding.
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            delimiter: b',',
            bom: false,
        }
    }
}

impl CsvOptions {
    /// The settings Excel on a Dutch Windows opens correctly by double-click: `;` and a BOM.
    pub fn excel_nl() -> CsvOptions {
        CsvOptions {
            delimiter: b';',
            bom: true,
        }
    }
}

fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty()
        && digits.chars().any(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
}

const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
/// Full-width and small forms a spreadsheet may read as their ASCII trigger.
const WIDE_TRIGGERS: [char; 8] = [
    '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\u{FE66}', '\u{FE62}', '\u{FE63}', '\u{FE6B}',
];
/// Where a spreadsheet may start a cell inside one of ours: after either separator, or on the
/// next line once the quotes around a cell no longer count.
const SEPARATORS: [char; 3] = [',', ';', '\n'];

/// Whether a cell, or a part of one after a separator, (without its escaping quotes) could run
/// as a formula: a trigger or a full-width trigger first, or after leading whitespace and
/// double quotes (a part may open a quoted field when the line is split on the other
/// separator).
fn is_formula_like(unquoted: &str) -> bool {
    let starts_with_trigger = |s: &str| s.starts_with(TRIGGERS) || s.starts_with(WIDE_TRIGGERS);
    // Tab and carriage return are triggers and whitespace: test before trimming them away.
    starts_with_trigger(unquoted)
        || starts_with_trigger(unquoted.trim_start_matches(|c: char| c.is_whitespace() || c == '"'))
}

/// Whether one part of a cell gets a leading `'`.
fn needs_escape(part: &str) -> bool {
    let unquoted = part.trim_start_matches('\'');
    let quoted = unquoted.len() != part.len();
    is_formula_like(unquoted) && (quoted || !is_plain_number(part))
}

/// Makes one cell safe: prefixes `'` to the cell, and to each part of it after a separator,
/// that a spreadsheet could run as a formula.
///
/// A part that already starts with quotes followed by a trigger (`'=x`) gets one more quote,
/// so [`restore`] can tell it from an escaped one and every text survives export and import.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    // Characters that could make a cell read other than it is, or hide a trigger behind them.
    let cell = without_invisible(cell);
    if !cell.split(SEPARATORS).any(needs_escape) {
        return cell;
    }
    let mut out = String::with_capacity(cell.len() + 2);
    for part in cell.split_inclusive(SEPARATORS) {
        // `split_inclusive` keeps each separator at its part's end; test the part without it.
        let text = part.strip_suffix(SEPARATORS).unwrap_or(part);
        if needs_escape(text) {
            out.push('\'');
        }
        out.push_str(part);
    }
    Cow::Owned(out)
}

/// Undoes [`neutralise`] for a cell read back from a Wavegate export.
pub fn restore(cell: &str) -> Cow<'_, str> {
    // Every guard is a `'`; nearly no cell has one. One byte search instead of splitting every
    // cell of every file `wavegate score` reads (a quarter of its instructions at 100,000 people).
    if !cell.as_bytes().contains(&b'\'') {
        return Cow::Borrowed(cell);
    }
    let escaped = |part: &str| match part.strip_prefix('\'') {
        Some(rest) => is_formula_like(rest.trim_start_matches('\'')),
        None => false,
    };
    if !cell.split(SEPARATORS).any(escaped) {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    for part in cell.split_inclusive(SEPARATORS) {
        let text = part.strip_suffix(SEPARATORS).unwrap_or(part);
        out.push_str(if escaped(text) { &part[1..] } else { part });
    }
    Cow::Owned(out)
}

/// A cell read back from a Wavegate export as the text it stands for: without the characters no
/// exported cell carries, trimmed as every cell read is, and [`restore`]d, so that what is
/// stored from it exports and reads back unchanged.
pub fn read_back(cell: &str) -> String {
    restore(without_invisible(cell).trim()).into_owned()
}

/// A CSV writer whose every cell is neutralised; the only way the core writes CSV.
pub struct SafeCsvWriter<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> SafeCsvWriter<W> {
    /// Starts a CSV file on `out` (writing the BOM first when asked).
    pub fn new(mut out: W, options: CsvOptions) -> std::io::Result<SafeCsvWriter<W>> {
        if options.bom {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        let inner = csv::WriterBuilder::new()
            .delimiter(options.delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        Ok(SafeCsvWriter { inner })
    }

    /// Writes one row.
    pub fn row<I, S>(&mut self, cells: I) -> std::io::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        // Field by field, so a row is never copied (a merged responses file has a million).
        for c in cells {
            self.inner
                .write_field(neutralise(c.as_ref()).as_bytes())
                .map_err(std::io::Error::other)?;
        }
        self.inner
            .write_record(std::iter::empty::<&[u8]>())
            .map_err(std::io::Error::other)
    }

    /// Flushes and returns the underlying writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.inner
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_numbers_are_not() {
        for bad in [
            "=1+1",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-",
            "+",
        ] {
            assert_eq!(neutralise(bad), format!("'{bad}"), "{bad:?}");
            assert_eq!(restore(&neutralise(bad)), bad);
        }
        for ok in ["-3", "+4", "-0.5", "hello", "", "'quoted", "3-4"] {
            assert_eq!(neutralise(ok), ok, "{ok:?}");
            assert_eq!(restore(ok), ok);
        }
    }

    #[test]
    fn formulas_behind_whitespace_or_full_width_signs_are_defused_too() {
        for bad in [
            " =1+1",
            "\u{3000}=HYPERLINK(\"x\")",
            "\u{FF1D}1+1",
            "\u{FF0B}=cmd",
            "\u{FF0D}-2",
            "\u{FF20}x",
            " \u{FF1D}1",
            "\u{3000}\u{FF0B}cmd",
            "\t\u{FF20}x",
        ] {
            assert_eq!(neutralise(bad), format!("'{bad}"), "{bad:?}");
            assert_eq!(restore(&neutralise(bad)), bad);
        }
        for ok in [" hello", "a =b", " 3"] {
            assert_eq!(neutralise(ok), ok, "{ok:?}");
        }
        // Behind a line break, the part on the next line is escaped, as every line is.
        assert_eq!(neutralise("\n@SUM(A1)"), "\n'@SUM(A1)");
    }

    #[test]
    fn control_and_bidi_override_characters_are_dropped() {
        assert_eq!(neutralise("ab\u{202E}cd\u{0007}e"), "abcde");
        assert_eq!(neutralise("\u{2066}=1\u{2069}"), "'=1");
        assert_eq!(neutralise("two\nlines\tand tab"), "two\nlines\tand tab");
    }

    #[test]
    fn bidi_marks_and_invisible_characters_are_dropped_so_a_trigger_behind_them_is_seen() {
        for mark in ['\u{061C}', '\u{200E}', '\u{200F}', '\u{200B}', '\u{FEFF}'] {
            assert_eq!(neutralise(&format!("a{mark}b")), "ab", "{mark:?}");
            assert_eq!(neutralise(&format!("{mark}=1+1")), "'=1+1", "{mark:?}");
            assert_eq!(read_back(&format!("{mark}klaar")), "klaar", "{mark:?}");
        }
        // Joiners stay: they make up emoji and some scripts' words.
        assert_eq!(neutralise("👩\u{200D}💻"), "👩\u{200D}💻");
    }

    #[test]
    fn a_cell_read_back_drops_what_no_export_carries() {
        assert_eq!(read_back("'=1+1"), "=1+1");
        assert_eq!(read_back("\u{1b}[2Jklaar\u{202E}"), "[2Jklaar");
        assert_eq!(read_back("regel 1\nregel 2"), "regel 1\nregel 2");
        // A control character behind a line end does not keep the line end in the text.
        assert_eq!(read_back("klaar.\r\u{e}"), "klaar.");
        assert_eq!(neutralise(&read_back("\u{1b}[2J")), read_back("\u{1b}[2J"));
    }

    #[test]
    fn texts_that_look_escaped_survive_a_round_trip() {
        for text in ["'=1+1", "''-x", "'-3", "'@home", "'", "''"] {
            assert_eq!(restore(&neutralise(text)), text, "{text:?}");
        }
        assert_eq!(neutralise("'=1"), "''=1");
    }

    #[test]
    fn writer_escapes_every_cell_and_writes_a_bom() {
        let mut w = SafeCsvWriter::new(Vec::new(), CsvOptions::excel_nl()).unwrap();
        w.row(["a", "=HYPERLINK(\"x\")"]).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(out, "\u{FEFF}a;\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    }

    /// What a spreadsheet splitting on `separator` makes of `out`'s first line.
    fn cells_split_on(out: &[u8], separator: u8) -> Vec<String> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(out);
        let record = reader.records().next().unwrap().unwrap();
        record.iter().map(str::to_string).collect()
    }

    #[test]
    fn a_formula_behind_the_other_separator_does_not_run_in_a_spreadsheet_of_another_region() {
        let cells = [
            "fine;=cmd|' /C calc'!A0;ok",
            "fine,=1+1,ok",
            "a, -b",
            "x;\"@y",
        ];
        for options in [CsvOptions::default(), CsvOptions::excel_nl()] {
            let mut w = SafeCsvWriter::new(
                Vec::new(),
                CsvOptions {
                    bom: false,
                    ..options
                },
            )
            .unwrap();
            w.row(cells).unwrap();
            let out = w.finish().unwrap();
            // Opened with either separator, as Excel does by the computer's region, no cell
            // starts with a formula.
            for separator in [b',', b';'] {
                for cell in cells_split_on(&out, separator) {
                    assert!(
                        !is_formula_like(&cell),
                        "{cell:?} in {}",
                        String::from_utf8_lossy(&out)
                    );
                }
            }
            // Read with the file's own separator, every text comes back.
            let read: Vec<String> = cells_split_on(&out, options.delimiter)
                .iter()
                .map(|c| read_back(c))
                .collect();
            assert_eq!(read, cells);
        }
        assert_eq!(neutralise("fine;=cmd"), "fine;'=cmd");
        assert_eq!(neutralise("4,-5"), "4,-5", "numbers stay numbers");
    }

    #[test]
    fn a_formula_on_a_later_line_of_a_cell_does_not_run_either() {
        assert_eq!(neutralise("ok\n=1+1;x\n=1+1,x"), "ok\n'=1+1;x\n'=1+1,x");
        assert_eq!(neutralise("ok\r\n@SUM(A1)"), "ok\r\n'@SUM(A1)");
        assert_eq!(neutralise("line one\nline two"), "line one\nline two");
        for cell in ["ok\n=1+1;x", "a\r\n\n-b"] {
            assert_eq!(restore(&neutralise(cell)), cell);
        }
    }

    #[test]
    fn small_form_signs_are_triggers_too() {
        for sign in ['\u{FE66}', '\u{FE62}', '\u{FE63}', '\u{FE6B}'] {
            let cell = format!("{sign}1+1");
            assert_eq!(neutralise(&cell), format!("'{cell}"));
        }
    }

    proptest::proptest! {
        #[test]
        fn every_text_survives_export_and_import(text in "[ ',;=+@\"a1\n-]{0,12}") {
            let exported = neutralise(&text);
            proptest::prop_assert_eq!(restore(&exported), text.as_str());
        }

        #[test]
        fn no_part_of_an_exported_cell_starts_a_formula(text in "[ ',;=+@\"a1\n-]{0,12}") {
            let cell = neutralise(&text);
            for part in cell.split(SEPARATORS) {
                proptest::prop_assert!(!is_formula_like(part) || is_plain_number(part), "{:?} of {:?}", part, cell);
            }
        }
    }
}
