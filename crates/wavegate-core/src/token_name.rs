//! An API token's name: what says which script or service uses a token, shown in import
//! records as `token:<name>` and given again to revoke it, so it is one short line of text that
//! reads as what it is.

use crate::i18n::{Lang, Text};
use crate::invitation::TextProblem;

/// Longest token name, in characters.
pub const MAX_TOKEN_NAME: usize = 64;

/// The name as stored, `typed` without the spaces around it; or, when it is empty, longer than
/// [`MAX_TOKEN_NAME`] characters or holds a character unfit in a name
/// ([`crate::invisible::is_unfit_in_a_name`]: a control, a bidi override, a zero-width
/// character), the refusal in Dutch and English.
pub fn token_name(typed: &str) -> Result<&str, Text> {
    let name = typed.trim();
    match TextProblem::of(name, MAX_TOKEN_NAME) {
        None => Ok(name),
        Some(problem) => Err(Text::new(
            problem.message("de naam van het token", Lang::Nl),
            problem.message("the token's name", Lang::En),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_counted_in_characters() {
        assert_eq!(token_name("  nightly-import \n"), Ok("nightly-import"));
        let accents = "é".repeat(MAX_TOKEN_NAME);
        assert_eq!(token_name(&accents), Ok(accents.as_str()));
        assert_eq!(token_name("ci 🚀 prod"), Ok("ci 🚀 prod"));
        let long = token_name(&"é".repeat(MAX_TOKEN_NAME + 1)).unwrap_err();
        assert_eq!(long.en, "the token's name is longer than 64 characters");
        assert_eq!(long.nl, "de naam van het token is langer dan 64 tekens");
    }

    #[test]
    fn an_empty_name_and_one_that_hides_characters_are_refused() {
        for blank in ["", "   ", "\t"] {
            assert_eq!(
                token_name(blank).unwrap_err().en,
                "the token's name is empty",
                "{blank:?}"
            );
        }
        let flipped = token_name("ci\u{202E}prod").unwrap_err();
        assert!(flipped.en.contains("U+202E"), "{}", flipped.en);
        assert!(flipped.nl.contains("U+202E"), "{}", flipped.nl);
        for hidden in [
            "ci\u{200B}prod",
            "ci\u{200D}prod",
            "ci\u{FE0F}",
            "a\u{0}b",
            "a\nb",
        ] {
            assert!(token_name(hidden).is_err(), "{hidden:?}");
        }
    }
}
