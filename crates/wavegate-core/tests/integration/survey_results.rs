//! Built-in templates, scoring (golden SUS and NPS figures), summaries with small-group
//! suppression, CSV exports and imports, and the SurveyJS import.

#![allow(clippy::unwrap_used)]

use crate::survey_support::as_exported;
use chrono::{TimeZone, Utc};
use wavegate_core::api::ExportLayout;
use wavegate_core::csv_safe::CsvOptions;
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::survey::scoring::{
    GroupSummary, QuestionStats, QuestionSummary, SegmentSummary, Suppression,
};
use wavegate_core::survey::surveyjs::{ImportWarningKind, import_surveyjs};
use wavegate_core::survey::*;

fn pilot() -> Survey {
    templates::builtin("pilot-feedback").unwrap()
}

/// A question's results in a group of a summary.
fn question<'a>(group: &'a GroupSummary, id: &str) -> &'a QuestionSummary {
    group.questions.iter().find(|q| q.id == id).unwrap()
}

/// The segment of a summary for one attribute value.
fn segment<'a>(summary: &'a Summary, value: &str) -> &'a SegmentSummary {
    summary.segments.iter().find(|g| g.value == value).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.01
}

// ---------------------------------------------------------------------------------------------
// Templates.

#[test]
fn every_builtin_template_is_a_valid_definition_and_round_trips_as_json() {
    let all = templates::all();
    assert_eq!(all.len(), templates::IDS.len());
    for survey in all {
        assert_eq!(validate_definition(&survey), Ok(()), "{}", survey.id);
        assert_eq!(
            Survey::from_json(&survey.to_json_pretty()),
            Ok(survey.clone())
        );
        for page in &survey.pages {
            assert!(
                page.questions.len() <= 5,
                "{}: page {} is long for a phone",
                survey.id,
                page.id
            );
        }
    }
    assert!(templates::builtin("nope").is_none());
}

#[test]
fn pilot_feedback_has_the_stable_ids_of_data_md() {
    let survey = pilot();
    let mut ids = vec![
        "adkar_awareness",
        "adkar_desire",
        "adkar_knowledge",
        "adkar_ability",
        "adkar_reinforcement",
        "enroll_experience",
    ];
    for id in &ids {
        assert_eq!(
            survey.question(id).unwrap().kind,
            QuestionKind::Agreement { points: 5 },
            "{id}"
        );
    }
    assert!(matches!(
        survey.question("nps").unwrap().kind,
        QuestionKind::Rating {
            min: 0,
            max: 10,
            ..
        }
    ));
    let sus: Vec<String> = (1..=10).map(|i| format!("sus_{i}")).collect();
    for id in &sus {
        assert!(survey.matrix_item(id).is_some(), "{id}");
    }
    ids.push("nps");
    for id in ["comm_clarity", "training_useful", "helpdesk_resolved"] {
        assert!(survey.question(id).is_some(), "{id}");
    }
}

// ---------------------------------------------------------------------------------------------
// Golden scoring figures, computed by hand.

// ---------------------------------------------------------------------------------------------
// Summaries.

/// A pilot response with the given SUS items, NPS and ADKAR scores.
fn scored(
    id: &str,
    sus: [i32; 10],
    nps: i32,
    adkar: [i32; 5],
    platform: &str,
) -> (Response, Attributes) {
    let ids = [
        "adkar_awareness",
        "adkar_desire",
        "adkar_knowledge",
        "adkar_ability",
        "adkar_reinforcement",
    ];
    let mut r = Response::new(id, &pilot(), Lang::Nl)
        .with("enroll_experience", Answer::Scale(adkar[0]))
        .with("nps", Answer::Scale(nps))
        .with(
            "sus",
            Answer::Matrix(
                sus.iter()
                    .enumerate()
                    .map(|(i, v)| (format!("sus_{}", i + 1), *v))
                    .collect(),
            ),
        )
        .with("improve", Answer::Text(format!("tekst van {id}")));
    for (q, v) in ids.iter().zip(adkar) {
        r = r.with(q, Answer::Scale(v));
    }
    (r, [("platform".to_string(), platform.to_string())].into())
}

fn sample() -> Vec<(Response, Attributes)> {
    let best = [5, 1, 5, 1, 5, 1, 5, 1, 5, 1];
    let mixed = [4, 2, 4, 1, 4, 2, 5, 2, 4, 2];
    vec![
        scored("a", best, 10, [5, 5, 5, 5, 5], "Windows"),
        scored("b", [3; 10], 9, [5, 2, 5, 5, 5], "Windows"),
        scored("c", mixed, 9, [4, 4, 3, 4, 4], "Windows"),
        scored("d", best, 9, [5, 5, 5, 5, 5], "Windows"),
        scored("e", [3; 10], 9, [5, 5, 5, 5, 5], "Windows"),
        scored("f", mixed, 8, [5, 5, 5, 5, 5], "Windows"),
        scored("g", best, 7, [5, 5, 5, 5, 5], "Windows"),
        scored("h", [3; 10], 6, [3, 5, 5, 5, 5], "iOS"),
        scored("i", mixed, 3, [5, 5, 5, 2, 5], "iOS"),
        scored("j", best, 0, [5, 5, 5, 5, 5], "iOS"),
    ]
}

