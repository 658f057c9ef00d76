//! The app's words in Dutch and English.
//!
//! Every message is declared once with both translations; the macro makes a key without one of
//! them a compile error, so no screen can show a half-translated string. Texts that belong to
//! the domain (survey questions, scale labels, validation messages) come from `wavegate-core`.

use leptos::prelude::*;
pub use wavegate_core::i18n::Lang;

macro_rules! messages {
    ($($key:ident => $nl:literal, $en:literal;)*) => {
        /// A message of the app's interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $(#[doc = $en] $key),* }

        impl Msg {
            /// Every message, for completeness tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The message in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Nl) => $nl, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    AppName => "Wavegate", "Wavegate";
    SkipToContent => "Naar de inhoud", "Skip to content";
    SwitchLanguage => "English", "Nederlands";
    SwitchLanguageHint => "Switch to English", "Schakel over naar Nederlands";
    Loading => "Bezig met laden…", "Loading…";
    HomeTitle => "Samen klaar voor de overstap", "Ready for the switch, together";
    HomeIntro => "Wavegate helpt je organisatie apparaatbeheer stap voor stap in te voeren: in groepen, met jouw feedback en korte trainingen.", "Wavegate helps your organisation introduce device management step by step: in groups, with your feedback and short training.";
    HomeRespondent => "Heb je een uitnodiging gekregen? Open de persoonlijke link uit je e-mail of bericht.", "Received an invitation? Open the personal link from your e-mail or message.";
    HomePlanner => "Planner? Meld je aan", "Planner? Sign in";
    NotFoundTitle => "Pagina niet gevonden", "Page not found";
    NotFoundBody => "Controleer de link of ga terug naar de startpagina.", "Check the link or go back to the start page.";
    BackHome => "Naar de startpagina", "Go to the start page";

    InvitationInvalid => "Deze link is niet (meer) geldig. Controleer of je de volledige link hebt gebruikt, of vraag een nieuwe aan bij je contactpersoon.", "This link is not valid (any more). Check that you used the whole link, or ask your contact person for a new one.";
    InvitationOfflineNoCopy => "Je bent offline en deze vragenlijst is nog niet op dit apparaat geladen. Probeer het opnieuw als je verbinding hebt.", "You are offline and this survey has not been loaded on this device yet. Try again when you are connected.";
    UsingSavedCopy => "Je bent offline. Je kunt gewoon verder: je antwoorden worden op dit apparaat bewaard en later verstuurd.", "You are offline. You can carry on: your answers are kept on this device and sent later.";
    Required => "verplicht", "required";
    RequiredLegend => "Vragen met * zijn verplicht.", "Questions marked * are required.";
    PageOf => "Pagina {n} van {total}", "Page {n} of {total}";
    Next => "Volgende", "Next";
    Previous => "Vorige", "Previous";
    Submit => "Versturen", "Submit";
    Submitting => "Bezig met versturen…", "Submitting…";
    FixErrors => "Niet alles is goed ingevuld. Bekijk de gemarkeerde vragen.", "Not everything is filled in correctly. Please check the marked questions.";
    DraftSaved => "Je antwoorden worden op dit apparaat bewaard. Je kunt later verdergaan.", "Your answers are kept on this device. You can continue later.";
    Resumed => "Welkom terug. Je gaat verder waar je gebleven was.", "Welcome back. You continue where you left off.";
    QueuedOffline => "Je bent offline. Je antwoorden zijn bewaard en worden automatisch verstuurd zodra je weer verbinding hebt. Je kunt deze pagina sluiten.", "You are offline. Your answers are saved and will be sent automatically as soon as you are connected again. You can close this page.";
    RetryNow => "Nu opnieuw proberen", "Try again now";
    ThanksTitle => "Bedankt voor je antwoorden!", "Thank you for your answers!";
    ThanksBody => "Je antwoorden zijn ontvangen. Ze helpen ons de volgende groepen beter voor te bereiden.", "Your answers have been received. They help us prepare the next groups better.";
    AlreadySubmitted => "Je hebt deze vragenlijst al ingevuld. Bedankt!", "You have already filled in this survey. Thank you!";
    SubmittedAt => "Ontvangen op", "Received on";
    HelpHint => "Vragen of problemen met je apparaat? Neem contact op met de servicedesk van je organisatie.", "Questions or problems with your device? Contact your organisation's service desk.";
    SubmitFailed => "Versturen is niet gelukt", "Submitting failed";
    AnotherResponse => "Nog een antwoord invullen", "Fill in another response";
    OtherPlaceholder => "Namelijk…", "Namely…";
    CharactersLeft => "{n} tekens over", "{n} characters left";
    MoveUp => "Omhoog", "Move up";
    MoveDown => "Omlaag", "Move down";
    ChooseBetween => "Kies {min} tot {max}", "Choose {min} to {max}";
    ChooseAtLeast => "Kies er ten minste {min}", "Choose at least {min}";
    ChooseAtMost => "Kies er hoogstens {max}", "Choose at most {max}";
    Progress => "Voortgang", "Progress";

    PlannerTitle => "Planneroverzicht", "Planner overview";
    SignInTitle => "Aanmelden als planner", "Sign in as planner";
    SignInHint => "Meld je aan met het e-mailadres en wachtwoord van je account.", "Sign in with your account's e-mail address and password.";
    EmailLabel => "E-mailadres", "E-mail address";
    PasswordLabel => "Wachtwoord", "Password";
    SignIn => "Aanmelden", "Sign in";
    SignOut => "Afmelden", "Sign out";
    SignInFailed => "Het e-mailadres of het wachtwoord klopt niet.", "The e-mail address or the password is not right.";
    NoPrograms => "Er zijn nog geen programma's.", "There are no programs yet.";
    Surveys => "Vragenlijsten", "Surveys";
    Responses => "Antwoorden", "Responses";
    Invitations => "Uitnodigingen", "Invitations";
    ResponseRate => "Respons", "Response rate";
    Version => "Versie", "Version";
    Anonymous => "anoniem", "anonymous";
    ShowResults => "Resultaten bekijken", "View results";
    ResultsTitle => "Resultaten", "Results";
    RespondentsN => "{n} respondenten", "{n} respondents";
    NoResponsesYet => "Nog geen antwoorden.", "No responses yet.";
    Median => "Mediaan", "Median";
    TopBox => "Eens (top-2)", "Agree (top 2)";
    BottomBox => "Oneens (bottom-2)", "Disagree (bottom 2)";
    Answered => "beantwoord", "answered";
    SuppressedSmallGroup => "Minder dan 5 antwoorden: niet getoond om respondenten te beschermen.", "Fewer than 5 answers: not shown to protect respondents.";
    TextAnswersCount => "{n} open antwoorden", "{n} open answers";
    Refresh => "Vernieuwen", "Refresh";
    LoadFailed => "Laden is niet gelukt.", "Loading failed.";
    Retry => "Opnieuw proberen", "Try again";
    DownloadCsv => "Antwoorden downloaden (CSV)", "Download responses (CSV)";
    DownloadInvitations => "Uitnodigingslinks downloaden (CSV)", "Download invitation links (CSV)";
    SusScore => "SUS-score", "SUS score";
    NpsScore => "NPS", "NPS";
    Choice => "Keuze", "Choice";
    MeanRank => "Gemiddelde plaats", "Mean rank";
    RankedFirst => "Keer als eerste gekozen", "Times ranked first";

    ErrorOffline => "Geen verbinding met de server. Controleer je verbinding en probeer het opnieuw.", "No connection to the server. Check your connection and try again.";
    ErrorAppOutOfDate => "De app en de server passen niet bij elkaar. Laad de pagina opnieuw en probeer het nog eens.", "The app and the server do not match. Reload the page and try again.";
    ErrorBadAddress => "Dit adres klopt niet. Controleer of je de volledige link hebt gebruikt.", "This address is not right. Check that you used the whole link.";
    ErrorUnauthorized => "Je bent niet (meer) aangemeld als planner. Meld je opnieuw aan.", "You are not signed in as a planner (any more). Please sign in again.";
    ErrorNotFound => "Niet gevonden: dit bestaat niet (meer). Vernieuw het overzicht.", "Not found: this does not exist (any more). Refresh the overview.";
    ErrorVersionPublished => "Deze versie van de vragenlijst is al gepubliceerd en verandert niet meer. Publiceer een nieuwe versie.", "This version of the survey is already published and cannot change. Publish a new version.";
    ErrorTooLarge => "Dit is te veel om in één keer te versturen. Maak de antwoorden of de lijst korter.", "This is too much to send at once. Make the answers or the list shorter.";
    ErrorInvalidResponse => "Niet alle antwoorden zijn geldig. Bekijk je antwoorden en probeer het opnieuw.", "Not all answers are valid. Check your answers and try again.";
    ErrorInvalidResponseId => "Je antwoorden konden niet worden herkend. Laad de pagina opnieuw en verstuur ze nog eens; ze zijn bewaard.", "Your answers could not be recognised. Reload the page and send them again; they are kept.";
    ErrorWrongSurvey => "Deze antwoorden horen bij een andere vragenlijst dan deze link.", "These answers belong to another survey than this link.";
    ErrorUnknownVersion => "Deze versie van de vragenlijst is niet meer beschikbaar. Laad de pagina opnieuw; je antwoorden zijn bewaard.", "This version of the survey is no longer available. Reload the page; your answers are kept.";
    ErrorInvalidInvitations => "Niet alle uitnodigingen zijn geldig; er is niets aangemaakt.", "Not all invitations are valid; none were created.";
    ErrorForbidden => "Je account mag hier alleen kijken, niets veranderen.", "Your account may only look here, not change anything.";
    ErrorSessionStale => "Je sessie is verlopen of in een ander tabblad vernieuwd. Laad de pagina opnieuw.", "Your session has expired or was renewed in another tab. Reload the page.";
    ErrorTimeout => "Het versturen duurde te lang; er is niets opgeslagen. Probeer het opnieuw.", "Sending took too long; nothing was stored. Please try again.";
    ErrorNoRoster => "Laad eerst de roster van het programma.", "Upload the program's roster first.";
    ErrorInvalidProgram => "Het programma klopt niet; er is niets veranderd. Bekijk de regel die genoemd wordt.", "The program is not valid; nothing changed. Look at the line mentioned.";
    ErrorInvalidFile => "Het bestand is geweigerd; er is niets veranderd. Bekijk de regel die genoemd wordt.", "The file was refused; nothing changed. Look at the line mentioned.";
    ErrorInvalidSurvey => "De vragenlijst klopt niet; er is niets gepubliceerd.", "The survey is not valid; nothing was published.";
    ErrorInvalidSelection => "Voor deze golf of dit segment kunnen geen uitnodigingen worden gemaakt.", "No invitations can be made for this wave or segment.";
    ErrorInvalidSupport => "De helpdeskgegevens of de FAQ-link kloppen niet.", "The helpdesk details or the FAQ link are not valid.";
    ErrorInputsRejected => "De bestanden van het programma passen niet bij elkaar; er is niets beoordeeld. Bekijk het bestand en de regel die genoemd worden.", "The program's files do not fit together; nothing was evaluated. Look at the file and line mentioned.";
    ErrorBusy => "De server is nog met andere beoordelingen bezig. Probeer het over enkele seconden opnieuw.", "The server is still busy with other evaluations. Try again in a few seconds.";
    ErrorTooManyAttempts => "Te veel mislukte pogingen. Wacht even en probeer het dan opnieuw.", "Too many failed attempts. Wait a while, then try again.";
    ErrorServer => "Er ging iets mis op de server. Er is niets opgeslagen; probeer het later opnieuw.", "Something went wrong on the server. Nothing was stored; please try again later.";
    ErrorUnknown => "Er ging iets mis. Probeer het later opnieuw of neem contact op met je contactpersoon.", "Something went wrong. Try again later or contact your contact person.";
}

/// The current language, shared through context.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<RwSignal<Lang>>().unwrap_or_else(|| RwSignal::new(Lang::default()))
}

/// A reactive message in the current language.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || msg.text(lang.get())
}

/// A message with `{name}` placeholders filled in.
pub fn fill(msg: Msg, lang: Lang, values: &[(&str, String)]) -> String {
    let mut s = msg.text(lang).to_string();
    for (name, value) in values {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}
