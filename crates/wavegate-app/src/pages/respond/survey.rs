//! The survey of a link, page by page: the draft kept on the device (and, for a personal link, on
//! the server), the checks before Next and Submit, the outbox, and what shows once it is sent.

use super::notices::{ANSWERED_BEFORE_TITLE, answered_before, both, notice, waiting_notice};
use crate::components::question::QuestionView;
use crate::dom::PAGE_HEADING;
use crate::draft_sync::{self, Origin};
use crate::errors::refusal_text;
use crate::history;
use crate::i18n::{Msg, fill, t, use_lang};
use crate::outbox;
use crate::pages::problems::Problems;
use crate::storage::{self, Draft, Key, Queued};
use leptos::prelude::*;
use wavegate_core::api::{InvitationView, SubmitAck};
use wavegate_core::survey::logic::visibility;
use wavegate_core::survey::response_id::response_id_from_bytes;
use wavegate_core::survey::{Answers, Response, Survey};
use wavegate_ui::dom::{focus_main, name_page, written_time};
use wavegate_ui::lang_switch::{follow_link_language, speak_only};
use wavegate_ui::support::{HelpPlace, help_contacts_in};

/// Where focus goes once a stage after sending shows: the message that the link was answered
/// before (the person has to read it), else the top of the page.
fn focus_stage(stage: Stage) {
    match stage {
        Stage::AnsweredBefore => wavegate_ui::dom::focus_id_soon(ANSWERED_BEFORE_TITLE.to_string()),
        // The heading, not the whole region: a screen reader reads the thanks from there on.
        Stage::Done(_) => wavegate_ui::dom::focus_id_soon(THANKS_TITLE.to_string()),
        _ => focus_main(),
    }
}

/// The id of the thank-you's heading, which takes focus once the response is stored.
const THANKS_TITLE: &str = "thanks-title";

/// Where the respondent is.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Answering,
    Sending,
    /// Saved in the outbox; will be sent when the reason it waits has passed.
    Queued(outbox::Wait),
    Done(SubmitAck),
    /// Not stored: the link was answered before (on another device, or with other answers under
    /// the same response id); the first answers count.
    AnsweredBefore,
    /// The server refused it (e.g. an answer it found invalid); the message says why.
    Refused(String),
    /// "Not you?": everything of this survey was removed from the device.
    Cleared,
}

/// A fresh random response id (128 bits from the browser's cryptographic source), in the form
/// the core's response-id rule accepts.
pub fn new_response_id() -> String {
    response_id_from_bytes(&wavegate_ui::dom::random_128())
}

fn start_draft(survey: &Survey) -> Draft {
    Draft::new(new_response_id(), survey)
}

/// The draft saved on this device for this invitation, carried over to the version the link
/// opens now (the core's rule: see [`Draft::carried_to`]).
fn restore_draft(token: &str, survey: &Survey) -> Option<Draft> {
    storage::load::<Draft>(&Key::Draft(token.to_string())).map(|d| d.carried_to(survey))
}