#[test]
fn a_summary_scores_sus_nps_and_adkar_barriers() {
    let s = summarize(&pilot(), &sample());
    assert_eq!(s.overall.n, 10);
    assert_eq!(s.versions, vec![1]);
    // SUS: four 100s, three 50s, three 80s → mean (400 + 150 + 240) / 10 = 79, median 80.
    let sus = s.overall.sus.as_ref().unwrap();
    assert_eq!((sus.n, sus.incomplete), (10, 0));
    assert!(close(sus.mean.unwrap(), 79.0));
    assert_eq!(sus.median, Some(80.0));
    // NPS: 10,9,9,9,9 promoters; 8,7 passives; 6,3,0 detractors → (5 − 3) / 10 = +20.
    let nps = &s.overall.nps[0];
    assert_eq!((nps.promoters, nps.passives, nps.detractors), (5, 2, 3));
    assert_eq!(nps.score, Some(20.0));
    // Barriers: b desire, c knowledge, h awareness, i ability, six none.
    let adkar = s.overall.adkar.as_ref().unwrap();
    let count = |k: &str| adkar.barriers.iter().find(|c| c.value == k).unwrap().count;
    assert_eq!(
        [
            count("awareness"),
            count("desire"),
            count("knowledge"),
            count("ability"),
            count("none")
        ],
        [1, 1, 1, 1, 6]
    );
}

#[test]
fn scale_questions_get_distribution_median_and_boxes() {
    let s = summarize(&pilot(), &sample());
    let q = question(&s.overall, "adkar_desire");
    let QuestionStats::Scale(stats) = &q.stats else {
        panic!("{:?}", q.stats)
    };
    let counts: Vec<usize> = stats.distribution.iter().map(|c| c.count).collect();
    assert_eq!(counts, vec![0, 1, 0, 1, 8]);
    assert_eq!(stats.median, Some(5.0));
    assert!(close(stats.top2.unwrap(), 0.9) && close(stats.bottom2.unwrap(), 0.1));
}

#[test]
fn the_recommendation_question_has_promoters_and_detractors_not_agreement_boxes() {
    let s = summarize(&pilot(), &sample());
    let q = question(&s.overall, "nps");
    let QuestionStats::Scale(stats) = &q.stats else {
        panic!("{:?}", q.stats)
    };
    assert_eq!(stats.distribution.len(), 11, "every point 0–10 is a bar");
    assert_eq!((stats.top2, stats.bottom2), (None, None));
    let nps = s.overall.nps.iter().find(|n| n.question == "nps").unwrap();
    assert_eq!(nps.promoters + nps.passives + nps.detractors, q.answered);
}

#[test]
fn a_question_the_invitation_answers_shows_the_invitations_values() {
    let survey = pilot();
    // Ten responses through links carrying the platform: the device question stays hidden.
    let s = summarize(&survey, &sample());
    let q = question(&s.overall, "platform");
    assert_eq!(q.answered, 0);
    let from = q.from_invitation.as_ref().unwrap();
    assert_eq!((from.attribute.as_str(), from.n), ("platform", 10));
    // Windows (7) is shown; iOS (3) only counted with the other small groups.
    assert_eq!(from.counts.len(), 1);
    assert_eq!(
        (from.counts[0].value.as_str(), from.counts[0].count),
        ("Windows", 7)
    );
    assert_eq!(from.small_groups, 3);
    // A question no attribute answers has none.
    let other = question(&s.overall, "adkar_desire");
    assert!(other.from_invitation.is_none());
    // Without the attribute on the link, people answer it themselves and nothing is attributed.
    let asked: Vec<(Response, Attributes)> = sample()
        .into_iter()
        .map(|(r, _)| {
            (
                r.with("platform", Answer::Choice("ios".into())),
                Attributes::new(),
            )
        })
        .collect();
    let s = summarize(&survey, &asked);
    let q = question(&s.overall, "platform");
    assert_eq!(q.answered, 10);
    assert!(q.from_invitation.is_none());
}

#[test]
fn a_piped_title_reads_generically_in_results() {
    let survey = templates::builtin("nps").unwrap();
    let reason = survey
        .questions()
        .find(|q| piped_ids(q.text.get(Lang::Nl)).contains(&"nps"))
        .unwrap();
    assert_eq!(
        generic_text(&reason.text, Lang::Nl),
        "Je gaf een … Wat is de belangrijkste reden voor dit cijfer?"
    );
    assert_eq!(
        generic_text(&reason.text, Lang::En),
        "You gave a … What is the main reason for this score?"
    );
    // Mid-sentence the rest stays; braces that are no placeholder stay as written.
    let t = Text::new(
        "Over {enroll_experience} en {niet geldig}",
        "About {enroll_experience}, ok",
    );
    assert_eq!(generic_text(&t, Lang::Nl), "Over … en {niet geldig}");
    assert_eq!(generic_text(&t, Lang::En), "About …, ok");
}

#[test]
fn small_segments_are_suppressed_and_free_text_never_shown_per_segment() {
    let s = summarize(&pilot(), &sample());
    let windows = segment(&s, "Windows");
    let ios = segment(&s, "iOS");
    // Not even the size of a hidden group is given (3 iOS, 7 Windows).
    assert_eq!((windows.n, ios.n, ios.results.n), (0, 0, 0));
    assert!(ios.suppressed && ios.results.questions.is_empty() && ios.results.sus.is_none());
    // With iOS hidden, showing Windows would reveal iOS as overall minus Windows.
    assert!(windows.suppressed);
    // Overall (10 ≥ 5) shows free text.
    let improve = question(&s.overall, "improve");
    assert!(matches!(&improve.stats, QuestionStats::Text { answers } if answers.len() == 10));

    let mut more = sample();
    more.extend((0..5).map(|i| scored(&format!("x{i}"), [3; 10], 9, [5; 5], "Android")));
    let s = summarize(&pilot(), &more);
    let windows = segment(&s, "Windows");
    assert!(!windows.suppressed);
    assert!(windows.results.free_text_withheld);
    let improve = question(&windows.results, "improve");
    assert!(matches!(&improve.stats, QuestionStats::Text { answers } if answers.is_empty()));
    assert!(segment(&s, "iOS").suppressed);
}

