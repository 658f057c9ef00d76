//! A realistic synthetic organisation for demos, tests and benchmarks.
//!
//! Departments, regions, platforms, a pilot and four waves, Intune device and failure exports,
//! ServiceNow tickets, survey answers and training records, in the very formats the importers
//! read (Intune's and ServiceNow's own headers, a Dutch-Excel roster). Problems are planted so
//! the report has something to say:
//! - iOS users often fail their first enrollment attempt;
//! - Finance does not want the change (the Desire barrier);
//! - the quiz topic `privacy` is weak;
//! - region Noord hardly answers surveys;
//! - the helpdesk cannot carry the next wave at its planned size;
//! - Legal has 3 people in the next wave and must be suppressed.
//!
//! Deterministic: the same options give byte-identical files.

use crate::csv_safe::{CsvOptions, SafeCsvWriter};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::io::{self, Write};

mod rows;
mod write;

use rows::{DeviceRow, FailureRow, Person, ResponseRow, TicketRow, TrainingRow};

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoOptions {
    /// People on the roster; at least [`MIN_PEOPLE`] are generated
    /// ([`DemoOptions::people_generated`]).
    pub people: usize,
    /// Random seed.
    pub seed: u64,
    /// The evaluation date the data leads up to: the pilot and wave 1 are over, wave 2 starts a
    /// week later.
    pub at: NaiveDate,
}

/// The fewest people an organisation is generated with, whatever is asked, so that each wave
/// has people on it (the pilot takes 6 per cent).
pub const MIN_PEOPLE: usize = 40;

impl DemoOptions {
    /// How many people the roster has: those asked for, at least [`MIN_PEOPLE`].
    pub fn people_generated(&self) -> usize {
        self.people.max(MIN_PEOPLE)
    }
}

/// The files of a demo data directory, in the order they are written.
pub const FILES: [&str; 7] = [
    "program.toml",
    "roster.csv",
    "devices.csv",
    "enrollment_failures.csv",
    "tickets.csv",
    "responses.csv",
    "training.csv",
];

/// The department that is planted with a Desire barrier.
pub const RELUCTANT_DEPARTMENT: &str = "Finance";
/// The department that is too small to report.
pub const SMALL_DEPARTMENT: &str = "Legal";
/// The region that hardly answers surveys.
pub const QUIET_REGION: &str = "Noord";
/// The weak quiz topic: a topic of the built-in module for everyone, [`EVERYONE_MODULE`].
pub const WEAK_TOPIC: &str = "privacy";
/// The module everyone is trained with: built in, so whoever tries the demo can publish and
/// assign what its training actions name.
pub const EVERYONE_MODULE: &str = "what-changes";
/// The version of the built-in modules the training records were made with.
const MODULE_VERSION: u32 = 1;

const DEPARTMENTS: [(&str, u32); 8] = [
    ("Sales", 18),
    ("Operations", 20),
    ("Customer Service", 16),
    ("Finance", 10),
    ("HR", 6),
    ("IT", 8),
    ("Marketing", 8),
    ("Logistics", 14),
];
const REGIONS: [(&str, u32); 4] = [("Noord", 20), ("Oost", 20), ("Zuid", 25), ("West", 35)];
const PLATFORMS: [(&str, u32); 4] = [("Windows", 50), ("iOS", 28), ("Android", 17), ("macOS", 5)];
const FIRST: [&str; 16] = [
    "anna", "bas", "chantal", "daan", "emma", "fleur", "gijs", "hanna", "ilse", "jeroen", "kim",
    "lars", "mila", "noah", "olga", "pieter",
];
const LAST: [&str; 12] = [
    "devries", "jansen", "bakker", "visser", "smit", "meijer", "mulder", "bos", "vos", "peters",
    "hendriks", "dekker",
];

/// A generated organisation, ready to be written file by file.
#[derive(Clone, Debug)]
pub struct Demo {
    at: NaiveDate,
    waves: Vec<(String, NaiveDate, NaiveDate, u32)>,
    capacity: u32,
    people: Vec<Person>,
    devices: Vec<DeviceRow>,
    failures: Vec<FailureRow>,
    tickets: Vec<TicketRow>,
    responses: Vec<ResponseRow>,
    training: Vec<TrainingRow>,
}

