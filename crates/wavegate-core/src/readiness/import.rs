//! Importers for the files of a data directory (DATA.md), over `io::Read`.
//!
//! Each reads a whole file or rejects it with the first problem (file, line, column, what was
//! expected). The large files (devices, responses, training) are read row by row through
//! [`tabular::scan`] so a million answers do not become millions of `String`s.

use super::data::{
    Answers, Caseless, Compliance, DataSet, Device, EnrollmentFailure, Inputs, PassThrough,
    Response, Roster, Ticket, TrainingRecord, TrainingStatus,
};
use super::program::{PROGRAM_FILE, Program};
use crate::tabular::{self, Cells, Col, Header, InputError, parse_datetime, read_text};
use chrono::NaiveDateTime;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::io::Read;
use std::sync::Arc;

/// The file names of a data directory.
pub mod files {
    /// The program.
    pub const PROGRAM: &str = super::PROGRAM_FILE;
    /// The roster.
    pub const ROSTER: &str = "roster.csv";
    /// Intune "All devices" export.
    pub const DEVICES: &str = "devices.csv";
    /// Intune enrollment-failure export.
    pub const FAILURES: &str = "enrollment_failures.csv";
    /// Helpdesk tickets.
    pub const TICKETS: &str = "tickets.csv";
    /// Survey answers, long format.
    pub const RESPONSES: &str = "responses.csv";
    /// Training records.
    pub const TRAINING: &str = "training.csv";
}

const DATETIME: &str = tabular::DATETIME_EXPECTED;

fn datetime<R: Cells>(head: &Header, row: &R, col: Col) -> Result<NaiveDateTime, InputError> {
    let v = head.required(row, col)?;
    parse_datetime(v).ok_or_else(|| head.cell_error(row, col, DATETIME))
}

fn opt_datetime<R: Cells>(
    head: &Header,
    row: &R,
    col: Option<Col>,
) -> Result<Option<NaiveDateTime>, InputError> {
    head.parse_opt(row, col, DATETIME, parse_datetime)
}

/// Canonical spelling of the platforms Wavegate knows; other values are kept as written.
pub fn canonical_platform(value: &str) -> &str {
    if matches!(value, "Windows" | "iOS" | "Android" | "macOS") {
        return value; // the common case, without allocating
    }
    match value
        .to_ascii_lowercase()
        .replace([' ', '_', '-'], "")
        .as_str()
    {
        "windows" | "windows10" | "windows11" | "win" => "Windows",
        "ios" | "ipados" | "iphone" | "ipad" | "iosipados" => "iOS",
        "android" | "androidenterprise" | "androidworkprofile" => "Android",
        "macos" | "mac" | "osx" | "macosx" => "macOS",
        _ => value,
    }
}

/// Finds repeated values (ignoring case) without keeping a lowercased copy of each: a hundred
/// thousand ids are checked by hash, and a hash match is confirmed on the stored value.
#[derive(Default)]
struct Repeats {
    state: std::hash::RandomState,
    seen: HashMap<u64, (usize, u64), std::hash::BuildHasherDefault<PassThrough>>,
}

impl Repeats {
    /// Records `value` (stored at `index`, read on `line`); returns the line of an earlier
    /// occurrence. `stored` gives back the value stored at an index.
    fn check<'s>(
        &mut self,
        value: &str,
        index: usize,
        line: u64,
        stored: impl Fn(usize) -> &'s str,
    ) -> Option<u64> {
        use std::hash::BuildHasher;
        let h = self.state.hash_one(Caseless(value));
        match self.seen.get(&h) {
            Some(&(i, first)) if stored(i).eq_ignore_ascii_case(value) => Some(first),
            Some(_) => None, // a 64-bit hash collision between different values
            None => {
                self.seen.insert(h, (index, line));
                None
            }
        }
    }
}

/// Interns a column's values: a short list is searched directly (rosters have a handful of
/// platforms and regions), a long one through a hash map.
#[derive(Default)]
struct Interner {
    values: Vec<(String, u32)>,
    map: HashMap<String, u32>,
}