#[test]
fn the_split_by_wave_follows_the_programs_waves_not_the_alphabet() {
    // Five responses in each of four waves; `gone` is no longer one of the program's.
    let mut responses = Vec::new();
    for wave in ["wave-10", "gone", "pilot", "wave-2"] {
        for i in 0..5 {
            let (r, mut attributes) = scored(&format!("{wave}-{i}"), [3; 10], 9, [5; 5], "iOS");
            attributes.insert("wave".into(), wave.into());
            responses.push((r, attributes));
        }
    }
    let options = SummaryOptions {
        waves: vec!["pilot".into(), "wave-2".into(), "wave-10".into()],
        ..SummaryOptions::default()
    };
    let s = summarize_with(&pilot(), &responses, &options);
    let listed: Vec<(&str, &str)> = (s.segments.iter())
        .map(|g| (g.attribute.as_str(), g.value.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("platform", "iOS"),
            ("wave", "pilot"),
            ("wave", "wave-2"),
            ("wave", "wave-10"),
            ("wave", "gone"),
        ]
    );
    // Without the program's waves (the command line's summary), by id as before.
    let s = summarize(&pilot(), &responses);
    let waves: Vec<&str> = (s.segments.iter())
        .filter(|g| g.attribute == "wave")
        .map(|g| g.value.as_str())
        .collect();
    assert_eq!(waves, ["gone", "pilot", "wave-10", "wave-2"]);
}

#[test]
fn one_response_without_the_attribute_cannot_be_worked_out_from_the_segments() {
    // 7 Windows, 5 Android and one response whose link carried no platform: overall minus
    // Windows minus Android would be that one response, so one platform is hidden with it.
    let mut with_one_without: Vec<_> = (sample().into_iter())
        .filter(|(_, a)| a["platform"] == "Windows")
        .collect();
    with_one_without
        .extend((0..5).map(|i| scored(&format!("x{i}"), [3; 10], 9, [5; 5], "Android")));
    let (lone, _) = scored("lone", [3; 10], 0, [1; 5], "none");
    with_one_without.push((lone, Attributes::new()));
    let s = summarize(&pilot(), &with_one_without);
    assert_eq!(s.overall.n, 13);
    assert!(
        segment(&s, "Android").suppressed,
        "the smaller platform goes"
    );
    assert!(!segment(&s, "Windows").suppressed);
    assert!(s.segments.iter().all(|g| g.value != "none"));
    // Five without a platform are a group of their own: both platforms are shown.
    with_one_without.extend((0..4).map(|i| {
        let (r, _) = scored(&format!("y{i}"), [3; 10], 9, [5; 5], "none");
        (r, Attributes::new())
    }));
    let s = summarize(&pilot(), &with_one_without);
    assert!(s.segments.iter().all(|g| !g.suppressed));
}

/// The sample with `edit` applied to the responses from `platform`.
fn edited(platform: &str, edit: impl Fn(Response) -> Response) -> Vec<(Response, Attributes)> {
    sample()
        .into_iter()
        .map(|(r, a)| {
            if a["platform"] == platform {
                (edit(r), a)
            } else {
                (r, a)
            }
        })
        .collect()
}

#[test]
fn a_question_fewer_than_five_answered_is_withheld_even_when_the_survey_is_shown() {
    // The iOS profile question is asked on iOS only: the 3 iOS responses are all its answers,
    // so its bars would show each of them although the iOS segment is hidden.
    let pairs = edited("iOS", |r| {
        r.with("ios_profile_clear", Answer::Scale(2))
            .with("training_useful", Answer::Scale(5))
            .with("helpdesk_contacted", Answer::YesNo(true))
    });
    let s = summarize(&pilot(), &pairs);
    assert!(!s.suppressed && s.overall.n == 10);
    assert!(segment(&s, "iOS").suppressed);
    for id in ["ios_profile_clear", "training_useful", "helpdesk_contacted"] {
        let q = question(&s.overall, id);
        assert_eq!(q.suppressed, Some(Suppression::FewAnswers), "{id}");
        assert_eq!(q.answered, 0, "{id}: not even how many");
    }
    let ios = question(&s.overall, "ios_profile_clear");
    let QuestionStats::Scale(stats) = &ios.stats else {
        panic!("{:?}", ios.stats)
    };
    assert!(stats.distribution.is_empty() && stats.mean.is_none() && stats.median.is_none());
    assert!(stats.top2.is_none() && stats.bottom2.is_none());
    let contacted = question(&s.overall, "helpdesk_contacted");
    assert_eq!(contacted.stats, QuestionStats::YesNo { yes: 0, no: 0 });
    // The wire says so, with the reason, and carries no count of the three.
    let json = serde_json::to_value(&s).unwrap();
    let ios_json = json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "ios_profile_clear")
        .unwrap();
    assert_eq!(ios_json["suppressed"], "few_answers");
    assert_eq!(ios_json["answered"], 0);
    assert_eq!(ios_json["stats"]["distribution"], serde_json::json!([]));
    // A question answered by everyone has no mark at all.
    let nps = question(&s.overall, "nps");
    assert_eq!((nps.suppressed, nps.answered), (None, 10));
    assert!(
        serde_json::to_value(nps)
            .unwrap()
            .get("suppressed")
            .is_none()
    );
    // Five answers are shown.
    let mut more = pairs.clone();
    for (r, a) in more.iter_mut().take(2) {
        *r = r.clone().with("ios_profile_clear", Answer::Scale(4));
        a.insert("platform".into(), "iOS".into());
    }
    let s = summarize(&pilot(), &more);
    let ios = question(&s.overall, "ios_profile_clear");
    assert_eq!((ios.suppressed, ios.answered), (None, 5));
}

