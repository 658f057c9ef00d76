//! The deployment readiness report as one printable HTML page (A4 print stylesheet, no script,
//! no outside resource), with the evaluation time and the hashes of its inputs, so a
//! stakeholder can tell which data it speaks for. Every text is escaped ([`html_text`]).

use super::appendix::Appendix;
use super::document::{Block, Cell, Inline, document};
use crate::escape::html_text;
use crate::i18n::Lang;
use crate::readiness::metric::State;
use crate::readiness::report::Report;
use std::fmt::Write;

/// Which data a report speaks for: when it was evaluated, and each input file's hash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// When the evaluation ran (as the caller states it, e.g. RFC 3339).
    pub evaluated_at: Option<String>,
    /// Each input file: its name, SHA-256 (hex) and size in bytes.
    pub inputs: Vec<(String, String, u64)>,
}

/// The report's whole stylesheet, its only inline content: a server naming it in a Content
/// Security Policy (by hash) allows nothing else. Words stay whole (hyphenated where the
/// browser can), so a narrow column of the gates table reads "Gevolg", not "Gevo lg"; a cell
/// holding a long unbroken word (a URL in a lesson, say) is marked `long` and wraps
/// `anywhere`: only then does that word count as breakable when the table sizes its columns,
/// so the table still fits an A4 page.
pub const STYLE: &str = "\
:root{color-scheme:light}\
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;margin:0}\
main{max-width:60rem;margin:0 auto;padding:1.5rem}\
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #ccc}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}\
th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:break-word;hyphens:auto}\
.long{overflow-wrap:anywhere}\
.table-wrap{overflow-x:auto}\
th{background:#f0f0f0}\
.pass{background:#d9f2dd}.warn{background:#fff1c2}.fail{background:#f9d3d3}.insufficient,.info{background:#ececec}\
.provenance{font-size:.8rem;color:#444}.provenance td{font-family:ui-monospace,monospace}\
.provenance table{table-layout:fixed}.provenance .file{width:28%}.provenance .bytes{width:7em}\
.provenance .hash{font-size:.9em;word-break:break-all;overflow-wrap:anywhere}\
@page{size:A4;margin:16mm 14mm}\
@media print{body{font-size:10pt}main{max-width:none;padding:0}\
h2{break-after:avoid}tr,li{break-inside:avoid}\
table{font-size:8pt}th,td{padding:.15rem .1rem}.table-wrap{overflow:visible}\
.pass,.warn,.fail,.insufficient,.info,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

fn state_class(s: State) -> &'static str {
    match s {
        State::Pass => "pass",
        State::Warn => "warn",
        State::Fail => "fail",
        State::Insufficient => "insufficient",
        State::Info => "info",
    }
}

fn inlines(parts: &[Inline]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Inline::Text(t) => html_text(t),
            Inline::Strong(t) => format!("<strong>{}</strong>", html_text(t)),
            Inline::Emph(t) => format!("<em>{}</em>", html_text(t)),
        })
        .collect()
}

/// A word longer than this cannot sit whole in a column of a printed table.
const LONG_WORD: usize = 24;

/// Text of a table cell: escaped, and breakable after a slash ("schatting/voorzichtig",
/// "89/73"), so a column of many on an A4 page need not be as wide as both halves.
fn table_text(s: &str) -> String {
    html_text(s).replace('/', "/<wbr>")
}

