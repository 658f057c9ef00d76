//! The contract every importer keeps on any bytes at all, checked by the fuzz targets
//! (`fuzz/`, hours) and by the smoke test `cargo test` runs (`fuzz_smoke`, seconds).
//!
//! An importer returns records or an [`InputError`]; it never panics. The error names its file,
//! reads in both languages and stays short whatever the file holds. Whatever it accepts can be
//! joined to a roster, evaluated and rendered, and the rendered report carries no control or
//! bidi character from the file. Responses read in pieces equal responses read whole, and
//! survey answers read back from an export are exported and read again unchanged.
//!
//! Fuzz targets include this file by path, so it uses the public API only.

#![allow(dead_code)]

use chrono::NaiveDate;
use std::sync::OnceLock;
use wavegate_core::escape::is_unsafe;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::{Inputs, Roster};
use wavegate_core::readiness::demo::{self, DemoOptions};
use wavegate_core::readiness::import::{self, InOrder};
use wavegate_core::readiness::{DataSet, Program, evaluate, render};
use wavegate_core::survey::sample::complete_response;
use wavegate_core::survey::{
    Attributes, StoredResponse, Survey, export_long, export_wide, import_long, import_wide,
    in_export_order, templates,
};
use wavegate_core::tabular::{InputError, decode_text};

/// What is fuzzed: one importer each, and the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// `roster.csv`.
    Roster,
    /// `devices.csv`.
    Devices,
    /// `enrollment_failures.csv`.
    Failures,
    /// `tickets.csv`.
    Tickets,
    /// `responses.csv` (whole and in pieces).
    Responses,
    /// `training.csv`.
    Training,
    /// A survey's long CSV export read back.
    SurveyLong,
    /// A survey's wide CSV export read back.
    SurveyWide,
    /// `program.toml`.
    Program,
}

impl Target {
    /// Every target.
    pub const ALL: [Target; 9] = [
        Target::Roster,
        Target::Devices,
        Target::Failures,
        Target::Tickets,
        Target::Responses,
        Target::Training,
        Target::SurveyLong,
        Target::SurveyWide,
        Target::Program,
    ];

    /// The target's name (the fuzz target and corpus directory).
    pub fn name(self) -> &'static str {
        match self {
            Target::Roster => "roster",
            Target::Devices => "devices",
            Target::Failures => "failures",
            Target::Tickets => "tickets",
            Target::Responses => "responses",
            Target::Training => "training",
            Target::SurveyLong => "survey_long",
            Target::SurveyWide => "survey_wide",
            Target::Program => "program",
        }
    }

    /// The data directory file the target reads.
    fn file(self) -> &'static str {
        match self {
            Target::Roster => "roster.csv",
            Target::Devices => "devices.csv",
            Target::Failures => "enrollment_failures.csv",
            Target::Tickets => "tickets.csv",
            Target::Responses | Target::SurveyLong | Target::SurveyWide => "responses.csv",
            Target::Training => "training.csv",
            Target::Program => "program.toml",
        }
    }
}

/// The longest an error may be in either language, whatever the file holds: values, headers
/// and ids are quoted cut, lists are cut.
pub const MAX_ERROR_BYTES: usize = 8 * 1024;

/// A small organisation the fuzzed files are joined to: its program, roster, and the text of
/// each of its files (the seeds of the fuzz corpus).
pub struct Context {
    /// The evaluation date of the demo.
    pub at: NaiveDate,
    /// Its program.
    pub program: Program,
    /// Its roster.
    pub roster: Roster,
    /// The text of each file of the demo, by name.
    pub files: Vec<(&'static str, String)>,
    /// The survey whose exports are read back.
    pub survey: Survey,
}

/// The context, built once.
pub fn context() -> &'static Context {
    static CONTEXT: OnceLock<Context> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let at = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let demo = demo::generate(&DemoOptions {
            people: 40,
            seed: 7,
            at,
        });
        let files: Vec<(&'static str, String)> = demo::FILES
            .iter()
            .map(|name| {
                let mut bytes = Vec::new();
                demo.write(name, &mut bytes).unwrap();
                (*name, decode_text(&bytes))
            })
            .collect();
        let text = |name: &str| &files.iter().find(|(n, _)| *n == name).unwrap().1;
        let program = Program::parse(text("program.toml")).unwrap();
        let roster = import::read_roster(text("roster.csv").as_bytes(), &program).unwrap();
        Context {
            at,
            program,
            roster,
            survey: templates::builtin("pilot-feedback").unwrap(),
            files,
        }
    })
}

