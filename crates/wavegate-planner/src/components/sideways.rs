//! Content wider than its box on a phone (the heatmap's grid, a chart drawn at its real size)
//! scrolls sideways in a region of its own, and says so: a line above it while there is more
//! to see, and a shadow at each edge it can still be scrolled towards.

use crate::i18n::{Msg, t, use_lang};
use leptos::prelude::*;

/// How far a scrolling region can still scroll sideways.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sideways {
    /// Part of its content lies to the left of what shows.
    pub more_left: bool,
    /// Part of its content lies to the right of what shows.
    pub more_right: bool,
}

impl Sideways {
    /// From the region's `scrollLeft`, `scrollWidth` and `clientWidth` (a pixel's slack for
    /// rounding).
    pub fn of(left: f64, content: f64, shown: f64) -> Sideways {
        Sideways {
            more_left: left > 1.0,
            more_right: left + shown < content - 1.0,
        }
    }

    /// Whether the content is wider than the region.
    pub fn wider(self) -> bool {
        self.more_left || self.more_right
    }
}

/// Follows how far `region` can scroll sideways: the state, and the measuring that updates it
/// (run once the region is laid out, and again on each scroll or change of its width; it
/// answers whether the region has a width yet).
pub fn track_sideways(
    region: NodeRef<leptos::html::Div>,
) -> (RwSignal<Sideways>, impl Fn() -> bool + Copy + 'static) {
    let sideways = RwSignal::new(Sideways::default());
    let measure = move || {
        let Some(Some(e)) = region.try_get_untracked() else {
            return false;
        };
        let now = Sideways::of(
            f64::from(e.scroll_left()),
            f64::from(e.scroll_width()),
            f64::from(e.client_width()),
        );
        if sideways.get_untracked() != now {
            sideways.set(now);
        }
        // Laid out once it has a width.
        e.client_width() > 0
    };
    crate::components::layout::on_layout(move || region.get().is_some(), measure);
    (sideways, measure)
}

/// A chart drawn at its real size, one view-box unit a pixel, so its 12-pixel type stays 12
/// pixels on a phone: where it is wider than the screen it scrolls sideways under a cue
/// (`id`-cue) rather than shrinking its text to unreadable.
#[component]
pub fn SidewaysChart(
    /// The prefix of the cue's id, unique on the page.
    id: &'static str,
    /// What the scrolling region is called (the chart's title).
    label: Msg,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let region = NodeRef::<leptos::html::Div>::new();
    let (sideways, measure) = track_sideways(region);
    let cue = format!("{id}-cue");
    view! {
        <p id=cue.clone() class="muted scroll-cue" hidden=move || !sideways.get().wider()>
            {t(Msg::ChartScrollCue)}
        </p>
        <div class="scroll-frame" class:more-left=move || sideways.get().more_left
            class:more-right=move || sideways.get().more_right>
            <div class="chart-scroll" role="region" node_ref=region tabindex="0"
                aria-label=move || label.text(lang.get()) aria-describedby=cue
                on:scroll=move |_| { measure(); }>
                {children()}
            </div>
        </div>
    }
}
