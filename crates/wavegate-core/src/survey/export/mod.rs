//! Responses as CSV: the long format of docs/data-formats.md (one row per answer, what the
//! readiness engine reads) and a wide format (one row per response, for Excel); [`read`] reads
//! both back.
//!
//! Value encoding, shared by both formats: scale answers are plain integers; yes/no is `yes`/`no`;
//! a single choice is its choice id; multiple choices and rankings are ids joined with `|` (in
//! display order and rank order); each matrix item is its own id with an integer; an "other"
//! answer adds `other` to the choice value and its text under `<question_id>.other`.
//! Every cell is written through [`SafeCsvWriter`], so no answer can run as a spreadsheet formula.

mod read;

pub use read::{import_csv, import_long, import_wide};

use super::model::{Answer, Answers, Attributes, QuestionKind, Response, Survey};
use crate::csv_safe::{CsvOptions, SafeCsvWriter};
use crate::i18n::Lang;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// A response as stored by the server, with what the export needs besides the answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredResponse {
    /// The response itself.
    pub response: Response,
    /// The roster person, for personal invitations; `None` for anonymous links.
    #[serde(default)]
    pub person_id: Option<String>,
    /// When it was submitted.
    pub submitted_at: DateTime<Utc>,
    /// The attributes the invitation carried (platform, department …).
    #[serde(default)]
    pub attributes: Attributes,
}

/// The fixed columns of the long format, in order; attribute columns follow.
pub const LONG_COLUMNS: [&str; 8] = [
    "response_id",
    "survey_id",
    "survey_version",
    "person_id",
    "submitted_at",
    "language",
    "question_id",
    "value",
];

/// The fixed columns of the wide format: the long format's, up to its question and value;
/// attribute columns (`attribute:<name>`) and one column per question, matrix item and "other"
/// text follow.
pub const WIDE_COLUMNS: &[&str] = LONG_COLUMNS.split_at(6).0;

/// Prefix of attribute columns in the wide format (attribute names may equal question ids).
pub const WIDE_ATTRIBUTE_PREFIX: &str = "attribute:";

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("could not write the export: {0}")]
    Io(#[from] std::io::Error),
    /// An attribute is named like a fixed column of the long format, or has no name.
    #[error(
        "attribute `{name}` has the name of a fixed column or is empty; rename it in the invitation"
    )]
    ReservedAttribute {
        /// The attribute name.
        name: String,
    },
}

impl ExportError {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ExportError::Io(e), Lang::Nl) => format!("de export kon niet worden geschreven: {e}"),
            (ExportError::ReservedAttribute { name }, Lang::Nl) => format!(
                "kenmerk `{name}` heeft de naam van een vaste kolom of is leeg; geef het in de uitnodiging een andere naam"
            ),
            (e, Lang::En) => e.to_string(),
        }
    }
}

fn rfc3339(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// When `s` was submitted, as every export writes it: an anonymous response only the day
/// (midnight UTC), so the moment of answering cannot single out who answered; a personal one
/// its exact time. Exports call this, not their callers, so none can leave it out.
fn exported_time(s: &StoredResponse) -> String {
    rfc3339(&exported_instant(s))
}

fn exported_instant(s: &StoredResponse) -> DateTime<Utc> {
    if s.person_id.is_some() {
        return s.submitted_at;
    }
    s.submitted_at
        .date_naive()
        .and_time(chrono::NaiveTime::MIN)
        .and_utc()
}

/// The responses in the order every export writes them: by the time each shows
/// ([`exported_time`]), then by id. Within a day anonymous responses follow their random ids,
/// so the rows do not tell who answered first either.
pub fn in_export_order(responses: &[StoredResponse]) -> Vec<&StoredResponse> {
    let mut ordered: Vec<&StoredResponse> = responses.iter().collect();
    ordered.sort_by(|a, b| {
        (exported_instant(a).cmp(&exported_instant(b)))
            .then_with(|| a.response.id.cmp(&b.response.id))
    });
    ordered
}

/// The `(id, value)` cells of one response's answers, in survey order (unknown ids last).
pub fn encode_answers(survey: &Survey, answers: &Answers) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut done = BTreeSet::new();
    for q in survey.questions() {
        if let Some(a) = answers.get(&q.id) {
            encode(&q.id, a, Some(&q.kind), &mut out);
            done.insert(q.id.as_str());
        }
    }
    for (id, a) in answers {
        if !done.contains(id.as_str()) {
            encode(id, a, None, &mut out);
        }
    }
    out
}

