//! Dutch for the English details of the parsers Wavegate reads files with (`toml`'s syntax
//! errors, `serde`'s type errors, `serde_json`'s), so a Dutch message about a broken
//! `program.toml` or program JSON does not switch to English halfway through.
//!
//! The parsers' wording is translated phrase by phrase. What stands in backticks or double
//! quotes is the file's own text (a key, a value) and is never touched; a phrase the table does
//! not know stays as the parser wrote it, so the detail is never lost.

/// English phrases of the parsers and their Dutch, longest first where one starts another (the
/// table is searched for the longest match at each place).
const PHRASES: &[(&str, &str)] = &[
    // toml's syntax errors.
    (
        "carriage return must be followed by newline",
        "een CR moet door een nieuwe regel (LF) gevolgd worden",
    ),
    (
        "missing opening quote",
        "het aanhalingsteken aan het begin ontbreekt",
    ),
    (
        "missing comma between array elements",
        "er ontbreekt een komma tussen de elementen van de lijst",
    ),
    (
        "integers with a radix cannot be signed",
        "een getal met een grondtal (0x, 0o, 0b) kan geen + of - hebben",
    ),
    (
        "radix must be lowercase",
        "het grondtal (0x, 0o, 0b) moet in kleine letters",
    ),
    (
        "missing assignment between key-value pairs",
        "er ontbreekt een `=` tussen sleutel en waarde",
    ),
    (
        "invalid multi-line basic string",
        "ongeldige tekst over meerdere regels",
    ),
    (
        "invalid multi-line literal string",
        "ongeldige letterlijke tekst over meerdere regels",
    ),
    ("unexpected leading zero", "onverwachte nul vooraan"),
    ("unclosed array table", "niet afgesloten tabel in een lijst"),
    (
        "missing key for inline table element",
        "een element van de tabel op één regel heeft geen sleutel",
    ),
    (
        "missing inline table opening",
        "de tabel op één regel mist zijn `{`",
    ),
    ("missing escaped value", "een `\\` zonder teken erna"),
    ("missing array opening", "de lijst mist zijn `[`"),
    (
        "invalid unquoted key",
        "ongeldige sleutel zonder aanhalingstekens",
    ),
    (
        "cannot recurse further; max recursion depth met",
        "te diep genest",
    ),
    (
        "invalid key-value pair",
        "ongeldig paar van sleutel en waarde",
    ),
    ("invalid key", "ongeldige sleutel"),
    (
        "invalid basic string",
        "ongeldige tekst tussen dubbele aanhalingstekens",
    ),
    (
        "invalid literal string",
        "ongeldige tekst tussen enkele aanhalingstekens",
    ),
    (
        "unquoted keys cannot be empty",
        "een sleutel zonder aanhalingstekens kan niet leeg zijn",
    ),
    ("unexpected sign", "onverwacht + of -"),
    ("unexpected key or value", "onverwachte sleutel of waarde"),
    (
        "unexpected content between comment and newline",
        "onverwachte inhoud tussen commentaar en einde van de regel",
    ),
    ("unexpected content", "onverwachte inhoud"),
    ("unexpected", "onverwacht"),
    (
        "unclosed inline table",
        "niet afgesloten tabel op één regel",
    ),
    ("unclosed array", "niet afgesloten lijst"),
    ("unclosed table", "niet afgesloten tabel"),
    (
        "too few unicode value digits",
        "te weinig cijfers in een unicode-teken",
    ),
    (
        "string values must be quoted",
        "tekst moet tussen aanhalingstekens staan",
    ),
    ("redundant numeric sign", "overbodig + of -"),
    (
        "redundant integer number prefix",
        "overbodig voorvoegsel bij een geheel getal",
    ),
    ("missing value for key", "de sleutel heeft geen waarde"),
    ("missing value", "de waarde ontbreekt"),
    ("missing table open", "de tabel mist zijn `[`"),
    ("missing comment start", "het commentaar mist zijn `#`"),
    (
        "missing comma between key-value pairs",
        "er ontbreekt een komma tussen sleutel-waardeparen",
    ),
    (
        "keys cannot be multi-line literal strings",
        "een sleutel kan geen letterlijke tekst over meerdere regels zijn",
    ),
    (
        "keys cannot be multi-line basic strings",
        "een sleutel kan geen tekst over meerdere regels zijn",
    ),
    ("key with no value", "sleutel zonder waarde"),
    (
        "invalid inline table element",
        "ongeldig element van een tabel op één regel",
    ),
    ("invalid inline table", "ongeldige tabel op één regel"),
    ("invalid comment character", "ongeldig teken in commentaar"),
    (
        "extra comma in inline table",
        "een komma te veel in de tabel op één regel",
    ),
    ("extra comma in array", "een komma te veel in de lijst"),
    (
        "extra assignment between key-value pairs",
        "een `=` te veel tussen sleutel-waardeparen",
    ),
    (
        "may only go between digits",
        "mag alleen tussen cijfers staan",
    ),
    ("invalid table header", "ongeldige tabelkop"),
    ("invalid table", "ongeldige tabel"),
    ("invalid string", "ongeldige tekst"),
    ("invalid array", "ongeldige lijst"),
    ("invalid octal number", "ongeldig octaal getal"),
    ("invalid hexadecimal number", "ongeldig hexadecimaal getal"),
    ("invalid binary number", "ongeldig binair getal"),
    ("invalid integer number", "ongeldig geheel getal"),
    ("invalid mantissa", "ongeldig getal voor de exponent"),
    ("invalid fraction", "ongeldig deel na de komma"),
    ("invalid exponent", "ongeldige exponent"),
    ("invalid float", "ongeldig kommagetal"),
    ("invalid number", "ongeldig getal"),
    ("invalid date-time", "ongeldige datum of tijd"),
    ("invalid integer", "ongeldig geheel getal"),
    ("invalid binary integer", "ongeldig binair geheel getal"),
    ("invalid octal integer", "ongeldig octaal geheel getal"),
    (
        "invalid hexadecimal integer",
        "ongeldig hexadecimaal geheel getal",
    ),
    ("invalid floating-point number", "ongeldig kommagetal"),
    ("invalid escape sequence", "ongeldige escapereeks"),
    (
        "invalid unicode 4-digit hex code",
        "ongeldige unicode-code van 4 hexadecimale cijfers",
    ),
    (
        "invalid unicode 8-digit hex code",
        "ongeldige unicode-code van 8 hexadecimale cijfers",
    ),
    ("invalid time offset", "ongeldige tijdzone"),
    ("invalid time", "ongeldige tijd"),
    (
        "invalid multiline basic string",
        "ongeldige tekst over meerdere regels",
    ),
    (
        "invalid multiline literal string",
        "ongeldige letterlijke tekst over meerdere regels",
    ),
    ("invalid boolean", "ongeldige waar/onwaar-waarde"),
    ("invalid", "ongeldige"),
    ("leading digit", "cijfer vooraan"),
    ("digits", "cijfers"),
    ("digit", "cijfer"),
    ("value is out of range", "de waarde valt buiten het bereik"),
    ("duplicate key", "dubbele sleutel"),
    ("in table", "in tabel"),
    ("in array", "in een lijst"),
    ("newline", "nieuwe regel"),
    ("nothing", "niets"),
    ("extra", "te veel:"),
    // serde's type errors.
    ("invalid type:", "verkeerd soort waarde:"),
    ("invalid value:", "ongeldige waarde:"),
    ("invalid value", "ongeldige waarde"),
    ("invalid length", "verkeerde lengte"),
    ("unknown field", "onbekend veld"),
    ("unknown variant", "onbekende keuze"),
    ("missing field", "ontbrekend veld"),
    ("duplicate field", "dubbel veld"),
    ("there are no fields", "er zijn geen velden"),
    ("there are no variants", "er zijn geen keuzes"),
    ("expected one of", "verwacht een van"),
    ("floating point", "kommagetal"),
    ("integer", "geheel getal"),
    ("boolean", "waar/onwaar-waarde"),
    ("string", "tekst"),
    ("character", "teken"),
    ("byte array", "reeks bytes"),
    ("unit value", "lege waarde"),
    ("sequence", "lijst"),
    ("map", "tabel"),
    ("a string", "tekst"),
    ("a boolean", "true of false"),
    ("a sequence", "een lijst"),
    ("a map", "een tabel"),
    ("u8", "een geheel getal van 0 of meer"),
    ("u16", "een geheel getal van 0 of meer"),
    ("u32", "een geheel getal van 0 of meer"),
    ("u64", "een geheel getal van 0 of meer"),
    ("usize", "een geheel getal van 0 of meer"),
    ("i32", "een geheel getal"),
    ("i64", "een geheel getal"),
    ("f32", "een getal"),
    ("f64", "een getal"),
    // serde_json's.
    (
        "EOF while parsing a list",
        "het einde kwam midden in een lijst",
    ),
    (
        "EOF while parsing an object",
        "het einde kwam midden in een object",
    ),
    (
        "EOF while parsing a string",
        "het einde kwam midden in een tekst",
    ),
    (
        "EOF while parsing a value",
        "het einde kwam waar een waarde moest staan",
    ),
    ("EOF while parsing", "het einde kwam te vroeg"),
    ("trailing characters", "er staat nog iets na het einde"),
    ("trailing comma", "een komma te veel aan het eind"),
    ("key must be a string", "een sleutel moet tekst zijn"),
    ("expected value", "verwacht een waarde"),
    ("expected ident", "verwacht true, false of null"),
    ("recursion limit exceeded", "te diep genest"),
    ("control character", "stuurteken"),
    ("found while parsing a string", "gevonden in een tekst"),
    ("at line", "op regel"),
    ("column", "kolom"),
    // The joining words last: what is left of a sentence.
    ("expected", "verwacht"),
    ("found", "gevonden"),
    ("or", "of"),
    ("and", "en"),
];

