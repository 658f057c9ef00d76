//! Component tests of the planner app in headless Chromium (wasm-bindgen-test): what a planner
//! sees of survey and training results and of the dashboard's wave timeline, which field a
//! program's problem lands on, the trend of a segment, and its words.

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wavegate_core::api::{EvaluationSummary, ProgramSupport, ReadinessScore, SegmentReadiness};
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::readiness::Program;
use wavegate_core::readiness::metric::{MetricId, State};
use wavegate_core::readiness::program::threshold_problems::Bound;
use wavegate_core::readiness::program::{DEFAULT_SEGMENT_DEPTH, ThresholdOverride};
use wavegate_core::readiness::report::{DecisionKind, Segment};
use wavegate_core::survey::scoring::QuestionStats;
use wavegate_core::survey::{
    Attributes, Response, Summary, SummaryOptions, Survey, sample, summarize_with, templates,
};
use wavegate_core::training::wire::{
    ModuleNames, ModuleResults, ModuleSummary, PersonRestudy, RestudyList, VersionSummary,
};
use wavegate_core::training::{Record, Restudy, Stage, results_by_group};
use wavegate_planner::components::breakdown::breakdown;
use wavegate_planner::components::results::GroupResults;
use wavegate_planner::i18n::{Msg, UiMsg};
use wavegate_planner::pages::program_form::fields::defaults;
use wavegate_planner::pages::program_form::problems::{Field, Problem, WaveField, check, field_at};
use wavegate_planner::pages::readiness::timeline::timeline;
use wavegate_planner::pages::readiness::trend::{SeriesKey, Trend};
use wavegate_planner::pages::training_module::{restudy_view, results_view, versions_view};

use wavegate_ui::test_support::{mount, settle, text_of, texts_of};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_planner_message_exists_in_both_languages_with_the_same_placeholders() {
    assert_eq!(wavegate_ui::i18n::first_incomplete(Msg::ALL), None);
    assert_eq!(wavegate_ui::i18n::first_incomplete(UiMsg::ALL), None);
}

/// A valid program with two waves and one threshold override.
/// Every code the server sends has a message in the planner: the shared one, or the planner's
/// own for the codes the survey and training pages leave out (and never both, so no text is
/// carried twice).
#[wasm_bindgen_test]
fn every_error_code_has_exactly_one_message_in_the_planner() {
    use wavegate_core::api::ErrorCode;
    use wavegate_planner::errors::{ErrorMsg, code_message, planner_message};
    for code in ErrorCode::SENT {
        let shared = wavegate_ui::errors::code_message(code).is_some()
            || wavegate_ui::errors::respondent_code_message(code).is_some();
        let own = planner_message(code);
        assert!(shared != own.is_some(), "{code:?}");
        assert_ne!(
            code_message(code),
            ErrorMsg::Shared(UiMsg::ErrorUnknown),
            "{code:?}"
        );
    }
    // A survey page would read a planner-only code as a failure it cannot name.
    assert_eq!(wavegate_ui::errors::code_message(ErrorCode::NoRoster), None);
    assert_eq!(
        code_message(ErrorCode::NoRoster).text(Lang::En),
        "Import the program's roster first (or a roster that fits its waves)."
    );
}

fn program() -> Program {
    let mut p = defaults();
    p.name = "Uitrol".into();
    p.waves = Program::parse(
        "name = \"x\"\n[[wave]]\nid = \"pilot\"\nstart = 2027-01-11\nend = 2027-01-29\n\
         [[wave]]\nid = \"wave-1\"\nstart = 2027-02-08\nend = 2027-02-26\nplanned_size = 400\n",
    )
    .unwrap()
    .waves;
    p
}

/// The one field with a problem in `program` (with empty support details), and its problem.
fn only_problem(program: &Program) -> (Field, Problem) {
    let found = check(program, &ProgramSupport::default()).unwrap_err();
    assert_eq!(found.len(), 1, "{found:?}");
    found.into_iter().next().unwrap()
}

#[wasm_bindgen_test]
fn a_new_program_starts_from_the_cores_defaults() {
    let p = defaults();
    assert_eq!(p.segment_depth, DEFAULT_SEGMENT_DEPTH);
    assert_eq!(p.split_attributes, vec!["platform", "region", "department"]);
    assert!(p.waves.is_empty() && p.thresholds.is_empty());
    assert_eq!(check(&program(), &ProgramSupport::default()), Ok(()));
}

#[wasm_bindgen_test]
fn a_rule_the_core_finds_lands_on_the_field_that_breaks_it() {
    let mut p = program();
    p.waves[1].end = p.waves[1].start.pred_opt().unwrap();
    let (field, problem) = only_problem(&p);
    assert_eq!(field, Field::Wave(1, WaveField::End));
    // Its dates as a person reads them, not as program.toml writes them.
    assert!(
        problem.text(Lang::Nl).contains("(7 februari 2027)"),
        "{problem:?}"
    );
    assert!(
        problem.text(Lang::En).contains("(7 February 2027)"),
        "{problem:?}"
    );
    assert!(!problem.text(Lang::En).contains("2027-02"), "{problem:?}");

    let mut p = program();
    p.waves[1].id = "pilot".into();
    assert_eq!(only_problem(&p).0, Field::Wave(1, WaveField::Id));

    for name in ["", "   ", "a\u{0}b\u{202e}", &"x".repeat(100_000)] {
        let mut p = program();
        p.name = name.into();
        let (field, problem) = only_problem(&p);
        assert_eq!(field, Field::Name, "{name:?}");
        // A blank name says so; any other says what a name must be.
        let (nl, en) = (problem.text(Lang::Nl), problem.text(Lang::En));
        assert!(
            nl.starts_with("verwacht een naam") || nl == "de naam is leeg; vul er een in",
            "{problem:?}"
        );
        assert!(
            en.starts_with("expected a name") || en == "the name is empty; fill one in",
            "{problem:?}"
        );
    }

    // A wave's name keeps the program name's rule and lands on that wave's name field.
    for name in ["   ", "Noord\u{202e}Zuid", &"x".repeat(201)] {
        let mut p = program();
        p.waves[1].name = Some(name.into());
        let (field, problem) = only_problem(&p);
        assert_eq!(field, Field::Wave(1, WaveField::Name), "{name:?}");
        let nl = problem.text(Lang::Nl);
        assert!(
            nl.starts_with("verwacht een naam") || nl == "de naam is leeg; vul er een in",
            "{problem:?}"
        );
    }
    let mut p = program();
    p.waves[1].name = Some("Regio Noord".into());
    assert_eq!(check(&p, &ProgramSupport::default()), Ok(()));

    let mut p = program();
    p.thresholds.insert(
        MetricId::Sus,
        ThresholdOverride {
            fail: Some(80.0),
            ..ThresholdOverride::default()
        },
    );
    assert_eq!(
        only_problem(&p).0,
        Field::Threshold(MetricId::Sus, Bound::Fail)
    );

    let mut p = program();
    p.confidence = 1.5;
    assert_eq!(only_problem(&p).0, Field::Confidence);

    let mut p = program();
    p.waves.clear();
    assert_eq!(only_problem(&p).0, Field::Waves);
}

#[wasm_bindgen_test]
async fn the_thresholds_open_on_a_problem_and_stay_open_while_it_is_fixed() {
    use wavegate_planner::pages::program_form::fields::ProgramFields;
    use wavegate_planner::pages::program_form::thresholds::Thresholds;
    let problems = RwSignal::new(std::collections::BTreeMap::new());
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        let fields = ProgramFields::new(&program(), &ProgramSupport::default(), Lang::Nl);
        view! { <Thresholds fields=fields problems=problems /> }
    });
    settle().await;
    let details = || {
        host.query_selector("details.thresholds")
            .unwrap()
            .unwrap()
            .has_attribute("open")
    };
    assert!(!details(), "folded away at first");
    let sus = Field::Threshold(MetricId::Sus, Bound::Pass);
    problems.set([(sus, Problem::NotANumber)].into());
    settle().await;
    assert!(details(), "a threshold problem opens it");
    // The form checks again at every keystroke: the first digit fixes the problem.
    problems.set(Default::default());
    settle().await;
    assert!(
        details(),
        "fixing it does not fold it away under the planner's fingers"
    );
}

/// A threshold's problem is said in the page's words, naming the metric and the number, at the
/// box that holds it: not the file's keys, and not all four boxes of the metric.
#[wasm_bindgen_test]
async fn a_threshold_problem_names_its_metric_and_marks_only_the_box_at_fault() {
    use wavegate_planner::pages::program_form::dom_id;
    use wavegate_planner::pages::program_form::fields::ProgramFields;
    use wavegate_planner::pages::program_form::thresholds::Thresholds;
    let mut p = program();
    p.thresholds.insert(
        MetricId::DeviceCompliance,
        ThresholdOverride {
            fail: Some(0.99),
            ..ThresholdOverride::default()
        },
    );
    let found = check(&p, &ProgramSupport::default()).unwrap_err();
    let fail = Field::Threshold(MetricId::DeviceCompliance, Bound::Fail);
    // The form focuses the first field with a problem: the fail box itself.
    assert_eq!(found.keys().copied().collect::<Vec<_>>(), [fail]);
    assert_eq!(dom_id(fail), "f-threshold-device_compliance-fail");
    for lang in [Lang::Nl, Lang::En] {
        let problems = RwSignal::new(found.clone());
        let fields = ProgramFields::new(&p, &ProgramSupport::default(), lang);
        let (host, _h) = mount(move || {
            provide_context(RwSignal::new(lang));
            view! { <Thresholds fields=fields problems=problems /> }
        });
        settle().await;
        let invalid = host.query_selector_all("[aria-invalid=true]").unwrap();
        assert_eq!(invalid.length(), 1, "only the box at fault is marked");
        let marked = invalid
            .item(0)
            .unwrap()
            .unchecked_into::<web_sys::Element>();
        assert_eq!(marked.id(), "f-threshold-device_compliance-fail");
        let said = text_of(&host, "#f-threshold-device_compliance-error");
        let expected = match lang {
            Lang::Nl => {
                "Apparaten compliant: de drempel voor onvoldoende (0,99) mag niet boven de drempel voor voldoende"
            }
            Lang::En => {
                "Compliant devices: the fail threshold (0.99) must not be above the pass threshold"
            }
        };
        assert!(said.starts_with(expected), "{said}");
        for key in ["device_compliance", "fail =", "pass =", "(fail", "`"] {
            assert!(!said.contains(key), "{key} in {said}");
        }
        // Every box of the metric is described by its problems.
        let pass = host
            .query_selector("#f-threshold-device_compliance-pass")
            .unwrap()
            .unwrap();
        assert_eq!(
            pass.get_attribute("aria-describedby").as_deref(),
            Some("f-threshold-device_compliance-error")
        );
    }
}

/// A box that is no number says so naming its metric and number, and only that box is marked.
#[wasm_bindgen_test]
fn a_threshold_box_that_is_no_number_is_named_in_words() {
    use wavegate_planner::pages::program_form::fields::ProgramFields;
    let owner = Owner::new();
    owner.set();
    let fields = ProgramFields::new(&program(), &ProgramSupport::default(), Lang::En);
    let row = fields.thresholds.get_value()[0];
    row.weight.set("heavy".into());
    let found = fields.read().all_problems();
    let field = Field::Threshold(row.metric, Bound::Weight);
    assert_eq!(found.keys().copied().collect::<Vec<_>>(), [field]);
    let en = found[&field].text(Lang::En);
    assert!(en.ends_with(": the weight must be a number"), "{en}");
    assert!(
        found[&field]
            .text(Lang::Nl)
            .ends_with(": het gewicht moet een getal zijn")
    );
}

#[wasm_bindgen_test]
fn one_check_finds_the_problems_of_every_field_at_once() {
    let mut p = program();
    p.name = " ".into();
    p.waves[1].id = "pilot".into();
    p.waves[0].end = p.waves[0].start.pred_opt().unwrap();
    p.confidence = 1.5;
    p.thresholds.insert(
        MetricId::Sus,
        ThresholdOverride {
            fail: Some(80.0),
            ..ThresholdOverride::default()
        },
    );
    let support = ProgramSupport {
        helpdesk: Some(Text::new("Bel\u{7}", "")),
        faq_url: Some("javascript:alert(1)".into()),
    };
    let found = check(&p, &support).unwrap_err();
    let fields: Vec<Field> = found.keys().copied().collect();
    assert_eq!(
        fields,
        [
            Field::Name,
            Field::Wave(0, WaveField::End),
            Field::Wave(1, WaveField::Id),
            Field::Confidence,
            Field::Threshold(MetricId::Sus, Bound::Fail),
            Field::Helpdesk(Lang::Nl),
            Field::FaqUrl,
        ]
    );
}

