//! A trainee's progress on one module, as facts that only grow (lesson views, quiz attempts),
//! and the pure transitions that add them with the attempt policy enforced.
//!
//! What the trainee has completed or passed is never stored: it is derived from the facts, the
//! module and its [`Lineage`] (see `status`), so two copies of progress merge without conflict
//! (`merge`) and a new version re-judges old facts instead of wiping them.

use super::draw::{Seed, draw_topics, shown_order};
use super::model::{Module, QuestionKind, QuizAnswers};
use super::scoring::{QuizResult, ScoreError, TopicResult, score};
use super::versions::Lineage;
use crate::i18n::{Lang, long_date_time_from};
use crate::survey::response_id::is_valid_response_id;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One trainee's progress on one module (one registration).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The module.
    pub module_id: String,
    /// The registration: a UUID made once when the module is assigned to the person; xAPI's
    /// `context.registration` and the seed of every draw.
    pub registration: String,
    /// The version the trainee is on (the latest they opened).
    pub version: u32,
    /// When the module was assigned.
    pub assigned_at: DateTime<Utc>,
    /// Version → lesson → when it was first viewed in that version.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub views: BTreeMap<u32, BTreeMap<String, DateTime<Utc>>>,
    /// Attempt id → attempt: each attempt exactly once.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attempts: BTreeMap<String, Attempt>,
    /// Where the trainee was last, to resume there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<Position>,
}

/// The lesson a trainee viewed last. Ordered by time first, so the later one wins a merge.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    /// When.
    pub at: DateTime<Utc>,
    /// In which version.
    pub version: u32,
    /// The lesson.
    pub lesson: String,
}

/// One quiz attempt, scored.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Attempt {
    /// The module version it was taken in.
    pub version: u32,
    /// Its number over all versions, from 1: with the registration, the seed of its draw.
    pub number: u32,
    /// The questions drawn, in the order asked.
    pub questions: Vec<String>,
    /// The answers given.
    pub answers: QuizAnswers,
    /// The questions answered correctly.
    pub correct: Vec<String>,
    /// Per topic asked: correct of asked.
    pub topics: Vec<TopicResult>,
    /// Whether it reached the pass mark.
    pub passed: bool,
    /// When the trainee started it (the client's clock, kept between the earliest moment the
    /// attempt could be started and `submitted_at`: see [`reported_time`]).
    pub started_at: DateTime<Utc>,
    /// When it was submitted: the trainee's device's time when it is plausible, else when the
    /// server received it (see [`submitted_time`]).
    pub submitted_at: DateTime<Utc>,
}

impl Attempt {
    /// The share answered correctly, 0–1.
    pub fn score(&self) -> f64 {
        if self.questions.is_empty() {
            0.0
        } else {
            self.correct.len() as f64 / self.questions.len() as f64
        }
    }
}

/// An attempt as the app sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    /// The attempt id, made once by the client (8–64 letters, digits, `-`, `_`), so a resend
    /// is recognised.
    pub id: String,
    /// The attempt number the plan gave.
    pub number: u32,
    /// The answers, by question id.
    pub answers: QuizAnswers,
    /// When the trainee started.
    pub started_at: DateTime<Utc>,
    /// When the trainee submitted it, by their device's clock: an attempt made offline reaches
    /// the server later, and the wait before it is judged on this time when it is plausible
    /// ([`submitted_time`]). Absent: when the server receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<DateTime<Utc>>,
}

/// The next attempt: what to ask.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptPlan {
    /// Its number (to send back with the answers).
    pub number: u32,
    /// The module version.
    pub version: u32,
    /// The topics it asks about (all of the quiz's, or those to retake).
    pub topics: Vec<String>,
    /// The questions, in order.
    pub questions: Vec<String>,
    /// For ordering questions: the order to show the items in.
    pub orders: BTreeMap<String, Vec<String>>,
}

