//! `invitations.csv`: who was asked to answer a survey, the denominator of the response rate.
//! The server writes it from its invitation links ([`write_invitations`]); `wavegate score`
//! and the server read it back here, so both count the same people as asked.

use super::cells::Dates;
use super::files;
use crate::csv_safe::{CsvOptions, SafeCsvWriter};
use crate::i18n::Text;
use crate::readiness::data::SurveyInvitation;
use crate::tabular::{self, InputError, IntoText};
use chrono::SecondsFormat;
use std::collections::{BTreeSet, HashSet};
use std::io::Write;

/// The columns every `invitations.csv` starts with; an anonymous link's segment attributes
/// follow, one column each, by name.
pub const INVITATION_COLUMNS: [&str; 3] = ["survey_id", "person_id", "invited_at"];

/// The most different sets of segment attributes the anonymous links of one file may carry.
/// Each set is one more look-up per person on the roster; the server's links carry a wave and
/// a few split attributes, so real files have a handful.
pub const MAX_SEGMENT_SHAPES: usize = 64;

/// Reads `invitations.csv`: one row per link; `person_id` empty for an anonymous link, whose
/// filled attribute columns are the segment it was made for.
pub fn read_invitations<'a>(input: impl IntoText<'a>) -> Result<Vec<SurveyInvitation>, InputError> {
    let file = files::INVITATIONS;
    let text = input.into_text(file)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let head = head.with_formula_guards_undone();
    let dates = Dates::of(&text);
    let survey = head.require(&["survey_id"])?;
    let person = head.require(&["person_id"])?;
    let invited = head.require(&["invited_at"])?;
    let mut extra = Vec::new();
    for (c, h) in head.other_columns(&[survey, person, invited]) {
        extra.push((head.once(c)?, tabular::header_key(h)));
    }
    let mut shapes: HashSet<Vec<usize>> = HashSet::new();
    let mut out = Vec::new();
    while let Some(row) = rows.next_row(&head)? {
        let survey_id = head.required(&row, survey)?.into_owned();
        let invited_at = dates.required(&head, &row, invited)?;
        let person_id = head.opt(&row, Some(person)).map(|p| p.into_owned());
        let mut attributes = Vec::new();
        if person_id.is_none() {
            let mut shape = Vec::new();
            for (i, (c, key)) in extra.iter().enumerate() {
                if let Some(v) = head.opt(&row, Some(*c)) {
                    attributes.push((key.clone(), v.into_owned()));
                    shape.push(i);
                }
            }
            if shapes.insert(shape) && shapes.len() > MAX_SEGMENT_SHAPES {
                return Err(head.cell_error(
                    &row,
                    person,
                    Text::new(
                        format!(
                            "anonieme links met hooguit {MAX_SEGMENT_SHAPES} verschillende combinaties van segmentkenmerken"
                        ),
                        format!(
                            "anonymous links with at most {MAX_SEGMENT_SHAPES} different combinations of segment attributes"
                        ),
                    ),
                ));
            }
        }
        out.push(SurveyInvitation {
            survey_id,
            person_id,
            invited_at,
            attributes,
        });
    }
    Ok(out)
}

/// Writes `invitations` as `invitations.csv` to `out` and returns it: [`INVITATION_COLUMNS`],
/// then one column per attribute any anonymous link carries. Cells go through
/// [`crate::csv_safe`]; times are UTC, ISO 8601.
pub fn write_invitations<W: Write>(invitations: &[SurveyInvitation], out: W) -> std::io::Result<W> {
    let attribute_names: BTreeSet<&str> = invitations
        .iter()
        .flat_map(|i| i.attributes.iter().map(|(k, _)| k.as_str()))
        .collect();
    let mut w = SafeCsvWriter::new(out, CsvOptions::default())?;
    w.row(INVITATION_COLUMNS.iter().chain(attribute_names.iter()))?;
    for i in invitations {
        let at = i
            .invited_at
            .and_utc()
            .to_rfc3339_opts(SecondsFormat::Secs, true);
        let fixed = [
            i.survey_id.as_str(),
            i.person_id.as_deref().unwrap_or_default(),
            at.as_str(),
        ];
        let attributes = attribute_names.iter().map(|name| {
            i.attributes
                .iter()
                .find(|(k, _)| k == name)
                .map_or("", |(_, v)| v.as_str())
        });
        w.row(fixed.into_iter().chain(attributes))?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(day: u32) -> chrono::NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, 1, day)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap()
    }

    fn invitation(person: Option<&str>, attributes: &[(&str, &str)]) -> SurveyInvitation {
        SurveyInvitation {
            survey_id: "pilot-feedback".into(),
            person_id: person.map(String::from),
            invited_at: at(12),
            attributes: attributes
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn what_the_server_writes_reads_back_as_the_same_links() {
        let links = vec![
            invitation(Some("=p1"), &[]),
            invitation(None, &[("department", "HR"), ("wave", "pilot")]),
            invitation(None, &[("wave", "pilot")]),
        ];
        let bytes = write_invitations(&links, Vec::new()).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            text.starts_with("survey_id,person_id,invited_at,department,wave\r\n"),
            "{text}"
        );
        assert!(text.contains("'=p1"), "a person id cannot run as a formula");
        assert_eq!(read_invitations(&bytes[..]).unwrap(), links);
    }

    #[test]
    fn a_semicolon_file_with_dutch_dates_reads_and_a_bad_date_names_its_cell() {
        let text = "Survey_ID;Person_ID;Invited_at;wave\ns;p1;12-01-2027 09:30;\ns;;13-01-2027 10:00;pilot\n";
        let read = read_invitations(text.as_bytes()).unwrap();
        assert_eq!(read[0].person_id.as_deref(), Some("p1"));
        assert_eq!(read[0].invited_at, at(12));
        assert_eq!(read[1].attributes, vec![("wave".into(), "pilot".into())]);
        let bad = "survey_id,person_id,invited_at\ns,p1,yesterday\n";
        let err = read_invitations(bad.as_bytes()).unwrap_err();
        assert_eq!(
            (err.file.as_str(), err.line, err.column),
            ("invitations.csv", 2, Some(3))
        );
        let missing = "survey_id,person_id\ns,p1\n";
        assert!(
            read_invitations(missing.as_bytes())
                .unwrap_err()
                .render(crate::i18n::Lang::Nl)
                .contains("invited_at")
        );
    }

    #[test]
    fn anonymous_links_over_too_many_attribute_combinations_are_refused() {
        // Every combination is a look-up per person: a hostile file must not multiply them.
        let mut text = String::from("survey_id,person_id,invited_at");
        for c in 0..8 {
            text.push_str(&format!(",a{c}"));
        }
        text.push('\n');
        for row in 0..=MAX_SEGMENT_SHAPES {
            text.push_str("s,,2027-01-12");
            for c in 0..8 {
                let filled = row >> c & 1 == 1;
                text.push_str(if filled { ",x" } else { "," });
            }
            text.push('\n');
        }
        let err = read_invitations(text.as_bytes()).unwrap_err();
        assert_eq!(err.line, MAX_SEGMENT_SHAPES as u64 + 2, "{err}");
    }
}
