//! How a new version's quiz differs from the previous one's, per topic: unchanged, reworded
//! (text or feedback only), or with other right answers (questions added, removed or re-keyed).

use super::model::{Module, Question, QuestionKind};
use std::collections::BTreeMap;

/// What changed in the questions of one topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicChange {
    /// Only wording or feedback: the same questions with the same right answers.
    Reworded,
    /// Other questions or other right answers: a pass earned before no longer shows the topic
    /// is known.
    Answers,
}

/// Per topic whose questions differ between `previous` and `next`, how they differ.
pub fn topic_changes(previous: &Module, next: &Module) -> BTreeMap<String, TopicChange> {
    let before = by_topic(previous);
    let after = by_topic(next);
    let mut out = BTreeMap::new();
    for topic in before.keys().chain(after.keys()) {
        let (b, a) = (before.get(topic), after.get(topic));
        if b == a {
            continue;
        }
        let keys = |qs: Option<&Vec<&Question>>| -> Vec<String> {
            qs.map(|qs| qs.iter().map(|q| answer_key(q)).collect())
                .unwrap_or_default()
        };
        let change = if keys(b) == keys(a) {
            TopicChange::Reworded
        } else {
            TopicChange::Answers
        };
        out.insert(topic.to_string(), change);
    }
    out
}

/// The questions of each topic, sorted by id (the order they are shown in is not the content).
fn by_topic(module: &Module) -> BTreeMap<&str, Vec<&Question>> {
    let mut out: BTreeMap<&str, Vec<&Question>> = BTreeMap::new();
    for q in module.quiz.iter().flat_map(|quiz| &quiz.questions) {
        out.entry(q.topic.as_str()).or_default().push(q);
    }
    for qs in out.values_mut() {
        qs.sort_by(|a, b| a.id.cmp(&b.id));
    }
    out
}

/// What decides whether an answer is right: the question, its type and its right answer.
fn answer_key(q: &Question) -> String {
    let right = match &q.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            let mut ids: Vec<String> = options
                .iter()
                .map(|o| format!("{}{}", o.id, if o.correct { "+" } else { "-" }))
                .collect();
            ids.sort();
            ids.join(",")
        }
        QuestionKind::TrueFalse { answer, .. } => answer.to_string(),
        QuestionKind::Ordering { items, .. } => items
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>()
            .join(">"),
    };
    format!("{}:{}:{right}", q.id, q.kind.type_name())
}
