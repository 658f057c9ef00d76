//! Module versions: a published version never changes; the next one says per lesson what changed
//! and whether it matters; and the [`Lineage`] of a version tells, per lesson and topic, since
//! which version its substance is unchanged, so earlier study still counts where it should.

use super::errors::ModuleError;
use super::model::{ChangeKind, Lesson, Module};
use super::quiz_changes::{TopicChange, topic_changes};
use super::validate::validate_module;
use crate::i18n::Lang;
use crate::versioning::{self, NotNext};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Why a version cannot follow the ones before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum VersionError {
    /// The definition belongs to another module.
    DifferentModule {
        /// This history's module id.
        expected: String,
        /// The definition's id.
        found: String,
    },
    /// A new version must be numbered right after the latest published one.
    NotNextVersion {
        /// The number it must have.
        expected: u32,
        /// The number it has.
        found: u32,
    },
    /// Different content under a version that is already published.
    AlreadyPublished {
        /// The version.
        version: u32,
    },
    /// The definition has problems of its own.
    Invalid {
        /// The problems.
        errors: Vec<ModuleError>,
    },
    /// A lesson that is new or differs from the previous version has no change note.
    MissingChange {
        /// The lesson.
        lesson: String,
    },
    /// A change note on a lesson identical to the previous version.
    NothingChanged {
        /// The lesson.
        lesson: String,
    },
    /// A new lesson, or a lesson teaching other topics, classed as editorial.
    MustBeSubstantive {
        /// The lesson.
        lesson: String,
    },
    /// The quiz questions on a topic changed, but no lesson teaching it has a change note.
    QuizChangeWithoutNote {
        /// The topic.
        topic: String,
    },
    /// The quiz asks other questions or has other right answers on a topic, but the change
    /// notes of the lessons teaching it are editorial, so earlier passes would stand.
    QuizChangeMustBeSubstantive {
        /// The topic.
        topic: String,
    },
}