#[test]
fn free_text_and_measures_from_fewer_than_five_answers_are_withheld() {
    // Only the 3 iOS responses answered the recommendation question and wrote a text.
    let pairs: Vec<(Response, Attributes)> = sample()
        .into_iter()
        .map(|(mut r, a)| {
            if a["platform"] != "iOS" {
                r.answers.remove("nps");
                r.answers.remove("improve");
            }
            (r, a)
        })
        .collect();
    let s = summarize(&pilot(), &pairs);
    let improve = question(&s.overall, "improve");
    assert_eq!(improve.suppressed, Some(Suppression::FewAnswers));
    assert!(matches!(&improve.stats, QuestionStats::Text { answers } if answers.is_empty()));
    let nps = &s.overall.nps[0];
    assert_eq!(nps.suppressed, Some(Suppression::FewAnswers));
    assert_eq!((nps.n, nps.promoters, nps.detractors), (0, 0, 0));
    assert!(nps.score.is_none() && nps.interval.is_none());
    // The SUS of four complete responses, and the barriers of four, are withheld too.
    let four: Vec<(Response, Attributes)> = sample()
        .into_iter()
        .enumerate()
        .map(|(i, (mut r, a))| {
            if i >= 4 {
                r.answers.remove("sus");
                for id in ["adkar_awareness", "adkar_desire", "adkar_knowledge"] {
                    r.answers.remove(id);
                }
                r.answers.remove("adkar_ability");
                r.answers.remove("adkar_reinforcement");
            }
            (r, a)
        })
        .collect();
    let s = summarize(&pilot(), &four);
    let sus = s.overall.sus.as_ref().unwrap();
    assert_eq!(sus.suppressed, Some(Suppression::FewAnswers));
    assert!(sus.mean.is_none() && sus.interval.is_none() && sus.n == 0);
    let adkar = s.overall.adkar.as_ref().unwrap();
    assert_eq!(adkar.suppressed, Some(Suppression::FewAnswers));
    assert!(adkar.barriers.is_empty());
    assert_eq!(
        question(&s.overall, "sus").suppressed,
        Some(Suppression::FewAnswers)
    );
}

#[test]
fn a_matrix_item_fewer_than_five_answered_is_withheld_on_its_own() {
    let pairs = edited("Windows", |mut r| {
        if let Some(Answer::Matrix(items)) = r.answers.get_mut("sus") {
            items.remove("sus_3");
        }
        r
    });
    let s = summarize(&pilot(), &pairs);
    let sus = question(&s.overall, "sus");
    assert_eq!((sus.suppressed, sus.answered), (None, 10));
    let QuestionStats::Matrix { items } = &sus.stats else {
        panic!("{:?}", sus.stats)
    };
    let item = |id: &str| items.iter().find(|i| i.id == id).unwrap();
    assert_eq!(item("sus_3").suppressed, Some(Suppression::FewAnswers));
    assert!(item("sus_3").stats.distribution.is_empty());
    assert_eq!(
        (item("sus_4").suppressed, item("sus_4").stats.n),
        (None, 10)
    );
}

#[test]
fn a_survey_with_fewer_than_five_responses_shows_only_its_count() {
    let s = summarize(&pilot(), &sample()[..4]);
    assert_eq!(s.overall.n, 4);
    assert!(s.overall.free_text_withheld);
    assert!(
        s.overall.questions.is_empty(),
        "no distribution of four people's answers"
    );
    assert!(s.overall.sus.is_none() && s.overall.nps.is_empty() && s.overall.adkar.is_none());
    assert!(s.segments.is_empty());
    let five = summarize(&pilot(), &sample()[..5]);
    assert!(!five.overall.questions.is_empty());
}

#[test]
fn the_summary_flags_whole_survey_suppression_by_the_threshold_it_was_given() {
    assert!(summarize(&pilot(), &sample()[..4]).suppressed);
    assert!(!summarize(&pilot(), &sample()[..5]).suppressed);
    let three = SummaryOptions {
        min_group: 3,
        ..SummaryOptions::default()
    };
    let s = summarize_with(&pilot(), &sample()[..4], &three);
    assert!(
        !s.suppressed,
        "4 responses are shown when groups of 3 may be"
    );
    assert!(!s.overall.questions.is_empty());
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["suppressed"], false);
}

// ---------------------------------------------------------------------------------------------
// Exports.