/// The Rust type names serde writes ("expected u32") in words a planner reads, for the
/// English message; the Dutch gets the same from [`PHRASES`].
const TYPE_WORDS: &[(&str, &str)] = &[
    ("u8", "a whole number of 0 or more"),
    ("u16", "a whole number of 0 or more"),
    ("u32", "a whole number of 0 or more"),
    ("u64", "a whole number of 0 or more"),
    ("usize", "a whole number of 0 or more"),
    ("i32", "a whole number"),
    ("i64", "a whole number"),
    ("f32", "a number"),
    ("f64", "a number"),
];

/// `detail`, a parser's English, with Rust's type names in words.
pub fn english(detail: &str) -> String {
    translate(detail, TYPE_WORDS)
}

/// `detail`, a parser's English, in Dutch as far as [`PHRASES`] reaches.
pub fn dutch(detail: &str) -> String {
    translate(detail, PHRASES)
}

/// `detail` with every phrase of `table` that stands as whole words replaced, the file's own
/// text (in backticks or double quotes) untouched.
fn translate(detail: &str, table: &[(&'static str, &'static str)]) -> String {
    let mut out = String::with_capacity(detail.len() + detail.len() / 4);
    let mut rest = detail;
    while !rest.is_empty() {
        // The file's own text, in backticks or double quotes, goes through as it is.
        if let Some(quote @ ('`' | '"')) = rest.chars().next() {
            let end = rest[1..].find(quote).map_or(rest.len(), |i| i + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let at_word_start = !out.chars().next_back().is_some_and(char::is_alphanumeric);
        let phrase = at_word_start.then(|| longest_phrase(rest, table)).flatten();
        match phrase {
            Some((english, nl)) => {
                out.push_str(nl);
                rest = &rest[english.len()..];
            }
            None => {
                let c = rest.chars().next().unwrap_or_default();
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// The longest phrase of `table` that `text` starts with, ending at a word's end.
fn longest_phrase(
    text: &str,
    table: &[(&'static str, &'static str)],
) -> Option<(&'static str, &'static str)> {
    table
        .iter()
        .filter(|(english, _)| {
            text.starts_with(english)
                && !text[english.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .max_by_key(|(english, _)| english.len())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::{dutch, english};

    #[test]
    fn the_english_names_no_rust_types() {
        assert_eq!(
            english("invalid value: integer `-5`, expected u32"),
            "invalid value: integer `-5`, expected a whole number of 0 or more"
        );
        // The file's own text stays as written, even when it looks like a type.
        assert_eq!(english("unknown field `u32`"), "unknown field `u32`");
    }

    #[test]
    fn serde_type_errors_read_in_dutch_with_the_files_own_text_kept() {
        assert_eq!(
            dutch("invalid type: string \"drie\", expected u32"),
            "verkeerd soort waarde: tekst \"drie\", verwacht een geheel getal van 0 of meer"
        );
        assert_eq!(
            dutch("invalid value: integer `-3`, expected u32"),
            "ongeldige waarde: geheel getal `-3`, verwacht een geheel getal van 0 of meer"
        );
        assert_eq!(
            dutch("unknown field `map`, expected one of `id`, `start`"),
            "onbekend veld `map`, verwacht een van `id`, `start`"
        );
        assert_eq!(dutch("missing field `name`"), "ontbrekend veld `name`");
        assert_eq!(
            dutch("invalid type: map, expected a sequence"),
            "verkeerd soort waarde: tabel, verwacht een lijst"
        );
    }

    #[test]
    fn toml_syntax_errors_read_in_dutch() {
        assert_eq!(
            dutch("invalid table header; expected `.`, `]]`"),
            "ongeldige tabelkop; verwacht `.`, `]]`"
        );
        assert_eq!(
            dutch("duplicate key `planned_size` in table `wave`"),
            "dubbele sleutel `planned_size` in tabel `wave`"
        );
        assert_eq!(dutch("expected newline, `#`"), "verwacht nieuwe regel, `#`");
        assert_eq!(
            dutch("invalid integer; expected digit"),
            "ongeldig geheel getal; verwacht cijfer"
        );
        assert_eq!(
            dutch("invalid date-time; value is out of range"),
            "ongeldige datum of tijd; de waarde valt buiten het bereik"
        );
    }

    #[test]
    fn json_errors_read_in_dutch() {
        assert_eq!(
            dutch("EOF while parsing an object at line 3 column 1"),
            "het einde kwam midden in een object op regel 3 kolom 1"
        );
        assert_eq!(
            dutch("trailing characters"),
            "er staat nog iets na het einde"
        );
    }

    #[test]
    fn words_inside_other_words_and_unknown_text_stay_as_they_are() {
        // "string" within "substring", "or" within "order": only whole words are phrases.
        assert_eq!(dutch("substring order"), "substring order");
        assert_eq!(dutch("a wholly new message"), "a wholly new message");
        // An unclosed quote keeps the rest as the file's text.
        assert_eq!(dutch("found `abc and"), "gevonden `abc and");
    }
}
