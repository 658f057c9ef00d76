//! One `responses.csv` from two sources: the responses the server collected and a long-format
//! file imported from another survey tool. A response in both (an imported copy of a collected
//! response is an older export of it: same id, survey and person, and for an anonymous one the
//! same day) is written once, as collected. An imported response that only shares its id with
//! a collected one (a client chooses its id) is kept, under its id with `.import` added, so no
//! respondent can take an imported response out of readiness. Attribute columns are the union of both sources, by header key; every cell is written
//! through [`SafeCsvWriter`].

use super::export::{
    ExportError, LONG_COLUMNS, LongMeta, StoredResponse, encode_answers, in_export_order,
};
use super::model::Survey;
use crate::csv_safe::{CsvOptions, SafeCsvWriter};
use crate::readiness::import::Runner;
use crate::tabular::{self, Col, Header, InputError, header_key};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

/// One survey's collected responses, with the definition that orders their answers.
#[derive(Clone, Copy, Debug)]
pub struct Collected<'a> {
    /// The survey (the version respondents get now, as its export uses).
    pub survey: &'a Survey,
    /// Its stored responses, all versions.
    pub responses: &'a [StoredResponse],
}

/// A long-format responses file as it was uploaded.
#[derive(Clone, Copy, Debug)]
pub struct Imported<'a> {
    /// Its name, for errors.
    pub file: &'a str,
    /// Its bytes (any encoding and delimiter the importers read).
    pub bytes: &'a [u8],
}

