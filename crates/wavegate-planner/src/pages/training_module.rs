//! `/planner/programs/{program}/training/{module}`: one training module. Its versions and
//! publishing the next one (then who must re-study), assigning it to a wave or segment of the
//! roster, the trainees' links file, and results per group with small groups suppressed.

use super::training::{check_module, module_counts, outcome_of, outcome_view};
use super::{ProgramNav, Tab, links, param};
use crate::components::download::DownloadButton;
use crate::components::group_choice::{GroupFields, GroupPicker, GroupRequest};
use crate::components::notice::load_failed;
use crate::components::preview::PreviewedPicker;
use crate::components::publish::Publishing;
use crate::components::wave_choice::{group_value, program_waves};
use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::ListCsvQuery;
use wavegate_core::i18n::count;
use wavegate_core::readiness::program::Wave;
use wavegate_core::readiness::report::SuppressionReason;
use wavegate_core::readiness::text;
use wavegate_core::training::groups::GroupResult;
use wavegate_core::training::targeting::in_words;
use wavegate_core::training::wire::{
    AssignModule, Assigned, ModuleNames, ModulePublished, ModuleResults, ModuleSummary,
    PublishModule, RestudyList,
};
use wavegate_ui::api::training;
use wavegate_ui::dom::written_time;

/// The module's versions, newest first, with which lessons each changed and how, by title.
pub fn versions_view(m: ModuleSummary) -> impl IntoView {
    let lang = use_lang();
    let mut versions = m.versions.clone();
    versions.reverse();
    let names = m.names.clone();
    let targets = m.targets.clone();
    view! {
        <p class="muted">{move || module_counts(&m, lang.get())}</p>
        // Before the assign form: a module for admins assigned to a wave of end users reaches
        // nobody, and the planner should see that coming.
        <p class="muted module-targets">{move || fill(Msg::ModuleFor, lang.get(), &[("targets", in_words(&targets, lang.get()))])}</p>
        // Right under the page's h1 (no card of its own): the next level, not h3.
        <h2>{t(Msg::ModuleVersions)}</h2>
        <ul class="version-list">
            {versions.into_iter().map(|v| {
                let names = names.clone();
                let line = move || {
                    let l = lang.get();
                    let titles = |ids: &[String]| ids.iter().map(|id| names.lesson(id, l)).collect::<Vec<_>>().join(", ");
                    let mut parts = vec![fill(Msg::VersionLine, l, &[
                        ("version", v.version.to_string()),
                        ("at", written_time(&v.published_at, l)),
                    ])];
                    if !v.substantive.is_empty() {
                        parts.push(fill(Msg::SubstantiveLessons, l, &[("lessons", titles(&v.substantive))]));
                    }
                    if !v.editorial.is_empty() {
                        parts.push(fill(Msg::EditorialLessons, l, &[("lessons", titles(&v.editorial))]));
                    }
                    parts.join(" · ")
                };
                view! { <li>{line}</li> }
            }).collect_view()}
        </ul>
    }
}

/// Publishing the module's next version from a file, checked and previewed first (its version
/// and change notes among what the preview shows).
#[component]
fn NewVersion(program: Memo<String>, module: Memo<String>, published: Trigger) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let publishing = Publishing::<ModulePublished>::new();
    let send = move |body: PublishModule| {
        let (csrf, pid, mid, l) = (
            session.csrf(),
            program.get_untracked(),
            module.get_untracked(),
            lang.get_untracked(),
        );
        publishing.run(
            async move { outcome_of(training::publish_version(&csrf, &pid, &mid, &body, l).await) },
            published,
        );
    };
    let check = move |json, file| check_module(json, file, lang.get_untracked());
    let busy = publishing.busy;
    let disabled = Signal::derive(move || busy.get() || !session.can_change());
    view! {
        <section class="card" aria-labelledby="new-version-title">
            <h2 id="new-version-title">{t(Msg::NewVersionTitle)}</h2>
            <p class="muted">{t(Msg::NewVersionHint)}</p>
            <PreviewedPicker id="version-file" label=Msg::ChooseVersion check=check send=send
                publishing=publishing disabled=disabled outcome_id="version-outcome" />
            <div id="version-outcome" tabindex="-1">
                {move || publishing.outcome.get().map(|o| outcome_view(o, program.get_untracked(), false))}
            </div>
        </section>
    }
}

