//! What counts as an e-mail address where Wavegate stores one: a planner's sign-in name and a
//! roster's `email` (the Intune UPN that devices and tickets are joined on), and when two are
//! the same address.

use std::borrow::Cow;

/// The longest address (RFC 5321's path limit less the angle brackets).
pub const MAX_EMAIL: usize = 254;

/// Whether `s` reads as `local@domain`: one `@` with something on both sides, no spaces or
/// control characters, at most [`MAX_EMAIL`] bytes. Deliberately no stricter: UPNs carry
/// internal domains (`anna@corp.local`) and mail systems accept more than any pattern admits;
/// what matters is that a name, a placeholder such as `n/a` or two addresses in one cell are
/// caught, since none of them can match a device's primary user.
pub fn is_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    s.len() <= MAX_EMAIL
        && !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !has_space_control_or_list_mark(s)
}

/// An e-mail address as it is looked up: two addresses are the same when their keys are equal
/// ignoring ASCII case. A letter beyond ASCII is lowercased here, so `Ä.Jansen@…` and
/// `ä.jansen@…` are one address too. The roster's index matches UPNs and callers on it (the
/// importers keep the file's spelling, which planners see in previews), and an account's
/// address is stored and signed in with [`account_key`]. Plain ASCII, nearly every address, is
/// borrowed as it is.
pub fn address_key(address: &str) -> Cow<'_, str> {
    if address.is_ascii() {
        Cow::Borrowed(address)
    } else {
        Cow::Owned(address.to_lowercase())
    }
}

/// The key an account is stored under and found by, whichever way its address is typed: the
/// address without the spaces around it, its [`address_key`] with ASCII lowercased too. Two
/// addresses with one key are one account; the key is what a sign-in is throttled on.
pub fn account_key(typed: &str) -> String {
    address_key(typed.trim()).to_ascii_lowercase()
}

/// Whether `s` holds white space, a control character, `,` or `;`: byte by byte for an ASCII
/// address, as nearly every one is (decoding characters was a fifth of reading a roster).
fn has_space_control_or_list_mark(s: &str) -> bool {
    if s.is_ascii() {
        return s
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b.is_ascii_control() || b == b',' || b == b';');
    }
    // Beyond ASCII, also what makes two addresses look alike or one display as another: a
    // bidi override or a zero-width joiner cannot be in an address a person types or checks.
    s.chars().any(|c| {
        c.is_whitespace() || crate::invisible::is_unfit_in_a_name(c) || c == ',' || c == ';'
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_with_a_hidden_character_is_not_an_address() {
        assert!(is_address("ä.jansen@example.nl"));
        for hidden in ['\u{202E}', '\u{200B}', '\u{200D}', '\u{2066}', '\u{FEFF}'] {
            assert!(
                !is_address(&format!("ann{hidden}@example.org")),
                "{hidden:?}"
            );
        }
    }

    #[test]
    fn addresses_and_upns_pass_and_names_placeholders_and_lists_do_not() {
        for ok in [
            "anna@example.org",
            "Anna.de.Vries@corp.local",
            "x+y@d",
            "jürgen@example.de",
        ] {
            assert!(is_address(ok), "{ok}");
        }
        for bad in [
            "",
            "n/a",
            "Anna de Vries",
            "@example.org",
            "anna@",
            "anna@@example.org",
            "a@b@c",
            "anna @example.org",
            "anna@example.org; bob@example.org",
            "anna@example.org,bob@example.org",
            "anna@exa\u{0}mple.org",
            "anna\t@example.org",
            "anna@exa\u{b}mple.org",
            // Non-breaking and other Unicode spaces, as a name pasted from a web page has.
            "anna\u{a0}@example.org",
            "jürgen\u{2009}@example.de",
            "jürgen@example.de;bob@example.org",
        ] {
            assert!(!is_address(bad), "{bad:?}");
        }
        assert!(!is_address(&format!("{}@example.org", "a".repeat(250))));
    }

    #[test]
    fn an_address_key_ignores_case_within_ascii_and_beyond() {
        assert_eq!(address_key("Anna@Example.org"), "Anna@Example.org");
        assert!(matches!(address_key("Anna@Example.org"), Cow::Borrowed(_)));
        assert_eq!(address_key("Ä.Jansen@Example.nl"), "ä.jansen@example.nl");
    }

    #[test]
    fn an_account_is_one_whatever_the_case_it_is_typed_in() {
        for typed in [
            "Ä.Jansen@Example.nl",
            "ä.jansen@example.nl",
            " Ä.JANSEN@EXAMPLE.NL\t",
        ] {
            assert_eq!(account_key(typed), "ä.jansen@example.nl", "{typed:?}");
        }
        assert_eq!(account_key("Ann@Example.ORG"), "ann@example.org");
        assert_ne!(account_key("ä@example.nl"), account_key("a@example.nl"));
        // Whatever the case, an address's key is the address lowercased, and two addresses the
        // roster's index takes for one (address keys equal ignoring ASCII case) are one account.
        for (a, b) in [
            ("Ä@x.nl", "ä@X.NL"),
            ("\u{212A}@x.nl", "k@x.nl"),
            ("ÉÉN@X.NL", "één@x.nl"),
        ] {
            assert!(
                address_key(a).eq_ignore_ascii_case(&address_key(b)),
                "{a} {b}"
            );
            assert_eq!(account_key(a), account_key(b), "{a} {b}");
            assert_eq!(account_key(a), a.to_lowercase());
        }
    }
}
