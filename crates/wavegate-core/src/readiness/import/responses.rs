//! `responses.csv` in long format (one row per answer), assembled per response; the scored
//! items only. Large files can be cut into pieces and parsed on the caller's threads.

use super::Runner;
use super::cells::canonical_platform;
use super::files;
use crate::dates::parse_datetime;
use crate::dates::{SlashOrder, datetime_expected};
use crate::i18n::Text;
use crate::readiness::data::{PassThrough, ScoredAnswers, ScoredResponse};
use crate::tabular::{
    self, Cells, Col, FileProblem, Header, InputError, IntoText, ReadSeek, Source, quoted,
};
use chrono::NaiveDateTime;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::io::SeekFrom;

/// The stable question ids the engine scores; every other question is ignored.
fn scored_item(question: &str) -> Option<(Item, u8, u8)> {
    Some(match question {
        "adkar_awareness" => (Item::Adkar(0), 1, 5),
        "adkar_desire" => (Item::Adkar(1), 1, 5),
        "adkar_knowledge" => (Item::Adkar(2), 1, 5),
        "adkar_ability" => (Item::Adkar(3), 1, 5),
        "adkar_reinforcement" => (Item::Adkar(4), 1, 5),
        "enroll_experience" => (Item::Enroll, 1, 5),
        "nps" => (Item::Nps, 0, 10),
        _ => {
            let k: usize = question.strip_prefix("sus_")?.parse().ok()?;
            if !(1..=10).contains(&k) {
                return None;
            }
            (Item::Sus(k - 1), 1, 5)
        }
    })
}

/// Whether answers to `survey` can feed readiness: it asks at least one question the engine
/// scores (an ADKAR item, enrollment experience, NPS or a SUS item, by id). Only such a
/// survey's invitations count people as asked to answer (see `invitations.csv`): a survey of
/// open questions about something else would otherwise lower the response rate.
pub fn feeds_readiness(survey: &crate::survey::Survey) -> bool {
    survey.questions().any(|q| {
        let items: &[crate::survey::MatrixItem] = match &q.kind {
            crate::survey::QuestionKind::Matrix { items, .. } => items,
            _ => &[],
        };
        scored_item(&q.id).is_some() || items.iter().any(|i| scored_item(&i.id).is_some())
    })
}

#[derive(Clone, Copy, Debug)]
enum Item {
    Adkar(usize),
    Enroll,
    Nps,
    Sus(usize),
}

impl Item {
    /// The question id of the item (the first of the ids that name it).
    fn question(self) -> String {
        match self {
            Item::Adkar(i) => {
                let names = [
                    "awareness",
                    "desire",
                    "knowledge",
                    "ability",
                    "reinforcement",
                ];
                format!("adkar_{}", names.get(i).copied().unwrap_or("awareness"))
            }
            Item::Enroll => "enroll_experience".to_string(),
            Item::Nps => "nps".to_string(),
            Item::Sus(i) => format!("sus_{}", i + 1),
        }
    }
}

fn same_person(response: &str, person: Option<&str>) -> Text {
    let person = quoted(person.unwrap_or(""));
    let response = quoted(response);
    Text::new(
        format!("dezelfde person_id op elke regel van antwoord {response} ({person})"),
        format!("the same person_id on every row of response {response} ({person})"),
    )
}

fn answered_once(response: &str, first: u8, second: u8) -> Text {
    let response = quoted(response);
    Text::new(
        format!(
            "elke vraag één keer per antwoord (antwoord {response} beantwoordt haar met {first} en met {second})"
        ),
        format!(
            "each question once per response (response {response} answers it with {first} and with {second})"
        ),
    )
}

impl ScoredAnswers {
    fn slot(&mut self, item: Item) -> &mut Option<u8> {
        match item {
            Item::Adkar(i) => &mut self.adkar[i],
            Item::Enroll => &mut self.enroll_experience,
            Item::Nps => &mut self.nps,
            Item::Sus(i) => &mut self.sus[i],
        }
    }
}

/// The columns of `responses.csv`.
#[derive(Clone, Debug)]
struct ResponseColumns {
    rid: Col,
    sid: Col,
    pid: Col,
    when: Col,
    qid: Col,
    value: Col,
    /// Segment attributes of anonymous responses (header key).
    extra: Vec<(Col, String)>,
}

