//! From bytes to text: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's
//! "Unicode text", what Windows PowerShell's `Out-File` and `>` write), else Windows-1252; and
//! which delimiter the header line uses.

use super::{FileProblem, InputError};
use std::borrow::Cow;
use std::io::{Read, Seek};

/// The byte order of a UTF-16 text, from its byte-order mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Utf16 {
    /// `FF FE`: little-endian (what Windows writes).
    Le,
    /// `FE FF`: big-endian.
    Be,
}

/// Whether `bytes` start with a UTF-16 byte-order mark, and which. (Neither `FF` nor `FE` occurs
/// in UTF-8, so such a file is never read as UTF-8 first.)
pub fn utf16_mark(bytes: &[u8]) -> Option<Utf16> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(Utf16::Le),
        [0xFE, 0xFF, ..] => Some(Utf16::Be),
        _ => None,
    }
}

/// UTF-16 text after its byte-order mark; a lone surrogate or a last odd byte becomes U+FFFD.
fn decode_utf16(bytes: &[u8], order: Utf16) -> String {
    let units = bytes.chunks(2).map(|pair| match (pair, order) {
        ([a, b], Utf16::Le) => u16::from_le_bytes([*a, *b]),
        ([a, b], Utf16::Be) => u16::from_be_bytes([*a, *b]),
        // An odd byte at the end: not a character.
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// In `bytes` read as UTF-8: the characters of two bytes or more, and the sequences that are
/// not UTF-8. A sequence cut by the end counts as not UTF-8.
pub fn utf8_counts(bytes: &[u8]) -> (u64, u64) {
    let (mut multibyte, mut invalid) = (0u64, 0u64);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                multibyte += count_lead_bytes(valid.as_bytes());
                return (multibyte, invalid);
            }
            Err(e) => {
                multibyte += count_lead_bytes(&rest[..e.valid_up_to()]);
                invalid += 1;
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[e.valid_up_to() + skip..];
            }
        }
    }
}

/// The bytes that start a character of two bytes or more in valid UTF-8.
pub(crate) fn count_lead_bytes(valid: &[u8]) -> u64 {
    valid.iter().filter(|&&b| b >= 0xC0).count() as u64
}

/// Whether text with `multibyte` UTF-8 characters of two bytes or more and `invalid` sequences
/// that are not UTF-8 is UTF-8 with a few broken bytes rather than Windows-1252. A Windows-1252
/// file's accented letters are single bytes that UTF-8 refuses, and hardly ever happen to form
/// a valid sequence; one stray byte in a UTF-8 file must not turn every "ë" into "Ã«".
pub fn reads_as_utf8(multibyte: u64, invalid: u64) -> bool {
    invalid == 0 || multibyte > invalid
}

/// Decodes bytes as UTF-16 when they start with its byte-order mark, as UTF-8 (dropping a
/// byte-order mark; a few broken bytes become U+FFFD, see [`reads_as_utf8`]), else as
/// Windows-1252.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(order) = utf16_mark(bytes) {
        return decode_utf16(&bytes[2..], order);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (multibyte, invalid) = utf8_counts(bytes);
            if reads_as_utf8(multibyte, invalid) {
                String::from_utf8_lossy(bytes).into_owned()
            } else {
                bytes.iter().map(|&b| windows_1252(b)).collect()
            }
        }
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
    reader.read_to_end(&mut bytes).map_err(|e| {
        InputError::file(
            file,
            0,
            FileProblem::Unreadable {
                detail: e.to_string(),
            },
        )
    })?;
    Ok(decode_owned(bytes))
}

/// Bytes already in memory (a data directory the server holds), which the importers parse where
/// they are: reading them through `io::Read` would copy a 100 MB export before parsing it.
#[derive(Clone, Copy, Debug)]
pub struct InMemory<'a>(pub &'a [u8]);

/// A reader that can go back to where it started (a file), which an importer of a large export
/// may read in rounds ([`scan_rounds`](super::scan_rounds)) instead of holding it whole.
#[derive(Debug)]
pub struct Seekable<R>(pub R);

/// A reader that can seek, as one boxed type.
pub trait ReadSeek: Read + Seek + Send {}

impl<T: Read + Seek + Send> ReadSeek for T {}