impl Interner {
    fn get(&mut self, value: &str, make: impl FnOnce(&str) -> u32) -> u32 {
        if self.map.is_empty() {
            if let Some((_, c)) = self.values.iter().find(|(v, _)| v == value) {
                return *c;
            }
            let c = make(value);
            self.values.push((value.to_string(), c));
            if self.values.len() > 16 {
                self.map = self.values.iter().cloned().collect();
            }
            return c;
        }
        if let Some(&c) = self.map.get(value) {
            return c;
        }
        let c = make(value);
        self.map.insert(value.to_string(), c);
        c
    }
}

/// Reads `roster.csv`. Every `wave` must be a wave of `program`; `person_id` and `email` must be
/// unique. Columns other than `person_id`, `email` and `wave` become segment attributes.
pub fn read_roster(reader: impl Read, program: &Program) -> Result<Roster, InputError> {
    let file = files::ROSTER;
    let text = read_text(file, reader)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let id = head.require(&["person_id", "person id", "id", "employee_id"])?;
    let wave = head.require(&["wave"])?;
    let email = head.column(&["email", "e-mail", "upn", "user_principal_name", "mail"]);
    let mut used = vec![id, wave];
    used.extend(email);
    let attribute_cols: Vec<(Col, String)> = head
        .other_columns(&used)
        .into_iter()
        .map(|(c, h)| (c, tabular::header_key(h)))
        .collect();
    let mut roster = Roster::default();
    let attr_index: Vec<usize> = attribute_cols
        .iter()
        .map(|(_, name)| {
            roster.attribute_mut(name);
            roster.attributes.len() - 1
        })
        .collect();
    let mut seen_ids = Repeats::default();
    let mut seen_emails = Repeats::default();
    let mut interners: Vec<Interner> = attribute_cols.iter().map(|_| Interner::default()).collect();
    let wave_ids: Vec<&str> = program.waves.iter().map(|w| w.id.as_str()).collect();
    while let Some(row) = rows.next_row(&head)? {
        let pid = head.required(&row, id)?;
        let person = roster.ids.len();
        if let Some(first) = seen_ids.check(pid, person, row.line(), |i| roster.ids[i].as_str()) {
            return Err(head.cell_error(
                &row,
                id,
                &format!("a unique person_id (this one is also on line {first})"),
            ));
        }
        let w = head.required(&row, wave)?;
        let Some(w_index) = program.wave_index(w) else {
            return Err(head.cell_error(
                &row,
                wave,
                &format!("a wave of program.toml ({})", wave_ids.join(", ")),
            ));
        };
        let mail = head.opt(&row, email);
        if let Some(m) = mail
            && let Some(first) = seen_emails.check(m, person, row.line(), |i| {
                roster.emails[i].as_deref().unwrap_or("")
            })
            && let Some(c) = email
        {
            return Err(head.cell_error(
                &row,
                c,
                &format!("a unique email (this one is also on line {first})"),
            ));
        }
        roster.ids.push(pid.to_string());
        roster.emails.push(mail.map(str::to_lowercase));
        roster
            .waves
            .push(u16::try_from(w_index).unwrap_or(u16::MAX));
        for (((col, name), &a), interner) in
            attribute_cols.iter().zip(&attr_index).zip(&mut interners)
        {
            let raw = head.get(&row, *col);
            let value = if name == "platform" {
                canonical_platform(raw)
            } else {
                raw
            };
            let code = interner.get(value, |v| roster.intern(a, v));
            let codes = &mut roster.attributes[a].codes;
            codes.resize(person, super::data::NO_VALUE);
            codes.push(code);
        }
    }
    if roster.is_empty() {
        return Err(InputError::file(
            file,
            0,
            "the roster has no people; expected one row per person",
        ));
    }
    Ok(roster)
}