impl VersionError {
    /// The machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            VersionError::DifferentModule { .. } => "different_module",
            VersionError::NotNextVersion { .. } => "not_next_version",
            VersionError::AlreadyPublished { .. } => "already_published",
            VersionError::Invalid { .. } => "invalid",
            VersionError::MissingChange { .. } => "missing_change",
            VersionError::NothingChanged { .. } => "nothing_changed",
            VersionError::MustBeSubstantive { .. } => "must_be_substantive",
            VersionError::QuizChangeWithoutNote { .. } => "quiz_change_without_note",
            VersionError::QuizChangeMustBeSubstantive { .. } => "quiz_change_must_be_substantive",
        }
    }

    /// The JSON path in `next` of what is wrong, so an author (or the planner's preview) can
    /// point at it: the lesson without a note, the note to drop or to class substantive, the
    /// changed question. `previous` is the version `next` was checked against (none for a
    /// first version).
    pub fn path(&self, previous: Option<&Module>, next: &Module) -> String {
        let lesson_at = |lesson: &str| {
            next.lessons
                .iter()
                .position(|l| l.id == lesson)
                .map_or_else(|| "lessons".to_string(), |i| format!("lessons[{i}]"))
        };
        let change_at = |lesson: &str| {
            next.changes
                .iter()
                .position(|c| c.lesson == lesson)
                .map_or_else(|| "changes".to_string(), |i| format!("changes[{i}]"))
        };
        match self {
            VersionError::DifferentModule { .. } => "id".into(),
            VersionError::NotNextVersion { .. } | VersionError::AlreadyPublished { .. } => {
                "version".into()
            }
            // Its own errors carry their paths.
            VersionError::Invalid { .. } => String::new(),
            VersionError::MissingChange { lesson } => lesson_at(lesson),
            VersionError::NothingChanged { lesson } => change_at(lesson),
            VersionError::MustBeSubstantive { lesson } => format!("{}.kind", change_at(lesson)),
            VersionError::QuizChangeWithoutNote { topic } => {
                changed_question(previous, next, topic)
            }
            VersionError::QuizChangeMustBeSubstantive { topic } => next
                .changes
                .iter()
                .position(|c| {
                    c.kind == ChangeKind::Editorial
                        && next
                            .lesson(&c.lesson)
                            .is_some_and(|l| l.topics.contains(topic))
                })
                .map_or_else(
                    || changed_question(previous, next, topic),
                    |i| format!("changes[{i}].kind"),
                ),
        }
    }

    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let pick = |d: String, e: String| if nl { d } else { e };
        match self {
            VersionError::DifferentModule { expected, found } => {
                versioning::other_id_message(expected, found, lang)
            }
            VersionError::NotNextVersion { expected, found } => {
                versioning::not_next_message(*expected, *found, lang)
            }
            VersionError::AlreadyPublished { version } => pick(
                format!(
                    "versie {version} is gepubliceerd met andere inhoud en verandert niet meer; maak een nieuwe versie"
                ),
                format!(
                    "version {version} is published with other content and no longer changes; make a new version"
                ),
            ),
            VersionError::Invalid { errors } => {
                let list = errors
                    .iter()
                    .map(|e| format!("{}: {}", e.path, e.message(lang)))
                    .collect::<Vec<_>>()
                    .join("; ");
                pick(
                    format!("de definitie heeft fouten: {list}"),
                    format!("the definition has errors: {list}"),
                )
            }
            VersionError::MissingChange { lesson } => pick(
                format!(
                    "les `{lesson}` is nieuw of gewijzigd maar heeft geen wijzigingsnotitie in `changes`"
                ),
                format!("lesson `{lesson}` is new or changed but has no change note in `changes`"),
            ),
            VersionError::NothingChanged { lesson } => pick(
                format!(
                    "les `{lesson}` is gelijk aan de vorige versie; haal de wijzigingsnotitie weg"
                ),
                format!(
                    "lesson `{lesson}` is the same as in the previous version; remove its change note"
                ),
            ),
            VersionError::MustBeSubstantive { lesson } => pick(
                format!(
                    "les `{lesson}` is nieuw of behandelt andere onderwerpen; dat is een inhoudelijke wijziging (substantive)"
                ),
                format!(
                    "lesson `{lesson}` is new or teaches other topics; that is a substantive change"
                ),
            ),
            VersionError::QuizChangeWithoutNote { topic } => pick(
                format!(
                    "de quizvragen over onderwerp `{topic}` zijn gewijzigd; geef een les die het behandelt een wijzigingsnotitie in `changes`"
                ),
                format!(
                    "the quiz questions on topic `{topic}` changed; give a lesson that teaches it a change note in `changes`"
                ),
            ),
            VersionError::QuizChangeMustBeSubstantive { topic } => pick(
                format!(
                    "de quiz stelt over onderwerp `{topic}` andere vragen of heeft andere goede antwoorden; dat is een inhoudelijke wijziging (substantive) van een les die het behandelt, zodat wie het haalde het opnieuw doet"
                ),
                format!(
                    "the quiz asks other questions or has other right answers on topic `{topic}`; that is a substantive change of a lesson that teaches it, so those who passed take it again"
                ),
            ),
        }
    }
}

