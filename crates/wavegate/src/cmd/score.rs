//! `wavegate score`: the readiness of the next wave, from a data directory (DATA.md).

use anyhow::Context;
use chrono::NaiveDate;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::{DataSet, Inputs};
use wavegate_core::readiness::import::{self, files};
use wavegate_core::readiness::{Program, evaluate, render};
use wavegate_core::tabular::{InputError, parse_date, read_text};

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable summary for the terminal.
    Table,
    /// The report as JSON (DATA.md), for other tools.
    Json,
    /// The deployment readiness report to send to stakeholders.
    Markdown,
}

/// Arguments of `wavegate score`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Data directory: program.toml and roster.csv, optionally devices.csv,
    /// enrollment_failures.csv, tickets.csv, responses.csv and training.csv.
    #[arg(long, value_name = "DIR")]
    pub data: PathBuf,
    /// Evaluation date (YYYY-MM-DD); the next wave is the first starting after it. Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_at)]
    pub at: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of everything a person reads: nl or en.
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_lang)]
    pub lang: Lang,
}

pub(crate) fn parse_at(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("expected a date like 2027-02-01, found {s:?}"))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("expected nl or en, found {s:?}"))
}

fn open(dir: &Path, name: &str) -> Result<Option<File>, InputError> {
    let path = dir.join(name);
    match File::open(&path) {
        Ok(f) => Ok(Some(f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(InputError::file(
            name,
            0,
            format!("could not be opened: {e}"),
        )),
    }
}

/// Runs jobs on scoped threads and returns their results in order.
fn on_threads<T: Send>(
    jobs: Vec<Box<dyn FnOnce() -> Result<T, InputError> + Send + '_>>,
) -> Vec<Result<T, InputError>> {
    std::thread::scope(|s| {
        let handles: Vec<_> = jobs.into_iter().map(|job| s.spawn(job)).collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(InputError::file(
                        "?",
                        0,
                        "a file reader stopped unexpectedly",
                    ))
                })
            })
            .collect()
    })
}

fn join<T>(
    h: std::thread::ScopedJoinHandle<'_, Result<Option<T>, InputError>>,
) -> Result<Option<T>, InputError> {
    h.join().unwrap_or_else(|_| {
        Err(InputError::file(
            "?",
            0,
            "a file reader stopped unexpectedly",
        ))
    })
}

fn optional<T: Send>(
    dir: &Path,
    name: &str,
    read: impl FnOnce(File) -> Result<T, InputError>,
) -> Result<Option<T>, InputError> {
    open(dir, name)?.map(read).transpose()
}

/// Reads a data directory. The exports are parsed in parallel (they are independent); the
/// first error in file order wins, so the message does not depend on thread timing.
pub fn load(dir: &Path) -> Result<(Program, DataSet), InputError> {
    let program_file = open(dir, files::PROGRAM)?.ok_or_else(|| {
        InputError::file(
            files::PROGRAM,
            0,
            "is missing; expected the program (waves, thresholds, capacity) as in DATA.md",
        )
    })?;
    let program = Program::parse(&read_text(files::PROGRAM, program_file)?)?;
    let roster_file = open(dir, files::ROSTER)?.ok_or_else(|| {
        InputError::file(
            files::ROSTER,
            0,
            "is missing; expected one row per person with person_id and wave",
        )
    })?;
    let (roster, devices, failures, tickets, responses, training) = std::thread::scope(|s| {
        // The answers file is by far the largest: it is also read in pieces, one per core
        // left over by the other files (about one core's worth together).
        let responses = s.spawn(|| {
            let cores = std::thread::available_parallelism()
                .map_or(1, |n| n.get().saturating_sub(1).clamp(1, 8));
            optional(dir, files::RESPONSES, |f| {
                import::read_responses_in_parts(f, cores, on_threads)
            })
        });
        let devices = s.spawn(|| optional(dir, files::DEVICES, import::read_devices));
        let training = s.spawn(|| optional(dir, files::TRAINING, import::read_training));
        let roster = import::read_roster(roster_file, &program);
        let failures = optional(dir, files::FAILURES, import::read_failures);
        let tickets = optional(dir, files::TICKETS, import::read_tickets);
        (
            roster,
            join(devices),
            failures,
            tickets,
            join(responses),
            join(training),
        )
    });
    let roster = roster?;
    let inputs = Inputs {
        devices: devices?,
        failures: failures?,
        tickets: tickets?,
        responses: responses?,
        training: training?,
    };
    let data = DataSet::new(&program, roster, inputs);
    Ok((program, data))
}

/// Runs `wavegate score`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.data.is_dir() {
        anyhow::bail!(
            "{} is not a directory; expected a data directory (DATA.md)",
            args.data.display()
        );
    }
    let at = args.at.unwrap_or_else(|| chrono::Local::now().date_naive());
    let (program, data) = load(&args.data).with_context(|| {
        format!(
            "nothing was scored: a file in {} was rejected",
            args.data.display()
        )
    })?;
    let report = evaluate(&data, &program, at, args.lang);
    let out = match args.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&report)?;
            s.push('\n');
            s
        }
        Format::Table => render::table(&report),
        Format::Markdown => render::markdown(&report),
    };
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    // The process ends here: handing a million small allocations back one by one would only
    // add to the time a planner waits.
    std::mem::forget(data);
    Ok(ExitCode::SUCCESS)
}