/// What an assignment did, in words: links given anew (in place of expired or revoked ones)
/// are said apart, since those people need the new link sent to them.
pub fn assigned_text(r: &Assigned, lang: wavegate_core::i18n::Lang) -> String {
    let mut text = fill(
        Msg::AssignedResult,
        lang,
        &[
            ("people", count(r.people, lang)),
            ("targeted", count(r.targeted, lang)),
            ("created", count(r.created, lang)),
            ("existing", count(r.existing, lang)),
        ],
    );
    if r.renewed > 0 {
        text.push(' ');
        text += &fill(Msg::AssignedRenewed, lang, &[("n", count(r.renewed, lang))]);
    }
    // "0 for this module" alone leaves the planner guessing why.
    if r.targeted == 0 && r.people > 0 {
        text.push(' ');
        text += &fill(
            Msg::AssignedNobody,
            lang,
            &[("targets", in_words(&r.targets, lang))],
        );
    }
    text
}

/// Assigning the module to a wave and/or segment of the roster.
#[component]
fn Assign(program: Memo<String>, module: Memo<String>, assigned: Trigger) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let group = GroupFields::new();
    let request = GroupRequest::<Assigned>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (wave, segment) = group.chosen();
        let body = AssignModule {
            wave,
            segment,
            expires_on: None,
        };
        let (csrf, p, m, l) = (
            session.csrf(),
            program.get_untracked(),
            module.get_untracked(),
            lang.get_untracked(),
        );
        request.send(
            async move { training::assign(&csrf, &p, &m, &body, l).await },
            Some(assigned),
            "assign-result",
        );
    };
    let outcome = move || {
        request.result.get().map(|r| {
            view! {
                <div id="assign-result" class="banner banner-ok" role="status" tabindex="-1">
                    <p>{move || assigned_text(&r, lang.get())}</p>
                </div>
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="assign-title">
            <h2 id="assign-title">{t(Msg::AssignTitle)}</h2>
            <p class="muted">{t(Msg::AssignHint)}</p>
            <form on:submit=submit novalidate>
                <fieldset class="plain" aria-labelledby="assign-title" disabled=move || !session.can_change()>
                    <GroupPicker program=program prefix="assign" fields=group />
                    <button type="submit" class="primary" disabled=move || request.busy.get()>{t(Msg::AssignButton)}</button>
                </fieldset>
            </form>
            {request.failure()}
            {outcome}
        </section>
    }
}

/// A count of a group, or a dash when the group is too small to show.
fn group_count(n: Option<u64>, lang: wavegate_core::i18n::Lang) -> String {
    n.map(|n| count(n, lang)).unwrap_or_else(|| "—".to_string())
}

/// The per-topic cell: each topic by its title with its share correct in words, never colour
/// alone, and whether the core withheld topics fewer than 5 trainees were tested on; for a
/// hidden group, why (too small, or hidden beside a small group), as the readiness report says.
fn topics_cell(g: &GroupResult, names: ModuleNames) -> impl IntoView + use<> {
    let lang = use_lang();
    let suppressed = g
        .suppressed
        .then(|| g.suppressed_because.unwrap_or(SuppressionReason::Small));
    let withheld = g.topics_withheld;
    let topics = g.topics.clone();
    move || {
        let l = lang.get();
        let shown: Vec<String> = topics
            .iter()
            .flatten()
            .map(|(topic, share)| {
                fill(
                    Msg::TopicScore,
                    l,
                    &[
                        ("topic", names.topic(topic, l)),
                        ("percent", wavegate_core::i18n::percent(*share).to_string()),
                    ],
                )
            })
            .collect();
        match (suppressed, shown.is_empty(), withheld) {
            (Some(why), _, _) => text::suppression_reason(why, l).to_string(),
            (None, true, true) => Msg::TopicsWithheld.text(l).to_string(),
            (None, true, false) => Msg::NoTopicsYet.text(l).to_string(),
            (None, false, true) => {
                format!("{}; {}", shown.join(", "), Msg::OtherTopicsWithheld.text(l))
            }
            (None, false, false) => shown.join(", "),
        }
    }
}

/// The results table: one row per group; `names` titles the topics, `waves` name the wave
/// groups as the program does (by their ids while it is unknown).
pub fn results_view(r: ModuleResults, names: ModuleNames, waves: &[Wave]) -> impl IntoView + use<> {
    let lang = use_lang();
    let total = match r.assigned {
        Some(n) => {
            let version = r.version;
            let msg = if n == 1 {
                Msg::AssignedTotalOne
            } else {
                Msg::AssignedTotal
            };
            (move || {
                fill(
                    msg,
                    lang.get(),
                    &[
                        ("n", count(n, lang.get())),
                        ("version", version.to_string()),
                    ],
                )
            })
            .into_any()
        }
        None if r.groups.is_empty() => t(Msg::NoTrainingGroups).into_any(),
        None => t(Msg::AssignedFew).into_any(),
    };
    let any_suppressed = r.groups.iter().any(|g| g.suppressed);
    // Fewer than 5 assigned in all: every group is hidden, and the sentence above says so
    // once, rather than a table of dashes and the rule a second time. The scrolling region is
    // named apart from the card around it: two regions of one name are one landmark twice.
    let table = (r.assigned.is_some() && !r.groups.is_empty()).then(|| view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || Msg::ResultsTableLabel.text(lang.get())>
            <table class="rates training-results stack">
                <thead><tr>
                    <th scope="col">{t(Msg::Group)}</th>
                    <th scope="col" class="num">{t(Msg::AssignedCol)}</th>
                    <th scope="col" class="num">{t(Msg::StartedCol)}</th>
                    <th scope="col" class="num">{t(Msg::DoneCol)}</th>
                    <th scope="col" class="num">{t(Msg::DonePercentCol)}</th>
                    <th scope="col">{t(Msg::TopicsCol)}</th>
                </tr></thead>
                <tbody>
                    {r.groups.into_iter().map(|g| {
                        let (attribute, value) = (g.attribute.clone(), group_value(&g.attribute, &g.value, waves));
                        let label = move || format!("{}: {value}", text::attribute(&attribute, lang.get()));
                        view! {
                        <tr data-group=format!("{}={}", g.attribute, g.value)>
                            <th scope="row">{label}</th>
                            <td class="num" data-label=t(Msg::AssignedCol)>{move || group_count(g.assigned, lang.get())}</td>
                            <td class="num" data-label=t(Msg::StartedCol)>{move || group_count(g.started, lang.get())}</td>
                            <td class="num" data-label=t(Msg::DoneCol)>{move || group_count(g.done, lang.get())}</td>
                            <td class="num" data-label=t(Msg::DonePercentCol)>{g.done_percent.map(|n| format!("{n}%")).unwrap_or_else(|| "—".to_string())}</td>
                            <td data-label=t(Msg::TopicsCol)>{topics_cell(&g, names.clone())}</td>
                        </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    });
    let note = table.is_some() && any_suppressed;
    view! {
        <p>{total}</p>
        {table}
        // The response rates' note: the same two reasons a group is hidden, in the same words.
        {note.then(|| view! { <p class="muted suppressed-note">{t(Msg::RatesSuppressed)}</p> })}
    }
}

/// Who must re-study what in the latest version, lessons and topics by their titles (`names`).
pub fn restudy_view(r: RestudyList, names: ModuleNames) -> impl IntoView {
    let lang = use_lang();
    let version = r.version.to_string();
    if r.people.is_empty() {
        return view! {
            <p>{move || fill(Msg::RestudyNone, lang.get(), &[("version", version.clone())])}</p>
        }
        .into_any();
    }
    let n = r.people.len();
    let count = if n == 1 {
        Msg::RestudyCountOne
    } else {
        Msg::RestudyCount
    };
    view! {
        <p>{move || fill(count, lang.get(), &[("n", wavegate_core::i18n::count(n as u64, lang.get())), ("version", version.clone())])}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || Msg::RestudyTableLabel.text(lang.get())>
            <table class="rates restudy stack">
                <thead><tr>
                    <th scope="col">{t(Msg::PersonCol)}</th>
                    <th scope="col">{t(Msg::LessonsCol)}</th>
                    <th scope="col">{t(Msg::QuizTopicsCol)}</th>
                </tr></thead>
                <tbody>
                    {r.people.into_iter().map(|p| {
                        let names = names.clone();
                        let (lessons, topics) = (p.restudy.lessons, p.restudy.topics);
                        let titles = move |l| {
                            let lessons = lessons.iter().map(|id| names.lesson(id, l)).collect::<Vec<_>>();
                            let topics = topics.iter().map(|id| names.topic(id, l)).collect::<Vec<_>>();
                            (lessons.join(", "), topics.join(", "))
                        };
                        let (for_lessons, for_topics) = (titles.clone(), titles);
                        view! {
                            <tr data-person=p.person_id.clone()>
                                <th scope="row">{p.person_id.clone()}</th>
                                <td data-label=t(Msg::LessonsCol)>{move || for_lessons(lang.get()).0}</td>
                                <td data-label=t(Msg::QuizTopicsCol)>{move || for_topics(lang.get()).1}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The page.
#[component]
pub fn ModulePage() -> impl IntoView {
    let program = param("program");
    let module = param("module");
    let lang = use_lang();
    let changed = Trigger::new();
    let summary = LocalResource::new(move || {
        changed.track();
        let (p, m) = (program.get(), module.get());
        async move {
            training::list(&p)
                .await
                .map(|all| all.into_iter().find(|s| s.id == m))
        }
    });
    let results = LocalResource::new(move || {
        changed.track();
        let (p, m) = (program.get(), module.get());
        async move { training::results(&p, &m).await }
    });
    let restudy = LocalResource::new(move || {
        changed.track();
        let (p, m) = (program.get(), module.get());
        async move { training::restudy(&p, &m).await }
    });
    // The program's waves, so the results' wave rows name them as every other page does.
    let waves = program_waves(program);
    let loading = move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> };
    // Lesson and topic titles for the results and the re-study list, which name them by id.
    let names = move || {
        summary
            .get()
            .and_then(|r| r.ok().flatten())
            .map(|m| m.names)
            .unwrap_or_default()
    };
    let heading = move || {
        summary.get().map(|r| match r {
            Ok(Some(m)) => {
                let title = m.title.clone();
                view! {
                    <h1>{move || title.get(lang.get()).to_string()}</h1>
                    {versions_view(m)}
                }
                .into_any()
            }
            Ok(None) => view! {
                <h1>{move || module.get()}</h1>
                <p class="form-error" role="alert">{t(UiMsg::ErrorNotFound)}</p>
            }
            .into_any(),
            Err(e) => load_failed(e, move || summary.refetch()).into_any(),
        })
    };
    // The file a spreadsheet in the planner's language opens right by double-click, as the
    // survey's mail merge.
    let links_csv = move || {
        let (p, m) = (program.get_untracked(), module.get_untracked());
        let query = ListCsvQuery::for_spreadsheet(lang.get_untracked());
        async move { training::links_csv(&p, &m, query).await }
    };
    let title = move || {
        summary
            .get()
            .and_then(|r| r.ok().flatten())
            .map_or_else(|| module.get(), |m| m.title.get(lang.get()).to_string())
    };
    view! {
        <ProgramNav program=program current=Tab::Training title=Signal::derive(title) />
        <p class="breadcrumb"><a href=move || links::training(&program.get())>{t(Msg::AllModules)}</a></p>
        <Suspense fallback=loading>{heading}</Suspense>
        <Assign program=program module=module assigned=changed />
        <section class="card" aria-labelledby="training-links-title">
            <h2 id="training-links-title">{t(Msg::TrainingLinksTitle)}</h2>
            <p class="muted">{t(Msg::TrainingLinksHint)}</p>
            {move || if Session::get().can_change() {
                view! { <DownloadButton label=Msg::DownloadTrainingLinks fetch=links_csv fallback="links.csv" /> }.into_any()
            } else {
                view! { <p class="muted">{t(Msg::ViewerNoTrainingLinks)}</p> }.into_any()
            }}
        </section>
        <section class="card" aria-labelledby="training-results-title">
            <h2 id="training-results-title">{t(Msg::TrainingResultsTitle)}</h2>
            <Suspense fallback=loading>
                {move || results.get().map(|r| match r {
                    Ok(r) => results_view(r, names(), &waves()).into_any(),
                    Err(e) => load_failed(e, move || results.refetch()).into_any(),
                })}
            </Suspense>
        </section>
        <NewVersion program=program module=module published=changed />
        <section class="card" aria-labelledby="restudy-title">
            <h2 id="restudy-title">{t(Msg::RestudyTitle)}</h2>
            <Suspense fallback=loading>
                {move || restudy.get().map(|r| match r {
                    Ok(r) => restudy_view(r, names()).into_any(),
                    Err(e) => load_failed(e, move || restudy.refetch()).into_any(),
                })}
            </Suspense>
        </section>
    }
}
