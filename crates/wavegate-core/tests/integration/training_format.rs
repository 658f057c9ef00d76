//! The module format as authors meet it: the documented example is valid, every problem is
//! reported at its JSON path in both languages, and published versions never change.

use serde_json::{Value, json};
use wavegate_core::i18n::Lang;
use wavegate_core::training::{
    Module, ModuleError, ModuleHistory, Published, VersionError, check_next_version, templates,
};

/// The first JSON example of `docs/module-format.md`.
fn example() -> Value {
    let doc = include_str!("../../../../docs/module-format.md");
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    serde_json::from_str(&doc[start..end]).unwrap()
}

fn problems(value: Value) -> Vec<(String, String)> {
    match Module::from_value(value) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e: &ModuleError| (e.path.clone(), e.code().to_string()))
            .collect(),
    }
}

fn has(problems: &[(String, String)], path: &str, code: &str) -> bool {
    problems.iter().any(|(p, c)| p == path && c == code)
}

#[test]
fn the_documented_example_is_valid() {
    let m = Module::from_value(example()).unwrap();
    assert_eq!((m.id.as_str(), m.version), ("enroll-iphone", 1));
    assert_eq!(m.lessons.len(), 2);
    assert_eq!(m.quiz.as_ref().unwrap().questions.len(), 4);
    // And it survives a round trip through its own JSON.
    assert_eq!(Module::from_json(&m.to_json_pretty()).unwrap(), m);
}

#[test]
fn unknown_missing_and_mistyped_keys_are_reported_at_their_paths() {
    let mut v = example();
    v["quiz"]["pass_mrak"] = json!(0.8);
    v["quiz"].as_object_mut().unwrap().remove("pass_mark");
    v["lessons"][0]["minutes"] = json!("four");
    v["lessons"][1].as_object_mut().unwrap().remove("body");
    v["quiz"]["questions"][0]["options"][0]["feedbak"] = json!({"nl": "x", "en": "x"});
    v["completion"] = json!("finished");
    v["quiz"]["questions"][2]["type"] = json!("yes_no");
    let errors = Module::from_value(v).unwrap_err();
    let p: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.path.clone(), e.code().to_string()))
        .collect();
    assert!(has(&p, "quiz.pass_mrak", "unknown_field"), "{p:?}");
    assert!(has(&p, "quiz", "missing_field"), "{p:?}");
    assert!(has(&p, "lessons[0].minutes", "invalid_value"), "{p:?}");
    assert!(has(&p, "lessons[1]", "missing_field"), "{p:?}");
    assert!(
        has(&p, "quiz.questions[0].options[0].feedbak", "unknown_field"),
        "{p:?}"
    );
    assert!(has(&p, "completion", "invalid_value"), "{p:?}");
    assert!(has(&p, "quiz.questions[2].type", "unknown_type"), "{p:?}");
    let typo = errors.iter().find(|e| e.path == "quiz.pass_mrak").unwrap();
    assert_eq!(
        typo.message(Lang::En),
        "unknown field `pass_mrak`; did you mean `pass_mark`?"
    );
    assert_eq!(
        typo.message(Lang::Nl),
        "onbekend veld `pass_mrak`; bedoelde je `pass_mark`?"
    );
    let completion = errors.iter().find(|e| e.path == "completion").unwrap();
    assert!(completion.message(Lang::En).contains("completed_or_passed"));
}

#[test]
fn a_lesson_without_its_body_is_refused_where_the_format_reference_says() {
    // As docs/module-format.md says: `body` is required in a module file (a trainee's download
    // leaves it out, and the format reads that as empty, but such a download is no module file).
    let mut v = example();
    v["lessons"][1].as_object_mut().unwrap().remove("body");
    let errors = Module::from_value(v).unwrap_err();
    let missing: Vec<(String, String, String)> = errors
        .iter()
        .map(|e| (e.path.clone(), e.code().to_string(), e.message(Lang::En)))
        .collect();
    assert_eq!(
        missing,
        [(
            "lessons[1]".to_string(),
            "missing_field".to_string(),
            "the required field `body` is missing".to_string()
        )]
    );

    let mut v = example();
    v["lessons"][1]["body"]["en"] = json!("");
    assert_eq!(
        problems(v),
        [(
            "lessons[1].body.en".to_string(),
            "missing_translation".to_string()
        )]
    );
}

