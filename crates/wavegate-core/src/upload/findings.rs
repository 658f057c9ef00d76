//! What importing an uploaded file found: how many rows, how many people of the roster they
//! belong to, what did not match, warnings a planner should see, and the first rows as parsed.

use super::{FileKind, columns};
use crate::email::address_key;
use crate::i18n::{Lang, Text, count};
use crate::readiness::data::{
    Compliance, EnrollmentFailure, Roster, ScoredResponse, Ticket, TrainingRecord, TrainingStatus,
};
use crate::readiness::import::{
    ImportedDevices, enrollment_from_check_in, read_devices, read_failures, read_responses,
    read_roster, read_tickets, read_training,
};
use crate::readiness::program::Program;
use crate::tabular::InputError;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Read;

/// How many parsed rows a preview shows.
pub const PREVIEW_ROWS: usize = 20;

/// A file parsed by its importer.
#[derive(Clone, Debug)]
pub enum Parsed {
    /// The people.
    Roster(Roster),
    /// Devices.
    Devices(ImportedDevices),
    /// Enrollment failures.
    Failures(Vec<EnrollmentFailure>),
    /// Tickets (one per ticket: an event log's rows are folded).
    Tickets(Vec<Ticket>),
    /// Survey responses (one per response: its answer rows are folded).
    Responses(Vec<ScoredResponse>),
    /// Training records.
    Training(Vec<TrainingRecord>),
}

/// Parses a file of `kind` with the importer `wavegate score` uses for it.
pub fn parse_upload(
    kind: FileKind,
    reader: impl Read,
    program: &Program,
) -> Result<Parsed, InputError> {
    Ok(match kind {
        FileKind::Roster => Parsed::Roster(read_roster(reader, program)?),
        FileKind::Devices => Parsed::Devices(read_devices(reader)?),
        FileKind::EnrollmentFailures => Parsed::Failures(read_failures(reader)?),
        FileKind::Tickets => Parsed::Tickets(read_tickets(reader)?),
        FileKind::Responses => Parsed::Responses(read_responses(reader)?),
        FileKind::Training => Parsed::Training(read_training(reader)?),
    })
}

/// People of one wave in a roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaveCount {
    /// The wave's id.
    pub wave: String,
    /// People in it.
    pub people: u64,
}

/// What an import found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Findings {
    /// Records read: people for a roster, devices, failures, tickets (an event log's rows of
    /// one ticket count once), responses (the answer rows of one response count once),
    /// training records.
    pub rows: u64,
    /// Distinct roster people the rows belong to; `None` for a roster, or without one to match.
    pub people_matched: Option<u64>,
    /// Rows naming someone not on the roster; `None` as for `people_matched`.
    pub unmatched_rows: Option<u64>,
    /// Devices without a primary user (shared or kiosk devices); devices only.
    pub without_user: Option<u64>,
    /// Responses without a person (through anonymous links); responses only.
    #[serde(default)]
    pub anonymous: Option<u64>,
    /// People per wave, in the program's order; a roster only.
    pub waves: Vec<WaveCount>,
    /// What a planner should know, in both languages.
    pub warnings: Vec<Text>,
    /// A roster replacing one in use: what it changes (`None` for other kinds, or without a
    /// roster in use that reads with the program).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_changes: Option<super::roster_changes::RosterChanges>,
}

/// People by person id and e-mail, compared ignoring ASCII case as the readiness join does.
struct People(HashMap<String, u32>);

impl People {
    fn of(roster: &Roster) -> People {
        let mut map = HashMap::with_capacity(roster.len() * 2);
        for (p, id) in roster.ids.iter().enumerate() {
            map.insert(id.to_ascii_lowercase(), p as u32);
        }
        // Emails win over ids when the same text is both (as in `DataSet::new`).
        for (p, email) in roster.emails.iter().enumerate() {
            if let Some(e) = email {
                map.insert(e.to_ascii_lowercase(), p as u32);
            }
        }
        People(map)
    }

    fn find(&self, key: &str) -> Option<u32> {
        self.0.get(&key.to_ascii_lowercase()).copied()
    }
}

