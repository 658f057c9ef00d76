//! The report's actions, each with its target group, its evidence and a next step that works:
//! inviting the group to a survey (the invitation form, filled in), a message ready to copy and
//! to plan (the communication plan's form, filled in), or assigning it the modules the report
//! names (the assignment form, filled in).

use super::super::links;
use crate::i18n::{Msg, fill, t};
use crate::session::Session;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wavegate_core::api::Evaluation;
use wavegate_core::i18n::Lang;
use wavegate_core::i18n::Text;
use wavegate_core::readiness::experience;
use wavegate_core::readiness::report::{Action, ActionKind, Report};
use wavegate_core::readiness::text;
use wavegate_ui::api::training;

/// The titles of the program's published modules by id: the report names modules by the id of
/// the training records, a planner knows them by title.
#[derive(Clone, Copy)]
struct ModuleTitles(Signal<BTreeMap<String, Text>>);

impl ModuleTitles {
    /// "Title (id)" for a published module or a built-in one (not published here yet, it has
    /// its title all the same), the id alone for any other.
    fn named(self, ids: &[String], lang: Lang) -> String {
        let titles = self.0.get();
        let builtins = wavegate_core::training::templates::catalogue();
        let names: Vec<String> = ids
            .iter()
            .map(|id| {
                let title = (titles.get(id))
                    .or_else(|| builtins.iter().find(|(b, _)| b == id).map(|(_, t)| t));
                match title {
                    Some(title) => format!("{} ({id})", title.get(lang)),
                    None => id.clone(),
                }
            })
            .collect();
        text::list(&names, lang)
    }
}

/// What to do next for an action, beside inviting its group.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    /// A message to send: the text to copy.
    Message(String),
    /// Modules to assign (none named: say what to train).
    Assign(Vec<String>),
    /// Modules the group left unfinished, most first.
    Unfinished(Vec<String>),
    /// A sentence naming what to prepare or fix.
    Say(Msg, Vec<String>),
    /// Inviting the group is the step itself.
    InviteOnly,
}

impl Step {
    /// Whether the step reads as a sentence of its own (a step with nothing to name says
    /// nothing; inviting is said by its button).
    fn says_something(&self) -> bool {
        match self {
            Step::Message(_) | Step::Assign(_) => true,
            Step::Unfinished(items) | Step::Say(_, items) => !items.is_empty(),
            Step::InviteOnly => false,
        }
    }
}

fn step(a: &Action, report: &Report) -> Vec<Step> {
    let lang = report.lang;
    let letter = |msg: Msg| Step::Message(msg.text(lang).to_string());
    // Messages that meet doubt or resistance tell how it went for those who went first, as far
    // as the evidence bears it out for this group.
    let encouraging = |msg: Msg| {
        let told = experience::paragraph(&experience::quotable(report, &a.target), lang);
        Step::Message(experience::with_paragraph(msg.text(lang), told.as_deref()))
    };
    match a.kind {
        ActionKind::TargetedCommunication => vec![encouraging(Msg::MessageCommunication)],
        ActionKind::ManagerConversations => vec![encouraging(Msg::MessageManagers)],
        ActionKind::PostEnrollmentFollowup => vec![letter(Msg::MessageFollowUp)],
        ActionKind::AssistedEnrollment => vec![
            Step::Say(Msg::FixReasons, text::action_items(a, lang)),
            letter(Msg::MessageAssisted),
        ],
        // Few finished the training they have: the step is finishing it, not a new module.
        ActionKind::TargetedTraining if a.reminds_to_finish() => {
            vec![
                Step::Unfinished(a.items.clone()),
                letter(Msg::MessageFinishTraining),
            ]
        }
        ActionKind::TargetedTraining => vec![Step::Assign(a.items.clone())],
        ActionKind::HelpdeskPreparation => vec![Step::Say(Msg::HelpdeskPrepare, a.items.clone())],
        ActionKind::Resurvey => vec![Step::InviteOnly],
    }
}

