//! The canonical columns of an import's preview (the fields each importer reads, whatever the
//! source system calls them in its file) and what a planner calls them, in Dutch and English.
//! The server's preview, the planner's table and the command line name them from here.

use super::FileKind;
use crate::i18n::{Lang, Text};

/// The roster's own columns; the file's attribute columns (platform, department …) follow
/// under the names the file gives them.
pub const ROSTER: &[&str] = &["person_id", "email", "wave"];
/// An Intune device export, as read.
pub const DEVICES: &[&str] = &["upn", "os", "compliance", "enrolled_at"];
/// An Intune enrollment-failure export, as read.
pub const FAILURES: &[&str] = &["upn", "failed_at", "reason", "os"];
/// Helpdesk tickets, as read.
pub const TICKETS: &[&str] = &[
    "number",
    "opened_at",
    "caller",
    "category",
    "priority",
    "closed",
    "resolved_at",
];
/// Survey responses from another tool, as read.
pub const RESPONSES: &[&str] = &[
    "response_id",
    "survey_id",
    "person_id",
    "submitted_at",
    "attributes",
    "scored_answers",
];
/// Training records from a learning platform, as read.
pub const TRAINING: &[&str] = &[
    "person_id",
    "module_id",
    "status",
    "attempts",
    "passed",
    "completed_at",
    "topic_results",
];

/// The canonical columns a kind of file's preview always has, in order.
pub fn canonical(kind: FileKind) -> &'static [&'static str] {
    match kind {
        FileKind::Roster => ROSTER,
        FileKind::Devices => DEVICES,
        FileKind::EnrollmentFailures => FAILURES,
        FileKind::Tickets => TICKETS,
        FileKind::Responses => RESPONSES,
        FileKind::Training => TRAINING,
    }
}

/// Each canonical column with its Dutch and English label.
const LABELS: &[(&str, &str, &str)] = &[
    ("person_id", "Persoon-id", "Person id"),
    ("email", "E-mailadres", "E-mail address"),
    ("wave", "Golf", "Wave"),
    ("upn", "Gebruiker (UPN)", "User (UPN)"),
    ("os", "Besturingssysteem", "Operating system"),
    ("compliance", "Naleving", "Compliance"),
    ("enrolled_at", "Ingeschreven op", "Enrolled at"),
    ("failed_at", "Mislukt op", "Failed at"),
    ("reason", "Reden", "Reason"),
    ("number", "Ticketnummer", "Ticket number"),
    ("opened_at", "Geopend op", "Opened at"),
    ("caller", "Melder", "Caller"),
    ("category", "Categorie", "Category"),
    ("priority", "Prioriteit", "Priority"),
    ("closed", "Gesloten", "Closed"),
    ("resolved_at", "Opgelost op", "Resolved at"),
    ("response_id", "Antwoord-id", "Response id"),
    ("survey_id", "Vragenlijst", "Survey"),
    ("submitted_at", "Verstuurd op", "Submitted at"),
    ("attributes", "Kenmerken", "Attributes"),
    ("scored_answers", "Gescoorde antwoorden", "Scored answers"),
    ("module_id", "Module", "Module"),
    ("status", "Status", "Status"),
    ("attempts", "Pogingen", "Attempts"),
    ("passed", "Geslaagd", "Passed"),
    ("completed_at", "Afgerond op", "Completed at"),
    (
        "topic_results",
        "Resultaten per onderwerp",
        "Results per topic",
    ),
];

/// What a planner calls a canonical column; `None` for a column a file names itself (a
/// roster's attribute columns), which is shown as the file writes it.
pub fn label(column: &str) -> Option<Text> {
    LABELS
        .iter()
        .find(|(name, _, _)| *name == column)
        .map(|(_, nl, en)| Text::new(*nl, *en))
}

/// A column's header in `lang`: its label, or its name when it has none.
pub fn header(column: &str, lang: Lang) -> String {
    label(column).map_or_else(|| column.to_string(), |t| t.get(lang).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_canonical_column_of_every_kind_has_a_label_in_both_languages() {
        for kind in FileKind::ALL {
            for column in canonical(kind) {
                let text = label(column).unwrap_or_else(|| panic!("{column} has no label"));
                assert!(text.missing().is_empty(), "{column}");
                assert_ne!(text.nl, *column, "{column}: the label repeats the raw name");
            }
        }
        assert!(LABELS.iter().all(|(name, _, _)| {
            FileKind::ALL
                .into_iter()
                .any(|k| canonical(k).contains(name))
        }));
    }

    #[test]
    fn a_column_the_file_names_itself_keeps_its_name() {
        assert_eq!(header("enrolled_at", Lang::Nl), "Ingeschreven op");
        assert_eq!(header("enrolled_at", Lang::En), "Enrolled at");
        assert_eq!(header("department", Lang::Nl), "department");
    }
}
