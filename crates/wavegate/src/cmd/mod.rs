//! One module per subcommand, and what several of them share: reading `--lang` and `--at`,
//! printing a built-in definition, writing output.

pub mod admin;
pub mod demo_data;
pub mod export_program;
pub mod messages;
pub mod module;
pub mod score;
pub mod serve;
pub mod survey;
pub mod training;

use chrono::NaiveDate;
use messages::{Builtin, Problem, unexpected_value};
use std::path::Path;
use std::process::ExitCode;
use wavegate_core::escape::terminal_text;
use wavegate_core::i18n::{Lang, Text};

/// Writes command output to standard output. A reader that stops early (`… | head`) is no
/// error: the rest of the output is simply not wanted.
pub(crate) fn emit(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// `--lang`: `nl` or `en`.
pub(crate) fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| unexpected_value("nl of en", "nl or en", s))
}

/// `--at`: a date like 2027-02-01.
pub(crate) fn parse_at(s: &str) -> Result<NaiveDate, String> {
    wavegate_core::dates::parse_date(s)
        .ok_or_else(|| unexpected_value("een datum zoals 2027-02-01", "a date like 2027-02-01", s))
}

/// The text of `path`, or an error in `lang` saying it could not be read.
pub(crate) fn read_text(path: &Path, lang: Lang) -> anyhow::Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        Problem::Unreadable {
            path,
            detail: e.to_string(),
        }
        .error(lang)
    })
}

/// Writes `bytes` to `path`, or gives an error in `lang` saying it could not be written.
pub(crate) fn write_file(path: &Path, bytes: &[u8], lang: Lang) -> anyhow::Result<()> {
    std::fs::write(path, bytes).map_err(|e| {
        Problem::Unwritable {
            path,
            detail: e.to_string(),
        }
        .error(lang)
    })
}

/// The database of `wavegate serve` at `path`; an error in `lang` when it is not there (this
/// never creates one) or cannot be opened.
pub(crate) fn open_store(path: &Path, lang: Lang) -> anyhow::Result<wavegate_server::Store> {
    if !path.exists() {
        return Err(Problem::NoDatabase { path }.error(lang));
    }
    wavegate_server::Store::open(path).map_err(|e| {
        Problem::CannotOpen {
            path,
            detail: e.to_string(),
        }
        .error(lang)
    })
}

/// Prints to standard error that the definition in `file` has problems, then each with its JSON
/// path (`(file)` for the whole file). Escaped: the paths and messages quote the file.
pub(crate) fn print_problems(file: &Path, problems: &[(&str, String)], lang: Lang) {
    let found = Problem::ProblemsFound {
        file: &file.display().to_string(),
        count: problems.len(),
    };
    eprintln!("{}", terminal_text(&found.text(lang)));
    for (path, message) in problems {
        let path = if path.is_empty() { "(file)" } else { path };
        eprintln!("  {}: {}", terminal_text(path), terminal_text(message));
    }
}

/// A kind of definition with built-ins that `… template` prints.
pub(crate) trait BuiltinDefinition: Sized {
    /// Which kind, for the message when an id is unknown.
    const KIND: Builtin;
    /// The built-ins' ids, in the order they are listed.
    const IDS: &'static [&'static str];
    /// The width of the id column in the list (the longest id and some space).
    const ID_WIDTH: usize;
    /// The built-in with this id.
    fn builtin(id: &str) -> Option<Self>;
    /// The definition as pretty JSON.
    fn to_json(&self) -> String;
    /// Its title in both languages.
    fn title(&self) -> &Text;
}

/// `… template [ID]`: the built-in definition `id` as JSON, or without an id one line per
/// built-in with its id and its Dutch and English title.
pub(crate) fn template<T: BuiltinDefinition>(
    id: Option<&str>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    match id {
        Some(id) => {
            let found = T::builtin(id).ok_or_else(|| {
                Problem::NoBuiltin {
                    kind: T::KIND,
                    id,
                    ids: T::IDS,
                }
                .error(lang)
            })?;
            emit(&format!("{}\n", found.to_json()))?;
        }
        None => {
            for id in T::IDS {
                if let Some(found) = T::builtin(id) {
                    let title = found.title();
                    let width = T::ID_WIDTH;
                    emit(&format!("{id:<width$} {} / {}\n", title.nl, title.en))?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
