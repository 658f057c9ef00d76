//! Withholding a survey result that fewer people answered than the smallest group shown.
//!
//! Hiding small segments is not enough: a question asked only on iOS has, overall, exactly the
//! iOS respondents' answers, so three bars would show what each of three people said. Every
//! per-question figure (and every measure built from answers) with 1 to 4 answers is therefore
//! emptied and marked; its count goes too, as a hidden segment's size does. A question nobody
//! answered keeps its zero: it shows nobody's answer.

use super::summary::{
    AdkarSummary, ItemSummary, NpsSummary, QuestionStats, QuestionSummary, ScaleStats, Suppression,
    SusSummary,
};

/// Some answers, but fewer than the smallest group shown.
pub(crate) fn too_few(answers: usize, min_group: usize) -> bool {
    answers > 0 && answers < min_group
}

/// The question, with its figures withheld when too few answered it (and, for a matrix, each
/// item's when too few answered that item).
pub(crate) fn question(mut q: QuestionSummary, min_group: usize) -> QuestionSummary {
    if too_few(q.answered, min_group) {
        q.answered = 0;
        q.suppressed = Some(Suppression::FewAnswers);
        q.stats = emptied(&q.stats);
        return q;
    }
    if let QuestionStats::Matrix { items } = &mut q.stats {
        for item in items.iter_mut() {
            matrix_item(item, min_group);
        }
    }
    q
}

fn matrix_item(item: &mut ItemSummary, min_group: usize) {
    if too_few(item.stats.n, min_group) {
        item.suppressed = Some(Suppression::FewAnswers);
        item.stats = empty_scale();
    }
}

/// The same kind of figures with nothing in them.
fn emptied(stats: &QuestionStats) -> QuestionStats {
    match stats {
        QuestionStats::Scale(_) => QuestionStats::Scale(empty_scale()),
        QuestionStats::YesNo { .. } => QuestionStats::YesNo { yes: 0, no: 0 },
        QuestionStats::Choice { .. } => QuestionStats::Choice {
            counts: Vec::new(),
            other: 0,
            other_texts: Vec::new(),
        },
        QuestionStats::Text { .. } => QuestionStats::Text {
            answers: Vec::new(),
        },
        QuestionStats::Matrix { .. } => QuestionStats::Matrix { items: Vec::new() },
        QuestionStats::Ranking { .. } => QuestionStats::Ranking {
            choices: Vec::new(),
        },
    }
}

fn empty_scale() -> ScaleStats {
    ScaleStats {
        n: 0,
        distribution: Vec::new(),
        mean: None,
        median: None,
        top2: None,
        bottom2: None,
    }
}

/// The SUS score, withheld when fewer than the smallest group completed it.
pub(crate) fn sus(s: SusSummary, min_group: usize) -> SusSummary {
    if !too_few(s.n, min_group) {
        return s;
    }
    SusSummary {
        suppressed: Some(Suppression::FewAnswers),
        n: 0,
        incomplete: 0,
        mean: None,
        median: None,
        sd: None,
        interval: None,
    }
}

/// An NPS, withheld when fewer than the smallest group answered its question.
pub(crate) fn nps(s: NpsSummary, min_group: usize) -> NpsSummary {
    if !too_few(s.n, min_group) {
        return s;
    }
    NpsSummary {
        suppressed: Some(Suppression::FewAnswers),
        n: 0,
        promoters: 0,
        passives: 0,
        detractors: 0,
        score: None,
        interval: None,
        ..s
    }
}

/// The ADKAR barriers, withheld when fewer than the smallest group answered an element.
pub(crate) fn adkar(s: AdkarSummary, min_group: usize) -> AdkarSummary {
    if !too_few(s.n, min_group) {
        return s;
    }
    AdkarSummary {
        suppressed: Some(Suppression::FewAnswers),
        n: 0,
        barriers: Vec::new(),
    }
}