impl From<NotNext> for VersionError {
    fn from(e: NotNext) -> VersionError {
        match e {
            NotNext::OtherId { expected, found } => {
                VersionError::DifferentModule { expected, found }
            }
            NotNext::Number { expected, found } => VersionError::NotNextVersion { expected, found },
        }
    }
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for VersionError {}

/// The path of the first question on `topic` that is new in `next` or differs from
/// `previous`; when the topic only lost questions, the list they were removed from.
fn changed_question(previous: Option<&Module>, next: &Module, topic: &str) -> String {
    next.quiz
        .iter()
        .flat_map(|quiz| quiz.questions.iter().enumerate())
        .find(|(_, q)| q.topic == topic && previous.and_then(|p| p.question(&q.id)) != Some(*q))
        .map_or_else(
            || "quiz.questions".to_string(),
            |(i, _)| format!("quiz.questions[{i}]"),
        )
}

fn same_content(a: &Lesson, b: &Lesson) -> bool {
    a.title == b.title && a.body == b.body && a.topics == b.topics && a.minutes == b.minutes
}

/// Checks that `next` may follow `previous` (or be version 1 when there is none): the same id,
/// the next number, valid, and a change note for exactly the lessons that are new or differ.
pub fn check_next_version(
    previous: Option<&Module>,
    next: &Module,
) -> Result<(), Vec<VersionError>> {
    if let Err(errors) = validate_module(next) {
        return Err(vec![VersionError::Invalid { errors }]);
    }
    versioning::check_next(
        previous.map(|p| p.id.as_str()),
        previous.map(|p| p.version),
        &next.id,
        next.version,
    )
    .map_err(|e| vec![VersionError::from(e)])?;
    let Some(previous) = previous else {
        return Ok(());
    };
    let quiz_changed = topic_changes(previous, next);
    let mut errors = Vec::new();
    for lesson in &next.lessons {
        let before = previous.lesson(&lesson.id);
        let note = next.change(&lesson.id);
        let lesson_id = || lesson.id.clone();
        match (before, note) {
            (Some(b), None) if !same_content(b, lesson) => {
                errors.push(VersionError::MissingChange {
                    lesson: lesson_id(),
                });
            }
            // A note on an unchanged lesson is for the quiz questions on its topics, if any.
            (Some(b), Some(_))
                if same_content(b, lesson)
                    && !lesson.topics.iter().any(|t| quiz_changed.contains_key(t)) =>
            {
                errors.push(VersionError::NothingChanged {
                    lesson: lesson_id(),
                });
            }
            (None, None) => errors.push(VersionError::MissingChange {
                lesson: lesson_id(),
            }),
            (None, Some(c)) if c.kind == ChangeKind::Editorial => {
                errors.push(VersionError::MustBeSubstantive {
                    lesson: lesson_id(),
                });
            }
            (Some(b), Some(c)) if c.kind == ChangeKind::Editorial && b.topics != lesson.topics => {
                errors.push(VersionError::MustBeSubstantive {
                    lesson: lesson_id(),
                });
            }
            _ => {}
        }
    }
    errors.extend(quiz_errors(next, quiz_changed));
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A quiz change must be classed like a lesson change, on a lesson that teaches its topic: any
/// change needs a note, and other questions or right answers a substantive one, so that a pass
/// earned on the old questions is asked again (the topic's lineage follows its lessons).
fn quiz_errors(next: &Module, changed: BTreeMap<String, TopicChange>) -> Vec<VersionError> {
    let asked = next.quiz_topics();
    let mut errors = Vec::new();
    // A topic no longer asked takes nothing away from those who passed it.
    for (topic, change) in changed.into_iter().filter(|(t, _)| asked.contains(t)) {
        let notes: Vec<ChangeKind> = next
            .lessons
            .iter()
            .filter(|l| l.topics.contains(&topic))
            .filter_map(|l| next.change(&l.id).map(|c| c.kind))
            .collect();
        if notes.is_empty() {
            errors.push(VersionError::QuizChangeWithoutNote { topic });
        } else if change == TopicChange::Answers && !notes.contains(&ChangeKind::Substantive) {
            errors.push(VersionError::QuizChangeMustBeSubstantive { topic });
        }
    }
    errors
}

/// Per lesson and quiz topic of one version: the version since which its substance is unchanged.
/// A lesson viewed in that version or later, and a topic passed in that version or later, still
/// count; anything older is to be studied again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lineage {
    /// The module.
    pub module_id: String,
    /// The version described.
    pub version: u32,
    /// Lesson id → the version it last changed substantively in (or was added in).
    pub lessons: BTreeMap<String, u32>,
    /// Topic id → the latest such version among the lessons that teach it.
    pub topics: BTreeMap<String, u32>,
}

impl Lineage {
    /// The lineage of a module whose earlier versions are unknown or absent: everything dates
    /// from this version.
    pub fn first(module: &Module) -> Lineage {
        let lessons = module
            .lessons
            .iter()
            .map(|l| (l.id.clone(), module.version))
            .collect();
        Lineage::with_lessons(module, lessons)
    }