fn encode(id: &str, answer: &Answer, kind: Option<&QuestionKind>, out: &mut Vec<(String, String)>) {
    let other_id = || format!("{id}.other");
    match answer {
        Answer::Scale(v) => out.push((id.to_string(), v.to_string())),
        Answer::YesNo(b) => out.push((id.to_string(), if *b { "yes" } else { "no" }.to_string())),
        Answer::Choice(c) => out.push((id.to_string(), c.clone())),
        Answer::Other(t) => {
            out.push((id.to_string(), "other".to_string()));
            out.push((other_id(), t.clone()));
        }
        Answer::Choices(c) => {
            let mut ids: Vec<&str> = c.selected.iter().map(String::as_str).collect();
            if c.other.is_some() {
                ids.push("other");
            }
            out.push((id.to_string(), ids.join("|")));
            if let Some(t) = &c.other {
                out.push((other_id(), t.clone()));
            }
        }
        Answer::Text(t) => out.push((id.to_string(), t.clone())),
        Answer::Matrix(values) => {
            // Definition order reads better than the map's alphabetical `sus_1, sus_10, sus_2`.
            let order: Vec<&str> = match kind {
                Some(QuestionKind::Matrix { items, .. }) => {
                    items.iter().map(|i| i.id.as_str()).collect()
                }
                _ => Vec::new(),
            };
            for item in &order {
                if let Some(v) = values.get(*item) {
                    out.push((item.to_string(), v.to_string()));
                }
            }
            for (item, v) in values {
                if !order.contains(&item.as_str()) {
                    out.push((item.clone(), v.to_string()));
                }
            }
        }
        Answer::Ranking(r) => out.push((id.to_string(), r.join("|"))),
    }
}

fn attribute_names(responses: &[StoredResponse]) -> BTreeSet<&str> {
    responses
        .iter()
        .flat_map(|s| s.attributes.keys().map(String::as_str))
        .collect()
}

/// Writes responses in the long format of docs/data-formats.md: one row per answer (a response
/// without answers has no rows), then one column per attribute any response carries.
pub fn export_long<W: Write>(
    survey: &Survey,
    responses: &[StoredResponse],
    out: W,
    options: CsvOptions,
) -> Result<W, ExportError> {
    let attributes = attribute_names(responses);
    for name in &attributes {
        let reserved = LONG_COLUMNS
            .iter()
            .any(|c| c.eq_ignore_ascii_case(name.trim()));
        if reserved || name.trim().is_empty() {
            return Err(ExportError::ReservedAttribute {
                name: name.to_string(),
            });
        }
    }
    let mut w = SafeCsvWriter::new(out, options)?;
    w.row(
        LONG_COLUMNS
            .iter()
            .copied()
            .chain(attributes.iter().copied()),
    )?;
    for s in in_export_order(responses) {
        let meta = LongMeta::of(s);
        for (id, value) in encode_answers(survey, &s.response.answers) {
            let attrs = attributes
                .iter()
                .map(|a| s.attributes.get(*a).map_or("", String::as_str));
            w.row(meta.cells(s, &id, &value).into_iter().chain(attrs))?;
        }
    }
    Ok(w.finish()?)
}

/// The texts of a response that every long-format row of it repeats.
pub(super) struct LongMeta {
    version: String,
    submitted: String,
}

impl LongMeta {
    pub(super) fn of(s: &StoredResponse) -> LongMeta {
        LongMeta {
            version: s.response.survey_version.to_string(),
            submitted: exported_time(s),
        }
    }

    /// The cells under [`LONG_COLUMNS`] of one answer of `s`.
    pub(super) fn cells<'a>(
        &'a self,
        s: &'a StoredResponse,
        question: &'a str,
        value: &'a str,
    ) -> [&'a str; 8] {
        let r = &s.response;
        [
            r.id.as_str(),
            r.survey_id.as_str(),
            self.version.as_str(),
            s.person_id.as_deref().unwrap_or(""),
            self.submitted.as_str(),
            r.language.code(),
            question,
            value,
        ]
    }
}

/// The answer columns of the wide format for `survey` and these responses.
pub fn wide_answer_columns(survey: &Survey, responses: &[StoredResponse]) -> Vec<String> {
    let mut cols = Vec::new();
    for q in survey.questions() {
        match &q.kind {
            QuestionKind::Matrix { items, .. } => cols.extend(items.iter().map(|i| i.id.clone())),
            kind => {
                cols.push(q.id.clone());
                if kind.has_other() {
                    cols.push(format!("{}.other", q.id));
                }
            }
        }
    }
    let known: BTreeSet<String> = cols.iter().cloned().collect();
    let extra: BTreeSet<String> = responses
        .iter()
        .flat_map(|s| encode_answers(survey, &s.response.answers))
        .map(|(id, _)| id)
        .filter(|id| !known.contains(id))
        .collect();
    cols.extend(extra);
    cols
}