/// Why two sources could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// The imported file does not read as a long-format responses file.
    #[error(transparent)]
    Imported(#[from] InputError),
    /// A collected attribute has a reserved name, or writing failed.
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// Where the imported file keeps each column of the merged file.
struct ImportedColumns {
    /// Under each of [`LONG_COLUMNS`].
    fixed: [Option<Col>; 8],
    /// Attribute columns: header key → column (the leftmost of a repeated key).
    extra: BTreeMap<String, Col>,
}

impl ImportedColumns {
    fn find(head: &Header) -> Result<ImportedColumns, InputError> {
        // Required as `wavegate score` requires them; `survey_version` and `language` are not.
        let optional = ["survey_version", "language"];
        let mut fixed = [None; 8];
        for (slot, name) in fixed.iter_mut().zip(LONG_COLUMNS) {
            *slot = if optional.contains(&name) {
                head.column(&[name])
            } else {
                Some(head.require(&[name])?)
            };
        }
        let used: Vec<Col> = fixed.iter().flatten().copied().collect();
        let mut extra = BTreeMap::new();
        for (col, name) in head.other_columns(&used) {
            let key = header_key(name);
            if !key.is_empty() && !LONG_COLUMNS.contains(&key.as_str()) {
                extra.entry(key).or_insert(col);
            }
        }
        Ok(ImportedColumns { fixed, extra })
    }
}

/// A collected response's attributes by header key (the first name of a repeated key wins).
fn keyed(s: &StoredResponse) -> Result<BTreeMap<String, &str>, ExportError> {
    let mut out = BTreeMap::new();
    for (name, value) in &s.attributes {
        let key = header_key(name);
        if key.is_empty() || LONG_COLUMNS.contains(&key.as_str()) {
            return Err(ExportError::ReservedAttribute { name: name.clone() });
        }
        out.entry(key).or_insert(value.as_str());
    }
    Ok(out)
}

/// Writes the merged `responses.csv`: the long format of docs/data-formats.md (comma, UTF-8
/// without a byte-order mark), [`LONG_COLUMNS`] then one column per attribute key of either source, in
/// name order; every collected response in the order given, then the imported file's rows in
/// file order, without those of a response id the server collected. Imported cells are read
/// as Wavegate reads its own exports ([`restore`]) and written again through [`SafeCsvWriter`],
/// so an already neutralised cell stays as it was and a formula is neutralised.
///
/// The imported file, the large part, is cut into pieces at record boundaries and each piece
/// written as a job of `runner` (the server runs them on threads); the pieces are joined in
/// order, so the bytes, and the first error, do not depend on the runner.
pub fn merge_long<W: Write>(
    collected: &[Collected<'_>],
    imported: Option<Imported<'_>>,
    mut out: W,
    runner: &impl Runner,
) -> Result<W, MergeError> {
    let text = imported.map(|i| (i.file, tabular::decode_text(i.bytes)));
    let scanned = match &text {
        Some((file, text)) => {
            let pieces = runner.parallelism().clamp(1, 8);
            let (head, parts) = tabular::scan_parts(file, text, pieces)?;
            // Every cell is written through csv_safe again: read as the text it stands for.
            let head = head.with_formula_guards_undone();
            let columns = ImportedColumns::find(&head)?;
            Some((head, parts, columns))
        }
        None => None,
    };
    let ordered: Vec<(&Survey, &StoredResponse)> = collected
        .iter()
        .flat_map(|c| {
            in_export_order(c.responses)
                .into_iter()
                .map(move |s| (c.survey, s))
        })
        .collect();
    let mut attributes: BTreeSet<String> = BTreeSet::new();
    let mut keyed_attributes = Vec::new();
    for (_, s) in &ordered {
        let k = keyed(s)?;
        attributes.extend(k.keys().cloned());
        keyed_attributes.push(k);
    }
    if let Some((_, _, columns)) = &scanned {
        attributes.extend(columns.extra.keys().cloned());
    }
    let mut w = SafeCsvWriter::new(&mut out, CsvOptions::default()).map_err(ExportError::from)?;
    w.row(
        LONG_COLUMNS
            .iter()
            .copied()
            .chain(attributes.iter().map(String::as_str)),
    )
    .map_err(ExportError::from)?;

    let mut claimed = Claims::default();
    for ((survey, s), keyed) in ordered.into_iter().zip(&keyed_attributes) {
        claimed.add(s);
        let meta = LongMeta::of(s);
        let attrs: Vec<&str> = attributes
            .iter()
            .map(|a| keyed.get(a).copied().unwrap_or(""))
            .collect();
        for (id, value) in encode_answers(survey, &s.response.answers) {
            w.row(
                meta.cells(s, &id, &value)
                    .into_iter()
                    .chain(attrs.iter().copied()),
            )
            .map_err(ExportError::from)?;
        }
    }
    w.finish().map_err(ExportError::from)?;

    if let Some((head, parts, columns)) = scanned {
        let extra: Vec<Option<Col>> = attributes
            .iter()
            .map(|a| columns.extra.get(a).copied())
            .collect();
        let (head, columns, claimed, extra) = (&head, &columns, &claimed, &extra);
        let jobs: Vec<PieceJob<'_>> = parts
            .into_iter()
            .map(|mut rows| {
                Box::new(move || imported_rows(head, &mut rows, columns, extra, claimed))
                    as PieceJob<'_>
            })
            .collect();
        for piece in runner.run(jobs) {
            out.write_all(&piece?).map_err(ExportError::from)?;
        }
    }
    Ok(out)
}

/// What an imported row must match to be a copy of a collected response, by response id.
#[derive(Default)]
struct Claims<'a> {
    by_id: HashMap<&'a str, Vec<Claim<'a>>>,
}

struct Claim<'a> {
    survey: &'a str,
    person: &'a str,
    /// For an anonymous response, the day it was submitted (all its exports keep).
    day: Option<String>,
}

impl<'a> Claims<'a> {
    fn add(&mut self, s: &'a StoredResponse) {
        let claim = Claim {
            survey: &s.response.survey_id,
            person: s.person_id.as_deref().unwrap_or(""),
            day: s
                .person_id
                .is_none()
                .then(|| s.submitted_at.date_naive().format("%Y-%m-%d").to_string()),
        };
        self.by_id.entry(&s.response.id).or_default().push(claim);
    }