fn compliance(v: &str) -> Option<Compliance> {
    // Intune's own spellings first, without building a lowercase key.
    match v {
        "Compliant" => return Some(Compliance::Compliant),
        "Noncompliant" => return Some(Compliance::Noncompliant),
        _ => {}
    }
    let key: String = v
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    Some(match key.as_str() {
        "compliant" => Compliance::Compliant,
        "noncompliant" | "notcompliant" => Compliance::Noncompliant,
        "ingraceperiod" => Compliance::InGracePeriod,
        "configmanager" => Compliance::ConfigManager,
        "error" | "conflict" => Compliance::Error,
        "unknown" | "notevaluated" | "notapplicable" => Compliance::Unknown,
        _ => return None,
    })
}

/// Reads an Intune "All devices" export (console or Graph report headers).
pub fn read_devices(reader: impl Read) -> Result<Vec<Device>, InputError> {
    let file = files::DEVICES;
    let text = read_text(file, reader)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let upn = head.require(&[
        "Primary user UPN",
        "PrimaryUserUPN",
        "UPN",
        "userPrincipalName",
        "Primary user email address",
    ])?;
    let state = head.require(&["Compliance", "ComplianceState"])?;
    let enrolled = head.require(&["Enrollment date", "CreatedDate", "EnrolledDateTime"])?;
    let os = head.column(&["OS", "Operating system", "OperatingSystem", "Platform"]);
    let mut out = Vec::new();
    while let Some(row) = rows.next_row(&head)? {
        let c = head.get(&row, state);
        let compliance = if c.is_empty() {
            Compliance::Unknown
        } else {
            super::import::compliance(c).ok_or_else(|| {
                head.cell_error(
                    &row,
                    state,
                    "a compliance state (Compliant, Noncompliant, InGracePeriod, ConfigManager, Error or Unknown)",
                )
            })?
        };
        let user = head.get(&row, upn);
        out.push(Device {
            upn: (!user.is_empty() && !user.eq_ignore_ascii_case("none"))
                .then(|| user.to_lowercase()),
            os: head.opt(&row, os).unwrap_or("").to_string(),
            compliance,
            enrolled_at: datetime(&head, &row, enrolled)?,
        });
    }
    Ok(out)
}

/// Reads an Intune enrollment-failure export.
pub fn read_failures(reader: impl Read) -> Result<Vec<EnrollmentFailure>, InputError> {
    let file = files::FAILURES;
    let text = read_text(file, reader)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let when = head.require(&["EnrollmentFailureDateTime", "Failure date time", "DateTime"])?;
    let upn = head.require(&["UPN", "UserPrincipalName", "User principal name"])?;
    let reason = head.column(&["FailureReason", "Failure reason", "FailureCategory"]);
    let os = head.column(&["OS", "Operating system"]);
    let mut out = Vec::new();
    while let Some(row) = rows.next_row(&head)? {
        out.push(EnrollmentFailure {
            upn: head.required(&row, upn)?.to_lowercase(),
            at: datetime(&head, &row, when)?,
            reason: head.opt(&row, reason).unwrap_or("").to_string(),
            os: head.opt(&row, os).unwrap_or("").to_string(),
        });
    }
    Ok(out)
}

fn priority(v: &str) -> Option<u8> {
    let v = v.trim_start_matches(['P', 'p']);
    let digit = v.chars().next()?.to_digit(10)?;
    let rest = v[1..].trim_start();
    let clean = rest.is_empty() || rest.starts_with('-') || rest.starts_with(' ');
    ((1..=5).contains(&digit) && clean).then_some(digit as u8)
}

fn closed_state(v: &str) -> bool {
    let v = v.trim().to_lowercase();
    matches!(
        v.as_str(),
        "resolved"
            | "closed"
            | "cancelled"
            | "canceled"
            | "closed complete"
            | "closed incomplete"
            | "opgelost"
            | "gesloten"
            | "geannuleerd"
            | "6"
            | "7"
            | "8"
    ) || v.starts_with("closed")
}

