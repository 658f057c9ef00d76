//! The trainee's pages under `/t/{token}`: "My training" (the program, the assigned modules with
//! progress bars and minutes, where to get help), a module (lessons, quiz, results,
//! certificate), and what the link opens when it is unknown, expired or revoked (with the
//! helpdesk), offline without a copy, or cleared from the device (and, opened again, whether to
//! open it).

pub mod address;
pub mod certificate;
pub mod gate;
pub mod last_attempt;
pub mod module;
pub mod next_attempt;
pub mod not_you;
pub mod ordering;
pub mod pending;
pub mod quiz;
pub mod quiz_focus;
pub mod retry;
pub mod step;
pub mod updated;
pub mod wait;

use crate::i18n::{Lang, Msg, UiMsg, both, fill, t, tr, use_lang};
use crate::local;
use leptos::prelude::*;
use wavegate_core::api::{ErrorCode, ProgramSupport};
use wavegate_core::i18n::Text;
use wavegate_core::training::wire::{MyTraining, SubmitAnswers, SyncView};
use wavegate_core::training::{QuizResult, view_fact_id};
use wavegate_ui::api::{ApiError, train as api};
use wavegate_ui::lang_switch::follow_link_language;
use wavegate_ui::support::{help_contacts, link_page};

/// What the page shares with the module views.
#[derive(Clone, Copy)]
pub struct Session {
    /// The training link.
    pub token: StoredValue<String>,
    /// The trainee's modules and progress (the device's copy joined with the server's).
    pub training: RwSignal<MyTraining>,
    /// Facts waiting for the server.
    pub pending: RwSignal<usize>,
    /// The page's language, held here because syncs run outside the view tree, where the
    /// context is out of reach (the server words its refusals in it).
    pub lang: RwSignal<Lang>,
    /// How the link opened; a sync that finds the link expired or revoked closes the page.
    opened: RwSignal<Option<Opened>>,
    /// Whether the server refused a quiz attempt this device scored (it no longer counts).
    pub attempt_refused: RwSignal<bool>,
}

impl Session {
    /// The session of the link `token`, before its modules arrive (within the view tree: it
    /// takes the page's language from the context).
    pub fn new(token: &str) -> Session {
        Session {
            opened: RwSignal::new(None),
            attempt_refused: RwSignal::new(false),
            token: StoredValue::new(token.to_string()),
            training: RwSignal::new(MyTraining {
                program_name: String::new(),
                helpdesk: None,
                faq_url: None,
                name: String::new(),
                language: None,
                modules: Vec::new(),
            }),
            pending: RwSignal::new(local::outbox(token).len()),
            lang: use_lang(),
        }
    }

    /// The trainee's modules have arrived (the server's or the device's copy): the page speaks
    /// the link's language unless the person chose another on this device.
    pub fn open(self, training: MyTraining) {
        follow_link_language(self.lang, training.language);
        self.training.set(training);
    }

    /// Records that a lesson was viewed: on the device at once, then sent.
    pub fn view_lesson(self, module_id: &str, lesson: &str) {
        let at = local::now();
        let mut changed = None;
        let seen = self.training.with_untracked(|tr| {
            tr.modules.iter().any(|m| {
                m.module.id == module_id
                    && m.progress
                        .views
                        .get(&m.module.version)
                        .is_some_and(|v| v.contains_key(lesson))
            })
        });
        if seen {
            return;
        }
        self.training.update(|tr| {
            if let Some(m) = tr.modules.iter_mut().find(|m| m.module.id == module_id)
                && m.progress.view_lesson(&m.module, lesson, at).is_ok()
            {
                m.status = m.progress.status(&m.module, &m.lineage);
                changed = Some(m.module.version);
            }
        });
        if let Some(version) = changed {
            let token = self.token.get_value();
            local::enqueue_view(
                &token,
                module_id,
                SyncView {
                    id: view_fact_id(version, lesson),
                    version,
                    lesson: lesson.to_string(),
                    at,
                },
            );
            local::keep(&token, &self.training.get_untracked());
            self.sync();
        }
    }

