//! What a version asks of a trainee, given what they did in earlier versions: a lesson viewed
//! since its last substantive change still counts, a topic passed since then still counts;
//! the rest is to (re-)study.

use super::model::Module;
use super::progress::Progress;
use super::versions::{Lineage, VersionError, check_next_version};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The lessons to study and the quiz topics to be tested on in a version. For a trainee who had
/// finished an earlier version these are exactly the substantively changed (or new) lessons and
/// their topics; after an editorial-only change, nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restudy {
    /// Lesson ids, in study order.
    pub lessons: Vec<String>,
    /// Topic ids, in declaration order (empty: the quiz is passed or there is none).
    pub topics: Vec<String>,
}

impl Restudy {
    /// Whether nothing is left to do.
    pub fn is_empty(&self) -> bool {
        self.lessons.is_empty() && self.topics.is_empty()
    }
}

impl Progress {
    /// The first view of `lesson` that still counts in the lineage's version: made in the
    /// version of its last substantive change or later.
    pub fn lesson_viewed_at(&self, lineage: &Lineage, lesson: &str) -> Option<DateTime<Utc>> {
        let since = *lineage.lessons.get(lesson)?;
        self.views
            .range(since..=lineage.version)
            .filter_map(|(_, lessons)| lessons.get(lesson).copied())
            .min()
    }

    /// The first passing attempt that still covers `topic` in the lineage's version: it asked
    /// about the topic, in the version of the topic's last substantive change or later.
    pub fn topic_passed_at(&self, lineage: &Lineage, topic: &str) -> Option<DateTime<Utc>> {
        let since = *lineage.topics.get(topic)?;
        self.attempts
            .values()
            .filter(|a| a.passed && (since..=lineage.version).contains(&a.version))
            .filter(|a| a.topics.iter().any(|t| t.topic == topic))
            .map(|a| a.submitted_at)
            .min()
    }

    /// What `module` (described by `lineage`) still asks of this trainee.
    pub fn restudy(&self, module: &Module, lineage: &Lineage) -> Restudy {
        let lessons = module
            .lessons
            .iter()
            .filter(|l| self.lesson_viewed_at(lineage, &l.id).is_none())
            .map(|l| l.id.clone())
            .collect();
        let asked = module.quiz_topics();
        let topics = module
            .topics
            .iter()
            .filter(|t| asked.contains(&t.id))
            .filter(|t| self.topic_passed_at(lineage, &t.id).is_none())
            .map(|t| t.id.clone())
            .collect();
        Restudy { lessons, topics }
    }
}

/// What the next version asks of a trainee whose progress was made on `old`: after an
/// editorial-only change nothing (they keep their pass); after a substantive one, the changed
/// lessons and the quiz topics tied to them. Facts from versions before `old` are not counted:
/// for a trainee further behind, use the [`Lineage`] of the whole history
/// (`ModuleHistory::lineage`) with [`Progress::restudy`].
pub fn restudy(
    progress: &Progress,
    old: &Module,
    new: &Module,
) -> Result<Restudy, Vec<VersionError>> {
    check_next_version(Some(old), new)?;
    let lineage = Lineage::first(old).next(new);
    Ok(progress.restudy(new, &lineage))
}