#[test]
fn the_format_rules_are_reported_at_their_paths() {
    let mut v = example();
    v["quiz"]["questions"][0]["options"][0]["correct"] = json!(false);
    v["quiz"]["questions"][3]["options"][2]["id"] = json!("model");
    v["quiz"]["draw"] = json!({"privacy": 3, "nonsense": 1});
    v["quiz"]["pass_mark"] = json!(80);
    v["quiz"]["attempts"]["max"] = json!(0);
    v["topics"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "apps", "title": {"nl": "Apps", "en": "Apps"}}));
    v["lessons"][1]["id"] = json!("steps");
    v["lessons"][0]["topics"] = json!(["steps", "stpes"]);
    v["targets"] = json!({"platform": []});
    v["id"] = json!("Enroll iPhone");
    v["lessons"][0]["body"]["en"] = json!("");
    let p = problems(v);
    assert!(
        has(&p, "quiz.questions[0].options", "no_correct_option"),
        "{p:?}"
    );
    assert!(
        has(&p, "quiz.questions[3].options[2].id", "duplicate_id"),
        "{p:?}"
    );
    assert!(has(&p, "quiz.draw.privacy", "invalid_draw"), "{p:?}");
    assert!(has(&p, "quiz.draw.nonsense", "unknown_topic"), "{p:?}");
    assert!(has(&p, "quiz.pass_mark", "pass_mark_out_of_range"), "{p:?}");
    let mut zero = example();
    zero["quiz"]["pass_mark"] = json!(0);
    assert!(
        has(&problems(zero), "quiz.pass_mark", "pass_mark_out_of_range"),
        "a pass mark of 0 passes everyone"
    );
    assert!(has(&p, "quiz.attempts.max", "no_attempts"), "{p:?}");
    assert!(has(&p, "topics[2]", "topic_without_questions"), "{p:?}");
    assert!(has(&p, "lessons[1].id", "duplicate_id"), "{p:?}");
    assert!(has(&p, "lessons[0].topics[1]", "unknown_topic"), "{p:?}");
    assert!(has(&p, "targets.platform", "empty_target"), "{p:?}");
    assert!(has(&p, "id", "invalid_id"), "{p:?}");
    assert!(
        has(&p, "lessons[0].body.en", "missing_translation"),
        "{p:?}"
    );
}

#[test]
fn every_message_exists_in_dutch_and_english() {
    let mut v = example();
    v["quiz"]["questions"][0]["options"][1]["correct"] = json!(true);
    v["quiz"]["draw"] = json!({"privacy": 5});
    v["lessons"][0]["body"]["nl"] =
        json!("Zie <script>alert(1)</script> en [dit](javascript:alert(1))");
    let errors = Module::from_value(v).unwrap_err();
    let codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(
        codes,
        [
            "unsafe_content",
            "unsafe_content",
            "several_correct_options",
            "invalid_draw"
        ],
        "{errors}"
    );
    for e in errors.iter() {
        let (nl, en) = (e.message(Lang::Nl), e.message(Lang::En));
        assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{nl} / {en}");
    }
    let draw = errors.iter().find(|e| e.code() == "invalid_draw").unwrap();
    assert_eq!(
        draw.message(Lang::En),
        "draws 5 questions about `privacy`, which has 2; choose 1 to 2"
    );
}

