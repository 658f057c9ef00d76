//! Which questions an attempt asks: N of M per topic, seeded by the registration and the attempt
//! number, so the server re-derives any attempt's draw and a retry gets other questions.
//!
//! Per registration and topic the topic's questions are put in one seeded order (ChaCha8);
//! attempt k takes the k-th window of N questions from it, wrapping around. So consecutive
//! attempts ask different questions as long as the topic has them, and every question is asked
//! once before any is asked again.

use super::model::{Question, QuestionKind, Quiz};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use sha1::{Digest, Sha1};
use std::collections::BTreeSet;

/// What a draw is seeded with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seed {
    /// The trainee's registration id for the module.
    pub registration: String,
    /// The attempt's number, from 1, counted over all versions of the module.
    pub attempt: u32,
}

impl Seed {
    /// The seed of attempt `attempt` of a registration.
    pub fn new(registration: &str, attempt: u32) -> Seed {
        Seed {
            registration: registration.to_string(),
            attempt,
        }
    }
}

/// A generator seeded by a stable digest of its parts (a hasher of the standard library may
/// change between Rust versions; the server must re-derive draws made years earlier).
fn rng(parts: &[&[u8]]) -> ChaCha8Rng {
    let mut h = Sha1::new();
    h.update(b"wavegate.quiz/1");
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    let digest = h.finalize();
    let mut seed = [0u8; 32];
    seed[..20].copy_from_slice(&digest);
    ChaCha8Rng::from_seed(seed)
}

/// A Fisher–Yates shuffle that comes out the same on every platform: indices are drawn as
/// `u32`, because `rand` draws a `usize` from one 32-bit word on wasm32 and from a 64-bit one on
/// the server, so the device and the server would otherwise ask different questions.
fn shuffle<T>(items: &mut [T], rng: &mut ChaCha8Rng) {
    for i in (1..items.len()).rev() {
        let bound = u32::try_from(i).unwrap_or(u32::MAX);
        let j = rng.gen_range(0..=bound) as usize;
        items.swap(i, j);
    }
}

/// The questions of a full attempt, in quiz order.
pub fn draw(quiz: &Quiz, seed: &Seed) -> Vec<String> {
    let all: BTreeSet<String> = quiz.questions.iter().map(|q| q.topic.clone()).collect();
    draw_topics(quiz, seed, &all)
}

/// How many questions a full attempt asks: per topic its draw, else all its questions, as
/// [`draw`] takes them (whatever the seed).
pub fn full_attempt_size(quiz: &Quiz) -> u32 {
    let topics: BTreeSet<&str> = quiz.questions.iter().map(|q| q.topic.as_str()).collect();
    let size: usize = (topics.into_iter())
        .map(|topic| {
            let m = quiz.questions.iter().filter(|q| q.topic == topic).count();
            quiz.draw.get(topic).map_or(m, |&n| (n as usize).min(m))
        })
        .sum();
    u32::try_from(size).unwrap_or(u32::MAX)
}

/// The questions of an attempt about some topics only (a retake after a substantive change), in
/// quiz order.
pub fn draw_topics(quiz: &Quiz, seed: &Seed, topics: &BTreeSet<String>) -> Vec<String> {
    let mut chosen: BTreeSet<&str> = BTreeSet::new();
    for topic in topics {
        let mut ids: Vec<&str> = quiz
            .questions
            .iter()
            .filter(|q| &q.topic == topic)
            .map(|q| q.id.as_str())
            .collect();
        let m = ids.len();
        let n = quiz.draw.get(topic).map_or(m, |&n| (n as usize).min(m));
        if n == m {
            chosen.extend(ids);
            continue;
        }
        shuffle(
            &mut ids,
            &mut rng(&[seed.registration.as_bytes(), topic.as_bytes()]),
        );
        let start = (seed.attempt.saturating_sub(1) as usize).wrapping_mul(n) % m;
        chosen.extend((0..n).map(|i| ids[(start + i) % m]));
    }
    quiz.questions
        .iter()
        .filter(|q| chosen.contains(q.id.as_str()))
        .map(|q| q.id.clone())
        .collect()
}

