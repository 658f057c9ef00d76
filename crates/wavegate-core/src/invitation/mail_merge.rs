//! The mail-merge CSV of invitation links: fixed columns, then (in the link list) each link's
//! expiry and revocation, then one column per attribute.
//!
//! A planner merges this file into e-mails, so every link is one row and a re-download after
//! responses came in shows who answered (`submitted_at`). Cells go through [`crate::csv_safe`].

use crate::api::InvitationLink;
use crate::csv_safe::{CsvOptions, SafeCsvWriter};
use std::collections::BTreeSet;
use std::io::Write;

/// The columns every mail-merge file starts with; attribute columns follow, by name.
pub const FIXED_COLUMNS: [&str; 5] = ["person_id", "email", "language", "link", "submitted_at"];

/// Columns the link list adds after the fixed ones: the last day a link opens and when it was
/// revoked, so a planner sees which links still work.
pub const LIFETIME_COLUMNS: [&str; 2] = ["expires_on", "revoked_at"];

/// Writes the links as a mail-merge CSV to `out` and returns it.
pub fn write_mail_merge<W: Write>(
    links: &[InvitationLink],
    out: W,
    options: CsvOptions,
) -> std::io::Result<W> {
    write(links, out, options, false)
}

/// Writes the links as a mail-merge CSV with [`LIFETIME_COLUMNS`] after the fixed ones.
pub fn write_link_list<W: Write>(
    links: &[InvitationLink],
    out: W,
    options: CsvOptions,
) -> std::io::Result<W> {
    write(links, out, options, true)
}

fn write<W: Write>(
    links: &[InvitationLink],
    out: W,
    options: CsvOptions,
    lifetime: bool,
) -> std::io::Result<W> {
    let attribute_names: BTreeSet<&str> = links
        .iter()
        .flat_map(|l| l.attributes.keys().map(String::as_str))
        .collect();
    let lifetime_columns: &[&str] = if lifetime { &LIFETIME_COLUMNS } else { &[] };
    let mut w = SafeCsvWriter::new(out, options)?;
    w.row(
        FIXED_COLUMNS
            .iter()
            .chain(lifetime_columns)
            .chain(attribute_names.iter()),
    )?;
    for l in links {
        let fixed = [
            l.person_id.as_deref().unwrap_or_default(),
            l.email.as_deref().unwrap_or_default(),
            l.language.map(|x| x.code()).unwrap_or_default(),
            l.url.as_str(),
            l.submitted_at.as_deref().unwrap_or_default(),
        ];
        let life = [
            l.expires_on.as_deref().unwrap_or_default(),
            l.revoked_at.as_deref().unwrap_or_default(),
        ];
        let life = &life[..lifetime_columns.len()];
        let attributes = attribute_names
            .iter()
            .map(|a| l.attributes.get(*a).map(String::as_str).unwrap_or_default());
        w.row(
            fixed
                .into_iter()
                .chain(life.iter().copied())
                .chain(attributes),
        )?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::survey::Attributes;

    fn link(person: Option<&str>, attributes: &[(&str, &str)]) -> InvitationLink {
        InvitationLink {
            token: "t".into(),
            url: "http://h/r/t".into(),
            person_id: person.map(String::from),
            email: person.map(|p| format!("{p}@example.org")),
            attributes: attributes
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Attributes>(),
            language: person.map(|_| Lang::Nl),
            submitted_at: None,
            wave: None,
            expires_on: None,
            revoked_at: None,
        }
    }

    fn csv(links: &[InvitationLink], options: CsvOptions) -> String {
        let bytes = write_mail_merge(links, Vec::new(), options).expect("writing to memory");
        String::from_utf8(bytes).expect("UTF-8")
    }

    #[test]
    fn cells_that_spreadsheets_would_run_are_defused() {
        let links = [link(Some("p1"), &[("department", "=HYPERLINK(\"x\")")])];
        assert_eq!(
            csv(&links, CsvOptions::default()),
            "person_id,email,language,link,submitted_at,department\r\n\
             p1,p1@example.org,nl,http://h/r/t,,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        );
    }

    #[test]
    fn every_attribute_of_any_link_gets_a_column_and_the_answered_time_shows() {
        let mut answered = link(Some("p1"), &[("wave", "pilot")]);
        answered.submitted_at = Some("2027-01-12T08:00:00Z".into());
        let links = [link(None, &[("platform", "iOS")]), answered];
        assert_eq!(
            csv(&links, CsvOptions::excel_nl()),
            "\u{feff}person_id;email;language;link;submitted_at;platform;wave\r\n\
             ;;;http://h/r/t;;iOS;\r\n\
             p1;p1@example.org;nl;http://h/r/t;2027-01-12T08:00:00Z;;pilot\r\n"
        );
    }

    #[test]
    fn the_link_list_shows_when_each_link_stops_opening() {
        let mut revoked = link(Some("p2"), &[("wave", "pilot")]);
        revoked.expires_on = Some("2027-02-28".into());
        revoked.revoked_at = Some("2027-01-20T10:00:00Z".into());
        let bytes = write_link_list(
            &[link(Some("p1"), &[]), revoked],
            Vec::new(),
            CsvOptions::default(),
        )
        .expect("writing to memory");
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "person_id,email,language,link,submitted_at,expires_on,revoked_at,wave\r\n\
             p1,p1@example.org,nl,http://h/r/t,,,,\r\n\
             p2,p2@example.org,nl,http://h/r/t,,2027-02-28,2027-01-20T10:00:00Z,pilot\r\n"
        );
    }
}