#[test]
fn a_text_that_reads_other_than_it_shows_is_refused_at_its_path() {
    let mut v = example();
    // "Safe\u{202E}gnp.exe" shows as "Safeexe.png"; an escape can colour a terminal.
    v["title"]["en"] = json!("Safe\u{202E}gnp.exe");
    v["lessons"][0]["body"]["nl"] = json!("Tik op \u{1b}[31mInstellingen");
    v["topics"][0]["title"]["nl"] = json!("Pri\u{200B}vacy");
    let errors = Module::from_value(v).unwrap_err();
    let found: Vec<(&str, &str)> = (errors.iter())
        .map(|e| (e.path.as_str(), e.code()))
        .collect();
    for path in ["title.en", "lessons[0].body.nl", "topics[0].title.nl"] {
        assert!(found.contains(&(path, "invisible_character")), "{found:?}");
    }
    let title = errors.iter().find(|e| e.path == "title.en").unwrap();
    assert!(title.message(Lang::Nl).contains("U+202E"));
    assert!(title.message(Lang::En).contains("U+202E"));
    // Line breaks and tabs are what Markdown is made of.
    let mut v = example();
    v["lessons"][0]["body"]["en"] = json!("First\n\n\tthen\r\nlast");
    assert!(problems(v).is_empty());
}

#[test]
fn topics_must_be_taught_and_a_pass_needs_a_quiz() {
    let mut v = example();
    v["lessons"][1]["topics"] = json!([]);
    let p = problems(v);
    assert!(has(&p, "topics[1]", "untaught_topic"), "{p:?}");

    let mut v = example();
    v.as_object_mut().unwrap().remove("quiz");
    v["topics"] = json!([]);
    v["lessons"][0]["topics"] = json!([]);
    v["lessons"][1]["topics"] = json!([]);
    let p = problems(v.clone());
    assert_eq!(
        p,
        [("completion".to_string(), "no_quiz_to_pass".to_string())]
    );
    v["completion"] = json!("completed");
    assert!(problems(v).is_empty());
}

#[test]
fn a_module_in_one_language_is_valid() {
    let mut v = example();
    v["languages"] = json!(["en"]);
    fn drop_dutch(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if map.contains_key("en") && map.contains_key("nl") {
                    map.remove("nl");
                }
                map.values_mut().for_each(drop_dutch);
            }
            Value::Array(items) => items.iter_mut().for_each(drop_dutch),
            _ => {}
        }
    }
    drop_dutch(&mut v);
    let m = Module::from_value(v.clone()).unwrap();
    assert_eq!(m.title.get(Lang::Nl), "Enroll your iPhone");
    // Without the declaration, Dutch is expected everywhere.
    v.as_object_mut().unwrap().remove("languages");
    let p = problems(v);
    assert!(has(&p, "title.nl", "missing_translation"), "{p:?}");
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let errors =
        Module::from_json("{\n  \"format\": \"wavegate.module/1\",\n  \"id\": }").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code(), "syntax");
    assert!(
        errors[0]
            .message(Lang::En)
            .starts_with("not valid JSON at line 3")
    );
    // In Dutch the parser's own words are Dutch too.
    let cut = Module::from_json("{\"format\": \"wavegate.module/1\"").unwrap_err();
    assert_eq!(
        cut[0].message(Lang::Nl),
        "geen geldige JSON op regel 1, kolom 30: het einde kwam midden in een object"
    );
}

#[test]
fn a_file_saved_with_a_byte_order_mark_reads_as_without_one() {
    // Notepad saves UTF-8 with a mark; it used to be "not valid JSON at line 1, column 1".
    let json = serde_json::to_string(&templates::builtin("get-help").unwrap()).unwrap();
    let module = Module::from_json(&format!("\u{FEFF}{json}")).unwrap();
    assert_eq!(module.id, "get-help");
}

fn next_version(m: &Module) -> Module {
    let mut n = m.clone();
    n.version += 1;
    n.changes.clear();
    n
}