fn stored(response: Response, person: Option<&str>, attributes: &[(&str, &str)]) -> StoredResponse {
    StoredResponse {
        response,
        person_id: person.map(str::to_string),
        submitted_at: Utc.with_ymd_and_hms(2027, 1, 12, 9, 30, 0).unwrap(),
        attributes: attributes
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

fn two_responses() -> Vec<StoredResponse> {
    let survey = pilot();
    let anonymous = Response::new("r-anon", &survey, Lang::En)
        .with("platform", Answer::Other("=HYPERLINK(\"http://x\")".into()))
        .with("enroll_experience", Answer::Scale(2))
        .with(
            "enroll_problems",
            Answer::Choices(ChoicesAnswer {
                selected: vec!["sign_in".into(), "slow".into()],
                other: Some("-wachtwoord".into()),
            }),
        )
        .with(
            "sus",
            Answer::Matrix([("sus_2".to_string(), 4), ("sus_10".to_string(), 1)].into()),
        )
        .with("training_used", Answer::YesNo(false))
        .with("nps", Answer::Scale(7));
    let personal = Response::new("r-p1", &survey, Lang::Nl)
        .with("enroll_experience", Answer::Scale(5))
        .with("improve", Answer::Text("Meer uitleg,\n\"graag\"".into()));
    vec![
        stored(
            anonymous,
            None,
            &[("department", "Finance"), ("platform", "BlackBerry")],
        ),
        stored(personal, Some("p-001"), &[]),
    ]
}

/// The pilot survey, its two sample responses, and their export in `layout` with `options`.
fn exported(layout: ExportLayout, options: CsvOptions) -> (Survey, Vec<StoredResponse>, Vec<u8>) {
    let (survey, responses) = (pilot(), two_responses());
    let out = match layout {
        ExportLayout::Long => export_long(&survey, &responses, Vec::new(), options),
        ExportLayout::Wide => export_wide(&survey, &responses, Vec::new(), options),
    };
    (survey, responses, out.unwrap())
}

#[test]
fn the_long_export_follows_data_md_and_defuses_formulas() {
    let (_, _, out) = exported(ExportLayout::Long, CsvOptions::default());
    let csv = String::from_utf8(out).unwrap();
    let expected = "\
response_id,survey_id,survey_version,person_id,submitted_at,language,question_id,value,department,platform\r
r-anon,pilot-feedback,1,,2027-01-12T00:00:00Z,en,platform,other,Finance,BlackBerry\r
r-anon,pilot-feedback,1,,2027-01-12T00:00:00Z,en,platform.other,\"'=HYPERLINK(\"\"http://x\"\")\",Finance,BlackBerry\r
r-anon,pilot-feedback,1,,2027-01-12T00:00:00Z,en,enroll_experience,2,Finance,BlackBerry\r
r-anon,pilot-feedback,1,,2027-01-12T00:00:00Z,en,enroll_problems,sign_in|slow|other,Finance,BlackBerry\r
r-anon,pilot-feedback,1,,2027-01-12T00:00:00Z,en,enroll_problems.other,'-wachtwoord,Finance,BlackBerry\r
r-anon,pilot-feedback,1,,2027-01-12T00:00:00Z,en,training_used,no,Finance,BlackBerry\r
r-anon,pilot-feedback,1,,2027-01-12T00:00:00Z,en,sus_2,4,Finance,BlackBerry\r
r-anon,pilot-feedback,1,,2027-01-12T00:00:00Z,en,sus_10,1,Finance,BlackBerry\r
r-anon,pilot-feedback,1,,2027-01-12T00:00:00Z,en,nps,7,Finance,BlackBerry\r
r-p1,pilot-feedback,1,p-001,2027-01-12T09:30:00Z,nl,enroll_experience,5,,\r
r-p1,pilot-feedback,1,p-001,2027-01-12T09:30:00Z,nl,improve,\"Meer uitleg,\n\"\"graag\"\"\",,\r
";
    assert_eq!(csv, expected);
}

#[test]
fn exports_for_dutch_excel_use_semicolons_and_a_bom_and_read_back() {
    let (survey, responses, out) = exported(ExportLayout::Long, CsvOptions::excel_nl());
    assert!(out.starts_with(b"\xEF\xBB\xBFresponse_id;survey_id;"));
    assert_eq!(
        import_long(&survey, "responses.csv", out.as_slice()).unwrap(),
        as_exported(responses)
    );
}

#[test]
fn the_wide_export_has_one_row_per_response_and_reads_back() {
    let (survey, responses, out) = exported(ExportLayout::Wide, CsvOptions::default());
    let csv = String::from_utf8(out.clone()).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with(
        "response_id,survey_id,survey_version,person_id,submitted_at,language,attribute:department,attribute:platform,platform,platform.other,enroll_experience"
    ));
    assert!(header.contains(",sus_1,sus_2,"));
    assert_eq!(csv.matches("\r\nr-").count(), 2);
    assert_eq!(
        import_wide(&survey, "wide.csv", out.as_slice()).unwrap(),
        as_exported(responses)
    );
}

#[test]
fn either_export_reads_back_without_saying_which_it_is() {
    for options in [CsvOptions::default(), CsvOptions::excel_nl()] {
        for layout in [ExportLayout::Long, ExportLayout::Wide] {
            let (survey, responses, out) = exported(layout, options);
            assert_eq!(
                import_csv(&survey, "a.csv", out.as_slice()).unwrap(),
                as_exported(responses),
                "{layout:?}"
            );
        }
    }
}

#[test]
fn an_attribute_named_like_a_fixed_column_is_refused() {
    let mut responses = two_responses();
    responses[0].attributes.insert("Value".into(), "x".into());
    let err = export_long(&pilot(), &responses, Vec::new(), CsvOptions::default()).unwrap_err();
    assert!(matches!(err, ExportError::ReservedAttribute { ref name } if name == "Value"));
    assert!(err.message(Lang::Nl).contains("vaste kolom"));
}

#[test]
fn an_attribute_named_like_a_formula_survives_export_and_import() {
    // Found by fuzzing: csv_safe writes the header `+region` as `'+region`, and the import read
    // the attribute back under that name.
    let survey = pilot();
    let r = Response::new("r1", &survey, Lang::En).with("enroll_experience", Answer::Scale(4));
    let original = vec![stored(r, None, &[("+region", "-North"), ("wave", "pilot")])];
    let csv = export_long(&survey, &original, Vec::new(), CsvOptions::default()).unwrap();
    assert!(String::from_utf8_lossy(&csv).contains("'+region"));
    let back = import_long(&survey, "responses.csv", csv.as_slice()).unwrap();
    assert_eq!(back, as_exported(original));
}

#[test]
fn a_bad_import_names_file_line_and_column() {
    let csv = "response_id;survey_id;survey_version;person_id;submitted_at;question_id;value\n\
               r1;pilot-feedback;1;;2027-01-12T09:30:00Z;nps;9\n\
               r1;pilot-feedback;1;;2027-01-12T09:30:00Z;enroll_experience;heel goed\n";
    let err = import_long(&pilot(), "responses.csv", csv.as_bytes()).unwrap_err();
    assert_eq!(
        (err.line, err.column, err.column_name.as_deref()),
        (3, Some(7), Some("value"))
    );
    assert!(
        err.message(Lang::En).contains("expects a whole number"),
        "{err}"
    );
    assert_eq!(
        err.render(Lang::Nl),
        "responses.csv, regel 3, kolom 7 (value): vraag `enroll_experience` verwacht een geheel getal, gevonden \"heel goed\""
    );

    let csv = "response_id,survey_id,survey_version,submitted_at,question_id,value\n\
               r1,pilot-feedback,1,2027-01-12T09:30:00Z,shoe_size,44\n";
    let err = import_long(&pilot(), "responses.csv", csv.as_bytes()).unwrap_err();
    assert!(err.to_string().starts_with(
        "responses.csv, line 2, column 6 (value): question `shoe_size` is not in survey"
    ));

    let csv = "response_id,survey_id,survey_version,question_id,value\nr1,pilot-feedback,1,nps,9\n";
    let err = import_long(&pilot(), "responses.csv", csv.as_bytes()).unwrap_err();
    assert!(err.message(Lang::En).contains("submitted_at"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// SurveyJS.

const SURVEYJS: &str = r#"{
  "locale": "nl",
  "title": {"default": "Tevredenheid", "en": "Satisfaction"},
  "pages": [{
    "name": "page1",
    "elements": [
      {"type": "radiogroup", "name": "Device", "title": "Welk apparaat?", "isRequired": true,
       "choices": [{"value": "iPhone", "text": "iPhone"}, "Android"], "showOtherItem": true},
      {"type": "rating", "name": "nps", "title": {"default": "Aanraden?", "en": "Recommend?"},
       "rateMin": 0, "rateMax": 10, "visibleIf": "{Device} = 'iPhone'"},
      {"type": "panel", "name": "extra", "visibleIf": "{nps} <= 6", "elements": [
        {"type": "comment", "name": "why", "title": "Waarom?", "maxLength": 500},
        {"type": "checkbox", "name": "issues", "choices": ["mail", "apps"], "maxSelectedChoices": 1}
      ]},
      {"type": "html", "name": "info", "html": "<b>Hallo</b>"},
      {"type": "matrix", "name": "grid", "columns": [1,2,3,4,5],
       "rows": [{"value": "easy", "text": "Makkelijk"}], "visibleIf": "{issues} contains 'mail' or {nps} > 8"},
      {"type": "boolean", "name": "again", "visibleIf": "{why} notempty and age({x}) > 3"}
    ]
  }]
}"#;

#[test]
fn a_surveyjs_survey_converts_with_conditions_and_warnings() {
    let import = import_surveyjs(SURVEYJS, "tevredenheid").unwrap();
    let s = &import.survey;
    assert_eq!(s.title, Text::new("Tevredenheid", "Satisfaction"));
    let device = s.question("device").unwrap();
    assert!(device.required);
    assert_eq!(
        device
            .kind
            .choices()
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        vec!["iphone", "android"]
    );
    assert!(device.kind.has_other());
    assert_eq!(
        s.question("nps").unwrap().show_if,
        Some(Condition::answer_equals(
            "device",
            Scalar::Str("iphone".into())
        ))
    );
    assert_eq!(
        s.question("why").unwrap().show_if,
        Some(Condition::Answer {
            question: "nps".into(),
            test: Test::AtMost(6)
        })
    );
    assert!(matches!(
        s.question("grid").unwrap().kind,
        QuestionKind::Matrix { points: 5, .. }
    ));
    assert_eq!(
        s.question("grid").unwrap().show_if,
        Some(Condition::Any(vec![
            Condition::Answer {
                question: "issues".into(),
                test: Test::Includes("mail".into())
            },
            Condition::Answer {
                question: "nps".into(),
                test: Test::AtLeast(9)
            },
        ]))
    );
    assert_eq!(s.question("again").unwrap().show_if, None);
    let kinds: Vec<&ImportWarningKind> = import.warnings.iter().map(|w| &w.kind).collect();
    assert!(kinds.contains(&&ImportWarningKind::Renamed {
        from: "Device".into(),
        to: "device".into()
    }));
    assert!(kinds.contains(&&ImportWarningKind::SkippedElement {
        element_type: "html".into()
    }));
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, ImportWarningKind::UnsupportedCondition { .. }))
    );
    // The converted survey is structurally valid; what remains are the missing translations.
    let problems = validate_definition(s).unwrap_err();
    assert!(
        problems.iter().all(|e| e.code() == "missing_translation"),
        "{problems:?}"
    );
}

