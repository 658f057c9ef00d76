//! `wavegate score`: the readiness of the next wave, from a data directory (docs/data-formats.md).

use chrono::NaiveDate;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wavegate_core::escape::terminal_text;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::DataSet;
use wavegate_core::readiness::import;
use wavegate_core::readiness::{PastEvaluation, Program, evaluate_on, render};
use wavegate_core::tabular::{FileProblem, InputError, Seekable};
use wavegate_server::threads::Threads;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable summary for the terminal.
    Table,
    /// The report as JSON (docs/data-formats.md), for other tools.
    Json,
    /// The deployment readiness report to send to stakeholders.
    Markdown,
    /// The deployment readiness report as a printable HTML page (A4), with the hashes of the
    /// files it read.
    Html,
}

/// The files of `dir` the report read, each with its SHA-256 and size, and the time now.
fn provenance(dir: &Path) -> render::Provenance {
    use sha2::{Digest, Sha256};
    let inputs = import::files::ALL
        .iter()
        .filter_map(|name| {
            let bytes = std::fs::read(dir.join(name)).ok()?;
            let hash: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            Some((name.to_string(), hash, bytes.len() as u64))
        })
        .collect();
    render::Provenance {
        evaluated_at: Some(
            chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        ),
        inputs,
    }
}

/// Arguments of `wavegate score`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Data directory: program.toml and roster.csv, optionally devices.csv,
    /// enrollment_failures.csv, tickets.csv, responses.csv and training.csv.
    #[arg(long, value_name = "DIR")]
    pub data: PathBuf,
    /// Evaluation date (YYYY-MM-DD); the next wave is the first starting after it. Default: today.
    #[arg(long, value_name = "DATE", value_parser = super::parse_at)]
    pub at: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Earlier reports (`--format json` output, *.json) of this program: EXPAND needs
    /// everything passing at two evaluations at least 7 days apart.
    #[arg(long, value_name = "DIR")]
    pub history: Option<PathBuf>,
}

/// The earlier evaluations in `dir`: every `*.json` file, each a report of `wavegate score`.
/// A file that cannot be read, or is no report, is an error in `lang`.
fn read_history(dir: &Path, lang: Lang) -> Result<Vec<PastEvaluation>, String> {
    let unreadable = |path: &Path, e: &dyn std::fmt::Display| match lang {
        Lang::Nl => format!("{} kan niet gelezen worden: {e}", path.display()),
        Lang::En => format!("could not read {}: {e}", path.display()),
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| unreadable(dir, &e))?
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
            let text = std::fs::read_to_string(path).map_err(|e| unreadable(path, &e))?;
            PastEvaluation::from_json(&text).map_err(|e| match lang {
                Lang::Nl => format!(
                    "{} is geen rapport van wavegate score --format json: {}",
                    path.display(),
                    wavegate_core::parser_text::dutch(&e.to_string())
                ),
                Lang::En => format!(
                    "{} is not a report of wavegate score --format json: {e}",
                    path.display()
                ),
            })
        })
        .collect()
}

fn open(dir: &Path, name: &str) -> Result<Option<File>, InputError> {
    match File::open(dir.join(name)) {
        Ok(f) => Ok(Some(f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(InputError::file(
            name,
            0,
            FileProblem::Unreadable {
                detail: e.to_string(),
            },
        )),
    }
}

/// Reads a data directory, parsing the files in parallel; the answers file in rounds, so that
/// it is never held whole.
pub fn load(dir: &Path) -> Result<(Program, DataSet), InputError> {
    import::load(|name| Ok(open(dir, name)?.map(Seekable)), &Threads)
}

/// Asks Linux for ordinary 4 KiB pages for the rest of this short run. The allocator asks for
/// transparent huge pages, and where memory is fragmented the kernel compacts it before handing
/// each 2 MiB page out: run beside DuckDB, that made the median run 0.42 s instead of 0.30 s.
/// If the kernel refuses, the run is only slower.
fn small_pages_only() {
    #[cfg(target_os = "linux")]
    if let Err(e) = nix::sys::prctl::set_thp_disable(true) {
        tracing::debug!("transparent huge pages stay on: {e}");
    }
}

/// Why nothing was scored, in `lang`: the data directory and the file's error. Everything from
/// the files (and the path) is escaped, so the message cannot drive the terminal.
fn rejection(dir: &Path, lang: Lang, problem: &str) -> String {
    let dir = dir.display().to_string();
    let text = match lang {
        Lang::Nl => format!("er is niets berekend: een bestand in {dir} is afgewezen: {problem}"),
        Lang::En => format!("nothing was scored: a file in {dir} was rejected: {problem}"),
    };
    format!("wavegate: {}", terminal_text(&text))
}

/// When `program.toml` was refused, its problems after the first (the one `e` names): the
/// core's check finds them all, so one run shows everything to mend, as the planner's form does.
fn further_program_problems(dir: &Path, e: &InputError) -> Vec<InputError> {
    if e.file != import::files::PROGRAM {
        return Vec::new();
    }
    let Ok(text) = std::fs::read_to_string(dir.join(import::files::PROGRAM)) else {
        return Vec::new();
    };
    match Program::check(&text) {
        Err(problems) if problems.first() == Some(e) => problems.into_iter().skip(1).collect(),
        _ => Vec::new(),
    }
}

/// Runs `wavegate score`; everything a person reads is in `lang`.
pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    if !args.data.is_dir() {
        let dir = args.data.display();
        anyhow::bail!(match lang {
            Lang::Nl =>
                format!("{dir} is geen map; verwacht een map met gegevens (docs/data-formats.md)"),
            Lang::En => format!(
                "{dir} is not a directory; expected a data directory (docs/data-formats.md)"
            ),
        });
    }
    let at = args.at.unwrap_or_else(|| chrono::Local::now().date_naive());
    small_pages_only();
    let (program, data) = match load(&args.data) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{}", rejection(&args.data, lang, &e.render(lang)));
            for more in further_program_problems(&args.data, &e) {
                eprintln!("  {}", terminal_text(&more.render(lang)));
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let history = match &args.history {
        Some(dir) => match read_history(dir, lang) {
            Ok(history) => history,
            Err(problem) => {
                eprintln!("wavegate: {}", terminal_text(&problem));
                return Ok(ExitCode::FAILURE);
            }
        },
        None => Vec::new(),
    };
    let report = evaluate_on(&data, &program, at, lang, &history, &Threads);
    let out = match args.format {
        // The core makes the JSON, so the server's readiness endpoint sends the same bytes.
        Format::Json => report.to_json()?,
        Format::Table => render::table(&report),
        Format::Markdown => render::markdown(&report),
        Format::Html => render::html(&report, &provenance(&args.data)),
    };
    super::emit(&out)?;
    // The process ends here: handing a million small allocations back one by one would only
    // add to the time a planner waits.
    std::mem::forget(data);
    Ok(ExitCode::SUCCESS)
}