#[test]
fn published_versions_never_change_and_changes_are_noted_per_lesson() {
    let v1 = Module::from_value(example()).unwrap();
    let mut history = ModuleHistory::new();
    assert_eq!(history.publish(v1.clone()), Ok(Published::New));
    // A retried publish of the same content changes nothing; other content is refused.
    assert_eq!(history.publish(v1.clone()), Ok(Published::Unchanged));
    let mut edited = v1.clone();
    edited.title.en = "Enrol your iPhone".into();
    assert_eq!(
        history.publish(edited),
        Err(vec![VersionError::AlreadyPublished { version: 1 }])
    );

    // Version 2 rewords one lesson and adds a topic to the other without saying so.
    let mut v2 = next_version(&v1);
    v2.lessons[0].body.en.push_str("\n\nThat's all.");
    v2.lessons[1].title.nl = "Wat je organisatie ziet".into();
    let errors = check_next_version(Some(&v1), &v2).unwrap_err();
    assert_eq!(
        errors,
        [
            VersionError::MissingChange {
                lesson: "steps".into()
            },
            VersionError::MissingChange {
                lesson: "privacy".into()
            },
        ]
    );
    assert!(errors[0].message(Lang::Nl).contains("wijzigingsnotitie"));

    let note = |lesson: &str, kind: &str| -> wavegate_core::training::Change {
        serde_json::from_value(json!({"lesson": lesson, "kind": kind,
            "note": {"nl": "Herschreven.", "en": "Reworded."}}))
        .unwrap()
    };
    v2.changes = vec![note("steps", "editorial"), note("privacy", "editorial")];
    assert_eq!(history.publish(v2.clone()), Ok(Published::New));

    // A change note on a lesson that did not change, and a new lesson classed editorial.
    let mut v3 = next_version(&v2);
    v3.lessons.push(v3.lessons[1].clone());
    v3.lessons[2].id = "extra".into();
    v3.changes = vec![note("steps", "editorial"), note("extra", "editorial")];
    let errors = history.publish(v3).unwrap_err();
    assert_eq!(
        errors,
        [
            VersionError::NothingChanged {
                lesson: "steps".into()
            },
            VersionError::MustBeSubstantive {
                lesson: "extra".into()
            },
        ]
    );
    // Numbers follow on; a gap is refused.
    let mut v4 = next_version(&v2);
    v4.version = 4;
    assert_eq!(
        history.publish(v4),
        Err(vec![VersionError::NotNextVersion {
            expected: 3,
            found: 4
        }])
    );
    // A history restored from storage in any order is the same history.
    let restored = ModuleHistory::from_published(vec![v2, v1]).unwrap();
    assert_eq!(restored, history);
}

#[test]
fn a_quiz_change_is_classed_on_a_lesson_that_teaches_its_topic() {
    let v1 = Module::from_value(example()).unwrap();
    let note = |lesson: &str, kind: &str| -> wavegate_core::training::Change {
        serde_json::from_value(json!({"lesson": lesson, "kind": kind,
            "note": {"nl": "Quiz bijgewerkt.", "en": "Quiz updated."}}))
        .unwrap()
    };
    let flipped = |m: &Module| {
        let mut v = serde_json::to_value(m).unwrap();
        let answer = v["quiz"]["questions"][2]["answer"].as_bool().unwrap();
        v["quiz"]["questions"][2]["answer"] = json!(!answer);
        Module::from_value(v).unwrap()
    };
    // The right answer on "photos" (topic privacy) flips, with no note: refused, because those
    // who passed on the old answer would keep their pass and certificate.
    let mut v2 = flipped(&next_version(&v1));
    let errors = check_next_version(Some(&v1), &v2).unwrap_err();
    assert_eq!(
        errors,
        [VersionError::QuizChangeWithoutNote {
            topic: "privacy".into()
        }]
    );
    assert!(errors[0].message(Lang::Nl).contains("wijzigingsnotitie"));
    // An editorial note on the lesson that teaches it is not enough for other answers…
    v2.changes = vec![note("privacy", "editorial")];
    assert_eq!(
        check_next_version(Some(&v1), &v2).unwrap_err(),
        [VersionError::QuizChangeMustBeSubstantive {
            topic: "privacy".into()
        }]
    );
    // …a substantive one is, though the lesson itself is unchanged, and the topic is asked again.
    v2.changes = vec![note("privacy", "substantive")];
    assert_eq!(check_next_version(Some(&v1), &v2), Ok(()));
    let lineage = wavegate_core::training::versions::Lineage::first(&v1).next(&v2);
    assert_eq!(lineage.topics["privacy"], 2);
    assert_eq!(lineage.topics["steps"], 1, "the other topic still counts");

    // Rewording a question's feedback is editorial.
    let mut v3 = next_version(&v1);
    let mut v = serde_json::to_value(&v3).unwrap();
    v["quiz"]["questions"][0]["options"][0]["feedback"]["en"] = json!("Right: reworded.");
    v3 = Module::from_value(v).unwrap();
    v3.changes = vec![note("steps", "editorial")];
    assert_eq!(check_next_version(Some(&v1), &v3), Ok(()));
}