/// The most attempts one registration holds, over all versions, whatever the quiz allows: a
/// quiz without a maximum and without a wait would otherwise let one training link store
/// attempts without end, and every request of that link reads all of them back.
pub const MAX_ATTEMPTS: u32 = 1_000;

/// Why a transition is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ProgressError {
    /// The module (or its lineage) is not the one this progress is about.
    #[error("this progress is for module `{expected}`, not `{found}`")]
    WrongModule {
        /// The progress's module.
        expected: String,
        /// The one given.
        found: String,
    },
    /// The module version given is older than the one the trainee is on, or the lineage is of
    /// another version than the module.
    #[error("version {found} is not current; the trainee is on version {current}")]
    StaleVersion {
        /// The version the trainee is on.
        current: u32,
        /// The version given.
        found: u32,
    },
    /// Copies of progress from two registrations cannot be merged.
    #[error("registration `{found}` is not `{expected}`")]
    DifferentRegistration {
        /// This progress's registration.
        expected: String,
        /// The other's.
        found: String,
    },
    /// A registration that is not a UUID.
    #[error("registration `{registration}` is not a UUID")]
    InvalidRegistration {
        /// As given.
        registration: String,
    },
    /// A lesson the module does not have.
    #[error("the module has no lesson `{lesson}`")]
    UnknownLesson {
        /// As given.
        lesson: String,
    },
    /// A view of a lesson already viewed in that version: only the first view of a lesson in a
    /// version counts, so another one (under another id) adds nothing.
    #[error("lesson `{lesson}` of version {version} is already recorded as viewed")]
    AlreadyViewed {
        /// The version.
        version: u32,
        /// The lesson.
        lesson: String,
    },
    /// The module has no quiz.
    #[error("the module has no quiz")]
    NoQuiz,
    /// The quiz is passed for this version; there is nothing to retake.
    #[error("the quiz is already passed")]
    AlreadyPassed,
    /// Every attempt this version allows is used.
    #[error("all {max} attempts are used")]
    NoAttemptsLeft {
        /// The maximum.
        max: u32,
    },
    /// The wait after the previous attempt is not over.
    #[error("the next attempt is possible from {}", wait_over(next_at, Lang::En))]
    TooSoon {
        /// When it is.
        next_at: DateTime<Utc>,
    },
    /// The attempt number is not the next one (another attempt came first).
    #[error("attempt {found} is not the next attempt; that is {expected}")]
    StaleAttempt {
        /// The next number.
        expected: u32,
        /// The number sent.
        found: u32,
    },
    /// An attempt id that breaks the rule.
    #[error("attempt id `{id}` must be 8 to 64 letters, digits, `-` or `_`")]
    InvalidAttemptId {
        /// As sent.
        id: String,
    },
    /// An attempt id already used for a different attempt.
    #[error("attempt id `{id}` is already used for another attempt")]
    AttemptIdReused {
        /// The id.
        id: String,
    },
    /// The answers cannot be scored.
    #[error("{0}")]
    Answers(#[from] ScoreError),
}

impl ProgressError {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ProgressError::WrongModule { expected, found } => {
                format!("deze voortgang hoort bij module `{expected}`, niet `{found}`")
            }
            ProgressError::StaleVersion { current, found } => {
                format!("versie {found} is niet actueel; de cursist zit op versie {current}")
            }
            ProgressError::DifferentRegistration { expected, found } => {
                format!("registratie `{found}` is niet `{expected}`")
            }
            ProgressError::InvalidRegistration { registration } => {
                format!("registratie `{registration}` is geen UUID")
            }
            ProgressError::UnknownLesson { lesson } => {
                format!("de module heeft geen les `{lesson}`")
            }
            ProgressError::AlreadyViewed { version, lesson } => {
                format!("les `{lesson}` van versie {version} staat al als bekeken geregistreerd")
            }
            ProgressError::NoQuiz => "de module heeft geen quiz".into(),
            ProgressError::AlreadyPassed => "de quiz is al gehaald".into(),
            ProgressError::NoAttemptsLeft { max } => {
                format!("alle {max} pogingen zijn gebruikt")
            }
            ProgressError::TooSoon { next_at } => {
                format!("een nieuwe poging kan vanaf {}", wait_over(next_at, lang))
            }
            ProgressError::StaleAttempt { expected, found } => {
                format!("poging {found} is niet de volgende poging; dat is {expected}")
            }
            ProgressError::InvalidAttemptId { id } => {
                format!("poging-id `{id}` moet 8 tot 64 letters, cijfers, `-` of `_` zijn")
            }
            ProgressError::AttemptIdReused { id } => {
                format!("poging-id `{id}` is al gebruikt voor een andere poging")
            }
            ProgressError::Answers(e) => e.message(lang),
        }
    }
}

