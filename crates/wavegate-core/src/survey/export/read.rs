//! Exports read back into responses: the long and the wide format, each cell checked against the
//! survey's definition and every problem placed at its file, line and column.

use super::{StoredResponse, WIDE_ATTRIBUTE_PREFIX};
use crate::csv_safe::{read_back, restore};
use crate::i18n::{Lang, Text};
use crate::survey::logic::yes_no_text;
use crate::survey::model::{
    Answer, Answers, Attributes, ChoicesAnswer, QuestionKind, Response, Survey,
};
use crate::tabular::{Col, Expect, FileProblem, InputError, Row, Table, quoted, shown};
use std::collections::BTreeMap;
use std::io::Read;

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