#[test]
fn a_printed_builtin_reads_back_and_follows_its_earlier_versions() {
    for m in templates::all() {
        let again = Module::from_json(&m.to_json_pretty()).unwrap();
        assert_eq!(again, m);
        let versions = templates::versions(&m.id).unwrap();
        assert!(check_next_version(None, &versions[0]).is_ok(), "{}", m.id);
        for pair in versions.windows(2) {
            assert!(
                check_next_version(Some(&pair[0]), &pair[1]).is_ok(),
                "{}",
                m.id
            );
        }
        assert_eq!(versions.last(), Some(&m));
    }
}

#[test]
fn a_huge_value_in_a_module_is_repeated_only_by_its_start() {
    let huge = "t".repeat(200_000);
    let mut v = example();
    v["lessons"][0]["topics"] = json!([huge]);
    v["quiz"]["draw"] = json!({ huge.as_str(): 1 });
    v["targets"] = json!({ huge.as_str(): [] });
    v["lessons"][0]["body"]["en"] = json!(format!("<b>{huge}</b> [x](javascript:{huge})"));
    let errors = Module::from_value(v).unwrap_err();
    assert!(errors.len() >= 3, "{errors:?}");
    for e in errors.iter() {
        for lang in [Lang::Nl, Lang::En] {
            let message = e.message(lang);
            assert!(message.len() < 600, "{}: {} bytes", e.code(), message.len());
        }
    }
}

#[test]
fn an_attempt_policy_is_bounded_by_what_the_server_keeps_and_a_year() {
    use wavegate_core::training::{MAX_ATTEMPTS, MAX_WAIT_MINUTES};
    let mut v = example();
    v["quiz"]["attempts"] = json!({ "max": 100_000, "wait_minutes": 1_000_000_000u32 });
    let errors = Module::from_value(v).unwrap_err();
    let p: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.path.clone(), e.code().to_string()))
        .collect();
    assert!(has(&p, "quiz.attempts.max", "too_many_attempts"), "{p:?}");
    assert!(
        has(&p, "quiz.attempts.wait_minutes", "wait_too_long"),
        "{p:?}"
    );
    let message = |path: &str, lang: Lang| {
        errors
            .iter()
            .find(|e| e.path == path)
            .unwrap()
            .message(lang)
    };
    assert_eq!(
        message("quiz.attempts.max", Lang::En),
        "`max` 100,000: at most 1000 attempts are kept per trainee; choose 1 to 1000"
    );
    assert_eq!(
        message("quiz.attempts.max", Lang::Nl),
        "`max` 100.000: per cursist worden hooguit 1000 pogingen bewaard; kies 1 tot 1000"
    );
    assert_eq!(
        message("quiz.attempts.wait_minutes", Lang::En),
        "a wait of 1,000,000,000 minutes is longer than a year; choose 0 to 525,600"
    );
    assert_eq!(
        message("quiz.attempts.wait_minutes", Lang::Nl),
        "een wachttijd van 1.000.000.000 minuten is langer dan een jaar; kies 0 tot 525.600"
    );
    // The bounds themselves are allowed.
    let mut v = example();
    v["quiz"]["attempts"] = json!({ "max": MAX_ATTEMPTS, "wait_minutes": MAX_WAIT_MINUTES });
    assert!(problems(v).is_empty());
}

