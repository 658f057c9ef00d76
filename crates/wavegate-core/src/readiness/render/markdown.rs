//! The deployment readiness report as Markdown: every text escaped so that it renders as the
//! same text, never as a link, image, HTML or a table cell of its own.

use super::appendix::Appendix;
use super::document::{Block, Cell, Inline, document};
use crate::escape::{markdown_text, terminal_lines};
use crate::readiness::report::Report;
use std::fmt::Write;

/// A table cell: each line escaped, joined by `<br>` (the break a Markdown table cell takes).
fn cell(c: &Cell) -> String {
    c.lines()
        .map(markdown_text)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The deployment readiness report in Markdown, for stakeholders.
pub fn markdown(r: &Report) -> String {
    markdown_with(r, None)
}

/// The report in Markdown with, when given, the communication plan and the lessons learned at
/// its end.
pub fn markdown_with(r: &Report, appendix: Option<&Appendix>) -> String {
    let mut out = String::new();
    let extra = appendix.map(|a| super::appendix::appendix(a, r.lang));
    for block in document(r).iter().chain(extra.iter().flatten()) {
        write_block(&mut out, block);
    }
    // A last guard against control characters a future change forgets to escape.
    terminal_lines(out.trim_end()).into_owned() + "\n"
}

fn inlines(parts: &[Inline]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Inline::Text(t) => markdown_text(t),
            Inline::Strong(t) => format!("**{}**", markdown_text(t)),
            Inline::Emph(t) => format!("_{}_", markdown_text(t)),
        })
        .collect()
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Title(t) => {
            let _ = writeln!(out, "# {}\n", markdown_text(t));
        }
        Block::Heading(t) => {
            let _ = writeln!(out, "## {}\n", markdown_text(t));
        }
        Block::Para(parts) => {
            let _ = writeln!(out, "{}\n", inlines(parts));
        }
        Block::Bullets(items) => {
            for item in items {
                let _ = writeln!(out, "- {}", inlines(item));
            }
            out.push('\n');
        }
        Block::Numbered(items) => {
            for (i, item) in items.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", i + 1, inlines(item));
            }
            out.push('\n');
        }
        Block::Table { header, rows } => {
            let cells = |c: Vec<String>| c.join(" | ");
            let _ = writeln!(
                out,
                "| {} |",
                cells(header.iter().map(|h| markdown_text(h)).collect())
            );
            let _ = writeln!(out, "|{}|", vec!["---"; header.len()].join("|"));
            for row in rows {
                let _ = writeln!(out, "| {} |", cells(row.iter().map(cell).collect()));
            }
            out.push('\n');
        }
    }
}