fn cell(tag: &str, c: &Cell, first: bool) -> String {
    let long = c
        .lines()
        .flat_map(str::split_whitespace)
        .any(|w| w.chars().count() > LONG_WORD);
    let classes: Vec<&str> = (c.state.map(state_class).into_iter())
        .chain(long.then_some("long"))
        .collect();
    let class = if classes.is_empty() {
        String::new()
    } else {
        format!(" class=\"{}\"", classes.join(" "))
    };
    // The first cell of a row names it, for screen readers reading across.
    let (tag, scope) = if first {
        ("th", " scope=\"row\"")
    } else {
        (tag, "")
    };
    let text = c.lines().map(table_text).collect::<Vec<_>>().join("<br>");
    format!("<{tag}{scope}{class}>{text}</{tag}>")
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Title(t) => {
            let _ = writeln!(out, "<h1>{}</h1>", html_text(t));
        }
        Block::Heading(t) => {
            let _ = writeln!(out, "<h2>{}</h2>", html_text(t));
        }
        Block::Para(parts) => {
            let _ = writeln!(out, "<p>{}</p>", inlines(parts));
        }
        Block::Bullets(items) | Block::Numbered(items) => {
            let tag = if matches!(block, Block::Numbered(_)) {
                "ol"
            } else {
                "ul"
            };
            let _ = writeln!(out, "<{tag}>");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", inlines(item));
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table { header, rows } => {
            // On a phone a wide table scrolls on its own, not the whole page with it.
            out.push_str("<div class=\"table-wrap\">\n<table>\n<thead><tr>");
            for h in header {
                let _ = write!(out, "<th scope=\"col\">{}</th>", table_text(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for (i, c) in row.iter().enumerate() {
                    out.push_str(&cell("td", c, i == 0));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n</div>\n");
        }
    }
}

/// When the report was computed: under its title, since it says which moment it speaks for.
fn computed_at(out: &mut String, p: &Provenance, lang: Lang) {
    let when = match lang {
        Lang::Nl => "Berekend op",
        Lang::En => "Computed at",
    };
    if let Some(at) = &p.evaluated_at {
        let at = crate::readiness::text::moment(at, lang);
        let _ = writeln!(
            out,
            "<p class=\"provenance\">{when}: {}</p>",
            html_text(&at)
        );
    }
}

/// The input files with their hashes: at the end, for whoever checks which data it was
/// computed from; a manager reading from the top meets the decision first.
fn input_files(out: &mut String, p: &Provenance, lang: Lang) {
    if p.inputs.is_empty() {
        return;
    }
    let (heading, inputs, file, size) = match lang {
        Lang::Nl => ("Invoerbestanden", "Invoer (SHA-256)", "Bestand", "Bytes"),
        Lang::En => ("Input files", "Inputs (SHA-256)", "File", "Bytes"),
    };
    let _ = writeln!(out, "<h2>{heading}</h2>\n<section class=\"provenance\">");
    let _ = writeln!(
        out,
        "<table><caption>{inputs}</caption><thead><tr><th scope=\"col\" class=\"file\">{file}</th><th scope=\"col\">SHA-256</th><th scope=\"col\" class=\"bytes\">{size}</th></tr></thead><tbody>"
    );
    for (name, hash, bytes) in &p.inputs {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"hash\">{}</td><td>{bytes}</td></tr>",
            html_text(name),
            html_text(hash)
        );
    }
    out.push_str("</tbody></table>\n</section>\n");
}

/// The deployment readiness report as a self-contained HTML page for the browser and for print.
pub fn html(r: &Report, p: &Provenance) -> String {
    html_with(r, p, None)
}

/// The printable report with, when given, the communication plan and the lessons learned at
/// its end.
pub fn html_with(r: &Report, p: &Provenance, appendix: Option<&Appendix>) -> String {
    let mut blocks = document(r);
    if let Some(a) = appendix {
        blocks.extend(super::appendix::appendix(a, r.lang));
    }
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        r.lang.code(),
        html_text(&title)
    );
    let mut blocks = blocks.into_iter();
    // Title and date line first, then when it was computed; the input files at the end.
    for block in blocks.by_ref().take(2) {
        write_block(&mut out, &block);
    }
    computed_at(&mut out, p, r.lang);
    for block in blocks {
        write_block(&mut out, &block);
    }
    input_files(&mut out, p, r.lang);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_stay_whole_and_only_a_cell_with_a_long_word_may_break_anywhere() {
        let word = cell("td", &Cell::plain("Gevolg"), false);
        assert_eq!(word, "<td>Gevolg</td>");
        let url = cell(
            "td",
            &Cell::plain("zie https://intranet.example.org/helpdesk/inschrijven"),
            false,
        );
        assert_eq!(
            url,
            "<td class=\"long\">zie https:/<wbr>/<wbr>intranet.example.org/<wbr>helpdesk/<wbr>inschrijven</td>"
        );
        let coloured = cell(
            "td",
            &Cell {
                text: "voldoet".into(),
                state: Some(State::Pass),
            },
            false,
        );
        assert_eq!(coloured, "<td class=\"pass\">voldoet</td>");
        // A pair of figures may break at its slash.
        assert_eq!(
            cell("td", &Cell::plain("89/73"), false),
            "<td>89/<wbr>73</td>"
        );
    }
}