/// Counts matches of `keys` (`None`: a row naming nobody) against the roster.
fn matching(
    people: &People,
    n: usize,
    keys: impl Iterator<Item = Option<impl AsRef<str>>>,
) -> (u64, u64, u64) {
    let mut seen = vec![false; n];
    let (mut matched, mut unmatched, mut nobody) = (0u64, 0u64, 0u64);
    for key in keys {
        match key {
            None => nobody += 1,
            Some(k) => match people.find(k.as_ref()) {
                Some(p) => {
                    if let Some(s) = seen.get_mut(p as usize)
                        && !*s
                    {
                        *s = true;
                        matched += 1;
                    }
                }
                None => unmatched += 1,
            },
        }
    }
    (matched, unmatched, nobody)
}

impl Findings {
    /// Sums up a parsed file. `roster` is the program's current roster (`Err` with the reason
    /// when the stored one no longer reads), to match the rows of the other kinds to people.
    pub fn of(
        parsed: &Parsed,
        program: &Program,
        roster: Option<Result<&Roster, &InputError>>,
    ) -> Findings {
        let mut f = Findings::default();
        if let Parsed::Roster(r) = parsed {
            f.rows = r.len() as u64;
            let mut per_wave = vec![0u64; program.waves.len()];
            for &w in &r.waves {
                if let Some(c) = per_wave.get_mut(usize::from(w)) {
                    *c += 1;
                }
            }
            for (wave, people) in program.waves.iter().zip(per_wave) {
                if people == 0 {
                    f.warnings.push(Text::new(
                        format!("Golf `{}` heeft niemand in de personeelslijst.", wave.id),
                        format!("Wave `{}` has nobody on the roster.", wave.id),
                    ));
                }
                f.waves.push(WaveCount {
                    wave: wave.id.clone(),
                    people,
                });
            }
            f.warnings.extend(unknown_languages(r));
            for attribute in &program.split_attributes {
                if r.attribute(attribute).is_none() {
                    f.warnings.push(Text::new(
                        format!(
                            "Splitskenmerk `{attribute}` van het programma is geen kolom van de personeelslijst; op dit kenmerk wordt niet gesplitst."
                        ),
                        format!(
                            "Split attribute `{attribute}` of the program is not a column of the roster; the wave is not split on it."
                        ),
                    ));
                }
            }
            return f;
        }
        f.rows = match parsed {
            Parsed::Devices(d) => d.devices.len(),
            Parsed::Failures(x) => x.len(),
            Parsed::Tickets(t) => t.len(),
            Parsed::Responses(r) => r.len(),
            Parsed::Training(t) => t.len(),
            Parsed::Roster(_) => 0,
        } as u64;
        if let Parsed::Responses(r) = parsed {
            anonymous_findings(&mut f, r, program);
        }
        if f.rows == 0 {
            f.warnings.push(Text::new(
                "Het bestand heeft geen rijen.",
                "The file has no rows.",
            ));
        }
        let roster = match roster {
            None => {
                f.warnings.push(Text::new(
                    "Er is nog geen personeelslijst: de rijen zijn niet aan mensen gekoppeld. Laad eerst de personeelslijst.",
                    "There is no roster yet: the rows were not matched to people. Upload the roster first.",
                ));
                return f;
            }
            Some(Err(e)) => {
                f.warnings.push(Text::new(
                    format!(
                        "De opgeslagen personeelslijst past niet meer bij het programma ({}); de rijen zijn niet aan mensen gekoppeld.",
                        e.render(Lang::Nl)
                    ),
                    format!(
                        "The stored roster no longer fits the program ({}); the rows were not matched to people.",
                        e.render(Lang::En)
                    ),
                ));
                return f;
            }
            Some(Ok(r)) => r,
        };
        let people = People::of(roster);
        let n = roster.len();
        let (matched, unmatched, nobody) = match parsed {
            // Addresses as the files spell them, matched as the readiness join matches them.
            Parsed::Devices(d) => matching(
                &people,
                n,
                (d.devices.iter()).map(|d| d.upn.as_deref().map(address_key)),
            ),
            Parsed::Failures(x) => {
                matching(&people, n, x.iter().map(|x| Some(address_key(&x.upn))))
            }
            Parsed::Tickets(t) => {
                matching(&people, n, t.iter().map(|t| Some(address_key(&t.caller))))
            }
            // Anonymous responses name nobody on purpose: they are counted apart, not matched.
            Parsed::Responses(r) => matching(
                &people,
                n,
                r.iter().filter_map(|r| r.person_id.as_deref().map(Some)),
            ),
            Parsed::Training(t) => {
                matching(&people, n, t.iter().map(|t| Some(t.person_id.as_str())))
            }
            Parsed::Roster(_) => (0, 0, 0),
        };
        f.people_matched = Some(matched);
        f.unmatched_rows = Some(unmatched);
        // What the rows are, one and many ("1 ticket comes from a caller", "3 tickets come
        // from callers").
        let (one_nl, one_en, many_nl, many_en) = match parsed {
            Parsed::Devices(_) => (
                "apparaat hoort bij een gebruiker",
                "device belongs to a user",
                "apparaten horen bij gebruikers",
                "devices belong to users",
            ),
            Parsed::Failures(_) => (
                "mislukte inschrijving is van een gebruiker",
                "enrollment failure is of a user",
                "mislukte inschrijvingen zijn van gebruikers",
                "enrollment failures are of users",
            ),
            Parsed::Responses(_) => (
                "antwoord komt van iemand",
                "response comes from someone",
                "antwoorden komen van mensen",
                "responses come from people",
            ),
            Parsed::Training(_) => (
                "trainingsregel is van iemand",
                "training record is of someone",
                "trainingsregels zijn van mensen",
                "training records are of people",
            ),
            _ => (
                "ticket komt van een melder",
                "ticket comes from a caller",
                "tickets komen van melders",
                "tickets come from callers",
            ),
        };
        let (what_nl, what_en, who_en) = if unmatched == 1 {
            (one_nl, one_en, "who is")
        } else {
            (many_nl, many_en, "who are")
        };
        if unmatched > 0 {
            f.warnings.push(Text::new(
                format!(
                    "{} {what_nl} die niet in de personeelslijst {}.",
                    count(unmatched, Lang::Nl),
                    if unmatched == 1 { "staat" } else { "staan" }
                ),
                format!(
                    "{} {what_en} {who_en} not on the roster.",
                    count(unmatched, Lang::En)
                ),
            ));
        }
        if let Parsed::Devices(d) = parsed {
            f.without_user = Some(nobody);
            if nobody > 0 {
                f.warnings.push(match nobody {
                    1 => Text::new(
                        "1 apparaat heeft geen primaire gebruiker.",
                        "1 device has no primary user.",
                    ),
                    n => Text::new(
                        format!(
                            "{} apparaten hebben geen primaire gebruiker.",
                            count(n, Lang::Nl)
                        ),
                        format!("{} devices have no primary user.", count(n, Lang::En)),
                    ),
                });
            }
            if d.enrollment_from_check_in > 0 {
                let n = d.enrollment_from_check_in;
                f.warnings.push(Text::new(
                    enrollment_from_check_in(n, Lang::Nl),
                    enrollment_from_check_in(n, Lang::En),
                ));
            }
        }
        f
    }
}

