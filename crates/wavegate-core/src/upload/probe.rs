//! How an uploaded file is written: its encoding, delimiter, header and which generation of a
//! source system's export it is, worked out from the bytes as they stream in.

use super::FileKind;
use crate::i18n::Text;
use crate::tabular::{self, header_key};
use serde::{Deserialize, Serialize};

/// How much of the start of a file is kept to read its header from.
const HEAD_BYTES: usize = 64 * 1024;

/// The text encoding the importers read the file in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// UTF-8 starting with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// Not UTF-8, read as Windows-1252 (Excel's plain "CSV" on a Dutch Windows).
    Windows1252,
    /// UTF-16 little-endian with a byte-order mark (Excel's "Unicode text", Windows PowerShell's
    /// `Out-File`).
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
}

/// The field delimiter found on the header line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    /// `,`
    Comma,
    /// `;`
    Semicolon,
    /// A tab.
    Tab,
}

/// Which generation of a source system's export the header is: the same data under different
/// column names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderGeneration {
    /// Intune admin center export: labels such as `Primary user UPN`, `Enrollment date`.
    IntuneConsole,
    /// Microsoft Graph / report API export: compact names such as `UPN`, `ComplianceState`.
    IntuneGraph,
    /// ServiceNow list export with display labels (`Number`, `Opened`, `Caller`).
    ServicenowLabels,
    /// ServiceNow export with field names (`number`, `opened_at`, `caller_id`).
    ServicenowFieldNames,
}

impl HeaderGeneration {
    /// What it is, in words.
    pub fn describe(self) -> Text {
        match self {
            HeaderGeneration::IntuneConsole => Text::new(
                "Intune-beheercentrum (kolomnamen zoals ‘Primary user UPN’)",
                "Intune admin center (column names such as ‘Primary user UPN’)",
            ),
            HeaderGeneration::IntuneGraph => Text::new(
                "Microsoft Graph-rapport (korte kolomnamen zoals ‘UPN’)",
                "Microsoft Graph report (compact column names such as ‘UPN’)",
            ),
            HeaderGeneration::ServicenowLabels => Text::new(
                "ServiceNow met weergavenamen (‘Number’, ‘Opened’)",
                "ServiceNow with display labels (‘Number’, ‘Opened’)",
            ),
            HeaderGeneration::ServicenowFieldNames => Text::new(
                "ServiceNow met veldnamen (‘number’, ‘opened_at’)",
                "ServiceNow with field names (‘number’, ‘opened_at’)",
            ),
        }
    }

    /// The generation of a header, when the kind has more than one.
    pub fn of(kind: FileKind, headers: &[String]) -> Option<HeaderGeneration> {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let has = |names: &[&str]| names.iter().any(|n| keys.iter().any(|k| k == n));
        match kind {
            // No source system writes these in generations worth telling apart.
            FileKind::Roster | FileKind::Responses | FileKind::Training => None,
            FileKind::Devices | FileKind::EnrollmentFailures => {
                if has(&[
                    "primary_user_upn",
                    "enrollment_date",
                    "failure_date_time",
                    "user_principal_name",
                ]) {
                    Some(HeaderGeneration::IntuneConsole)
                } else if has(&[
                    "primaryuserupn",
                    "upn",
                    "userprincipalname",
                    "compliancestate",
                    "enrollmentfailuredatetime",
                ]) {
                    Some(HeaderGeneration::IntuneGraph)
                } else {
                    None
                }
            }
            FileKind::Tickets => {
                if has(&[
                    "opened_at",
                    "caller_id",
                    "sys_created_on",
                    "sys_updated_on",
                    "sys_updated_at",
                ]) {
                    Some(HeaderGeneration::ServicenowFieldNames)
                } else if has(&["opened", "caller"]) {
                    Some(HeaderGeneration::ServicenowLabels)
                } else {
                    None
                }
            }
        }
    }
}

/// How a file is written, once all of it has been seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileShape {
    /// Its size in bytes.
    pub bytes: u64,
    /// The encoding the importers read it in.
    pub encoding: Encoding,
    /// The delimiter of the header line; `None` for an empty file.
    pub delimiter: Option<Delimiter>,
    /// The header as written (trimmed).
    pub headers: Vec<String>,
    /// Byte sequences that are not UTF-8 in a file read as UTF-8 (each read as U+FFFD).
    #[serde(default)]
    pub replaced: u64,
}

/// Watches a file's bytes go by, in chunks of any size, and keeps only its start and whether it
/// is UTF-8 so far: a 200 MB upload is never held for this.
#[derive(Clone, Debug, Default)]
pub struct Probe {
    head: Vec<u8>,
    bytes: u64,
    /// Characters of two bytes or more, and sequences that are not UTF-8, so far.
    multibyte: u64,
    invalid: u64,
    /// The bytes of a UTF-8 sequence cut by the end of the previous chunk (at most 3).
    pending: Vec<u8>,
}