    /// What becomes of an imported row: `None` when a collected response is the same one,
    /// else the id it is written under.
    fn imported_id<'r>(
        &self,
        id: Cow<'r, str>,
        survey: &str,
        person: &str,
        submitted: &str,
    ) -> Option<Cow<'r, str>> {
        let Some(claims) = self.by_id.get(&*id) else {
            return Some(id);
        };
        let same = claims.iter().any(|c| {
            c.survey == survey
                && c.person == person
                && c.day
                    .as_deref()
                    .is_none_or(|day| submitted.get(..10) == Some(day))
        });
        (!same).then(|| Cow::Owned(format!("{id}.import")))
    }
}

/// One piece of the imported file, written on its own.
type PieceJob<'t> = Box<dyn FnOnce() -> Result<Vec<u8>, MergeError> + Send + 't>;

/// The rows of one piece of the imported file, as CSV: none of a response the server collected,
/// and a response that only shares its id with a collected one under another id.
fn imported_rows(
    head: &Header,
    rows: &mut tabular::Rows<'_>,
    columns: &ImportedColumns,
    extra: &[Option<Col>],
    claimed: &Claims<'_>,
) -> Result<Vec<u8>, MergeError> {
    let [response_id, survey_id, _, person_id, submitted_at, ..] = columns.fixed;
    let mut w = SafeCsvWriter::new(Vec::new(), CsvOptions::default()).map_err(ExportError::from)?;
    while let Some(row) = rows.next_row(head)? {
        let cell = |col: Option<Col>| col.map_or(Cow::Borrowed(""), |c| head.get(&row, c));
        let Some(id) = claimed.imported_id(
            cell(response_id),
            &cell(survey_id),
            &cell(person_id),
            &cell(submitted_at),
        ) else {
            continue;
        };
        let cells =
            std::iter::once(id).chain(columns.fixed[1..].iter().chain(extra).map(|col| cell(*col)));
        w.row(cells).map_err(ExportError::from)?;
    }
    Ok(w.finish().map_err(ExportError::from)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::readiness::import::{Backwards, InOrder, read_responses};
    use crate::survey::model::{Answer, Answers, Attributes, Response};
    use crate::survey::templates;
    use chrono::{TimeZone, Utc};

    fn pilot() -> Survey {
        templates::builtin("pilot-feedback").unwrap()
    }

    fn collected(
        id: &str,
        person: Option<&str>,
        attributes: &[(&str, &str)],
        nps: u8,
    ) -> StoredResponse {
        let mut answers = Answers::new();
        answers.insert("nps".into(), Answer::Scale(nps.into()));
        answers.insert("adkar_awareness".into(), Answer::Scale(4));
        StoredResponse {
            response: Response {
                id: id.into(),
                survey_id: "pilot-feedback".into(),
                survey_version: 1,
                language: Lang::Nl,
                answers,
            },
            person_id: person.map(String::from),
            submitted_at: Utc.with_ymd_and_hms(2027, 1, 20, 10, 0, 0).unwrap(),
            attributes: attributes
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Attributes>(),
        }
    }

    fn merged(collected: &[StoredResponse], imported: Option<&str>) -> String {
        let survey = pilot();
        let sources = [Collected {
            survey: &survey,
            responses: collected,
        }];
        let imported = imported.map(|text| Imported {
            file: "responses.csv",
            bytes: text.as_bytes(),
        });
        String::from_utf8(merge_long(&sources, imported, Vec::new(), &InOrder).unwrap()).unwrap()
    }

    const IMPORTED: &str = "Response ID;Survey ID;Person ID;Submitted at;Question ID;Value;Department\n\
r1;pilot-feedback;p1;2027-01-10 09:00;nps;3;Finance\n\
r2;other-tool;p2;2027-01-11 09:00;nps;9;Sales\n\
r1;pilot-feedback;p1;2027-01-10 09:00;adkar_desire;2;Finance\n";

    #[test]
    fn the_collected_response_wins_and_takes_none_of_the_imported_rows_of_its_copy() {
        let out = merged(&[collected("r1", Some("p1"), &[], 10)], Some(IMPORTED));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            vec![
                "response_id,survey_id,survey_version,person_id,submitted_at,language,question_id,value,department",
                "r1,pilot-feedback,1,p1,2027-01-20T10:00:00Z,nl,adkar_awareness,4,",
                "r1,pilot-feedback,1,p1,2027-01-20T10:00:00Z,nl,nps,10,",
                "r2,other-tool,,p2,2027-01-11 09:00,,nps,9,Sales",
            ]
        );
        // What `wavegate score` reads from it: the collected r1, the imported r2.
        let read = read_responses(out.as_bytes()).unwrap();
        let seen: Vec<(&str, Option<u8>, Option<u8>)> = read
            .iter()
            .map(|r| (r.id.as_str(), r.answers.nps, r.answers.adkar[1]))
            .collect();
        assert_eq!(seen, vec![("r1", Some(10), None), ("r2", Some(9), None)]);
    }

    #[test]
    fn an_imported_response_that_only_shares_its_id_with_a_collected_one_stays() {
        // A client chooses its response id: one sent through an anonymous link, or by another
        // person, must not take the imported responses of that id out of readiness.
        let imported = "response_id,survey_id,person_id,submitted_at,question_id,value\n\
R1,pilot-feedback,p1,2027-01-10 09:00,nps,3\n\
R2,pilot-feedback,,2027-01-11 09:00,nps,4\n\
R3,pilot-feedback,,2027-01-20 08:00,nps,5\n\
R4,other-tool,p2,2027-01-20 08:00,nps,6\n";
        let out = merged(
            &[
                collected("R1", None, &[], 10),
                collected("R2", None, &[], 10),
                collected("R3", None, &[], 10),
                collected("R4", Some("p2"), &[], 10),
            ],
            Some(imported),
        );
        let read = read_responses(out.as_bytes()).unwrap();
        let mut ids: Vec<&str> = read.iter().map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        // R3 is an earlier export of the anonymous R3 (same survey, no person, same day).
        assert_eq!(
            ids,
            [
                "R1",
                "R1.import",
                "R2",
                "R2.import",
                "R3",
                "R4",
                "R4.import"
            ]
        );
        let r1 = read.iter().find(|r| r.id == "R1.import").unwrap();
        assert_eq!(
            (r1.person_id.as_deref(), r1.answers.nps),
            (Some("p1"), Some(3))
        );
    }

    #[test]
    fn an_anonymous_response_in_a_data_directory_keeps_only_its_day() {
        let anon = collected("a1", None, &[("wave", "pilot")], 8);
        let out = merged(&[anon, collected("r1", Some("p1"), &[], 9)], None);
        assert!(
            out.contains("a1,pilot-feedback,1,,2027-01-20T00:00:00Z,"),
            "{out}"
        );
        assert!(
            out.contains("r1,pilot-feedback,1,p1,2027-01-20T10:00:00Z,"),
            "{out}"
        );
        assert!(!out.contains("a1,pilot-feedback,1,,2027-01-20T10"), "{out}");
    }

    #[test]
    fn attribute_columns_are_the_union_of_both_sources_by_header_key() {
        let anon = collected("a1", None, &[("wave", "pilot"), ("department", "HR")], 8);
        let out = merged(&[anon], Some(IMPORTED));
        let header = out.lines().next().unwrap();
        assert!(header.ends_with(",value,department,wave"), "{header}");
        let read = read_responses(out.as_bytes()).unwrap();
        let a1 = read.iter().find(|r| r.id == "a1").unwrap();
        // The engine reads `language` as one more attribute of an anonymous response
        // (docs/data-formats.md).
        assert_eq!(
            a1.attributes,
            vec![
                ("language".to_string(), "nl".to_string()),
                ("department".to_string(), "HR".to_string()),
                ("wave".to_string(), "pilot".to_string())
            ]
        );
        assert_eq!(read.len(), 3);
    }

    #[test]
    fn formulas_are_neutralised_and_neutralised_cells_stay_as_they_were() {
        let imported = "response_id,survey_id,person_id,submitted_at,question_id,value,team\n\
r1,s,p1,2027-01-10,comment,=HYPERLINK(\"x\"),'=SUM(A1)\n";
        let mut text = collected("c1", Some("p2"), &[("team", "@home")], 9);
        text.response
            .answers
            .insert("open_feedback".into(), Answer::Text("+31 6 1234".into()));
        let out = merged(&[text], Some(imported));
        assert!(out.contains(",'@home"), "{out}");
        assert!(out.contains(",'+31 6 1234,"), "{out}");
        assert!(
            out.contains("\"'=HYPERLINK(\"\"x\"\")\",'=SUM(A1)"),
            "{out}"
        );
        assert!(
            !out.contains("''="),
            "an escaped cell is not escaped twice: {out}"
        );
        // Merging the merged file again changes nothing.
        let again = merged(&[], Some(&out));
        assert_eq!(again, out);
    }

    #[test]
    fn the_merge_in_pieces_writes_the_same_bytes_as_in_one_go() {
        let mut imported =
            String::from("response_id,survey_id,person_id,submitted_at,question_id,value,team\n");
        for r in 0..60 {
            for q in ["nps", "comment"] {
                let value = if q == "nps" { "7" } else { "\"fine,\nreally\"" };
                imported.push_str(&format!(
                    "r{r},pilot-feedback,p{r},2027-01-10,{q},{value},t{}\n",
                    r % 3
                ));
            }
        }
        let survey = pilot();
        let collected = [collected("r7", Some("p7"), &[("team", "x")], 9)];
        let sources = [Collected {
            survey: &survey,
            responses: &collected,
        }];
        let file = || {
            Some(Imported {
                file: "responses.csv",
                bytes: imported.as_bytes(),
            })
        };
        let whole = merge_long(&sources, file(), Vec::new(), &InOrder).unwrap();
        let pieces = merge_long(&sources, file(), Vec::new(), &Backwards).unwrap();
        assert_eq!(
            String::from_utf8(pieces).unwrap(),
            String::from_utf8(whole.clone()).unwrap()
        );
        let read = read_responses(whole.as_slice()).unwrap();
        assert_eq!(read.len(), 60, "r7 once, as collected");
    }

    #[test]
    fn an_imported_file_in_windows_1252_with_semicolons_is_read_and_written_as_utf8() {
        let mut bytes =
            b"response_id;survey_id;person_id;submitted_at;question_id;value;city\r\n".to_vec();
        bytes.extend_from_slice(b"r1;s;p1;2027-01-10;nps;7;Li\xe8ge\r\n");
        let survey = pilot();
        let out = merge_long(
            &[Collected {
                survey: &survey,
                responses: &[],
            }],
            Some(Imported {
                file: "responses.csv",
                bytes: &bytes,
            }),
            Vec::new(),
            &InOrder,
        )
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.ends_with("r1,s,,p1,2027-01-10,,nps,7,Liège\r\n"),
            "{out:?}"
        );
    }

    #[test]
    fn only_collected_responses_make_a_file_of_their_own_and_a_broken_import_is_refused() {
        let out = merged(&[collected("c1", Some("p1"), &[], 9)], None);
        assert_eq!(out.lines().count(), 3);
        let survey = pilot();
        let err = merge_long(
            &[],
            Some(Imported {
                file: "responses.csv",
                bytes: b"response_id,person_id\nr1,p1\n",
            }),
            Vec::new(),
            &InOrder,
        )
        .unwrap_err();
        assert!(err.to_string().contains("survey_id"), "{err}");
        let reserved = collected("c2", None, &[("Question ID", "x")], 9);
        let err = merge_long(
            &[Collected {
                survey: &survey,
                responses: &[reserved],
            }],
            None,
            Vec::new(),
            &InOrder,
        )
        .unwrap_err();
        assert!(matches!(
            err,
            MergeError::Export(ExportError::ReservedAttribute { .. })
        ));
    }
}
