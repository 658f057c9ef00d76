//! Responses as CSV: the long format of docs/data-formats.md (one row per answer, what the
//! readiness engine reads) and a wide format (one row per response, for Excel), and reading both
//! back.
//!
//! Value encoding, shared by both formats: scale answers are plain integers; yes/no is `yes`/`no`;
//! a single choice is its choice id; multiple choices and rankings are ids joined with `|` (in
//! display order and rank order); each matrix item is its own id with an integer; an "other"
//! answer adds `other` to the choice value and its text under `<question_id>.other`.
//! Every cell is written through [`SafeCsvWriter`], so no answer can run as a spreadsheet formula.

use super::logic::yes_no_text;
use super::model::{Answer, Answers, Attributes, ChoicesAnswer, QuestionKind, Response, Survey};
use crate::csv_safe::{CsvOptions, SafeCsvWriter, read_back, restore};
use crate::i18n::{Lang, Text};
use crate::tabular::{Col, Expect, FileProblem, InputError, Row, Table, quoted, shown};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};

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

/// The fixed columns of the wide format; attribute columns (`attribute:<name>`) and one column per
/// question, matrix item and "other" text follow.
pub const WIDE_COLUMNS: [&str; 6] = [
    "response_id",
    "survey_id",
    "survey_version",
    "person_id",
    "submitted_at",
    "language",
];

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

// ---------------------------------------------------------------------------------------------
// Reading exports back.

/// One answer cell on its way back into an [`Answer`], with where it came from.
struct Cell {
    line: u64,
    col: Col,
    value: String,
}

/// Collects the cells of one response and turns them into answers using the definition.
#[derive(Default)]
struct Pending {
    cells: BTreeMap<String, Cell>,
}

struct Reader<'a> {
    table: &'a Table,
    survey: &'a Survey,
}

