//! The report's fixed texts (its title, headings, column names and short labels), in Dutch and
//! English; the sentences around figures are in `super::msg`.

use crate::i18n::Lang;

/// Fixed texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// Report title.
    Title,
    /// "Program".
    Program,
    /// "Evaluated on".
    EvaluatedAt,
    /// "Next wave".
    NextWave,
    /// "Decision".
    Decision,
    /// "Readiness".
    Readiness,
    /// "Confidence".
    Confidence,
    /// "Recommended size".
    RecommendedSize,
    /// "Planned size".
    PlannedSize,
    /// "Proceeds".
    Proceeds,
    /// After who proceeds, when a held segment may share people with them.
    ExceptHeld,
    /// "Held back".
    Held,
    /// "Gates".
    Gates,
    /// "Segments".
    Segments,
    /// "Segment".
    Segment,
    /// "People".
    People,
    /// "State".
    State,
    /// "Metrics of the whole wave".
    WaveMetrics,
    /// "Metric".
    Metric,
    /// "Estimate".
    Estimate,
    /// "P(target met)".
    PPass,
    /// "Source".
    Source,
    /// "ADKAR".
    Adkar,
    /// "Group barrier".
    GroupBarrier,
    /// "None".
    NoBarrier,
    /// "Individual barriers".
    IndividualBarriers,
    /// "Actions".
    Actions,
    /// "What would change the outcome".
    Counterfactuals,
    /// "Helpdesk forecast".
    HelpdeskForecast,
    /// "Suppressed segments".
    Suppressed,
    /// "Assessed".
    Assessed,
    /// "Dimensions failing in a segment".
    DimensionFailures,
    /// "fails in".
    FailsIn,
    /// "by" (a forecast summed over an attribute).
    ForecastBy,
    /// The forecast's part for people without a value or in groups too small to name.
    ForecastRest,
    /// Explanation of suppression.
    SuppressedNote,
    /// "Notes".
    Notes,
    /// "How to read this report".
    Method,
    /// Method explanation.
    MethodText,
    /// "no gates fired".
    NoGates,
    /// The gates table's column of what a gate does.
    Effect,
    /// What a segment's gate that is not confined, yet does not reach the whole wave (never
    /// tested, or the rest of the wave clearly better), does: it counts in the wave as a whole.
    CountsInWave,
    /// What a gate of the whole wave does when the held segments carry it: the people who go
    /// ahead no longer show it.
    ResolvedBySplit,
    /// The effect of a gate of a segment a split holds back.
    HeldInSplit,
    /// "no actions".
    NoActions,
    /// "Score".
    Score,
    /// "Dimension".
    Dimension,
    /// "Data".
    Data,
    /// "hidden (fewer than 5 people)".
    Hidden,
    /// "confined".
    Confined,
    /// "whole wave".
    WholeWave,
    /// "More evidence needed".
    MoreEvidence,
    /// "none".
    NoneWord,
    /// "Enrollment per wave".
    EnrollmentTimeline,
    /// What the enrollment table counts.
    EnrollmentNote,
    /// Why there are no enrollment figures: no devices.csv.
    EnrollmentNoDevices,
    /// "Wave".
    Wave,
    /// "Start" (of a wave).
    Start,
    /// "End" (of a wave).
    End,
    /// "In the roster".
    InRoster,
    /// "Enrolled by" (a date follows).
    EnrolledBy,
    /// "Share".
    Share,
    /// "hidden" (a reason follows).
    Withheld,
}

