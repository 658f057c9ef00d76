//! Properties over generated surveys: a response generated from any valid definition validates;
//! a mutation that breaks one rule is rejected with that rule's error; exports read back equal.
//!
//! Definitions and responses are built from a proptest seed with a seeded generator, so every
//! failure is reproducible from the seed proptest prints.

#![allow(clippy::unwrap_used)]

use crate::survey_support::as_exported;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use wavegate_core::csv_safe::CsvOptions;
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::survey::*;

fn text(rng: &mut ChaCha8Rng, label: &str) -> Text {
    let n = rng.gen_range(0..1000);
    Text::new(format!("{label} {n} (nl)"), format!("{label} {n} (en)"))
}

fn choices(rng: &mut ChaCha8Rng, n: usize) -> Vec<Choice> {
    (0..n)
        .map(|i| Choice {
            id: format!("c{i}"),
            text: text(rng, "keuze"),
        })
        .collect()
}

fn kind(rng: &mut ChaCha8Rng, qid: &str) -> QuestionKind {
    match rng.gen_range(0..8) {
        0 => QuestionKind::Agreement {
            points: *[5, 7].choose(rng).unwrap(),
        },
        1 => {
            let min = rng.gen_range(0..=2);
            QuestionKind::Rating {
                min,
                max: rng.gen_range(min + 1..=10),
                min_label: None,
                max_label: None,
            }
        }
        2 => QuestionKind::SingleChoice {
            choices: {
                let n = rng.gen_range(1..5);
                choices(rng, n)
            },
            other: rng.gen_bool(0.5),
        },
        3 => {
            let n = rng.gen_range(1..5);
            let other = rng.gen_bool(0.5);
            let available = n as u32 + u32::from(other);
            let min = rng.gen_bool(0.5).then(|| rng.gen_range(1..=available));
            let max = rng
                .gen_bool(0.5)
                .then(|| rng.gen_range(min.unwrap_or(1)..=available));
            QuestionKind::MultipleChoice {
                choices: choices(rng, n),
                min,
                max,
                other,
            }
        }
        4 => QuestionKind::YesNo,
        5 => {
            let min_length = rng.gen_bool(0.3).then(|| rng.gen_range(1..5));
            QuestionKind::Text {
                multiline: rng.gen_bool(0.5),
                min_length,
                max_length: rng.gen_bool(0.6).then(|| rng.gen_range(5..40)),
            }
        }
        6 => QuestionKind::Matrix {
            points: *[5, 7].choose(rng).unwrap(),
            items: (0..rng.gen_range(1..4))
                .map(|j| MatrixItem {
                    id: format!("{qid}_item{j}"),
                    text: text(rng, "item"),
                    measures: None,
                })
                .collect(),
        },
        _ => {
            let n = rng.gen_range(1..4);
            QuestionKind::Ranking {
                choices: choices(rng, n),
            }
        }
    }
}

/// A condition that the validator accepts, on an earlier question or an attribute.
fn condition(rng: &mut ChaCha8Rng, earlier: &[Question]) -> Condition {
    let on_attribute = earlier.is_empty() || rng.gen_bool(0.2);
    let base = if on_attribute {
        Condition::Attribute {
            attribute: "platform".into(),
            test: if rng.gen_bool(0.5) {
                Test::Equals(Scalar::Str("iOS".into()))
            } else {
                Test::Answered(rng.gen_bool(0.5))
            },
        }
    } else {
        let q = earlier.choose(rng).unwrap();
        let test = match &q.kind {
            QuestionKind::Agreement { .. } | QuestionKind::Rating { .. } => {
                let (min, max) = q.kind.scale().unwrap();
                let v = i64::from(rng.gen_range(min..=max));
                if rng.gen_bool(0.5) {
                    Test::AtLeast(v)
                } else {
                    Test::AtMost(v)
                }
            }
            QuestionKind::YesNo => Test::Equals(Scalar::Bool(rng.gen_bool(0.5))),
            QuestionKind::SingleChoice { choices, .. } => {
                Test::Equals(Scalar::Str(choices.choose(rng).unwrap().id.clone()))
            }
            QuestionKind::MultipleChoice { choices, .. } => {
                Test::Includes(choices.choose(rng).unwrap().id.clone())
            }
            _ => Test::Answered(rng.gen_bool(0.7)),
        };
        let question = match &q.kind {
            QuestionKind::Matrix { items, points } if rng.gen_bool(0.5) => {
                let v = rng.gen_range(1..=i64::from(*points));
                return Condition::Answer {
                    question: items.choose(rng).unwrap().id.clone(),
                    test: Test::AtLeast(v),
                };
            }
            _ => q.id.clone(),
        };
        Condition::Answer { question, test }
    };
    match rng.gen_range(0..6) {
        0 => Condition::Not(Box::new(base)),
        1 => Condition::Any(vec![
            base,
            Condition::attribute_equals("platform", "Windows"),
        ]),
        _ => base,
    }
}

