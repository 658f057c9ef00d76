//! [`InputError`]: what is wrong with an input file ([`FileProblem`]), and where (file, line,
//! column), in Dutch and English.

use super::limits::{MAX_COLUMNS, MAX_FIELD_BYTES};
use crate::i18n::{Lang, Text};
use std::fmt;

/// What is wrong with an input file, and where. `Display` is the English text (for logs);
/// people read [`InputError::render`] in their language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    /// The file's name as the user knows it (e.g. `roster.csv`).
    pub file: String,
    /// 1-based line number; 0 when the problem is the file as a whole.
    pub line: u64,
    /// 1-based column number, when one column is at fault.
    pub column: Option<usize>,
    /// The column's header, when known.
    pub column_name: Option<String>,
    /// What was expected and what was found (boxed: errors travel through every cell's
    /// `Result`, which stays small this way).
    pub problem: Box<FileProblem>,
}

/// What can be wrong with an input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// The file could not be opened or read (the system's reason).
    Unreadable {
        /// The operating system's description.
        detail: String,
    },
    /// The file is empty or holds only blank lines.
    Empty,
    /// A required column is not in the header.
    MissingColumn {
        /// The names that would have been accepted.
        wanted: Vec<String>,
        /// The header as written.
        header: Vec<String>,
    },
    /// A row has values beyond the header's columns.
    TooManyFields {
        /// Fields in the row.
        fields: usize,
        /// Columns in the header.
        width: usize,
        /// The file's delimiter.
        delimiter: char,
    },
    /// More columns than [`MAX_COLUMNS`].
    TooManyColumns {
        /// Columns found.
        found: usize,
    },
    /// A field longer than [`MAX_FIELD_BYTES`] (how much longer is not measured: reading a
    /// runaway field to its end is the cost the bound avoids).
    FieldTooLong,
    /// A quote opens a field and is never closed: every line after it would be one field.
    UnclosedQuote,
    /// A quoted field runs over line breaks, and what it encloses looks like rows of their own
    /// (lines with as many delimiters as the header): far more likely a quote never closed
    /// (`"Kan niet inloggen`) that the next quote anywhere (an inch mark, `24"`) closes, than one
    /// cell of many lines.
    QuoteSpansRows {
        /// The line the quote opens on.
        opened: u64,
        /// The line it closes on.
        closed: u64,
    },
    /// UTF-16 text without its byte-order mark (every other byte a NUL).
    Utf16WithoutMark,
    /// A ZIP archive, such as an Excel workbook, rather than a CSV file.
    Workbook,
    /// Bytes no text file holds: random bytes, a compressed file, an image.
    NotText,
    /// Two columns whose headers mean the same (case, spaces, `_` and `-` ignored).
    RepeatedColumn {
        /// The 1-based number of the first column with that header.
        first: usize,
    },
    /// A required cell is empty.
    EmptyCell,
    /// A cell does not hold what its column takes.
    Cell {
        /// What would have been right.
        expected: Text,
        /// The cell as written.
        found: String,
    },
    /// Any other rule of the file's format, as a sentence in both languages.
    Rule(Text),
}

/// What a cell should hold, in both languages: fixed texts, so a parser can name it for every
/// cell it reads without allocating, and only an error turns it into a [`Text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expect {
    /// Dutch.
    pub nl: &'static str,
    /// English.
    pub en: &'static str,
}

impl From<Expect> for Text {
    fn from(e: Expect) -> Text {
        Text::new(e.nl, e.en)
    }
}

/// How many characters of a cell an error message repeats: enough to recognise it, and a 64 KiB
/// cell does not become a 64 KiB message.
const QUOTED_CHARS: usize = 80;

/// `value` in quotes as Rust writes strings (control characters escaped), cut after
/// [`QUOTED_CHARS`] characters.
pub(crate) fn quoted(value: &str) -> String {
    match value.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => format!("{:?}…", &value[..cut]),
        None => format!("{value:?}"),
    }
}

/// About how many characters a list of names in a message takes: a header of a file that is
/// not what it claims to be must not become kilobytes of message.
const LISTED_CHARS: usize = 400;

