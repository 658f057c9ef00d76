//! `roster.csv`: one row per person, with the wave and the segment attributes.

use super::cells::{Interner, Repeats, canonical_platform};
use super::files;
use crate::i18n::{Lang, Text};
use crate::invitation::check::{MAX_PERSON_ID, TextProblem};
use crate::readiness::data::Roster;
use crate::readiness::program::Program;
use crate::tabular::{self, Cells, Col, FileProblem, InputError, IntoText};
use std::collections::HashMap;

/// Reads `roster.csv`. Every `wave` must be a wave of `program`; `person_id` and `email` must be
/// unique. Columns other than `person_id`, `email` and `wave` become segment attributes.
///
/// Time is linear in the size of the file whatever its shape: each column's attribute is found
/// once, before the rows are read, so a roster with thousands of extra columns costs no more per
/// cell than one with three.
pub fn read_roster<'a>(input: impl IntoText<'a>, program: &Program) -> Result<Roster, InputError> {
    let file = files::ROSTER;
    let text = input.into_text(file)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let head = head.with_formula_guards_undone();
    // HR systems in Dutch organisations write their own words: a roster straight from them
    // should not need its columns renamed.
    let id = head.require(&[
        "person_id",
        "person id",
        "id",
        "employee_id",
        "personeelsnummer",
        "medewerkernummer",
    ])?;
    let wave = head.require(&["wave", "golf"])?;
    let email = head.optional(&[
        "email",
        "e-mail",
        "upn",
        "user_principal_name",
        "mail",
        "e-mailadres",
    ])?;
    let mut used = vec![id, wave];
    used.extend(email);
    // Every named column is an attribute: one named twice would give it two values a person.
    let mut attribute_cols: Vec<(Col, &str)> = Vec::new();
    let mut spelled: Vec<&str> = Vec::new();
    for (c, header) in head.other_columns(&used) {
        if !head.key(c).is_empty() {
            attribute_cols.push((head.once(c)?, head.key(c)));
            spelled.push(header);
        }
    }
    let mut roster = Roster::default();
    let attr_index: Vec<usize> = attribute_cols
        .iter()
        .map(|(_, name)| roster.attribute_index(name))
        .collect();
    for (&a, header) in attr_index.iter().zip(spelled) {
        roster.attributes[a].header = header.to_string();
    }
    let people = rows.rows_left_at_most();
    roster.ids.reserve(people);
    roster.emails.reserve(people);
    roster.waves.reserve(people);
    for &a in &attr_index {
        roster.attributes[a].codes.reserve(people);
    }
    let is_platform: Vec<bool> = attribute_cols
        .iter()
        .map(|(_, name)| *name == "platform")
        .collect();
    let mut seen_ids = Repeats::default();
    let mut seen_emails = Repeats::default();
    let mut interners: Vec<Interner> = attribute_cols.iter().map(|_| Interner::default()).collect();
    let wave_of: HashMap<&str, usize, foldhash::fast::RandomState> = program
        .waves
        .iter()
        .enumerate()
        .map(|(i, w)| (w.id.as_str(), i))
        .collect();
    while let Some(row) = rows.next_row(&head)? {
        let pid = head.required(&row, id)?;
        // The id goes into links, mail merges and exports: what an invitation refuses, the
        // roster refuses here, at its line, rather than at the first invitation of the wave.
        if let Some(problem) = TextProblem::of(&pid, MAX_PERSON_ID) {
            let expected = problem.expected_id("een persoon-id", "a person id");
            return Err(head.cell_error(&row, id, expected));
        }
        let person = roster.ids.len();
        if let Some(first) = seen_ids.check(&pid, person, row.line(), |i| roster.ids[i].as_str()) {
            return Err(head.cell_error(&row, id, unique("person_id", first)));
        }
        let w = head.required(&row, wave)?;
        let Some(&w_index) = wave_of.get(&*w) else {
            return Err(head.cell_error(&row, wave, known_waves(program)));
        };
        let mail = head.opt(&row, email);
        // Devices and tickets find their person by this address: a name or `n/a` here would
        // leave the person's devices unmatched without a word.
        if let (Some(m), Some(c)) = (&mail, email)
            && !crate::email::is_address(m)
        {
            return Err(head.cell_error(&row, c, an_address()));
        }
        if let Some(m) = &mail
            && let Some(first) = seen_emails.check(m, person, row.line(), |i| {
                roster.emails[i].as_deref().unwrap_or("")
            })
            && let Some(c) = email
        {
            return Err(head.cell_error(&row, c, unique("email", first)));
        }
        roster.ids.push(pid.to_string());
        roster.emails.push(mail.map(|m| m.to_lowercase()));
        roster
            .waves
            .push(u16::try_from(w_index).unwrap_or(u16::MAX));
        for ((((col, _), &a), interner), &platform) in attribute_cols
            .iter()
            .zip(&attr_index)
            .zip(&mut interners)
            .zip(&is_platform)
        {
            let raw = head.get(&row, *col);
            // `Sa\0les` would be a segment of its own that reads as `Sales` everywhere it is
            // shown; refused as ids are. Plain ASCII, nearly every value, is settled by a scan.
            if !raw.bytes().all(|b| matches!(b, b' '..=b'~'))
                && let Some(problem) = hidden_characters(&raw)
            {
                return Err(head.cell_error(&row, *col, problem));
            }
            let value = if platform {
                canonical_platform(&raw)
            } else {
                &raw
            };
            let code = interner.get(value, |v| roster.intern(a, v));
            let codes = &mut roster.attributes[a].codes;
            codes.resize(person, crate::readiness::data::NO_VALUE);
            codes.push(code);
        }
    }
    if roster.is_empty() {
        return Err(InputError::file(
            file,
            0,
            FileProblem::Rule(Text::new(
                "het rooster heeft geen mensen; verwacht één regel per persoon",
                "the roster has no people; expected one row per person",
            )),
        ));
    }
    Ok(roster)
}