#[wasm_bindgen_test]
fn a_line_of_program_toml_names_its_field() {
    let toml = program().to_toml();
    let line_of = |needle: &str| {
        toml.lines()
            .position(|l| l.starts_with(needle))
            .map(|i| i as u64 + 1)
            .unwrap()
    };
    assert_eq!(field_at(&toml, line_of("name ="), ""), Field::Name);
    assert_eq!(
        field_at(&toml, line_of("planned_size"), ""),
        Field::Wave(1, WaveField::PlannedSize)
    );
    assert_eq!(field_at(&toml, 0, "nothing known"), Field::Whole);
}

/// The pilot survey summarised over `n` sampled responses with `options`.
fn pilot_summary(n: usize, options: &SummaryOptions) -> (Survey, Summary) {
    let survey = templates::builtin("pilot-feedback").unwrap();
    let attributes = Attributes::new();
    let responses: Vec<(Response, Attributes)> = (0..n)
        .map(|i| {
            let id = format!("response-{i:04}");
            let r = sample::complete_response(&survey, &attributes, &id, i as u64);
            (r, attributes.clone())
        })
        .collect();
    let summary = summarize_with(&survey, &responses, options);
    (survey, summary)
}

fn mount_group(survey: Survey, summary: Summary) -> (web_sys::HtmlElement, impl Drop) {
    let survey = StoredValue::new(survey);
    mount(move || {
        provide_context(RwSignal::new(Lang::En));
        view! { <GroupResults survey=survey group=summary.overall.clone() suppressed=summary.suppressed /> }
    })
}

#[wasm_bindgen_test]
async fn the_sus_and_nps_intervals_say_they_are_intervals_and_at_which_level() {
    let (survey, summary) = pilot_summary(12, &SummaryOptions::default());
    let sus = summary.overall.sus.clone().unwrap();
    let [lo, hi] = sus.interval.unwrap();
    let (host, _h) = mount_group(survey, summary);
    settle().await;
    let headline = text_of(&host, ".headline");
    assert!(
        headline.contains(&format!("(90% interval: {lo:.0}–{hi:.0})")),
        "{headline}"
    );
    assert!(
        headline.contains("NPS: ") && headline.matches("90% interval: ").count() == 2,
        "{headline}"
    );
}

#[wasm_bindgen_test]
async fn a_small_group_the_server_did_not_suppress_is_shown() {
    let three = SummaryOptions {
        min_group: 3,
        ..SummaryOptions::default()
    };
    let (survey, summary) = pilot_summary(3, &three);
    assert!(!summary.suppressed);
    let (host, _h) = mount_group(survey, summary);
    settle().await;
    assert!(host.query_selector(".banner").unwrap().is_none());
    assert!(host.query_selector(".question-result").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn a_suppressed_survey_shows_only_the_notice() {
    let (survey, summary) = pilot_summary(2, &SummaryOptions::default());
    assert!(summary.suppressed);
    let (host, _h) = mount_group(survey, summary);
    settle().await;
    assert_eq!(
        text_of(&host, ".banner"),
        Msg::SuppressedSmallGroup.text(Lang::En)
    );
    assert!(host.query_selector(".question-result").unwrap().is_none());
}

/// The pilot survey summarised over `n` responses through links carrying `platform`.
fn pilot_through_links(platforms: &[(&str, usize)]) -> (Survey, Summary) {
    let survey = templates::builtin("pilot-feedback").unwrap();
    let mut responses = Vec::new();
    for (platform, n) in platforms {
        let attributes: Attributes = [("platform".to_string(), platform.to_string())].into();
        for i in 0..*n {
            let id = format!("{platform}-{i:04}");
            let r = sample::complete_response(&survey, &attributes, &id, responses.len() as u64);
            responses.push((r, attributes.clone()));
        }
    }
    let summary = summarize_with(&survey, &responses, &SummaryOptions::default());
    (survey, summary)
}

#[wasm_bindgen_test]
async fn a_question_the_invitation_answered_shows_its_values_not_empty_bars() {
    let (survey, summary) = pilot_through_links(&[("Windows", 6), ("iOS", 5), ("macOS", 2)]);
    let (host, _h) = mount_group(survey, summary);
    settle().await;
    let section = "[data-question='platform']";
    let text = text_of(&host, section);
    assert!(text.contains("‘platform’") && text.contains("13"), "{text}");
    assert!(!text.contains("0 answered"), "{text}");
    // The values themselves, with the two macOS responses only counted with the small groups.
    assert_eq!(
        text_of(
            &host,
            &format!("{section} [data-value='Windows'] [data-cell='count']")
        ),
        "6"
    );
    assert_eq!(
        text_of(
            &host,
            &format!("{section} [data-value='iOS'] [data-cell='count']")
        ),
        "5"
    );
    assert!(
        host.query_selector(&format!("{section} [data-value='macOS']"))
            .unwrap()
            .is_none()
    );
    assert!(text.contains("Smaller groups together"), "{text}");
    // A bar chart drawn as SVG with an accessible name that reads its figures.
    let chart = host
        .query_selector(&format!("{section} svg.chart"))
        .unwrap()
        .unwrap();
    let name = chart.get_attribute("aria-label").unwrap();
    assert!(name.contains("Windows: 6 · 46%"), "{name}");
}

#[wasm_bindgen_test]
async fn a_group_shown_beside_hidden_ones_is_a_share_of_all_respondents_not_of_the_shown() {
    // macOS (2) is too small, and iOS (5), the next smallest, hides with it: Windows is the
    // only group shown, 6 of 13 respondents.
    let (survey, summary) = pilot_through_links(&[("Windows", 6), ("iOS", 5), ("macOS", 2)]);
    let n = summary.overall.n;
    let segments = summary.segments.clone();
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        breakdown(StoredValue::new(survey), &segments, n, &[], Lang::En)
    });
    settle().await;
    let name = host
        .query_selector("[data-attribute='platform'] svg.chart")
        .unwrap()
        .unwrap()
        .get_attribute("aria-label")
        .unwrap();
    assert!(name.contains("Windows: 6 · 46%"), "{name}");
    assert!(!name.contains("100%"), "{name}");
}

#[wasm_bindgen_test]
async fn the_split_by_wave_names_each_wave_as_the_program_does_not_by_its_bare_id() {
    let survey = templates::builtin("pilot-feedback").unwrap();
    let mut responses = Vec::new();
    // wave-2 (2) is too small and takes wave-1 (6), the next smallest, with it.
    for (wave, n) in [("pilot", 7), ("wave-1", 6), ("wave-2", 2)] {
        let attributes: Attributes = [("wave".to_string(), wave.to_string())].into();
        for i in 0..n {
            let id = format!("{wave}-{i:04}");
            let r = sample::complete_response(&survey, &attributes, &id, responses.len() as u64);
            responses.push((r, attributes.clone()));
        }
    }
    let summary = summarize_with(&survey, &responses, &SummaryOptions::default());
    let waves = Program::parse(
        "name = \"x\"\n[[wave]]\nid = \"pilot\"\nname = \"Pilot IT\"\nstart = 2027-01-11\nend = 2027-01-29\n\
         [[wave]]\nid = \"wave-1\"\nname = \"Hoofdkantoor\"\nstart = 2027-02-08\nend = 2027-02-26\n\
         [[wave]]\nid = \"wave-2\"\nname = \"Regio Noord\"\nstart = 2027-03-08\nend = 2027-03-26\n",
    )
    .unwrap()
    .waves;
    let n = summary.overall.n;
    let segments = summary.segments.clone();
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        breakdown(StoredValue::new(survey), &segments, n, &waves, Lang::Nl)
    });
    settle().await;
    let section = "[data-attribute='wave']";
    let chart = host
        .query_selector(&format!("{section} svg.chart"))
        .unwrap()
        .unwrap()
        .get_attribute("aria-label")
        .unwrap();
    assert!(chart.contains("pilot (Pilot IT): 7"), "{chart}");
    assert_eq!(
        text_of(&host, &format!("{section} details summary")),
        "Alle vragen voor golf pilot (Pilot IT) (7 respondenten)"
    );
    // The hidden groups are named the same way.
    assert!(
        text_of(&host, &format!("{section} .suppressed-note"))
            .contains("wave-1 (Hoofdkantoor), wave-2 (Regio Noord)"),
        "{}",
        text_of(&host, section)
    );
}

#[wasm_bindgen_test]
async fn the_recommendation_question_shows_promoters_passives_and_detractors() {
    let (survey, summary) = pilot_summary(12, &SummaryOptions::default());
    let nps = summary.overall.nps[0].clone();
    let (host, _h) = mount_group(survey, summary);
    settle().await;
    let text = text_of(&host, "[data-question='nps']");
    assert!(
        text.contains(&format!("Promoters (9–10): {}", nps.promoters)),
        "{text}"
    );
    assert!(
        text.contains(&format!("Detractors (0–6): {}", nps.detractors)),
        "{text}"
    );
    assert!(!text.contains("Agree ("), "{text}");
    // Every point 0–10 is a bar.
    for point in ["0", "6", "10"] {
        let bar = format!("[data-question='nps'] svg.chart [data-value='{point}']");
        assert!(host.query_selector(&bar).unwrap().is_some(), "{point}");
    }
}

#[wasm_bindgen_test]
async fn a_dutch_planner_reads_a_half_median_with_a_decimal_comma() {
    // Enough sampled responses that some 5-point question has a median between two points.
    let (survey, summary) = (10..40)
        .map(|n| pilot_summary(n, &SummaryOptions::default()))
        .find(|(_, s)| {
            s.overall.questions.iter().any(|q| {
                matches!(&q.stats, QuestionStats::Scale(st) if st.median.is_some_and(|m| m.fract() != 0.0))
            })
        })
        .unwrap();
    let (id, median) = summary
        .overall
        .questions
        .iter()
        .find_map(|q| match &q.stats {
            QuestionStats::Scale(st) => st
                .median
                .filter(|m| m.fract() != 0.0)
                .map(|m| (q.id.clone(), m)),
            _ => None,
        })
        .unwrap();
    let survey = StoredValue::new(survey);
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! { <GroupResults survey=survey group=summary.overall.clone() suppressed=summary.suppressed /> }
    });
    settle().await;
    let text = text_of(&host, &format!("[data-question='{id}']"));
    let expected = format!("Mediaan: {},5", median.floor());
    assert!(text.contains(&expected), "{expected} in {text}");
}

#[wasm_bindgen_test]
async fn a_piped_title_reads_generically_and_other_is_labelled() {
    // Enough responses that at least 5 answered the problems question (asked after a low score).
    let (survey, summary) = pilot_summary(40, &SummaryOptions::default());
    let problems = summary
        .overall
        .questions
        .iter()
        .find(|q| q.id == "enroll_problems");
    assert!(problems.is_some_and(|q| q.suppressed.is_none()));
    let (host, _h) = mount_group(survey, summary);
    settle().await;
    let all = host.text_content().unwrap_or_default();
    assert!(!all.contains("{nps}"), "no raw placeholder");
    assert!(text_of(&host, "[data-question='nps_reason'] h3").starts_with("You gave a … What"));
    let other = text_of(
        &host,
        "[data-question='enroll_problems'] [data-value='other'] text",
    );
    assert_eq!(other, "Other");
}

#[wasm_bindgen_test]
async fn a_question_fewer_than_five_answered_says_so_instead_of_empty_bars() {
    // The iOS profile question is asked on iOS only: three answered it.
    ios_question_says(
        &[("Windows", 6), ("iOS", 3)],
        "withheld",
        [
            (Lang::En, "Fewer than 5 answers; hidden"),
            (Lang::Nl, "Minder dan 5 antwoorden; verborgen"),
        ],
    )
    .await;
}

/// The pilot's results for people answering through links (platform, how many), in each
/// language: the iOS-only profile question says `words` (under `.{class}`) beside its title,
/// with no count of answers, no bars and no table; the 0–10 question is drawn as before.
async fn ios_question_says(people: &[(&str, usize)], class: &str, words: [(Lang, &str); 2]) {
    let (survey, summary) = pilot_through_links(people);
    let stored = StoredValue::new(survey);
    for (lang, words) in words {
        let group = summary.overall.clone();
        let (host, _h) = mount(move || {
            provide_context(RwSignal::new(lang));
            view! { <GroupResults survey=stored group=group.clone() suppressed=false /> }
        });
        settle().await;
        let section = "[data-question='ios_profile_clear']";
        assert_eq!(text_of(&host, &format!("{section} .{class}")), words);
        assert!(!text_of(&host, &format!("{section} h3")).is_empty());
        for nothing in [".answered", "svg.chart", "table"] {
            assert!(
                host.query_selector(&format!("{section} {nothing}"))
                    .unwrap()
                    .is_none(),
                "no {nothing}"
            );
        }
        assert!(
            host.query_selector("[data-question='nps'] svg.chart")
                .unwrap()
                .is_some()
        );
    }
}