/// A SurveyJS survey of two questions, the second shown if `condition`.
fn surveyjs_with_condition(condition: &str) -> String {
    serde_json::json!({"pages": [{"name": "p", "elements": [
        {"type": "boolean", "name": "q1", "title": "Eerste?"},
        {"type": "boolean", "name": "q2", "title": "Tweede?", "visibleIf": condition}
    ]}]})
    .to_string()
}

#[test]
fn a_condition_nested_beyond_reason_is_left_out_and_the_survey_still_reads_back() {
    // 200,000 negations overflowed the stack (and took the server down); 130 were stored
    // as JSON nested deeper than serde_json reads back, so the survey could never be opened.
    for depth in [130, 200_000] {
        let condition = format!("{}{{q1}} notempty", "!".repeat(depth));
        let import = import_surveyjs(&surveyjs_with_condition(&condition), "diep").unwrap();
        assert_eq!(import.survey.question("q2").unwrap().show_if, None);
        assert!(
            import
                .warnings
                .iter()
                .any(|w| matches!(w.kind, ImportWarningKind::UnsupportedCondition { .. }))
        );
    }
    // As deep as any real condition, and then some: kept, and it reads back.
    let condition = format!("{}{{q1}} notempty{}", "not (".repeat(16), ")".repeat(16));
    let import = import_surveyjs(&surveyjs_with_condition(&condition), "diep").unwrap();
    assert!(import.survey.question("q2").unwrap().show_if.is_some());
    let stored = serde_json::to_string(&import.survey).unwrap();
    let back: Survey = serde_json::from_str(&stored).unwrap();
    assert_eq!(back, import.survey);
}