impl Probe {
    /// A probe that has seen nothing.
    pub fn new() -> Probe {
        Probe::default()
    }

    /// Sees the next chunk of the file.
    pub fn feed(&mut self, chunk: &[u8]) {
        self.bytes += chunk.len() as u64;
        if self.head.len() < HEAD_BYTES {
            let take = (HEAD_BYTES - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
        }
        if self.pending.is_empty() {
            self.check_utf8(chunk);
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(chunk);
            self.check_utf8(&joined);
        }
    }

    fn check_utf8(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    self.multibyte += tabular::count_lead_bytes(valid.as_bytes());
                    return;
                }
                Err(e) => {
                    let at = e.valid_up_to();
                    self.multibyte += tabular::count_lead_bytes(&rest[..at]);
                    match e.error_len() {
                        // Cut by the chunk's end: keep the start of the sequence for the next
                        // chunk.
                        None => {
                            self.pending = rest[at..].to_vec();
                            return;
                        }
                        Some(n) => {
                            self.invalid += 1;
                            rest = &rest[at + n..];
                        }
                    }
                }
            }
        }
    }

    /// What the file looks like.
    pub fn finish(self) -> FileShape {
        // A sequence cut by the end of the file is not UTF-8 either.
        let invalid = self.invalid + u64::from(!self.pending.is_empty());
        let utf8 = tabular::reads_as_utf8(self.multibyte, invalid);
        let bom = self.head.starts_with(b"\xEF\xBB\xBF");
        let encoding = match (tabular::utf16_mark(&self.head), utf8, bom) {
            (Some(tabular::Utf16::Le), _, _) => Encoding::Utf16Le,
            (Some(tabular::Utf16::Be), _, _) => Encoding::Utf16Be,
            (None, true, true) => Encoding::Utf8Bom,
            (None, true, false) => Encoding::Utf8,
            (None, false, _) => Encoding::Windows1252,
        };
        let cut = self.bytes as usize > self.head.len();
        // Only whole lines of the kept start are read, so a header is never cut in two.
        let head: &[u8] = if cut {
            match self.head.iter().rposition(|&b| b == b'\n') {
                Some(end) => &self.head[..end],
                None => &self.head,
            }
        } else {
            &self.head
        };
        let text = match encoding {
            Encoding::Windows1252 => tabular::decode_text(head),
            // Two bytes a character: decoded whole (a `\n` byte may be half of another
            // character), then cut after the last whole line.
            Encoding::Utf16Le | Encoding::Utf16Be => {
                let even = self.head.len() & !1;
                let text = tabular::decode_text(&self.head[..even]);
                match text.rfind('\n') {
                    Some(end) if cut => text[..end].to_string(),
                    _ => text,
                }
            }
            // The kept start may end inside a character; read it up to there.
            _ => {
                let valid = match std::str::from_utf8(head) {
                    Ok(s) => s,
                    Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
                };
                valid.strip_prefix('\u{FEFF}').unwrap_or(valid).to_string()
            }
        };
        let (delimiter, headers) = match tabular::scan("file", &text) {
            Ok((header, _)) => {
                let delimiter = match header.delimiter() {
                    b';' => Delimiter::Semicolon,
                    b'\t' => Delimiter::Tab,
                    _ => Delimiter::Comma,
                };
                (Some(delimiter), header.headers().to_vec())
            }
            Err(_) => (None, Vec::new()),
        };
        FileShape {
            bytes: self.bytes,
            encoding,
            delimiter,
            headers,
            replaced: if matches!(encoding, Encoding::Utf8 | Encoding::Utf8Bom) {
                invalid
            } else {
                0
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(bytes: &[u8], chunk: usize) -> FileShape {
        let mut p = Probe::new();
        for c in bytes.chunks(chunk.max(1)) {
            p.feed(c);
        }
        p.finish()
    }

    #[test]
    fn utf8_cut_anywhere_by_chunks_is_still_utf8() {
        let text = "\u{FEFF}Naam;Afdeling\nJosé;Financiën €\n".as_bytes();
        for chunk in 1..8 {
            let s = shape(text, chunk);
            assert_eq!(s.encoding, Encoding::Utf8Bom, "chunk {chunk}");
            assert_eq!(s.delimiter, Some(Delimiter::Semicolon));
            assert_eq!(s.headers, vec!["Naam", "Afdeling"]);
            assert_eq!(s.bytes, text.len() as u64);
        }
        assert_eq!(shape(b"a,b\n1,2\n", 3).encoding, Encoding::Utf8);
    }

    #[test]
    fn utf8_with_one_stray_byte_stays_utf8_and_says_how_many_places_were_replaced() {
        // Names with ë and é, then one byte a broken tool left: reading the whole file as
        // Windows-1252 would turn every "ë" into "Ã«".
        let text = "person_id,name\np1,Zo\u{eb}\np2,Ren\u{e9}e\np3,Jo\u{eb}l\n".as_bytes();
        let mut bytes = text.to_vec();
        bytes.extend_from_slice(b"p4,Ab\x92s\n");
        for chunk in [1, 3, 64] {
            let s = shape(&bytes, chunk);
            assert_eq!(
                (s.encoding, s.replaced),
                (Encoding::Utf8, 1),
                "chunk {chunk}"
            );
        }
        let decoded = tabular::decode_text(&bytes);
        assert!(
            decoded.contains("Zo\u{eb}") && decoded.contains("Ab\u{fffd}s"),
            "{decoded}"
        );
        // A Windows-1252 file stays one: its accented letters are single bytes.
        let s = shape(b"person_id,name\np1,Zo\xebe\np2,Ren\xe9e\n", 4);
        assert_eq!((s.encoding, s.replaced), (Encoding::Windows1252, 0));
        assert!(tabular::decode_text(b"p1,Zo\xebe").contains("Zo\u{eb}e"));
    }

    #[test]
    fn windows_1252_and_a_truncated_sequence_at_the_end_are_not_utf8() {
        let s = shape(b"naam\tafdeling\nJos\xe9\tIT\n", 4);
        assert_eq!(s.encoding, Encoding::Windows1252);
        assert_eq!(s.delimiter, Some(Delimiter::Tab));
        assert_eq!(shape(b"a,b\n\xc3", 2).encoding, Encoding::Windows1252);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_named_and_its_header_read() {
        let text = "Person ID\tAfdeling\r\np1\tFinanciën\r\n".repeat(5_000);
        let header = "Person ID\tAfdeling\r\n";
        for (mark, encoding) in [
            ([0xFF, 0xFE], Encoding::Utf16Le),
            ([0xFE, 0xFF], Encoding::Utf16Be),
        ] {
            let mut bytes = mark.to_vec();
            for unit in format!("{header}{text}").encode_utf16() {
                bytes.extend(match encoding {
                    Encoding::Utf16Le => unit.to_le_bytes(),
                    _ => unit.to_be_bytes(),
                });
            }
            assert!(bytes.len() > HEAD_BYTES, "the head is cut");
            let s = shape(&bytes, 4_093);
            assert_eq!(s.encoding, encoding);
            assert_eq!(s.delimiter, Some(Delimiter::Tab));
            assert_eq!(s.headers, vec!["Person ID", "Afdeling"]);
        }
    }

    #[test]
    fn a_long_file_keeps_only_its_start_and_an_empty_one_has_no_header() {
        let mut big = b"person_id,wave\n".to_vec();
        while big.len() < 3 * HEAD_BYTES {
            big.extend_from_slice(b"p1,pilot\n");
        }
        let s = shape(&big, 10_000);
        assert_eq!(s.headers, vec!["person_id", "wave"]);
        assert_eq!(s.bytes, big.len() as u64);
        let empty = shape(b"", 1);
        assert_eq!((empty.delimiter, empty.headers.len()), (None, 0));
    }

    #[test]
    fn excel_s_separator_line_gives_the_delimiter_and_is_no_header() {
        let s = shape(b"sep=;\r\nperson_id;wave;team\r\np1;pilot;a,b\r\n", 3);
        assert_eq!(s.delimiter, Some(Delimiter::Semicolon));
        assert_eq!(s.headers, vec!["person_id", "wave", "team"]);
    }

    #[test]
    fn header_generations_are_told_apart() {
        let h = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            HeaderGeneration::of(
                FileKind::Devices,
                &h("Device name,Primary user UPN,Compliance,Enrollment date")
            ),
            Some(HeaderGeneration::IntuneConsole)
        );
        assert_eq!(
            HeaderGeneration::of(
                FileKind::Devices,
                &h("DeviceName,UPN,ComplianceState,CreatedDate")
            ),
            Some(HeaderGeneration::IntuneGraph)
        );
        assert_eq!(
            HeaderGeneration::of(FileKind::Tickets, &h("Number,Opened,Caller,Category")),
            Some(HeaderGeneration::ServicenowLabels)
        );
        assert_eq!(
            HeaderGeneration::of(FileKind::Tickets, &h("number,opened_at,caller_id,category")),
            Some(HeaderGeneration::ServicenowFieldNames)
        );
        assert_eq!(
            HeaderGeneration::of(FileKind::Roster, &h("person_id,wave")),
            None
        );
    }
}