fn definition(rng: &mut ChaCha8Rng) -> Survey {
    let n = rng.gen_range(1..12);
    let mut questions: Vec<Question> = Vec::new();
    for i in 0..n {
        let id = format!("q{i}");
        let mut q = Question::new(&id, text(rng, "vraag"), kind(rng, &id));
        q.required = rng.gen_bool(0.5);
        if rng.gen_bool(0.35) {
            q.show_if = Some(condition(rng, &questions));
        }
        questions.push(q);
    }
    let mut survey = Survey::new("generated", Text::new("Titel", "Title"));
    let mut rest = questions.as_slice();
    let mut p = 0;
    while !rest.is_empty() {
        let take = rng.gen_range(1..=rest.len().min(4));
        let mut page = Page::new(&format!("p{p}"), rest[..take].to_vec());
        if p > 0 && rng.gen_bool(0.15) {
            page.show_if = Some(Condition::attribute_equals("platform", "iOS"));
        }
        survey.pages.push(page);
        rest = &rest[take..];
        p += 1;
    }
    survey
}

const PALETTE: &[char] = &[
    'a', 'b', 'Z', 'é', 'ĳ', '€', '1', ' ', ',', ';', '|', '"', '\'', '=', '+', '-', '@', '\t',
    '\n', '\r', '.',
];

/// A text of `len` characters with formula triggers, quotes, delimiters and newlines inside,
/// but not at its ends (imports trim surrounding whitespace).
fn answer_text(rng: &mut ChaCha8Rng, len: usize) -> String {
    let mut chars: Vec<char> = (0..len).map(|_| *PALETTE.choose(rng).unwrap()).collect();
    let edge = ['x', '=', '-', '@', '\'', '+', '"'];
    if let Some(c) = chars.first_mut() {
        *c = *edge.choose(rng).unwrap();
    }
    if len > 1
        && let Some(c) = chars.last_mut()
    {
        *c = 'y';
    }
    chars.into_iter().collect()
}

fn answer(rng: &mut ChaCha8Rng, q: &Question) -> Answer {
    match &q.kind {
        QuestionKind::Agreement { .. } | QuestionKind::Rating { .. } => {
            let (min, max) = q.kind.scale().unwrap();
            Answer::Scale(rng.gen_range(min..=max))
        }
        QuestionKind::YesNo => Answer::YesNo(rng.gen_bool(0.5)),
        QuestionKind::SingleChoice { choices, other } => {
            if *other && rng.gen_bool(0.3) {
                let len = rng.gen_range(1..30);
                Answer::Other(answer_text(rng, len))
            } else {
                Answer::Choice(choices.choose(rng).unwrap().id.clone())
            }
        }
        QuestionKind::MultipleChoice {
            choices,
            min,
            max,
            other,
        } => {
            let mut options: Vec<Option<&str>> =
                choices.iter().map(|c| Some(c.id.as_str())).collect();
            if *other {
                options.push(None);
            }
            let lo = min.unwrap_or(1).max(1) as usize;
            let hi = max.map_or(options.len(), |m| m as usize).min(options.len());
            let count = rng.gen_range(lo..=hi);
            options.shuffle(rng);
            let picked: Vec<Option<&str>> = options[..count].to_vec();
            let len = rng.gen_range(1..20);
            Answer::Choices(ChoicesAnswer {
                selected: picked.iter().flatten().map(|s| s.to_string()).collect(),
                other: picked.contains(&None).then(|| answer_text(rng, len)),
            })
        }
        QuestionKind::Text {
            min_length,
            max_length,
            ..
        } => {
            let lo = min_length.unwrap_or(1).max(1) as usize;
            let hi = max_length.unwrap_or(40) as usize;
            let len = rng.gen_range(lo..=hi.max(lo));
            Answer::Text(answer_text(rng, len))
        }
        QuestionKind::Matrix { points, items } => {
            let mut values = std::collections::BTreeMap::new();
            for (i, item) in items.iter().enumerate() {
                if q.required || i == 0 || rng.gen_bool(0.6) {
                    values.insert(item.id.clone(), rng.gen_range(1..=i32::from(*points)));
                }
            }
            Answer::Matrix(values)
        }
        QuestionKind::Ranking { choices } => {
            let mut ids: Vec<String> = choices.iter().map(|c| c.id.clone()).collect();
            ids.shuffle(rng);
            Answer::Ranking(ids)
        }
    }
}