/// A trainee's record of module `m`: done with `privacy` correct, or just assigned.
fn training_record(i: usize, privacy: Option<f64>) -> Record {
    Record {
        person_id: format!("p{i}"),
        module_id: "m".into(),
        module_version: 1,
        status: if privacy.is_some() {
            Stage::Done
        } else {
            Stage::Assigned
        },
        attempts: u32::from(privacy.is_some()),
        score: privacy,
        passed: privacy.map(|s| s >= 0.8),
        completed_at: None,
        topics: privacy
            .map(|s| ("privacy".to_string(), s))
            .into_iter()
            .collect(),
    }
}

/// The titles of the module the training tests speak of.
fn names() -> ModuleNames {
    ModuleNames {
        lessons: [(
            "mfa".to_string(),
            Text::new("Inloggen met MFA", "Signing in with MFA"),
        )]
        .into(),
        topics: [(
            "privacy".to_string(),
            Text::new("Privacy telt", "Privacy matters"),
        )]
        .into(),
    }
}

/// Results of 6 trainees on Windows (`done` of them done, 75% on privacy), 5 on Android and 2
/// on macOS, as the core groups them for the server (macOS is too small, so Android, the next
/// smallest, is hidden too).
fn training_results(done: usize) -> ModuleResults {
    let rows: Vec<(Attributes, Record)> = (0..13)
        .map(|i| {
            let platform = match i {
                0..6 => "windows",
                6..11 => "android",
                _ => "macos",
            };
            let attributes = Attributes::from([("platform".to_string(), platform.to_string())]);
            (attributes, training_record(i, (i < done).then_some(0.75)))
        })
        .collect();
    ModuleResults {
        module_id: "m".into(),
        version: 2,
        assigned: Some(13),
        groups: results_by_group(rows.iter().map(|(a, r)| (a, r)), &[] as &[&str]),
    }
}

#[wasm_bindgen_test]
async fn training_results_show_completion_and_topics_in_words_and_hide_small_groups() {
    let (host, _h) = mount(|| {
        provide_context(RwSignal::new(Lang::En));
        results_view(training_results(5), names(), &[])
    });
    settle().await;
    let windows = text_of(&host, "tr[data-group='platform=windows']");
    // Assigned, started, done, done in per cent: 6 trainees, 5 of them through.
    assert_eq!(
        texts_of(&host, "tr[data-group='platform=windows'] td.num"),
        ["6", "5", "5", "83%"]
    );
    assert!(
        windows.contains("Privacy matters: 75%"),
        "the topic's title: {windows}"
    );
    // Two macOS trainees, and Android so macOS cannot be worked out: no count, no score, and
    // the reason in words, each its own: five Android trainees are not "too small".
    for (group, why) in [
        ("macos", "fewer than 5 people"),
        ("android", "hidden beside a small group"),
    ] {
        let row = format!("tr[data-group='platform={group}']");
        let counts = host.query_selector_all(&format!("{row} td.num")).unwrap();
        assert_eq!(counts.length(), 4);
        for i in 0..counts.length() {
            let cell = counts.item(i).unwrap().text_content().unwrap_or_default();
            assert_eq!(cell, "—", "{group}: no count");
        }
        assert_eq!(text_of(&host, &format!("{row} td:last-child")), why);
    }
    assert!(text_of(&host, "p").contains("13 trainees assigned, version 2"));
    // The note gives both reasons, as the response rates' does.
    assert_eq!(
        text_of(&host, ".suppressed-note"),
        Msg::RatesSuppressed.text(Lang::En)
    );
}

#[wasm_bindgen_test]
async fn training_results_name_a_wave_as_the_program_does() {
    let rows: Vec<(Attributes, Record)> = (0..12)
        .map(|i| {
            let wave = if i < 6 { "pilot" } else { "wave-1" };
            let attributes = Attributes::from([("wave".to_string(), wave.to_string())]);
            (attributes, training_record(i, Some(0.75)))
        })
        .collect();
    let results = ModuleResults {
        groups: results_by_group(rows.iter().map(|(a, r)| (a, r)), &["pilot", "wave-1"]),
        ..training_results(0)
    };
    let waves = Program::parse(
        "name = \"x\"\n[[wave]]\nid = \"pilot\"\nname = \"Pilot IT\"\nstart = 2027-01-11\nend = 2027-01-29\n\
         [[wave]]\nid = \"wave-1\"\nstart = 2027-02-08\nend = 2027-02-26\n",
    )
    .unwrap()
    .waves;
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        results_view(results, names(), &waves)
    });
    settle().await;
    // The wave's name beside its id, as every other page names it; a wave without one by its id.
    assert!(text_of(&host, "tr[data-group='wave=pilot'] th").ends_with(": pilot (Pilot IT)"));
    assert!(text_of(&host, "tr[data-group='wave=wave-1'] th").ends_with(": wave-1"));
}

#[wasm_bindgen_test]
async fn fewer_than_five_assigned_says_so_once_without_a_table_of_dashes() {
    let (host, _h) = mount(|| {
        provide_context(RwSignal::new(Lang::Nl));
        let few = training_results(0);
        // What the server sends for 3 trainees: no total, every group hidden.
        let groups = few
            .groups
            .into_iter()
            .map(|mut g| {
                g.suppressed = true;
                g
            })
            .collect();
        results_view(
            ModuleResults {
                assigned: None,
                groups,
                ..training_results(0)
            },
            names(),
            &[],
        )
    });
    settle().await;
    assert_eq!(text_of(&host, "p"), Msg::AssignedFew.text(Lang::Nl));
    assert!(host.query_selector("table").unwrap().is_none());
    assert!(host.query_selector(".suppressed-note").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_topic_fewer_than_five_were_tested_on_shows_no_share() {
    for (lang, words) in [
        (Lang::En, "fewer than 5 people tested; hidden"),
        (Lang::Nl, "minder dan 5 mensen getoetst; verborgen"),
    ] {
        let (host, _h) = mount(move || {
            provide_context(RwSignal::new(lang));
            results_view(training_results(4), names(), &[])
        });
        settle().await;
        let windows = text_of(&host, "tr[data-group='platform=windows']");
        assert!(windows.contains(words), "{windows}");
        assert!(!windows.contains("75%"), "four people's score: {windows}");
    }
}

#[wasm_bindgen_test]
async fn who_must_restudy_lists_each_person_with_only_what_changed() {
    let list = RestudyList {
        module_id: "m".into(),
        version: 3,
        people: vec![PersonRestudy {
            person_id: "p7".into(),
            restudy: Restudy {
                lessons: vec!["mfa".into()],
                topics: vec!["privacy".into()],
            },
        }],
    };
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        restudy_view(list, names())
    });
    settle().await;
    assert_eq!(
        text_of(&host, "p"),
        "1 deelnemer moet iets opnieuw doen in versie 3.",
        "one trainee, in the singular"
    );
    let row = text_of(&host, "tr[data-person='p7']");
    assert!(
        row.contains("Inloggen met MFA") && row.contains("Privacy telt"),
        "titles in the page's language, not ids: {row}"
    );
    assert!(!row.contains("mfa,") && !row.contains("privacy"), "{row}");

    let none = RestudyList {
        module_id: "m".into(),
        version: 2,
        people: Vec::new(),
    };
    let (host, _h2) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        restudy_view(none, ModuleNames::default())
    });
    settle().await;
    assert_eq!(
        text_of(&host, "p"),
        "Nobody has to re-study anything in version 2."
    );
    assert!(host.query_selector("table").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_module_pages_tables_are_regions_of_their_own_name_and_its_headings_skip_no_level() {
    let list = RestudyList {
        module_id: "m".into(),
        version: 3,
        people: vec![PersonRestudy {
            person_id: "p7".into(),
            restudy: Restudy {
                lessons: vec!["mfa".into()],
                topics: vec!["privacy".into()],
            },
        }],
    };
    let summary = ModuleSummary {
        id: "m".into(),
        title: Text::new("Module", "Module"),
        version: 1,
        estimate_minutes: 10,
        versions: vec![VersionSummary {
            version: 1,
            published_at: "2026-11-02T12:00:00Z".into(),
            substantive: Vec::new(),
            editorial: Vec::new(),
        }],
        assigned: 1,
        names: names(),
        targets: Default::default(),
    };
    // As the page puts them: the title, the versions, then each table in its card.
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        view! {
            <h1>"Module"</h1>
            {versions_view(summary)}
            <section aria-labelledby="training-results-title">
                <h2 id="training-results-title">{Msg::TrainingResultsTitle.text(Lang::En)}</h2>
                {results_view(training_results(5), names(), &[])}
            </section>
            <section aria-labelledby="restudy-title">
                <h2 id="restudy-title">{Msg::RestudyTitle.text(Lang::En)}</h2>
                {restudy_view(list, names())}
            </section>
        }
    });
    settle().await;
    assert!(
        host.query_selector("h3").unwrap().is_none(),
        "no h3 under the h1"
    );
    assert_eq!(
        text_of(&host, "h2"),
        Msg::ModuleVersions.text(Lang::En),
        "the versions' heading follows the title a level down"
    );
    let regions = host.query_selector_all("[role=region]").unwrap();
    let names: Vec<String> = (0..regions.length())
        .map(|i| {
            let r: web_sys::Element =
                wasm_bindgen::JsCast::unchecked_into(regions.item(i).unwrap());
            assert!(
                r.get_attribute("aria-labelledby").is_none(),
                "named apart from its card"
            );
            r.get_attribute("aria-label").unwrap_or_default()
        })
        .collect();
    assert_eq!(
        names,
        [
            Msg::ResultsTableLabel.text(Lang::En),
            Msg::RestudyTableLabel.text(Lang::En)
        ]
    );
    for name in &names {
        assert!(
            name != Msg::TrainingResultsTitle.text(Lang::En)
                && name != Msg::RestudyTitle.text(Lang::En)
        );
    }
}

#[wasm_bindgen_test]
fn a_segment_is_sent_only_with_both_an_attribute_and_a_value() {
    use wavegate_planner::components::group_choice::GroupFields;
    let group = GroupFields::new();
    assert_eq!(group.chosen(), (None, Default::default()));
    group.wave.set("wave-1".into());
    group.attribute.set("department".into());
    group.value.set("   ".into());
    assert_eq!(group.chosen(), (Some("wave-1".into()), Default::default()));
    group.value.set(" Finance ".into());
    assert_eq!(
        group.chosen().1,
        std::collections::BTreeMap::from([("department".to_string(), "Finance".to_string())])
    );
    group.attribute.set(String::new());
    assert!(group.chosen().1.is_empty(), "a value without its attribute");
}

#[wasm_bindgen_test]
async fn a_modules_versions_name_their_lessons_and_dates_in_the_pages_language() {
    let summary = ModuleSummary {
        id: "m".into(),
        title: Text::new("Module", "Module"),
        version: 2,
        estimate_minutes: 8,
        versions: vec![
            VersionSummary {
                version: 1,
                published_at: "2026-11-02T12:00:00Z".into(),
                substantive: Vec::new(),
                editorial: Vec::new(),
            },
            VersionSummary {
                version: 2,
                published_at: "2026-11-29T12:00:00Z".into(),
                substantive: vec!["mfa".into()],
                editorial: Vec::new(),
            },
        ],
        assigned: 1,
        names: names(),
        targets: Default::default(),
    };
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        versions_view(summary)
    });
    settle().await;
    let latest = text_of(&host, ".version-list li");
    assert!(
        latest.starts_with("versie 2, gepubliceerd op 29 november 2026, ")
            && latest.ends_with(" · inhoudelijk gewijzigd: Inloggen met MFA"),
        "{latest}"
    );
    assert!(
        !latest.contains("2026-11-29") && !latest.contains("mfa"),
        "{latest}"
    );
}

#[wasm_bindgen_test]
async fn a_module_says_whom_it_is_for_before_anyone_assigns_it() {
    let summary = ModuleSummary {
        id: "admin-operations".into(),
        title: Text::new("Dagelijks beheer", "Daily operations"),
        version: 1,
        estimate_minutes: 15,
        versions: Vec::new(),
        assigned: 0,
        names: ModuleNames::default(),
        targets: [(
            "role".to_string(),
            vec!["admin".to_string(), "beheerder".to_string()],
        )]
        .into(),
    };
    let lang = RwSignal::new(Lang::Nl);
    let (host, _h) = mount(move || {
        provide_context(lang);
        versions_view(summary)
    });
    settle().await;
    assert_eq!(
        text_of(&host, ".module-targets"),
        "Voor wie: rol admin of beheerder."
    );
    lang.set(Lang::En);
    settle().await;
    assert_eq!(
        text_of(&host, ".module-targets"),
        "Who it is for: role admin or beheerder."
    );
}

