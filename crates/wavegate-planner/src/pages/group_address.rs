//! The group of the roster a page acts on, read from its address (`?wave=…&{attribute}=…`),
//! as the readiness dashboard's actions link to it, and named for its heading.

use crate::i18n::{Msg, fill};
use leptos_router::params::ParamsMap;
use std::collections::BTreeMap;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::text;

/// The wave, and every other parameter but those in `reserved` as attribute = value.
pub fn group_of(
    query: &ParamsMap,
    reserved: &[&str],
) -> (Option<String>, BTreeMap<String, String>) {
    let mut wave = None;
    let mut segment = BTreeMap::new();
    for (k, v) in query.clone().into_iter() {
        if k == "wave" {
            wave = Some(v);
        } else if !v.is_empty() && !reserved.contains(&k.as_ref()) {
            segment.insert(k.to_string(), v);
        }
    }
    (wave, segment)
}

/// "Group: wave wave-2, platform iOS", in `lang`.
pub fn group_heading(
    (wave, segment): &(Option<String>, BTreeMap<String, String>),
    lang: Lang,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(w) = wave {
        parts.push(fill(Msg::WaveOnly, lang, &[("wave", w.clone())]));
    }
    if !segment.is_empty() {
        parts.push(text::segment(segment, lang));
    }
    fill(Msg::InviteGroupIs, lang, &[("group", parts.join(", "))])
}
