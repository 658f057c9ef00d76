//! Component tests of a survey's reminders and revocation in headless Chromium: the counts in
//! words (counts only for an anonymous survey), which links a wave's confirmation counts as
//! still working, and what the forms accept.

#![allow(clippy::unwrap_used)]

use leptos::prelude::*;
use wasm_bindgen_test::*;
use wavegate_core::api::InvitationLink;
use wavegate_core::i18n::Lang;
use wavegate_core::invitation::reminders::RemindersSummary;
use wavegate_planner::components::reminders::summary_view;
use wavegate_planner::components::revoke::open_links_per_wave;
use wavegate_planner::i18n::Msg;
use wavegate_ui::test_support::{mount, settle, text_of};

wasm_bindgen_test_configure!(run_in_browser);

fn mount_summary(s: RemindersSummary) -> (web_sys::HtmlElement, impl Drop) {
    mount(move || {
        provide_context(RwSignal::new(Lang::En));
        summary_view(s)
    })
}

fn items(host: &web_sys::HtmlElement) -> Vec<String> {
    (1..)
        .map(|i| text_of(host, &format!(".reminder-counts li:nth-child({i})")))
        .take_while(|line| !line.is_empty())
        .collect()
}

#[wasm_bindgen_test]
async fn the_counts_read_as_sentences() {
    let (host, _h) = mount_summary(RemindersSummary {
        anonymous: false,
        responses: 8,
        non_responders: 12,
        due: 5,
        reminded_before: 2,
    });
    settle().await;
    assert_eq!(
        items(&host),
        [
            "8 responses received.",
            "12 people with an open link have not answered yet.",
            "5 of them can be reminded now.",
            "2 of those 5 were reminded before.",
        ]
    );
    assert!(host.query_selector(".anonymous-note").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_anonymous_survey_shows_only_its_responses_and_says_why() {
    let (host, _h) = mount_summary(RemindersSummary {
        anonymous: true,
        responses: 40,
        ..RemindersSummary::default()
    });
    settle().await;
    assert_eq!(items(&host), ["40 responses received."]);
    assert_eq!(
        host.query_selector(".anonymous-note")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        Msg::RemindAnonymous.text(Lang::En)
    );
}

fn link(wave: Option<&str>, expires_on: Option<&str>, revoked: bool) -> InvitationLink {
    InvitationLink {
        token: "t".into(),
        url: "https://example.org/r/t".into(),
        person_id: Some("p".into()),
        email: None,
        attributes: Default::default(),
        language: None,
        submitted_at: None,
        wave: wave.map(str::to_string),
        expires_on: expires_on.map(str::to_string),
        revoked_at: revoked.then(|| "2027-01-01T00:00:00Z".to_string()),
    }
}

#[wasm_bindgen_test]
fn a_waves_confirmation_counts_only_the_links_that_still_open() {
    let today = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    let links = [
        link(Some("pilot"), Some("2027-02-01"), false), // last day today: opens
        link(Some("pilot"), None, false),
        link(Some("pilot"), Some("2027-01-31"), false), // expired yesterday
        link(Some("pilot"), None, true),                // revoked
        link(Some("wave-1"), None, true),
        link(None, None, false), // no wave: not offered
    ];
    let per_wave = open_links_per_wave(&links, today);
    assert_eq!(
        per_wave.into_iter().collect::<Vec<_>>(),
        [("pilot".to_string(), 2), ("wave-1".to_string(), 0)]
    );
}