/// What an attribute value should have been when it holds a control character or one that
/// changes how it reads without showing ([`crate::invisible`]); `None` when it holds neither.
/// Tabs and line breaks show, and a quoted cell of several lines is valid CSV: they stay.
fn hidden_characters(value: &str) -> Option<Text> {
    let found = value.chars().find(|&c| crate::invisible::is_invisible(c))?;
    let problem = if found.is_control() {
        TextProblem::ControlCharacters
    } else {
        TextProblem::InvisibleCharacters { found }
    };
    Some(Text::new(
        format!(
            "een kenmerkwaarde zonder verborgen tekens, maar {}",
            problem.message("de waarde", Lang::Nl)
        ),
        format!(
            "an attribute value without hidden characters, but {}",
            problem.message("the value", Lang::En)
        ),
    ))
}

fn an_address() -> Text {
    Text::new(
        "een e-mailadres (de UPN waarop apparaten en tickets aan de persoon worden gekoppeld), of een lege cel als het onbekend is",
        "an e-mail address (the UPN devices and tickets are matched to the person by), or an empty cell when it is unknown",
    )
}

fn unique(column: &str, first: u64) -> Text {
    Text::new(
        format!("een unieke {column} (deze staat ook op regel {first})"),
        format!("a unique {column} (this one is also on line {first})"),
    )
}