impl Context {
    /// The text of one of the demo's files.
    pub fn text(&self, name: &str) -> &str {
        self.files
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, t)| t.as_str())
    }

    /// Valid inputs of a target to start mutating from: the demo's file (its first rows, so a
    /// fuzzer's mutations are not lost in a long file), plus a survey export for the survey
    /// targets.
    pub fn seeds(&self, target: Target) -> Vec<Vec<u8>> {
        let head = |text: &str, lines: usize| {
            let mut out: String = text.lines().take(lines).collect::<Vec<_>>().join("\r\n");
            out.push_str("\r\n");
            out.into_bytes()
        };
        match target {
            Target::Program => vec![self.text("program.toml").as_bytes().to_vec()],
            Target::SurveyLong | Target::SurveyWide => {
                let stored: Vec<StoredResponse> = (0..4)
                    .map(|i| {
                        let mut attributes = Attributes::new();
                        attributes.insert("platform".into(), ["iOS", "Windows"][i % 2].into());
                        StoredResponse {
                            response: complete_response(
                                &self.survey,
                                &attributes,
                                &format!("r{i}"),
                                i as u64,
                            ),
                            person_id: (i % 2 == 0).then(|| format!("p-{i}")),
                            submitted_at: chrono::DateTime::from_timestamp(1_800_000_000, 0)
                                .unwrap(),
                            attributes,
                        }
                    })
                    .collect();
                let long = export_long(&self.survey, &stored, Vec::new(), Default::default());
                let wide = export_wide(&self.survey, &stored, Vec::new(), Default::default());
                let out = if target == Target::SurveyLong {
                    long
                } else {
                    wide
                };
                vec![out.unwrap()]
            }
            _ => vec![
                head(self.text(target.file()), 12),
                head(self.text(target.file()), 3),
            ],
        }
    }
}

/// Checks the contract for `bytes` as the target's file.
pub fn check(target: Target, bytes: &[u8]) {
    let cx = context();
    let lang = if bytes.len().is_multiple_of(2) {
        Lang::Nl
    } else {
        Lang::En
    };
    let mut inputs = Inputs::default();
    match target {
        Target::Roster => {
            match import::read_roster(bytes, &cx.program) {
                Ok(roster) => evaluate_and_render(&cx.program, roster, Inputs::default(), lang),
                Err(e) => check_error(&e, target),
            }
            return;
        }
        Target::Program => {
            let text = decode_text(bytes);
            match Program::parse(&text) {
                Ok(program) => {
                    // The roster names its waves by id: read it against this program.
                    if let Ok(roster) =
                        import::read_roster(cx.text("roster.csv").as_bytes(), &program)
                    {
                        evaluate_and_render(&program, roster, Inputs::default(), lang);
                    }
                }
                Err(e) => check_error(&e, target),
            }
            return;
        }
        Target::SurveyLong | Target::SurveyWide => {
            check_survey_round_trip(target, bytes);
            return;
        }
        Target::Devices => match import::read_devices(bytes) {
            Ok(d) => {
                assert!(d.enrollment_from_check_in <= d.devices.len());
                inputs.enrollment_from_check_in = d.enrollment_from_check_in;
                inputs.devices = Some(d.devices);
            }
            Err(e) => return check_error(&e, target),
        },
        Target::Failures => match import::read_failures(bytes) {
            Ok(f) => inputs.failures = Some(f),
            Err(e) => return check_error(&e, target),
        },
        Target::Tickets => match import::read_tickets(bytes) {
            Ok(t) => inputs.tickets = Some(t),
            Err(e) => return check_error(&e, target),
        },
        Target::Responses => {
            let whole = import::read_responses(bytes);
            for parts in [2, 3, 7] {
                let pieces = import::read_responses_in_parts(bytes, parts, &InOrder);
                match (&whole, &pieces) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{parts} pieces"),
                    (Err(_), Err(e)) => check_error(e, target),
                    _ => panic!("whole: {whole:?}, in {parts} pieces: {pieces:?}"),
                }
            }
            for round in [5, 64] {
                let stream = std::io::Cursor::new(bytes);
                let rounds = import::read_responses_in_rounds(stream, round, 2, &InOrder);
                match (&whole, &rounds) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "rounds of {round} bytes"),
                    (Err(_), Err(e)) => check_error(e, target),
                    _ => panic!("whole: {whole:?}, in rounds of {round}: {rounds:?}"),
                }
            }
            match whole {
                Ok(r) => inputs.responses = Some(r),
                Err(e) => return check_error(&e, target),
            }
        }
        Target::Training => match import::read_training(bytes) {
            Ok(t) => inputs.training = Some(t),
            Err(e) => return check_error(&e, target),
        },
    }
    evaluate_and_render(&cx.program, cx.roster.clone(), inputs, lang);
}