    /// Records a scored attempt (scored on the device by the core), then sends it.
    pub fn record_attempt(self, module_id: &str, attempt: SubmitAnswers) -> Option<QuizResult> {
        let mut result = None;
        self.training.update(|tr| {
            if let Some(m) = tr.modules.iter_mut().find(|m| m.module.id == module_id) {
                let submission = wavegate_core::training::Submission {
                    id: attempt.id.clone(),
                    number: attempt.number,
                    answers: attempt.answers.clone(),
                    started_at: attempt.started_at,
                    submitted_at: attempt.submitted_at,
                };
                result = m
                    .progress
                    .submit_attempt(&m.module, &m.lineage, submission, local::now())
                    .ok();
                m.status = m.progress.status(&m.module, &m.lineage);
            }
        });
        if result.is_some() {
            let token = self.token.get_value();
            local::enqueue_attempt(&token, module_id, attempt);
            local::keep(&token, &self.training.get_untracked());
            self.sync();
        }
        result
    }

    /// Sends what waits, in the background; offline it stays for later.
    pub fn sync(self) {
        let token = self.token.get_value();
        // What waits is counted once the server has answered (or could not be reached), not
        // before: online, each lesson read would otherwise flash "not sent yet" at the trainee.
        let lang = self.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let mut copy = self.training.get_untracked();
            match local::sync(&token, &mut copy, lang).await {
                Ok(refused) => {
                    self.training.set(copy);
                    if refused > 0 {
                        self.attempt_refused.set(true);
                        // A new version may have come out meanwhile, which the server judges
                        // attempts by: without it every retry would be refused again.
                        if let Ok(mut fresh) = api::my_training(&token).await {
                            local::join(&mut fresh, local::cached(&token).as_ref());
                            local::keep(&token, &fresh);
                            self.training.set(fresh);
                        }
                    }
                }
                // Revoked or expired while the page was open: say so now, as on opening.
                Err(e) => {
                    if let Some(closed) = closed_link(&e) {
                        local::clear(&token);
                        self.opened.set(Some(closed));
                    }
                }
            }
            self.pending.set(local::outbox(&token).len());
        });
    }
}

/// How the link was opened.
#[derive(Clone, Debug, PartialEq)]
enum Opened {
    Ready {
        offline: bool,
    },
    Invalid,
    /// Past its last day (`expired`) or revoked; whom to ask for a new one.
    Closed {
        expired: bool,
        support: ProgramSupport,
    },
    Unavailable,
    Failed(ApiError),
    Cleared,
    /// Removed from this device with "not you?": asked before anything loads.
    Gate,
}

/// A link that opens nothing: a page of its own, as the respondent's is, with a heading like
/// every page and the way on to the start page.
pub fn invalid() -> impl IntoView {
    link_page(UiMsg::LinkInvalidTitle, UiMsg::LinkInvalid, None)
}

/// The id of the cleared page's heading.
pub const CLEARED_TITLE: &str = "cleared-title";

/// After "not you?": the device was cleared and the link's address replaced by this page's.
/// The button pressed is gone with the page it was on, so focus goes to the heading, where a
/// screen reader then starts. With `reopen`, the page a removed link opens first (see
/// [`gate`]): the same, with the person's choice to open it again.
pub fn cleared(reopen: Option<Callback<()>>) -> impl IntoView {
    named(Msg::ClearedTitle);
    wavegate_ui::dom::focus_id_soon(CLEARED_TITLE.into());
    view! {
        <section class="card notice cleared" aria-labelledby=CLEARED_TITLE>
            <h1 id=CLEARED_TITLE tabindex="-1">{t(Msg::ClearedTitle)}</h1>
            <p>{t(Msg::Cleared)}</p>
            {reopen.map(|f| view! {
                <button type="button" class="primary" on:click=move |_| f.run(())>{t(Msg::Reopen)}</button>
            })}
        </section>
    }
}

/// Names the browser tab after a page's heading, in the page's language.
pub fn named(title: Msg) {
    let lang = use_lang();
    wavegate_ui::dom::name_page(move || title.text(lang.get()).into());
}

/// A notice on its own: `text`, in the page's language (one view for every such notice).
fn notice(class: &'static str, text: Text) -> impl IntoView {
    view! { <section class=class role="alert"><p>{tr(text)}</p></section> }
}

/// The page of a training link that no longer opens: what happened, and the helpdesk to ask
/// for a new link (the program's own, else the general hint).
fn closed(expired: bool, support: ProgramSupport) -> impl IntoView {
    let (title, body) = if expired {
        (Msg::LinkExpiredTitle, Msg::LinkExpiredBody)
    } else {
        (Msg::LinkRevokedTitle, Msg::LinkRevokedBody)
    };
    link_page(title, body, Some(support))
}