/// The order an ordering question's items are shown in for an attempt: shuffled, and never
/// already right. Empty for other question types.
pub fn shown_order(question: &Question, seed: &Seed) -> Vec<String> {
    let QuestionKind::Ordering { items, .. } = &question.kind else {
        return Vec::new();
    };
    let right: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
    let mut order = right.clone();
    shuffle(
        &mut order,
        &mut rng(&[
            seed.registration.as_bytes(),
            &seed.attempt.to_le_bytes(),
            question.id.as_bytes(),
        ]),
    );
    if order == right {
        order.rotate_left(1);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;
    use crate::training::model::{OrderItem, OrderingFeedback, TrueFalseFeedback};
    use std::collections::BTreeMap;

    fn tf(id: &str, topic: &str) -> Question {
        Question {
            id: id.into(),
            topic: topic.into(),
            text: Text::new("x", "x"),
            kind: QuestionKind::TrueFalse {
                answer: true,
                feedback: TrueFalseFeedback {
                    if_true: Text::new("a", "a"),
                    if_false: Text::new("b", "b"),
                },
            },
        }
    }

    fn quiz(draw: &[(&str, u32)]) -> Quiz {
        let mut questions: Vec<Question> =
            (1..=6).map(|i| tf(&format!("p{i}"), "privacy")).collect();
        questions.extend((1..=2).map(|i| tf(&format!("s{i}"), "steps")));
        Quiz {
            pass_mark: 0.8,
            attempts: Default::default(),
            draw: draw
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect::<BTreeMap<_, _>>(),
            questions,
        }
    }

    #[test]
    fn a_full_attempt_asks_as_many_questions_as_every_draw_gives() {
        for id in ["enroll-android", "get-help"] {
            let module = crate::training::templates::builtin(id).unwrap();
            let quiz = module.quiz.as_ref().unwrap();
            for attempt in 1..4 {
                let drawn = draw(
                    quiz,
                    &Seed::new("f7815f2e-3656-4b5d-b5da-c0077d3e8849", attempt),
                );
                assert_eq!(full_attempt_size(quiz) as usize, drawn.len(), "{id}");
            }
        }
    }

    #[test]
    fn a_pool_draws_n_per_topic_and_a_retry_gets_other_questions() {
        let q = quiz(&[("privacy", 2)]);
        let reg = "6f1c2a9e-0b7d-4e39-9a51-3c2d8e4f7a10";
        let first = draw(&q, &Seed::new(reg, 1));
        let second = draw(&q, &Seed::new(reg, 2));
        let third = draw(&q, &Seed::new(reg, 3));
        for d in [&first, &second, &third] {
            assert_eq!(
                d.iter().filter(|id| id.starts_with('p')).count(),
                2,
                "{d:?}"
            );
            assert!(d.ends_with(&["s1".to_string(), "s2".to_string()]), "{d:?}");
        }
        // Three attempts of two from six: every privacy question exactly once.
        let mut asked: Vec<&String> = [&first, &second, &third]
            .into_iter()
            .flatten()
            .filter(|id| id.starts_with('p'))
            .collect();
        asked.sort();
        asked.dedup();
        assert_eq!(asked.len(), 6);
        // The same seed always gives the same draw; another registration another order.
        assert_eq!(draw(&q, &Seed::new(reg, 1)), first);
        let others: BTreeSet<Vec<String>> = (0..8)
            .map(|i| draw(&q, &Seed::new(&format!("reg-{i}"), 1)))
            .collect();
        assert!(others.len() > 1);
    }

    #[test]
    fn without_pools_every_question_is_asked_and_topics_can_be_narrowed() {
        let q = quiz(&[]);
        assert_eq!(draw(&q, &Seed::new("r", 1)).len(), 8);
        let steps: BTreeSet<String> = ["steps".to_string()].into();
        assert_eq!(draw_topics(&q, &Seed::new("r", 4), &steps), ["s1", "s2"]);
    }

    #[test]
    fn ordering_items_are_never_shown_in_the_right_order() {
        let items = |n: usize| -> Vec<OrderItem> {
            (0..n)
                .map(|i| OrderItem {
                    id: format!("i{i}"),
                    text: Text::new("x", "x"),
                })
                .collect()
        };
        for n in [2, 3, 5] {
            let q = Question {
                id: "order".into(),
                topic: "steps".into(),
                text: Text::new("x", "x"),
                kind: QuestionKind::Ordering {
                    items: items(n),
                    feedback: OrderingFeedback {
                        correct: Text::new("a", "a"),
                        incorrect: Text::new("b", "b"),
                    },
                },
            };
            let right: Vec<String> = (0..n).map(|i| format!("i{i}")).collect();
            for attempt in 1..20 {
                let shown = shown_order(&q, &Seed::new("r", attempt));
                assert_ne!(shown, right);
                let mut sorted = shown.clone();
                sorted.sort();
                assert_eq!(sorted, right);
            }
        }
    }

    /// The draws of the built-in Android module for one registration, which the trainee app's
    /// component tests (wasm32) assert too: the device and the server ask the same questions.
    const GOLDEN_REGISTRATION: &str = "f7815f2e-3656-4b5d-b5da-c0077d3e8849";

    #[test]
    fn the_draw_is_the_one_the_device_makes() {
        let module = crate::training::templates::builtin("enroll-android").unwrap();
        let quiz = module.quiz.as_ref().unwrap();
        let drawn: Vec<Vec<String>> = (1..=3)
            .map(|n| draw(quiz, &Seed::new(GOLDEN_REGISTRATION, n)))
            .collect();
        let common = [
            "why_account",
            "why_wifi",
            "steps_app",
            "steps_briefcase",
            "steps_profile",
        ];
        let expected: Vec<Vec<String>> = [
            ["trouble_unsupported", "trouble_space"],
            ["trouble_auth", "trouble_unsupported"],
            ["trouble_auth", "trouble_space"],
        ]
        .iter()
        .map(|trouble| {
            common
                .iter()
                .chain(trouble)
                .map(|s| s.to_string())
                .collect()
        })
        .collect();
        assert_eq!(drawn, expected);
    }
}