#[wasm_bindgen_test]
fn an_assignment_that_reached_nobody_says_whom_the_module_waits_for_and_what_to_do() {
    use wavegate_core::training::wire::Assigned;
    use wavegate_planner::pages::training_module::assigned_text;
    let nobody = Assigned {
        people: 300,
        targeted: 0,
        created: 0,
        existing: 0,
        renewed: 0,
        targets: [("role".to_string(), vec!["admin".to_string()])].into(),
    };
    let nl = assigned_text(&nobody, Lang::Nl);
    assert!(
        nl.ends_with(
            "Niemand in deze selectie hoort bij de doelgroep van de module (rol admin), dus er zijn geen links gemaakt. \
             Kies een andere golf of een ander segment, of kijk of de personeelslijst die kenmerken heeft."
        ),
        "{nl}"
    );
    let en = assigned_text(&nobody, Lang::En);
    assert!(en.contains("(role admin)"), "{en}");
    // Whoever was reached hears nothing of it.
    let some = Assigned {
        targeted: 2,
        created: 2,
        ..nobody
    };
    assert!(!assigned_text(&some, Lang::Nl).contains("Niemand"));
}

/// Two stored evaluations of wave-2, a week apart: iOS had no readiness at the first and
/// 74/57 at the second; Windows was not in the first report.
fn history() -> Vec<EvaluationSummary> {
    let seg = |pairs: &[(&str, &str)]| -> Segment {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let shown = |segment: Segment, n, estimate, conservative| SegmentReadiness {
        segment,
        n,
        state: State::Fail,
        readiness: ReadinessScore {
            estimate,
            conservative,
        },
    };
    let evaluation = |id: u64, day: &str, segments: Vec<SegmentReadiness>| EvaluationSummary {
        id,
        at: NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap(),
        lang: Lang::En,
        created_at: format!("{day}T09:00:00Z"),
        created_by: "ann@example.org".into(),
        next_wave: Some("wave-2".into()),
        decision: Some(DecisionKind::Split),
        readiness: Some(ReadinessScore {
            estimate: Some(90),
            conservative: Some(80),
        }),
        everything_passes: false,
        inputs: Vec::new(),
        segments: Some(segments),
    };
    let wave = seg(&[("wave", "wave-2")]);
    let ios = seg(&[("platform", "iOS")]);
    vec![
        evaluation(
            2,
            "2027-02-08",
            vec![
                shown(wave.clone(), 190, Some(88), Some(79)),
                shown(ios.clone(), 55, Some(74), Some(57)),
                shown(seg(&[("platform", "Windows")]), 80, Some(94), Some(85)),
            ],
        ),
        evaluation(
            1,
            "2027-02-01",
            vec![
                shown(wave, 190, Some(85), Some(75)),
                shown(ios, 54, None, None),
            ],
        ),
    ]
}

#[wasm_bindgen_test]
async fn picking_a_segment_draws_it_and_the_sentence_and_table_follow() {
    let selected = RwSignal::new(None::<SeriesKey>);
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        view! { <Trend list=history() lang=Lang::En selected=selected /> }
    });
    settle().await;
    assert!(text_of(&host, "#trend-desc").starts_with("2 stored evaluations"));
    let rows = || {
        host.query_selector_all("table.trend-table tbody tr")
            .unwrap()
    };
    assert_eq!(rows().length(), 2);
    assert!(text_of(&host, "table.trend-table tbody").contains("90/80"));

    // The segments are offered under their wave, named as in the heatmap.
    let select: web_sys::HtmlSelectElement = host
        .query_selector("select#trend-series")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        text_of(&host, "label[for='trend-series']"),
        "The lines show"
    );
    let group = host.query_selector("optgroup").unwrap().unwrap();
    assert_eq!(group.get_attribute("label").unwrap(), "Segments of wave-2");
    let names: Vec<String> = (0..select.length())
        .filter_map(|i| select.item(i))
        .map(|o| o.text_content().unwrap().trim().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "Who goes ahead by the decision",
            "The whole wave-2",
            "Platform iOS",
            "Platform Windows"
        ]
    );

    let ios = (0..select.length())
        .filter_map(|i| select.item(i))
        .find(|o| o.text_content().unwrap().trim() == "Platform iOS")
        .unwrap()
        .get_attribute("value")
        .unwrap();
    select.set_value(&ios);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        selected.get_untracked().map(|k| (k.wave, k.segment)),
        Some((
            "wave-2".to_string(),
            Segment::from([("platform".to_string(), "iOS".to_string())])
        ))
    );
    assert_eq!(
        text_of(&host, "#trend-desc"),
        "Platform iOS in wave-2: a readiness at 1 of the 2 stored evaluations of this wave, \
         from 1 February 2027 to 8 February 2027; the latest, on 8 February 2027: 74 (conservative 57)."
    );
    assert_eq!(rows().length(), 2);
    let row = |i: u32| rows().item(i).unwrap().text_content().unwrap();
    assert!(
        row(0).contains("8 February 2027") && row(0).contains("55"),
        "{}",
        row(0)
    );
    assert!(row(0).contains("74") && row(0).contains("57"), "{}", row(0));
    assert!(row(1).contains("54") && row(1).contains("–"), "{}", row(1));
    assert_eq!(
        text_of(&host, "table.trend-table caption"),
        "Platform iOS in wave-2"
    );
    // One dot per figure it had; no line, since the first date had no number.
    assert_eq!(
        host.query_selector_all("svg circle.dot").unwrap().length(),
        2
    );
    let path = host
        .query_selector("svg path.actual")
        .unwrap()
        .unwrap()
        .get_attribute("d")
        .unwrap();
    assert_eq!(path, "", "a gap, not a line from nothing");

    // Windows was not in the first report: a gap and "not in the report".
    let windows = (0..select.length())
        .filter_map(|i| select.item(i))
        .find(|o| o.text_content().unwrap().trim() == "Platform Windows")
        .unwrap()
        .get_attribute("value")
        .unwrap();
    select.set_value(&windows);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert!(row(1).contains("not in the report"), "{}", row(1));

    // Back to each wave's decision.
    select.set_value("");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(selected.get_untracked(), None);
    assert!(text_of(&host, "table.trend-table tbody").contains("90/80"));
}

/// Waits `ms` milliseconds: long enough for a frame, where a view measures its layout.
async fn frames(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
}

/// On a 390-pixel phone the trend is drawn at its real size, one unit a pixel, so its 12-pixel
/// labels are not shrunk: it scrolls sideways in a region of its own, which says so.
#[wasm_bindgen_test]
async fn on_a_phone_the_trend_keeps_its_real_size_and_scrolls_under_a_cue() {
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        let selected = RwSignal::new(None::<SeriesKey>);
        view! { <Trend list=history() lang=Lang::En selected=selected /> }
    });
    // A 390-pixel phone's card, less its padding.
    host.set_attribute("style", "width: 358px").unwrap();
    for _ in 0..5 {
        settle().await;
        frames(20).await;
    }
    let svg = host.query_selector("svg.trend-chart").unwrap().unwrap();
    let view_box = svg.get_attribute("viewBox").unwrap();
    let width = svg.get_attribute("width").unwrap();
    assert_eq!(
        view_box.split(' ').nth(2),
        Some(width.as_str()),
        "one unit a pixel"
    );
    assert_eq!(
        svg.client_width().to_string(),
        width,
        "not shrunk to the phone's width"
    );
    let region = host
        .query_selector(".chart-scroll[role=region]")
        .unwrap()
        .unwrap();
    assert!(region.contains(Some(&svg)));
    assert_eq!(
        region.get_attribute("aria-describedby").as_deref(),
        Some("trend-cue")
    );
    let cue = host.query_selector("#trend-cue").unwrap().unwrap();
    assert!(
        !cue.has_attribute("hidden"),
        "wider than the phone: the cue shows"
    );
    assert!(cue.text_content().unwrap().contains("scroll it sideways"));
}

/// One stored evaluation: each line is a single point, and a path draws no point, so both
/// figures must stand as dots (the conservative one used to be in the legend only).
#[wasm_bindgen_test]
async fn one_stored_evaluation_draws_the_estimate_and_the_conservative_figure() {
    let one: Vec<EvaluationSummary> = history().into_iter().take(1).collect();
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        let selected = RwSignal::new(None::<SeriesKey>);
        view! { <Trend list=one.clone() lang=Lang::En selected=selected /> }
    });
    settle().await;
    let cy = |selector: &str| -> Vec<String> {
        let found = host.query_selector_all(selector).unwrap();
        (0..found.length())
            .filter_map(|i| found.item(i))
            .map(|n| {
                n.unchecked_into::<web_sys::Element>()
                    .get_attribute("cy")
                    .unwrap()
            })
            .collect()
    };
    let estimate = cy("svg circle.dot:not(.dot-conservative)");
    let conservative = cy("svg circle.dot-conservative");
    assert_eq!((estimate.len(), conservative.len()), (1, 1));
    assert_ne!(
        estimate, conservative,
        "90 and 80 are drawn at their own heights"
    );
}

/// Four waves evaluated on 1 February 2027: a pilot of 12 of whom 9 enrolled over three days,
/// a next wave of 10 with one early device, a wave of 3 (too small to show) and one of 6
/// (hidden beside it); or the same without devices.csv.
fn timeline_report(devices: bool) -> wavegate_core::readiness::Report {
    use wavegate_core::readiness::data::{Compliance, Device, Inputs, Roster};
    use wavegate_core::readiness::{DataSet, evaluate};
    let waves = [
        ("pilot", "2027-01-11", "2027-01-29", 10),
        ("wave-1", "2027-02-08", "2027-02-26", 40),
        ("wave-2", "2027-03-08", "2027-03-26", 40),
        ("wave-3", "2027-04-05", "2027-04-23", 40),
    ];
    let mut toml = "name = \"Timeline\"\n".to_string();
    for (id, start, end, planned) in waves {
        toml += &format!(
            "[[wave]]\nid = \"{id}\"\nstart = \"{start}\"\nend = \"{end}\"\nplanned_size = {planned}\n"
        );
    }
    let program = Program::parse(&toml).unwrap();
    let mut roster = Roster::default();
    let mut person = 0;
    for (w, n) in [12, 10, 3, 6].into_iter().enumerate() {
        for _ in 0..n {
            person += 1;
            roster.push(
                &format!("p{person}"),
                Some(&format!("p{person}@x.org")),
                w,
                &[],
            );
        }
    }
    let device = |p: usize, at: &str| Device {
        upn: Some(format!("p{p}@x.org")),
        os: "Windows".into(),
        compliance: Compliance::Compliant,
        enrolled_at: wavegate_core::dates::parse_datetime(at).unwrap(),
    };
    let mut list: Vec<Device> = (1..=9)
        .map(|p| {
            device(
                p,
                ["2027-01-12 09:00", "2027-01-13 09:00", "2027-01-15 09:00"][p % 3],
            )
        })
        .collect();
    list.push(device(13, "2027-01-25 09:00"));
    let inputs = Inputs {
        devices: devices.then_some(list),
        ..Inputs::default()
    };
    let at = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    evaluate(
        &DataSet::new(&program, roster, inputs),
        &program,
        at,
        Lang::En,
        &[],
    )
}

#[wasm_bindgen_test]
async fn the_timeline_draws_each_shown_wave_and_says_every_figure_in_words() {
    let report = timeline_report(true);
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        timeline(&report)
    });
    settle().await;
    let all = |selector: &str| host.query_selector_all(selector).unwrap().length();
    // A line for the pilot and for the next wave (one early device); none for the hidden two.
    assert_eq!(all("svg.chart path.actual"), 2);
    assert_eq!(all("svg.chart line.planned"), 4);
    assert_eq!(all("svg.chart line.advice"), 1);
    let labels = text_of(&host, "svg.chart");
    for name in ["pilot: 9", "wave-1: 1", "wave-2", "wave-3"] {
        assert!(labels.contains(name), "{name} in {labels}");
    }
    // Each wave's start with its month in words: 08-03 is 3 August to an American.
    for date in ["11 Jan", "8 Feb", "8 Mar", "5 Apr"] {
        assert!(labels.contains(date), "{date} in {labels}");
    }
    assert!(!labels.contains("08-03"), "{labels}");
    let desc = text_of(&host, "#timeline-desc");
    for part in [
        "On 1 February 2027, enrolled against planned per wave: ",
        "pilot (11 January 2027 to 29 January 2027): 10 planned, 12 in the roster, 9 enrolled; ",
        "wave-1 (8 February 2027 to 26 February 2027): 40 planned, 10 in the roster, 1 enrolled; ",
        "wave-2 (8 March 2027 to 26 March 2027): 40 planned, 3 in the roster, enrollment not shown (fewer than 5 people); ",
        "wave-3 (5 April 2027 to 23 April 2027): 40 planned, 6 in the roster, enrollment not shown (hidden beside a small group).",
        "The advice for wave-1: ",
    ] {
        assert!(desc.contains(part), "{part:?} in {desc}");
    }
    assert_eq!(all("details.chart-table tbody tr"), 4);
    assert!(text_of(&host, "details.chart-table thead").contains("Enrolled by 1 February 2027"));
    // The reports' own table: dates, figures, and why a count is hidden rather than a dash.
    let hidden = text_of(&host, "details.chart-table tbody tr:nth-child(3)");
    assert!(
        hidden.starts_with("wave-28 March 202726 March 2027403"),
        "{hidden}"
    );
    assert_eq!(
        text_of(
            &host,
            "details.chart-table tbody tr:nth-child(3) td:nth-of-type(5)"
        ),
        "hidden (fewer than 5 people)"
    );
}