/// A fixed text.
pub fn label(l: Label, lang: Lang) -> &'static str {
    use Label::*;
    match (l, lang) {
        (Title, Lang::Nl) => "Gereedheidsrapport uitrol",
        (Title, Lang::En) => "Deployment readiness report",
        (Program, Lang::Nl) => "Programma",
        (Program, Lang::En) => "Program",
        (EvaluatedAt, Lang::Nl) => "Beoordeeld op",
        (EvaluatedAt, Lang::En) => "Evaluated on",
        (NextWave, Lang::Nl) => "Volgende golf",
        (NextWave, Lang::En) => "Next wave",
        (Decision, Lang::Nl) => "Besluit",
        (Decision, Lang::En) => "Decision",
        (Readiness, Lang::Nl) => "Gereedheid (schatting/voorzichtig)",
        (Readiness, Lang::En) => "Readiness (estimate/conservative)",
        (Confidence, Lang::Nl) => "Zekerheid",
        (Confidence, Lang::En) => "Confidence",
        (RecommendedSize, Lang::Nl) => "Aanbevolen omvang",
        (RecommendedSize, Lang::En) => "Recommended size",
        (PlannedSize, Lang::Nl) => "Geplande omvang",
        (PlannedSize, Lang::En) => "Planned size",
        (Proceeds, Lang::Nl) => "Gaat door",
        (Proceeds, Lang::En) => "Proceeds",
        (ExceptHeld, Lang::Nl) => "behalve wie ook in een aangehouden groep valt",
        (ExceptHeld, Lang::En) => "except anyone also in a held group",
        (Held, Lang::Nl) => "Aangehouden",
        (Held, Lang::En) => "Held back",
        (Gates, Lang::Nl) => "Poorten",
        (Gates, Lang::En) => "Gates",
        (Segments, Lang::Nl) => "Segmenten",
        (Segments, Lang::En) => "Segments",
        (Segment, Lang::Nl) => "Segment",
        (Segment, Lang::En) => "Segment",
        (People, Lang::Nl) => "Mensen",
        (People, Lang::En) => "People",
        (State, Lang::Nl) => "Status",
        (State, Lang::En) => "State",
        (WaveMetrics, Lang::Nl) => "Meetwaarden van de hele golf",
        (WaveMetrics, Lang::En) => "Metrics of the whole wave",
        (Metric, Lang::Nl) => "Meetwaarde",
        (Metric, Lang::En) => "Metric",
        (Estimate, Lang::Nl) => "Schatting",
        (Estimate, Lang::En) => "Estimate",
        (PPass, Lang::Nl) => "P(doel gehaald)",
        (PPass, Lang::En) => "P(target met)",
        (Source, Lang::Nl) => "Bron",
        (Source, Lang::En) => "Source",
        (Adkar, Lang::Nl) => "ADKAR",
        (Adkar, Lang::En) => "ADKAR",
        (GroupBarrier, Lang::Nl) => "Knelpunt van de groep",
        (GroupBarrier, Lang::En) => "Group barrier",
        (NoBarrier, Lang::Nl) => "geen",
        (NoBarrier, Lang::En) => "none",
        (IndividualBarriers, Lang::Nl) => "Persoonlijke knelpunten",
        (IndividualBarriers, Lang::En) => "Individual barriers",
        (Actions, Lang::Nl) => "Acties",
        (Actions, Lang::En) => "Actions",
        (Counterfactuals, Lang::Nl) => "Wat de uitkomst zou veranderen",
        (Counterfactuals, Lang::En) => "What would change the outcome",
        (HelpdeskForecast, Lang::Nl) => "Verwachting helpdesk",
        (HelpdeskForecast, Lang::En) => "Helpdesk forecast",
        (Suppressed, Lang::Nl) => "Groepen zonder eigen cijfers",
        (Suppressed, Lang::En) => "Groups without figures of their own",
        (SuppressedNote, Lang::Nl) => {
            "Groepen van minder dan 5 mensen krijgen nooit eigen cijfers, en ook een groep waaruit zo'n kleine groep terug te rekenen zou zijn niet; hieronder staat alleen hun omvang. Hun mensen tellen wel mee in de golf."
        }
        (SuppressedNote, Lang::En) => {
            "Groups of fewer than 5 people never get figures of their own, nor does a group from which such a small one could be worked out; only their size is shown below. Their people still count in the wave."
        }
        (Assessed, Lang::Nl) => "Beoordeeld",
        (Assessed, Lang::En) => "Assessed",
        (DimensionFailures, Lang::Nl) => "Dimensies die in een segment falen",
        (DimensionFailures, Lang::En) => "Dimensions failing in a segment",
        (FailsIn, Lang::Nl) => "faalt in",
        (FailsIn, Lang::En) => "fails in",
        (ForecastBy, Lang::Nl) => "per",
        (ForecastBy, Lang::En) => "by",
        (ForecastRest, Lang::Nl) => "overigen",
        (ForecastRest, Lang::En) => "others",
        (Notes, Lang::Nl) => "Opmerkingen",
        (Notes, Lang::En) => "Notes",
        (Method, Lang::Nl) => "Zo lees je dit rapport",
        (Method, Lang::En) => "How to read this report",
        (MethodText, Lang::Nl) => {
            "Elke meetwaarde is een schatting met onzekerheid. Een meetwaarde voldoet als de kans dat het doel gehaald is minstens 80% is, en is onvoldoende als de kans op een duidelijke onderschrijding minstens 80% is; met te weinig gegevens telt ze nooit als voldoende. Scores lopen van 0 tot 100; besluiten gebruiken de voorzichtige score (10e percentiel). Gereedheid is een gewogen meetkundig gemiddelde van de dimensies, zodat één zwakke dimensie niet wegvalt tegen de andere."
        }
        (MethodText, Lang::En) => {
            "Every metric is an estimate with its uncertainty. A metric passes when the probability that it meets its target is at least 80%, and fails when a clear shortfall has at least 80% probability; with too little evidence it never counts as a pass. Scores run from 0 to 100; decisions use the conservative score (10th percentile). Readiness is a weighted geometric mean of the dimensions, so one weak dimension cannot be averaged away."
        }
        (NoGates, Lang::Nl) => "Geen poort gesloten.",
        (NoGates, Lang::En) => "No gate fired.",
        (Effect, Lang::Nl) => "Gevolg",
        (Effect, Lang::En) => "Effect",
        (CountsInWave, Lang::Nl) => "telt mee in de golf",
        (CountsInWave, Lang::En) => "counts in the wave",
        (ResolvedBySplit, Lang::Nl) => "opgelost door te splitsen",
        (ResolvedBySplit, Lang::En) => "resolved by the split",
        (HeldInSplit, Lang::Nl) => "aangehouden bij het splitsen",
        (HeldInSplit, Lang::En) => "held back in the split",
        (NoActions, Lang::Nl) => "Geen acties nodig.",
        (NoActions, Lang::En) => "No actions needed.",
        (Score, Lang::Nl) => "Score",
        (Score, Lang::En) => "Score",
        (Dimension, Lang::Nl) => "Dimensie",
        (Dimension, Lang::En) => "Dimension",
        (Data, Lang::Nl) => "Gegevens",
        (Data, Lang::En) => "Data",
        (Hidden, Lang::Nl) => "verborgen (minder dan 5 mensen)",
        (Hidden, Lang::En) => "hidden (fewer than 5 people)",
        (Confined, Lang::Nl) => "beperkt tot dit segment",
        (Confined, Lang::En) => "confined to this segment",
        (WholeWave, Lang::Nl) => "geldt voor de hele golf",
        (WholeWave, Lang::En) => "applies to the whole wave",
        (MoreEvidence, Lang::Nl) => "Meer bewijs nodig",
        (MoreEvidence, Lang::En) => "More evidence needed",
        (NoneWord, Lang::Nl) => "geen",
        (NoneWord, Lang::En) => "none",
        (EnrollmentTimeline, Lang::Nl) => "Inschrijving per golf",
        (EnrollmentTimeline, Lang::En) => "Enrollment per wave",
        (EnrollmentNote, Lang::Nl) => {
            "Per golf de geplande omvang, de mensen die de personeelslijst in die golf noemt, en hoeveel van hen aan het eind van de beoordelingsdatum een apparaat hadden ingeschreven (hun eerste). Een golf van minder dan 5 mensen toont dat niet, en ook niet de golf waaruit het terug te rekenen zou zijn."
        }
        (EnrollmentNote, Lang::En) => {
            "For each wave: the planned size, the people the roster puts in it, and how many of them had enrolled a device (their first) by the end of the evaluation date. A wave of fewer than 5 people does not show this, nor does the wave from which it could be worked out."
        }
        (EnrollmentNoDevices, Lang::Nl) => {
            "Er is geen devices.csv ingelezen: wie een apparaat heeft ingeschreven is niet bekend."
        }
        (EnrollmentNoDevices, Lang::En) => {
            "No devices.csv was read: who has enrolled a device is not known."
        }
        (Wave, Lang::Nl) => "Golf",
        (Wave, Lang::En) => "Wave",
        (Start, Lang::Nl) => "Start",
        (Start, Lang::En) => "Start",
        (End, Lang::Nl) => "Einde",
        (End, Lang::En) => "End",
        (InRoster, Lang::Nl) => "In de personeelslijst",
        (InRoster, Lang::En) => "In the roster",
        (EnrolledBy, Lang::Nl) => "Ingeschreven op",
        (EnrolledBy, Lang::En) => "Enrolled by",
        (Share, Lang::Nl) => "Aandeel",
        (Share, Lang::En) => "Share",
        (Withheld, Lang::Nl) => "verborgen",
        (Withheld, Lang::En) => "hidden",
    }
}
