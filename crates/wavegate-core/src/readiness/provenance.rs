//! Which data a report speaks for: each input file's name, SHA-256 and size, and the line that
//! names them, with the time the report was computed, atop a downloaded Markdown report.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// One input file of an evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InputFile {
    /// Its name in the data directory (`roster.csv`).
    pub file: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The Markdown line (a quote, then a blank line) that says when a report was computed and
/// from which files, each with its full SHA-256 so anyone can check a copy of the data.
pub fn markdown_line(computed_at: &str, inputs: &[InputFile], lang: Lang) -> String {
    let files: Vec<String> = inputs
        .iter()
        .map(|f| format!("`{}` (SHA-256 `{}`, {} bytes)", f.file, f.sha256, f.bytes))
        .collect();
    let files = files.join(", ");
    let computed_at = crate::readiness::text::moment(computed_at, lang);
    match lang {
        Lang::Nl => format!("> Berekend op {computed_at} uit {files}.\n\n"),
        Lang::En => format!("> Computed at {computed_at} from {files}.\n\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_time_and_every_file_with_its_hash_in_both_languages() {
        let inputs = [
            InputFile {
                file: "program.toml".into(),
                sha256: "a".repeat(64),
                bytes: 120,
            },
            InputFile {
                file: "roster.csv".into(),
                sha256: "b".repeat(64),
                bytes: 4096,
            },
        ];
        let en = markdown_line("2027-02-01T09:30:00Z", &inputs, Lang::En);
        assert_eq!(
            en,
            format!(
                "> Computed at 1 February 2027, 09:30 UTC from `program.toml` (SHA-256 `{}`, 120 bytes), `roster.csv` (SHA-256 `{}`, 4096 bytes).\n\n",
                "a".repeat(64),
                "b".repeat(64)
            )
        );
        let nl = markdown_line("2027-02-01T09:30:00Z", &inputs, Lang::Nl);
        assert!(nl.starts_with("> Berekend op 1 februari 2027, 09:30 UTC uit `program.toml`"));
    }
}