fn weighted<T: Copy>(rng: &mut ChaCha8Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut pick = rng.gen_range(0..total);
    for (item, w) in items {
        if pick < *w {
            return *item;
        }
        pick -= w;
    }
    items[items.len() - 1].0
}

fn at_time(d: NaiveDate, rng: &mut ChaCha8Rng) -> NaiveDateTime {
    let secs = rng.gen_range(8 * 3600..18 * 3600);
    d.and_time(NaiveTime::MIN) + Duration::seconds(secs)
}

/// A 1–5 agreement answer that is 4–5 with probability `agree`.
fn likert(rng: &mut ChaCha8Rng, agree: f64) -> u8 {
    if rng.gen_bool(agree.clamp(0.0, 1.0)) {
        if rng.gen_bool(0.6) { 4 } else { 5 }
    } else {
        weighted(rng, &[(1u8, 15), (2, 30), (3, 55)])
    }
}

fn uuid(n: u64) -> String {
    let h = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
        (h >> 32) as u32,
        (h >> 16) as u16,
        (h & 0xfff) as u16,
        ((h >> 12) & 0xfff) as u16,
        n & 0xffff_ffff_ffff
    )
}

/// The waves' ids, as the roster's `wave` column writes them.
const WAVE_IDS: [&str; 5] = ["pilot", "wave-1", "wave-2", "wave-3", "wave-4"];
/// The waves' names, as planners call them (program.toml's `name`), by [`WAVE_IDS`].
const WAVE_NAMES: [&str; 5] = [
    "Pilot IT",
    "Vroege gebruikers",
    "Hoofdkantoor",
    "Regiokantoren",
    "Buitendienst",
];