/// Counts a responses file's anonymous responses and warns about those that name no wave of the
/// program: the engine counts them for no wave (as `anonymous_responses_without_wave`).
fn anonymous_findings(f: &mut Findings, responses: &[ScoredResponse], program: &Program) {
    let anonymous: Vec<&ScoredResponse> =
        responses.iter().filter(|r| r.person_id.is_none()).collect();
    f.anonymous = Some(anonymous.len() as u64);
    let without_wave = anonymous
        .iter()
        .filter(|r| {
            r.attributes
                .iter()
                .find(|(k, _)| k == "wave")
                .and_then(|(_, v)| program.wave_index(v))
                .is_none()
        })
        .count();
    if without_wave == 1 {
        f.warnings.push(Text::new(
            "1 anoniem antwoord heeft in de kolom `wave` geen golf van het programma; het telt voor geen enkele golf.",
            "1 anonymous response has no wave of the program in the column `wave`; it counts for no wave.",
        ));
    } else if without_wave > 1 {
        f.warnings.push(Text::new(
            format!(
                "{} anonieme antwoorden hebben in de kolom `wave` geen golf van het programma; ze tellen voor geen enkele golf.",
                count(without_wave as u64, Lang::Nl)
            ),
            format!(
                "{} anonymous responses have no wave of the program in the column `wave`; they count for no wave.",
                count(without_wave as u64, Lang::En)
            ),
        ));
    }
}