/// The survey of an invitation, page by page, then the thank-you or the reason it was not sent.
#[component]
pub fn Survey(
    /// The invitation token.
    token: String,
    /// The invitation as the server (or this device's copy) describes it.
    view: InvitationView,
    /// True when `view` is this device's copy because the server could not be reached.
    offline: bool,
    /// Where the draft continued comes from, when the person should be told.
    #[prop(default = None)]
    origin: Option<Origin>,
) -> impl IntoView {
    let lang = use_lang();
    follow_link_language(lang, view.language);
    // A survey written in one language is read in it, with no switch to another.
    speak_only(&view.languages);
    let queued = outbox::pending_for(&token);
    let restored = restore_draft(&token, &view.survey);
    // The outbox may have delivered the draft's response after the server was asked about this
    // link (both start when the page opens): this device's acknowledgement settles it.
    let sent_here = restored
        .as_ref()
        .and_then(|d| storage::load::<SubmitAck>(&Key::Sent(d.response_id.clone())));
    // An anonymous link answered in this tab shows its thank-you again on reload, not a blank
    // survey that invites a duplicate ("answer again" is one press away).
    let answered_here = view
        .anonymous
        .then(|| storage::answered_here(&token))
        .flatten()
        .map(|mark| SubmitAck {
            // Not kept: the tab holds nothing that identifies the response.
            response_id: String::new(),
            submitted_at: mark.submitted_at,
            duplicate: false,
        });
    let initial_stage = match (&view.submitted, sent_here, &queued, answered_here) {
        (Some(ack), _, _, _) => Stage::Done(ack.clone()),
        (None, Some(ack), _, _) => Stage::Done(ack),
        // Why it waits is known after the outbox's first attempt, which starts with the app.
        (None, None, Some(_), _) => Stage::Queued(outbox::Wait::Offline),
        (None, None, None, Some(ack)) => Stage::Done(ack),
        (None, None, None, None) => Stage::Answering,
    };
    let previously_submitted = view.submitted.is_some();
    let restored = if matches!(initial_stage, Stage::Done(_)) {
        storage::remove(&Key::Draft(token.clone()));
        None
    } else {
        restored
    };
    let resumed = restored.as_ref().is_some_and(|d| !d.answers.is_empty());
    let draft = restored.unwrap_or_else(|| start_draft(&view.survey));

    let survey = StoredValue::new(view.survey.clone());
    let attributes = StoredValue::new(view.attributes.clone());
    let anonymous = view.anonymous;
    let token = StoredValue::new(token);
    if !anonymous {
        draft_sync::save_when_leaving(token.get_value());
    }
    let answers = RwSignal::new(draft.answers.clone());
    let page = RwSignal::new(draft.page);
    let response_id = RwSignal::new(draft.response_id.clone());
    let errors = RwSignal::new(Problems::default());
    // The page's summary error, worded in the page's language when drawn.
    let summary_error = RwSignal::new(None::<Msg>);
    let stage = RwSignal::new(initial_stage);
    // Back and Forward move between the survey's pages (crate::history): each Next adds an entry.
    // `first` is the page of the survey's first entry in this tab; back past it leaves the survey.
    let first = StoredValue::new(0usize);
    let start_here = move |n: usize| {
        history::replace(n);
        first.set_value(n);
    };
    if stage.get_untracked() == Stage::Answering {
        start_here(draft.page);
    }
    // Where the answers come from: set when the link opens, and again when a save meets another
    // device's newer one.
    let origin = RwSignal::new(origin);
    // The page on which the person was told; moving on to another page puts the banner away,
    // so it is not repeated on every page to the end.
    let origin_page = StoredValue::new(draft.page);
    Effect::new(move |_| {
        if page.get() != origin_page.get_value() && origin.get_untracked().is_some() {
            origin.set(None);
        }
    });
    let told = Callback::new(move |news: draft_sync::Told| {
        if stage.get_untracked() != Stage::Answering {
            return;
        }
        match news {
            draft_sync::Told::Newer(saved) => {
                let at = saved.saved_at.clone();
                let d = survey.with_value(|s| draft_sync::take(&token.get_value(), saved, s));
                response_id.set(d.response_id);
                answers.set(d.answers);
                origin_page.set_value(d.page);
                page.set(d.page);
                start_here(d.page);
                origin.set(Some(Origin::OtherDevice(at)));
            }
            draft_sync::Told::Kept => {
                origin_page.set_value(page.get_untracked());
                origin.set(Some(Origin::ThisDevice));
            }
        }
    });

    // Visibility depends on answers; a memo keeps pages from re-rendering unless it changes.
    let vis = Memo::new(move |_| {
        survey.with_value(|s| attributes.with_value(|a| answers.with(|ans| visibility(s, ans, a))))
    });
    let pages = Memo::new(move |_| {
        vis.with(|v| {
            survey.with_value(|s| {
                v.pages_shown(s)
                    .into_iter()
                    .map(|p| p.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let page_count = Memo::new(move |_| pages.with(Vec::len));
    let current_page = move || page.get().min(page_count.get().saturating_sub(1));
    // The form re-renders only when the page shown changes, not when answering reveals or hides
    // a later page (that would take focus away from the control just used).
    let current_id = Memo::new(move |_| pages.with(|p| p.get(current_page()).cloned()));
    let is_last = Memo::new(move |_| current_page() + 1 >= page_count.get());

    // Autosave: every change to answers or page is written to the device.
    Effect::new(move |_| {
        let d = Draft {
            response_id: response_id.get(),
            survey_version: survey.with_value(|s| s.version),
            page: page.get(),
            answers: answers.get(),
        };
        if stage.get_untracked() != Stage::Answering {
            return;
        }
        if anonymous {
            storage::save(&Key::Draft(token.get_value()), &d);
        } else {
            draft_sync::record(&token.get_value(), &d);
        }
    });
    // A personal link's draft also goes to the server, shortly after each page change (and when
    // the page is left, see above), so the person can continue on another device.
    Effect::new(move |_| {
        page.track();
        if !anonymous && stage.get_untracked() == Stage::Answering {
            draft_sync::save_soon(token.get_value(), told);
        }
    });
    // Once the server has the response, the device keeps nothing of it for the next person;
    // this tab only remembers that an anonymous link was answered, and when. Answers the server
    // did not take because the link was answered before are dropped too: it takes none now.
    Effect::new(move |_| match stage.get() {
        Stage::Done(ack) => {
            draft_sync::forget(&token.get_value());
            storage::forget_answered(&token.get_value());
            storage::remove(&Key::Sent(ack.response_id));
            if anonymous {
                storage::mark_answered_here(&token.get_value(), &ack.submitted_at);
            }
        }
        Stage::AnsweredBefore => {
            draft_sync::forget(&token.get_value());
            storage::forget_answered(&token.get_value());
        }
        _ => {}
    });
    let confirm_clear = RwSignal::new(false);
    let leave = move || {
        if !history::leave_for(crate::pages::CLEARED) {
            focus_main();
        }
    };
    let offline_notice = wavegate_ui::dom::offline_notice(offline);
    let clear_device = move |_| {
        // What this device saved on the server goes too: the link's person must not be greeted
        // elsewhere with answers someone else gave here. A save from their own device stays.
        draft_sync::take_back(&token.get_value());
        storage::forget_invitation(&token.get_value());
        storage::remove(&Key::Sent(response_id.get_untracked()));
        draft_sync::forget(&token.get_value());
        stage.set(Stage::Cleared);
        // The link stays out of the tab: reloading, Back or Forward would open it again, with
        // its person's answers from the server's draft. From the survey's first entry (the
        // move back ends in `leave`, below) its address goes, and so do the entries after it.
        match history::page().map(|p| p.saturating_sub(first.get_value())) {
            Some(steps @ 1..) => history::go(-(steps as i32)),
            _ => leave(),
        }
    };

    let response = move || Response {
        id: response_id.get_untracked(),
        survey_id: survey.with_value(|s| s.id.clone()),
        survey_version: survey.with_value(|s| s.version),
        language: lang.get_untracked(),
        // Only answers to visible questions count; hidden ones would be rejected.
        answers: answers.with_untracked(|a| vis.with_untracked(|v| v.keep_shown(a))),
    };

    // Problems for the questions on the given visible pages.
    let check = move |page_ids: &[String]| -> Problems {
        let r = response();
        survey.with_value(|s| {
            attributes.with_value(|a| Problems::of(s, &r, a, page_ids, lang.get_untracked()))
        })
    };

    // Errors shown go away as soon as their answers are valid, the page summary with the last;
    // those left are worded anew when the language changes.
    Effect::new(move |_| {
        answers.track();
        lang.track();
        if errors.with_untracked(Problems::is_empty) {
            return;
        }
        let now = check(&pages.get_untracked());
        let left = errors.with_untracked(|e| e.still_shown(now));
        if left.is_empty() {
            summary_error.set(None);
        }
        if errors.with_untracked(|e| *e != left) {
            errors.set(left);
        }
    });

    let focus_first_error = move || {
        let first = errors.with_untracked(|e| survey.with_value(|s| e.first(s)));
        match first {
            Some((question, Some(item))) => crate::dom::focus_matrix_item(&question, &item),
            Some((question, None)) => crate::dom::focus_question(&question),
            None => {}
        }
    };

    // To the earlier page `to` from `at`: back through the tab's entries when they reach it,
    // else in place of this entry.
    let back_to = move |at: usize, to: usize| {
        page.set(to);
        if to >= at {
            return;
        }
        if history::page() == Some(at) && to >= first.get_value() {
            history::go(to as i32 - at as i32);
        } else {
            start_here(to);
        }
    };
    // Checks the shown pages `from..to`. With problems, they show, the person is taken to the
    // first page with one and its first control, and this says so (Next, Submit and Forward
    // stop there); else the problems shown so far go.
    let stopped = move |from: usize, to: usize| -> bool {
        let ids = pages.get_untracked();
        let problems = check(ids.get(from..to).unwrap_or_default());
        let ok = problems.is_empty();
        let first = survey.with_value(|s| {
            (problems.questions.keys())
                .filter_map(|q| s.page_of(q).map(|p| p.id.clone()))
                .filter_map(|pid| ids.iter().position(|x| *x == pid))
                .min()
        });
        errors.set(problems);
        summary_error.set((!ok).then_some(Msg::FixErrors));
        if let Some(p) = first {
            back_to(current_page(), p);
        }
        if !ok {
            focus_first_error();
        }
        !ok
    };
    let go_next = move |_| {
        let at = current_page();
        if !stopped(at, at + 1) {
            page.set(at + 1);
            history::push(at + 1);
            crate::dom::focus_page();
        }
    };
    let go_back = move |_| {
        errors.set(Problems::default());
        summary_error.set(None);
        let at = current_page();
        back_to(at, at.saturating_sub(1));
        crate::dom::focus_page();
    };
    // Back or Forward reached the entry of page `n`. Forward goes only as far as Next would:
    // it stops at the first page whose answers do not pass, and that entry says so.
    history::on_move(move |n| {
        let at = current_page();
        match (stage.get_untracked(), n) {
            (Stage::Cleared, _) => leave(),
            (Stage::Answering, Some(n)) if n != at => {
                let n = n.min(page_count.get_untracked().saturating_sub(1));
                if stopped(at, n) {
                    history::replace(current_page());
                } else {
                    page.set(n);
                    crate::dom::focus_page();
                }
            }
            _ => {}
        }
    });

    let submit = move |_| {
        if stopped(0, page_count.get_untracked()) {
            return;
        }
        let item = Queued {
            token: token.get_value(),
            response: response(),
        };
        // Durable first: once in the outbox it survives a closed tab or a dead battery.
        storage::enqueue(item.clone());
        stage.set(Stage::Sending);
        leptos::task::spawn_local(async move {
            let next = match outbox::send(&item).await {
                outbox::Sent::Acknowledged(ack) => {
                    storage::remove(&Key::Draft(item.token.clone()));
                    Stage::Done(ack)
                }
                outbox::Sent::Later(wait) => Stage::Queued(wait),
                outbox::Sent::AnsweredBefore => Stage::AnsweredBefore,
                outbox::Sent::Refused(e) => {
                    let l = lang.get_untracked();
                    Stage::Refused(refusal_text(&e, l))
                }
            };
            stage.set(next);
            focus_stage(stage.get_untracked());
        });
    };

    // When the connection comes back, the outbox is flushed (see outbox::watch); reflect it here.
    let outbox_handle = outbox::Outbox::get();
    let show_if_sent = move || {
        if !matches!(stage.get_untracked(), Stage::Queued(_)) {
            return;
        }
        if outbox::pending_for(&token.get_value()).is_some() {
            // Still waiting: say why, as the last attempt found it.
            if let Some(wait) = outbox_handle.and_then(outbox::Outbox::waiting)
                && stage.get_untracked() != Stage::Queued(wait)
            {
                stage.set(Stage::Queued(wait));
            }
            return;
        }
        match storage::load::<SubmitAck>(&Key::Sent(response_id.get_untracked())) {
            Some(ack) => {
                storage::remove(&Key::Draft(token.get_value()));
                stage.set(Stage::Done(ack.clone()));
                focus_stage(Stage::Done(ack));
            }
            None if outbox::answered_before(&response_id.get_untracked()) => {
                stage.set(Stage::AnsweredBefore);
                focus_stage(Stage::AnsweredBefore);
            }
            // Refused while queued: the answers are still in the draft, to check and send again.
            None => {
                summary_error.set(Some(Msg::SubmitFailed));
                stage.set(Stage::Answering);
            }
        }
    };
    let retry = move |_| {
        if let Some(ob) = outbox_handle {
            // A press while the watcher's flush runs still tries once more after it: that
            // flush may have been refused just before the server came back.
            leptos::task::spawn_local(async move {
                // Bounded: a flight that never ends is the watcher's to report.
                for _ in 0..150 {
                    if ob.flush().await != outbox::Flush::AlreadyRunning {
                        show_if_sent();
                        return;
                    }
                    gloo_timers::future::TimeoutFuture::new(200).await;
                }
            });
        }
    };
    if let Some(ob) = outbox_handle {
        ob.on_flushed(show_if_sent);
    }

    // Answers an anonymous link found on the device, until the person starts over.
    let found_answers = RwSignal::new(anonymous && resumed);
    let another = move |_| {
        storage::forget_answered_here(&token.get_value());
        let d = survey.with_value(start_draft);
        response_id.set(d.response_id);
        answers.set(Answers::new());
        page.set(0);
        start_here(0);
        errors.set(Problems::default());
        stage.set(Stage::Answering);
        focus_main();
    };

    let title = move || survey.with_value(|s| s.title.get(lang.get()).to_string());
    let description = move || {
        survey.with_value(|s| {
            s.description
                .as_ref()
                .map(|d| d.get(lang.get()).to_string())
        })
    };
    let thanks = move || {
        survey.with_value(|s| {
            s.thanks
                .as_ref()
                .map(|d| d.get(lang.get()).to_string())
                .unwrap_or_else(|| Msg::ThanksBody.text(lang.get()).to_string())
        })
    };
    let program = view.program_name.clone();
    let support = StoredValue::new(view.support.clone());

    let form = move || {
        let Some(page_id) = current_id.get() else {
            return ().into_any();
        };
        let page_def = survey.with_value(|s| s.pages.iter().find(|p| p.id == page_id).cloned());
        let Some(page_def) = page_def else {
            return ().into_any();
        };
        let page_title = page_def.title.clone();
        let untitled = page_title.is_none();
        // The legend explains the asterisk, so only pages that show one carry it.
        let required: Vec<String> = page_def
            .questions
            .iter()
            .filter(|q| q.required)
            .map(|q| q.id.clone())
            .collect();
        let any_required = move || vis.with(|v| required.iter().any(|q| v.shows(q)));
        let questions = page_def
            .questions
            .into_iter()
            .map(|q| {
                let qid = q.id.clone();
                let shown = {
                    let qid = qid.clone();
                    move || vis.with(|v| v.shows(&qid))
                };
                let missing = {
                    let qid = qid.clone();
                    Signal::derive(move || {
                        errors.with(|e| e.missing_items.get(&qid).cloned().unwrap_or_default())
                    })
                };
                let err = Signal::derive(move || errors.with(|e| e.questions.get(&qid).cloned()));
                view! {
                    <Show when=shown.clone()>
                        <QuestionView survey=survey question=q.clone() answers=answers error=err missing_items=missing />
                    </Show>
                }
            })
            .collect_view();
        let position = move || {
            let (n, total) = (current_page() + 1, page_count.get().max(1));
            (n, total, (n * 100 / total).min(100))
        };
        view! {
            <form class="survey-page" novalidate on:submit=|ev| ev.prevent_default()>
                <div class="progress" role="group" aria-label=move || Msg::Progress.text(lang.get())>
                    <p class="page-count" id=untitled.then_some(PAGE_HEADING) tabindex="-1">{move || {
                        let (n, total, _) = position();
                        fill(Msg::PageOf, lang.get(), &[("n", n.to_string()), ("total", total.to_string())])
                    }}</p>
                    <div class="progress-bar" aria-hidden="true">
                        <div class="progress-fill" style=move || format!("width: {}%", position().2)></div>
                    </div>
                </div>
                {move || page_title.as_ref().map(|t| view! { <h2 id=PAGE_HEADING tabindex="-1">{t.get(lang.get()).to_string()}</h2> })}
                {move || any_required().then(|| view! { <p class="required-legend">{t(Msg::RequiredLegend)}</p> })}
                {questions}
                <p class="form-error" role="alert" hidden=move || summary_error.get().is_none()>
                    {move || summary_error.get().map(|m| m.text(lang.get())).unwrap_or_default()}
                </p>
                <div class="nav-buttons">
                    {move || (current_page() > 0).then(|| view! { <button type="button" class="secondary" on:click=go_back>{t(Msg::Previous)}</button> })}
                    {move || if is_last.get() {
                        view! { <button type="button" class="primary" on:click=submit>{t(Msg::Submit)}</button> }.into_any()
                    } else {
                        view! { <button type="button" class="primary" on:click=go_next>{t(Msg::Next)}</button> }.into_any()
                    }}
                </div>
            </form>
        }
        .into_any()
    };

    // The tab says where in the survey the person is ("Pagina 2 van 6 · Pilot — Wavegate"),
    // and after sending that it was sent.
    name_page(move || {
        let l = lang.get();
        let survey_title = title();
        match stage.get() {
            Stage::Answering => {
                let (n, total) = (current_page() + 1, page_count.get().max(1));
                let at = fill(
                    Msg::PageOf,
                    l,
                    &[("n", n.to_string()), ("total", total.to_string())],
                );
                format!("{at} · {survey_title}")
            }
            Stage::Done(_) if previously_submitted => {
                format!("{} · {survey_title}", Msg::AlreadySubmitted.text(l))
            }
            Stage::Done(_) => format!("{} · {survey_title}", Msg::ThanksTitle.text(l)),
            Stage::Refused(_) => format!("{} · {survey_title}", Msg::SubmitFailed.text(l)),
            Stage::AnsweredBefore => {
                format!("{} · {survey_title}", Msg::AnsweredBeforeTitle.text(l))
            }
            _ => survey_title,
        }
    });
    view! {
        <article class="survey" aria-labelledby="survey-title">
            <header class="survey-header">
                <p class="program-name">{program}</p>
                <h1 id="survey-title">{title}</h1>
            </header>
            // While answers wait to be sent, the waiting card says all there is to say.
            {move || (offline_notice.get() && !matches!(stage.get(), Stage::Queued(_))).then(|| view! { <p class="banner banner-info" role="status">{t(Msg::UsingSavedCopy)}</p> })}
            {move || match stage.get() {
                Stage::Answering => view! {
                    {move || {
                        // One banner says where the answers come from, when there is anything to say.
                        let origin = origin.get();
                        // An anonymous link says it below, with the way to start over.
                        let welcome_back = !anonymous && resumed && page.get_untracked() == 0 && !answers.with_untracked(Answers::is_empty);
                        (origin.is_some() || welcome_back).then(|| view! {
                            <p class="banner banner-info" role="status">{move || match &origin {
                                Some(o @ (Origin::Saved(at) | Origin::OtherDevice(at))) => {
                                    let said = if matches!(o, Origin::Saved(_)) { Msg::ResumedSaved } else { Msg::ResumedFromOtherDevice };
                                    fill(said, lang.get(), &[("time", written_time(at, lang.get()))])
                                }
                                Some(Origin::ThisDevice) => Msg::KeptThisDevice.text(lang.get()).to_string(),
                                None => Msg::Resumed.text(lang.get()).to_string(),
                            }}</p>
                        })
                    }}
                    // An anonymous link is often shared, on a shared computer too: answers found on
                    // the device may be someone else's, and whoever opens it can start afresh.
                    {move || (found_answers.get() && !answers.with(Answers::is_empty)).then(|| view! {
                        <div class="banner banner-info resumed-anonymous" role="status">
                            <p>{t(Msg::AnonymousResumed)}</p>
                            <button type="button" class="secondary" on:click=move |e| {
                                found_answers.set(false);
                                another(e);
                            }>{t(Msg::StartOver)}</button>
                        </div>
                    })}
                    {move || (page.get() == 0).then(|| description().map(|d| view! { <p class="survey-intro">{d}</p> }))}
                    // Said before the first answer: people answer more candidly when they know.
                    {move || (anonymous && page.get() == 0).then(|| view! { <p class="anonymous-note">{t(Msg::AnonymousNote)}</p> })}
                    {form}
                    // Offline, a personal link's answers are on this device only until they go.
                    <p class="draft-note">{move || {
                        let here_only = anonymous || offline_notice.get();
                        t(if here_only { Msg::DraftSaved } else { Msg::DraftSavedEverywhere })()
                    }}</p>
                    {(!anonymous).then(|| view! {
                        <p class="not-you">
                            <button type="button" class="link-button" aria-expanded=move || confirm_clear.get().to_string()
                                on:click=move |_| {
                                    confirm_clear.set(true);
                                    request_animation_frame(|| wavegate_ui::dom::focus_id("clear-question"));
                                }>{t(Msg::NotYouClear)}</button>
                        </p>
                        // Wiping is for good: answers not yet on the server are lost, so it is
                        // asked once more, saying so.
                        {move || confirm_clear.get().then(|| view! {
                            <div class="card confirm-clear" role="group" aria-labelledby="clear-question">
                                <p id="clear-question" tabindex="-1">{move || {
                                    let token = token.get_value();
                                    // As `clear_device` does: the server's copy goes only when this
                                    // device saved it (`take_back`); one saved from another device
                                    // stays, and opening the link again continues with it.
                                    t(match (draft_sync::unsaved(&token), draft_sync::saved_here(&token)) {
                                        (true, true) => Msg::ClearLosesAll,
                                        (true, false) => Msg::ClearLosesUnsaved,
                                        (false, true) => Msg::ClearTakesBackSaved,
                                        (false, false) => Msg::ClearKeepsSaved,
                                    })()
                                }}</p>
                                <div class="toolbar">
                                    <button type="button" class="secondary" on:click=clear_device>{t(Msg::ClearConfirm)}</button>
                                    <button type="button" class="secondary" on:click=move |_| confirm_clear.set(false)>{t(Msg::ClearCancel)}</button>
                                </div>
                            </div>
                        })}
                    })}
                }.into_any(),
                Stage::Cleared => notice(Msg::DeviceCleared, both(|l| Msg::DeviceClearedBody.text(l))).into_any(),
                Stage::Sending => view! { <p class="status" role="status">{t(Msg::Submitting)}</p> }.into_any(),
                Stage::Queued(wait) => waiting_notice(wait, retry).into_any(),
                Stage::Done(ack) => view! {
                    <section class="card thanks" role="status">
                        <h2 id=THANKS_TITLE tabindex="-1">{move || if previously_submitted { Msg::AlreadySubmitted.text(lang.get()) } else { Msg::ThanksTitle.text(lang.get()) }}</h2>
                        {(!previously_submitted).then(|| view! { <p>{thanks}</p> })}
                        <p class="submitted-at">{t(Msg::SubmittedAt)}" "<time datetime=ack.submitted_at.clone()>{let at = ack.submitted_at.clone(); move || written_time(&at, lang.get())}</time></p>
                        {help_contacts_in(HelpPlace::InSection, support.get_value())}
                        // Only an anonymous link is meant to be answered more than once: one link
                        // serves its whole group, up to as many answers as the group has people,
                        // so on a shared device the next person starts here. A personal link takes
                        // one response (the server refuses a second, `already_submitted`), so it
                        // offers none. Worded for someone else, not "again": each extra answer by
                        // the same person takes a colleague's place on the link.
                        {anonymous.then(|| view! { <button type="button" class="secondary" on:click=another>{t(Msg::AnotherResponse)}</button> })}
                    </section>
                }.into_any(),
                Stage::AnsweredBefore => answered_before(support.get_value()).into_any(),
                Stage::Refused(message) => view! {
                    <section class="card notice" role="alert">
                        <h2>{t(Msg::SubmitFailed)}</h2>
                        <p>{message}</p>
                        {help_contacts_in(HelpPlace::InSection, support.get_value())}
                    </section>
                }.into_any(),
            }}
        </article>
    }
}
