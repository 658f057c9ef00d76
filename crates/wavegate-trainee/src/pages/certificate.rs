//! The printable certificate: the trainee's name, the module, the version it covers and the
//! date it was earned, issued by the core from the progress (so after a substantive change the
//! new version's appears only once the changed lessons are re-studied, and until then the
//! earlier version's the server handed over, with that version's title and languages). The
//! print stylesheet shows only this card.

use crate::i18n::{Lang, Msg, both, fill, t, tr};
use leptos::prelude::*;
use wavegate_core::training::Certificate;
use wavegate_core::training::certificate::long_date;
use wavegate_core::training::wire::MyModule;

/// The certificate of a module, or why there is none yet.
#[component]
pub fn CertificateView(module: MyModule) -> impl IntoView {
    let (name, program) = expect_context::<super::Session>()
        .training
        .with_untracked(|tr| (tr.name.clone(), tr.program_name.clone()));
    // The latest version's, or while a new version waits to be re-studied, the earlier one's.
    let issued = module.certificate(&name);
    // Written in the one language of the version it covers, if it has one only, so its words
    // never surround a title in another; else in the page's. The texts below read the language
    // from the context, and this view is redrawn afresh for each screen, so the language
    // changes here only.
    let only = issued.as_ref().ok().and_then(Certificate::only_language);
    if let Some(l) = only {
        provide_context(RwSignal::new(l));
    }
    // Why there is none yet, else the card (each in the page's language, as texts of the
    // module are: see `tr`).
    let why = issued.as_ref().err().map(|e| both(|l| e.message(l)));
    let card = issued.ok().map(|c| {
        let trainee = c.trainee.clone();
        let named = !trainee.is_empty();
        let c = StoredValue::new(c);
        view! {
            <section class="card certificate" aria-labelledby="certificate-title" lang=only.map(Lang::code)>
                <h1 id="certificate-title">{tr(both(|l| Certificate::heading(l).into()))}</h1>
                // Read top to bottom, it is one sentence: who, did what, which module, which
                // version and when, and who issues it; each said once.
                {(!trainee.is_empty()).then(|| view! { <p class="trainee">{trainee}</p> })}
                <p class="statement">{tr(both(|l| Certificate::completed(named, l).into()))}</p>
                <p class="module-title">{tr(c.with_value(|c| c.title.clone()))}</p>
                // The date says what it is, not only when ("Completed on …").
                <p class="version">{tr(both(|lang| c.with_value(|c| format!(
                    "{} · {}",
                    fill(Msg::Version, lang, &[("n", c.version.to_string())]),
                    fill(Msg::CompletedOn, lang, &[("date", long_date(super::next_attempt::browser_time(c.earned_at).date(), lang))]),
                ))))}</p>
                {(!program.is_empty()).then(|| view! {
                    <p class="issuer">{tr(both(|l| fill(Msg::IssuedBy, l, &[("program", program.clone())])))}</p>
                })}
                // The registration in full: the one reference a planner can look up (the
                // module data holds no shorter one).
                <p class="reference">{tr(both(|l| c.with_value(|c| c.reference(l))))}</p>
                <button type="button" class="primary no-print" on:click=move |_| {
                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                }>{t(Msg::Print)}</button>
            </section>
        }
    });
    view! { {card} {why.map(|w| view! { <p role="status">{tr(w)}</p> })} }
}