/// Writes one row per response: fixed columns, `attribute:<name>` columns, then one column per
/// question (matrix items and "other" texts get their own), in survey order.
pub fn export_wide<W: Write>(
    survey: &Survey,
    responses: &[StoredResponse],
    out: W,
    options: CsvOptions,
) -> Result<W, ExportError> {
    let attributes = attribute_names(responses);
    let answer_cols = wide_answer_columns(survey, responses);
    let mut w = SafeCsvWriter::new(out, options)?;
    let header: Vec<String> = WIDE_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .chain(
            attributes
                .iter()
                .map(|a| format!("{WIDE_ATTRIBUTE_PREFIX}{a}")),
        )
        .chain(answer_cols.iter().cloned())
        .collect();
    w.row(&header)?;
    for s in in_export_order(responses) {
        let r = &s.response;
        let cells: BTreeMap<String, String> =
            encode_answers(survey, &r.answers).into_iter().collect();
        let mut row = vec![
            r.id.clone(),
            r.survey_id.clone(),
            r.survey_version.to_string(),
            s.person_id.clone().unwrap_or_default(),
            exported_time(s),
            r.language.code().to_string(),
        ];
        row.extend(
            attributes
                .iter()
                .map(|a| s.attributes.get(*a).cloned().unwrap_or_default()),
        );
        row.extend(
            answer_cols
                .iter()
                .map(|c| cells.get(c).cloned().unwrap_or_default()),
        );
        w.row(&row)?;
    }
    Ok(w.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(person: Option<&str>, at: &str) -> StoredResponse {
        StoredResponse {
            response: Response {
                id: "r-000001".into(),
                survey_id: "s".into(),
                survey_version: 1,
                language: crate::i18n::Lang::Nl,
                answers: Answers::new(),
            },
            person_id: person.map(String::from),
            submitted_at: at.parse().unwrap(),
            attributes: Attributes::new(),
        }
    }

    #[test]
    fn anonymous_responses_keep_only_their_day_and_personal_ones_their_time() {
        let rs = [
            stored(None, "2027-01-12T17:43:09.120Z"),
            stored(Some("p1"), "2027-01-12T17:43:09Z"),
        ];
        assert_eq!(exported_time(&rs[0]), "2027-01-12T00:00:00Z");
        assert_eq!(exported_time(&rs[1]), "2027-01-12T17:43:09Z");
    }

    fn with_id(mut s: StoredResponse, id: &str) -> StoredResponse {
        s.response.id = id.into();
        s
    }

    /// The rows of a day's anonymous responses follow their (random) ids, not the moment each
    /// came in: whoever knows when a colleague answered cannot find their row. Before, the
    /// rows kept the order of arrival under the day-only time.
    #[test]
    fn anonymous_rows_do_not_tell_who_answered_first() {
        let rs = [
            with_id(stored(None, "2027-01-12T09:00:00Z"), "zz-first"),
            with_id(stored(None, "2027-01-12T15:00:00Z"), "aa-second"),
            with_id(stored(None, "2027-01-11T20:00:00Z"), "mm-day-before"),
        ];
        let ids = |rs: &[StoredResponse]| -> Vec<String> {
            (in_export_order(rs).iter())
                .map(|s| s.response.id.clone())
                .collect()
        };
        assert_eq!(ids(&rs), ["mm-day-before", "aa-second", "zz-first"]);
        let survey = crate::survey::templates::builtin("pilot-feedback").unwrap();
        let wide = export_wide(&survey, &rs, Vec::new(), CsvOptions::default()).unwrap();
        let wide = String::from_utf8(wide).unwrap();
        let positions: Vec<usize> = ["mm-day-before", "aa-second", "zz-first"]
            .iter()
            .map(|id| wide.find(id).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{wide}");
        // Personal responses keep the order of their exact times.
        let personal = [
            with_id(stored(Some("p1"), "2027-01-12T09:00:00Z"), "zz-first"),
            with_id(stored(Some("p2"), "2027-01-12T15:00:00Z"), "aa-second"),
        ];
        assert_eq!(ids(&personal), ["zz-first", "aa-second"]);
    }
}
