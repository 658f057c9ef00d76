//! `/planner/programs/{program}/training`: the program's training modules, publishing one
//! from the core's built-in modules or from an uploaded `wavegate.module/1` file, and revoking a
//! wave's training links.

use super::{ProgramNav, Tab, links, param};
use crate::components::notice::load_failed;
use crate::components::preview::{Checked, Fact, PreviewedPicker};
use crate::components::publish::{self, Publishing, builtin_options};
use crate::i18n::{Lang, Msg, UiMsg, counted, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::{ErrorCode, SurveyProblem};
use wavegate_core::i18n::Text;
use wavegate_core::i18n::count;
use wavegate_core::training::wire::{ModulePublished, ModuleSummary, PublishModule};
use wavegate_core::training::{Change, ChangeKind, Module, templates};
use wavegate_ui::api::{ApiError, training};

/// What publishing a module (or a version of one) answered.
pub type Outcome = publish::Outcome<ModulePublished>;

/// Reads the server's answer to publishing a module or a version of one.
pub(super) fn outcome_of(answer: Result<ModulePublished, ApiError>) -> Outcome {
    Outcome::from(answer, ErrorCode::InvalidModule)
}

/// The result of publishing, in the planner's language; `open` links to the module's page.
pub fn outcome_view(o: Outcome, program: String, open: bool) -> AnyView {
    let lang = use_lang();
    o.view(|p| {
        let link = links::module(&program, &p.module_id);
        // Named by its title, as the list above names it; the id is for files and links.
        let (title, version) = (p.title.clone(), p.version.to_string());
        let vars = move |lang: Lang| {
            [
                ("module", title.get(lang).to_string()),
                ("version", version.clone()),
            ]
        };
        let msg = if p.created {
            Msg::ModulePublished
        } else {
            Msg::ModuleUnchanged
        };
        let restudy = p.must_restudy;
        view! {
            <div id="module-published" class="banner banner-ok" role="status" tabindex="-1">
                <p>{move || fill(msg, lang.get(), &vars(lang.get()))}
                    {open.then(|| view! { " "<a href=link.clone()>{t(Msg::OpenModule)}</a> })}</p>
                {(restudy > 0).then(|| view! {
                    <p>{move || if restudy == 1 {
                        Msg::MustRestudyOne.text(lang.get()).to_string()
                    } else {
                        fill(Msg::MustRestudyN, lang.get(), &[("n", count(restudy, lang.get()))])
                    }}</p>
                })}
            </div>
        }
        .into_any()
    })
}

/// What a module's preview shows: id, version, lessons, quiz questions, duration, languages
/// and, for a later version, its change notes per lesson (by the lesson's title).
fn module_facts(m: &Module) -> Vec<Fact> {
    let mut facts = vec![
        Fact::one(Msg::FactId, Text::new(m.id.clone(), m.id.clone())),
        Fact::count(Msg::FactVersion, m.version as usize),
        Fact::count(Msg::FactLessons, m.lessons.len()),
        match &m.quiz {
            Some(q) => Fact::count(Msg::FactQuizQuestions, q.questions.len()),
            None => Fact::word(Msg::FactQuizQuestions, Msg::FactNoQuiz),
        },
        Fact::one(
            Msg::FactMinutes,
            Text::new(
                minutes(m.estimate_minutes, Lang::Nl),
                minutes(m.estimate_minutes, Lang::En),
            ),
        ),
        Fact::one(
            Msg::FactLanguages,
            super::surveys::language_names(&m.languages),
        ),
    ];
    if m.version > 1 {
        let change = |c: &Change, l: Lang| {
            let lesson = m
                .lessons
                .iter()
                .find(|x| x.id == c.lesson)
                .map_or(c.lesson.as_str(), |x| x.title.get(l));
            let kind = match c.kind {
                ChangeKind::Substantive => Msg::ChangeSubstantive,
                ChangeKind::Editorial => Msg::ChangeEditorial,
            };
            format!("{lesson} ({}): {}", kind.text(l), c.note.get(l))
        };
        facts.push(if m.changes.is_empty() {
            Fact::word(Msg::FactChanges, Msg::FactNoChanges)
        } else {
            Fact {
                label: Msg::FactChanges,
                values: m
                    .changes
                    .iter()
                    .map(|c| Text::new(change(c, Lang::Nl), change(c, Lang::En)))
                    .collect(),
            }
        });
    }
    facts
}

/// Reads a picked module file with the core's validator (the one the server runs): its preview
/// and the request that publishes it, or every problem at its path.
pub(super) fn check_module(
    json: serde_json::Value,
    file: String,
    lang: Lang,
) -> Result<Checked<PublishModule>, Outcome> {
    let module = Module::from_value(json.clone()).map_err(|errors| {
        Outcome::Invalid(
            ErrorCode::InvalidModule,
            SurveyProblem::list(&errors, lang),
            None,
        )
    })?;
    Ok(Checked {
        file,
        title: module.title.clone(),
        facts: module_facts(&module),
        warnings: Vec::new(),
        body: PublishModule {
            builtin: None,
            module: Some(json),
        },
    })
}

/// Publishing a module: a built-in one, or a file checked and previewed first.
#[component]
fn Publish(program: Memo<String>, published: Trigger) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let builtin = RwSignal::new(templates::IDS[0].to_string());
    let publishing = Publishing::<ModulePublished>::new().focusing("module-outcome");
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
    let check = move |json, file| check_module(json, file, lang.get_untracked());
    let options = builtin_options(templates::catalogue());
    let busy = publishing.busy;
    let disabled = Signal::derive(move || busy.get() || !session.can_change());
    view! {
        <section class="card" aria-labelledby="publish-module-title">
            <h2 id="publish-module-title">{t(Msg::PublishModuleTitle)}</h2>
            <fieldset class="plain" aria-labelledby="publish-module-title" disabled=move || !session.can_change()>
                <form on:submit=from_builtin novalidate>
                    <div class="field">
                        <label for="builtin-module">{t(Msg::BuiltinModule)}</label>
                        <select id="builtin-module" on:change=move |ev| builtin.set(event_target_value(&ev))>{options}</select>
                    </div>
                    <button type="submit" class="primary" disabled=move || disabled.get()>{t(Msg::PublishTemplate)}</button>
                </form>
                <h3>{t(Msg::OrUploadModule)}</h3>
                <PreviewedPicker id="module-file" label=Msg::ChooseModule check=check send=run
                    publishing=publishing disabled=disabled outcome_id="module-outcome" />
            </fieldset>
            <div id="module-outcome" tabindex="-1">
                {move || publishing.outcome.get().map(|o| outcome_view(o, program.get_untracked(), true))}
            </div>
        </section>
    }
}