/// Generates the organisation.
pub fn generate(opts: &DemoOptions) -> Demo {
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let at = opts.at;
    let n = opts.people_generated();
    let day = |offset: i64| at + Duration::days(offset);
    // Pilot and wave 1 are over; wave 2 (the next wave) starts a week after `at`.
    let shares = [0.06, 0.18, 0.24, 0.26];
    let mut sizes: Vec<u32> = shares
        .iter()
        .map(|s| (n as f64 * s).round() as u32)
        .collect();
    sizes.push(n as u32 - sizes.iter().sum::<u32>());
    let windows = [(-63, -49), (-42, -21), (7, 28), (35, 56), (63, 84)];
    let waves: Vec<(String, NaiveDate, NaiveDate, u32)> = WAVE_IDS
        .iter()
        .zip(windows)
        .zip(&sizes)
        .map(|((id, (s, e)), size)| (id.to_string(), day(s), day(e), *size))
        .collect();

    // People.
    let mut people = Vec::with_capacity(n);
    let mut legal_left = 3;
    for (w, &size) in sizes.iter().enumerate() {
        for _ in 0..size {
            let k = people.len() + 1;
            let department = if w == 2 && legal_left > 0 {
                legal_left -= 1;
                SMALL_DEPARTMENT
            } else {
                weighted(&mut rng, &DEPARTMENTS)
            };
            let platform = weighted(&mut rng, &PLATFORMS);
            let workload = match department {
                "Sales" | "Logistics" => weighted(&mut rng, &[("field", 60), ("office", 40)]),
                "Customer Service" | "Operations" => {
                    weighted(&mut rng, &[("frontline", 55), ("office", 45)])
                }
                _ => "office",
            };
            let ownership = match platform {
                "iOS" | "Android" => weighted(&mut rng, &[("personal", 40), ("corporate", 60)]),
                _ => "corporate",
            };
            let first = FIRST[rng.gen_range(0..FIRST.len())];
            let last = LAST[rng.gen_range(0..LAST.len())];
            people.push(Person {
                id: format!("E{k:06}"),
                email: format!("{first}.{last}{k}@contoso.example"),
                wave: w,
                department,
                region: weighted(&mut rng, &REGIONS),
                platform,
                workload,
                ownership,
                language: if rng.gen_bool(0.85) { "nl" } else { "en" },
                start_date: day(-rng.gen_range(60..6000)),
                cost_center: rng.gen_range(1000..1100),
            });
        }
    }

    let mut devices = Vec::new();
    let mut failures = Vec::new();
    let mut tickets: Vec<TicketRow> = Vec::new();
    let mut enrolled_at: Vec<Option<NaiveDateTime>> = vec![None; n];
    let mut next_ticket = 100_000u32;
    let mut new_ticket = |tickets: &mut Vec<TicketRow>,
                          rng: &mut ChaCha8Rng,
                          caller: String,
                          opened: NaiveDateTime,
                          category: &'static str,
                          description: &'static str| {
        next_ticket += 1;
        let priority = weighted(rng, &[(4u8, 50), (3, 41), (2, 8), (1, 1)]);
        // Urgent tickets are solved within hours; others within days, the latest still open.
        let hours = if priority <= 2 {
            rng.gen_range(1..20)
        } else {
            rng.gen_range(4..24 * 6)
        };
        let resolved = opened + Duration::hours(hours);
        let done = resolved <= at.and_time(NaiveTime::MIN);
        tickets.push(TicketRow {
            number: next_ticket,
            opened,
            caller,
            category,
            priority,
            state: if done {
                if rng.gen_bool(0.7) {
                    "Closed"
                } else {
                    "Resolved"
                }
            } else {
                "In Progress"
            },
            resolved: done.then_some(resolved),
            // Later than the "New" row of the event log, so the latest state is unambiguous.
            updated: if done {
                resolved
            } else {
                opened + Duration::minutes(30)
            },
            description,
            history: rng.gen_bool(0.05),
        });
    };

    // Devices, failures and rollout tickets for people already rolled out.
    for (i, p) in people.iter().enumerate() {
        let (_, start, end, _) = &waves[p.wave];
        if *start > at {
            continue;
        }
        let window = (*end - *start).num_days().max(1);
        let (os, os_version, first_fail, reasons): (&str, &str, f64, &[(&'static str, u32)]) =
            match p.platform {
                "iOS" => (
                    "iOS",
                    "17.4.1",
                    0.26,
                    &[
                        ("UserAbandonment", 50),
                        ("EnrollmentRestrictionsEnforced", 30),
                        ("ClientDisconnected", 20),
                    ],
                ),
                "Android" => (
                    "Android",
                    "14",
                    0.05,
                    &[("Authentication", 50), ("DeviceNotSupported", 50)],
                ),
                "macOS" => ("macOS", "14.4", 0.04, &[("BadRequest", 100)]),
                _ => (
                    "Windows",
                    "10.0.22631.3447",
                    0.03,
                    &[("Authentication", 60), ("BadRequest", 40)],
                ),
            };
        let mut attempt = at_time(*start + Duration::days(rng.gen_range(0..window)), &mut rng);
        let method = if p.platform == "Windows" {
            "WindowsAutoEnrollment"
        } else {
            "UserEnrollmentWithCompanyPortal"
        };
        if rng.gen_bool(first_fail) {
            failures.push(FailureRow {
                at: attempt,
                method,
                reason: weighted(&mut rng, reasons),
                os,
                os_version,
                upn: p.email.clone(),
                user_id: i as u64 + 7,
            });
            attempt += Duration::hours(rng.gen_range(2..96));
        }
        let never = rng.gen_bool(0.02);
        if never || attempt > at.and_time(NaiveTime::MIN) {
            continue;
        }
        enrolled_at[i] = Some(attempt);
        let compliance = weighted(
            &mut rng,
            &[
                ("Compliant", 93),
                ("Noncompliant", 3),
                ("InGracePeriod", 2),
                ("Unknown", 2),
            ],
        );
        devices.push(DeviceRow {
            name: format!("{}-{:06}", &p.platform[..3].to_uppercase(), i + 1),
            upn: p.email.clone(),
            os,
            os_version,
            compliance,
            enrolled: attempt,
            last_check_in: at.and_time(NaiveTime::MIN) - Duration::hours(rng.gen_range(1..72)),
            ownership: if p.ownership == "personal" {
                "Personal"
            } else {
                "Corporate"
            },
            id: i as u64 + 1,
        });
        // Rollout tickets in the first 14 days: iOS users need more help.
        let rate = if p.platform == "iOS" { 0.10 } else { 0.05 };
        let mut k = 0;
        while k < 3 && rng.gen_bool(if k == 0 { rate } else { 0.15 }) {
            let opened = attempt + Duration::minutes(rng.gen_range(30..14 * 24 * 60));
            if opened <= at.and_time(NaiveTime::MIN) {
                let (category, description) = weighted(
                    &mut rng,
                    &[
                        (("Enrollment", "Cannot finish enrollment"), 35),
                        (
                            ("Company Portal", "Company Portal asks to sign in again"),
                            20,
                        ),
                        (("Email", "Mail not syncing on phone"), 25),
                        (("MFA", "Authenticator prompt missing"), 12),
                        (("Apps", "Teams will not install"), 8),
                    ],
                );
                let caller = if rng.gen_bool(0.1) {
                    p.id.clone()
                } else {
                    p.email.clone()
                };
                new_ticket(
                    &mut tickets,
                    &mut rng,
                    caller,
                    opened,
                    category,
                    description,
                );
            }
            k += 1;
        }
    }
    // Shared devices without a primary user, and devices of people not on the roster.
    for k in 0..(n / 60).max(1) {
        devices.push(DeviceRow {
            name: format!("KIOSK-{k:04}"),
            upn: String::new(),
            os: "Windows",
            os_version: "10.0.19045.4291",
            compliance: "Compliant",
            enrolled: at_time(waves[0].1, &mut rng),
            last_check_in: at.and_time(NaiveTime::MIN),
            ownership: "Corporate",
            id: 900_000 + k as u64,
        });
    }
    for k in 0..2u64 {
        devices.push(DeviceRow {
            name: format!("EXT-{k:03}"),
            upn: format!("contractor{k}@partner.example"),
            os: "Android",
            os_version: "13",
            compliance: "Noncompliant",
            enrolled: at_time(waves[1].1, &mut rng),
            last_check_in: at.and_time(NaiveTime::MIN),
            ownership: "Personal",
            id: 990_000 + k,
        });
    }
    // Everyday tickets that are not about the rollout.
    for _ in 0..n / 25 {
        let p = &people[rng.gen_range(0..n)];
        let opened = at_time(day(-rng.gen_range(1..80)), &mut rng);
        let (category, description) = weighted(
            &mut rng,
            &[
                (("Printer", "Printer on floor 2 offline"), 50),
                (("Hardware", "Laptop battery swollen"), 30),
                (("Access", "Need access to shared drive"), 20),
            ],
        );
        new_ticket(
            &mut tickets,
            &mut rng,
            p.email.clone(),
            opened,
            category,
            description,
        );
    }

    // Surveys: a readiness pulse to everyone at the program's start, and the pilot-feedback
    // survey to people after they enrolled.
    let mut responses = Vec::new();
    let mut next_response = 1u32;
    for (i, p) in people.iter().enumerate() {
        let quiet = p.region == QUIET_REGION;
        let reluctant = p.department == RELUCTANT_DEPARTMENT;
        let rolled = waves[p.wave].1 <= at;
        if rng.gen_bool(if quiet { 0.30 } else { 0.60 }) {
            let submitted = at_time(day(-rng.gen_range(2..20)), &mut rng);
            let knowledge = if rolled { 0.80 } else { 0.62 };
            let adkar = [
                likert(&mut rng, 0.86),
                likert(&mut rng, if reluctant { 0.25 } else { 0.86 }),
                likert(&mut rng, knowledge),
                likert(&mut rng, 0.82),
                likert(&mut rng, 0.84),
            ];
            let mut answers = adkar_rows(adkar);
            answers.push((
                "nps",
                rng.gen_range(if reluctant { 2..9 } else { 5..11 })
                    .to_string(),
            ));
            answers.push(("manager_support", likert(&mut rng, 0.7).to_string()));
            answers.push(("time_needed", rng.gen_range(1..6).to_string()));
            answers.push((
                "device_ready",
                if rng.gen_bool(0.8) { "yes" } else { "no" }.into(),
            ));
            answers.push((
                "preferred_channel",
                weighted(
                    &mut rng,
                    &[("mail", 40), ("intranet", 25), ("team_meeting", 35)],
                )
                .into(),
            ));
            answers.push((
                "concerns",
                weighted(
                    &mut rng,
                    &[
                        ("privacy", 30),
                        ("privacy|battery", 15),
                        ("time", 20),
                        ("none", 35),
                    ],
                )
                .into(),
            ));
            if rng.gen_bool(0.1) {
                answers.push((
                    "concerns.other",
                    "Mag mijn werkgever mijn foto's zien?".into(),
                ));
            }
            answers.push((
                "device_type",
                weighted(&mut rng, &[("laptop", 45), ("phone", 40), ("tablet", 15)]).into(),
            ));
            answers.push((
                "training_format",
                weighted(&mut rng, &[("video", 50), ("text", 30), ("classroom", 20)]).into(),
            ));
            // A few people answer through the anonymous link, which carries their segment.
            let anonymous = rng.gen_bool(0.04);
            responses.push(ResponseRow {
                id: next_response,
                survey: "readiness-pulse",
                version: 1,
                person: (!anonymous).then_some(i),
                segment: anonymous.then_some((p.wave, p.department)),
                submitted,
                answers,
            });
            next_response += 1;
        }
        if let Some(e) = enrolled_at[i]
            && rng.gen_bool(if quiet { 0.35 } else { 0.70 })
        {
            let submitted = e + Duration::hours(rng.gen_range(24..10 * 24));
            if submitted.date() > at {
                continue;
            }
            let ios = p.platform == "iOS";
            let adkar = [
                likert(&mut rng, 0.90),
                likert(&mut rng, if reluctant { 0.40 } else { 0.88 }),
                likert(&mut rng, 0.82),
                likert(&mut rng, if ios { 0.70 } else { 0.86 }),
                likert(&mut rng, 0.82),
            ];
            let mut answers = adkar_rows(adkar);
            answers.push((
                "enroll_experience",
                likert(&mut rng, if ios { 0.55 } else { 0.82 }).to_string(),
            ));
            answers.push((
                "nps",
                rng.gen_range(if ios { 4..10 } else { 6..11 }).to_string(),
            ));
            let ease = if ios { 0.55 } else { 0.78 };
            for k in 1..=10 {
                let agree = likert(&mut rng, ease);
                // Even SUS items are negative statements: agreeing there is bad.
                let v = if k % 2 == 0 { 6 - agree } else { agree };
                answers.push((SUS[k - 1], v.to_string()));
            }
            answers.push((
                "help_channel",
                weighted(
                    &mut rng,
                    &[
                        ("intranet", 40),
                        ("colleague", 35),
                        ("helpdesk", 15),
                        ("other", 10),
                    ],
                )
                .into(),
            ));
            if rng.gen_bool(0.05) {
                answers.push((
                    "help_channel.other",
                    "Mijn teamleider, \"gewoon\" even gevraagd".into(),
                ));
            }
            answers.push((
                "comment",
                if rng.gen_bool(0.2) {
                    "Ging prima; wel veel stappen.".into()
                } else {
                    String::new()
                },
            ));
            responses.push(ResponseRow {
                id: next_response,
                survey: "pilot-feedback",
                version: 3,
                person: Some(i),
                segment: None,
                submitted,
                answers,
            });
            next_response += 1;
        }
    }

    // Training: assigned to the pilot, wave 1 and the next wave.
    let mut training = Vec::new();
    for (i, p) in people.iter().enumerate() {
        if p.wave > 2 {
            continue;
        }
        let rolled = waves[p.wave].1 <= at;
        let platform_module = match p.platform {
            "iOS" => "enroll-ios",
            "Android" => "enroll-android",
            "macOS" => "enroll-macos",
            _ => "enroll-windows",
        };
        for module in [EVERYONE_MODULE, platform_module] {
            let (p_start, p_complete) = if rolled { (0.98, 0.95) } else { (0.97, 0.93) };
            if !rng.gen_bool(p_start) {
                training.push(TrainingRow::unfinished(i, module, "assigned"));
                continue;
            }
            if !rng.gen_bool(p_complete) {
                training.push(TrainingRow::unfinished(i, module, "started"));
                continue;
            }
            let attempts = weighted(&mut rng, &[(1u32, 80), (2, 16), (3, 4)]);
            // Topics of the built-in modules; `privacy` is weak, and iOS people, whose
            // enrollment often fails, are less sure what to do when it does.
            let topics = match module {
                EVERYONE_MODULE => vec![
                    (WEAK_TOPIC, share(&mut rng, 0.62)),
                    ("rules", share(&mut rng, 0.86)),
                    ("leaving", share(&mut rng, 0.90)),
                ],
                "enroll-ios" => vec![
                    ("trouble", share(&mut rng, 0.78)),
                    ("steps", share(&mut rng, 0.86)),
                    ("why", share(&mut rng, 0.90)),
                ],
                _ => vec![
                    ("steps", share(&mut rng, 0.86)),
                    ("why", share(&mut rng, 0.90)),
                ],
            };
            let score = topics.iter().map(|t| t.1).sum::<f64>() / topics.len() as f64;
            let completed = at_time(day(-rng.gen_range(1..40)), &mut rng);
            training.push(TrainingRow {
                person: i,
                module,
                version: MODULE_VERSION,
                status: "completed",
                attempts,
                score: Some(score),
                passed: Some(true),
                completed: Some(completed),
                topics,
            });
        }
    }

    // Capacity: the helpdesk carries about 80% of the next wave's expected rollout tickets.
    // First ticket with the platform's rate, each further one with probability 0.15.
    let expected_per_person = (0.28 * 0.10 + 0.72 * 0.05) * (1.0 + 0.15 + 0.15 * 0.15);
    let next_size = f64::from(waves[2].3);
    let capacity = ((next_size * expected_per_person / 14.0) * 0.8)
        .round()
        .max(1.0) as u32;

    Demo {
        at,
        waves,
        capacity,
        people,
        devices,
        failures,
        tickets,
        responses,
        training,
    }
}

const SUS: [&str; 10] = [
    "sus_1", "sus_2", "sus_3", "sus_4", "sus_5", "sus_6", "sus_7", "sus_8", "sus_9", "sus_10",
];

fn adkar_rows(v: [u8; 5]) -> Vec<(&'static str, String)> {
    [
        "adkar_awareness",
        "adkar_desire",
        "adkar_knowledge",
        "adkar_ability",
        "adkar_reinforcement",
    ]
    .iter()
    .zip(v)
    .map(|(q, a)| (*q, a.to_string()))
    .collect()
}

/// A topic result around `mean`, in steps of a quarter (four questions per topic).
fn share(rng: &mut ChaCha8Rng, mean: f64) -> f64 {
    let correct = (0..4).filter(|_| rng.gen_bool(mean)).count();
    correct as f64 / 4.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(people: usize) -> DemoOptions {
        DemoOptions {
            people,
            seed: 7,
            at: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
        }
    }

    fn file(demo: &Demo, name: &str) -> String {
        let mut out = Vec::new();
        demo.write(name, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_files() {
        let a = generate(&options(300));
        let b = generate(&options(300));
        for f in FILES {
            assert_eq!(file(&a, f), file(&b, f), "{f}");
        }
        let c = generate(&DemoOptions {
            seed: 8,
            ..options(300)
        });
        assert_ne!(file(&a, "roster.csv"), file(&c, "roster.csv"));
    }

    #[test]
    fn files_use_the_source_systems_headers() {
        let d = generate(&options(2000));
        assert!(file(&d, "roster.csv").starts_with("\u{FEFF}Person ID;Email;Wave"));
        assert!(file(&d, "devices.csv").contains("Primary user UPN"));
        assert!(file(&d, "tickets.csv").starts_with("Number,Opened,Caller"));
        assert!(file(&d, "tickets.csv").contains(",?,"));
        assert!(file(&d, "responses.csv").contains("sus_10"));
    }

    #[test]
    fn training_records_are_of_built_in_modules_and_their_topics() {
        // So the training actions of the demo name modules a planner can publish and assign.
        let d = generate(&options(300));
        for t in &d.training {
            let versions = crate::training::templates::versions(t.module)
                .unwrap_or_else(|| panic!("{} is not a built-in module", t.module));
            assert!(
                versions.iter().any(|m| m.version == t.version),
                "{} has no version {}",
                t.module,
                t.version
            );
            let module = versions.last().unwrap();
            for (topic, _) in &t.topics {
                assert!(
                    module.topics.iter().any(|m| m.id == *topic),
                    "{topic} is not a topic of {}",
                    t.module
                );
            }
        }
        assert!(d.training.iter().any(|t| t.module == EVERYONE_MODULE));
    }

    #[test]
    fn legal_has_three_people_in_the_next_wave() {
        let d = generate(&options(500));
        let legal: Vec<&Person> = d
            .people
            .iter()
            .filter(|p| p.department == SMALL_DEPARTMENT)
            .collect();
        assert_eq!(legal.len(), 3);
        assert!(legal.iter().all(|p| p.wave == 2));
    }
}