/// When a wait is over, as people read it: to the minute (rounded up, so never too early),
/// in UTC, since the core knows no one's time zone (the trainee app writes the wait in the
/// trainee's own).
fn wait_over(next_at: &DateTime<Utc>, lang: Lang) -> String {
    format!("{} UTC", long_date_time_from(next_at.naive_utc(), lang))
}

/// A time a trainee's client reports (a lesson view, an attempt's start), kept to what can be
/// true: never after `now` on the server's clock, and never before `earliest`, the first moment
/// it could have happened (the assignment; for an attempt, also the previous attempt and its
/// wait). A client that sends `2000-01-01` would otherwise date xAPI statements, durations,
/// completion and certificates before the trainee had the module.
pub fn reported_time(
    at: DateTime<Utc>,
    earliest: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    at.max(earliest).min(now)
}

/// How many days before `now` a device's time of an attempt is still believed. An attempt made
/// offline is synced within days; a time further back is more likely a wrong clock than a long
/// trip, and believing it would let a device date a series of attempts far apart in the past.
pub const DEVICE_TIME_MAX_AGE_DAYS: i64 = 30;

/// When an attempt counts as submitted: the time the trainee's device `reported`, when it is
/// plausible, else `now` (when the server receives it). Plausible is not before `earliest` (the
/// assignment and the previous attempt's submission: attempts are numbered in time) and not
/// more than [`DEVICE_TIME_MAX_AGE_DAYS`] before `now`. A time after `now` (a device clock
/// running ahead) is read as `now`, so a device can never push an attempt past the server's
/// time; a time before `published_at`, when the attempt's module version was published, is read
/// as `published_at`, since nobody answers a version's quiz before it exists (a certificate,
/// `completed_at` and xAPI would otherwise date work on a new version before it was there).
/// The wait between attempts is judged at this time, so two attempts made offline minutes
/// apart are not refused because they reach the server together.
pub fn submitted_time(
    reported: Option<DateTime<Utc>>,
    earliest: DateTime<Utc>,
    published_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    match reported {
        Some(at) if at >= earliest && at >= now - Duration::days(DEVICE_TIME_MAX_AGE_DAYS) => {
            at.max(published_at).min(now)
        }
        _ => now,
    }
}

/// Whether a string is a UUID in its usual text form (`8-4-4-4-12` hex digits).
pub fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// A registration id (a version-4 UUID, lowercase) from 128 random bits the caller drew.
pub fn registration_from_bytes(bytes: [u8; 16]) -> String {
    let mut b = bytes;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    uuid_text(&b)
}

