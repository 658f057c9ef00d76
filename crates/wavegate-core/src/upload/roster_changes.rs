//! A roster replacing the one in use, compared with it: who is new, who is no longer on it,
//! who moved to another wave and whose e-mail changed. Links already sent do not follow a new
//! roster (a person removed keeps theirs until it is revoked; a person added has none until
//! their wave is invited again), so the planner is told before confirming, not after.

use crate::i18n::{Lang, Text};
use crate::readiness::data::Roster;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a new roster changes against the one in use.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterChanges {
    /// People on the new roster only.
    pub added: u64,
    /// People on the roster in use only.
    pub removed: u64,
    /// People on both, in another wave.
    pub moved: u64,
    /// People on both, with another e-mail address (ignoring case; one added or removed counts).
    pub email_changed: u64,
}

impl RosterChanges {
    /// Whether the new roster changes anybody.
    pub fn any(&self) -> bool {
        self.added + self.removed + self.moved + self.email_changed > 0
    }
}

/// A new roster against the one in use: the counts, and who they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compared {
    /// The counts.
    pub changes: RosterChanges,
    /// The ids of the people no longer on the roster.
    pub removed: Vec<String>,
    /// The ids of the people in another wave, with their new wave (index into the program's).
    pub moved: Vec<(String, u16)>,
    /// The ids of the people new on the roster.
    pub added: Vec<String>,
}

/// Compares `new` with the roster in use, `current` (both read with the same program, so their
/// wave numbers mean the same waves).
pub fn compare(current: &Roster, new: &Roster) -> Compared {
    let was: HashMap<&str, usize> = (current.ids.iter().enumerate())
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let now: HashMap<&str, usize> = (new.ids.iter().enumerate())
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut c = Compared::default();
    for (p, id) in current.ids.iter().enumerate() {
        let Some(&q) = now.get(id.as_str()) else {
            c.removed.push(id.clone());
            continue;
        };
        if current.waves[p] != new.waves[q] {
            c.moved.push((id.clone(), new.waves[q]));
        }
        if current.emails[p] != new.emails[q] {
            c.changes.email_changed += 1;
        }
    }
    c.added = (new.ids.iter())
        .filter(|id| !was.contains_key(id.as_str()))
        .cloned()
        .collect();
    c.changes.added = c.added.len() as u64;
    c.changes.removed = c.removed.len() as u64;
    c.changes.moved = c.moved.len() as u64;
    c
}

/// The program's personal links sent before, as a new roster leaves them: links do not follow
/// a roster.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LinksLeft {
    /// Unanswered survey links that still open, of the people no longer on the roster and of
    /// those moved whose link was made for another wave than their new one.
    pub open_survey_links: u64,
    /// Training links that still open, of the people no longer on the roster (a training link
    /// is the person's, whatever their wave).
    pub open_training_links: u64,
    /// People new on the roster without a personal survey link while others of the program
    /// have one (0 when nobody was invited).
    pub new_without_link: u64,
    /// Anonymous survey links that still open whose group has fewer than
    /// [`MIN_GROUP`](crate::measures::MIN_GROUP) people on the new roster: an answer through
    /// one could point to a person, so they are revoked with the new roster.
    pub anonymous_too_small: u64,
}

