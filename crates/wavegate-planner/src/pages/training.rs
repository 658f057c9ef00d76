//! `/planner/programs/{program}/training`: the program's training modules, publishing one
//! from the core's built-in modules or from an uploaded `wavegate.module/1` file, and revoking a
//! wave's training links.

use super::{ProgramNav, Tab, links, param};
use crate::components::notice::load_failed;
use crate::components::publish::{self, Publishing, builtin_options, read_json};
use crate::components::upload::FilePicker;
use crate::i18n::{Lang, Msg, UiMsg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::ErrorCode;
use wavegate_core::training::templates;
use wavegate_core::training::wire::{ModulePublished, ModuleSummary, PublishModule};
use wavegate_ui::api::{ApiError, training};

/// What publishing a module (or a version of one) answered.
pub(super) type Outcome = publish::Outcome<ModulePublished>;

/// Reads the server's answer to publishing a module or a version of one.
pub(super) fn outcome_of(answer: Result<ModulePublished, ApiError>) -> Outcome {
    Outcome::from(answer, ErrorCode::InvalidModule)
}

/// The result of publishing, in the planner's language; `open` links to the module's page.
pub(super) fn outcome_view(o: Outcome, program: String, open: bool) -> AnyView {
    let lang = use_lang();
    o.view(|p| {
        let link = links::module(&program, &p.module_id);
        let vars = [
            ("module", p.module_id.clone()),
            ("version", p.version.to_string()),
        ];
        let msg = if p.created {
            Msg::ModulePublished
        } else {
            Msg::ModuleUnchanged
        };
        let restudy = p.must_restudy;
        view! {
            <div id="module-published" class="banner banner-ok" role="status" tabindex="-1">
                <p>{move || fill(msg, lang.get(), &vars)}
                    {open.then(|| view! { " "<a href=link.clone()>{t(Msg::OpenModule)}</a> })}</p>
                {(restudy > 0).then(|| view! {
                    <p>{move || if restudy == 1 {
                        Msg::MustRestudyOne.text(lang.get()).to_string()
                    } else {
                        fill(Msg::MustRestudyN, lang.get(), &[("n", restudy.to_string())])
                    }}</p>
                })}
            </div>
        }
        .into_any()
    })
}

/// Publishing a module: a built-in one or a file.
#[component]
fn Publish(program: Memo<String>, published: Trigger) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let builtin = RwSignal::new(templates::IDS[0].to_string());
    let publishing = Publishing::<ModulePublished>::new();
    let run = move |body: PublishModule| {
        let (csrf, pid, l) = (
            session.csrf(),
            program.get_untracked(),
            lang.get_untracked(),
        );
        publishing.run(
            async move { outcome_of(training::publish(&csrf, &pid, &body, l).await) },
            published,
        );
    };
    let from_builtin = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(PublishModule {
            builtin: Some(builtin.get_untracked()),
            module: None,
        });
    };
    let from_file = move |f: web_sys::File| {
        leptos::task::spawn_local(async move {
            match read_json(f).await {
                Some(json) => run(PublishModule {
                    builtin: None,
                    module: Some(json),
                }),
                None => publishing.outcome.set(Some(Outcome::NotJson)),
            }
        });
    };
    let options = builtin_options(
        templates::all()
            .into_iter()
            .map(|m| (m.id, m.title))
            .collect(),
    );
    let busy = publishing.busy;
    let disabled = Signal::derive(move || busy.get() || !session.can_change());
    view! {
        <section class="card" aria-labelledby="publish-module-title">
            <h2 id="publish-module-title">{t(Msg::PublishModuleTitle)}</h2>
            <fieldset class="plain" disabled=move || !session.can_change()>
                <legend class="visually-hidden">{t(Msg::PublishModuleTitle)}</legend>
                <form on:submit=from_builtin novalidate>
                    <div class="field">
                        <label for="builtin-module">{t(Msg::BuiltinModule)}</label>
                        <select id="builtin-module" on:change=move |ev| builtin.set(event_target_value(&ev))>{options}</select>
                    </div>
                    <button type="submit" class="primary" disabled=move || disabled.get()>{t(Msg::PublishTemplate)}</button>
                </form>
                <h3>{t(Msg::OrUploadModule)}</h3>
                <FilePicker id="module-file".to_string() label=Msg::ChooseModule accept=".json,application/json"
                    on_file=from_file disabled=disabled />
            </fieldset>
            {move || publishing.outcome.get().map(|o| outcome_view(o, program.get_untracked(), true))}
        </section>
    }
}

/// One module in the list: its title, latest version, minutes and people assigned.
pub(super) fn module_counts(m: &ModuleSummary, lang: Lang) -> String {
    fill(
        Msg::ModuleCounts,
        lang,
        &[
            ("version", m.version.to_string()),
            ("minutes", m.estimate_minutes.to_string()),
            ("assigned", m.assigned.to_string()),
        ],
    )
}

/// The page.
#[component]
pub fn TrainingPage() -> impl IntoView {
    let program = param("program");
    let lang = use_lang();
    let published = Trigger::new();
    let list = LocalResource::new(move || {
        published.track();
        let pid = program.get();
        async move { training::list(&pid).await }
    });
    let body = move || {
        list.get().map(|r| match r {
            Ok(modules) if modules.is_empty() => view! { <p>{t(Msg::NoModules)}</p> }.into_any(),
            Ok(modules) => {
                let pid = program.get();
                view! {
                    <ul class="survey-list module-list">
                        {modules.into_iter().map(|m| {
                            let title = m.title.clone();
                            let summary = m.clone();
                            view! {
                                <li data-module=m.id.clone()>
                                    <a href=links::module(&pid, &m.id)>{move || title.get(lang.get()).to_string()}</a>
                                    <span class="muted">" "{move || module_counts(&summary, lang.get())}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }
            Err(e) => load_failed(e, move || list.refetch()).into_any(),
        })
    };
    view! {
        <ProgramNav program=program current=Tab::Training />
        <h1>{t(Msg::TrainingTitle)}</h1>
        <section class="card" aria-labelledby="modules-title">
            <h2 id="modules-title">{t(Msg::ModulesTitle)}</h2>
            <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                {body}
            </Suspense>
        </section>
        <Publish program=program published=published />
        <super::training_revoke::RevokeWave program=program />
    }
}