impl Reader<'_> {
    fn error(&self, line: u64, col: Col, nl: String, en: String) -> InputError {
        self.table
            .head()
            .problem_at(line, col, FileProblem::Rule(Text::new(nl, en)))
    }

    fn cell(&self, row: &Row, col: Col) -> String {
        read_back(&self.table.get(row, col))
    }

    /// Builds the answers from `id → cell`, checking each value against its question type.
    fn answers(&self, pending: Pending) -> Result<Answers, InputError> {
        let mut answers = Answers::new();
        let mut others: BTreeMap<String, &Cell> = BTreeMap::new();
        for (id, cell) in &pending.cells {
            if let Some(base) = id.strip_suffix(".other") {
                others.insert(base.to_string(), cell);
            }
        }
        for (id, cell) in &pending.cells {
            if id.ends_with(".other") {
                continue;
            }
            let bad = |expected: Text| {
                let (q, found) = (shown(id), quoted(&cell.value));
                self.error(
                    cell.line,
                    cell.col,
                    format!("vraag `{q}` verwacht {}, gevonden {found}", expected.nl),
                    format!("question `{q}` expects {}, found {found}", expected.en),
                )
            };
            let other_choice = || {
                let q = shown(id);
                Text::new(
                    format!("een tekst in `{q}.other` bij de keuze `other`"),
                    format!("a `{q}.other` text with the choice `other`"),
                )
            };
            let other_text = others.remove(id).map(|c| c.value.clone());
            if let Some(q) = self.survey.question(id) {
                let answer = match &q.kind {
                    QuestionKind::Agreement { .. } | QuestionKind::Rating { .. } => Answer::Scale(
                        cell.value
                            .trim()
                            .parse()
                            .map_err(|_| bad(WHOLE_NUMBER.into()))?,
                    ),
                    QuestionKind::YesNo => Answer::YesNo(
                        yes_no_text(&cell.value).ok_or_else(|| bad(YES_OR_NO.into()))?,
                    ),
                    QuestionKind::SingleChoice { .. } if cell.value == "other" => {
                        Answer::Other(other_text.ok_or_else(|| bad(other_choice()))?)
                    }
                    QuestionKind::SingleChoice { .. } => Answer::Choice(cell.value.clone()),
                    QuestionKind::MultipleChoice { .. } => {
                        let mut selected: Vec<String> = split_ids(&cell.value);
                        let had_other = selected.iter().any(|s| s == "other");
                        selected.retain(|s| s != "other");
                        if had_other != other_text.is_some() {
                            let q = shown(id);
                            return Err(bad(Text::new(
                                format!(
                                    "`other` bij de keuzes precies wanneer `{q}.other` een tekst heeft"
                                ),
                                format!(
                                    "`other` among the choices exactly when `{q}.other` has a text"
                                ),
                            )));
                        }
                        Answer::Choices(ChoicesAnswer {
                            selected,
                            other: other_text,
                        })
                    }
                    QuestionKind::Text { .. } => Answer::Text(cell.value.clone()),
                    QuestionKind::Ranking { .. } => Answer::Ranking(split_ids(&cell.value)),
                    QuestionKind::Matrix { .. } => {
                        return Err(bad(Text::new(
                            "de onderdelen met hun eigen id, niet de id van de matrix",
                            "its items as separate ids, not the matrix id",
                        )));
                    }
                };
                answers.insert(id.clone(), answer);
            } else if let Some((matrix, _)) = self.survey.matrix_item(id) {
                let v = cell
                    .value
                    .trim()
                    .parse()
                    .map_err(|_| bad(WHOLE_NUMBER.into()))?;
                match answers
                    .entry(matrix.id.clone())
                    .or_insert_with(|| Answer::Matrix(BTreeMap::new()))
                {
                    Answer::Matrix(items) => {
                        items.insert(id.clone(), v);
                    }
                    _ => {
                        return Err(bad(Text::new(
                            "een onderdeel van een matrix",
                            "a matrix item",
                        )));
                    }
                }
            } else {
                let (q, survey) = (shown(id), &self.survey.id);
                return Err(self.error(
                    cell.line,
                    cell.col,
                    format!(
                        "vraag `{q}` staat niet in vragenlijst `{survey}`; verwacht een van haar vraag- of onderdeel-id's"
                    ),
                    format!(
                        "question `{q}` is not in survey `{survey}`; expected one of its question or item ids"
                    ),
                ));
            }
        }
        if let Some((id, cell)) = others.into_iter().next() {
            let q = shown(&id);
            return Err(self.error(
                cell.line,
                cell.col,
                format!("`{q}.other` heeft een tekst maar `{q}` heeft de keuze `other` niet"),
                format!("`{q}.other` has a text but `{q}` does not have the choice `other`"),
            ));
        }
        Ok(answers)
    }
}

const WHOLE_NUMBER: Expect = Expect {
    nl: "een geheel getal",
    en: "a whole number",
};
const YES_OR_NO: Expect = Expect {
    nl: "`yes` of `no`",
    en: "`yes` or `no`",
};

fn split_ids(value: &str) -> Vec<String> {
    if value.trim().is_empty() {
        Vec::new()
    } else {
        value.split('|').map(|s| s.trim().to_string()).collect()
    }
}

const VERSION: Expect = Expect {
    nl: "een versienummer zoals 1",
    en: "a version number such as 1",
};
const TIME: Expect = Expect {
    nl: "een RFC 3339-tijd zoals 2027-01-11T09:30:00Z",
    en: "an RFC 3339 time such as 2027-01-11T09:30:00Z",
};
const LANGUAGE: Expect = Expect {
    nl: "`nl` of `en`",
    en: "`nl` or `en`",
};

/// The metadata columns both formats share.
struct MetaCols {
    response_id: Col,
    survey_id: Col,
    survey_version: Col,
    person_id: Option<Col>,
    submitted_at: Col,
    language: Option<Col>,
}