/// An error names its file, and reads in both languages in a bounded length.
fn check_error(e: &InputError, target: Target) {
    let start = |text: &str| text.chars().take(600).collect::<String>();
    assert_eq!(e.file, target.file(), "{}", start(&e.to_string()));
    for lang in Lang::ALL {
        let text = e.render(lang);
        assert!(text.starts_with(target.file()), "{}", start(&text));
        assert!(!e.message(lang).trim().is_empty(), "{}", start(&text));
        assert!(
            text.len() <= MAX_ERROR_BYTES,
            "{} bytes: {}",
            text.len(),
            start(&text)
        );
    }
}

/// Joins, evaluates and renders; the rendered texts hold no control or bidi character, and the
/// Markdown report no raw `<`.
fn evaluate_and_render(program: &Program, roster: Roster, inputs: Inputs, lang: Lang) {
    let cx = context();
    let data = DataSet::new(program, roster, inputs);
    let report = evaluate(&data, program, cx.at, lang, &[]);
    let markdown = render::markdown(&report);
    for out in [render::table(&report), markdown.clone()] {
        let bad = out.chars().find(|&c| c != '\n' && is_unsafe(c));
        assert!(bad.is_none(), "{bad:?} in:\n{out}");
    }
    // The terminal may show `<`; HTML in the Markdown report may not.
    assert!(!markdown.contains('<'), "raw `<` in:\n{markdown}");
}

/// Survey answers read from an export are exported and read back unchanged.
fn check_survey_round_trip(target: Target, bytes: &[u8]) {
    let cx = context();
    let long = target == Target::SurveyLong;
    let read = |b: &[u8]| {
        if long {
            import_long(&cx.survey, "responses.csv", b)
        } else {
            import_wide(&cx.survey, "responses.csv", b)
        }
    };
    let stored = match read(bytes) {
        Ok(stored) => stored,
        Err(e) => return check_error(&e, target),
    };
    let exported = if long {
        export_long(&cx.survey, &stored, Vec::new(), Default::default())
    } else {
        export_wide(&cx.survey, &stored, Vec::new(), Default::default())
    };
    // An attribute named like a fixed column cannot be written back: refused, not mangled.
    let Ok(exported) = exported else { return };
    let again = read(&exported).unwrap_or_else(|e| {
        panic!(
            "{e}\nin the export of what was read:\n{}",
            String::from_utf8_lossy(&exported)
        )
    });
    // In the order exports write rows (by the time shown, then by id).
    let ordered: Vec<StoredResponse> = in_export_order(&stored).into_iter().cloned().collect();
    assert_eq!(again, ordered);
}