#[test]
fn a_file_that_is_not_surveyjs_is_refused() {
    assert!(import_surveyjs("[1,2]", "x").is_err());
    assert!(import_surveyjs("{\"pages\": [{\"elements\": [{\"type\": \"html\"}]}]}", "x").is_err());
    assert!(import_surveyjs("{", "x").is_err());
}

#[test]
fn a_surveyjs_survey_without_a_title_and_with_tricky_choices_imports_as_written() {
    let json = r#"{"elements": [{"type": "radiogroup", "name": "q", "title": "How was it?",
        "choices": ["a b", "a_b", "low|", "high|Very high"]}]}"#;
    let import = import_surveyjs(json, "notitle").unwrap();
    let survey = &import.survey;
    // No title: the first question's stands in, with a warning to give it one.
    assert_eq!(survey.title.get(Lang::En), "How was it?");
    assert!(
        import
            .warnings
            .iter()
            .any(|w| matches!(w.kind, ImportWarningKind::TitleMissing { .. }))
    );
    assert!(validate_definition(survey).is_ok(), "publishable as it is");
    let choices: Vec<(&str, &str)> = survey.pages[0].questions[0]
        .kind
        .choices()
        .iter()
        .map(|c| (c.id.as_str(), c.text.get(Lang::En)))
        .collect();
    assert_eq!(
        choices,
        [
            ("a_b_1", "a b"),
            ("a_b", "a_b"),
            ("low", "low"),
            ("high", "Very high")
        ],
        "a valid value keeps its id (stored answers still map); `low|` reads as its value"
    );
}

/// SurveyJS's own product-feedback quickstart survey: English only, with choices in the
/// `value|text` shorthand and an element type Wavegate does not have.
const SURVEYJS_PRODUCT_FEEDBACK: &str = r#"{
  "title": "Product Feedback Survey",
  "pages": [{
    "elements": [{
      "type": "matrix",
      "name": "Quality",
      "title": "Please indicate if you agree or disagree with the following statements",
      "columns": [
        {"value": 1, "text": "Strongly disagree"}, {"value": 2, "text": "Disagree"},
        {"value": 3, "text": "Neutral"}, {"value": 4, "text": "Agree"},
        {"value": 5, "text": "Strongly agree"}
      ],
      "rows": [
        {"value": "affordable", "text": "Product is affordable"},
        {"value": "does what it claims", "text": "Product does what it claims"},
        {"value": "better then others", "text": "Product is better than other products on the market"},
        {"value": "easy to use", "text": "Product is easy to use"}
      ]
    }, {
      "type": "rating",
      "name": "satisfaction",
      "title": "How satisfied are you with the product?",
      "minRateDescription": "Not satisfied",
      "maxRateDescription": "Completely satisfied"
    }, {
      "type": "radiogroup",
      "name": "price to competitors",
      "title": "Compared to our competitors, do you feel the product is",
      "choices": ["Less expensive", "Priced about the same", "More expensive", "Not sure"]
    }, {
      "type": "radiogroup",
      "name": "price",
      "title": "Do you feel our current price is merited by our product?",
      "choices": [
        "correct|Yes, the price is about right",
        "low|No, the price is too low for your product",
        "high|No, the price is too high for your product"
      ]
    }, {
      "type": "multipletext",
      "name": "pricelimit",
      "title": "What is the... ",
      "items": [{"name": "mostamount", "title": "Most amount you would ever pay"}]
    }, {
      "type": "comment",
      "name": "suggestions",
      "title": "What would make you more likely to recommend the product?"
    }]
  }]
}"#;

