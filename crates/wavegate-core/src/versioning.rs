//! The rule every versioned definition (surveys, training modules) follows: a new version keeps
//! the id of the versions before it and takes the number right after the latest (1 for the first).

use crate::i18n::Lang;

/// Why a definition cannot be the next version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NotNext {
    /// The definition has another id than the versions before it.
    OtherId {
        /// The id of the versions before it.
        expected: String,
        /// The definition's id.
        found: String,
    },
    /// The definition's number is not the one after the latest.
    Number {
        /// The number it must have.
        expected: u32,
        /// The number it has.
        found: u32,
    },
}

/// Checks that a definition `id` numbered `version` may follow versions of `history_id` whose
/// latest is numbered `latest` (both `None` when there is none yet).
pub(crate) fn check_next(
    history_id: Option<&str>,
    latest: Option<u32>,
    id: &str,
    version: u32,
) -> Result<(), NotNext> {
    if let Some(expected) = history_id
        && expected != id
    {
        return Err(NotNext::OtherId {
            expected: expected.to_string(),
            found: id.to_string(),
        });
    }
    let expected = latest.map_or(1, |v| v.saturating_add(1));
    if version != expected {
        return Err(NotNext::Number {
            expected,
            found: version,
        });
    }
    Ok(())
}

/// "This definition belongs to `found`, not `expected`."
pub(crate) fn other_id_message(expected: &str, found: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("deze definitie hoort bij `{found}`, niet bij `{expected}`"),
        Lang::En => format!("this definition belongs to `{found}`, not `{expected}`"),
    }
}

/// "Version `found` is not possible; the next version is `expected`."
pub(crate) fn not_next_message(expected: u32, found: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("versie {found} kan niet; de volgende versie is {expected}"),
        Lang::En => format!("version {found} is not possible; the next version is {expected}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_version_keeps_the_id_and_takes_the_following_number() {
        assert_eq!(check_next(None, None, "a", 1), Ok(()));
        assert_eq!(
            check_next(None, None, "a", 2),
            Err(NotNext::Number {
                expected: 1,
                found: 2
            })
        );
        assert_eq!(check_next(Some("a"), Some(3), "a", 4), Ok(()));
        assert_eq!(
            check_next(Some("a"), Some(3), "a", 3),
            Err(NotNext::Number {
                expected: 4,
                found: 3
            })
        );
        assert_eq!(
            check_next(Some("a"), Some(3), "b", 4),
            Err(NotNext::OtherId {
                expected: "a".into(),
                found: "b".into()
            })
        );
    }
}