/// A list of names in backticks (each cut like [`shown`]), at most `max` of them and about
/// [`LISTED_CHARS`] characters, then how many more there are.
fn listed(names: &[String], max: usize, lang: Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut chars = 0;
    for name in names.iter().take(max) {
        let item = format!("`{}`", shown(name));
        chars += item.chars().count();
        if !out.is_empty() && chars > LISTED_CHARS {
            break;
        }
        out.push(item);
    }
    let more = names.len() - out.len();
    if more > 0 {
        out.push(match lang {
            Lang::Nl => format!("en nog {more}"),
            Lang::En => format!("and {more} more"),
        });
    }
    out.join(", ")
}

impl FileProblem {
    /// The problem in `lang`: what was expected, and what was found.
    pub fn message(&self, lang: Lang) -> String {
        use FileProblem as P;
        let nl = lang == Lang::Nl;
        match self {
            P::Unreadable { detail } => match lang {
                Lang::Nl => format!("kan niet worden gelezen: {detail}"),
                Lang::En => format!("could not be read: {detail}"),
            },
            P::Empty => match lang {
                Lang::Nl => {
                    "het bestand is leeg; verwacht een kopregel en regels met gegevens".to_string()
                }
                Lang::En => "the file is empty; expected a header row and data rows".to_string(),
            },
            P::MissingColumn { wanted, header } => {
                let or = if nl { " of " } else { " or " };
                let quoted: Vec<String> = wanted.iter().map(|n| format!("`{n}`")).collect();
                // Two names read as a choice; a longer chain of "or" as a puzzle: the usual
                // name first, the others it also goes by after it.
                let wanted = match quoted.split_first() {
                    Some((first, others)) if others.len() > 1 => {
                        let (last, middle) = others.split_last().unwrap_or((first, &[]));
                        let others = format!("{}{or}{last}", middle.join(", "));
                        if nl {
                            format!("{first} (ook herkend: {others})")
                        } else {
                            format!("{first} (also recognised: {others})")
                        }
                    }
                    _ => quoted.join(or),
                };
                let header = listed(header, 30, lang);
                if nl {
                    format!("de verplichte kolom {wanted} ontbreekt; de kopregel heeft: {header}")
                } else {
                    format!("missing required column {wanted}; the header has: {header}")
                }
            }
            P::TooManyFields {
                fields,
                width,
                delimiter,
            } => match lang {
                Lang::Nl => format!(
                    "deze regel heeft {fields} velden maar de kopregel {width}; verwacht één veld per kolom (mist een veld met het scheidingsteken `{delimiter}` zijn aanhalingstekens?)"
                ),
                Lang::En => format!(
                    "this row has {fields} fields but the header has {width}; expected one field per header column (is a field with the delimiter `{delimiter}` missing its quotes?)"
                ),
            },
            P::TooManyColumns { found } => match lang {
                Lang::Nl => format!(
                    "verwacht hoogstens {MAX_COLUMNS} kolommen (zoveel als Excel aankan), gevonden {found}"
                ),
                Lang::En => format!(
                    "expected at most {MAX_COLUMNS} columns (as many as Excel holds), found {found}"
                ),
            },
            P::FieldTooLong => {
                let kib = MAX_FIELD_BYTES / 1024;
                match lang {
                    Lang::Nl => format!(
                        "verwacht een veld van hoogstens {kib} KiB, maar dit veld is langer (ontbreekt er een afsluitend aanhalingsteken?)"
                    ),
                    Lang::En => format!(
                        "expected a field of at most {kib} KiB, but this one is longer (is a closing quote missing?)"
                    ),
                }
            }
            P::UnclosedQuote => match lang {
                Lang::Nl => "hier opent een aanhalingsteken een veld dat nergens wordt gesloten; zo zou elke regel hierna in dit ene veld belanden (verwacht een afsluitend \" voor het volgende scheidingsteken of regeleinde)".to_string(),
                Lang::En => "a quote opens this field and is never closed, so every line after it would end up in this one field (expected a closing \" before the next delimiter or line end)".to_string(),
            },
            P::QuoteSpansRows { opened, closed } => match lang {
                Lang::Nl => format!(
                    "een aanhalingsteken dat op regel {opened} opent, sluit pas op regel {closed}, en wat ertussen staat lijkt op eigen rijen: ontbreekt er een afsluitend aanhalingsteken? (verwacht dat een veld dat met \" begint op dezelfde regel met \" eindigt, tenzij het echt meer regels heeft)"
                ),
                Lang::En => format!(
                    "a quote opened on line {opened} closes only on line {closed}, and what it encloses looks like rows of their own: is a closing quote missing? (expected a field that starts with \" to end with \" on the same line, unless it really holds several lines)"
                ),
            },
            P::Utf16WithoutMark => match lang {
                Lang::Nl => "dit lijkt UTF-16-tekst zonder byte-order mark; verwacht UTF-8 (in Excel: ‘CSV UTF-8’) of UTF-16 met byte-order mark".to_string(),
                Lang::En => "this looks like UTF-16 text without a byte-order mark; expected UTF-8 (in Excel: ‘CSV UTF-8’) or UTF-16 with a byte-order mark".to_string(),
            },
            P::Workbook => match lang {
                Lang::Nl => "dit is een ZIP-bestand, zoals een Excel-werkmap, geen CSV-bestand; verwacht CSV (in Excel: Opslaan als ‘CSV UTF-8’)".to_string(),
                Lang::En => "this is a ZIP file, such as an Excel workbook, not a CSV file; expected CSV (in Excel: Save as ‘CSV UTF-8’)".to_string(),
            },
            P::NotText => match lang {
                Lang::Nl => "dit is geen tekstbestand; verwacht een CSV-bestand".to_string(),
                Lang::En => "this is not a text file; expected a CSV file".to_string(),
            },
            P::RepeatedColumn { first } => match lang {
                Lang::Nl => format!(
                    "verwacht elke kolom één keer, maar deze kolom staat ook al als kolom {first} in de kopregel"
                ),
                Lang::En => format!(
                    "expected each column once, but this column is also column {first} of the header"
                ),
            },
            P::EmptyCell => match lang {
                Lang::Nl => "verwacht een waarde, gevonden een lege cel".to_string(),
                Lang::En => "expected a value, found an empty cell".to_string(),
            },
            P::Cell { expected, found } => {
                let (expected, found) = (expected.get(lang), quoted(found));
                if nl {
                    format!("verwacht {expected}, gevonden {found}")
                } else {
                    format!("expected {expected}, found {found}")
                }
            }
            P::Rule(text) => text.get(lang).to_string(),
        }
    }
}