/// The first rows of a file as its importer understood them, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    /// The fields, in order.
    pub columns: Vec<String>,
    /// Up to [`PREVIEW_ROWS`] rows, one cell per column (empty when absent).
    pub rows: Vec<Vec<String>>,
}

/// A warning when the roster's `language` column names languages the app does not speak: those
/// people's links open in their browser's language, which the planner may not expect.
fn unknown_languages(roster: &Roster) -> Option<Text> {
    let language = roster.language()?;
    let unknown: Vec<bool> = language
        .values
        .iter()
        .map(|v| crate::i18n::Lang::from_roster(v).is_none())
        .collect();
    let people = language
        .codes
        .iter()
        .filter(|&&c| unknown.get(c as usize).copied().unwrap_or(false))
        .count();
    if people == 0 {
        return None;
    }
    // The roster's values are sorted, so the examples are the same on every import.
    let examples = language
        .values
        .iter()
        .zip(&unknown)
        .filter(|(_, u)| **u)
        .map(|(v, _)| format!("`{v}`"))
        .take(3)
        .collect::<Vec<_>>()
        .join(", ");
    // The examples go in last: a roster's value is never read for a placeholder.
    let text = Text::counted(
        people as u64,
        (
            "1 persoon heeft een taal die Wavegate niet spreekt ({examples}); die link opent in de taal van de browser. Wavegate spreekt nl en en.",
            "1 person has a language Wavegate does not speak ({examples}); that link opens in the browser's language. Wavegate speaks nl and en.",
        ),
        (
            "{n} mensen hebben een taal die Wavegate niet spreekt ({examples}); hun links openen in de taal van de browser. Wavegate spreekt nl en en.",
            "{n} people have a language Wavegate does not speak ({examples}); their links open in the browser's language. Wavegate speaks nl and en.",
        ),
    );
    Some(Text::new(
        text.nl.replace("{examples}", &examples),
        text.en.replace("{examples}", &examples),
    ))
}

fn compliance_name(c: Compliance) -> &'static str {
    match c {
        Compliance::Compliant => "Compliant",
        Compliance::Noncompliant => "Noncompliant",
        Compliance::InGracePeriod => "InGracePeriod",
        Compliance::ConfigManager => "ConfigManager",
        Compliance::Error => "Error",
        Compliance::Unknown => "Unknown",
    }
}

fn time(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

fn status_name(s: TrainingStatus, lang: Lang) -> &'static str {
    match (s, lang) {
        (TrainingStatus::Assigned, Lang::Nl) => "toegewezen",
        (TrainingStatus::Assigned, Lang::En) => "assigned",
        (TrainingStatus::Started, Lang::Nl) => "gestart",
        (TrainingStatus::Started, Lang::En) => "started",
        (TrainingStatus::Completed, Lang::Nl) => "afgerond",
        (TrainingStatus::Completed, Lang::En) => "completed",
    }
}