#[test]
fn a_draw_from_a_topic_without_questions_says_so_and_counts_read_right() {
    let mut v = example();
    v["quiz"]["draw"] = json!({ "privacy": 1 });
    let questions: Vec<Value> = v["quiz"]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["topic"] != "privacy")
        .cloned()
        .collect();
    v["quiz"]["questions"] = json!(questions);
    let errors = Module::from_value(v).unwrap_err();
    let draw = errors
        .iter()
        .find(|e| e.path == "quiz.draw.privacy")
        .unwrap();
    assert_eq!(draw.code(), "invalid_draw");
    assert_eq!(
        draw.message(Lang::En),
        "topic `privacy` has no questions to draw from"
    );
    assert_eq!(
        draw.message(Lang::Nl),
        "onderwerp `privacy` heeft geen vragen om uit te trekken"
    );
    // One question: singular, and the only choice is 1.
    let mut v = example();
    let mut one = 0;
    let questions: Vec<Value> = v["quiz"]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| {
            q["topic"] != "privacy" || {
                one += 1;
                one == 1
            }
        })
        .cloned()
        .collect();
    v["quiz"]["questions"] = json!(questions);
    v["quiz"]["draw"] = json!({ "privacy": 2 });
    let errors = Module::from_value(v).unwrap_err();
    let draw = errors
        .iter()
        .find(|e| e.path == "quiz.draw.privacy")
        .unwrap();
    assert_eq!(
        draw.message(Lang::En),
        "draws 2 questions about `privacy`, which has 1; choose 1"
    );
    assert_eq!(
        draw.message(Lang::Nl),
        "trekt 2 vragen over `privacy`, dat er 1 heeft; kies 1"
    );
}

#[test]
fn a_module_larger_than_the_server_takes_is_refused_at_the_document() {
    use wavegate_core::training::MAX_MODULE_BYTES;
    // A lesson body that makes the module exactly the limit, then one byte more.
    let mut v = example();
    v["lessons"][0]["body"]["en"] = json!("");
    let rest = serde_json::to_string(&v).unwrap().len();
    v["lessons"][0]["body"]["en"] = json!("x".repeat(MAX_MODULE_BYTES - rest));
    assert!(problems(v.clone()).is_empty());
    v["lessons"][0]["body"]["en"] = json!("x".repeat(MAX_MODULE_BYTES + 1 - rest));
    let errors = Module::from_value(v.clone()).unwrap_err();
    assert_eq!(errors[0].path, "");
    assert_eq!(errors[0].code(), "too_large");
    assert_eq!(
        errors[0].message(Lang::En),
        "the module is 257 KiB as compact JSON; at most 256 KiB is published: shorten lessons or split them over more modules"
    );
    assert!(
        errors[0]
            .message(Lang::Nl)
            .starts_with("de module is 257 KiB als compacte JSON; hooguit 256 KiB")
    );
    // Indentation in a file does not count: the size is the compact one.
    let pretty = serde_json::to_string_pretty(&example()).unwrap();
    let indented = format!("{}{}", " ".repeat(MAX_MODULE_BYTES), pretty);
    assert!(Module::from_json(&indented).is_ok());
    // Reported first, beside the definition's other problems.
    v["id"] = json!("Enroll Your iPhone!");
    let errors = Module::from_value(v).unwrap_err();
    let codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["too_large", "invalid_id"], "{errors}");
}

