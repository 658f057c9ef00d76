//! `wavegate module …`: validate self-study modules and print the built-in ones. Reading files
//! happens here; everything else is `wavegate_core::training`.

use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wavegate_core::i18n::Lang;
use wavegate_core::training::{Module, templates};

/// Module subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Check a module definition; print an outline, or every problem with its JSON path.
    Validate {
        /// The definition (JSON, format `wavegate.module/1`).
        file: PathBuf,
        /// Language of the outline and messages.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Print a built-in module as JSON, or list them without an id.
    Template {
        /// enroll-windows, enroll-android, enroll-ios, enroll-macos, what-changes, get-help or
        /// admin-operations.
        id: Option<String>,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("expected `nl` or `en`, found `{s}`"))
}

/// Runs the subcommand.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Validate { file, lang } => validate(&file, lang),
        Command::Template { id } => template(id.as_deref()),
    }
}

fn validate(file: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    let json = std::fs::read_to_string(file)
        .with_context(|| format!("could not read {}", file.display()))?;
    match Module::from_json(&json) {
        Ok(module) => {
            super::emit(&outline(&module, lang))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            let n = errors.len();
            eprintln!(
                "{}: {}",
                file.display(),
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
                eprintln!("  {path}: {}", e.message(lang));
            }
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `OK` and a short outline: lessons with their minutes and topics, the quiz per topic, targets.
fn outline(m: &Module, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let questions = m.quiz.as_ref().map_or(0, |q| q.questions.len());
    let mut out = format!(
        "OK: {} v{}, \"{}\" ({} {}, {questions} {}, ~{} min)\n",
        m.id,
        m.version,
        m.title.get(lang),
        m.lessons.len(),
        if nl { "lessen" } else { "lessons" },
        if nl { "vragen" } else { "questions" },
        m.estimate_minutes,
    );
    let everyone = if nl { "iedereen" } else { "everyone" };
    let targets = if m.targets.is_empty() {
        everyone.to_string()
    } else {
        m.targets
            .iter()
            .map(|(k, v)| format!("{k} = {}", v.join(" | ")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!(
        "  {}: {targets}; {}: {}\n",
        if nl { "voor" } else { "for" },
        if nl { "afgerond als" } else { "done when" },
        m.completion.name()
    ));
    for l in &m.lessons {
        let minutes = l.minutes.map_or(String::new(), |n| format!("{n} min"));
        let line = format!("    {:<18} {:<7} {}", l.id, minutes, l.topics.join(", "));
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if let Some(quiz) = &m.quiz {
        let mut policy = vec![format!(
            "{} {}",
            if nl { "slaaggrens" } else { "pass mark" },
            quiz.pass_mark
        )];
        if let Some(max) = quiz.attempts.max {
            policy.push(format!(
                "{} {max} {}",
                if nl { "max." } else { "at most" },
                if nl { "pogingen" } else { "attempts" }
            ));
        }
        if quiz.attempts.wait_minutes > 0 {
            policy.push(format!(
                "{} {} min",
                if nl { "wachttijd" } else { "wait" },
                quiz.attempts.wait_minutes
            ));
        }
        out.push_str(&format!("  quiz: {}\n", policy.join(", ")));
        for t in &m.topics {
            let count = quiz.questions.iter().filter(|q| q.topic == t.id).count();
            let asked = quiz.draw.get(&t.id).map_or(count, |&n| n as usize);
            out.push_str(&format!(
                "    {:<18} {asked} {} {count} {}\n",
                t.id,
                if nl { "van" } else { "of" },
                if nl { "vragen" } else { "questions" }
            ));
        }
    }
    if !m.changes.is_empty() {
        out.push_str(if nl {
            "  wijzigingen:\n"
        } else {
            "  changes:\n"
        });
        for c in &m.changes {
            let kind = match (c.kind, nl) {
                (wavegate_core::training::ChangeKind::Editorial, true) => "redactioneel",
                (wavegate_core::training::ChangeKind::Editorial, false) => "editorial",
                (wavegate_core::training::ChangeKind::Substantive, true) => "inhoudelijk",
                (wavegate_core::training::ChangeKind::Substantive, false) => "substantive",
            };
            out.push_str(&format!(
                "    {:<18} {kind}: {}\n",
                c.lesson,
                c.note.get(lang)
            ));
        }
    }
    out
}

fn template(id: Option<&str>) -> anyhow::Result<ExitCode> {
    match id {
        Some(id) => {
            let module = templates::builtin(id).with_context(|| {
                format!(
                    "no built-in module `{id}`; choose one of: {}",
                    templates::IDS.join(", ")
                )
            })?;
            super::emit(&format!("{}\n", module.to_json_pretty()))?;
        }
        None => {
            for m in templates::all() {
                super::emit(&format!("{:<18} {} / {}\n", m.id, m.title.nl, m.title.en))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