#[wasm_bindgen_test]
async fn without_devices_the_timeline_says_so_instead_of_drawing_empty_lines() {
    let report = timeline_report(false);
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        timeline(&report)
    });
    settle().await;
    assert!(host.query_selector("svg").unwrap().is_none());
    assert_eq!(
        text_of(&host, ".banner"),
        Msg::TimelineNoDevices.text(Lang::En)
    );
    let desc = text_of(&host, "#timeline-desc");
    assert!(
        desc.contains("pilot (11 January 2027 to 29 January 2027): 10 planned, 12 in the roster; "),
        "{desc}"
    );
    assert!(!desc.contains("enrolled;"), "{desc}");
    assert_eq!(
        host.query_selector_all("details.chart-table tbody tr")
            .unwrap()
            .length(),
        4
    );
}

#[wasm_bindgen_test]
async fn a_named_wave_is_read_by_its_label_under_the_chart() {
    let mut report = timeline_report(true);
    report.next_wave_name = Some("Regio Noord".into());
    report.enrollment_timeline[1].name = Some("Regio Noord".into());
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        timeline(&report)
    });
    settle().await;
    let desc = text_of(&host, "#timeline-desc");
    for part in [
        "wave-1 (Regio Noord) (8 February 2027 to 26 February 2027): 40 planned, ",
        "The advice for wave-1 (Regio Noord): ",
    ] {
        assert!(desc.contains(part), "{part:?} in {desc}");
    }
    let row = text_of(&host, "details.chart-table tbody tr:nth-child(2) th");
    assert_eq!(row, "wave-1 (Regio Noord)");
}

#[wasm_bindgen_test]
async fn a_file_problem_shows_its_column_names_as_code_not_backticks() {
    use wavegate_planner::components::file_problem::FileProblemView;
    let problem = wavegate_core::api::FileProblem {
        file: "roster.csv".into(),
        line: Some(1),
        column: None,
        column_name: None,
        message: "roster.csv, line 1: missing required column `person_id` or `id`".into(),
    };
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        view! { <FileProblemView problem=problem.clone() /> }
    });
    settle().await;
    let message = text_of(&host, ".file-problem-message");
    assert_eq!(message, "missing required column person_id or id");
    assert_eq!(text_of(&host, ".file-problem-message code"), "person_id");
}

/// Lets the page catch up until `done` holds (focus moves after a redraw, and again once a
/// page's heading is there), or gives up after about a second.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..250 {
        if done() {
            return;
        }
        settle().await;
    }
}

fn focused() -> Option<web_sys::Element> {
    wavegate_ui::test_support::document().active_element()
}

#[wasm_bindgen_test]
async fn after_moving_to_another_page_focus_is_on_its_heading_not_the_body() {
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::path;
    let (host, _h) = mount(|| {
        view! {
            <Router>
                <wavegate_planner::FocusOnNavigation />
                <main id="main" tabindex="-1">
                    <Routes fallback=|| view! { <h1>"Start"</h1><a id="to-files" href="/focus-test/files">"Files"</a> }>
                        <Route path=path!("/focus-test/files") view=|| view! { <h1 id="files-title">"Files"</h1> } />
                    </Routes>
                </main>
            </Router>
        }
    });
    settle().await;
    let link: web_sys::HtmlElement = host
        .query_selector("#to-files")
        .unwrap()
        .unwrap()
        .unchecked_into();
    link.focus().unwrap();
    link.click();
    until(|| focused().is_some_and(|e| e.id() == "files-title")).await;
    let now = focused().unwrap();
    assert_eq!(now.id(), "files-title", "{:?}", now.tag_name());
    // Reachable by script, not a stop of its own for Tab.
    assert_eq!(now.get_attribute("tabindex").as_deref(), Some("-1"));
    // The test page's own address back, for the tests after this one.
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_programs_page_is_titled_by_the_page_and_the_programs_name_in_its_language() {
    use wavegate_planner::pages::{ProgramNames, ProgramNav, Tab};
    let lang = RwSignal::new(Lang::Nl);
    let (_host, _h) = mount(move || {
        provide_context(lang);
        ProgramNames::provide();
        ProgramNames::get().learn("demo", "Uitrol Contoso");
        let program = Memo::new(|_| "demo".to_string());
        view! { <ProgramNav program=program current=Tab::Readiness /> }
    });
    settle().await;
    let title = || wavegate_ui::test_support::document().title();
    assert_eq!(title(), "Gereedheid · Uitrol Contoso — Wavegate");
    lang.set(Lang::En);
    settle().await;
    assert_eq!(title(), "Readiness · Uitrol Contoso — Wavegate");
    drop(_h);

    // A page of its own within a tab says itself, not the tab (inviting a group, one survey).
    let (_host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        let program = Memo::new(|_| "contoso".to_string());
        let own = Signal::derive(|| "Een groep uitnodigen".to_string());
        view! { <ProgramNav program=program current=Tab::Readiness title=own /> }
    });
    settle().await;
    // Without the name known (no server here), the program's id.
    assert_eq!(title(), "Een groep uitnodigen · contoso — Wavegate");
}

#[wasm_bindgen_test]
async fn agreement_figures_name_their_points_and_chart_names_keep_one_full_stop() {
    let (survey, summary) = pilot_summary(12, &SummaryOptions::default());
    let (host, _h) = mount_group(survey, summary);
    settle().await;
    let text = host.text_content().unwrap();
    assert!(text.contains("Agree (4–5): "), "{text}");
    assert!(text.contains("Disagree (1–2): "), "{text}");
    assert!(
        !text.contains("top 2") && !text.contains("bottom 2"),
        "{text}"
    );
    let charts = host.query_selector_all("svg.chart").unwrap();
    assert!(charts.length() > 0);
    for i in 0..charts.length() {
        let chart: web_sys::Element = charts.item(i).unwrap().unchecked_into();
        let name = chart.get_attribute("aria-label").unwrap();
        assert!(
            !name.contains("..") && !name.contains("?.") && !name.contains("!."),
            "{name}"
        );
        assert!(
            name.contains(". ") || name.contains("? ") || name.contains(": "),
            "{name}"
        );
    }
}

#[wasm_bindgen_test]
fn a_planned_size_may_be_written_with_thousands_separators_but_no_decimals() {
    use wavegate_planner::pages::program_form::fields::{ProgramFields, whole_number};
    for written in ["1390", "1.390", "1 390", "1,390", "1\u{a0}390", " 1.390 "] {
        assert_eq!(whole_number(written), Some(1390), "{written:?}");
    }
    assert_eq!(whole_number("21.250.000"), Some(21_250_000));
    // A separator that does not part thousands is a decimal or a typing error: no count.
    for wrong in [
        "1,5", "13.90", "1.39", ".390", "1390.", "1.3900", "12a", "", "-5",
    ] {
        assert_eq!(whole_number(wrong), None, "{wrong:?}");
    }

    let fields = ProgramFields::new(&program(), &ProgramSupport::default(), Lang::Nl);
    fields.waves.get_untracked()[0].planned.set("1.390".into());
    let read = fields.read();
    assert_eq!(read.program.waves[0].planned_size, Some(1390));
    assert!(read.all_problems().is_empty(), "{:?}", read.all_problems());
}

#[wasm_bindgen_test]
async fn a_question_nobody_answered_says_so_instead_of_a_table_of_zeros() {
    // The iOS profile question is asked on iOS only: with Windows users only, nobody answered.
    ios_question_says(
        &[("Windows", 6)],
        "no-answers",
        [
            (Lang::En, "No answers to this question yet"),
            (Lang::Nl, "Nog geen antwoorden op deze vraag"),
        ],
    )
    .await;
}

#[wasm_bindgen_test]
async fn the_import_pickers_name_says_its_file_without_a_hidden_copy_of_the_heading() {
    use wavegate_planner::components::upload::FilePicker;
    let (host, _h) = mount(|| {
        provide_context(RwSignal::new(Lang::Nl));
        view! {
            <h2 id="import-roster">"Roster"</h2>
            <FilePicker id="file-roster".to_string() label=Msg::ChooseFile accept=".csv"
                on_file=|_| () disabled=Signal::stored(false) named_by="import-roster".to_string() />
        }
    });
    settle().await;
    let input = host.query_selector("#file-roster").unwrap().unwrap();
    assert_eq!(
        input.get_attribute("aria-labelledby").as_deref(),
        Some("import-roster file-roster-label"),
        "the heading, then the label"
    );
    assert_eq!(
        text_of(&host, "label[for='file-roster']"),
        Msg::ChooseFile.text(Lang::Nl),
        "read through, the heading is said once"
    );
}

/// While it lives, the page's requests reach a planner API in the page itself: signed in as a
/// planner, the program `contoso`'s roster with 12 people in `pilot` and 1 to 4 in `wave-1`, and
/// every save taken. `window.confirm` answers `window.__answer` and keeps what it was asked.
struct PlannerApi;

impl PlannerApi {
    fn start() -> PlannerApi {
        js_sys::eval(
            r#"window.__realFetch = window.__realFetch || window.fetch;
            window.__realConfirm = window.__realConfirm || window.confirm;
            window.__calls = [];
            window.__asked = [];
            window.__answer = false;
            window.confirm = (m) => { window.__asked.push(m); return window.__answer; };
            window.fetch = async (input, init) => {
              const req = new Request(input, init);
              const path = new URL(req.url).pathname;
              window.__calls.push(`${req.method} ${path}`);
              const json = (body) => new Response(JSON.stringify(body),
                { status: 200, headers: { "content-type": "application/json" } });
              if (path === "/api/v1/session") {
                return json({ email: "p@example.org", role: "planner", csrf_token: "t", expires_at: "2099-01-01T00:00:00Z" });
              }
              if (path.endsWith("/roster/groups")) {
                return json({
                  waves: [{ wave: "pilot", size: { people: 12, suppressed: false } },
                          { wave: "wave-1", size: { people: null, suppressed: true } }],
                  total: { people: 15, suppressed: false }, attributes: window.__attributes || [] });
              }
              if (path.endsWith("/support")) return json({});
              if (/\/communications\/\d+$/.test(path) && req.method === "PUT" && window.__refusal) {
                return new Response(JSON.stringify(window.__refusal),
                  { status: 422, headers: { "content-type": "application/json" } });
              }
              if (path.endsWith("/lessons")) return json(window.__lessons || []);
              if (path.endsWith("/communications")) {
                if (req.method === "POST" && window.__refusal) {
                  return new Response(JSON.stringify(window.__refusal),
                    { status: 422, headers: { "content-type": "application/json" } });
                }
                return json(window.__messages || []);
              }
              if (path.endsWith("/rates")) return json(window.__rates);
              if (path.endsWith("/reminders")) {
                return json({ anonymous: false, responses: 0, non_responders: 0, due: 0, reminded_before: 0 });
              }
              return json({ id: "contoso", name: "Uitrol", program: window.__program || null, support: {}, created_at: "2027-01-01T00:00:00Z" });
            };"#,
        )
        .unwrap();
        PlannerApi
    }

    fn asked() -> Vec<String> {
        let asked = js_sys::eval("JSON.stringify(window.__asked)").unwrap();
        serde_json::from_str(&asked.as_string().unwrap()).unwrap()
    }

    fn saves() -> usize {
        js_sys::eval("window.__calls.filter((c) => c.startsWith('PUT')).length")
            .unwrap()
            .as_f64()
            .unwrap() as usize
    }

    fn answer(yes: bool) {
        js_sys::eval(&format!("window.__answer = {yes};")).unwrap();
    }
}

impl Drop for PlannerApi {
    fn drop(&mut self) {
        js_sys::eval(
            "window.fetch = window.__realFetch || window.fetch; \
             window.confirm = window.__realConfirm || window.confirm; \
             delete window.__program; delete window.__attributes; delete window.__rates; \
             delete window.__messages; delete window.__refusal; delete window.__lessons;",
        )
        .unwrap();
    }
}

/// Unmounts a view and runs its cleanups: the router's listeners on the window keep its owner
/// alive, so dropping the mount alone would leave the form's listeners on for later tests. The
/// test page's own address comes back too, should a link have been followed.
struct Disposed<H>(Owner, Option<H>);

impl<H> Drop for Disposed<H> {
    fn drop(&mut self) {
        self.1.take();
        self.0.cleanup();
        let history = web_sys::window().unwrap().history().unwrap();
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
            .unwrap();
    }
}