#[test]
fn an_estimate_far_below_the_lessons_minutes_is_refused() {
    let mut v = example();
    let lessons = v["lessons"].as_array().unwrap().clone();
    let mut many = Vec::new();
    for i in 0..40 {
        let mut l = lessons[i % lessons.len()].clone();
        l["id"] = json!(format!("lesson-{i}"));
        l["minutes"] = json!(5);
        many.push(l);
    }
    v["lessons"] = json!(many);
    v["estimate_minutes"] = json!(10);
    let errors = Module::from_value(v.clone()).unwrap_err();
    let estimate = errors
        .iter()
        .find(|e| e.path == "estimate_minutes")
        .unwrap();
    assert_eq!(estimate.code(), "estimate_too_low");
    assert_eq!(
        estimate.message(Lang::En),
        "10 minutes, while the lessons alone take 200 minutes; give at least 200 (lessons and quiz together)"
    );
    assert_eq!(
        estimate.message(Lang::Nl),
        "10 minuten, terwijl de lessen alleen al 200 minuten duren; geef minstens 200 (lessen en quiz samen)"
    );
    // Half the lessons' minutes is still a plausible round estimate.
    v["estimate_minutes"] = json!(100);
    assert!(problems(v).is_empty());
}

#[test]
fn version_problems_point_at_the_note_lesson_or_question_at_fault() {
    let v1 = Module::from_value(example()).unwrap();
    let note = |lesson: &str, kind: &str| -> wavegate_core::training::Change {
        serde_json::from_value(json!({"lesson": lesson, "kind": kind,
            "note": {"nl": "Bijgewerkt.", "en": "Updated."}}))
        .unwrap()
    };
    let paths = |next: &Module| -> Vec<(String, &'static str)> {
        check_next_version(Some(&v1), next)
            .unwrap_err()
            .iter()
            .map(|e| (e.path(Some(&v1), next), e.code()))
            .collect()
    };
    let path = |p: &str, code: &'static str| (p.to_string(), code);

    // A changed lesson without a note; a note on an unchanged one.
    let mut v2 = next_version(&v1);
    v2.lessons[1].body.en.push_str("\n\nUpdated.");
    v2.changes = vec![note("steps", "editorial")];
    assert_eq!(
        paths(&v2),
        [
            path("changes[0]", "nothing_changed"),
            path("lessons[1]", "missing_change")
        ]
    );
    // A lesson teaching other topics, classed editorial.
    let mut v2 = next_version(&v1);
    v2.lessons[0].topics.push("privacy".into());
    v2.changes = vec![note("privacy", "substantive"), note("steps", "editorial")];
    v2.lessons[1].body.en.push_str("\n\nUpdated.");
    assert_eq!(paths(&v2), [path("changes[1].kind", "must_be_substantive")]);
    // A flipped answer without a note, then with an editorial one.
    let mut v = serde_json::to_value(next_version(&v1)).unwrap();
    let answer = v["quiz"]["questions"][2]["answer"].as_bool().unwrap();
    v["quiz"]["questions"][2]["answer"] = json!(!answer);
    let mut v2 = Module::from_value(v).unwrap();
    assert_eq!(
        paths(&v2),
        [path("quiz.questions[2]", "quiz_change_without_note")]
    );
    v2.changes = vec![note("privacy", "editorial")];
    assert_eq!(
        paths(&v2),
        [path("changes[0].kind", "quiz_change_must_be_substantive")]
    );
    // A removed question leaves no element to name: the list it left.
    let mut v2 = next_version(&v1);
    let quiz = v2.quiz.as_mut().unwrap();
    let gone = quiz
        .questions
        .iter()
        .rposition(|q| q.topic == "privacy")
        .unwrap();
    quiz.questions.remove(gone);
    quiz.draw.clear();
    assert_eq!(
        paths(&v2),
        [path("quiz.questions", "quiz_change_without_note")]
    );
}
