//! On a module's overview after a failed quiz: how the last attempt went ("not passed yet", or
//! with every attempt used "not passed"), and the lessons that teach the topics it got wrong,
//! which the overview lists by title as the lessons to reread (one list, not the topics' names
//! and then the lessons again). Without it the module looks as if the quiz was never taken, and
//! the retry is a blind one.

use crate::i18n::{Lang, Msg, both, fill};
use wavegate_core::i18n::Text;
use wavegate_core::training::wire::MyModule;

/// When `m`'s last attempt in its version failed and the quiz is not passed since: what to say,
/// in both languages (so the page shows it as it shows any text of the module), and the places
/// of the lessons tied to the topics with a wrong answer, to reread.
pub fn last_failed(m: &MyModule) -> Option<(Text, Vec<usize>)> {
    if m.status.passed_at.is_some() {
        return None;
    }
    let a = m
        .progress
        .last_attempt_in(m.module.version)
        .filter(|a| !a.passed)?;
    // Whole percent, rounded as the results screen says it.
    let percent = wavegate_core::i18n::percent_of(a.correct.len() as u64, a.questions.len() as u64)
        .to_string();
    let weak: Vec<&String> = (a.topics.iter())
        .filter(|tr| tr.correct < tr.asked)
        .map(|tr| &tr.topic)
        .collect();
    // Every attempt used: the quiz is closed, so not "not passed yet".
    let verdict = match m.status.attempts_left {
        Some(0) => Msg::Closed,
        _ => Msg::NotPassed,
    };
    let said = |lang: Lang| {
        let values = [
            ("verdict", verdict.text(lang).to_string()),
            ("percent", percent.clone()),
        ];
        fill(Msg::LastAttemptFailed, lang, &values)
    };
    let mut lessons: Vec<usize> = (m.module.lessons.iter().enumerate())
        .filter(|(_, l)| l.topics.iter().any(|tp| weak.contains(&tp)))
        .map(|(i, _)| i)
        .collect();
    // A module that ties no lesson to those topics: every lesson is one to read again.
    if lessons.is_empty() {
        lessons = (0..m.module.lessons.len()).collect();
    }
    Some((both(said), lessons))
}