/// A module's estimated time in words, right for one minute.
fn minutes(n: u32, lang: Lang) -> String {
    counted(u64::from(n), Msg::MinutesOne, Msg::MinutesN, lang)
}

/// One module in the list: its title, latest version, minutes and people assigned.
pub fn module_counts(m: &ModuleSummary, lang: Lang) -> String {
    fill(
        Msg::ModuleCounts,
        lang,
        &[
            ("version", m.version.to_string()),
            ("minutes", minutes(m.estimate_minutes, lang)),
            ("assigned", count(m.assigned, lang)),
        ],
    )
}

/// A count of an imported module, or a dash when it has records of fewer than 5 people.
fn imported_count(n: Option<u64>, lang: Lang) -> String {
    n.map_or_else(|| "—".to_string(), |n| count(n, lang))
}

/// The training records imported as a file (from another learning tool), per module: shown
/// only once such a file is in use, since readiness counts them beside the ones collected
/// here. A module published here is named by its title.
#[component]
fn ImportedRecords(
    program: Memo<String>,
    /// The page's list of the modules published here, for their titles.
    modules: LocalResource<Result<Vec<ModuleSummary>, ApiError>>,
) -> impl IntoView {
    let lang = use_lang();
    let imported = LocalResource::new(move || {
        let pid = program.get();
        async move { training::imported(&pid).await }
    });
    let title_of = move |id: &str, l: Lang| {
        modules
            .get()
            .and_then(|list| list.ok())
            .and_then(|list| list.into_iter().find(|m| m.id == id))
            .map_or_else(|| id.to_string(), |m| format!("{} ({id})", m.title.get(l)))
    };
    let body = move || {
        imported.get().map(|r| match r {
            Ok(found) => {
                let (Some(file), Some(at)) = (found.file_name, found.imported_at) else {
                    return ().into_any();
                };
                let any_hidden = found.modules.iter().any(|m| m.people.is_none());
                let pid = program.get_untracked();
                view! {
                    <section class="card" aria-labelledby="imported-training-title" id="imported-training">
                        <h2 id="imported-training-title">{t(Msg::ImportedTrainingTitle)}</h2>
                        <p>{move || fill(Msg::ImportedTrainingFrom, lang.get(), &[
                            ("file", file.clone()),
                            ("at", wavegate_ui::dom::written_time(&at, lang.get())),
                        ])}" "<a href=links::files(&pid)>{t(Msg::ReplaceOnFilesPage)}</a></p>
                        <div class="table-scroll" tabindex="0" role="region" aria-label=move || crate::i18n::table_label(Msg::ImportedTrainingTitle, lang.get())>
                            <table class="rates imported-training stack">
                                <thead><tr>
                                    <th scope="col">{t(Msg::ModuleCol)}</th>
                                    <th scope="col" class="num">{t(Msg::PeopleCol)}</th>
                                    <th scope="col" class="num">{t(Msg::StartedCol)}</th>
                                    <th scope="col" class="num">{t(Msg::DoneCol)}</th>
                                    <th scope="col" class="num">{t(Msg::DonePercentCol)}</th>
                                    <th scope="col" class="num">{t(Msg::PassedCol)}</th>
                                </tr></thead>
                                <tbody>
                                    {found.modules.into_iter().map(|m| {
                                        let id = m.module_id.clone();
                                        view! {
                                            <tr data-module=m.module_id.clone()>
                                                <th scope="row">{move || title_of(&id, lang.get())}</th>
                                                <td class="num" data-label=t(Msg::PeopleCol)>{move || imported_count(m.people, lang.get())}</td>
                                                <td class="num" data-label=t(Msg::StartedCol)>{move || imported_count(m.started, lang.get())}</td>
                                                <td class="num" data-label=t(Msg::DoneCol)>{move || imported_count(m.completed, lang.get())}</td>
                                                <td class="num" data-label=t(Msg::DonePercentCol)>{m.completed_percent.map_or_else(|| "—".to_string(), |n| format!("{n}%"))}</td>
                                                <td class="num" data-label=t(Msg::PassedCol)>{move || imported_count(m.passed, lang.get())}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <p class="muted">{t(Msg::ImportedTrainingCounts)}</p>
                        {any_hidden.then(|| view! { <p class="muted suppressed-note">{t(Msg::ImportedTrainingSmall)}</p> })}
                    </section>
                }
                .into_any()
            }
            Err(e) => view! {
                <section class="card">{load_failed(e, move || imported.refetch())}</section>
            }
            .into_any(),
        })
    };
    view! { <Suspense fallback=|| ()>{body}</Suspense> }
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
        <ImportedRecords program=program modules=list />
        <Publish program=program published=published />
        <super::training_revoke::RevokeWave program=program />
    }
}