fn step_view(s: Step, group: &str, lang: Lang, id: String) -> AnyView {
    let titles =
        use_context::<ModuleTitles>().unwrap_or(ModuleTitles(Signal::stored(BTreeMap::new())));
    match s {
        Step::Message(text) => {
            let label = fill(Msg::MessageTitle, lang, &[("group", group.to_string())]);
            // Tall enough for the whole letter, with room for its long lines to wrap.
            let rows = (text.lines().count() + 3).max(7).to_string();
            let copied = RwSignal::new(None::<bool>);
            let (for_copy, field) = (text.clone(), id.clone());
            let copy = move |_| {
                let (text, field) = (for_copy.clone(), field.clone());
                leptos::task::spawn_local(async move {
                    let done = wavegate_ui::dom::copy_text(&text).await;
                    if !done {
                        // No clipboard (a page not served over https): the text is selected,
                        // ready for the device's own copy.
                        wavegate_ui::dom::select_text(&field);
                    }
                    copied.set(Some(done));
                });
            };
            // The step in a sentence first: a bare "Next step:" over a text field reads as a
            // step left out.
            view! {
                <p>{t(Msg::SendMessage)}</p>
                <div class="field message-draft">
                    <label for=id.clone()>{label}</label>
                    <textarea id=id readonly rows=rows>{text}</textarea>
                    <div class="toolbar">
                        <button type="button" class="secondary" on:click=copy>{t(Msg::CopyText)}</button>
                        <span class="muted" role="status">{move || copied.get().map(|done| t(if done { Msg::TextCopied } else { Msg::TextSelected }))}</span>
                    </div>
                </div>
            }
            .into_any()
        }
        Step::Assign(modules) if !modules.is_empty() => {
            let group = group.to_string();
            let one = modules.len() == 1;
            let sentence = move || {
                let modules = titles.named(&modules, lang);
                fill(
                    if one {
                        Msg::AssignModule
                    } else {
                        Msg::AssignModules
                    },
                    lang,
                    &[("group", group.clone()), ("modules", modules)],
                )
            };
            view! { <p>{sentence}</p> }.into_any()
        }
        Step::Unfinished(modules) if !modules.is_empty() => {
            let sentence = move || {
                fill(
                    Msg::UnfinishedModules,
                    lang,
                    &[("modules", titles.named(&modules, lang))],
                )
            };
            view! { <p>{sentence}</p> }.into_any()
        }
        Step::Unfinished(_) => ().into_any(),
        Step::Assign(_) => {
            view! { <p>{fill(Msg::AssignTraining, lang, &[("group", group.to_string())])}</p> }
                .into_any()
        }
        Step::Say(msg, items) if !items.is_empty() => {
            view! { <p>{fill(msg, lang, &[("items", text::list(&items, lang))])}</p> }.into_any()
        }
        Step::Say(..) | Step::InviteOnly => ().into_any(),
    }
}

