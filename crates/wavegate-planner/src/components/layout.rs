//! Following the page's layout: a view that depends on how wide something is drawn (a chart
//! sized to its box, a table's scroll cue) is told once its element is laid out on the page and
//! again whenever the window changes size.

use leptos::prelude::*;
use std::rc::Rc;

/// About two seconds of frames: a view built while its page waits for data is attached (and
/// laid out) only once the data is there.
const FRAMES: u32 = 120;

/// Calls `measure` once `mounted` turns true (it reads the element's node ref, so it is
/// tracked), frame after frame until it says it measured something (the element has a size),
/// and on every resize of the window, until the current owner (the view) is gone.
pub fn on_layout(mounted: impl Fn() -> bool + 'static, measure: impl Fn() -> bool + 'static) {
    let measure: Rc<dyn Fn() -> bool> = Rc::new(measure);
    let first = measure.clone();
    Effect::new(move |_| {
        if mounted() {
            each_frame_until_measured(first.clone(), FRAMES);
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        measure();
    });
    on_cleanup(move || handle.remove());
}

fn each_frame_until_measured(measure: Rc<dyn Fn() -> bool>, frames: u32) {
    request_animation_frame(move || {
        if !measure() && frames > 0 {
            each_frame_until_measured(measure, frames - 1);
        }
    });
}