/// What an importer reads from: the whole text, or a stream it may read in rounds.
pub enum Source<'a> {
    /// The whole text, decoded.
    Text(Cow<'a, str>),
    /// A [`Seekable`] reader.
    Stream(Box<dyn ReadSeek + 'a>),
}

/// What an importer takes: any reader (read into memory first), [`InMemory`] bytes, or a
/// [`Seekable`] reader.
pub trait IntoText<'a>: Sized {
    /// The whole text, decoded as [`decode_owned`] decodes it; `file` names it in an error.
    fn into_text(self, file: &str) -> Result<Cow<'a, str>, InputError>;

    /// The stream, for a reader that can be read in rounds; else the whole text.
    fn into_source(self, file: &str) -> Result<Source<'a>, InputError> {
        self.into_text(file).map(Source::Text)
    }
}

impl<'a, R: Read + Seek + Send + 'a> IntoText<'a> for Seekable<R> {
    fn into_text(self, file: &str) -> Result<Cow<'a, str>, InputError> {
        read_text(file, self.0).map(Cow::Owned)
    }

    fn into_source(self, _file: &str) -> Result<Source<'a>, InputError> {
        Ok(Source::Stream(Box::new(self.0)))
    }
}

impl<'a, R: Read> IntoText<'a> for R {
    fn into_text(self, file: &str) -> Result<Cow<'a, str>, InputError> {
        read_text(file, self).map(Cow::Owned)
    }
}

impl<'a> IntoText<'a> for InMemory<'a> {
    fn into_text(self, _file: &str) -> Result<Cow<'a, str>, InputError> {
        // UTF-8 is used where it is (a byte-order mark included, as `decode_owned` keeps it);
        // only another encoding is decoded into a copy.
        Ok(match std::str::from_utf8(self.0) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => Cow::Owned(decode_text(self.0)),
        })
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

/// Excel's separator hint, `sep=;` (or `sep=,`, or `sep=` and a tab) alone on the first line,
/// which Excel honours and several tools write: the delimiter it names and the text after that
/// line. Any other first line is no hint (`None`).
pub(super) fn separator_hint(text: &str) -> Option<(u8, &str)> {
    let head = text.get(..4)?;
    if !head.eq_ignore_ascii_case("sep=") {
        return None;
    }
    let delimiter = match text.as_bytes().get(4)? {
        d @ (b';' | b',' | b'\t') => *d,
        _ => return None,
    };
    let rest = &text[5..];
    let rest = if let Some(after) = rest.strip_prefix("\r\n") {
        after
    } else if let Some(after) = rest.strip_prefix(['\n', '\r']) {
        after
    } else if rest.is_empty() {
        rest
    } else {
        return None;
    };
    Some((delimiter, rest))
}

/// Why a text is no CSV file at all, judged from its first line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NotText {
    /// UTF-16 read without its byte-order mark: every other character a NUL.
    Utf16WithoutMark,
    /// A ZIP archive, such as an Excel workbook (`.xlsx`).
    Zip,
    /// Bytes no text file holds (random bytes, a gzip file, an image).
    Binary,
}

/// Whether the text's first line shows it is not text: a header line never holds a NUL, and
/// hardly ever a control character, while random bytes hold one in every ten or so. Only the
/// first line is looked at: a stray control character further on is a cell's problem, named
/// at its line and column.
pub(super) fn not_text(text: &str) -> Option<NotText> {
    if text.starts_with("PK\u{3}\u{4}") {
        return Some(NotText::Zip);
    }
    let line: Vec<char> = text.chars().take_while(|&c| c != '\n').take(4096).collect();
    let nuls = line.iter().filter(|&&c| c == '\0').count();
    // UTF-16 of ASCII text: a NUL after (little-endian) or before (big-endian) every letter.
    let pairs = line.len() / 2;
    let shaped = |nul_first: bool| {
        line.chunks_exact(2)
            .filter(|p| (p[0] == '\0') == nul_first && (p[1] == '\0') != nul_first)
            .count()
    };
    if pairs >= 2 && shaped(false).max(shaped(true)) * 10 >= pairs * 8 {
        return Some(NotText::Utf16WithoutMark);
    }
    let odd = line
        .iter()
        .filter(|&&c| {
            (c.is_control() && !matches!(c, '\t' | '\r')) || c == char::REPLACEMENT_CHARACTER
        })
        .count();
    (nuls > 0 || odd >= 3 || (odd > 0 && odd * 10 >= line.len())).then_some(NotText::Binary)
}