#[test]
fn an_english_only_surveyjs_survey_imports_and_validates_in_english_alone() {
    let import = import_surveyjs(SURVEYJS_PRODUCT_FEEDBACK, "product-feedback").unwrap();
    let s = &import.survey;
    assert_eq!(s.languages, vec![Lang::En]);
    assert_eq!(validate_definition(s), Ok(()));
    // It survives the round trip through its JSON, where `languages` is written out.
    let json = s.to_json_pretty();
    assert!(json.contains("\"languages\": [\n    \"en\"\n  ]"), "{json}");
    assert_eq!(
        wavegate_core::survey::Survey::from_json(&json).map(|_| ()),
        Ok(())
    );
    assert!(import.warnings.iter().any(|w| w.kind
        == ImportWarningKind::SkippedElement {
            element_type: "multipletext".into()
        }));
}

#[test]
fn surveyjs_choices_in_the_value_text_shorthand_become_id_and_text() {
    let import = import_surveyjs(SURVEYJS_PRODUCT_FEEDBACK, "product-feedback").unwrap();
    let choices: Vec<(&str, &str)> = import
        .survey
        .question("price")
        .unwrap()
        .kind
        .choices()
        .iter()
        .map(|c| (c.id.as_str(), c.text.en.as_str()))
        .collect();
    assert_eq!(
        choices,
        vec![
            ("correct", "Yes, the price is about right"),
            ("low", "No, the price is too low for your product"),
            ("high", "No, the price is too high for your product"),
        ]
    );
    let plain: Vec<(&str, &str)> = import
        .survey
        .question("price_to_competitors")
        .unwrap()
        .kind
        .choices()
        .iter()
        .map(|c| (c.id.as_str(), c.text.en.as_str()))
        .collect();
    assert_eq!(plain[0], ("less_expensive", "Less expensive"));
}

#[test]
fn a_surveyjs_survey_with_some_dutch_is_expected_in_both_languages() {
    let import = import_surveyjs(SURVEYJS, "tevredenheid").unwrap();
    assert_eq!(import.survey.languages, vec![Lang::Nl, Lang::En]);
}

#[test]
fn problems_left_after_a_surveyjs_import_point_into_the_surveyjs_file() {
    // The second page starts with an HTML element (not converted) and a panel; the first page
    // has only HTML and is left out, so converted positions differ from the file's everywhere.
    let json = r#"{
      "title": {"nl": "Tevredenheid", "en": "Satisfaction"},
      "pages": [
        {"name": "intro", "elements": [{"type": "html", "html": "<p>Hoi</p>"}]},
        {"name": "main", "elements": [
          {"type": "html", "html": "<p>Uitleg</p>"},
          {"type": "panel", "name": "p", "elements": [
            {"type": "radiogroup", "name": "ok", "title": {"nl": "Gaat het?", "en": "All well?"},
             "choices": [{"value": "y", "text": {"nl": "Ja", "en": "Yes"}},
                         {"value": "n", "text": {"en": "No"}}]}
          ]}
        ]}
      ]
    }"#;
    let import = import_surveyjs(json, "tevredenheid").unwrap();
    let problems = validate_definition(&import.survey).unwrap_err();
    let paths: Vec<String> = problems
        .iter()
        .map(|p| import.source_path(&p.path))
        .collect();
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("pages[1].elements[1].elements[0].choices[1]")),
        "{paths:?} (converted: {:?})",
        problems.iter().map(|p| &p.path).collect::<Vec<_>>()
    );
    assert_eq!(import.source_path("title.nl"), "title.nl");
    assert_eq!(
        import.source_path("pages[0].questions[0]"),
        "pages[1].elements[1].elements[0]"
    );
    assert_eq!(import.source_path("pages[0].title"), "pages[1].title");
}

#[test]
fn a_problem_in_a_surveyjs_matrix_statement_is_shown_at_its_row() {
    let json = r#"{
      "title": {"nl": "Gebruik", "en": "Use"},
      "pages": [
        {"name": "main", "elements": [
          {"type": "html", "html": "<p>Uitleg</p>"},
          {"type": "matrix", "name": "sus", "title": {"nl": "Stellingen", "en": "Statements"},
           "columns": [1, 2, 3, 4, 5],
           "rows": [{"value": "s1", "text": {"nl": "Makkelijk", "en": "Easy"}},
                    {"value": "s2", "text": {"en": "Complex"}}]}
        ]}
      ]
    }"#;
    let import = import_surveyjs(json, "gebruik").unwrap();
    let problems = validate_definition(&import.survey).unwrap_err();
    let paths: Vec<String> = problems
        .iter()
        .map(|p| import.source_path(&p.path))
        .collect();
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("pages[0].elements[1].rows[1]")),
        "{paths:?} (converted: {:?})",
        problems.iter().map(|p| &p.path).collect::<Vec<_>>()
    );
    assert_eq!(
        import.source_path("pages[0].questions[0].items[1].text.nl"),
        "pages[0].elements[1].rows[1].text.nl"
    );
}
