//! The JSON contract of `/api/v1/`: the types the server sends and the app reads.
//!
//! One definition serves both sides, so a field renamed on the server cannot silently break
//! the app. `docs/api.md` describes each endpoint with these shapes.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

mod accounts;
mod comms;
mod downloads;
mod errors;
mod files;
mod invitations;
mod lessons;
mod programs;
mod readiness;
mod respond;
mod roster;
mod surveys;
mod unpublished;

pub use accounts::*;
pub use comms::*;
pub use downloads::*;
pub use errors::*;
pub use files::*;
pub use invitations::*;
pub use lessons::*;
pub use programs::*;
pub use readiness::*;
pub use respond::*;
pub use roster::*;
pub use surveys::*;
pub use unpublished::*;

/// `GET /api/v1/health`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// Always `ok` when the server answers.
    pub status: String,
}

/// `201 Created` of a new resource: its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    /// The new resource's id.
    pub id: String,
}

/// `?lang=nl|en`: the language of the messages in an error's `details` (else `Accept-Language`,
/// else English).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangQuery {
    /// The language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

/// `?a=b&c=d` of the parameters that are set (empty when none is). Values go in as given: the
/// core's are fixed ASCII words; a caller with free text percent-encodes it first.
pub fn query_string(pairs: &[(&str, Option<&str>)]) -> String {
    let set: Vec<String> = pairs
        .iter()
        .filter_map(|(name, value)| value.map(|v| format!("{name}={v}")))
        .collect();
    if set.is_empty() {
        String::new()
    } else {
        format!("?{}", set.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_carry_only_the_parameters_set() {
        assert_eq!(ResponsesQuery::default().to_query(), "");
        let q = ResponsesQuery {
            layout: Some(ExportLayout::Wide),
            delimiter: Some(CsvDelimiter::Semicolon),
            bom: Some(true),
        };
        assert_eq!(q.to_query(), "?layout=wide&delimiter=semicolon&bom=true");
        let q = InvitationsQuery {
            format: Some(InvitationsFormat::Csv),
            delimiter: None,
            bom: None,
        };
        assert_eq!(q.to_query(), "?format=csv");
        let q = InvitationsQuery {
            format: Some(InvitationsFormat::Csv),
            delimiter: Some(CsvDelimiter::Semicolon),
            bom: Some(true),
        };
        assert_eq!(q.to_query(), "?format=csv&delimiter=semicolon&bom=true");
        let q = ReadinessQuery {
            at: chrono::NaiveDate::from_ymd_opt(2027, 2, 1),
            lang: Some(Lang::Nl),
        };
        assert_eq!(q.to_query(), "?at=2027-02-01&lang=nl");
        assert_eq!(ReadinessQuery::default().to_query(), "");
    }
}
