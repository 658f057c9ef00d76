//! `wavegate survey …`: validate definitions, print built-in templates, export and summarise
//! responses, import SurveyJS files. Reading and writing files happens here; everything else is
//! `wavegate_core::survey`.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wavegate_core::csv_safe::CsvOptions;
use wavegate_core::escape::{json_text, terminal_text};
use wavegate_core::i18n::Lang;
use wavegate_core::survey::surveyjs::{import_surveyjs, usable_id};
use wavegate_core::survey::{
    QuestionKind, StoredResponse, Survey, export_long, export_wide, import_csv, summarize,
    templates,
};

/// Survey subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Check a survey definition; print an outline, or every problem with its JSON path.
    Validate {
        /// The definition (JSON, format `wavegate.survey/1`).
        file: PathBuf,
        /// Language of the outline and messages.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Print a built-in survey as JSON, or list them without an id.
    Template {
        /// pilot-feedback, sus, nps, enps, post-enrollment-pulse or om-pulse.
        id: Option<String>,
    },
    /// Export responses as CSV: long (one row per answer, DATA.md) or wide (one row per response).
    Export {
        /// The definition: a JSON file or a built-in id.
        #[arg(long)]
        survey: String,
        /// Stored responses: a JSON array, or a long or wide CSV export.
        #[arg(long)]
        responses: PathBuf,
        /// long or wide.
        #[arg(long, default_value = "long", value_parser = ["long", "wide"])]
        format: String,
        /// Field delimiter: `,`, `;` (Dutch Excel) or `tab`.
        #[arg(long, default_value = ",", value_parser = parse_delimiter)]
        delimiter: u8,
        /// Start with a UTF-8 byte-order mark so Excel detects the encoding.
        #[arg(long)]
        bom: bool,
        /// Write here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Summarise responses as JSON: distributions, SUS, NPS, ADKAR barriers, per segment.
    Summary {
        /// The definition: a JSON file or a built-in id.
        #[arg(long)]
        survey: String,
        /// Stored responses: a JSON array, or a long or wide CSV export.
        #[arg(long)]
        responses: PathBuf,
    },
    /// Convert a SurveyJS definition; prints the Wavegate definition, warnings go to stderr.
    ImportSurveyjs {
        /// The SurveyJS JSON file.
        file: PathBuf,
        /// Survey id to give it (default: from the file name).
        #[arg(long)]
        id: Option<String>,
        /// Language of the warnings.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("expected `nl` or `en`, found `{s}`"))
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => Err(format!("expected `,`, `;` or `tab`, found `{s}`")),
    }
}

/// Runs the subcommand.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Validate { file, lang } => validate(&file, lang),
        Command::Template { id } => template(id.as_deref()),
        Command::Export {
            survey,
            responses,
            format,
            delimiter,
            bom,
            out,
        } => {
            let survey = load_survey(&survey)?;
            let stored = load_responses(&survey, &responses)?;
            let options = CsvOptions { delimiter, bom };
            let bytes = if format == "wide" {
                export_wide(&survey, &stored, Vec::new(), options)?
            } else {
                export_long(&survey, &stored, Vec::new(), options)?
            };
            match out {
                Some(path) => std::fs::write(&path, bytes)
                    .with_context(|| format!("could not write {}", path.display()))?,
                None => std::io::stdout().write_all(&bytes)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Summary { survey, responses } => {
            let survey = load_survey(&survey)?;
            let stored = load_responses(&survey, &responses)?;
            let pairs: Vec<_> = stored
                .into_iter()
                .map(|s| (s.response, s.attributes))
                .collect();
            let summary = serde_json::to_string_pretty(&summarize(&survey, &pairs))?;
            super::emit(&format!("{}\n", json_text(&summary)))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::ImportSurveyjs { file, id, lang } => {
            let json = read(&file)?;
            let id = id.unwrap_or_else(|| {
                usable_id(&file.file_stem().unwrap_or_default().to_string_lossy())
            });
            let import = import_surveyjs(&json, &id)
                .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), e.message(lang)))?;
            super::emit(&format!("{}\n", json_text(&import.survey.to_json_pretty())))?;
            for w in &import.warnings {
                eprintln!(
                    "{}: {}",
                    terminal_text(&w.path),
                    terminal_text(&w.message(lang))
                );
            }
            if let Err(errors) = wavegate_core::survey::validate_definition(&import.survey) {
                eprintln!(
                    "{}",
                    match lang {
                        Lang::Nl => "Nog te doen voor publicatie:",
                        Lang::En => "Still to do before publishing:",
                    }
                );
                for e in errors {
                    eprintln!(
                        "  {}: {}",
                        terminal_text(&e.path),
                        terminal_text(&e.message(lang))
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("could not read {}", path.display()))
}

/// A definition from a file, or a built-in by id.
fn load_survey(spec: &str) -> anyhow::Result<Survey> {
    let path = Path::new(spec);
    if path.exists() {
        return Survey::from_json(&read(path)?)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()));
    }
    templates::builtin(spec).with_context(|| {
        format!(
            "`{spec}` is neither a file nor a built-in survey ({})",
            templates::IDS.join(", ")
        )
    })
}

/// Stored responses from a JSON array or a long or wide CSV export.
fn load_responses(survey: &Survey, path: &Path) -> anyhow::Result<Vec<StoredResponse>> {
    let bytes =
        std::fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
    let name = path.display().to_string();
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let stored: Vec<StoredResponse> = serde_json::from_slice(&bytes)
            .with_context(|| format!("{name}: expected a JSON array of stored responses"))?;
        if let Some(other) = stored.iter().find(|s| s.response.survey_id != survey.id) {
            bail!(
                "{name}: response `{}` belongs to survey `{}`, not `{}`",
                other.response.id,
                other.response.survey_id,
                survey.id
            );
        }
        return Ok(stored);
    }
    Ok(import_csv(survey, &name, bytes.as_slice())?)
}