impl MetaCols {
    fn find(table: &Table) -> Result<MetaCols, InputError> {
        Ok(MetaCols {
            response_id: table.require(&["response_id"])?,
            survey_id: table.require(&["survey_id"])?,
            survey_version: table.require(&["survey_version"])?,
            person_id: table.column(&["person_id"]),
            submitted_at: table.require(&["submitted_at"])?,
            language: table.column(&["language"]),
        })
    }

    fn used(&self) -> Vec<Col> {
        let mut v = vec![
            self.response_id,
            self.survey_id,
            self.survey_version,
            self.submitted_at,
        ];
        v.extend(self.person_id);
        v.extend(self.language);
        v
    }

    /// Reads the metadata of a row into an answerless stored response.
    fn read(&self, r: &Reader<'_>, row: &Row) -> Result<StoredResponse, InputError> {
        let t = r.table;
        let survey_id = t.required(row, self.survey_id)?.to_string();
        if survey_id != r.survey.id {
            let id = &r.survey.id;
            return Err(t.cell_error(
                row,
                self.survey_id,
                Text::new(format!("vragenlijst `{id}`"), format!("survey `{id}`")),
            ));
        }
        let version = t.required(row, self.survey_version)?;
        let survey_version = version
            .parse()
            .map_err(|_| t.cell_error(row, self.survey_version, VERSION))?;
        // Written through csv_safe like every cell, so read back through `restore` too.
        let submitted = t.required(row, self.submitted_at)?;
        let submitted_at = crate::dates::parse_datetime(&restore(&submitted))
            .map(|d| d.and_utc())
            .ok_or_else(|| t.cell_error(row, self.submitted_at, TIME))?;
        let language = match t.opt(row, self.language) {
            None => Lang::default(),
            Some(code) => Lang::parse(&code).ok_or_else(|| {
                t.cell_error(row, self.language.unwrap_or(self.submitted_at), LANGUAGE)
            })?,
        };
        Ok(StoredResponse {
            response: Response {
                id: r.cell(row, self.response_id),
                survey_id,
                survey_version,
                language,
                answers: Answers::new(),
            },
            person_id: t
                .opt(row, self.person_id)
                .map(|p| read_back(&p))
                .filter(|p| !p.is_empty()),
            submitted_at,
            attributes: Attributes::new(),
        })
    }
}

/// Reads a long-format export back (any delimiter, with or without BOM), decoding values with
/// the definition's question types. The file is rejected whole on the first problem.
pub fn import_long(
    survey: &Survey,
    file: &str,
    reader: impl Read,
) -> Result<Vec<StoredResponse>, InputError> {
    long_from(survey, Table::read(file, reader)?)
}

/// Reads stored responses from either CSV export, telling them apart by the header: only the
/// long format has a `question_id` column.
pub fn import_csv(
    survey: &Survey,
    file: &str,
    reader: impl Read,
) -> Result<Vec<StoredResponse>, InputError> {
    let table = Table::read(file, reader)?;
    if table.column(&["question_id"]).is_some() {
        long_from(survey, table)
    } else {
        wide_from(survey, table)
    }
}

