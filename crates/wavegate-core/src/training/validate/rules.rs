//! The format's rules on a parsed module: ids, translations, lesson Markdown, topics tying
//! lessons to questions, the quiz's answers and draws, targets and change notes.

use crate::definition_errors::CommonProblem;
use crate::definition_errors::{invisible_in, join};
use crate::i18n::{Lang, Text};
use crate::survey::is_valid_id;
use crate::training::errors::{ModuleError, ModuleProblem as P};
use crate::training::markdown;
use crate::training::model::{FORMAT, MAX_MINUTES, MAX_WAIT_MINUTES, Module, QuestionKind, Quiz};
use crate::training::progress::MAX_ATTEMPTS;
use std::collections::{BTreeMap, BTreeSet};

/// Minutes a lesson or module may claim.
const MINUTES: std::ops::RangeInclusive<u32> = 1..=MAX_MINUTES;

/// Checks a new definition: the format's rules ([`validate_module`]) and its limits (the
/// attempt policy's bounds, an estimate not far below its lessons). The limits came after
/// modules were first stored, so they are judged when a definition is read
/// (`Module::from_json`, `Module::from_value`: the validator and publishing), never when
/// stored versions are read back: a version published before them still opens.
pub fn validate_definition(module: &Module) -> Result<(), Vec<ModuleError>> {
    let mut errors = validate_module(module).err().unwrap_or_default();
    errors.extend(limits(module));
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The problems of a definition's limits, in document order.
fn limits(m: &Module) -> Vec<ModuleError> {
    let mut errors = Vec::new();
    let lessons: u32 = m
        .lessons
        .iter()
        .filter_map(|l| l.minutes)
        .fold(0, u32::saturating_add);
    // Far below is under half: an estimate rounds, and lessons' minutes are guesses too. An
    // estimate at the most minutes a module may claim says all it can.
    if m.estimate_minutes < MAX_MINUTES && u64::from(m.estimate_minutes) * 2 < u64::from(lessons) {
        errors.push(ModuleError::new(
            "estimate_minutes",
            P::EstimateTooLow {
                estimate: m.estimate_minutes,
                lessons,
            },
        ));
    }
    if let Some(quiz) = &m.quiz {
        if let Some(max) = quiz.attempts.max
            && max > MAX_ATTEMPTS
        {
            errors.push(ModuleError::new(
                "quiz.attempts.max",
                P::TooManyAttempts {
                    max,
                    limit: MAX_ATTEMPTS,
                },
            ));
        }
        if quiz.attempts.wait_minutes > MAX_WAIT_MINUTES {
            errors.push(ModuleError::new(
                "quiz.attempts.wait_minutes",
                P::WaitTooLong {
                    minutes: quiz.attempts.wait_minutes,
                    limit: MAX_WAIT_MINUTES,
                },
            ));
        }
    }
    errors
}

/// Checks a parsed module against the format's rules; every problem with its JSON path.
pub fn validate_module(module: &Module) -> Result<(), Vec<ModuleError>> {
    let mut v = Checker {
        languages: module.languages.clone(),
        errors: Vec::new(),
    };
    v.module(module);
    if v.errors.is_empty() {
        Ok(())
    } else {
        Err(v.errors)
    }
}

struct Checker {
    languages: Vec<Lang>,
    errors: Vec<ModuleError>,
}

impl Checker {
    fn push(&mut self, path: impl Into<String>, problem: P) {
        self.errors.push(ModuleError::new(path, problem));
    }

    fn text(&mut self, text: &Text, path: &str) {
        for (at, problem) in invisible_in(text, path) {
            self.push(at, P::Common(problem));
        }
        for lang in text.missing() {
            if self.languages.contains(&lang) {
                self.push(
                    join(path, lang.code()),
                    P::Common(CommonProblem::MissingTranslation { lang }),
                );
            }
        }
    }

    fn id(&mut self, id: &str, path: &str) {
        if !is_valid_id(id) {
            self.push(
                path,
                P::Common(CommonProblem::InvalidId { id: id.to_string() }),
            );
        }
    }

    /// Records an id in a namespace; a second use is a duplicate.
    fn unique(&mut self, seen: &mut BTreeMap<String, String>, id: &str, path: &str) {
        if let Some(first) = seen.get(id) {
            let first = first.clone();
            self.push(
                path,
                P::Common(CommonProblem::DuplicateId {
                    id: id.to_string(),
                    first,
                }),
            );
        } else {
            seen.insert(id.to_string(), path.to_string());
        }
    }

    fn minutes(&mut self, minutes: u32, path: &str) {
        if !MINUTES.contains(&minutes) {
            self.push(path, P::InvalidMinutes { minutes });
        }
    }

    fn module(&mut self, m: &Module) {
        if m.format != FORMAT {
            self.push(
                "format",
                P::Common(CommonProblem::WrongFormat {
                    found: m.format.clone(),
                }),
            );
        }
        self.id(&m.id, "id");
        if m.version == 0 {
            self.push("version", P::Common(CommonProblem::InvalidVersion));
        }
        if m.languages.is_empty() {
            self.push("languages", P::Common(CommonProblem::NoLanguages));
        }
        self.text(&m.title, "title");
        if let Some(d) = &m.description {
            self.text(d, "description");
        }
        self.minutes(m.estimate_minutes, "estimate_minutes");
        for (attribute, values) in &m.targets {
            if values.is_empty() || values.iter().any(|v| v.trim().is_empty()) {
                self.push(
                    join("targets", attribute),
                    P::EmptyTarget {
                        attribute: attribute.clone(),
                    },
                );
            }
        }

        let mut topics = BTreeMap::new();
        for (i, t) in m.topics.iter().enumerate() {
            let path = format!("topics[{i}]");
            self.id(&t.id, &join(&path, "id"));
            self.unique(&mut topics, &t.id, &join(&path, "id"));
            self.text(&t.title, &join(&path, "title"));
        }
        let declared: BTreeSet<&str> = m.topics.iter().map(|t| t.id.as_str()).collect();

        if m.lessons.is_empty() {
            self.push("lessons", P::NoLessons);
        }
        let mut lessons = BTreeMap::new();
        for (i, l) in m.lessons.iter().enumerate() {
            let path = format!("lessons[{i}]");
            self.id(&l.id, &join(&path, "id"));
            self.unique(&mut lessons, &l.id, &join(&path, "id"));
            self.text(&l.title, &join(&path, "title"));
            if let Some(minutes) = l.minutes {
                self.minutes(minutes, &join(&path, "minutes"));
            }
            let mut taught = BTreeMap::new();
            for (j, topic) in l.topics.iter().enumerate() {
                let tp = format!("{path}.topics[{j}]");
                if !declared.contains(topic.as_str()) {
                    self.push(
                        &tp,
                        P::UnknownTopic {
                            topic: topic.clone(),
                        },
                    );
                }
                self.unique(&mut taught, topic, &tp);
            }
            let body = join(&path, "body");
            self.text(&l.body, &body);
            for lang in &self.languages.clone() {
                let source = match lang {
                    Lang::Nl => &l.body.nl,
                    Lang::En => &l.body.en,
                };
                for dropped in markdown::render(source).dropped {
                    self.push(join(&body, lang.code()), P::UnsafeContent { dropped });
                }
            }
        }

        match &m.quiz {
            Some(quiz) => self.quiz(quiz, &declared),
            None if m.completion.needs_quiz() => self.push("completion", P::NoQuizToPass),
            None => {}
        }

        let asked = m.quiz_topics();
        let taught: BTreeSet<&str> = m
            .lessons
            .iter()
            .flat_map(|l| &l.topics)
            .map(String::as_str)
            .collect();
        for (i, t) in m.topics.iter().enumerate() {
            if !asked.contains(&t.id) {
                self.push(
                    format!("topics[{i}]"),
                    P::TopicWithoutQuestions {
                        topic: t.id.clone(),
                    },
                );
            } else if !taught.contains(t.id.as_str()) {
                self.push(
                    format!("topics[{i}]"),
                    P::UntaughtTopic {
                        topic: t.id.clone(),
                    },
                );
            }
        }

        if m.version == 1 && !m.changes.is_empty() {
            self.push("changes", P::ChangesInFirstVersion);
        }
        let mut changed = BTreeMap::new();
        for (i, c) in m.changes.iter().enumerate() {
            let path = format!("changes[{i}]");
            let lp = join(&path, "lesson");
            if m.lesson(&c.lesson).is_none() {
                self.push(
                    &lp,
                    P::UnknownLesson {
                        id: c.lesson.clone(),
                    },
                );
            }
            self.unique(&mut changed, &c.lesson, &lp);
            self.text(&c.note, &join(&path, "note"));
        }
    }

    fn quiz(&mut self, quiz: &Quiz, declared: &BTreeSet<&str>) {
        // A pass mark of 0 would pass every attempt, answered or not: no quiz at all.
        if !(quiz.pass_mark > 0.0 && quiz.pass_mark <= 1.0) {
            self.push(
                "quiz.pass_mark",
                P::PassMarkOutOfRange {
                    value: quiz.pass_mark,
                },
            );
        }
        if quiz.attempts.max == Some(0) {
            self.push("quiz.attempts.max", P::NoAttempts);
        }
        if quiz.questions.is_empty() {
            self.push("quiz.questions", P::NoQuestions);
        }
        let mut ids = BTreeMap::new();
        let mut per_topic: BTreeMap<&str, u32> = BTreeMap::new();
        for (i, q) in quiz.questions.iter().enumerate() {
            let path = format!("quiz.questions[{i}]");
            self.id(&q.id, &join(&path, "id"));
            self.unique(&mut ids, &q.id, &join(&path, "id"));
            if !declared.contains(q.topic.as_str()) {
                self.push(
                    join(&path, "topic"),
                    P::UnknownTopic {
                        topic: q.topic.clone(),
                    },
                );
            }
            *per_topic.entry(q.topic.as_str()).or_default() += 1;
            self.text(&q.text, &join(&path, "text"));
            self.question_kind(&q.kind, &path);
        }
        for (topic, &n) in &quiz.draw {
            let path = join("quiz.draw", topic);
            if !declared.contains(topic.as_str()) {
                self.push(
                    path,
                    P::UnknownTopic {
                        topic: topic.clone(),
                    },
                );
                continue;
            }
            let available = per_topic.get(topic.as_str()).copied().unwrap_or(0);
            if n == 0 || n > available {
                self.push(
                    path,
                    P::InvalidDraw {
                        topic: topic.clone(),
                        draw: n,
                        available,
                    },
                );
            }
        }
    }

    fn question_kind(&mut self, kind: &QuestionKind, path: &str) {
        match kind {
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
                let op = join(path, "options");
                if options.len() < 2 {
                    self.push(&op, P::TooFewOptions);
                }
                let mut ids = BTreeMap::new();
                for (i, o) in options.iter().enumerate() {
                    let p = format!("{op}[{i}]");
                    self.id(&o.id, &join(&p, "id"));
                    self.unique(&mut ids, &o.id, &join(&p, "id"));
                    self.text(&o.text, &join(&p, "text"));
                    self.text(&o.feedback, &join(&p, "feedback"));
                }
                let correct = options.iter().filter(|o| o.correct).count();
                if correct == 0 {
                    self.push(&op, P::NoCorrectOption);
                } else if correct > 1 && matches!(kind, QuestionKind::SingleChoice { .. }) {
                    self.push(&op, P::SeveralCorrectOptions);
                }
            }
            QuestionKind::TrueFalse { feedback, .. } => {
                let fp = join(path, "feedback");
                self.text(&feedback.if_true, &join(&fp, "true"));
                self.text(&feedback.if_false, &join(&fp, "false"));
            }
            QuestionKind::Ordering { items, feedback } => {
                let ip = join(path, "items");
                if items.len() < 2 {
                    self.push(&ip, P::TooFewOptions);
                }
                let mut ids = BTreeMap::new();
                for (i, item) in items.iter().enumerate() {
                    let p = format!("{ip}[{i}]");
                    self.id(&item.id, &join(&p, "id"));
                    self.unique(&mut ids, &item.id, &join(&p, "id"));
                    self.text(&item.text, &join(&p, "text"));
                }
                let fp = join(path, "feedback");
                self.text(&feedback.correct, &join(&fp, "correct"));
                self.text(&feedback.incorrect, &join(&fp, "incorrect"));
            }
        }
    }
}
