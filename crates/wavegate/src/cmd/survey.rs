//! `wavegate survey …`: validate definitions, print built-in templates, export and summarise
//! responses, import SurveyJS files. Reading and writing files happens here; everything else is
//! `wavegate_core::survey`.

use super::messages::{Builtin, Problem, unexpected_value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wavegate_core::csv_safe::CsvOptions;
use wavegate_core::escape::{json_text, terminal_text};
use wavegate_core::i18n::{Lang, Text};
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
    },
    /// Print a built-in survey as JSON, or list them without an id.
    Template {
        /// pilot-feedback, sus, nps, enps, post-enrollment-pulse or om-pulse.
        id: Option<String>,
    },
    /// Export responses as CSV: long (one row per answer, docs/data-formats.md) or wide (one row
    /// per response).
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
    },
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => Err(unexpected_value(
            "`,`, `;` of `tab`",
            "`,`, `;` or `tab`",
            s,
        )),
    }
}

impl super::BuiltinDefinition for Survey {
    const KIND: Builtin = Builtin::Survey;
    const IDS: &'static [&'static str] = &templates::IDS;
    const ID_WIDTH: usize = 24;
    fn builtin(id: &str) -> Option<Survey> {
        templates::builtin(id)
    }
    fn to_json(&self) -> String {
        self.to_json_pretty()
    }
    fn title(&self) -> &Text {
        &self.title
    }
}

/// Runs the subcommand; everything a person reads is in `lang`.
pub fn run(command: Command, lang: Lang) -> anyhow::Result<ExitCode> {
    match command {
        Command::Validate { file } => validate(&file, lang),
        Command::Template { id } => super::template::<Survey>(id.as_deref(), lang),
        Command::Export {
            survey,
            responses,
            format,
            delimiter,
            bom,
            out,
        } => {
            let survey = load_survey(&survey, lang)?;
            let stored = load_responses(&survey, &responses, lang)?;
            let options = CsvOptions { delimiter, bom };
            let bytes = if format == "wide" {
                export_wide(&survey, &stored, Vec::new(), options)
            } else {
                export_long(&survey, &stored, Vec::new(), options)
            }
            .map_err(|e| anyhow::Error::msg(e.message(lang)))?;
            match out {
                Some(path) => super::write_file(&path, &bytes, lang)?,
                None => std::io::stdout().write_all(&bytes)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Summary { survey, responses } => {
            let survey = load_survey(&survey, lang)?;
            let stored = load_responses(&survey, &responses, lang)?;
            let pairs: Vec<_> = stored
                .into_iter()
                .map(|s| (s.response, s.attributes))
                .collect();
            let summary = serde_json::to_string_pretty(&summarize(&survey, &pairs))?;
            super::emit(&format!("{}\n", json_text(&summary)))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::ImportSurveyjs { file, id } => {
            let json = super::read_text(&file, lang)?;
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

/// A definition from a file, or a built-in by id.
fn load_survey(spec: &str, lang: Lang) -> anyhow::Result<Survey> {
    let path = Path::new(spec);
    if path.exists() {
        return Survey::from_json(&super::read_text(path, lang)?).map_err(|errors| {
            let mut text = Problem::ProblemsFound {
                file: &path.display().to_string(),
                count: errors.len(),
            }
            .text(lang);
            for e in errors.iter() {
                text.push_str(&format!("\n  {}: {}", e.path, e.message(lang)));
            }
            anyhow::Error::msg(text)
        });
    }
    templates::builtin(spec).ok_or_else(|| {
        Problem::NeitherFileNorBuiltin {
            spec,
            ids: &templates::IDS,
        }
        .error(lang)
    })
}

/// Stored responses from a JSON array or a long or wide CSV export.
fn load_responses(survey: &Survey, path: &Path, lang: Lang) -> anyhow::Result<Vec<StoredResponse>> {
    let bytes = std::fs::read(path).map_err(|e| {
        Problem::Unreadable {
            path,
            detail: e.to_string(),
        }
        .error(lang)
    })?;
    let name = path.display().to_string();
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let stored: Vec<StoredResponse> = serde_json::from_slice(&bytes).map_err(|e| {
            Problem::NotStoredResponses {
                file: &name,
                detail: e.to_string(),
            }
            .error(lang)
        })?;
        if let Some(other) = stored.iter().find(|s| s.response.survey_id != survey.id) {
            return Err(Problem::OtherSurvey {
                file: &name,
                response: &other.response.id,
                survey: &other.response.survey_id,
                expected: &survey.id,
            }
            .error(lang));
        }
        return Ok(stored);
    }
    import_csv(survey, &name, bytes.as_slice()).map_err(|e| anyhow::Error::msg(e.render(lang)))
}

fn validate(file: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    let json = super::read_text(file, lang)?;
    match Survey::from_json(&json) {
        Ok(survey) => {
            super::emit(&outline(&survey, lang))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            let problems: Vec<_> = errors
                .iter()
                .map(|e| (e.path.as_str(), e.message(lang)))
                .collect();
            super::print_problems(file, &problems, lang);
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