fn validate(file: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    let json = read(file)?;
    match Survey::from_json(&json) {
        Ok(survey) => {
            super::emit(&outline(&survey, lang))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            let n = errors.len();
            eprintln!(
                "{}: {}",
                terminal_text(&file.display().to_string()),
                match lang {
                    Lang::Nl => format!(
                        "{n} {} gevonden",
                        if n == 1 { "probleem" } else { "problemen" }
                    ),
                    Lang::En => format!("{n} problem{} found", if n == 1 { "" } else { "s" }),
                }
            );
            for e in errors.iter() {
                let path = if e.path.is_empty() { "(file)" } else { &e.path };
                eprintln!(
                    "  {}: {}",
                    terminal_text(path),
                    terminal_text(&e.message(lang))
                );
            }
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `OK` and a short outline: pages, question ids, types, required, conditions and measures.
fn outline(survey: &Survey, lang: Lang) -> String {
    let questions = survey.questions().count();
    let (pages_word, questions_word, required_word, shown_if, measures_word) = match lang {
        Lang::Nl => ("pagina's", "vragen", "verplicht", "met voorwaarde", "meet"),
        Lang::En => ("pages", "questions", "required", "conditional", "measures"),
    };
    // Ids are checked to be plain (letters, digits, `_`, `-`); titles are free text.
    let mut out = format!(
        "OK: {} v{}, \"{}\" ({} {pages_word}, {questions} {questions_word})\n",
        survey.id,
        survey.version,
        terminal_text(survey.title.get(lang)),
        survey.pages.len(),
    );
    for page in &survey.pages {
        let title = terminal_text(page.title.as_ref().map_or("", |t| t.get(lang)));
        let cond = if page.show_if.is_some() {
            format!(" [{shown_if}]")
        } else {
            String::new()
        };
        out.push_str(&format!("  {}: {title}{cond}\n", page.id));
        for q in &page.questions {
            let kind = match &q.kind {
                QuestionKind::Agreement { points } => format!("agreement {points}"),
                QuestionKind::Rating { min, max, .. } => format!("rating {min}-{max}"),
                QuestionKind::Matrix { points, items } => {
                    format!("matrix {points} × {}", items.len())
                }
                k => k.type_name().to_string(),
            };
            let mut notes = Vec::new();
            if q.required {
                notes.push(required_word.to_string());
            }
            if q.show_if.is_some() {
                notes.push(shown_if.to_string());
            }
            if let Some(m) = &q.measures {
                notes.push(format!("{measures_word} {}", terminal_text(m)));
            }
            let line = format!("    {:<22} {:<16} {}", q.id, kind, notes.join(", "));
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

fn template(id: Option<&str>) -> anyhow::Result<ExitCode> {
    match id {
        Some(id) => {
            let survey = templates::builtin(id).with_context(|| {
                format!(
                    "no built-in survey `{id}`; choose one of: {}",
                    templates::IDS.join(", ")
                )
            })?;
            super::emit(&format!("{}\n", survey.to_json_pretty()))?;
        }
        None => {
            for s in templates::all() {
                super::emit(&format!("{:<24} {} / {}\n", s.id, s.title.nl, s.title.en))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