/// What opening the link answered, when it is closed: expired or revoked, with the program's
/// support.
fn closed_link(e: &ApiError) -> Option<Opened> {
    let expired = match e.code()? {
        ErrorCode::LinkExpired => true,
        ErrorCode::LinkRevoked => false,
        _ => return None,
    };
    Some(Opened::Closed {
        expired,
        support: e.details::<ProgramSupport>().unwrap_or_default(),
    })
}

/// `/t/{token}`: "My training", or the module opened.
#[component]
pub fn TrainingPage(
    /// The training link's token.
    token: String,
) -> impl IntoView {
    let session = Session::new(&token);
    let opened = session.opened;
    provide_context(session);
    // Progress made offline goes out as soon as the connection returns, not at the next reload.
    let _ = wavegate_ui::dom::connection(move || session.sync());
    let open_module = RwSignal::new(address::opened_module());
    address::follow(open_module);
    // A reload mid-quiz continues it at once, in the module the address names; a module opened
    // from the list shows its overview (with the quiz to continue from there).
    let resume = StoredValue::new(open_module.get_untracked());
    gate::watch(&token, move |restored| {
        session.training.update(|tr| tr.modules.clear());
        opened.set(Some(if restored {
            Opened::Gate
        } else {
            Opened::Cleared
        }));
    });
    let load = move || {
        leptos::task::spawn_local(async move {
            let token = session.token.get_value();
            let device = local::cached(&token);
            let result = match api::my_training(&token).await {
                Ok(mut fresh) => {
                    local::join(&mut fresh, device.as_ref());
                    local::keep(&token, &fresh);
                    session.open(fresh);
                    session.sync();
                    Opened::Ready { offline: false }
                }
                Err(ApiError::Network) => match device {
                    Some(copy) => {
                        session.open(copy);
                        Opened::Ready { offline: true }
                    }
                    None => Opened::Unavailable,
                },
                Err(e) if matches!(e.status(), Some(400 | 404)) => Opened::Invalid,
                Err(e) => match closed_link(&e) {
                    Some(closed) => {
                        // The device keeps nothing of a link that no longer opens: what waits
                        // could never be sent, and the next person on the device must not see it.
                        local::clear(&token);
                        closed
                    }
                    None => Opened::Failed(e),
                },
            };
            opened.set(Some(result));
        })
    };
    if crate::forgotten::is_marked(&token) {
        opened.set(Some(Opened::Gate));
    } else {
        load();
    }
    // The device has forgotten the link (after the trainee confirmed): the page says so, and the
    // link's address leaves the tab.
    let forgotten = Callback::new(move |()| {
        opened.set(Some(Opened::Cleared));
        wavegate_ui::dom::replace_address(crate::CLEARED);
    });
    let reopen = Callback::new(move |()| {
        crate::forgotten::unmark(&session.token.get_value());
        opened.set(None);
        wavegate_ui::dom::focus_main();
        load();
    });
    move || match opened.get() {
        None => view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }.into_any(),
        Some(Opened::Invalid) => invalid().into_any(),
        Some(Opened::Closed { expired, support }) => closed(expired, support).into_any(),
        Some(Opened::Unavailable) => {
            notice("card notice", both(|l| Msg::OfflineNoCopy.text(l).into())).into_any()
        }
        Some(Opened::Cleared) => cleared(None).into_any(),
        // A removed link opened again: the cleared page, and the person's choice to open it.
        Some(Opened::Gate) => cleared(Some(reopen)).into_any(),
        Some(Opened::Failed(e)) if wavegate_ui::support::is_busy(&e) => {
            wavegate_ui::support::busy_page().into_any()
        }
        Some(Opened::Failed(e)) => {
            let message = wavegate_ui::errors::message(&e);
            notice("card notice", both(|l| message.text(l).into())).into_any()
        }
        // A module the address names but this trainee does not have (an old bookmark): the list.
        Some(Opened::Ready { offline }) => {
            let page = match open_module.get().filter(|id| {
                (session.training)
                    .with_untracked(|tr| tr.modules.iter().any(|m| &m.module.id == id))
            }) {
                Some(id) => {
                    let resume_quiz = resume.with_value(|r| r.as_ref() == Some(&id));
                    resume.set_value(None);
                    view! { <module::ModuleView module_id=id back=open_module resume=resume_quiz /> }
                        .into_any()
                }
                None => {
                    view! { <MyTrainingList offline=offline open=open_module cleared=forgotten /> }
                        .into_any()
                }
            };
            view! {
                {move || session.attempt_refused.get().then(|| {
                    notice("card notice attempt-refused", both(|l| Msg::AttemptRefused.text(l).into()))
                })}
                {page}
            }
            .into_any()
        }
    }
}