/// Yes or no, in the reader's language.
fn yes_no(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (true, Lang::Nl) => "ja",
        (false, Lang::Nl) => "nee",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

/// How many of the items the engine scores a response answers.
fn scored_count(r: &ScoredResponse) -> usize {
    let a = &r.answers;
    a.adkar.iter().chain(&a.sus).filter(|x| x.is_some()).count()
        + usize::from(a.enroll_experience.is_some())
        + usize::from(a.nps.is_some())
}

/// The first [`PREVIEW_ROWS`] records of a parsed file, as the importer read them, its words
/// (yes and no, a training status) and numbers written for `lang`; ids, names and Intune's
/// compliance states as in the file.
pub fn preview(parsed: &Parsed, program: &Program, lang: Lang) -> Preview {
    let cols = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match parsed {
        Parsed::Roster(r) => {
            let mut columns = cols(columns::ROSTER);
            // The file's own columns as it spells them, which the planner knows them by.
            columns.extend(r.attributes.iter().map(|a| {
                if a.header.is_empty() {
                    a.name.clone()
                } else {
                    a.header.clone()
                }
            }));
            let rows = (0..r.len().min(PREVIEW_ROWS))
                .map(|p| {
                    let mut row = vec![
                        r.ids[p].clone(),
                        r.emails[p].clone().unwrap_or_default(),
                        program
                            .waves
                            .get(usize::from(r.waves[p]))
                            .map(|w| w.id.clone())
                            .unwrap_or_default(),
                    ];
                    row.extend(
                        r.attributes
                            .iter()
                            .map(|a| a.value_of(p).unwrap_or("").to_string()),
                    );
                    row
                })
                .collect();
            Preview { columns, rows }
        }
        Parsed::Devices(d) => Preview {
            columns: cols(columns::DEVICES),
            rows: d
                .devices
                .iter()
                .take(PREVIEW_ROWS)
                .map(|d| {
                    vec![
                        d.upn.clone().unwrap_or_default(),
                        d.os.clone(),
                        compliance_name(d.compliance).to_string(),
                        time(d.enrolled_at),
                    ]
                })
                .collect(),
        },
        Parsed::Failures(x) => Preview {
            columns: cols(columns::FAILURES),
            rows: x
                .iter()
                .take(PREVIEW_ROWS)
                .map(|x| vec![x.upn.clone(), time(x.at), x.reason.clone(), x.os.clone()])
                .collect(),
        },
        Parsed::Tickets(t) => Preview {
            columns: cols(columns::TICKETS),
            rows: t
                .iter()
                .take(PREVIEW_ROWS)
                .map(|t| {
                    vec![
                        t.number.clone(),
                        time(t.opened_at),
                        t.caller.clone(),
                        t.category.clone(),
                        t.priority.map(|p| p.to_string()).unwrap_or_default(),
                        yes_no(t.closed, lang).to_string(),
                        t.resolved_at.map(time).unwrap_or_default(),
                    ]
                })
                .collect(),
        },
        Parsed::Responses(r) => Preview {
            columns: cols(columns::RESPONSES),
            rows: r
                .iter()
                .take(PREVIEW_ROWS)
                .map(|r| {
                    vec![
                        r.id.clone(),
                        r.survey_id.clone(),
                        r.person_id.clone().unwrap_or_default(),
                        time(r.submitted_at),
                        r.attributes
                            .iter()
                            .map(|(k, v)| format!("{k}={v}"))
                            .collect::<Vec<_>>()
                            .join("; "),
                        scored_count(r).to_string(),
                    ]
                })
                .collect(),
        },
        Parsed::Training(t) => Preview {
            columns: cols(columns::TRAINING),
            rows: t
                .iter()
                .take(PREVIEW_ROWS)
                .map(|t| {
                    vec![
                        t.person_id.clone(),
                        t.module_id.to_string(),
                        status_name(t.status, lang).to_string(),
                        t.attempts.to_string(),
                        t.passed
                            .map(|p| yes_no(p, lang).to_string())
                            .unwrap_or_default(),
                        t.completed_at.map(time).unwrap_or_default(),
                        t.topics
                            .iter()
                            .map(|(k, x)| {
                                format!("{k}={}", crate::readiness::text::figure(*x, lang))
                            })
                            .collect::<Vec<_>>()
                            .join(";"),
                    ]
                })
                .collect(),
        },
    }
}

/// The warning for a file read as UTF-8 although `replaced` byte sequences in it are not
/// UTF-8 (each read as U+FFFD): names with those characters should be checked.
pub fn replaced_bytes(replaced: u64) -> Option<Text> {
    let (nl, en) = match replaced {
        0 => return None,
        1 => (
            "1 plek in het bestand is geen geldige UTF-8 en is als \u{FFFD} gelezen".to_string(),
            "1 place in the file is not valid UTF-8 and was read as \u{FFFD}".to_string(),
        ),
        n => (
            format!(
                "{} plekken in het bestand zijn geen geldige UTF-8 en zijn als \u{FFFD} gelezen",
                count(n, Lang::Nl)
            ),
            format!(
                "{} places in the file are not valid UTF-8 and were read as \u{FFFD}",
                count(n, Lang::En)
            ),
        ),
    };
    Some(Text::new(
        format!("{nl}; controleer namen met bijzondere tekens."),
        format!("{en}; check names with special characters."),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program() -> Program {
        Program::parse(
            "name = \"t\"\nsplit_attributes = [\"platform\", \"region\"]\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n[[wave]]\nid = \"wave-1\"\nstart = \"2027-02-08\"\nend = \"2027-02-26\"\n",
        )
        .unwrap()
    }

    fn roster() -> Roster {
        let text = "person_id,email,wave,platform\np1,ann@x.org,pilot,iOS\np2,bob@x.org,pilot,Windows\np3,cas@x.org,pilot,iOS\n";
        match parse_upload(FileKind::Roster, text.as_bytes(), &program()).unwrap() {
            Parsed::Roster(r) => r,
            _ => unreachable!(),
        }
    }

    #[test]
    fn a_roster_counts_people_per_wave_and_names_missing_split_attributes() {
        let text = "person_id,wave,platform\np1,pilot,iOS\np2,pilot,Windows\n";
        let parsed = parse_upload(FileKind::Roster, text.as_bytes(), &program()).unwrap();
        let f = Findings::of(&parsed, &program(), None);
        assert_eq!(f.rows, 2);
        assert_eq!(
            f.waves,
            vec![
                WaveCount {
                    wave: "pilot".into(),
                    people: 2
                },
                WaveCount {
                    wave: "wave-1".into(),
                    people: 0
                }
            ]
        );
        let en: Vec<&str> = f.warnings.iter().map(|w| w.en.as_str()).collect();
        assert_eq!(
            en,
            vec![
                "Wave `wave-1` has nobody on the roster.",
                "Split attribute `region` of the program is not a column of the roster; the wave is not split on it."
            ]
        );
        assert!(f.warnings.iter().all(|w| w.missing().is_empty()));
        let p = preview(&parsed, &program(), Lang::En);
        assert_eq!(p.columns, vec!["person_id", "email", "wave", "platform"]);
        assert_eq!(p.rows[1], vec!["p2", "", "pilot", "Windows"]);
    }

    #[test]
    fn a_roster_with_languages_the_app_does_not_speak_says_how_many_people_and_which() {
        let text = "person_id,wave,language\np1,pilot,nl\np2,pilot,de\np3,pilot,de\np4,pilot,EN-gb\np5,pilot,fr\n";
        let parsed = parse_upload(FileKind::Roster, text.as_bytes(), &program()).unwrap();
        let f = Findings::of(&parsed, &program(), None);
        let warning = f
            .warnings
            .iter()
            .find(|w| w.get(Lang::En).contains("language"))
            .expect("a language warning");
        assert!(
            warning
                .get(Lang::En)
                .starts_with("3 people have a language Wavegate does not speak (`de`, `fr`)"),
            "{warning:?}"
        );
        let known = "person_id,wave,language\np1,pilot,nl\np2,pilot,en\n";
        let parsed = parse_upload(FileKind::Roster, known.as_bytes(), &program()).unwrap();
        let f = Findings::of(&parsed, &program(), None);
        assert!(
            !f.warnings
                .iter()
                .any(|w| w.get(Lang::En).contains("language"))
        );
    }

    #[test]
    fn devices_are_matched_by_upn_and_shared_devices_are_counted() {
        let text = "Primary user UPN,Compliance,Enrollment date\nANN@x.org,Compliant,2027-01-12\nann@x.org,Compliant,2027-01-13\np2,Noncompliant,2027-01-12\nzoe@x.org,Compliant,2027-01-12\n,Compliant,2027-01-12\n,Compliant,2027-01-12\n";
        let parsed = parse_upload(FileKind::Devices, text.as_bytes(), &program()).unwrap();
        let r = roster();
        let f = Findings::of(&parsed, &program(), Some(Ok(&r)));
        assert_eq!(f.rows, 6);
        assert_eq!(f.people_matched, Some(2), "ann twice, p2 by id");
        assert_eq!(f.unmatched_rows, Some(1));
        assert_eq!(f.without_user, Some(2));
        assert_eq!(
            f.warnings[0].nl,
            "1 apparaat hoort bij een gebruiker die niet in de personeelslijst staat."
        );
        let en: Vec<&str> = f.warnings.iter().map(|w| w.en.as_str()).collect();
        assert_eq!(
            en,
            vec![
                "1 device belongs to a user who is not on the roster.",
                "2 devices have no primary user."
            ]
        );
        // Shown as the file spells it, though matched ignoring case.
        let p = preview(&parsed, &program(), Lang::En);
        assert_eq!(
            p.rows[0],
            vec!["ANN@x.org", "", "Compliant", "2027-01-12 00:00:00"]
        );
    }

    #[test]
    fn without_a_roster_rows_are_counted_but_not_matched() {
        let text = "number,opened_at,caller,category\nINC1,2027-01-12,ann@x.org,Mobile\n";
        let parsed = parse_upload(FileKind::Tickets, text.as_bytes(), &program()).unwrap();
        let f = Findings::of(&parsed, &program(), None);
        assert_eq!((f.rows, f.people_matched), (1, None));
        assert!(f.warnings[0].en.starts_with("There is no roster yet"));
    }

    #[test]
    fn responses_are_counted_per_response_matched_by_person_and_anonymous_ones_by_wave() {
        let text = "response_id,survey_id,person_id,submitted_at,question_id,value,wave\n\
r1,s,P1,2027-01-20,adkar_awareness,4,\n\
r1,s,P1,2027-01-20,nps,9,\n\
r2,s,zoe,2027-01-20,nps,9,\n\
r3,s,,2027-01-21,adkar_desire,2,pilot\n\
r4,s,,2027-01-21,adkar_desire,2,Pilot\n";
        let parsed = parse_upload(FileKind::Responses, text.as_bytes(), &program()).unwrap();
        let r = roster();
        let f = Findings::of(&parsed, &program(), Some(Ok(&r)));
        assert_eq!(f.rows, 4, "answer rows of one response count once");
        assert_eq!(
            (f.people_matched, f.unmatched_rows, f.anonymous),
            (Some(1), Some(1), Some(2))
        );
        let en: Vec<&str> = f.warnings.iter().map(|w| w.en.as_str()).collect();
        assert_eq!(
            en,
            vec![
                "1 anonymous response has no wave of the program in the column `wave`; it counts for no wave.",
                "1 response comes from someone who is not on the roster."
            ]
        );
        let p = preview(&parsed, &program(), Lang::En);
        assert_eq!(
            p.rows[0],
            vec!["r1", "s", "P1", "2027-01-20 00:00:00", "", "2"]
        );
        assert_eq!(p.rows[2][4], "wave=pilot");
    }

    #[test]
    fn a_preview_shows_callers_and_columns_as_the_file_spells_them_and_still_matches_them() {
        let text = "number,opened_at,caller,category\nINC1,2027-01-12 09:30,Ann@X.org,Enrollment\n";
        let parsed = parse_upload(FileKind::Tickets, text.as_bytes(), &program()).unwrap();
        let r = roster();
        let f = Findings::of(&parsed, &program(), Some(Ok(&r)));
        assert_eq!(
            f.people_matched,
            Some(1),
            "matched to ann@x.org ignoring case"
        );
        let p = preview(&parsed, &program(), Lang::En);
        assert_eq!(p.rows[0][2], "Ann@X.org");

        let text = "person_id,email,wave,Cost Center\np1,ann@x.org,pilot,HR\n";
        let parsed = parse_upload(FileKind::Roster, text.as_bytes(), &program()).unwrap();
        let p = preview(&parsed, &program(), Lang::En);
        assert_eq!(p.columns, ["person_id", "email", "wave", "Cost Center"]);
    }

    #[test]
    fn training_records_are_matched_by_person_and_previewed_as_read() {
        let text = "person_id;module_id;status;attempts;passed;completed_at;topic_results\n\
p1;enroll-ios;voltooid;2;ja;2027-01-15 10:00;privacy=0,5|steps=1\n\
nobody;enroll-ios;assigned;;;;\n";
        let parsed = parse_upload(FileKind::Training, text.as_bytes(), &program()).unwrap();
        let r = roster();
        let f = Findings::of(&parsed, &program(), Some(Ok(&r)));
        assert_eq!(
            (f.rows, f.people_matched, f.unmatched_rows),
            (2, Some(1), Some(1))
        );
        assert_eq!(f.anonymous, None);
        let p = preview(&parsed, &program(), Lang::En);
        assert_eq!(
            p.rows[0],
            vec![
                "p1",
                "enroll-ios",
                "completed",
                "2",
                "yes",
                "2027-01-15 10:00:00",
                "privacy=0.5;steps=1"
            ]
        );
        // A Dutch planner reads the file's words and numbers in Dutch.
        let p = preview(&parsed, &program(), Lang::Nl);
        assert_eq!(
            p.rows[0][2..],
            [
                "afgerond",
                "2",
                "ja",
                "2027-01-15 10:00:00",
                "privacy=0,5;steps=1"
            ]
        );
    }
}
