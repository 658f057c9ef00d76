//! Merging two copies of one registration's progress (a phone and a laptop, each used offline):
//! commutative, associative and idempotent, so copies can be merged in any order, any number of
//! times, and agree.
//!
//! Lesson views are a set (the first view time wins, it is when the lesson was done); attempts
//! are kept exactly once by attempt id; the version and the resume position take the later
//! value; the assignment the earlier. Completion and passing are derived from these facts, so
//! two halves of a module done on two devices make a whole.

use super::progress::{Progress, ProgressError};

impl Progress {
    /// The union of two copies of the same registration's progress.
    pub fn merge(&self, other: &Progress) -> Result<Progress, ProgressError> {
        if self.module_id != other.module_id {
            return Err(ProgressError::WrongModule {
                expected: self.module_id.clone(),
                found: other.module_id.clone(),
            });
        }
        if self.registration != other.registration {
            return Err(ProgressError::DifferentRegistration {
                expected: self.registration.clone(),
                found: other.registration.clone(),
            });
        }
        let mut merged = self.clone();
        merged.version = self.version.max(other.version);
        merged.assigned_at = self.assigned_at.min(other.assigned_at);
        for (version, lessons) in &other.views {
            let mine = merged.views.entry(*version).or_default();
            for (lesson, at) in lessons {
                let first = mine.entry(lesson.clone()).or_insert(*at);
                *first = (*first).min(*at);
            }
        }
        for (id, attempt) in &other.attempts {
            // One attempt id is one attempt; should two copies disagree on it (a corrupted
            // copy), the larger wins on both sides so the merge still commutes.
            let mine = merged
                .attempts
                .entry(id.clone())
                .or_insert_with(|| attempt.clone());
            if *attempt > *mine {
                *mine = attempt.clone();
            }
        }
        merged.resume = self.resume.clone().max(other.resume.clone());
        Ok(merged)
    }
}