/// Mounts `view` as a planner's page in Dutch, with a session, and the owner that disposes it.
fn mount_planner_page<N: IntoView + 'static>(
    view: impl FnOnce() -> N + 'static,
) -> (web_sys::HtmlElement, impl Drop) {
    let owner = std::rc::Rc::new(std::cell::RefCell::new(None));
    let (host, handle) = mount({
        let owner = owner.clone();
        move || {
            *owner.borrow_mut() = Owner::current();
            provide_context(RwSignal::new(Lang::Nl));
            wavegate_planner::session::Session::provide();
            view()
        }
    });
    let owner = owner.borrow_mut().take().unwrap();
    (host, Disposed(owner, Some(handle)))
}

/// Waits until the program form under `host` shows its save button.
async fn until_the_form_is_shown(host: &web_sys::HtmlElement) {
    until(|| {
        host.query_selector("button[type=submit]")
            .unwrap()
            .is_some()
    })
    .await;
}

/// The program form of `program()` as `contoso`'s settings page shows it to a planner, beside a
/// link to another page of the app, once it shows its save button.
async fn mount_program_form() -> (web_sys::HtmlElement, impl Drop) {
    use leptos_router::components::Router;
    use wavegate_planner::pages::program_form::{Mode, ProgramForm};
    let (host, disposed) = mount_planner_page(|| {
        view! {
            <Router>
                <a id="to-files" href="/planner/programs/contoso/files">"Bestanden"</a>
                <ProgramForm program=program() support=ProgramSupport::default() mode=Mode::Edit("contoso".into()) />
            </Router>
        }
    });
    until_the_form_is_shown(&host).await;
    (host, disposed)
}

