//! Progress as a list of stored facts: what a server keeps per registration (append-only, each
//! fact once by its client-made id) and how the [`Progress`] is rebuilt from them.
//!
//! A fact is either a lesson view or a scored attempt. Rebuilding is a union, like `merge`:
//! the order facts arrive in does not matter, so a device that syncs late cannot undo anything.

use super::model::Module;
use super::progress::{Attempt, Position, Progress, ProgressError, is_uuid, reported_time};
use crate::survey::response_id::is_valid_response_id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One thing a trainee did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fact {
    /// A lesson was viewed in a version.
    View {
        /// The module version.
        version: u32,
        /// The lesson.
        lesson: String,
        /// When (never after the time it was recorded, never before the assignment).
        at: DateTime<Utc>,
    },
    /// A quiz attempt, scored when it was recorded.
    Attempt(Attempt),
}

impl Progress {
    /// A new lesson view of `module` (the version viewed) reported at `at`, checked: the lesson
    /// must exist in it, and must not be viewed in that version yet. Only the first view of a
    /// lesson in a version means anything (it is what [`Progress::add_fact`] keeps), so a store
    /// holds at most one view per lesson and version however many ids a client makes up. A
    /// resend of a stored view is recognised by its id before this is asked. The time is kept
    /// between the later of the assignment and `published_at` (when `module`'s version was
    /// published: nobody reads a version before it exists) and `now` ([`reported_time`]).
    pub fn view_fact(
        &self,
        module: &Module,
        lesson: &str,
        at: DateTime<Utc>,
        published_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Fact, ProgressError> {
        if module.lesson(lesson).is_none() {
            return Err(ProgressError::UnknownLesson {
                lesson: lesson.to_string(),
            });
        }
        if self
            .views
            .get(&module.version)
            .is_some_and(|lessons| lessons.contains_key(lesson))
        {
            return Err(ProgressError::AlreadyViewed {
                version: module.version,
                lesson: lesson.to_string(),
            });
        }
        Ok(Fact::View {
            version: module.version,
            lesson: lesson.to_string(),
            at: reported_time(at, self.assigned_at.max(published_at), now),
        })
    }
}

/// Whether `id` may name a fact (as a response id: 8–64 letters, digits, `-`, `_`).
pub fn is_valid_fact_id(id: &str) -> bool {
    is_valid_response_id(id)
}

impl Progress {
    /// The progress that stored facts make, for a module assigned at `assigned_at` under
    /// `registration`. Facts join as sets (first view time wins, each attempt id once), so any
    /// order of the same facts gives the same progress.
    pub fn from_facts<'f>(
        module_id: &str,
        registration: &str,
        assigned_at: DateTime<Utc>,
        facts: impl IntoIterator<Item = (&'f str, &'f Fact)>,
    ) -> Result<Progress, ProgressError> {
        if !is_uuid(registration) {
            return Err(ProgressError::InvalidRegistration {
                registration: registration.to_string(),
            });
        }
        let mut progress = Progress {
            module_id: module_id.to_string(),
            registration: registration.to_ascii_lowercase(),
            version: 0,
            assigned_at,
            views: Default::default(),
            attempts: Default::default(),
            resume: None,
        };
        for (id, fact) in facts {
            progress.add_fact(id, fact);
        }
        Ok(progress)
    }

    /// Adds one fact (as [`Progress::from_facts`] does). A time before the assignment, stored
    /// before the server kept times after it, is read as the assignment time.
    pub fn add_fact(&mut self, id: &str, fact: &Fact) {
        match fact {
            Fact::View {
                version,
                lesson,
                at,
            } => {
                let at = &(*at).max(self.assigned_at);
                let first = self
                    .views
                    .entry(*version)
                    .or_default()
                    .entry(lesson.clone())
                    .or_insert(*at);
                *first = (*first).min(*at);
                self.version = self.version.max(*version);
                let here = Position {
                    at: *at,
                    version: *version,
                    lesson: lesson.clone(),
                };
                if self.resume.as_ref().is_none_or(|r| *r < here) {
                    self.resume = Some(here);
                }
            }
            Fact::Attempt(stored) => {
                let mut attempt = stored.clone();
                attempt.started_at =
                    reported_time(attempt.started_at, self.assigned_at, attempt.submitted_at);
                let mine = self
                    .attempts
                    .entry(id.to_string())
                    .or_insert_with(|| attempt.clone());
                let version = attempt.version;
                if attempt > *mine {
                    *mine = attempt;
                }
                self.version = self.version.max(version);
            }
        }
    }

    /// The facts this progress is made of, with their ids: each attempt under its own id, each
    /// first view under `view-<version>-<lesson>` (so a copy of progress made offline can be
    /// synced as facts, and a resend names the same facts).
    pub fn facts(&self) -> Vec<(String, Fact)> {
        let views = self.views.iter().flat_map(|(version, lessons)| {
            lessons.iter().map(move |(lesson, at)| {
                (
                    view_fact_id(*version, lesson),
                    Fact::View {
                        version: *version,
                        lesson: lesson.clone(),
                        at: *at,
                    },
                )
            })
        });
        let attempts = self
            .attempts
            .iter()
            .map(|(id, a)| (id.clone(), Fact::Attempt(a.clone())));
        views.chain(attempts).collect()
    }
}

