//! `wavegate score`: the readiness of the next wave, from a data directory (DATA.md).

use anyhow::Context;
use chrono::NaiveDate;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wavegate_core::dates::parse_date;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::DataSet;
use wavegate_core::readiness::import;
use wavegate_core::readiness::{PastEvaluation, Program, evaluate, render};
use wavegate_core::tabular::InputError;
use wavegate_server::threads::Threads;

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
    /// Earlier reports (`--format json` output, *.json) of this program: EXPAND needs
    /// everything passing at two evaluations at least 7 days apart.
    #[arg(long, value_name = "DIR")]
    pub history: Option<PathBuf>,
}

/// The earlier evaluations in `dir`: every `*.json` file, each a report of `wavegate score`.
fn read_history(dir: &Path) -> anyhow::Result<Vec<PastEvaluation>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("could not read the history directory {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json"))
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("could not read {}", path.display()))?;
            PastEvaluation::from_json(&text)
                .with_context(|| format!("{} is not a report of wavegate score", path.display()))
        })
        .collect()
}

pub(crate) fn parse_at(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("expected a date like 2027-02-01, found {s:?}"))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("expected nl or en, found {s:?}"))
}

fn open(dir: &Path, name: &str) -> Result<Option<File>, InputError> {
    match File::open(dir.join(name)) {
        Ok(f) => Ok(Some(f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(InputError::file(
            name,
            0,
            format!("could not be opened: {e}"),
        )),
    }
}

/// Reads a data directory, parsing the files in parallel.
pub fn load(dir: &Path) -> Result<(Program, DataSet), InputError> {
    import::load(|name| open(dir, name), &Threads)
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
    let history = match &args.history {
        Some(dir) => read_history(dir)?,
        None => Vec::new(),
    };
    let t = std::time::Instant::now();
    let report = evaluate(&data, &program, at, args.lang, &history);
    if std::env::var("WG_TIME").is_ok() {
        eprintln!("evaluate {:?}", t.elapsed());
    }
    let out = match args.format {
        // The core makes the JSON, so the server's readiness endpoint sends the same bytes.
        Format::Json => report.to_json()?,
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