impl ResponseColumns {
    fn find(head: &Header) -> Result<ResponseColumns, InputError> {
        let rid = head.require(&["response_id"])?;
        let sid = head.require(&["survey_id"])?;
        let pid = head.require(&["person_id"])?;
        let when = head.require(&["submitted_at"])?;
        let qid = head.require(&["question_id"])?;
        let value = head.require(&["value"])?;
        let version = head.optional(&["survey_version"])?;
        let mut used = vec![rid, sid, pid, when, qid, value];
        used.extend(version);
        // The attributes of anonymous responses: one named twice would be two values.
        let mut extra = Vec::new();
        for (c, h) in head.other_columns(&used) {
            extra.push((head.once(c)?, tabular::header_key(h)));
        }
        Ok(ResponseColumns {
            rid,
            sid,
            pid,
            when,
            qid,
            value,
            extra,
        })
    }
}

/// Responses read from one piece of `responses.csv` (see [`read_responses_in_parts`]).
#[derive(Debug)]
pub struct ResponsesPart {
    responses: Vec<ScoredResponse>,
    /// Line of each response's first row, for errors found when pieces are joined.
    lines: Vec<u64>,
}

fn response_rows(
    head: &Header,
    cols: &ResponseColumns,
    rows: &mut tabular::Rows<'_>,
) -> Result<ResponsesPart, InputError> {
    let mut out: Vec<ScoredResponse> = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    let mut index: HashMap<String, usize, foldhash::fast::RandomState> = HashMap::default();
    // Long format repeats the response on consecutive rows: remember the last one.
    let mut last: Option<usize> = None;
    let mut last_when = (String::new(), None::<NaiveDateTime>);
    while let Some(row) = rows.next_row(head)? {
        let response_id = head.required(&row, cols.rid)?;
        let person = head.get(&row, cols.pid);
        // Every row's time and survey are checked, not only a response's first row's: a piece
        // of the file may start in the middle of a response, and the result must not depend on
        // where the pieces were cut. Consecutive rows repeat the time: parsed once.
        let stamp = head.required(&row, cols.when)?;
        let submitted_at = if last_when.0 == stamp {
            last_when.1
        } else {
            // Wavegate writes ISO 8601 here; slash dates are read day first, the same in
            // every round of a file read in rounds.
            let parsed = parse_datetime(&stamp);
            last_when = (stamp.to_string(), parsed);
            parsed
        }
        .ok_or_else(|| {
            let expected = datetime_expected(&stamp, SlashOrder::DayFirst);
            head.cell_error(&row, cols.when, expected)
        })?;
        let survey_id = head.required(&row, cols.sid)?;
        let r = match last.filter(|&i| out[i].id == response_id) {
            Some(i) => i,
            None => match index.get(&*response_id) {
                Some(&i) => i,
                None => {
                    let attributes = if person.is_empty() {
                        cols.extra
                            .iter()
                            .filter_map(|(c, name)| {
                                let v = head.get(&row, *c);
                                let v = if name == "platform" {
                                    canonical_platform(&v)
                                } else {
                                    &v
                                };
                                (!v.is_empty()).then(|| (name.clone(), v.to_string()))
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    out.push(ScoredResponse {
                        id: response_id.to_string(),
                        survey_id: survey_id.to_string(),
                        person_id: (!person.is_empty()).then(|| person.to_string()),
                        submitted_at,
                        attributes,
                        answers: ScoredAnswers::default(),
                    });
                    lines.push(row.line());
                    index.insert(response_id.to_string(), out.len() - 1);
                    out.len() - 1
                }
            },
        };
        last = Some(r);
        if out[r].person_id.as_deref().unwrap_or("") != person {
            return Err(head.cell_error(
                &row,
                cols.pid,
                same_person(&response_id, out[r].person_id.as_deref()),
            ));
        }
        let Some((item, lo, hi)) = scored_item(&head.get(&row, cols.qid)) else {
            continue;
        };
        let raw = head.get(&row, cols.value);
        if raw.is_empty() {
            continue; // skipped question
        }
        let v: u8 = raw
            .parse()
            .ok()
            .filter(|v| (lo..=hi).contains(v))
            .ok_or_else(|| {
                head.cell_error(
                    &row,
                    cols.value,
                    Text::new(
                        format!("een geheel getal van {lo} tot en met {hi}"),
                        format!("a whole number from {lo} to {hi}"),
                    ),
                )
            })?;
        let slot = out[r].answers.slot(item);
        match *slot {
            Some(prev) if prev != v => {
                return Err(head.cell_error(&row, cols.qid, answered_once(&response_id, prev, v)));
            }
            _ => *slot = Some(v),
        }
    }
    Ok(ResponsesPart {
        responses: out,
        lines,
    })
}

/// Joins the pieces in file order: a response whose rows fall in several pieces becomes one.
fn join_parts(
    head: &Header,
    cols: &ResponseColumns,
    parts: Vec<ResponsesPart>,
) -> Result<Vec<ScoredResponse>, InputError> {
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else {
        return Ok(Vec::new());
    };
    let mut out = first.responses;
    let rest: Vec<ResponsesPart> = parts.collect();
    if rest.is_empty() {
        return Ok(out);
    }
    // Room for every response at once: a file read in rounds comes in dozens of pieces.
    out.reserve(rest.iter().map(|p| p.responses.len()).sum());
    // Ids by hash, confirmed on the stored id: no copy of every id of the first piece.
    let state = foldhash::fast::RandomState::default();
    let hash = |id: &str| {
        use std::hash::BuildHasher;
        state.hash_one(id)
    };
    // Chains of responses per hash: `heads` holds the latest, `next[i]` the one before `i`.
    let mut heads: HashMap<u64, usize, BuildHasherDefault<PassThrough>> =
        HashMap::with_capacity_and_hasher(out.len(), Default::default());
    let mut next: Vec<usize> = Vec::with_capacity(out.len());
    for (i, r) in out.iter().enumerate() {
        next.push(heads.insert(hash(&r.id), i).unwrap_or(usize::MAX));
    }
    for part in rest {
        for (r, line) in part.responses.into_iter().zip(part.lines) {
            let h = hash(&r.id);
            let mut j = heads.get(&h).copied().unwrap_or(usize::MAX);
            while j != usize::MAX && out[j].id != r.id {
                j = next[j];
            }
            if j == usize::MAX {
                next.push(heads.insert(h, out.len()).unwrap_or(usize::MAX));
                out.push(r);
                continue;
            }
            let i = j;
            let at = |col: Col, found: &str, expected: Text| {
                head.problem_at(
                    line,
                    col,
                    FileProblem::Cell {
                        expected,
                        found: found.to_string(),
                    },
                )
            };
            let earlier = &mut out[i];
            if earlier.person_id != r.person_id {
                return Err(at(
                    cols.pid,
                    r.person_id.as_deref().unwrap_or(""),
                    same_person(&r.id, earlier.person_id.as_deref()),
                ));
            }
            let mut later = r.answers;
            for item in ITEMS {
                let (a, b) = (*earlier.answers.slot(item), *later.slot(item));
                match (a, b) {
                    (Some(x), Some(y)) if x != y => {
                        return Err(at(cols.qid, &item.question(), answered_once(&r.id, x, y)));
                    }
                    (None, Some(y)) => *earlier.answers.slot(item) = Some(y),
                    _ => {}
                }
            }
        }
    }
    Ok(out)
}

const ITEMS: [Item; 17] = [
    Item::Adkar(0),
    Item::Adkar(1),
    Item::Adkar(2),
    Item::Adkar(3),
    Item::Adkar(4),
    Item::Enroll,
    Item::Nps,
    Item::Sus(0),
    Item::Sus(1),
    Item::Sus(2),
    Item::Sus(3),
    Item::Sus(4),
    Item::Sus(5),
    Item::Sus(6),
    Item::Sus(7),
    Item::Sus(8),
    Item::Sus(9),
];

/// Reads survey answers in long format (one row per answer, as Wavegate exports them).
/// Columns beyond the standard seven are the segment attributes of anonymous responses.
pub fn read_responses<'a>(input: impl IntoText<'a>) -> Result<Vec<ScoredResponse>, InputError> {
    read_responses_in_parts(input, 1, &super::InOrder)
}

/// A piece of work of [`read_responses_in_parts`].
pub type ResponsesJob<'t> = Box<dyn FnOnce() -> Result<ResponsesPart, InputError> + Send + 't>;

/// Reads `responses.csv` in up to `parts` pieces (cut at record boundaries), each a job of
/// `runner`; a [`Seekable`](tabular::Seekable) file is read in rounds of
/// [`ROUND_BYTES`](tabular::ROUND_BYTES), each in such pieces. The result, and the first error in
/// file order, are the same as [`read_responses`]'.
pub fn read_responses_in_parts<'a>(
    input: impl IntoText<'a>,
    parts: usize,
    runner: &impl Runner,
) -> Result<Vec<ScoredResponse>, InputError> {
    match input.into_source(files::RESPONSES)? {
        Source::Text(text) => responses_of_text(&text, parts, runner),
        Source::Stream(stream) => {
            read_responses_in_rounds(stream, tabular::ROUND_BYTES, parts, runner)
        }
    }
}

fn responses_of_text(
    text: &str,
    parts: usize,
    runner: &impl Runner,
) -> Result<Vec<ScoredResponse>, InputError> {
    let (head, pieces) = tabular::scan_parts(files::RESPONSES, text, parts)?;
    let head = head.with_formula_guards_undone();
    let cols = ResponseColumns::find(&head)?;
    let done = parse_pieces(&head, &cols, pieces, runner)?;
    join_parts(&head, &cols, done)
}

/// Reads `responses.csv` from `stream` in rounds of about `round_bytes`, each cut into up to
/// `parts` pieces (see [`scan_rounds`](tabular::scan_rounds)). The result, and the first error
/// in file order, are the same as [`read_responses`]'.
pub fn read_responses_in_rounds(
    mut stream: impl ReadSeek,
    round_bytes: usize,
    parts: usize,
    runner: &impl Runner,
) -> Result<Vec<ScoredResponse>, InputError> {
    let file = files::RESPONSES;
    let unreadable = |e: std::io::Error| {
        InputError::file(
            file,
            0,
            FileProblem::Unreadable {
                detail: e.to_string(),
            },
        )
    };
    let start = stream.stream_position().map_err(unreadable)?;
    let mut cols: Option<ResponseColumns> = None;
    let mut done = Vec::new();
    let head = tabular::scan_rounds(file, &mut stream, round_bytes, parts, |head, pieces| {
        let head = &head.clone().with_formula_guards_undone();
        let cols = match &mut cols {
            Some(cols) => cols,
            empty => empty.insert(ResponseColumns::find(head)?),
        };
        done.extend(parse_pieces(head, cols, pieces, runner)?);
        Ok(())
    })?;
    match (head, cols) {
        (Some(head), Some(cols)) => join_parts(&head.with_formula_guards_undone(), &cols, done),
        // Not UTF-8: the whole file is Windows-1252, decoded at once as every importer does.
        _ => {
            stream.seek(SeekFrom::Start(start)).map_err(unreadable)?;
            let text = tabular::read_text(file, stream)?;
            responses_of_text(&text, parts, runner)
        }
    }
}

/// Parses pieces of rows as jobs of `runner`; the first error in file order wins.
fn parse_pieces(
    head: &Header,
    cols: &ResponseColumns,
    pieces: Vec<tabular::Rows<'_>>,
    runner: &impl Runner,
) -> Result<Vec<ResponsesPart>, InputError> {
    let jobs: Vec<ResponsesJob<'_>> = pieces
        .into_iter()
        .map(|mut rows| Box::new(move || response_rows(head, cols, &mut rows)) as ResponsesJob<'_>)
        .collect();
    runner.run(jobs).into_iter().collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn only_a_survey_that_asks_a_scored_question_feeds_readiness() {
        use crate::survey::templates::builtin;
        let feeds = |id: &str| feeds_readiness(&builtin(id).unwrap());
        // ADKAR and NPS as questions, SUS as the items of a matrix.
        assert!(feeds("pilot-feedback") && feeds("sus") && feeds("nps"));
        // An employee NPS and a pulse about the device ask nothing the engine scores.
        assert!(!feeds("enps") && !feeds("om-pulse"));
    }

    use super::*;
    use crate::readiness::import::Backwards;

    #[test]
    fn responses_in_long_format_are_assembled_per_response() {
        let text = "response_id,survey_id,survey_version,person_id,submitted_at,question_id,value,wave,department\n\
r1,pilot-feedback,1,p1,2027-01-20T10:00:00Z,adkar_awareness,4,,\n\
r1,pilot-feedback,1,p1,2027-01-20T10:00:00Z,channel,mail|intranet,,\n\
r1,pilot-feedback,1,p1,2027-01-20T10:00:00Z,nps,9,,\n\
r2,pilot-feedback,1,,2027-01-21T10:00:00Z,adkar_desire,2,pilot,Finance\n\
r1,pilot-feedback,1,p1,2027-01-20T10:00:00Z,sus_3,5,,\n";
        let r = read_responses(text.as_bytes()).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].answers.adkar[0], Some(4));
        assert_eq!(r[0].answers.nps, Some(9));
        assert_eq!(r[0].answers.sus[2], Some(5));
        assert_eq!(r[1].person_id, None);
        assert_eq!(
            r[1].attributes,
            vec![
                ("wave".to_string(), "pilot".to_string()),
                ("department".to_string(), "Finance".to_string())
            ]
        );
    }

    #[test]
    fn responses_read_in_parts_equal_responses_read_whole() {
        let mut text = String::from(
            "response_id,survey_id,survey_version,person_id,submitted_at,question_id,value\n",
        );
        for r in 0..40 {
            for (q, v) in [
                ("adkar_awareness", 4),
                ("comment", 0),
                ("nps", 9),
                ("sus_1", 3),
            ] {
                let value = if q == "comment" {
                    "\"fine,\nreally\"".to_string()
                } else {
                    v.to_string()
                };
                text.push_str(&format!("r{r},s,1,p{r},2027-01-20,{q},{value}\n"));
            }
        }
        let whole = read_responses(text.as_bytes()).unwrap();
        for parts in [2, 3, 7, 50] {
            let pieces = read_responses_in_parts(text.as_bytes(), parts, &Backwards).unwrap();
            assert_eq!(pieces, whole, "{parts} parts");
        }
        assert_eq!(whole.len(), 40);
        assert_eq!(whole[39].answers.sus[0], Some(3));
    }

    #[test]
    fn responses_read_in_rounds_equal_responses_read_whole_whatever_the_encoding() {
        let mut text = String::from(
            "response_id,survey_id,survey_version,person_id,submitted_at,question_id,value\n",
        );
        for r in 0..30 {
            text.push_str(&format!("r{r},s,1,p{r},2027-01-20,nps,{}\n", r % 11));
            text.push_str(&format!(
                "r{r},s,1,p{r},2027-01-20,comment,\"caf\u{e9},\nok\"\n"
            ));
        }
        let utf8 = text.as_bytes().to_vec();
        let cp1252: Vec<u8> = text
            .chars()
            .map(|c| if c == '\u{e9}' { 0xE9 } else { c as u8 })
            .collect();
        for bytes in [utf8, cp1252] {
            let whole = read_responses(&bytes[..]).unwrap();
            assert_eq!(whole.len(), 30);
            for round in [16, 100, 1000] {
                // The stream starts where the reader stands, not at byte 0.
                let mut padded = b"xx".to_vec();
                padded.extend_from_slice(&bytes);
                let mut cursor = std::io::Cursor::new(padded);
                cursor.set_position(2);
                let rounds = read_responses_in_rounds(cursor, round, 2, &Backwards).unwrap();
                assert_eq!(rounds, whole, "round {round}");
            }
        }
    }

    #[test]
    fn a_conflict_across_pieces_is_found_with_its_line() {
        let mut text = String::from(
            "response_id,survey_id,survey_version,person_id,submitted_at,question_id,value\n",
        );
        for k in 0..30 {
            text.push_str(&format!("r1,s,1,p1,2027-01-20,q{k},x\n"));
        }
        text.push_str("r1,s,1,p1,2027-01-20,nps,9\n");
        for k in 0..30 {
            text.push_str(&format!("r2,s,1,p2,2027-01-20,q{k},x\n"));
        }
        text.push_str("r1,s,1,p1,2027-01-20,nps,3\n");
        let whole = read_responses(text.as_bytes()).unwrap_err();
        assert_eq!((whole.line, whole.column), (63, Some(6)));
        let parts = read_responses_in_parts(text.as_bytes(), 2, &Backwards).unwrap_err();
        assert_eq!(parts.column, Some(6), "{parts}");
        assert!(
            parts
                .message(crate::i18n::Lang::En)
                .contains("each question once"),
            "{parts}"
        );
    }

    #[test]
    fn a_bad_time_on_a_later_row_of_a_response_is_rejected_however_the_file_is_cut() {
        // Found by fuzzing: only a response's first row was checked, so the whole file was
        // accepted while a piece starting at the bad row was rejected.
        let mut text = String::from(
            "response_id,survey_id,survey_version,person_id,submitted_at,question_id,value\n",
        );
        for k in 0..40 {
            let when = if k == 30 { "2027-0x-20" } else { "2027-01-20" };
            text.push_str(&format!("r1,s,1,p1,{when},q{k},x\n"));
        }
        let whole = read_responses(text.as_bytes()).unwrap_err();
        assert_eq!((whole.line, whole.column), (32, Some(5)));
        for parts in [2, 3, 7] {
            let err = read_responses_in_parts(text.as_bytes(), parts, &Backwards).unwrap_err();
            assert_eq!(err, whole, "{parts} parts");
        }
    }

    #[test]
    fn an_out_of_range_answer_names_the_cell() {
        let text = "response_id,survey_id,survey_version,person_id,submitted_at,question_id,value\nr1,s,1,p1,2027-01-20,adkar_desire,7\n";
        let err = read_responses(text.as_bytes()).unwrap_err();
        assert_eq!((err.line, err.column), (2, Some(7)));
        assert!(
            err.message(crate::i18n::Lang::En).contains("from 1 to 5"),
            "{err}"
        );
        assert!(
            err.message(crate::i18n::Lang::Nl)
                .contains("van 1 tot en met 5"),
            "{err}"
        );
    }
}