fn attributes(rng: &mut ChaCha8Rng) -> Attributes {
    let mut a = Attributes::new();
    if rng.gen_bool(0.6) {
        a.insert(
            "platform".into(),
            (*["iOS", "Windows", "Android"].choose(rng).unwrap()).into(),
        );
    }
    if rng.gen_bool(0.4) {
        a.insert(
            "department".into(),
            (*["Finance", "=cmd|calc", "R&D; lab", "Sales, Noord"]
                .choose(rng)
                .unwrap())
            .into(),
        );
    }
    a
}

/// A response answering every visible required question and some optional ones.
fn response(rng: &mut ChaCha8Rng, survey: &Survey, id: &str, attrs: &Attributes) -> Response {
    let mut r = Response::new(id, survey, *[Lang::Nl, Lang::En].choose(rng).unwrap());
    for q in survey.questions() {
        if visibility(survey, &r.answers, attrs).shows(&q.id) && (q.required || rng.gen_bool(0.6)) {
            let a = answer(rng, q);
            r.answers.insert(q.id.clone(), a);
        }
    }
    r
}

fn has(errors: &[ResponseError], question: &str, code: &str) -> bool {
    errors
        .iter()
        .any(|e| e.question.as_deref() == Some(question) && e.code() == code)
}

/// Breaks one rule; returns the question and code the validator must report.
fn mutate(
    rng: &mut ChaCha8Rng,
    survey: &Survey,
    r: &mut Response,
    attrs: &Attributes,
) -> (String, &'static str) {
    let shown = visibility(survey, &r.answers, attrs);
    let mut options: Vec<u8> = vec![0];
    let answered = |pred: &dyn Fn(&Question, &Answer) -> bool| -> Vec<String> {
        survey
            .questions()
            .filter(|q| r.answers.get(&q.id).is_some_and(|a| pred(q, a)))
            .map(|q| q.id.clone())
            .collect()
    };
    let required = answered(&|q, _| q.required);
    let scales = answered(&|_, a| matches!(a, Answer::Scale(_)));
    let singles = answered(&|_, a| matches!(a, Answer::Choice(_)));
    let all = answered(&|_, _| true);
    let hidden: Vec<&Question> = survey.questions().filter(|q| !shown.shows(&q.id)).collect();
    let capped_texts = answered(&|q, a| {
        matches!(a, Answer::Text(_))
            && matches!(
                q.kind,
                QuestionKind::Text {
                    max_length: Some(_),
                    ..
                }
            )
    });
    for (i, non_empty) in [
        !required.is_empty(),
        !scales.is_empty(),
        !singles.is_empty(),
        !all.is_empty(),
        !hidden.is_empty(),
        !capped_texts.is_empty(),
    ]
    .into_iter()
    .enumerate()
    {
        if non_empty {
            options.push(i as u8 + 1);
        }
    }
    match *options.choose(rng).unwrap() {
        0 => {
            r.answers.insert("zz_unknown".into(), Answer::YesNo(true));
            ("zz_unknown".into(), "unknown_question")
        }
        1 => {
            let id = required.choose(rng).unwrap().clone();
            r.answers.remove(&id);
            (id, "required")
        }
        2 => {
            let id = scales.choose(rng).unwrap().clone();
            let (_, max) = survey.question(&id).unwrap().kind.scale().unwrap();
            r.answers.insert(id.clone(), Answer::Scale(max + 1));
            (id, "out_of_range")
        }
        3 => {
            let id = singles.choose(rng).unwrap().clone();
            r.answers.insert(id.clone(), Answer::Choice("zz".into()));
            (id, "unknown_choice")
        }
        4 => {
            let id = all.choose(rng).unwrap().clone();
            let wrong = match survey.question(&id).unwrap().kind {
                QuestionKind::YesNo => Answer::Scale(1),
                _ => Answer::YesNo(true),
            };
            r.answers.insert(id.clone(), wrong);
            (id, "wrong_type")
        }
        5 => {
            let q = *hidden.choose(rng).unwrap();
            let a = answer(rng, q);
            r.answers.insert(q.id.clone(), a);
            (q.id.clone(), "hidden")
        }
        _ => {
            let id = capped_texts.choose(rng).unwrap().clone();
            let Some(QuestionKind::Text {
                max_length: Some(max),
                ..
            }) = survey.question(&id).map(|q| q.kind.clone())
            else {
                unreachable!()
            };
            r.answers
                .insert(id.clone(), Answer::Text("x".repeat(max as usize + 1)));
            (id, "too_long")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_definitions_are_valid_and_survive_json(seed in any::<u64>()) {
        let survey = definition(&mut ChaCha8Rng::seed_from_u64(seed));
        prop_assert_eq!(validate_definition(&survey), Ok(()));
        prop_assert_eq!(Survey::from_json(&survey.to_json_pretty()), Ok(survey));
    }

    #[test]
    fn a_generated_response_validates(seed in any::<u64>()) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let survey = definition(&mut rng);
        let attrs = attributes(&mut rng);
        let r = response(&mut rng, &survey, "r", &attrs);
        prop_assert_eq!(validate_response(&survey, &r, &attrs), Ok(()));
    }

    #[test]
    fn a_mutated_response_is_rejected_with_the_right_error(seed in any::<u64>()) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let survey = definition(&mut rng);
        let attrs = attributes(&mut rng);
        let mut r = response(&mut rng, &survey, "r", &attrs);
        let (question, code) = mutate(&mut rng, &survey, &mut r, &attrs);
        let errors = validate_response(&survey, &r, &attrs).unwrap_err();
        prop_assert!(has(&errors, &question, code), "expected {} on {}, got {:?}", code, question, errors);
    }

    #[test]
    fn exported_responses_import_unchanged(seed in any::<u64>()) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let survey = definition(&mut rng);
        let stored: Vec<StoredResponse> = (0..rng.gen_range(1..5))
            .map(|i| {
                let attrs = attributes(&mut rng);
                let mut r = response(&mut rng, &survey, &format!("resp-{i}"), &attrs);
                if r.answers.is_empty() {
                    // A response without answers has no rows in the long format.
                    let q = survey.pages[0].questions[0].clone();
                    r.answers.insert(q.id.clone(), answer(&mut rng, &q));
                }
                let millis = rng.gen_range(0..1000);
                StoredResponse {
                    response: r,
                    person_id: rng.gen_bool(0.5).then(|| format!("p-{i}")),
                    submitted_at: Utc.timestamp_opt(1_800_000_000 + rng.gen_range(0..1_000_000), 0).unwrap()
                        + chrono::Duration::milliseconds(millis),
                    attributes: attrs,
                }
            })
            .collect();
        let options = CsvOptions { delimiter: *[b',', b';'].choose(&mut rng).unwrap(), bom: rng.gen_bool(0.5) };
        let long = export_long(&survey, &stored, Vec::new(), options).unwrap();
        let expected = as_exported(stored.clone());
        prop_assert_eq!(import_long(&survey, "long.csv", long.as_slice()).unwrap(), expected.clone());
        let wide = export_wide(&survey, &stored, Vec::new(), options).unwrap();
        prop_assert_eq!(import_wide(&survey, "wide.csv", wide.as_slice()).unwrap(), expected);
    }
}