    fn with_lessons(module: &Module, lessons: BTreeMap<String, u32>) -> Lineage {
        let mut topics: BTreeMap<String, u32> = BTreeMap::new();
        for topic in module.quiz_topics() {
            let since = module
                .lessons
                .iter()
                .filter(|l| l.topics.contains(&topic))
                .filter_map(|l| lessons.get(&l.id).copied())
                .max()
                // A topic no lesson teaches (refused by the validator) dates from now.
                .unwrap_or(module.version);
            topics.insert(topic, since);
        }
        Lineage {
            module_id: module.id.clone(),
            version: module.version,
            lessons,
            topics,
        }
    }

    /// The lineage of `next`, the version after the one this lineage describes: a lesson keeps
    /// its date unless it is new or its change note is substantive.
    pub fn next(&self, next: &Module) -> Lineage {
        let lessons = next
            .lessons
            .iter()
            .map(|l| {
                let kept = self.lessons.get(&l.id).copied().filter(|_| {
                    next.change(&l.id)
                        .is_none_or(|c| c.kind == ChangeKind::Editorial)
                });
                (l.id.clone(), kept.unwrap_or(next.version))
            })
            .collect();
        Lineage::with_lessons(next, lessons)
    }
}

/// Whether publishing stored a new version or found the very same one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Published {
    /// A new version was added.
    New,
    /// The same content was already published under this version: nothing changed.
    Unchanged,
}

/// All published versions of one module, oldest first: each valid, numbered consecutively, with
/// its change notes checked against the one before.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ModuleHistory {
    published: Vec<Module>,
}

impl ModuleHistory {
    /// A history with nothing published.
    pub fn new() -> ModuleHistory {
        ModuleHistory::default()
    }

    /// Restores a history from stored versions (any order), checking it is consistent.
    pub fn from_published(mut versions: Vec<Module>) -> Result<ModuleHistory, Vec<VersionError>> {
        versions.sort_by_key(|m| m.version);
        let mut history = ModuleHistory::new();
        for v in versions {
            history.publish(v)?;
        }
        Ok(history)
    }

    /// Publishes a version. The same content under an existing version is accepted and changes
    /// nothing (a retried publish); other content under it is refused.
    pub fn publish(&mut self, module: Module) -> Result<Published, Vec<VersionError>> {
        if let Some(existing) = self.get(module.version) {
            if existing.id != module.id {
                return Err(vec![VersionError::DifferentModule {
                    expected: existing.id.clone(),
                    found: module.id,
                }]);
            }
            return if *existing == module {
                Ok(Published::Unchanged)
            } else {
                Err(vec![VersionError::AlreadyPublished {
                    version: module.version,
                }])
            };
        }
        check_next_version(self.latest(), &module)?;
        self.published.push(module);
        Ok(Published::New)
    }

    /// The published versions, oldest first.
    pub fn published(&self) -> &[Module] {
        &self.published
    }

    /// The latest version.
    pub fn latest(&self) -> Option<&Module> {
        self.published.last()
    }

    /// A version by number.
    pub fn get(&self, version: u32) -> Option<&Module> {
        self.published.iter().find(|m| m.version == version)
    }

    /// The lineage of the latest version.
    pub fn lineage(&self) -> Option<Lineage> {
        self.lineage_at(self.latest()?.version)
    }

    /// The lineage of a published version.
    pub fn lineage_at(&self, version: u32) -> Option<Lineage> {
        let (first, rest) = self.published.split_first()?;
        let upto = rest.iter().take_while(|m| m.version <= version);
        let lineage = upto.fold(Lineage::first(first), |lineage, next| lineage.next(next));
        (lineage.version == version).then_some(lineage)
    }
}