/// Reads helpdesk tickets (ServiceNow display labels or field names; `?` is empty). An
/// event-log export (several rows per number) keeps each ticket's latest row: by
/// `sys_updated_at` when present, else the last row in the file.
pub fn read_tickets(reader: impl Read) -> Result<Vec<Ticket>, InputError> {
    let file = files::TICKETS;
    let text = read_text(file, reader)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let head = head.with_question_mark_as_empty();
    let number = head.require(&["number"])?;
    let opened = head.require(&["opened_at", "opened", "sys_created_on", "created"])?;
    let caller = head.require(&["caller", "caller_id", "opened_by", "requested_for"])?;
    let category = head.require(&["category"])?;
    let prio = head.column(&["priority"]);
    let state = head.column(&["state", "incident_state", "status"]);
    let resolved = head.column(&["resolved_at", "resolved", "closed_at", "closed"]);
    let updated = head.column(&["sys_updated_at", "sys_updated_on", "updated"]);
    let mut latest: HashMap<String, (Option<NaiveDateTime>, usize)> = HashMap::new();
    let mut out: Vec<Ticket> = Vec::new();
    while let Some(row) = rows.next_row(&head)? {
        let num = head.required(&row, number)?;
        let ticket = Ticket {
            number: num.to_string(),
            opened_at: datetime(&head, &row, opened)?,
            caller: head.required(&row, caller)?.to_lowercase(),
            category: head.opt(&row, Some(category)).unwrap_or("").to_string(),
            priority: head.parse_opt(
                &row,
                prio,
                "a priority 1 to 4 (or like \"1 - Critical\")",
                priority,
            )?,
            closed: head.opt(&row, state).is_some_and(closed_state),
            resolved_at: opt_datetime(&head, &row, resolved)?,
        };
        let stamp = opt_datetime(&head, &row, updated)?;
        match latest.get_mut(num) {
            Some((best, index)) => {
                // Ties and missing stamps: the later row wins, as in the export's own order.
                if stamp >= *best {
                    *best = stamp;
                    out[*index] = ticket;
                }
            }
            None => {
                latest.insert(num.to_string(), (stamp, out.len()));
                out.push(ticket);
            }
        }
    }
    Ok(out)
}

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

#[derive(Clone, Copy, Debug)]
enum Item {
    Adkar(usize),
    Enroll,
    Nps,
    Sus(usize),
}

impl Answers {
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
        let version = head.column(&["survey_version"]);
        let mut used = vec![rid, sid, pid, when, qid, value];
        used.extend(version);
        let extra = head
            .other_columns(&used)
            .into_iter()
            .map(|(c, h)| (c, tabular::header_key(h)))
            .collect();
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
    responses: Vec<Response>,
    /// Line of each response's first row, for errors found when pieces are joined.
    lines: Vec<u64>,
}