/// The id of the first view of a lesson in a version. Lesson ids are short slugs, so this fits
/// the fact-id rule for any lesson a validated module has.
pub fn view_fact_id(version: u32, lesson: &str) -> String {
    format!("view-{version}-{lesson}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::templates::builtin;
    use crate::training::versions::Lineage;
    use chrono::TimeZone;

    fn t(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 1, 9, minute, 0).unwrap()
    }

    const REG: &str = "0b1c2d3e-4f50-4617-8899-aabbccddeeff";

    #[test]
    fn facts_in_any_order_make_the_same_progress_as_the_transitions() {
        let module = builtin("get-help").unwrap();
        let mut live = Progress::new(&module, REG, t(0)).unwrap();
        for (i, l) in module.lessons.iter().enumerate() {
            live.view_lesson(&module, &l.id, t(i as u32 + 1)).unwrap();
        }
        let facts = live.facts();
        let forward = Progress::from_facts(
            &module.id,
            REG,
            t(0),
            facts.iter().map(|(i, f)| (i.as_str(), f)),
        )
        .unwrap();
        let backward = Progress::from_facts(
            &module.id,
            REG,
            t(0),
            facts.iter().rev().map(|(i, f)| (i.as_str(), f)),
        )
        .unwrap();
        assert_eq!(forward, live);
        assert_eq!(backward, live);
        let lineage = Lineage::first(&module);
        assert!(forward.status(&module, &lineage).completed_at.is_some());
    }

    #[test]
    fn a_view_of_a_lesson_the_version_lacks_is_refused_and_a_future_time_is_clamped() {
        let module = builtin("get-help").unwrap();
        let progress = Progress::new(&module, REG, t(0)).unwrap();
        assert!(matches!(
            progress.view_fact(&module, "no-such-lesson", t(1), t(0), t(2)),
            Err(ProgressError::UnknownLesson { .. })
        ));
        let lesson = &module.lessons[0].id;
        let at = |reported| match progress.view_fact(&module, lesson, reported, t(0), t(2)) {
            Ok(Fact::View { at, .. }) => at,
            other => panic!("a view: {other:?}"),
        };
        assert_eq!(at(t(30)), t(2));
        assert_eq!(at(t(1)), t(1));
    }

    #[test]
    fn a_second_view_of_a_lesson_in_a_version_is_refused_whatever_its_id() {
        let module = builtin("get-help").unwrap();
        let mut progress = Progress::new(&module, REG, t(0)).unwrap();
        let lesson = &module.lessons[0].id;
        let first = progress
            .view_fact(&module, lesson, t(1), t(0), t(2))
            .unwrap();
        progress.add_fact("made-up-id-1", &first);
        assert_eq!(
            progress.view_fact(&module, lesson, t(0), t(0), t(3)),
            Err(ProgressError::AlreadyViewed {
                version: module.version,
                lesson: lesson.clone(),
            })
        );
        // Another lesson is still new.
        assert!(
            progress
                .view_fact(&module, &module.lessons[1].id, t(1), t(0), t(3))
                .is_ok()
        );
        let refused = ProgressError::AlreadyViewed {
            version: 1,
            lesson: "x".into(),
        };
        assert_ne!(
            refused.message(crate::i18n::Lang::Nl),
            refused.message(crate::i18n::Lang::En)
        );
    }

    #[test]
    fn a_view_or_attempt_dated_before_the_assignment_is_taken_as_the_assignment() {
        let module = builtin("get-help").unwrap();
        let assigned = t(10);
        let progress = Progress::new(&module, REG, assigned).unwrap();
        let long_ago = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
        let lesson = &module.lessons[0].id;
        let Ok(Fact::View { at, .. }) = progress.view_fact(&module, lesson, long_ago, t(0), t(20))
        else {
            panic!("a view");
        };
        assert_eq!(at, assigned);
        // Facts stored before this rule are read the same way.
        let old_view = Fact::View {
            version: module.version,
            lesson: lesson.clone(),
            at: long_ago,
        };
        let rebuilt =
            Progress::from_facts(&module.id, REG, assigned, [("view-1-x", &old_view)]).unwrap();
        assert_eq!(rebuilt.views[&module.version][lesson], assigned);
        assert_eq!(rebuilt.resume.unwrap().at, assigned);
    }

    #[test]
    fn a_view_dated_before_its_version_was_published_is_taken_as_the_publication() {
        let module = builtin("get-help").unwrap();
        let progress = Progress::new(&module, REG, t(0)).unwrap();
        let lesson = &module.lessons[0].id;
        let published = t(10);
        let at = |reported| match progress.view_fact(&module, lesson, reported, published, t(20)) {
            Ok(Fact::View { at, .. }) => at,
            other => panic!("a view: {other:?}"),
        };
        // After the assignment, but before the version existed.
        assert_eq!(at(t(5)), published);
        assert_eq!(at(t(15)), t(15));
        assert_eq!(at(t(30)), t(20));
    }

    #[test]
    fn view_fact_ids_follow_the_fact_id_rule() {
        let module = builtin("get-help").unwrap();
        for l in &module.lessons {
            assert!(is_valid_fact_id(&view_fact_id(12, &l.id)), "{}", l.id);
        }
    }
}