fn long_from(survey: &Survey, table: Table) -> Result<Vec<StoredResponse>, InputError> {
    let meta = MetaCols::find(&table)?;
    let question = table.require(&["question_id"])?;
    let value = table.require(&["value"])?;
    let mut used = meta.used();
    used.extend([question, value]);
    let attribute_cols = table.other_columns(&used);
    let r = Reader {
        table: &table,
        survey,
    };
    let mut order: Vec<String> = Vec::new();
    let mut found: BTreeMap<String, (StoredResponse, Pending, u64)> = BTreeMap::new();
    for row in table.rows() {
        let mut stored = meta.read(&r, row)?;
        stored.attributes = read_attributes(&r, row, &attribute_cols, "");
        let id = stored.response.id.clone();
        if id.is_empty() {
            table.required(row, meta.response_id)?;
        }
        let qid = r.cell(row, question);
        if qid.is_empty() {
            table.required(row, question)?;
        }
        let entry = found.entry(id.clone()).or_insert_with(|| {
            order.push(id.clone());
            (stored.clone(), Pending::default(), row.line())
        });
        if entry.0 != stored {
            let (shown_id, first) = (shown(&id), entry.2);
            return Err(r.error(
                row.line(),
                meta.response_id,
                format!(
                    "antwoord `{shown_id}` heeft een andere vragenlijst, persoon, tijd, taal of andere kenmerken dan op regel {first}; verwacht op elke regel van een antwoord dezelfde"
                ),
                format!(
                    "response `{shown_id}` has other survey, person, time, language or attributes than on line {first}; expected the same on every row of a response"
                ),
            ));
        }
        if entry.1.cells.contains_key(&qid) {
            let (shown_id, q) = (shown(&id), shown(&qid));
            return Err(r.error(
                row.line(),
                question,
                format!(
                    "antwoord `{shown_id}` beantwoordt `{q}` twee keer; verwacht één regel per antwoord"
                ),
                format!("response `{shown_id}` answers `{q}` twice; expected one row per answer"),
            ));
        }
        entry.1.cells.insert(
            qid,
            Cell {
                line: row.line(),
                col: value,
                value: r.cell(row, value),
            },
        );
    }
    let mut out = Vec::with_capacity(order.len());
    for id in order {
        if let Some((mut stored, pending, _)) = found.remove(&id) {
            stored.response.answers = r.answers(pending)?;
            out.push(stored);
        }
    }
    Ok(out)
}

fn read_attributes(r: &Reader<'_>, row: &Row, cols: &[(Col, &str)], prefix: &str) -> Attributes {
    cols.iter()
        .filter_map(|(col, header)| {
            // Headers are written through csv_safe too: `+region` comes back as `'+region`.
            let header = read_back(header);
            let name = header.strip_prefix(prefix)?;
            let v = r.cell(row, *col);
            (!v.is_empty()).then(|| (name.to_string(), v))
        })
        .collect()
}

/// Reads a wide-format export back, decoding values with the definition's question types.
pub fn import_wide(
    survey: &Survey,
    file: &str,
    reader: impl Read,
) -> Result<Vec<StoredResponse>, InputError> {
    wide_from(survey, Table::read(file, reader)?)
}

fn wide_from(survey: &Survey, table: Table) -> Result<Vec<StoredResponse>, InputError> {
    let meta = MetaCols::find(&table)?;
    let used = meta.used();
    let rest = table.other_columns(&used);
    let (attribute_cols, answer_cols): (Vec<_>, Vec<_>) = rest
        .into_iter()
        .partition(|(_, h)| h.starts_with(WIDE_ATTRIBUTE_PREFIX));
    let r = Reader {
        table: &table,
        survey,
    };
    let mut seen = BTreeMap::new();
    let mut out = Vec::new();
    for row in table.rows() {
        let mut stored = meta.read(&r, row)?;
        if stored.response.id.is_empty() {
            table.required(row, meta.response_id)?;
        }
        if let Some(first) = seen.insert(stored.response.id.clone(), row.line()) {
            let id = shown(&stored.response.id);
            return Err(r.error(
                row.line(),
                meta.response_id,
                format!(
                    "antwoord `{id}` staat ook op regel {first}; verwacht één regel per antwoord"
                ),
                format!("response `{id}` is also on line {first}; expected one row per response"),
            ));
        }
        stored.attributes = read_attributes(&r, row, &attribute_cols, WIDE_ATTRIBUTE_PREFIX);
        let mut pending = Pending::default();
        for (col, header) in &answer_cols {
            let value = r.cell(row, *col);
            if !value.is_empty() {
                pending.cells.insert(
                    header.to_string(),
                    Cell {
                        line: row.line(),
                        col: *col,
                        value,
                    },
                );
            }
        }
        stored.response.answers = r.answers(pending)?;
        out.push(stored);
    }
    Ok(out)
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