fn response_rows(
    head: &Header,
    cols: &ResponseColumns,
    rows: &mut tabular::Rows<'_>,
) -> Result<ResponsesPart, InputError> {
    let mut out: Vec<Response> = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // Long format repeats the response on consecutive rows: remember the last one.
    let mut last: Option<usize> = None;
    let mut last_when = (String::new(), None::<NaiveDateTime>);
    while let Some(row) = rows.next_row(head)? {
        let response_id = head.required(&row, cols.rid)?;
        let person = head.get(&row, cols.pid);
        let r = match last.filter(|&i| out[i].id == response_id) {
            Some(i) => i,
            None => match index.get(response_id) {
                Some(&i) => i,
                None => {
                    let stamp = head.required(&row, cols.when)?;
                    let submitted_at = if last_when.0 == stamp {
                        last_when.1
                    } else {
                        let parsed = parse_datetime(stamp);
                        last_when = (stamp.to_string(), parsed);
                        parsed
                    }
                    .ok_or_else(|| head.cell_error(&row, cols.when, DATETIME))?;
                    let attributes = if person.is_empty() {
                        cols.extra
                            .iter()
                            .filter_map(|(c, name)| {
                                let v = head.get(&row, *c);
                                let v = if name == "platform" {
                                    canonical_platform(v)
                                } else {
                                    v
                                };
                                (!v.is_empty()).then(|| (name.clone(), v.to_string()))
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    out.push(Response {
                        id: response_id.to_string(),
                        survey_id: head.required(&row, cols.sid)?.to_string(),
                        person_id: (!person.is_empty()).then(|| person.to_string()),
                        submitted_at,
                        attributes,
                        answers: Answers::default(),
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
                &format!(
                    "the same person_id on every row of response {response_id} ({:?})",
                    out[r].person_id.as_deref().unwrap_or("")
                ),
            ));
        }
        let Some((item, lo, hi)) = scored_item(head.get(&row, cols.qid)) else {
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
                    &format!("a whole number from {lo} to {hi}"),
                )
            })?;
        let slot = out[r].answers.slot(item);
        match *slot {
            Some(prev) if prev != v => {
                return Err(head.cell_error(
                    &row,
                    cols.qid,
                    &format!(
                        "each question once per response (response {response_id} answers it with {prev} and with {v})"
                    ),
                ));
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
) -> Result<Vec<Response>, InputError> {
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else {
        return Ok(Vec::new());
    };
    let mut out = first.responses;
    let rest: Vec<ResponsesPart> = parts.collect();
    if rest.is_empty() {
        return Ok(out);
    }
    // Ids by hash, confirmed on the stored id: no copy of every id of the first piece.
    let state = std::hash::RandomState::new();
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
            let at = |col: Col, message: String| InputError {
                file: head.file().to_string(),
                line,
                column: Some(col.number()),
                column_name: Some(head.header(col).to_string()),
                message,
            };
            let earlier = &mut out[i];
            if earlier.person_id != r.person_id {
                return Err(at(
                    cols.pid,
                    format!(
                        "expected the same person_id on every row of response {} ({:?})",
                        r.id,
                        earlier.person_id.as_deref().unwrap_or("")
                    ),
                ));
            }
            let mut later = r.answers;
            for item in ITEMS {
                let (a, b) = (*earlier.answers.slot(item), *later.slot(item));
                match (a, b) {
                    (Some(x), Some(y)) if x != y => {
                        return Err(at(
                            cols.qid,
                            format!(
                                "expected each question once per response (response {} answers one with {x} and with {y})",
                                r.id
                            ),
                        ));
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
pub fn read_responses(reader: impl Read) -> Result<Vec<Response>, InputError> {
    read_responses_in_parts(reader, 1, |jobs| {
        jobs.into_iter().map(|job| job()).collect()
    })
}

/// A piece of work of [`read_responses_in_parts`].
pub type ResponsesJob<'t> = Box<dyn FnOnce() -> Result<ResponsesPart, InputError> + Send + 't>;

/// Reads `responses.csv` in up to `parts` pieces (cut at record boundaries). `run` receives
/// one job per piece and returns their results in the same order; it may run them on threads
/// (the core itself has none, so it runs in the browser too). The result, and the first error
/// in file order, are the same as [`read_responses`]'.
pub fn read_responses_in_parts(
    reader: impl Read,
    parts: usize,
    run: impl for<'t> FnOnce(Vec<ResponsesJob<'t>>) -> Vec<Result<ResponsesPart, InputError>>,
) -> Result<Vec<Response>, InputError> {
    let file = files::RESPONSES;
    let text = read_text(file, reader)?;
    let (head, pieces) = tabular::scan_parts(file, &text, parts)?;
    let cols = ResponseColumns::find(&head)?;
    let jobs: Vec<ResponsesJob<'_>> = pieces
        .into_iter()
        .map(|mut rows| {
            let (head, cols) = (&head, &cols);
            Box::new(move || response_rows(head, cols, &mut rows)) as ResponsesJob<'_>
        })
        .collect();
    let results = run(jobs);
    let mut done = Vec::with_capacity(results.len());
    for r in results {
        done.push(r?);
    }
    join_parts(&head, &cols, done)
}

fn status(v: &str) -> Option<TrainingStatus> {
    match v {
        "assigned" => return Some(TrainingStatus::Assigned),
        "started" => return Some(TrainingStatus::Started),
        "completed" => return Some(TrainingStatus::Completed),
        _ => {}
    }
    Some(match v.to_lowercase().replace([' ', '-'], "_").as_str() {
        "assigned" | "not_started" | "notstarted" | "toegewezen" => TrainingStatus::Assigned,
        "started" | "in_progress" | "inprogress" | "gestart" => TrainingStatus::Started,
        "completed" | "complete" | "done" | "passed" | "voltooid" | "afgerond" => {
            TrainingStatus::Completed
        }
        _ => return None,
    })
}

fn boolean(v: &str) -> Option<bool> {
    match v {
        "true" => return Some(true),
        "false" => return Some(false),
        _ => {}
    }
    match v.to_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "ja" | "waar" => Some(true),
        "false" | "no" | "n" | "0" | "nee" | "onwaar" => Some(false),
        _ => None,
    }
}

/// A share 0–1, accepting a Dutch decimal comma.
fn share(v: &str) -> Option<f64> {
    let x: f64 = if v.contains(',') {
        v.replace(',', ".").parse().ok()?
    } else {
        v.parse().ok()?
    };
    (0.0..=1.0).contains(&x).then_some(x)
}

/// Shares one allocation among the many records naming the same module or topic.
#[derive(Default)]
struct Names(Vec<Arc<str>>);

impl Names {
    fn get(&mut self, name: &str) -> Arc<str> {
        if let Some(n) = self.0.iter().find(|n| &***n == name) {
            return Arc::clone(n);
        }
        let n: Arc<str> = Arc::from(name);
        if self.0.len() < 256 {
            self.0.push(Arc::clone(&n));
        }
        n
    }
}

fn topics(v: &str, names: &mut Names) -> Option<Vec<(Arc<str>, f64)>> {
    v.split([';', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (k, x) = part.split_once('=')?;
            let k = k.trim();
            (!k.is_empty()).then_some(())?;
            Some((names.get(k), share(x.trim())?))
        })
        .collect()
}

/// Reads training records (as Wavegate exports them).
pub fn read_training(reader: impl Read) -> Result<Vec<TrainingRecord>, InputError> {
    let file = files::TRAINING;
    let text = read_text(file, reader)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let pid = head.require(&["person_id"])?;
    let module = head.require(&["module_id"])?;
    let st = head.require(&["status"])?;
    let attempts = head.column(&["attempts"]);
    let passed = head.column(&["passed"]);
    let completed = head.column(&["completed_at"]);
    let topic_col = head.column(&["topic_results"]);
    let mut out = Vec::new();
    let (mut modules, mut topic_names) = (Names::default(), Names::default());
    while let Some(row) = rows.next_row(&head)? {
        let status_value = head.required(&row, st)?;
        out.push(TrainingRecord {
            person_id: head.required(&row, pid)?.to_string(),
            module_id: modules.get(head.required(&row, module)?),
            status: status(status_value).ok_or_else(|| {
                head.cell_error(&row, st, "a status: assigned, started or completed")
            })?,
            attempts: head
                .parse_opt(&row, attempts, "a whole number of attempts", |v| {
                    v.parse::<u32>().ok()
                })?
                .unwrap_or(0),
            passed: head.parse_opt(&row, passed, "true or false", boolean)?,
            completed_at: opt_datetime(&head, &row, completed)?,
            topics: head
                .parse_opt(
                    &row,
                    topic_col,
                    "topic results like privacy=0.5;steps=1 (each between 0 and 1)",
                    |v| topics(v, &mut topic_names),
                )?
                .unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Loads a whole data directory through `open`, which returns a reader for a file name, or
/// `None` when the file is absent. `program.toml` and `roster.csv` are required.
pub fn load<R: Read>(
    mut open: impl FnMut(&str) -> Option<R>,
) -> Result<(Program, DataSet), InputError> {
    let program_text = match open(files::PROGRAM) {
        Some(r) => read_text(files::PROGRAM, r)?,
        None => {
            return Err(InputError::file(
                files::PROGRAM,
                0,
                "is missing; expected the program (waves, thresholds, capacity) as in DATA.md",
            ));
        }
    };
    let program = Program::parse(&program_text)?;
    let roster = match open(files::ROSTER) {
        Some(r) => read_roster(r, &program)?,
        None => {
            return Err(InputError::file(
                files::ROSTER,
                0,
                "is missing; expected one row per person with person_id and wave",
            ));
        }
    };
    let inputs = Inputs {
        devices: open(files::DEVICES).map(read_devices).transpose()?,
        failures: open(files::FAILURES).map(read_failures).transpose()?,
        tickets: open(files::TICKETS).map(read_tickets).transpose()?,
        responses: open(files::RESPONSES).map(read_responses).transpose()?,
        training: open(files::TRAINING).map(read_training).transpose()?,
    };
    let data = DataSet::new(&program, roster, inputs);
    Ok((program, data))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program() -> Program {
        Program::parse(
            "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n[[wave]]\nid = \"wave-1\"\nstart = \"2027-02-08\"\nend = \"2027-02-26\"\n",
        )
        .unwrap()
    }

    #[test]
    fn roster_from_dutch_excel_with_extra_columns() {
        let text = "\u{FEFF}Person ID;E-mail;Wave;Department;Platform;Cost center\np1;Ann@Example.org;pilot;Finance;ios;CC1\np2;bob@example.org;wave-1;HR;Windows;\n";
        let r = read_roster(text.as_bytes(), &program()).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r.emails[0].as_deref(), Some("ann@example.org"));
        assert_eq!(r.attribute("platform").unwrap().value_of(0), Some("iOS"));
        assert_eq!(r.attribute("cost_center").unwrap().value_of(1), None);
        assert_eq!(r.waves, vec![0, 1]);
    }

    #[test]
    fn roster_with_an_unknown_wave_names_the_cell() {
        let text = "person_id,wave\np1,pilot\np2,wave-9\n";
        let err = read_roster(text.as_bytes(), &program()).unwrap_err();
        assert_eq!((err.line, err.column), (3, Some(2)));
        assert!(err.message.contains("pilot, wave-1"), "{err}");
    }

    #[test]
    fn roster_with_a_duplicate_person_is_rejected() {
        let text = "person_id,wave\np1,pilot\nP1,pilot\n";
        let err = read_roster(text.as_bytes(), &program()).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("line 2"), "{err}");
    }

    #[test]
    fn devices_with_both_intune_header_generations() {
        let console = "Device name,Primary user UPN,OS,OS version,Compliance,Enrollment date,Last check-in,Managed by,Ownership,Device state,Azure AD Device ID\nPC1,Ann@example.org,Windows,10.0,Compliant,2027-01-12 09:31:20.0000000,2027-01-20 10:00:00.0000000,Intune,Corporate,Managed,abc\nKIOSK,,Windows,10.0,Noncompliant,2027-01-12 09:31:20,,Intune,Corporate,Managed,def\n";
        let d = read_devices(console.as_bytes()).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].upn.as_deref(), Some("ann@example.org"));
        assert_eq!(d[1].upn, None);
        let graph = "DeviceName,UPN,OS,OSVersion,ComplianceState,LastContact,CreatedDate,ManagedBy,Ownership,DeviceID\nPH1,bob@example.org,iOS,17.2,InGracePeriod,2027-01-20T10:00:00Z,2027-01-13T08:00:00Z,Intune,Personal,x\n";
        let d = read_devices(graph.as_bytes()).unwrap();
        assert_eq!(d[0].compliance, Compliance::InGracePeriod);
    }

    #[test]
    fn a_device_with_an_unknown_compliance_state_is_rejected() {
        let text = "Primary user UPN,Compliance,Enrollment date\na@x.org,Sort of,2027-01-12\n";
        let err = read_devices(text.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "devices.csv, line 2, column 2 (Compliance): expected a compliance state (Compliant, Noncompliant, InGracePeriod, ConfigManager, Error or Unknown), found \"Sort of\""
        );
    }

    #[test]
    fn servicenow_tickets_with_labels_question_marks_and_an_event_log() {
        let text = "Number;Opened;Caller;Category;Priority;State;Resolved;Short description;sys_updated_at\nINC1;12-01-2027 09:30;Ann@example.org;Mobile;2 - High;New;?;Can't enroll;12-01-2027 09:30\nINC1;12-01-2027 09:30;ann@example.org;Mobile;2 - High;Resolved;13-01-2027 10:00;Can't enroll;13-01-2027 10:00\nINC2;14-01-2027 09:30;p7;Mail;4 - Low;In Progress;?;x;14-01-2027 09:30\n";
        let t = read_tickets(text.as_bytes()).unwrap();
        assert_eq!(t.len(), 2);
        assert!(t[0].closed && t[0].resolved_at.is_some());
        assert_eq!(t[0].priority, Some(2));
        assert_eq!((t[1].priority, t[1].closed), (Some(4), false));
    }

    #[test]
    fn a_ticket_with_a_bad_priority_is_rejected() {
        let text = "number,opened_at,caller,category,priority\nINC1,2027-01-12,a,b,urgent\n";
        let err = read_tickets(text.as_bytes()).unwrap_err();
        assert_eq!((err.line, err.column), (2, Some(5)));
    }

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

    fn run_all(jobs: Vec<ResponsesJob<'_>>) -> Vec<Result<ResponsesPart, InputError>> {
        jobs.into_iter().map(|job| job()).collect()
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
            let pieces = read_responses_in_parts(text.as_bytes(), parts, run_all).unwrap();
            assert_eq!(pieces, whole, "{parts} parts");
        }
        assert_eq!(whole.len(), 40);
        assert_eq!(whole[39].answers.sus[0], Some(3));
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
        let parts = read_responses_in_parts(text.as_bytes(), 2, run_all).unwrap_err();
        assert_eq!(parts.column, Some(6), "{parts}");
        assert!(parts.message.contains("each question once"), "{parts}");
    }

    #[test]
    fn an_out_of_range_answer_names_the_cell() {
        let text = "response_id,survey_id,survey_version,person_id,submitted_at,question_id,value\nr1,s,1,p1,2027-01-20,adkar_desire,7\n";
        let err = read_responses(text.as_bytes()).unwrap_err();
        assert_eq!((err.line, err.column), (2, Some(7)));
        assert!(err.message.contains("from 1 to 5"), "{err}");
    }

    #[test]
    fn training_records_with_topics_and_dutch_decimals() {
        let text = "person_id;module_id;module_version;status;attempts;score;passed;completed_at;topic_results\np1;enroll-ios;2;completed;2;0,8;true;2027-01-15 10:00;privacy=0,5|steps=1\np2;enroll-ios;2;in progress;0;;;;\n";
        let t = read_training(text.as_bytes()).unwrap();
        assert_eq!(
            t[0].topics,
            vec![("privacy".into(), 0.5), ("steps".into(), 1.0)]
        );
        assert_eq!(t[1].status, TrainingStatus::Started);
        let bad = "person_id,module_id,status,topic_results\np1,m,completed,privacy=2\n";
        let err = read_training(bad.as_bytes()).unwrap_err();
        assert_eq!((err.line, err.column), (2, Some(4)));
    }

    #[test]
    fn loading_needs_program_and_roster() {
        let err = load(|_: &str| None::<&[u8]>).unwrap_err();
        assert_eq!(err.file, "program.toml");
    }
}
