//! A small builder for training scenarios: a trainee studies, answers right or wrong, at given
//! times, through the public API only.

#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use wavegate_core::training::{
    Lineage, Module, Progress, QuestionKind, QuizAnswer, QuizAnswers, QuizResult, Submission,
    registration_from_bytes, templates,
};

/// A time, `2027-01-12 09:30`.
pub fn at(s: &str) -> DateTime<Utc> {
    let t = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    DateTime::from_naive_utc_and_offset(t, Utc)
}

/// A built-in module's content as the first version of a module (numbered 1, without change
/// notes), with that version's lineage: what the scenarios version on from.
pub fn builtin(id: &str) -> (Module, Lineage) {
    let module = Module {
        version: 1,
        changes: Vec::new(),
        ..templates::builtin(id).unwrap()
    };
    let lineage = Lineage::first(&module);
    (module, lineage)
}

/// The registration of trainee `i`.
pub fn registration(i: u32) -> String {
    let mut b = [0u8; 16];
    b[..4].copy_from_slice(&i.to_le_bytes());
    b[15] = 0x5a;
    registration_from_bytes(b)
}

/// The right answer to a question.
pub fn right(module: &Module, id: &str) -> QuizAnswer {
    match &module.question(id).unwrap().kind {
        QuestionKind::SingleChoice { options } => {
            QuizAnswer::Choice(options.iter().find(|o| o.correct).unwrap().id.clone())
        }
        QuestionKind::MultipleChoice { options } => QuizAnswer::Choices(
            options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.id.clone())
                .collect(),
        ),
        QuestionKind::TrueFalse { answer, .. } => QuizAnswer::TrueFalse(*answer),
        QuestionKind::Ordering { items, .. } => {
            QuizAnswer::Order(items.iter().map(|i| i.id.clone()).collect())
        }
    }
}

/// A wrong answer to a question.
pub fn wrong(module: &Module, id: &str) -> QuizAnswer {
    match &module.question(id).unwrap().kind {
        QuestionKind::SingleChoice { options } => {
            QuizAnswer::Choice(options.iter().find(|o| !o.correct).unwrap().id.clone())
        }
        QuestionKind::MultipleChoice { options } => QuizAnswer::Choices(vec![
            options.iter().find(|o| !o.correct).unwrap().id.clone(),
        ]),
        QuestionKind::TrueFalse { answer, .. } => QuizAnswer::TrueFalse(!*answer),
        QuestionKind::Ordering { items, .. } => {
            QuizAnswer::Order(items.iter().rev().map(|i| i.id.clone()).collect())
        }
    }
}

/// One trainee on one module.
pub struct Trainee {
    pub progress: Progress,
    /// Attempts made on this device so far (for attempt ids).
    pub attempt_ids: u32,
    /// Which device, so two devices make different attempt ids.
    pub device: &'static str,
}

impl Trainee {
    /// Assigned `module` at `when`.
    pub fn new(i: u32, module: &Module, when: &str) -> Trainee {
        Trainee {
            progress: Progress::new(module, &registration(i), at(when)).unwrap(),
            attempt_ids: 0,
            device: "phone",
        }
    }

    /// Views every lesson, a minute apart from `when`.
    pub fn study(&mut self, module: &Module, when: &str) {
        for (i, l) in module.lessons.iter().enumerate() {
            self.progress
                .view_lesson(module, &l.id, at(when) + Duration::minutes(i as i64))
                .unwrap();
        }
    }

    /// Takes the next attempt at `when`, answering wrong on the topics in `wrong_on`.
    pub fn quiz(
        &mut self,
        module: &Module,
        lineage: &Lineage,
        when: &str,
        wrong_on: &[&str],
    ) -> QuizResult {
        let now = at(when);
        let plan = self.progress.next_attempt(module, lineage, now).unwrap();
        let answers: QuizAnswers = plan
            .questions
            .iter()
            .map(|q| {
                let topic = &module.question(q).unwrap().topic;
                let a = if wrong_on.contains(&topic.as_str()) {
                    wrong(module, q)
                } else {
                    right(module, q)
                };
                (q.clone(), a)
            })
            .collect();
        self.attempt_ids += 1;
        let submission = Submission {
            id: format!(
                "{}-{:04}-{}",
                self.device,
                self.attempt_ids,
                &self.progress.registration[..8]
            ),
            number: plan.number,
            answers,
            started_at: now - Duration::seconds(270),
            submitted_at: None,
        };
        self.progress
            .submit_attempt(module, lineage, submission, now)
            .unwrap()
    }
}