fn action_view(
    index: usize,
    a: &Action,
    program: &str,
    report: &Report,
    can_change: bool,
) -> AnyView {
    let (wave, lang) = (report.next_wave.as_deref(), report.lang);
    let group = text::segment_in(report, &a.target, lang);
    let attributes: Vec<(&str, &str)> = a
        .target
        .iter()
        .filter(|(k, _)| k.as_str() != "wave")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    // Asking the group is a next step for what happens to people (how enrolling went, what
    // they know or want); not for preparing the helpdesk, nor for training, whose step is
    // assigning the module.
    let surveys = !matches!(
        a.kind,
        ActionKind::HelpdeskPreparation | ActionKind::TargetedTraining
    );
    let invite = surveys.then(|| {
        links::invite(
            program,
            wave.or(a.target.get("wave").map(String::as_str)),
            &attributes,
        )
    });
    // A training action also leads to assigning a module, the report's own named first.
    let assign = (a.kind == ActionKind::TargetedTraining).then(|| {
        let wave = wave.or(a.target.get("wave").map(String::as_str));
        links::assign(program, wave, &attributes, &a.items)
    });
    let title = format!(
        "{}: {}",
        text::action_heading(a, &report.actions, lang),
        group
    );
    let steps = step(a, report);
    // A message to send leads to planning it: the communication plan's form with this group
    // and the message's text filled in.
    let plan = steps.iter().find_map(|s| match s {
        Step::Message(msg) => {
            let wave = wave.or(a.target.get("wave").map(String::as_str));
            Some(links::plan_message(
                program,
                wave,
                &attributes,
                wavegate_core::comms::purpose::of_action(a),
                &title,
                msg,
            ))
        }
        _ => None,
    });
    // "Next step:" only heads something: a sentence, or a button this planner may use.
    let has_next_step = steps.iter().any(Step::says_something)
        || (can_change && (plan.is_some() || assign.is_some() || invite.is_some()));
    let steps: Vec<AnyView> = steps
        .into_iter()
        .enumerate()
        .map(|(i, s)| step_view(s, &group, lang, format!("action-{index}-text-{i}")))
        .collect();
    let segment_key: Vec<String> = a.target.iter().map(|(k, v)| format!("{k}={v}")).collect();
    view! {
        <li class="action" data-kind=format!("{:?}", a.kind) data-target=segment_key.join(",")>
            <h3>{title}</h3>
            <p><strong>{t(Msg::TargetGroup)}</strong>" "{group.clone()}</p>
            <p class="muted">{text::action_advice(a, lang)}</p>
            <p>{a.evidence.clone()}</p>
            {has_next_step.then(|| view! { <p><strong>{t(Msg::NextStep)}</strong></p> })}
            {steps}
            {can_change.then(|| view! {
                <p class="action-links">
                    {plan.map(|href| view! { <a class="button secondary plan-message" href=href>{t(Msg::PlanThisMessage)}</a>" " })}
                    {assign.map(|href| view! { <a class="button secondary" href=href>{t(Msg::AssignGroup)}</a>" " })}
                    {invite.map(|href| view! { <a class="button secondary" href=href>{t(Msg::InviteGroup)}</a> })}
                </p>
            })}
        </li>
    }
    .into_any()
}

/// The actions, in the report's order.
#[component]
pub fn ActionList(evaluation: StoredValue<Evaluation>, program: String) -> impl IntoView {
    let can_change = Session::get().can_change();
    // Only a report that names modules asks for their titles; until they arrive (or when the
    // program has none published) the ids stand.
    let names_modules = evaluation.with_value(|e| {
        e.report
            .actions
            .iter()
            .any(|a| a.kind == ActionKind::TargetedTraining && !a.items.is_empty())
    });
    let published = LocalResource::new({
        let program = program.clone();
        move || {
            let program = program.clone();
            async move {
                if !names_modules {
                    return BTreeMap::new();
                }
                training::list(&program)
                    .await
                    .map(|list| list.into_iter().map(|m| (m.id, m.title)).collect())
                    .unwrap_or_default()
            }
        }
    });
    provide_context(ModuleTitles(Signal::derive(move || {
        published.get().unwrap_or_default()
    })));
    let items = evaluation.with_value(|e| {
        let r = &e.report;
        r.actions
            .iter()
            .enumerate()
            .map(|(i, a)| action_view(i, a, &program, r, can_change))
            .collect::<Vec<_>>()
    });
    let empty = items.is_empty();
    view! {
        <section class="card" aria-labelledby="actions-title">
            <h2 id="actions-title">{t(Msg::ActionsTitle)}</h2>
            {if empty {
                view! { <p>{t(Msg::NoActions)}</p> }.into_any()
            } else {
                view! { <ol class="actions">{items}</ol> }.into_any()
            }}
        </section>
    }
}