fn element(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

/// Whether leaving the page now is let through (`beforeunload` not cancelled).
fn may_unload() -> bool {
    js_sys::eval("window.dispatchEvent(new Event('beforeunload', { cancelable: true }))")
        .unwrap()
        .is_truthy()
}

fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

#[wasm_bindgen_test]
async fn unsaved_edits_of_a_program_are_not_lost_without_asking() {
    let _api = PlannerApi::start();
    let (host, _h) = mount_program_form().await;
    assert!(may_unload(), "nothing changed yet");

    let name: web_sys::HtmlInputElement = element(&host, "#f-name").unchecked_into();
    name.set_value("Uitrol 2027");
    name.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert!(!may_unload(), "the browser asks before the tab closes");
    let before = pathname();
    element(&host, "#to-files").click();
    settle().await;
    assert_eq!(
        PlannerApi::asked(),
        [Msg::UnsavedProgram.text(Lang::Nl)],
        "asked in the page's language"
    );
    assert_eq!(pathname(), before, "stayed: the answer was no");

    // Saved, nothing is asked any more.
    PlannerApi::answer(true);
    element(&host, "button[type=submit]").click();
    until(|| PlannerApi::saves() == 2).await;
    until(|| !element(&host, "#program-saved").has_attribute("hidden")).await;
    assert!(may_unload(), "saved");
}

/// The program form on a page of its own in a router, reached from a start page by a link, once
/// it shows its save button: the way back is a step in the browser's history.
async fn mount_program_page() -> (web_sys::HtmlElement, impl Drop) {
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::path;
    use wavegate_planner::pages::program_form::{Mode, ProgramForm};
    let (host, disposed) = mount_planner_page(|| {
        wavegate_planner::components::unsaved::guard_history();
        view! {
            <Router>
                <Routes fallback=|| view! { <h1 id="start">"Start"</h1><a id="to-program" href="/planner/programs/contoso">"Uitrol"</a> }>
                    <Route path=path!("/planner/programs/contoso") view=|| view! {
                        <ProgramForm program=program() support=ProgramSupport::default() mode=Mode::Edit("contoso".into()) />
                    } />
                </Routes>
            </Router>
        }
    });
    until(|| host.query_selector("#to-program").unwrap().is_some()).await;
    element(&host, "#to-program").click();
    until_the_form_is_shown(&host).await;
    (host, disposed)
}

fn edit_the_name(host: &web_sys::HtmlElement) {
    let name: web_sys::HtmlInputElement = element(host, "#f-name").unchecked_into();
    name.set_value("Uitrol 2027");
    name.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn back() {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
}

/// Lets the page catch up a few times: long enough for a router that followed `popstate` to
/// draw the other page.
async fn a_while() {
    for _ in 0..10 {
        settle().await;
    }
}

#[wasm_bindgen_test]
async fn back_with_unsaved_edits_asks_and_no_keeps_the_form_and_its_edits() {
    let _api = PlannerApi::start();
    let (host, _h) = mount_program_page().await;
    let form = pathname();
    assert_eq!(form, "/planner/programs/contoso");
    edit_the_name(&host);

    back();
    until(|| !PlannerApi::asked().is_empty()).await;
    a_while().await;
    assert_eq!(
        PlannerApi::asked(),
        [Msg::UnsavedProgram.text(Lang::Nl)],
        "asked in the page's language"
    );
    assert_eq!(pathname(), form, "the address is the form's again");
    assert!(
        host.query_selector("#start").unwrap().is_none(),
        "the router did not follow: its listener came after the question"
    );
    let name: web_sys::HtmlInputElement = element(&host, "#f-name").unchecked_into();
    assert_eq!(name.value(), "Uitrol 2027", "the edits are still there");
    assert!(!may_unload(), "and still unsaved");

    // Yes: back to the start page, once more asked.
    PlannerApi::answer(true);
    back();
    until(|| host.query_selector("#start").unwrap().is_some()).await;
    assert_eq!(PlannerApi::asked().len(), 2);
    assert_eq!(pathname(), "/");
    assert!(host.query_selector("#f-name").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn back_without_edits_asks_nothing() {
    let _api = PlannerApi::start();
    let (host, _h) = mount_program_page().await;
    back();
    until(|| host.query_selector("#start").unwrap().is_some()).await;
    assert_eq!(pathname(), "/");
    assert!(host.query_selector("#f-name").unwrap().is_none());
    assert_eq!(PlannerApi::asked(), Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn signing_out_asks_only_while_edits_are_unsaved() {
    use wavegate_planner::components::unsaved::may_leave;
    let _api = PlannerApi::start();
    let (host, h) = mount_program_form().await;
    assert!(may_leave(), "nothing changed yet");
    assert_eq!(PlannerApi::asked(), Vec::<String>::new());

    edit_the_name(&host);
    assert!(!may_leave(), "the answer was no");
    assert_eq!(PlannerApi::asked(), [Msg::UnsavedProgram.text(Lang::Nl)]);
    PlannerApi::answer(true);
    assert!(may_leave(), "the answer was yes");
    assert_eq!(PlannerApi::asked().len(), 2);

    // Gone with its page.
    drop(h);
    assert!(may_leave());
    assert_eq!(PlannerApi::asked().len(), 2);
}

/// Whether the app's session has been ended (its sign-out request sent).
fn signed_out() -> bool {
    js_sys::eval("window.__calls.includes('DELETE /api/v1/session')")
        .unwrap()
        .is_truthy()
}

#[wasm_bindgen_test]
async fn signing_out_of_the_app_with_unsaved_edits_asks_and_no_stays_signed_in() {
    let _api = PlannerApi::start();
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("/planner/programs/contoso"),
        )
        .unwrap();
    let owner = std::rc::Rc::new(std::cell::RefCell::new(None));
    let (host, handle) = mount({
        let owner = owner.clone();
        move || {
            *owner.borrow_mut() = Owner::current();
            view! { <wavegate_planner::App /> }
        }
    });
    let _h = Disposed(owner.borrow_mut().take().unwrap(), Some(handle));
    until(|| host.query_selector("#f-name").unwrap().is_some()).await;
    edit_the_name(&host);
    let sign_out = element(&host, ".topbar-actions button.topbar-button");

    sign_out.click();
    a_while().await;
    let asked = PlannerApi::asked();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(
        [
            Msg::UnsavedProgram.text(Lang::Nl),
            Msg::UnsavedProgram.text(Lang::En)
        ]
        .contains(&asked[0].as_str()),
        "{}",
        asked[0]
    );
    assert!(!signed_out(), "the answer was no");
    assert!(host.query_selector(".account").unwrap().is_some());
    let name: web_sys::HtmlInputElement = element(&host, "#f-name").unchecked_into();
    assert_eq!(name.value(), "Uitrol 2027", "the edits are still there");

    PlannerApi::answer(true);
    sign_out.click();
    until(|| host.query_selector(".account").unwrap().is_none()).await;
    assert!(signed_out());
    assert_eq!(PlannerApi::asked().len(), 2);
}

#[wasm_bindgen_test]
async fn removing_a_wave_the_roster_has_people_in_is_asked_first_with_how_many() {
    let _api = PlannerApi::start();
    let (host, _h) = mount_program_form().await;
    element(&host, ".wave-row .remove-wave").click();
    settle().await;
    element(&host, "button[type=submit]").click();
    until(|| !PlannerApi::asked().is_empty()).await;
    let asked = PlannerApi::asked();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(
        asked[0].starts_with(
            "Je verwijdert een golf waar nog mensen uit de personeelslijst in zitten: golf pilot met 12 mensen."
        ),
        "{}",
        asked[0]
    );
    settle().await;
    assert_eq!(PlannerApi::saves(), 0, "not saved: the answer was no");
    assert!(
        !element(&host, "button[type=submit]").has_attribute("disabled"),
        "the planner can try again"
    );

    PlannerApi::answer(true);
    element(&host, "button[type=submit]").click();
    until(|| PlannerApi::saves() == 2).await;
    assert_eq!(
        PlannerApi::saves(),
        2,
        "the program and its support details"
    );
}

#[wasm_bindgen_test]
async fn the_waves_are_titled_once_and_a_new_wave_takes_focus_at_its_id() {
    let _api = PlannerApi::start();
    let (host, _h) = mount_program_form().await;
    let section = element(&host, "section.waves");
    let said = section
        .query_selector_all(".visually-hidden, legend")
        .unwrap();
    for i in 0..said.length() {
        let text = said.item(i).unwrap().text_content().unwrap_or_default();
        assert_ne!(text, Msg::WavesTitle.text(Lang::Nl), "a second 'Golven'");
    }
    let heading = element(&host, "section.waves h2");
    assert_eq!(
        section.get_attribute("aria-labelledby"),
        Some(heading.id()),
        "named by its heading"
    );
    element(&host, "section.waves > button").click();
    until(|| focused().is_some_and(|e| e.id() == "f-wave-2-id")).await;
    assert_eq!(focused().map(|e| e.id()).as_deref(), Some("f-wave-2-id"));
}

#[wasm_bindgen_test]
fn a_surveys_line_counts_an_anonymous_surveys_links_as_links_and_names_the_rate() {
    use wavegate_core::api::SurveyOverview;
    use wavegate_planner::pages::surveys::survey_counts;
    let survey = |anonymous, invitations, responses| SurveyOverview {
        survey_id: "s".into(),
        version: 1,
        title: Text::new("S", "S"),
        anonymous,
        responses,
        invitations,
    };
    assert_eq!(
        survey_counts(&survey(false, 12, 8), Lang::Nl),
        "versie 1 · 12 uitnodigingen · 8 antwoorden · 67% respons"
    );
    assert_eq!(
        survey_counts(&survey(false, 12, 8), Lang::En),
        "version 1 · 12 invitations · 8 responses · 67% responded"
    );
    // One anonymous link is answered by many: no invitations, and no rate.
    assert_eq!(
        survey_counts(&survey(true, 1, 7), Lang::Nl),
        "versie 1 · 1 link · 7 antwoorden"
    );
    assert_eq!(
        survey_counts(&survey(true, 3, 40), Lang::En),
        "version 1 · 3 links · 40 responses"
    );
}

#[wasm_bindgen_test]
fn counts_on_the_programs_and_modules_cards_are_singular_for_one() {
    use wavegate_planner::pages::programs::program_counts;
    use wavegate_planner::pages::training::module_counts;
    assert_eq!(program_counts(1, 1, Lang::Nl), "1 bestand · 1 vragenlijst");
    assert_eq!(program_counts(1, 1, Lang::En), "1 file · 1 survey");
    assert_eq!(
        program_counts(6, 0, Lang::Nl),
        "6 bestanden · 0 vragenlijsten"
    );
    assert_eq!(program_counts(0, 2, Lang::En), "0 files · 2 surveys");
    let module = |minutes: u32| ModuleSummary {
        id: "get-help".into(),
        title: Text::new("Hulp", "Help"),
        version: 2,
        estimate_minutes: minutes,
        versions: Vec::new(),
        assigned: 1,
        names: ModuleNames::default(),
        targets: Default::default(),
    };
    assert_eq!(
        module_counts(&module(1), Lang::Nl),
        "versie 2 · 1 minuut · 1 toegewezen"
    );
    assert_eq!(
        module_counts(&module(1), Lang::En),
        "version 2 · 1 minute · 1 assigned"
    );
    assert_eq!(
        module_counts(&module(12), Lang::En),
        "version 2 · 12 minutes · 1 assigned"
    );
}

/// The program form of `program()` for `contoso`, in the language `lang` holds.
async fn mount_program_form_in(lang: RwSignal<Lang>) -> (web_sys::HtmlElement, impl Drop) {
    use leptos_router::components::Router;
    use wavegate_planner::pages::program_form::{Mode, ProgramForm};
    let owner = std::rc::Rc::new(std::cell::RefCell::new(None));
    let (host, handle) = mount({
        let owner = owner.clone();
        move || {
            *owner.borrow_mut() = Owner::current();
            provide_context(lang);
            wavegate_planner::session::Session::provide();
            view! {
                <Router>
                    <ProgramForm program=program() support=ProgramSupport::default() mode=Mode::Edit("contoso".into()) />
                </Router>
            }
        }
    });
    let owner = owner.borrow_mut().take().unwrap();
    let disposed = Disposed(owner, Some(handle));
    until_the_form_is_shown(&host).await;
    (host, disposed)
}

#[wasm_bindgen_test]
async fn the_forms_numbers_follow_the_pages_language_without_counting_as_an_edit() {
    let _api = PlannerApi::start();
    let lang = RwSignal::new(Lang::Nl);
    let (host, _h) = mount_program_form_in(lang).await;
    let input = |id: &str| -> web_sys::HtmlInputElement { element(&host, id).unchecked_into() };
    assert_eq!(input("#f-confidence").value(), "0,8");
    lang.set(Lang::En);
    until(|| input("#f-confidence").value() == "0.8").await;
    assert_eq!(
        input("#f-confidence").value(),
        "0.8",
        "as the hint writes it: 0.8"
    );
    assert!(may_unload(), "switching the language is no edit");

    // A number the planner typed follows too, and stays an edit; text that is no number stays.
    let capacity = input("#f-capacity");
    capacity.set_value("2.5");
    capacity
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    lang.set(Lang::Nl);
    until(|| input("#f-capacity").value() == "2,5").await;
    assert_eq!(input("#f-confidence").value(), "0,8");
    assert!(!may_unload(), "the typed capacity is still unsaved");
    let name = input("#f-name");
    name.set_value("Uitrol 2.0");
    lang.set(Lang::En);
    until(|| input("#f-capacity").value() == "2.5").await;
    assert_eq!(input("#f-name").value(), "Uitrol 2.0");
}

#[wasm_bindgen_test]
async fn a_waves_inputs_line_up_with_the_name_hint_under_the_first_waves_input() {
    let _api = PlannerApi::start();
    let (host, _h) = mount_program_form().await;
    let name = element(&host, "#f-wave-0-name");
    let after = name.next_element_sibling().unwrap();
    assert_eq!(
        after.id(),
        "f-wave-0-name-hint",
        "the hint follows the input"
    );
    // Said once, under the first wave: a program of many waves does not repeat it a wave.
    assert!(host.query_selector("#f-wave-1-name").unwrap().is_some());
    assert!(
        host.query_selector("#f-wave-1-name-hint")
            .unwrap()
            .is_none()
    );
    // Every field of the row: its label, then its input.
    let row = element(&host, ".wave-row .wave-fields");
    let fields = row.query_selector_all(".field").unwrap();
    for i in 0..fields.length() {
        let field: web_sys::Element = fields.item(i).unwrap().unchecked_into();
        let second = field
            .first_element_child()
            .unwrap()
            .next_element_sibling()
            .unwrap();
        assert_eq!(
            second.tag_name(),
            "INPUT",
            "field {i}: {}",
            field.inner_html()
        );
    }
}

#[wasm_bindgen_test]
async fn removing_a_wave_takes_its_problems_along_and_focus_to_the_row_in_its_place() {
    let _api = PlannerApi::start();
    let (host, _h) = mount_program_form().await;
    // The pilot's start is left empty: its problem shows on the first row.
    type_into(&host, "#f-wave-0-start", "");
    element(&host, "button[type=submit]").click();
    until(|| element(&host, "#f-wave-0-start").has_attribute("aria-invalid")).await;
    assert!(!element(&host, "#program-form .form-error").has_attribute("hidden"));

    // Removing the pilot: wave-1 moves up into the first row, with its own (valid) dates.
    element(&host, ".wave-row .remove-wave").click();
    until(|| focused().is_some_and(|e| e.id() == "f-wave-0-id")).await;
    assert_eq!(focused().map(|e| e.id()).as_deref(), Some("f-wave-0-id"));
    let id: web_sys::HtmlInputElement = element(&host, "#f-wave-0-id").unchecked_into();
    assert_eq!(id.value(), "wave-1");
    assert!(
        !element(&host, "#f-wave-0-start").has_attribute("aria-invalid"),
        "the removed row's problem is not left on the row in its place"
    );
    assert!(element(&host, "#program-form .form-error").has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn cancelling_the_removal_of_a_wave_puts_focus_back_on_the_save_button() {
    let _api = PlannerApi::start();
    let (host, _h) = mount_program_form().await;
    element(&host, ".wave-row .remove-wave").click();
    settle().await;
    let save = element(&host, "button[type=submit]");
    save.focus().unwrap();
    save.click();
    until(|| !PlannerApi::asked().is_empty()).await;
    until(|| focused().is_some_and(|e| e.id() == "program-submit")).await;
    assert_eq!(PlannerApi::saves(), 0, "the answer was no");
    let now = focused().unwrap();
    assert_eq!(now.id(), "program-submit", "focus on {:?}", now.tag_name());
}

#[wasm_bindgen_test]
async fn a_published_survey_is_named_by_its_title_and_its_message_takes_the_focus() {
    use wavegate_core::api::PublishedSurvey;
    use wavegate_planner::components::publish::{Outcome, Publishing};
    use wavegate_planner::pages::surveys::outcome_view;
    let publishing = Publishing::<PublishedSurvey>::new().focusing("survey-outcome");
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! {
            <button id="publish" disabled=move || publishing.busy.get()>"Publiceren"</button>
            <div id="survey-outcome" tabindex="-1">
                {move || publishing.outcome.get().map(|o| outcome_view(o, "contoso".into()))}
            </div>
        }
    });
    settle().await;
    element(&host, "#publish").focus().unwrap();
    let published = PublishedSurvey {
        survey_id: "pilot-feedback".into(),
        title: Text::new("Terugblik op de pilot", "Looking back at the pilot"),
        version: 1,
        languages: vec![Lang::Nl, Lang::En],
        anonymous: false,
        created: true,
        warnings: Vec::new(),
    };
    publishing.run(async move { Outcome::Published(published) }, Trigger::new());
    until(|| focused().is_some_and(|e| e.id() == "survey-outcome")).await;
    assert_eq!(focused().map(|e| e.id()).as_deref(), Some("survey-outcome"));
    assert_eq!(
        text_of(&host, "#survey-outcome p"),
        "Terugblik op de pilot versie 1 is gepubliceerd. Uitnodigen en resultaten"
    );
}

#[wasm_bindgen_test]
async fn publishing_a_survey_again_unchanged_says_nothing_changed_rather_than_published() {
    use wavegate_core::api::PublishedSurvey;
    use wavegate_planner::components::publish::Outcome;
    use wavegate_planner::pages::surveys::outcome_view;
    let again = PublishedSurvey {
        survey_id: "pilot-feedback".into(),
        title: Text::new("Terugblik op de pilot", "Looking back at the pilot"),
        version: 1,
        languages: vec![Lang::Nl, Lang::En],
        anonymous: false,
        created: false,
        warnings: Vec::new(),
    };
    let lang = RwSignal::new(Lang::Nl);
    let (host, _h) = mount(move || {
        provide_context(lang);
        outcome_view(Outcome::Published(again.clone()), "contoso".into())
    });
    settle().await;
    assert_eq!(
        text_of(&host, "p"),
        "Terugblik op de pilot versie 1 was al zo gepubliceerd; er is niets veranderd. Uitnodigen en resultaten"
    );
    lang.set(Lang::En);
    settle().await;
    assert_eq!(
        text_of(&host, "p"),
        "Looking back at the pilot version 1 was already published like this; nothing changed. Invitations and results"
    );
}

#[wasm_bindgen_test]
async fn a_published_module_is_named_by_its_title_in_the_pages_language_not_by_its_id() {
    use wavegate_core::training::wire::ModulePublished;
    use wavegate_planner::components::publish::Outcome;
    use wavegate_planner::pages::training::outcome_view;
    let published = |created| ModulePublished {
        module_id: "get-help".into(),
        title: Text::new("Waar je hulp krijgt", "Where to get help"),
        version: 2,
        created,
        must_restudy: 0,
    };
    let lang = RwSignal::new(Lang::Nl);
    let (host, _h) = mount(move || {
        provide_context(lang);
        view! {
            <div id="new">{outcome_view(Outcome::Published(published(true)), "contoso".into(), true)}</div>
            <div id="again">{outcome_view(Outcome::Published(published(false)), "contoso".into(), false)}</div>
        }
    });
    settle().await;
    assert_eq!(
        text_of(&host, "#new p"),
        "Waar je hulp krijgt versie 2 is gepubliceerd. Toewijzen en resultaten"
    );
    assert_eq!(
        text_of(&host, "#again p"),
        "Waar je hulp krijgt versie 2 was al zo gepubliceerd; er is niets veranderd."
    );
    lang.set(Lang::En);
    settle().await;
    assert_eq!(
        text_of(&host, "#new p"),
        "Where to get help version 2 is published. Assign and results"
    );
}

#[wasm_bindgen_test]
async fn response_rates_name_a_wave_as_the_program_does_and_write_counts_in_the_pages_locale() {
    use wavegate_core::api::{GroupRate, SurveyRates};
    use wavegate_planner::pages::survey::Rates;
    let _api = PlannerApi::start();
    let mut p = program();
    p.waves[0].name = Some("Pilot IT".into());
    let group = |attribute: &str, value: &str, invited, responded, rate| GroupRate {
        attribute: attribute.into(),
        value: value.into(),
        invited,
        responded,
        rate,
        suppressed: invited.is_none(),
    };
    let rates = SurveyRates {
        anonymous: false,
        invitations: 12_400,
        responses: 10_215,
        rate: Some(82),
        groups: vec![
            group("wave", "pilot", Some(12_000), Some(10_200), Some(85)),
            group("wave", "wave-1", Some(400), Some(15), Some(4)),
        ],
    };
    js_sys::eval(&format!(
        "window.__program = {}; window.__rates = {};",
        serde_json::to_string(&p).unwrap(),
        serde_json::to_string(&rates).unwrap()
    ))
    .unwrap();
    let (host, _h) = mount_planner_page(|| {
        let program = Memo::new(|_| "contoso".to_string());
        let survey = Memo::new(|_| "pilot-feedback".to_string());
        view! { <Rates program=program survey=survey invited=Trigger::new() /> }
    });
    until(|| {
        host.query_selector("tr[data-group='wave=pilot'] th")
            .unwrap()
            .is_some_and(|th| th.text_content().unwrap_or_default().contains("Pilot IT"))
    })
    .await;
    let row = "tr[data-group='wave=pilot']";
    assert_eq!(
        text_of(&host, &format!("{row} th")),
        "golf: pilot (Pilot IT)"
    );
    assert_eq!(text_of(&host, &format!("{row} td")), "12.000");
    assert_eq!(
        text_of(&host, &format!("{row} td:nth-of-type(2)")),
        "10.200"
    );
    // A wave without a name keeps its id.
    assert_eq!(
        text_of(&host, "tr[data-group='wave=wave-1'] th"),
        "golf: wave-1"
    );
}

#[wasm_bindgen_test]
async fn reminders_pick_a_segments_value_from_the_rosters_values_with_their_people() {
    use wavegate_core::api::{AttributeGroups, GroupSize, ValueGroup};
    use wavegate_planner::components::reminders::Reminders;
    let _api = PlannerApi::start();
    let attributes = vec![AttributeGroups {
        attribute: "department".into(),
        values: vec![ValueGroup {
            value: "Finance".into(),
            per_wave: vec![GroupSize::of(12), GroupSize::of(9)],
            total: GroupSize::of(21),
        }],
    }];
    let mut p = program();
    p.split_attributes = vec!["department".into()];
    js_sys::eval(&format!(
        "window.__program = {}; window.__attributes = {};",
        serde_json::to_string(&p).unwrap(),
        serde_json::to_string(&attributes).unwrap()
    ))
    .unwrap();
    let (host, _h) = mount_planner_page(|| {
        let program = Memo::new(|_| "contoso".to_string());
        let survey = Memo::new(|_| "pilot-feedback".to_string());
        view! { <Reminders program=program survey=survey changed=Trigger::new() /> }
    });
    until(|| host.query_selector("#remind-attribute").unwrap().is_some()).await;
    let attribute: web_sys::HtmlSelectElement =
        element(&host, "#remind-attribute").unchecked_into();
    attribute.set_value("department");
    attribute
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    until(|| {
        host.query_selector("select#remind-value option[value='Finance']")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(
        host.query_selector("input#remind-value").unwrap().is_none(),
        "no text box to type the value in"
    );
    assert_eq!(
        text_of(&host, "select#remind-value option[value='Finance']"),
        "Finance — 21 mensen"
    );
}

/// The communication plan of `contoso` as a planner's page shows it, reached by a link, once
/// its form shows its save button; `messages` is the plan the server lists.
async fn mount_comms_page(
    messages: &[wavegate_core::api::PlannedMessage],
) -> (web_sys::HtmlElement, impl Drop + use<>) {
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::path;
    use wavegate_planner::pages::comms::CommsPage;
    js_sys::eval(&format!(
        "window.__messages = {};",
        serde_json::to_string(messages).unwrap()
    ))
    .unwrap();
    let (host, disposed) = mount_planner_page(|| {
        view! {
            <Router>
                <Routes fallback=|| view! { <a id="to-comms" href="/planner/programs/contoso/communications">"Communicatie"</a> }>
                    <Route path=path!("/planner/programs/:program/communications") view=CommsPage />
                </Routes>
            </Router>
        }
    });
    until(|| host.query_selector("#to-comms").unwrap().is_some()).await;
    element(&host, "#to-comms").click();
    until(|| {
        host.query_selector("#plan-message button[type=submit]")
            .unwrap()
            .is_some()
    })
    .await;
    (host, disposed)
}

/// Types `value` into the input at `selector`, as a person does.
fn type_into(host: &web_sys::HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = element(host, selector).unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// Whether the field at `selector` is marked invalid and described by the message at
/// `error`, and that message's text (`None` when the field is not marked).
fn field_error(host: &web_sys::HtmlElement, selector: &str, error: &str) -> Option<String> {
    let field = element(host, selector);
    if field.get_attribute("aria-invalid").as_deref() != Some("true") {
        return None;
    }
    assert_eq!(
        field.get_attribute("aria-describedby").as_deref(),
        Some(error),
        "{selector}"
    );
    let message = element(host, &format!("#{error}"));
    assert!(!message.has_attribute("hidden"), "{error}");
    Some(message.text_content().unwrap_or_default())
}

fn posts() -> usize {
    js_sys::eval("window.__calls.filter((c) => c.startsWith('POST')).length")
        .unwrap()
        .as_f64()
        .unwrap() as usize
}

#[wasm_bindgen_test]
async fn a_message_with_two_faults_shows_both_at_their_fields_and_focuses_the_first() {
    use wavegate_core::comms::MessageError;
    let _api = PlannerApi::start();
    let (host, _h) = mount_comms_page(&[]).await;
    // Subject given; no owner and no planned day.
    type_into(&host, "#msg-subject", "Schrijf je toestel in");
    element(&host, "#plan-message button[type=submit]").click();
    until(|| focused().is_some_and(|e| e.id() == "msg-owner")).await;
    assert_eq!(
        focused().map(|e| e.id()).as_deref(),
        Some("msg-owner"),
        "the first field at fault, in the form's order"
    );
    assert_eq!(
        field_error(&host, "#msg-owner", "msg-owner-error").as_deref(),
        Some(MessageError::OwnerEmpty.message(Lang::Nl).as_str())
    );
    assert_eq!(
        field_error(&host, "#msg-planned", "msg-planned_on-error").as_deref(),
        Some(Msg::PlannedMissing.text(Lang::Nl))
    );
    assert_eq!(
        field_error(&host, "#msg-subject", "msg-subject-error"),
        None
    );
    assert!(element(&host, "#msg-subject-error").has_attribute("hidden"));
    assert_eq!(posts(), 0, "nothing is sent while the form finds a fault");

    // Fixing one leaves the other.
    type_into(&host, "#msg-owner", "Communicatie – Anna");
    element(&host, "#plan-message button[type=submit]").click();
    until(|| focused().is_some_and(|e| e.id() == "msg-planned")).await;
    assert_eq!(field_error(&host, "#msg-owner", "msg-owner-error"), None);
    assert!(field_error(&host, "#msg-planned", "msg-planned_on-error").is_some());
}

#[wasm_bindgen_test]
async fn every_problem_the_server_lists_lands_at_its_field() {
    use wavegate_core::comms::MessageError;
    let _api = PlannerApi::start();
    let (host, _h) = mount_comms_page(&[]).await;
    // What the browser cannot know (say, a wave the program has just lost), the server finds;
    // its answer lists the first problem at the top of `details` and the rest under `more`.
    js_sys::eval(
        r#"window.__refusal = { error: { code: "invalid_message", message: "…", details: {
            field: "owner", code: "owner_invalid", message: "…",
            more: [{ field: "note", code: "note_unsafe", message: "…" }] } } };"#,
    )
    .unwrap();
    type_into(&host, "#msg-owner", "Communicatie – Anna");
    type_into(&host, "#msg-planned", "2027-01-04");
    type_into(&host, "#msg-subject", "Schrijf je toestel in");
    element(&host, "#plan-message button[type=submit]").click();
    until(|| focused().is_some_and(|e| e.id() == "msg-owner")).await;
    assert_eq!(posts(), 1);
    assert_eq!(
        field_error(&host, "#msg-owner", "msg-owner-error").as_deref(),
        Some(MessageError::OwnerInvalid.message(Lang::Nl).as_str())
    );
    assert_eq!(
        field_error(&host, "#msg-note", "msg-note-error").as_deref(),
        Some(MessageError::NoteUnsafe.message(Lang::Nl).as_str())
    );
}

/// The buttons under `host` that say `label`.
fn buttons_saying(host: &web_sys::HtmlElement, label: &str) -> usize {
    let all = host.query_selector_all("button").unwrap();
    (0..all.length())
        .filter_map(|i| all.item(i))
        .filter(|b| b.text_content().as_deref() == Some(label))
        .count()
}

fn sent_message(reach: wavegate_core::api::Reach) -> wavegate_core::api::PlannedMessage {
    use wavegate_core::api::{Channel, PlannedMessage, Purpose};
    PlannedMessage {
        id: 7,
        wave: None,
        segment: Default::default(),
        channel: Channel::Email,
        owner: "Communicatie – Anna".into(),
        purpose: Purpose::Enroll,
        planned_on: NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
        sent_on: NaiveDate::from_ymd_opt(2027, 1, 4),
        subject: "Schrijf je toestel in".into(),
        note: String::new(),
        created_by: "p@example.org".into(),
        created_at: "2027-01-01T00:00:00Z".into(),
        reach,
    }
}

#[wasm_bindgen_test]
async fn an_empty_plan_offers_no_file_to_download() {
    let _api = PlannerApi::start();
    let download = Msg::DownloadPlan.text(Lang::Nl);
    {
        let (host, _h) = mount_comms_page(&[]).await;
        let empty =
            || (host.text_content().unwrap_or_default()).contains(Msg::NoMessages.text(Lang::Nl));
        until(empty).await;
        assert!(empty(), "the plan says it is empty");
        assert_eq!(buttons_saying(&host, download), 0, "a file of headers only");
    }
    let planned = sent_message(wavegate_core::api::Reach::NotSent);
    let (host, _h) = mount_comms_page(&[planned]).await;
    until(|| host.query_selector("li.message").unwrap().is_some()).await;
    assert_eq!(buttons_saying(&host, download), 1);
}

#[wasm_bindgen_test]
async fn a_messages_reach_names_its_interval_with_the_level() {
    use wavegate_core::api::{Reach, ReachFigures};
    let _api = PlannerApi::start();
    let reach = Reach::Measured(ReachFigures {
        group: 65,
        already: 5,
        undated: 0,
        out_of: 60,
        reached: 47,
        share: Some(47.0 / 60.0),
        interval: Some([0.57, 0.9]),
        level: 0.8,
    });
    let (host, _h) = mount_comms_page(&[sent_message(reach)]).await;
    until(|| host.query_selector("li.message").unwrap().is_some()).await;
    let reach = text_of(&host, "li.message .reach");
    assert!(reach.contains("(78%, 80%-interval: 57–90%)"), "{reach}");
}

#[wasm_bindgen_test]
async fn marking_sent_shows_each_refusal_where_it_belongs() {
    use wavegate_core::api::Reach;
    use wavegate_core::comms::MessageError;
    let _api = PlannerApi::start();
    let mut unsent = sent_message(Reach::NotSent);
    unsent.sent_on = None;
    unsent.wave = Some("wave-9".into());
    let (host, _h) = mount_comms_page(&[unsent]).await;
    until(|| host.query_selector("form.mark-sent").unwrap().is_some()).await;
    let refused_in = |host: &web_sys::HtmlElement| {
        host.query_selector("#message-7-refused")
            .unwrap()
            .and_then(|e| e.text_content())
    };

    // The message's wave has left the program since it was planned: nothing about the day.
    js_sys::eval(
        r#"window.__refusal = { error: { code: "invalid_message", message: "…", details: {
            field: "wave", code: "unknown_wave", message: "…" } } };"#,
    )
    .unwrap();
    element(&host, "form.mark-sent button[type=submit]").click();
    until(|| focused().is_some_and(|e| e.id() == "message-7-refused")).await;
    assert_eq!(
        focused().map(|e| e.id()).as_deref(),
        Some("message-7-refused")
    );
    assert_eq!(
        field_error(&host, "#message-7-sent", "message-7-sent-error"),
        None,
        "the day is not at fault"
    );
    let said = refused_in(&host).unwrap_or_default();
    assert!(said.contains(Msg::MarkSentRefused.text(Lang::Nl)), "{said}");
    assert!(
        said.contains(&MessageError::UnknownWave.message(Lang::Nl)),
        "{said}"
    );

    // The day and something else: each where it belongs, the focus on the day.
    js_sys::eval(
        r#"window.__refusal = { error: { code: "invalid_message", message: "…", details: {
            field: "sent_on", code: "sent_in_future", message: "…",
            more: [{ field: "owner", code: "owner_invalid", message: "…" }] } } };"#,
    )
    .unwrap();
    element(&host, "form.mark-sent button[type=submit]").click();
    until(|| focused().is_some_and(|e| e.id() == "message-7-sent")).await;
    assert_eq!(
        field_error(&host, "#message-7-sent", "message-7-sent-error").as_deref(),
        Some(MessageError::SentInFuture.message(Lang::Nl).as_str())
    );
    let said = refused_in(&host).unwrap_or_default();
    assert!(
        said.contains(&MessageError::OwnerInvalid.message(Lang::Nl)),
        "{said}"
    );
    assert!(
        !said.contains(&MessageError::UnknownWave.message(Lang::Nl)),
        "the last refusal only: {said}"
    );
    assert!(
        !said.contains(&MessageError::SentInFuture.message(Lang::Nl)),
        "the day's problem only at its field: {said}"
    );
}