/// The text form of 16 bytes as a UUID.
pub(crate) fn uuid_text(b: &[u8; 16]) -> String {
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

impl Progress {
    /// The progress of a module just assigned: nothing done yet.
    pub fn new(
        module: &Module,
        registration: &str,
        assigned_at: DateTime<Utc>,
    ) -> Result<Progress, ProgressError> {
        if !is_uuid(registration) {
            return Err(ProgressError::InvalidRegistration {
                registration: registration.to_string(),
            });
        }
        Ok(Progress {
            module_id: module.id.clone(),
            registration: registration.to_ascii_lowercase(),
            version: module.version,
            assigned_at,
            views: BTreeMap::new(),
            attempts: BTreeMap::new(),
            resume: None,
        })
    }

    /// Refuses a module this progress cannot move forward with: another module, or an older
    /// version than the trainee is on.
    fn check_module(&self, module: &Module) -> Result<(), ProgressError> {
        if module.id != self.module_id {
            return Err(ProgressError::WrongModule {
                expected: self.module_id.clone(),
                found: module.id.clone(),
            });
        }
        if module.version < self.version {
            return Err(ProgressError::StaleVersion {
                current: self.version,
                found: module.version,
            });
        }
        Ok(())
    }

    /// As [`Progress::check_module`], and the lineage must describe that very version.
    fn check(&self, module: &Module, lineage: &Lineage) -> Result<(), ProgressError> {
        self.check_module(module)?;
        if lineage.module_id != module.id {
            return Err(ProgressError::WrongModule {
                expected: module.id.clone(),
                found: lineage.module_id.clone(),
            });
        }
        if lineage.version != module.version {
            return Err(ProgressError::StaleVersion {
                current: module.version,
                found: lineage.version,
            });
        }
        Ok(())
    }

    /// Whether the trainee has done anything at all, in any version.
    pub fn started(&self) -> bool {
        self.views.values().any(|v| !v.is_empty()) || !self.attempts.is_empty()
    }

    /// Records that the trainee viewed a lesson (of `module`'s version) at `at`, taken as the
    /// assignment time if it is before it. Viewing again changes nothing but the resume position.
    pub fn view_lesson(
        &mut self,
        module: &Module,
        lesson: &str,
        at: DateTime<Utc>,
    ) -> Result<(), ProgressError> {
        self.check_module(module)?;
        let at = at.max(self.assigned_at);
        if module.lesson(lesson).is_none() {
            return Err(ProgressError::UnknownLesson {
                lesson: lesson.to_string(),
            });
        }
        let first = self
            .views
            .entry(module.version)
            .or_default()
            .entry(lesson.to_string())
            .or_insert(at);
        *first = (*first).min(at);
        self.version = module.version;
        let here = Position {
            at,
            version: module.version,
            lesson: lesson.to_string(),
        };
        if self.resume.as_ref().is_none_or(|r| *r < here) {
            self.resume = Some(here);
        }
        Ok(())
    }

    /// The earliest an attempt not yet received can have been submitted: after the assignment
    /// and the previous attempt (attempts are numbered in time).
    fn after_last(&self) -> DateTime<Utc> {
        self.last_attempt().map_or(self.assigned_at, |last| {
            last.submitted_at.max(self.assigned_at)
        })
    }

    /// The version an attempt made in `version` is judged on, given when each version was
    /// `published` and the time the device `reported` (believed as far as [`submitted_time`]
    /// believes it). The latest version judges its own attempts. An attempt made offline, or on
    /// a page left open, in an earlier version before the next one was published is judged on
    /// the version it was made in: a pass then stays a pass (an editorial change keeps it; a
    /// substantive one asks again only about what changed). Made later, it is stale. The
    /// device's time is bounded as for the attempt's own date, so a device cannot date an
    /// attempt back past the previous one, or weeks back, to be judged on an older version.
    pub fn judging_version(
        &self,
        version: u32,
        published: &BTreeMap<u32, DateTime<Utc>>,
        reported: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<u32, ProgressError> {
        let latest = published.keys().next_back().copied().unwrap_or(version);
        let stale = ProgressError::StaleVersion {
            current: latest,
            found: version,
        };
        if version == latest {
            return Ok(version);
        }
        let (Some(&own), Some(&next)) = (published.get(&version), published.get(&(version + 1)))
        else {
            return Err(stale);
        };
        let made = submitted_time(reported, self.after_last(), own, now);
        if version < latest && made < next {
            Ok(version)
        } else {
            Err(stale)
        }
    }

    /// The attempts taken in one version.
    pub fn attempts_in(&self, version: u32) -> impl Iterator<Item = &Attempt> {
        self.attempts.values().filter(move |a| a.version == version)
    }

    /// The most recent attempt (by submission; ties by number).
    pub fn last_attempt(&self) -> Option<&Attempt> {
        self.attempts
            .values()
            .max_by(|a, b| (a.submitted_at, a.number).cmp(&(b.submitted_at, b.number)))
    }

    /// The most recent attempt taken in one version (by submission; ties by number).
    pub fn last_attempt_in(&self, version: u32) -> Option<&Attempt> {
        self.attempts_in(version)
            .max_by(|a, b| (a.submitted_at, a.number).cmp(&(b.submitted_at, b.number)))
    }

    /// What the next attempt asks, or why there is none now: no quiz, already passed, no
    /// attempts left in this version, or the wait after the last attempt in this version not
    /// over at `now`. A version's attempt policy applies to the attempts made in it, so an
    /// attempt of an earlier version neither uses up this one's attempts nor starts its wait.
    pub fn next_attempt(
        &self,
        module: &Module,
        lineage: &Lineage,
        now: DateTime<Utc>,
    ) -> Result<AttemptPlan, ProgressError> {
        self.check(module, lineage)?;
        let quiz = module.quiz.as_ref().ok_or(ProgressError::NoQuiz)?;
        let topics: BTreeSet<String> = self.restudy(module, lineage).topics.into_iter().collect();
        if topics.is_empty() {
            return Err(ProgressError::AlreadyPassed);
        }
        let used = self.attempts_in(module.version).count() as u32;
        if let Some(max) = quiz.attempts.max
            && used >= max
        {
            return Err(ProgressError::NoAttemptsLeft { max });
        }
        if self.attempts.len() >= MAX_ATTEMPTS as usize {
            return Err(ProgressError::NoAttemptsLeft { max: MAX_ATTEMPTS });
        }
        if let Some(next_at) = self.wait_over_at(module.version, quiz.attempts.wait_minutes)
            && now < next_at
        {
            return Err(ProgressError::TooSoon { next_at });
        }
        let number = self.attempts.len() as u32 + 1;
        let seed = Seed::new(&self.registration, number);
        let questions = draw_topics(quiz, &seed, &topics);
        let orders = questions
            .iter()
            .filter_map(|id| module.question(id))
            .filter(|q| matches!(q.kind, QuestionKind::Ordering { .. }))
            .map(|q| (q.id.clone(), shown_order(q, &seed)))
            .collect();
        Ok(AttemptPlan {
            number,
            version: module.version,
            topics: topics.into_iter().collect(),
            questions,
            orders,
        })
    }

    /// When the wait of `version`'s policy after its last attempt is over (none before its
    /// first attempt in that version).
    pub fn wait_over_at(&self, version: u32, wait_minutes: u32) -> Option<DateTime<Utc>> {
        self.last_attempt_in(version)
            .map(|last| last.submitted_at + Duration::minutes(i64::from(wait_minutes)))
    }

    /// The earliest a next attempt of `version` can have started: the assignment, the version's
    /// publication, the last attempt's submission, and the end of the wait after the last
    /// attempt in this version (no plan for it was given before).
    fn next_attempt_from(
        &self,
        version: u32,
        wait_minutes: u32,
        published_at: DateTime<Utc>,
    ) -> DateTime<Utc> {
        [
            Some(self.assigned_at),
            Some(published_at),
            self.last_attempt().map(|last| last.submitted_at),
            self.wait_over_at(version, wait_minutes),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(self.assigned_at)
    }

    /// Scores and records an attempt made on this copy of the progress at `now`, as
    /// [`Progress::receive_attempt`] does with no publication time known: a trainee's device has
    /// the version but not when it was published, so only the assignment bounds its times.
    pub fn submit_attempt(
        &mut self,
        module: &Module,
        lineage: &Lineage,
        submission: Submission,
        now: DateTime<Utc>,
    ) -> Result<QuizResult, ProgressError> {
        let assigned_at = self.assigned_at;
        self.receive_attempt(module, lineage, submission, assigned_at, now)
    }

    /// Scores and records an attempt received at `now` on `module`, published at
    /// `published_at`. It counts as submitted at the device's time when that is plausible,
    /// else at `now`, and never before `published_at` ([`submitted_time`]); the attempt policy
    /// is judged at that time. Its start is kept between the moment it could first be planned
    /// (never before `published_at` either) and its submission ([`reported_time`]). The draw is
    /// re-derived from the registration and the attempt number, so answers to other questions
    /// are refused. A resend of a recorded attempt (same id and answers) returns its result
    /// again without a new attempt.
    pub fn receive_attempt(
        &mut self,
        module: &Module,
        lineage: &Lineage,
        submission: Submission,
        published_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<QuizResult, ProgressError> {
        if !is_valid_response_id(&submission.id) {
            return Err(ProgressError::InvalidAttemptId { id: submission.id });
        }
        if let Some(existing) = self.attempts.get(&submission.id) {
            let same = existing.number == submission.number
                && existing.answers == submission.answers
                && existing.version == module.version;
            let quiz = module.quiz.as_ref().ok_or(ProgressError::NoQuiz)?;
            return if same {
                Ok(score(quiz, &existing.questions, &existing.answers)?)
            } else {
                Err(ProgressError::AttemptIdReused { id: submission.id })
            };
        }
        let at = submitted_time(
            submission.submitted_at,
            self.after_last(),
            published_at,
            now,
        );
        let plan = self.next_attempt(module, lineage, at)?;
        if submission.number != plan.number {
            return Err(ProgressError::StaleAttempt {
                expected: plan.number,
                found: submission.number,
            });
        }
        let quiz = module.quiz.as_ref().ok_or(ProgressError::NoQuiz)?;
        let result = score(quiz, &plan.questions, &submission.answers)?;
        let earliest =
            self.next_attempt_from(module.version, quiz.attempts.wait_minutes, published_at);
        self.attempts.insert(
            submission.id,
            Attempt {
                version: module.version,
                number: plan.number,
                questions: plan.questions,
                answers: submission.answers,
                correct: result
                    .questions
                    .iter()
                    .filter(|q| q.correct)
                    .map(|q| q.id.clone())
                    .collect(),
                topics: result.topics.clone(),
                passed: result.passed,
                started_at: reported_time(submission.started_at, earliest, at),
                submitted_at: at,
            },
        );
        self.version = module.version;
        Ok(result)
    }

    /// The result and feedback of a recorded attempt, against the module version it was taken in.
    pub fn result_of(&self, module: &Module, attempt_id: &str) -> Option<QuizResult> {
        let a = self.attempts.get(attempt_id)?;
        if a.version != module.version {
            return None;
        }
        score(module.quiz.as_ref()?, &a.questions, &a.answers).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::templates::builtin;
    use chrono::TimeZone;

    #[test]
    fn the_end_of_a_wait_is_written_as_people_read_it_to_the_minute() {
        let next_at = Utc.with_ymd_and_hms(2026, 12, 1, 6, 54, 21).unwrap()
            + Duration::nanoseconds(200_322_023);
        let e = ProgressError::TooSoon { next_at };
        assert_eq!(
            e.message(Lang::Nl),
            "een nieuwe poging kan vanaf 1 december 2026, 06:55 UTC"
        );
        assert_eq!(
            e.message(Lang::En),
            "the next attempt is possible from 1 December 2026, 06:55 UTC"
        );
    }

    #[test]
    fn an_attempt_claimed_before_its_version_was_published_is_dated_at_the_publication() {
        let module = builtin("get-help").unwrap();
        let lineage = Lineage::first(&module);
        let assigned = Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
        let published = assigned + Duration::days(2);
        let now = published + Duration::hours(1);
        let mut progress =
            Progress::new(&module, "0b1c2d3e-4f50-4617-8899-aabbccddeeff", assigned).unwrap();
        let plan = progress.next_attempt(&module, &lineage, now).unwrap();
        // Both times are after the assignment, but before this version existed.
        let claimed = assigned + Duration::hours(1);
        let submission = Submission {
            id: "attempt-early-1".into(),
            number: plan.number,
            answers: QuizAnswers::default(),
            started_at: claimed,
            submitted_at: Some(claimed + Duration::minutes(4)),
        };
        progress
            .receive_attempt(&module, &lineage, submission, published, now)
            .unwrap();
        let attempt = &progress.attempts["attempt-early-1"];
        assert_eq!(attempt.submitted_at, published);
        assert_eq!(attempt.started_at, published);
        // A claim after the publication stands, as before.
        assert_eq!(
            submitted_time(
                Some(published + Duration::minutes(5)),
                assigned,
                published,
                now
            ),
            published + Duration::minutes(5)
        );
        // A claim in the future is still now.
        assert_eq!(
            submitted_time(Some(now + Duration::days(1)), assigned, published, now),
            now
        );
    }

    #[test]
    fn a_quiz_without_a_maximum_or_a_wait_still_stops_at_max_attempts() {
        let mut module = builtin("admin-operations").unwrap();
        let quiz = module.quiz.as_mut().unwrap();
        quiz.attempts = super::super::AttemptPolicy::default();
        let lineage = Lineage::first(&module);
        let t0 = Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
        let mut progress =
            Progress::new(&module, "0b1c2d3e-4f50-4617-8899-aabbccddeeff", t0).unwrap();
        let failed = Attempt {
            version: module.version,
            number: 1,
            questions: vec!["q".into()],
            answers: QuizAnswers::default(),
            correct: Vec::new(),
            topics: Vec::new(),
            passed: false,
            started_at: t0,
            submitted_at: t0,
        };
        for n in 1..MAX_ATTEMPTS {
            let mut a = failed.clone();
            a.number = n;
            progress.attempts.insert(format!("attempt-{n:05}"), a);
        }
        assert!(progress.next_attempt(&module, &lineage, t0).is_ok());
        progress
            .attempts
            .insert("attempt-last".into(), failed.clone());
        assert_eq!(
            progress.next_attempt(&module, &lineage, t0),
            Err(ProgressError::NoAttemptsLeft { max: MAX_ATTEMPTS })
        );
    }

    #[test]
    fn an_attempt_on_an_older_version_is_judged_on_it_only_when_plausibly_made_before_the_next() {
        let module = builtin("get-help").unwrap();
        let assigned = Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
        let v2 = assigned + Duration::days(10);
        let published = BTreeMap::from([(1, assigned), (2, v2)]);
        let now = v2 + Duration::days(1);
        let progress =
            Progress::new(&module, "0b1c2d3e-4f50-4617-8899-aabbccddeeff", assigned).unwrap();
        let judged =
            |version, reported| progress.judging_version(version, &published, reported, now);
        let stale = Err(ProgressError::StaleVersion {
            current: 2,
            found: 1,
        });
        // The latest version judges its own attempts.
        assert_eq!(judged(2, None), Ok(2));
        // Made offline on version 1 the day before version 2 appeared: judged on version 1.
        assert_eq!(judged(1, Some(v2 - Duration::days(1))), Ok(1));
        // Made after version 2 appeared, or with no time given (read as now): stale.
        assert_eq!(judged(1, Some(v2 + Duration::hours(1))), stale);
        assert_eq!(judged(1, None), stale);
        // A time further back than a device's time is believed is read as now: stale, so a
        // device cannot date an attempt back weeks to be judged on an older version.
        let late = Utc.with_ymd_and_hms(2027, 5, 1, 9, 0, 0).unwrap();
        let published = BTreeMap::from([(1, assigned), (2, late - Duration::days(1))]);
        let claimed = late - Duration::days(DEVICE_TIME_MAX_AGE_DAYS + 1);
        assert_eq!(
            progress.judging_version(1, &published, Some(claimed), late),
            stale
        );
        // A version that was never published, or one newer than the latest, is stale.
        assert!(judged(3, None).is_err());
        assert!(judged(0, Some(assigned)).is_err());
    }
}