/// Picks `;` or `,` by counting each outside quotes on the header line.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
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

#[cfg(test)]
mod tests {
    use super::{Cow, InMemory, IntoText};
    use crate::tabular::Table;

    #[test]
    fn windows_1252_is_decoded() {
        let t = Table::read("r.csv", &b"naam\nJos\xe9 \x80\n"[..]).unwrap();
        let c = t.require(&["naam"]).unwrap();
        assert_eq!(t.get(&t.rows()[0], c), "José €");
    }

    /// `text` as UTF-16 with its byte-order mark, as Excel's "Unicode text" writes it.
    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        let mut out = if little_endian {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            out.extend(if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        out
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_either_way_round() {
        let text = "Person ID\tE-mail\tAfdeling\r\np1\tjosé@example.org\tFinanciën 🚀\r\n";
        for little_endian in [true, false] {
            let bytes = utf16(text, little_endian);
            let t = Table::read("roster.csv", &bytes[..]).unwrap();
            let (id, department) = (t.require(&["person_id"]), t.require(&["afdeling"]));
            assert_eq!(t.get(&t.rows()[0], id.unwrap()), "p1");
            assert_eq!(t.get(&t.rows()[0], department.unwrap()), "Financiën 🚀");
            assert_eq!(InMemory(&bytes).into_text("roster.csv").unwrap(), text);
        }
        // A lone surrogate or a cut last byte is a replacement character, not a failure.
        assert_eq!(
            super::decode_text(&[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b']),
            "a\u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn excel_s_separator_line_is_a_hint_and_nothing_else_is() {
        use super::separator_hint;
        assert_eq!(separator_hint("sep=;\r\na;b\n"), Some((b';', "a;b\n")));
        assert_eq!(separator_hint("Sep=,\na,b"), Some((b',', "a,b")));
        assert_eq!(separator_hint("sep=\t\ra\tb"), Some((b'\t', "a\tb")));
        assert_eq!(separator_hint("sep=;"), Some((b';', "")));
        for text in [
            "sep=|\na|b",
            "sep=;;\na",
            "sep=\na",
            "separator;b\n",
            "sep",
            "",
        ] {
            assert_eq!(separator_hint(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_first_line_of_nuls_or_controls_is_no_text() {
        use super::{NotText, not_text};
        for header in [
            "Person ID;E-mail;Wave\n\u{0}",
            "Jos\u{e9} \u{20ac};Financi\u{eb}n\tx\r\n",
            "naam;afdeling \u{fffd}\n",
            "",
        ] {
            assert_eq!(not_text(header), None, "{header:?}");
        }
        assert_eq!(
            not_text("P\u{0}e\u{0}r\u{0}s\u{0}o\u{0}n\u{0}\r\u{0}\n"),
            Some(NotText::Utf16WithoutMark)
        );
        assert_eq!(
            not_text("\u{0}P\u{0}e\u{0}r\u{0}s\u{0}o\u{0}n"),
            Some(NotText::Utf16WithoutMark)
        );
        assert_eq!(not_text("PK\u{3}\u{4}\u{14}"), Some(NotText::Zip));
        assert_eq!(not_text("\u{1f}\u{8b}\u{8}\u{0}abc"), Some(NotText::Binary));
        assert_eq!(not_text("a\u{7}b\u{1b}c\u{2}d,e,f"), Some(NotText::Binary));
    }

    #[test]
    fn bytes_in_memory_read_as_a_reader_reads_them_and_utf8_is_not_copied() {
        for bytes in [
            &b"naam\nJos\xc3\xa9\n"[..],
            b"\xEF\xBB\xBFnaam\nJos\xc3\xa9\n",
            b"naam\nJos\xe9 \x80\n",
        ] {
            let read = bytes.into_text("r.csv").unwrap();
            let held = InMemory(bytes).into_text("r.csv").unwrap();
            assert_eq!(read, held);
        }
        let utf8 = b"naam\nJos\xc3\xa9\n";
        assert!(matches!(
            InMemory(utf8).into_text("r.csv"),
            Ok(Cow::Borrowed(_))
        ));
    }
}
