//! The fixed words of a survey in Dutch and English: scale labels, yes/no, "other".
//!
//! The app renders these, so every survey speaks with the same voice and no author has to
//! translate "Strongly agree" again.

use super::model::QuestionType;
use crate::i18n::Lang;

const AGREE_5_NL: [&str; 5] = [
    "Helemaal mee oneens",
    "Mee oneens",
    "Neutraal",
    "Mee eens",
    "Helemaal mee eens",
];
const AGREE_5_EN: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];
const AGREE_7_NL: [&str; 7] = [
    "Helemaal mee oneens",
    "Mee oneens",
    "Een beetje mee oneens",
    "Neutraal",
    "Een beetje mee eens",
    "Mee eens",
    "Helemaal mee eens",
];
const AGREE_7_EN: [&str; 7] = [
    "Strongly disagree",
    "Disagree",
    "Somewhat disagree",
    "Neither agree nor disagree",
    "Somewhat agree",
    "Agree",
    "Strongly agree",
];

/// The labels of a 5- or 7-point agreement scale, lowest first; `None` for other sizes.
pub fn agreement_labels(points: u8, lang: Lang) -> Option<&'static [&'static str]> {
    match (points, lang) {
        (5, Lang::Nl) => Some(&AGREE_5_NL),
        (5, Lang::En) => Some(&AGREE_5_EN),
        (7, Lang::Nl) => Some(&AGREE_7_NL),
        (7, Lang::En) => Some(&AGREE_7_EN),
        _ => None,
    }
}

/// The label of point `value` (1-based) on an agreement scale.
pub fn agreement_label(points: u8, value: i32, lang: Lang) -> Option<&'static str> {
    let index = usize::try_from(value.checked_sub(1)?).ok()?;
    agreement_labels(points, lang)?.get(index).copied()
}

/// "Ja"/"Yes" or "Nee"/"No".
pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    match (value, lang) {
        (true, Lang::Nl) => "Ja",
        (true, Lang::En) => "Yes",
        (false, Lang::Nl) => "Nee",
        (false, Lang::En) => "No",
    }
}

/// The label of the "other" choice.
pub fn other(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Anders, namelijk",
        Lang::En => "Other:",
    }
}

/// The "other" choice in results, where no text follows it.
pub fn other_result(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Anders",
        Lang::En => "Other",
    }
}

/// "Required"/"Verplicht", shown next to a required question.
pub fn required(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Verplicht",
        Lang::En => "Required",
    }
}

/// "Optional"/"Optioneel", shown next to an optional question.
pub fn optional(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Optioneel",
        Lang::En => "Optional",
    }
}

/// The hint under a ranking question.
pub fn ranking_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Zet alles op volgorde, het belangrijkste bovenaan.",
        Lang::En => "Put everything in order, most important at the top.",
    }
}

/// What a question type is called for a planner (in a survey's preview before it is published).
pub fn question_type(kind: QuestionType, lang: Lang) -> &'static str {
    match (kind, lang) {
        (QuestionType::Agreement, Lang::Nl) => "eensschaal",
        (QuestionType::Agreement, Lang::En) => "agreement scale",
        (QuestionType::Rating, Lang::Nl) => "cijferschaal",
        (QuestionType::Rating, Lang::En) => "rating scale",
        (QuestionType::SingleChoice, Lang::Nl) => "één keuze",
        (QuestionType::SingleChoice, Lang::En) => "single choice",
        (QuestionType::MultipleChoice, Lang::Nl) => "meerkeuze",
        (QuestionType::MultipleChoice, Lang::En) => "multiple choice",
        (QuestionType::YesNo, Lang::Nl) => "ja/nee",
        (QuestionType::YesNo, Lang::En) => "yes/no",
        (QuestionType::Text, Lang::Nl) => "open tekst",
        (QuestionType::Text, Lang::En) => "free text",
        (QuestionType::Matrix, Lang::Nl) => "matrix",
        (QuestionType::Matrix, Lang::En) => "matrix",
        (QuestionType::Ranking, Lang::Nl) => "rangschikking",
        (QuestionType::Ranking, Lang::En) => "ranking",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_points_have_labels_in_both_languages() {
        assert_eq!(agreement_label(5, 5, Lang::Nl), Some("Helemaal mee eens"));
        assert_eq!(agreement_label(5, 1, Lang::En), Some("Strongly disagree"));
        assert_eq!(
            agreement_label(7, 4, Lang::En),
            Some("Neither agree nor disagree")
        );
        assert_eq!(agreement_label(5, 0, Lang::En), None);
        assert_eq!(agreement_label(5, 6, Lang::En), None);
        assert_eq!(agreement_label(6, 1, Lang::En), None);
    }

    #[test]
    fn every_question_type_has_a_name_of_its_own_in_both_languages() {
        for lang in Lang::ALL {
            let names: std::collections::BTreeSet<&str> = QuestionType::ALL
                .into_iter()
                .map(|k| question_type(k, lang))
                .collect();
            assert_eq!(names.len(), QuestionType::ALL.len(), "{lang:?}");
        }
        assert_eq!(question_type(QuestionType::YesNo, Lang::Nl), "ja/nee");
    }
}
