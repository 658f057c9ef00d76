//! Moving an item of a list up or down with buttons (a survey's ranking question, a quiz's
//! ordering question), and which button keeps focus after a move.

/// Which way a button moves its item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    Up,
    Down,
}

impl Way {
    /// The opposite way.
    pub fn other(self) -> Way {
        match self {
            Way::Up => Way::Down,
            Way::Down => Way::Up,
        }
    }

    /// Its name in element ids.
    pub fn name(self) -> &'static str {
        match self {
            Way::Up => "up",
            Way::Down => "down",
        }
    }
}

/// Where an item moved `way` from place `from` lands in a list of `len`, if it can move.
pub fn target(from: usize, len: usize, way: Way) -> Option<usize> {
    match way {
        Way::Up => from.checked_sub(1),
        Way::Down => (from + 1 < len).then_some(from + 1),
    }
}

/// The button to focus after a move `way` to place `to`: the same way, unless the item now sits
/// at that way's edge, where that button is disabled and cannot hold focus (the list is drawn
/// anew, so without this focus would fall to the page, or stay on another item's button).
pub fn focus_after(to: usize, len: usize, way: Way) -> Way {
    match target(to, len, way) {
        Some(_) => way,
        None => way.other(),
    }
}

#[cfg(test)]
mod tests {
    // Run by wasm-bindgen-test: these crates build for wasm32 only, where `#[test]` is not run.
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn focus_stays_on_the_same_way_until_the_edge() {
        assert_eq!(focus_after(1, 4, Way::Up), Way::Up);
        assert_eq!(focus_after(0, 4, Way::Up), Way::Down);
        assert_eq!(focus_after(2, 4, Way::Down), Way::Down);
        assert_eq!(focus_after(3, 4, Way::Down), Way::Up);
    }

    #[wasm_bindgen_test]
    fn nothing_moves_past_an_end() {
        assert_eq!(target(0, 3, Way::Up), None);
        assert_eq!(target(2, 3, Way::Down), None);
        assert_eq!(target(1, 3, Way::Down), Some(2));
    }
}