async fn mount_lessons_page(
    lessons: &[wavegate_core::api::Lesson],
) -> (web_sys::HtmlElement, impl Drop + use<>) {
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::path;
    use wavegate_planner::pages::lessons::LessonsPage;
    js_sys::eval(&format!(
        "window.__lessons = {};",
        serde_json::to_string(lessons).unwrap()
    ))
    .unwrap();
    let (host, disposed) = mount_planner_page(|| {
        view! {
            <Router>
                <Routes fallback=|| view! { <a id="to-lessons" href="/planner/programs/contoso/lessons">"Lessen"</a> }>
                    <Route path=path!("/planner/programs/:program/lessons") view=LessonsPage />
                </Routes>
            </Router>
        }
    });
    until(|| host.query_selector("#to-lessons").unwrap().is_some()).await;
    element(&host, "#to-lessons").click();
    until(|| host.query_selector("#lessons-log-title").unwrap().is_some()).await;
    (host, disposed)
}

#[wasm_bindgen_test]
async fn an_empty_lessons_log_offers_no_file_to_download() {
    use wavegate_core::api::{Lesson, LessonKind};
    let _api = PlannerApi::start();
    let download = Msg::DownloadLessons.text(Lang::Nl);
    {
        let (host, _h) = mount_lessons_page(&[]).await;
        let empty =
            || (host.text_content().unwrap_or_default()).contains(Msg::NoLessons.text(Lang::Nl));
        until(empty).await;
        assert!(empty(), "the log says it is empty");
        assert_eq!(buttons_saying(&host, download), 0, "a file of headers only");
    }
    let lesson = Lesson {
        id: 3,
        wave: None,
        kind: LessonKind::WentWell,
        text: "De helpdesk was vooraf gebrieft.".into(),
        author: "p@example.org".into(),
        created_at: "2027-01-05T09:00:00Z".into(),
    };
    let (host, _h) = mount_lessons_page(&[lesson]).await;
    until(|| host.query_selector("li.lesson").unwrap().is_some()).await;
    assert_eq!(buttons_saying(&host, download), 1);
}