fn known_waves(program: &Program) -> Text {
    let ids: Vec<&str> = program.waves.iter().map(|w| w.id.as_str()).collect();
    let ids = ids.join(", ");
    Text::new(
        format!("een golf van het programma ({ids})"),
        format!("a wave of the program ({ids})"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program() -> Program {
        Program::parse(
            "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n[[wave]]\nid = \"wave-1\"\nstart = \"2027-02-08\"\nend = \"2027-02-26\"\n",
        )
        .unwrap()
    }

    #[test]
    fn roster_from_dutch_excel_with_extra_columns() {
        let text = "\u{FEFF}Person ID;E-mail;Wave;Department;Platform;Cost center\np1;Ann@Example.org;pilot;Finance;ios;CC1\np2;bob@example.org;wave-1;HR;Windows;\n";
        let r = read_roster(text.as_bytes(), &program()).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r.emails[0].as_deref(), Some("ann@example.org"));
        assert_eq!(r.attribute("platform").unwrap().value_of(0), Some("iOS"));
        assert_eq!(r.attribute("cost_center").unwrap().value_of(1), None);
        assert_eq!(r.waves, vec![0, 1]);
    }

    #[test]
    fn a_roster_straight_from_a_dutch_hr_system_is_read_as_it_is() {
        let text = "Personeelsnummer;E-mailadres;Golf;Afdeling\nE001;ann@example.org;pilot;Financiën\nE002;;wave-1;HR\n";
        let r = read_roster(text.as_bytes(), &program()).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r.emails[0].as_deref(), Some("ann@example.org"));
        assert_eq!(r.waves, vec![0, 1]);
        assert_eq!(
            r.attribute("afdeling").unwrap().value_of(0),
            Some("Financiën")
        );
    }

    #[test]
    fn an_email_cell_that_is_no_address_is_refused_at_its_cell() {
        for mail in ["n/a", "Anna de Vries", "a@x.org;b@x.org"] {
            let text = format!("person_id,email,wave\np0,p0@x.org,pilot\np1,{mail},pilot\n");
            let err = read_roster(text.as_bytes(), &program()).unwrap_err();
            assert_eq!((err.line, err.column), (3, Some(2)), "{err}");
            assert!(err.render(Lang::Nl).contains("e-mailadres"), "{err}");
        }
        let text = "person_id,email,wave\np0,,pilot\np1,anna@corp.local,pilot\n";
        assert_eq!(read_roster(text.as_bytes(), &program()).unwrap().len(), 2);
    }

    #[test]
    fn roster_with_an_unknown_wave_names_the_cell() {
        let text = "person_id,wave\np1,pilot\np2,wave-9\n";
        let err = read_roster(text.as_bytes(), &program()).unwrap_err();
        assert_eq!((err.line, err.column), (3, Some(2)));
        assert!(err.message(Lang::En).contains("pilot, wave-1"), "{err}");
        assert_eq!(
            err.render(Lang::Nl),
            "roster.csv, regel 3, kolom 2 (wave): verwacht een golf van het programma (pilot, wave-1), gevonden \"wave-9\""
        );
    }

    #[test]
    fn a_file_with_old_mac_line_ends_names_the_right_line() {
        let text = "person_id;wave\rp1;pilot\rp2;pilot\rp3;pilot\rp4;wave-9\r";
        let err = read_roster(text.as_bytes(), &program()).unwrap_err();
        assert_eq!((err.line, err.column), (5, Some(2)), "{err}");
        let text = "person_id;wave\rp1;pilot\rp2;pilot\rp1;pilot\r";
        let err = read_roster(text.as_bytes(), &program()).unwrap_err();
        assert_eq!(err.line, 4, "{err}");
        assert!(err.message(Lang::En).contains("line 2"), "{err}");
    }

    #[test]
    fn a_person_id_no_link_could_carry_is_refused_at_its_cell() {
        // A zero-width space makes `p1` and `p1\u{200B}` two people here and one in every
        // export; a NUL or a line break breaks mail merges.
        for (id, found) in [
            ("p1\u{200B}", "U+200B"),
            ("p\u{202E}2", "U+202E"),
            ("p\u{0}3", "stuurtekens"),
        ] {
            let text = format!("person_id,wave\np0,pilot\n{id},pilot\n");
            let err = read_roster(text.as_bytes(), &program()).unwrap_err();
            assert_eq!((err.line, err.column), (3, Some(1)), "{err}");
            assert!(
                err.render(Lang::Nl).contains(found),
                "{}",
                err.render(Lang::Nl)
            );
            assert!(
                err.render(Lang::En)
                    .contains("a person id a link can carry"),
                "{err}"
            );
        }
    }

    #[test]
    fn roster_with_a_duplicate_person_is_rejected() {
        let text = "person_id,wave\np1,pilot\nP1,pilot\n";
        let err = read_roster(text.as_bytes(), &program()).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message(Lang::En).contains("line 2"), "{err}");
        assert!(err.message(Lang::Nl).contains("regel 2"), "{err}");
    }

    #[test]
    fn two_columns_with_the_same_meaning_are_rejected() {
        let text = "person_id,wave,Department,department \np1,pilot,HR,Finance\n";
        let err = read_roster(text.as_bytes(), &program()).unwrap_err();
        assert_eq!((err.line, err.column), (1, Some(4)), "{err}");
        assert!(err.to_string().contains("also column 3"), "{err}");
        let wave_twice = "person_id,wave,Wave\np1,pilot,pilot\n";
        let err = read_roster(wave_twice.as_bytes(), &program()).unwrap_err();
        assert_eq!(err.column, Some(3), "{err}");
    }

    #[test]
    fn a_column_without_a_name_is_no_attribute() {
        let text = "person_id,wave,---,region\np1,pilot,x,North\n";
        let r = read_roster(text.as_bytes(), &program()).unwrap();
        let names: Vec<&str> = r.attributes.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["region"]);
    }
}