/// What the planner should know before the new roster replaces the one in use: the changes,
/// and what happens to the personal links sent before.
pub fn warnings(changes: &RosterChanges, links: &LinksLeft) -> Vec<Text> {
    let mut out = Vec::new();
    let parts: Vec<Text> = [
        (
            changes.added,
            ("1 persoon nieuw", "1 person new"),
            ("{n} mensen nieuw", "{n} people new"),
        ),
        (
            changes.removed,
            (
                "1 persoon niet meer op de personeelslijst",
                "1 person no longer on the roster",
            ),
            (
                "{n} mensen niet meer op de personeelslijst",
                "{n} people no longer on the roster",
            ),
        ),
        (
            changes.moved,
            ("1 persoon in een andere golf", "1 person in another wave"),
            (
                "{n} mensen in een andere golf",
                "{n} people in another wave",
            ),
        ),
        (
            changes.email_changed,
            ("1 ander e-mailadres", "1 other e-mail address"),
            ("{n} andere e-mailadressen", "{n} other e-mail addresses"),
        ),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| Text::counted(n, one, many))
    .collect();
    let parts = |lang: Lang| {
        (parts.iter())
            .map(|p| p.get(lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if changes.any() {
        out.push(Text::new(
            format!(
                "Vergeleken met de personeelslijst in gebruik: {}.",
                parts(Lang::Nl)
            ),
            format!("Compared with the roster in use: {}.", parts(Lang::En)),
        ));
    }
    if links.open_survey_links > 0 {
        out.push(Text::counted(
            links.open_survey_links,
            (
                "1 link die nog niet is beantwoord, hoort bij iemand die niet meer op de personeelslijst staat of naar een andere golf gaat; hij blijft werken tot je hem intrekt.",
                "1 unanswered link belongs to someone no longer on the roster or moving to another wave; it keeps working until you revoke it.",
            ),
            (
                "{n} links die nog niet zijn beantwoord, horen bij mensen die niet meer op de personeelslijst staan of naar een andere golf gaan; ze blijven werken tot je ze intrekt.",
                "{n} unanswered links belong to people no longer on the roster or moving to another wave; they keep working until you revoke them.",
            ),
        ));
    }
    if links.anonymous_too_small > 0 {
        out.push(Text::counted(
            links.anonymous_too_small,
            (
                "1 anonieme link is voor een groep die op deze personeelslijst minder dan 5 mensen heeft; hij wordt met deze personeelslijst ingetrokken, zodat geen antwoord naar iemand kan wijzen.",
                "1 anonymous link is for a group with fewer than 5 people on this roster; it is revoked with this roster, so that no answer can point to a person.",
            ),
            (
                "{n} anonieme links zijn voor groepen die op deze personeelslijst minder dan 5 mensen hebben; ze worden met deze personeelslijst ingetrokken, zodat geen antwoord naar iemand kan wijzen.",
                "{n} anonymous links are for groups with fewer than 5 people on this roster; they are revoked with this roster, so that no answer can point to a person.",
            ),
        ));
    }
    if links.open_training_links > 0 {
        out.push(Text::counted(
            links.open_training_links,
            (
                "1 traininglink hoort bij iemand die niet meer op de personeelslijst staat; hij blijft werken tot je hem intrekt.",
                "1 training link belongs to someone no longer on the roster; it keeps working until you revoke it.",
            ),
            (
                "{n} traininglinks horen bij mensen die niet meer op de personeelslijst staan; ze blijven werken tot je ze intrekt.",
                "{n} training links belong to people no longer on the roster; they keep working until you revoke them.",
            ),
        ));
    }
    if links.new_without_link > 0 {
        out.push(Text::counted(
            links.new_without_link,
            (
                "1 nieuw persoon heeft nog geen link: nodig de golf opnieuw uit (wie al een link heeft, houdt die).",
                "1 new person has no link yet: invite the wave again (whoever has a link keeps it).",
            ),
            (
                "{n} nieuwe mensen hebben nog geen link: nodig hun golf opnieuw uit (wie al een link heeft, houdt die).",
                "{n} new people have no link yet: invite their wave again (whoever has a link keeps it).",
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::program::Program;
    use crate::upload::{FileKind, Parsed, parse_upload};

    fn roster(text: &str) -> Roster {
        let program = Program::parse(
            "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n[[wave]]\nid = \"wave-1\"\nstart = \"2027-02-08\"\nend = \"2027-02-26\"\n",
        )
        .unwrap();
        match parse_upload(FileKind::Roster, text.as_bytes(), &program).unwrap() {
            Parsed::Roster(r) => r,
            _ => unreachable!(),
        }
    }

    #[test]
    fn a_new_roster_says_who_came_went_moved_and_changed_address() {
        let current = roster(
            "person_id,email,wave\np1,a@x.org,pilot\np2,b@x.org,pilot\np3,c@x.org,pilot\np4,d@x.org,wave-1\n",
        );
        let new = roster(
            "person_id,email,wave\np1,a@x.org,wave-1\np3,C.new@x.org,pilot\np4,D@X.org,wave-1\np5,e@x.org,pilot\n",
        );
        let c = compare(&current, &new);
        assert_eq!(
            c.changes,
            RosterChanges {
                added: 1,
                removed: 1,
                moved: 1,
                email_changed: 1,
            }
        );
        assert_eq!(
            (c.removed, c.moved, c.added),
            (
                vec!["p2".to_string()],
                vec![("p1".to_string(), 1)],
                vec!["p5".to_string()]
            )
        );
        let w = warnings(
            &c.changes,
            &LinksLeft {
                open_survey_links: 2,
                open_training_links: 1,
                new_without_link: 1,
                anonymous_too_small: 0,
            },
        );
        assert_eq!(
            w[0].get(Lang::Nl),
            "Vergeleken met de personeelslijst in gebruik: 1 persoon nieuw, 1 persoon niet meer op de personeelslijst, 1 persoon in een andere golf, 1 ander e-mailadres."
        );
        assert!(
            w[1].get(Lang::En)
                .starts_with("2 unanswered links belong to")
        );
        assert_eq!(
            w[2].get(Lang::Nl),
            "1 traininglink hoort bij iemand die niet meer op de personeelslijst staat; hij blijft werken tot je hem intrekt."
        );
        assert!(
            w[3].get(Lang::En)
                .starts_with("1 new person has no link yet")
        );
    }

    #[test]
    fn the_same_roster_again_says_nothing() {
        let text = "person_id,email,wave\np1,a@x.org,pilot\np2,b@x.org,wave-1\n";
        let c = compare(&roster(text), &roster(text));
        assert!(!c.changes.any() && c.removed.is_empty() && c.moved.is_empty());
        assert!(warnings(&c.changes, &LinksLeft::default()).is_empty());
    }

    #[test]
    fn without_links_sent_only_the_changes_are_told() {
        let current = roster("person_id,wave\np1,pilot\n");
        let new = roster("person_id,wave\np1,pilot\np2,pilot\np3,pilot\n");
        let c = compare(&current, &new);
        let w = warnings(&c.changes, &LinksLeft::default());
        assert_eq!(w.len(), 1);
        assert_eq!(
            w[0].get(Lang::En),
            "Compared with the roster in use: 2 people new."
        );
    }
}