/// "My training": the program it is part of, the modules with how far the trainee is, where to
/// get help, and "not you?".
#[component]
pub fn MyTrainingList(
    /// Shown from the device's copy, the server out of reach.
    offline: bool,
    /// The module to open.
    open: RwSignal<Option<String>>,
    /// What follows once the device has forgotten the link ("not you?").
    cleared: Callback<()>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let lang = use_lang();
    named(Msg::MyTraining);
    let offline_notice = wavegate_ui::dom::offline_notice(offline);
    // Which rollout the training is part of, and where to get help: the program's, which do
    // not change while the page is open (its name comes with the trainee's own).
    let (program, support) =
        (session.training).with_untracked(|tr| (tr.program_name.clone(), tr.support()));
    view! {
        <section class="card">
            <h1>{t(Msg::MyTraining)}</h1>
            // Whose training, and which rollout it is part of, in one sentence.
            // Greeted by name only when there is one (the server never sends an address as one):
            // without, "Hallo, dit is …" (one message for both, the trainee's download is
            // counted in bytes).
            <p>{move || {
                let name = session.training.with(|tr| tr.name.clone());
                fill(Msg::Hello, lang.get(), &[("name", name), ("program", program.clone())])
                    .replacen(" ,", ",", 1)
            }}</p>
            {move || offline_notice.get().then(|| view! { <p class="notice" role="status">{t(Msg::OfflineCopy)}</p> })}
            {pending::pending_line()}
            {move || session.training.with(|tr| tr.modules.is_empty()).then(|| view! { <p>{t(Msg::NothingAssigned)}</p> })}
            <ul class="modules">
                {move || session.training.get().modules.into_iter().map(|m| {
                    let id = m.module.id.clone();
                    let percent = wavegate_core::i18n::percent(m.status.share_done);
                    let title = m.module.title.clone();
                    let title_for_bar = m.module.title.clone();
                    let title_for_open = m.module.title.clone();
                    // Done by the module's completion rule: under "completed" the quiz left
                    // unpassed is practice, not work still to do.
                    let done = m.status.done_at.is_some();
                    let updated = m.status.updated.then(|| updated::updated_note(&m));
                    // Every attempt used and not passed: said here too, not only in the module.
                    let closed = matches!(
                        next_attempt::blocked(&m, local::now(), false),
                        Some(next_attempt::NoAttempt::NoneLeft(_))
                    );
                    // After a substantive new version the text says what is left; the bar
                    // measures the new version.
                    let how_far = both(|l| {
                        // A changed lesson to read again is said even when the rule is met.
                        let left = match updated::still_to_do(&m, l) {
                            Some(left) => left,
                            None if done => return Msg::Done.text(l).to_string(),
                            None => fill(Msg::ShareDone, l, &[("n", percent.to_string())]),
                        };
                        match closed && !done {
                            true => format!("{left} · {}", Msg::QuizClosed.text(l)),
                            false => left,
                        }
                    });
                    view! {
                        <li class="module-item">
                            <h2>{tr(title)}</h2>
                            <p class="meta">
                                {tr(both(|l| fill(Msg::Minutes, l, &[("n", m.module.estimate_minutes.to_string())])))}
                                " · "
                                {tr(how_far)}
                            </p>
                            <progress max="100" value=percent.to_string()
                                aria-label=tr(title_for_bar)></progress>
                            {updated}
                            // Several "Open" buttons in a row: each names its module for a screen reader's list of buttons.
                            // A finished module's is plain, so the eye goes to what is left to do.
                            <button type="button" class=if done { "secondary" } else { "primary" }
                                aria-label=tr(both(|l| fill(Msg::OpenModule, l, &[("title", title_for_open.get(l).to_string())])))
                                on:click=move |_| open.set(Some(id.clone()))>{t(Msg::Open)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            // Only what the program set: with nothing set, no general hint (nothing went wrong).
            {(!support.is_empty()).then(|| help_contacts(support))}
            <not_you::NotYou cleared=cleared />
        </section>
    }
}
