//! Writing CSV that is safe to open in Excel or LibreOffice.
//!
//! A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return can be run as a formula
//! (CSV injection). Such cells get a leading `'`, which spreadsheets show as text. Plain numbers
//! such as `-3` or `-0.5` cannot be formulas and are left alone so they stay
//! numbers. [`restore`] undoes the escaping when Wavegate reads its own exports back.

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

/// Makes one cell safe: prefixes `'` to a cell a spreadsheet could run as a formula.
///
/// A cell that already starts with quotes followed by a trigger (`'=x`) gets one more quote, so
/// [`restore`] can tell it from an escaped cell and every text survives export and import.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let unquoted = cell.trim_start_matches('\'');
    let quoted = unquoted.len() != cell.len();
    if unquoted.starts_with(TRIGGERS) && (quoted || !is_plain_number(cell)) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Undoes [`neutralise`] for a cell read back from a Wavegate export.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(TRIGGERS) => rest,
        _ => cell,
    }
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
}
