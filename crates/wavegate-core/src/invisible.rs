//! Characters that change how a text reads without showing themselves: controls other than tab
//! and line breaks; the bidi overrides, embeddings, isolates and marks (ALM, LRM, RLM) that make
//! "evil" display as "live"; the zero-width space, word joiner, invisible operators, soft
//! hyphen and byte-order mark. Free text a person typed never keeps them (a survey answer is
//! stored without them), and an exported cell never carries them (one could hide a formula
//! trigger behind them).
//!
//! The one home of these rules: free text refuses [`is_invisible`], a one-line text (a name, a
//! subject) [`is_unfit_in_a_line`], and a name that tells things apart (an id, a column name)
//! [`is_unfit_in_a_name`], where even the joiners that emoji need would make two look alike.

use std::borrow::Cow;

/// Whether `c` is one of those characters.
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{200B}'
                | '\u{2060}'..='\u{2064}'
                | '\u{00AD}'
                | '\u{180E}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{FEFF}'
        )
}

/// Whether `c` has no place in a one-line text: [`is_invisible`], a tab or a line break of any
/// kind.
pub fn is_unfit_in_a_line(c: char) -> bool {
    is_invisible(c) || c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Whether `c` has no place in a name that tells things apart: [`is_unfit_in_a_line`], the
/// zero-width (non-)joiners, variation selectors and tag characters, which make two different
/// names look the same.
pub fn is_unfit_in_a_name(c: char) -> bool {
    is_unfit_in_a_line(c)
        || matches!(
            c,
            '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0000}'..='\u{E007F}'
        )
}

/// `text` without them; borrowed when it has none.
pub fn without_invisible(text: &str) -> Cow<'_, str> {
    // Nearly every cell is printable ASCII, which a byte scan settles without decoding
    // characters: an export writes millions of cells through here.
    let printable = |b: u8| matches!(b, b' '..=b'~' | b'\t' | b'\n' | b'\r');
    if !text.bytes().all(printable) && text.chars().any(is_invisible) {
        Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_changes_the_reading_goes_and_line_breaks_and_tabs_stay() {
        assert_eq!(
            without_invisible("\u{202E}evil\u{202C} a\u{0}b\u{1b}[31m\u{200B}\tc\nd\r\n"),
            "evil ab[31m\tc\nd\r\n"
        );
        assert!(matches!(without_invisible("gewoon"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_name_refuses_more_than_a_line_and_a_line_more_than_free_text() {
        for c in ['\u{200F}', '\u{2060}', '\u{00AD}', '\u{202E}', '\u{0}'] {
            assert!(
                is_invisible(c) && is_unfit_in_a_line(c) && is_unfit_in_a_name(c),
                "{c:?}"
            );
        }
        for c in ['\t', '\n', '\u{2028}'] {
            assert!(!is_invisible(c) && is_unfit_in_a_line(c), "{c:?}");
        }
        for c in ['\u{200D}', '\u{FE0F}', '\u{E0041}'] {
            assert!(!is_unfit_in_a_line(c) && is_unfit_in_a_name(c), "{c:?}");
        }
        // An emoji family keeps its joiners in free text.
        assert_eq!(without_invisible("👨\u{200D}👩"), "👨\u{200D}👩");
    }

    #[test]
    fn text_beyond_plain_ascii_is_still_read_character_by_character() {
        assert!(matches!(without_invisible("één café ✓"), Cow::Borrowed(_)));
        assert_eq!(without_invisible("a\u{7f}b\u{85}c\u{FEFF}d"), "abcd");
    }
}
