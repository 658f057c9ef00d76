//! Files planners upload to the server: the kinds there are, what a file looks like (encoding,
//! delimiter, header generation) and what importing it found (rows, people matched to the
//! roster, warnings, the first rows as parsed).
//!
//! - [`probe`]: fed the bytes as they arrive, says how the file is written.
//! - [`columns`]: the canonical columns of a preview and their Dutch and English labels.
//! - [`findings`]: parses a file with the readiness importers and sums up what they found.
//! - [`roster_changes`]: a new roster compared with the one in use.
//!
//! The importers themselves are [`crate::readiness::import`]; this module only calls them.

pub mod columns;
pub mod findings;
pub mod probe;
pub mod roster_changes;

pub use findings::{
    Findings, PREVIEW_ROWS, Parsed, Preview, WaveCount, parse_upload, preview, replaced_bytes,
};
pub use probe::{Delimiter, Encoding, FileShape, HeaderGeneration, Probe};

use crate::readiness::import::files;
use serde::{Deserialize, Serialize};

/// The largest file the server takes (a 100,000-person roster is about 11 MB; an Intune export of
/// a large organisation stays well under this).
pub const MAX_UPLOAD_BYTES: u64 = 200 * 1024 * 1024;

/// A kind of file a program keeps: one current file of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// `roster.csv`: the people, their wave and segment attributes.
    Roster,
    /// `devices.csv`: Intune's "All devices" export.
    Devices,
    /// `enrollment_failures.csv`: Intune's enrollment-failure export.
    EnrollmentFailures,
    /// `tickets.csv`: helpdesk tickets.
    Tickets,
    /// `responses.csv`: survey answers in long format from another survey tool; merged with
    /// the responses the server collected itself.
    Responses,
    /// `training.csv`: training records from a learning platform.
    Training,
}

impl FileKind {
    /// Every kind, in the order a data directory is read.
    pub const ALL: [FileKind; 6] = [
        FileKind::Roster,
        FileKind::Devices,
        FileKind::EnrollmentFailures,
        FileKind::Tickets,
        FileKind::Responses,
        FileKind::Training,
    ];

    /// The kind as written in paths and JSON (`enrollment_failures`).
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Roster => "roster",
            FileKind::Devices => "devices",
            FileKind::EnrollmentFailures => "enrollment_failures",
            FileKind::Tickets => "tickets",
            FileKind::Responses => "responses",
            FileKind::Training => "training",
        }
    }

    /// The file's name in a data directory (and in error messages).
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Roster => files::ROSTER,
            FileKind::Devices => files::DEVICES,
            FileKind::EnrollmentFailures => files::FAILURES,
            FileKind::Tickets => files::TICKETS,
            FileKind::Responses => files::RESPONSES,
            FileKind::Training => files::TRAINING,
        }
    }

    /// Reads a kind from its path form.
    pub fn parse(s: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A file name as a planner's browser or script gave it, made safe to store and send back in a
/// `Content-Disposition` header: the last path component, control characters, quotes and
/// backslashes removed, at most 200 characters; `None` when nothing usable is left. Bidi
/// overrides and other invisible characters go too: `x\u{202E}vsc.exe` would show as
/// `xexe.csv` in a save dialog.
pub fn clean_file_name(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| {
            !c.is_control() && !crate::invisible::is_invisible(*c) && !matches!(c, '"' | '\\' | ';')
        })
        .take(200)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_string();
    (!cleaned.is_empty()).then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_back_from_their_path_form() {
        for k in FileKind::ALL {
            assert_eq!(FileKind::parse(k.as_str()), Some(k));
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        assert_eq!(FileKind::parse("training"), Some(FileKind::Training));
        assert_eq!(FileKind::parse("program"), None);
        assert_eq!(
            FileKind::EnrollmentFailures.file_name(),
            "enrollment_failures.csv"
        );
    }

    #[test]
    fn file_names_lose_paths_and_characters_that_break_headers() {
        assert_eq!(
            clean_file_name("C:\\Users\\ann\\Roster \"final\".csv").as_deref(),
            Some("Roster final.csv")
        );
        assert_eq!(
            clean_file_name("../../etc/passwd").as_deref(),
            Some("passwd")
        );
        assert_eq!(clean_file_name("a\r\nb.csv").as_deref(), Some("ab.csv"));
        assert_eq!(
            clean_file_name("x\u{202E}csv.exe\u{200B}\u{2066}").as_deref(),
            Some("xcsv.exe")
        );
        assert_eq!(clean_file_name("..."), None);
        assert_eq!(clean_file_name(""), None);
        assert_eq!(
            clean_file_name(&"x".repeat(500)).map(|s| s.len()),
            Some(200)
        );
    }
}
