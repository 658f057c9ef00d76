//! A figure shown as one word: `> 0,99` broken over two lines in a narrow table cell reads as
//! a stray sign above a number.

/// `text` with its spaces made no-break spaces, so a figure with a sign or a unit (`> 0,99`,
/// `< 0,01`) stays on one line wherever it is shown. Only for display: the core's text (and
/// every report written from it) keeps its plain spaces.
pub fn unbroken(text: &str) -> String {
    text.replace(' ', "\u{a0}")
}

#[cfg(test)]
mod tests {
    use super::unbroken;
    use wasm_bindgen_test::wasm_bindgen_test;
    use wavegate_core::i18n::Lang;
    use wavegate_core::readiness::text::chance;

    #[wasm_bindgen_test]
    fn a_probability_with_a_sign_cannot_break_between_sign_and_number() {
        assert_eq!(unbroken(&chance(0.999, Lang::Nl)), ">\u{a0}0,99");
        assert_eq!(unbroken(&chance(0.001, Lang::En)), "<\u{a0}0.01");
        assert_eq!(unbroken(&chance(0.5, Lang::En)), "0.50");
    }
}