impl InputError {
    /// An error about the file as a whole (unreadable, empty, missing column) at `line`.
    pub fn file(file: &str, line: u64, problem: FileProblem) -> InputError {
        InputError {
            file: file.to_string(),
            line,
            column: None,
            column_name: None,
            problem: Box::new(problem),
        }
    }

    /// The problem in `lang`, without the place.
    pub fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }

    /// The whole error in `lang`: file, line, column (header) and the problem, e.g.
    /// `devices.csv, regel 9, kolom 3 (Enrollment date): verwacht een datum zoals …, gevonden …`.
    pub fn render(&self, lang: Lang) -> String {
        let (line, column) = match lang {
            Lang::Nl => ("regel", "kolom"),
            Lang::En => ("line", "column"),
        };
        let mut out = self.file.clone();
        if self.line > 0 {
            out.push_str(&format!(", {line} {}", self.line));
        }
        if let Some(c) = self.column {
            out.push_str(&format!(", {column} {c}"));
            if let Some(name) = &self.column_name {
                out.push_str(&format!(" ({})", shown(name)));
            }
        }
        out.push_str(": ");
        out.push_str(&self.message(lang));
        out
    }
}

/// A name from a file (a header, an id) as a message shows it: cut after [`QUOTED_CHARS`]
/// characters, like a quoted cell, with every character that does not show itself written as
/// an escape (`\u{200b}`): a header `Person\u{200B}ID` must not read as the `Person ID` the
/// message says is missing.
pub(crate) fn shown(name: &str) -> String {
    let (name, cut) = match name.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => (&name[..cut], true),
        None => (name, false),
    };
    let mut out = String::with_capacity(name.len() + usize::from(cut) * 3);
    for c in name.chars() {
        if unseen(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    if cut {
        out.push('…');
    }
    out
}

/// Whether a character of a name changes it without showing.
fn unseen(c: char) -> bool {
    crate::invisible::is_unfit_in_a_name(c)
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_cell(problem: FileProblem) -> InputError {
        InputError {
            file: "devices.csv".into(),
            line: 9,
            column: Some(3),
            column_name: Some("Enrollment date".into()),
            problem: Box::new(problem),
        }
    }

    #[test]
    fn a_cell_error_reads_naturally_in_dutch_and_english() {
        let e = at_cell(FileProblem::Cell {
            expected: Text::new("een datum zoals 2027-01-11", "a date like 2027-01-11"),
            found: "gisteren".into(),
        });
        assert_eq!(
            e.render(Lang::Nl),
            "devices.csv, regel 9, kolom 3 (Enrollment date): verwacht een datum zoals 2027-01-11, gevonden \"gisteren\""
        );
        assert_eq!(
            e.to_string(),
            "devices.csv, line 9, column 3 (Enrollment date): expected a date like 2027-01-11, found \"gisteren\""
        );
    }

    #[test]
    fn every_problem_has_both_languages() {
        let problems = [
            FileProblem::Unreadable {
                detail: "denied".into(),
            },
            FileProblem::Empty,
            FileProblem::MissingColumn {
                wanted: vec!["a".into()],
                header: vec!["b".into()],
            },
            FileProblem::TooManyFields {
                fields: 3,
                width: 2,
                delimiter: ';',
            },
            FileProblem::TooManyColumns { found: 20_000 },
            FileProblem::FieldTooLong,
            FileProblem::UnclosedQuote,
            FileProblem::QuoteSpansRows {
                opened: 3,
                closed: 13,
            },
            FileProblem::Utf16WithoutMark,
            FileProblem::Workbook,
            FileProblem::NotText,
            FileProblem::RepeatedColumn { first: 2 },
            FileProblem::EmptyCell,
            FileProblem::Rule(Text::new("regel", "rule")),
        ];
        for p in problems {
            let (nl, en) = (p.message(Lang::Nl), p.message(Lang::En));
            assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{p:?}");
        }
    }

    #[test]
    fn a_huge_cell_is_quoted_short_and_escaped() {
        let e = at_cell(FileProblem::Cell {
            expected: Text::new("een datum", "a date"),
            found: format!("\u{1b}[2J{}", "x".repeat(100_000)),
        });
        let text = e.render(Lang::En);
        assert!(text.len() < 200, "{text}");
        assert!(text.contains("\\u{1b}[2J") && text.ends_with("…"), "{text}");
    }

    #[test]
    fn a_name_shows_what_would_not_show_itself() {
        assert_eq!(shown("Person\u{200b}ID"), "Person\\u{200b}ID");
        assert_eq!(
            shown("a\u{0}b\u{202e}c\u{feff}"),
            "a\\u{0}b\\u{202e}c\\u{feff}"
        );
        assert_eq!(shown("Financiën, één"), "Financiën, één");
        let long = shown(&"\u{1}".repeat(100));
        assert!(long.starts_with("\\u{1}") && long.ends_with('…'), "{long}");
        assert_eq!(long.matches("\\u{1}").count(), QUOTED_CHARS);
    }

    #[test]
    fn a_long_header_list_is_cut() {
        let header: Vec<String> = (0..1000).map(|i| format!("c{i}")).collect();
        let e = InputError::file(
            "roster.csv",
            1,
            FileProblem::MissingColumn {
                wanted: vec!["wave".into()],
                header,
            },
        );
        assert!(e.render(Lang::Nl).ends_with("`c29`, en nog 970"), "{e}");
        assert!(e.to_string().ends_with("`c29`, and 970 more"), "{e}");
    }
}
