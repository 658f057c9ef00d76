//! Query parameters of the CSV downloads (responses, invitation links) and their query strings.

use super::query_string;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Field delimiter of a CSV download (`delimiter=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvDelimiter {
    /// `,` (the default).
    #[default]
    #[serde(alias = ",")]
    Comma,
    /// `;`, what Excel on a Dutch Windows expects.
    #[serde(alias = ";")]
    Semicolon,
}

impl CsvDelimiter {
    /// The value as it is written in a query string.
    pub fn as_str(self) -> &'static str {
        match self {
            CsvDelimiter::Comma => "comma",
            CsvDelimiter::Semicolon => "semicolon",
        }
    }

    /// The CSV settings for this delimiter, with or without a byte-order mark.
    pub fn options(self, bom: bool) -> crate::csv_safe::CsvOptions {
        let delimiter = match self {
            CsvDelimiter::Comma => b',',
            CsvDelimiter::Semicolon => b';',
        };
        crate::csv_safe::CsvOptions { delimiter, bom }
    }
}

/// Layout of the response export (`layout=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportLayout {
    /// One row per answer: the `responses.csv` that `wavegate score` reads (the default).
    #[default]
    Long,
    /// One row per response.
    Wide,
}

impl ExportLayout {
    /// The value as it is written in a query string.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportLayout::Long => "long",
            ExportLayout::Wide => "wide",
        }
    }
}

/// Query of `GET …/surveys/{survey}/responses`: the CSV export of every response.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponsesQuery {
    /// Long (default) or wide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<ExportLayout>,
    /// Comma (default) or semicolon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<CsvDelimiter>,
    /// Start with a UTF-8 byte-order mark so Excel detects the encoding (default: no).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bom: Option<bool>,
}

impl ResponsesQuery {
    /// The query string, `?` included (empty when every parameter is the default).
    pub fn to_query(&self) -> String {
        query_string(&[
            ("layout", self.layout.map(ExportLayout::as_str)),
            ("delimiter", self.delimiter.map(CsvDelimiter::as_str)),
            ("bom", self.bom.map(|b| if b { "true" } else { "false" })),
        ])
    }
}

/// Query of a planner's list as a CSV file (`…/lessons.csv`, `…/communications.csv`): the
/// language of its headers and words (else the request's), and the CSV settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListCsvQuery {
    /// Headers and words in this language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// `comma` (default) or `semicolon`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<CsvDelimiter>,
    /// Start with a UTF-8 byte-order mark (for Excel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bom: Option<bool>,
}

impl ListCsvQuery {
    /// The file a spreadsheet in `lang` opens right: headers and words in `lang`, semicolons
    /// for Dutch Excel (its list separator; commas for English), and a byte-order mark so Excel
    /// reads UTF-8.
    pub fn for_spreadsheet(lang: Lang) -> ListCsvQuery {
        ListCsvQuery {
            lang: Some(lang),
            delimiter: Some(match lang {
                Lang::Nl => CsvDelimiter::Semicolon,
                Lang::En => CsvDelimiter::Comma,
            }),
            bom: Some(true),
        }
    }

    /// `?lang=…&delimiter=…&bom=…` of the parameters set.
    pub fn to_query(&self) -> String {
        let bom = self.bom.map(|b| b.to_string());
        query_string(&[
            ("lang", self.lang.map(|l| l.code())),
            ("delimiter", self.delimiter.map(|d| d.as_str())),
            ("bom", bom.as_deref()),
        ])
    }
}

/// What `GET …/invitations` answers with (`format=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationsFormat {
    /// `[InvitationLink]` as JSON (the default).
    #[default]
    Json,
    /// The mail-merge CSV of [`crate::invitation::mail_merge`].
    Csv,
}

impl InvitationsFormat {
    /// The value as it is written in a query string.
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationsFormat::Json => "json",
            InvitationsFormat::Csv => "csv",
        }
    }
}

/// Query of `GET …/surveys/{survey}/invitations`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvitationsQuery {
    /// JSON (default) or CSV for a mail merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<InvitationsFormat>,
    /// The CSV delimiter: comma (default) or semicolon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<CsvDelimiter>,
    /// Start the CSV with a UTF-8 byte-order mark, so Excel and Word read names with accents
    /// right (default: no).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bom: Option<bool>,
}

impl InvitationsQuery {
    /// The query string, `?` included (empty when every parameter is the default).
    pub fn to_query(&self) -> String {
        query_string(&[
            ("format", self.format.map(InvitationsFormat::as_str)),
            ("delimiter", self.delimiter.map(CsvDelimiter::as_str)),
            ("bom", self.bom.map(|b| if b { "true" } else { "false" })),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_for_dutch_excel_is_semicolons_with_a_byte_order_mark() {
        assert_eq!(
            ListCsvQuery::for_spreadsheet(Lang::Nl).to_query(),
            "?lang=nl&delimiter=semicolon&bom=true"
        );
        assert_eq!(
            ListCsvQuery::for_spreadsheet(Lang::En).to_query(),
            "?lang=en&delimiter=comma&bom=true"
        );
    }

    #[test]
    fn delimiters_accept_the_character_itself() {
        let d: CsvDelimiter = serde_json::from_str("\";\"").expect("';' is a delimiter");
        assert_eq!(d, CsvDelimiter::Semicolon);
        assert_eq!(CsvDelimiter::Semicolon.options(true).delimiter, b';');
    }
}
