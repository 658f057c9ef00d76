//! The step between picking a definition file and publishing it. A published version never
//! changes, so the app first reads the file and checks it in the browser with the core's own
//! validator (the one the server runs), shows what would be published (or every problem at its
//! JSON path), and sends it only when the planner presses Publish.

use crate::components::publish::{Outcome, Publishing, read_json};
use crate::components::upload::FilePicker;
use crate::i18n::{Msg, t, use_lang};
use leptos::prelude::*;
use wavegate_core::i18n::{Lang, Text};
use wavegate_ui::dom::focus_id_soon;

/// One line of a preview: what it says, and its value or values.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// What the line tells (e.g. "Questions").
    pub label: Msg,
    /// Its values in both languages, one per line when there are several.
    pub values: Vec<Text>,
}

impl Fact {
    /// A line with one value.
    pub fn one(label: Msg, value: Text) -> Fact {
        Fact {
            label,
            values: vec![value],
        }
    }

    /// A line with a number.
    pub fn count(label: Msg, n: usize) -> Fact {
        Fact::one(label, Text::new(n.to_string(), n.to_string()))
    }

    /// A line with one of the planner's own words.
    pub fn word(label: Msg, word: Msg) -> Fact {
        Fact::one(label, text_of(word))
    }
}

/// A message of the planner's as a text in both languages.
pub fn text_of(msg: Msg) -> Text {
    Text::new(msg.text(Lang::Nl), msg.text(Lang::En))
}

/// A file that passed the check: what the planner sees before publishing, and what Publish
/// sends.
#[derive(Clone, Debug)]
pub struct Checked<B> {
    /// The name of the file picked.
    pub file: String,
    /// The definition's title in the languages it has.
    pub title: Text,
    /// What it holds: counts, languages, versions …
    pub facts: Vec<Fact>,
    /// What reading it changed or left out (a SurveyJS import's warnings).
    pub warnings: Vec<Text>,
    /// The request Publish sends.
    pub body: B,
}

/// The title of a definition as a preview shows it: both languages when they differ.
fn title_line(title: &Text, lang: Lang) -> String {
    let (first, second) = (title.get(lang), title.get(lang.other()));
    if second.trim().is_empty() || first == second {
        first.to_string()
    } else {
        format!("{first} · {second}")
    }
}

/// A file picker whose file is checked and previewed before it is published.
///
/// `check` reads the picked JSON with the core (a refusal is an [`Outcome`] the page shows as
/// it shows the server's); `send` publishes what the preview showed. `recheck` (optional)
/// checks the last file again when a setting the check reads changes (a survey's id or
/// anonymity). The preview's heading is `{id}-preview`; it takes the focus when it appears.
#[component]
pub fn PreviewedPicker<B, P, C, S>(
    /// The file input's id (unique on the page).
    id: &'static str,
    /// What kind of file (the picker's label).
    label: Msg,
    /// Reads and checks a picked file.
    check: C,
    /// Publishes a checked file's request.
    send: S,
    /// Where the outcome (a refusal here, or the server's answer) is kept.
    publishing: Publishing<P>,
    /// Whether choosing and publishing is off (a viewer, or a publication under way).
    #[prop(into)]
    disabled: Signal<bool>,
    /// The id of the element that shows the outcome; it takes the focus once the server answered.
    outcome_id: &'static str,
    /// Notified when a setting the check reads changes.
    #[prop(optional)]
    recheck: Option<Trigger>,
) -> impl IntoView
where
    B: Clone + Send + Sync + 'static,
    P: Send + Sync + 'static,
    C: Fn(serde_json::Value, String) -> Result<Checked<B>, Outcome<P>>
        + Copy
        + Send
        + Sync
        + 'static,
    S: Fn(B) + Copy + Send + Sync + 'static,
{
    let lang = use_lang();
    let checked = RwSignal::new(None::<Checked<B>>);
    let last = StoredValue::new(None::<(serde_json::Value, String)>);
    let heading = format!("{id}-preview");
    let apply = move |json: serde_json::Value, file: String, focus: bool| match check(json, file) {
        Ok(c) => {
            publishing.outcome.set(None);
            checked.set(Some(c));
            if focus {
                focus_id_soon(format!("{id}-preview"));
            }
        }
        Err(refused) => {
            checked.set(None);
            publishing.outcome.set(Some(refused));
        }
    };
    let picked = move |f: web_sys::File| {
        let name = f.name();
        leptos::task::spawn_local(async move {
            match read_json(f).await {
                Some(json) => {
                    last.set_value(Some((json.clone(), name.clone())));
                    apply(json, name, true);
                }
                None => {
                    last.set_value(None);
                    checked.set(None);
                    publishing.outcome.set(Some(Outcome::NotJson));
                }
            }
        });
    };
    if let Some(trigger) = recheck {
        Effect::new(move |first: Option<()>| {
            trigger.track();
            // The last file picked, still unpublished: checked again with the new setting,
            // whether it passed before or not.
            if first.is_some()
                && let Some((json, name)) = last.get_value()
            {
                apply(json, name, false);
            }
        });
    }
    // The preview (and its button) goes when Publish is pressed: the focus moves to the
    // server's answer once it is there, rather than falling back to the page.
    let sent = StoredValue::new(false);
    Effect::new(move || {
        if !publishing.busy.get() && sent.get_value() {
            sent.set_value(false);
            focus_id_soon(outcome_id.to_string());
        }
    });
    let publish = move |_| {
        if let Some(c) = checked.get_untracked() {
            checked.set(None);
            last.set_value(None);
            sent.set_value(true);
            send(c.body);
        }
    };
    let again = move |_| {
        checked.set(None);
        last.set_value(None);
        focus_id_soon(id.to_string());
    };
    let preview = move || {
        checked.get().map(|c| {
            let (heading, labelled_by) = (heading.clone(), heading.clone());
            let title = c.title.clone();
            view! {
                <section class="preview-result definition-preview" aria-labelledby=labelled_by>
                    <h3 id=heading tabindex="-1">{move || title_line(&title, lang.get())}</h3>
                    <p role="status"><strong>{t(Msg::PreviewOf)}" "{c.file.clone()}</strong>" "{t(Msg::NothingPublishedYet)}</p>
                    <dl class="facts">
                        {c.facts.into_iter().map(|f| view! {
                            <div>
                                <dt>{t(f.label)}</dt>
                                {f.values.into_iter().map(|v| view! { <dd>{move || v.get(lang.get()).to_string()}</dd> }).collect_view()}
                            </div>
                        }).collect_view()}
                    </dl>
                    {(!c.warnings.is_empty()).then(|| view! {
                        <div class="banner banner-warn" role="note">
                            <p><strong>{t(Msg::Warnings)}</strong></p>
                            <ul>{c.warnings.into_iter().map(|w| view! { <li>{move || w.get(lang.get()).to_string()}</li> }).collect_view()}</ul>
                        </div>
                    })}
                    <div class="toolbar">
                        <button type="button" class="primary" disabled=move || disabled.get()
                            on:click=publish>{t(Msg::PublishChecked)}</button>
                        <button type="button" class="secondary" on:click=again>{t(Msg::ChooseAnotherFile)}</button>
                    </div>
                </section>
            }
        })
    };
    view! {
        <FilePicker id=id.to_string() label=label accept=".json,application/json"
            on_file=picked disabled=disabled />
        {preview}
    }
}
