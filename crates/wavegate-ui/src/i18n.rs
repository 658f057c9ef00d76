//! Interface messages in Dutch and English: the macro every app declares its messages with, and
//! the messages both apps share (errors, loading, the language switch).
//!
//! A message is declared once with both translations; the macro makes a key without one of them
//! a compile error, so no screen can show a half-translated string. Texts that belong to the
//! domain (survey questions, scale labels, validation messages) come from `wavegate-core`.

use leptos::prelude::*;
pub use wavegate_core::i18n::Lang;

/// A message of an interface, in either language.
pub trait Message: Copy + Send + Sync + 'static {
    /// The message in `lang`.
    fn text(self, lang: Lang) -> &'static str;
}

/// Declares an enum of interface messages, each with its Dutch and its English text:
///
/// ```ignore
/// wavegate_ui::messages! {
///     /// The planner's messages.
///     pub enum Msg {
///         SignIn => "Aanmelden", "Sign in";
///     }
/// }
/// ```
///
/// A key with one text only does not match the macro's pattern and so does not compile.
#[macro_export]
macro_rules! messages {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => $nl:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name { $(#[doc = $en] $key),* }

        impl $name {
            /// Every message, for completeness tests.
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// The message in `lang`.
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, $crate::i18n::Lang::Nl) => $nl,
                      ($name::$key, $crate::i18n::Lang::En) => $en,)*
                }
            }
        }

        impl $crate::i18n::Message for $name {
            fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                $name::text(self, lang)
            }
        }
    };
}

messages! {
    /// Messages both apps show.
    pub enum UiMsg {
        AppName => "Wavegate", "Wavegate";
        SkipToContent => "Naar de inhoud", "Skip to content";
        SwitchLanguage => "English", "Nederlands";
        SwitchLanguageHint => "Switch to English", "Schakel over naar Nederlands";
        Loading => "Bezig met laden…", "Loading…";
        Retry => "Opnieuw proberen", "Try again";
        BusyTitle => "Even geduld", "One moment, please";
        BusyBody => "Het is nu even erg druk. Probeer het over een paar seconden opnieuw.", "It's very busy right now. Please try again in a few seconds.";
        BackHome => "Naar de startpagina", "Go to the home page";
        LinkInvalidTitle => "Deze link werkt niet", "This link doesn't work";
        LinkInvalid => "Open de link uit je uitnodiging opnieuw, en gebruik de hele link. Werkt hij dan nog niet, vraag de helpdesk van je organisatie om een nieuwe.", "Open the link in your invitation again, and use the whole link. If it still doesn't work, ask your organisation's helpdesk for a new one.";
        HelpHint => "Vragen of problemen met je apparaat? Neem contact op met de helpdesk van je organisatie.", "Questions or problems with your device? Contact your organisation's helpdesk.";
        HelpTitle => "Hulp nodig?", "Need help?";
        FaqLink => "Veelgestelde vragen", "Frequently asked questions";

        ErrorOffline => "Geen verbinding met de server. Controleer je verbinding en probeer het opnieuw.", "No connection to the server. Check your connection and try again.";
        ErrorAppOutOfDate => "De app en de server passen niet bij elkaar. Laad de pagina opnieuw en probeer het nog eens.", "The app and the server don't match. Reload the page and try again.";
        ErrorBadAddress => "Dit adres klopt niet. Controleer of je de volledige link hebt gebruikt.", "This address isn't right. Check that you used the whole link.";
        ErrorNotFound => "Niet gevonden: dit bestaat niet (meer). Vernieuw het overzicht.", "Not found: this may have been removed. Refresh the overview.";
        ErrorTooLarge => "Dit is te veel om in één keer te versturen. Maak het bestand of de lijst kleiner.", "This is too much to send at once. Make the file or the list smaller.";
        ErrorTimeout => "Het versturen duurde te lang; er is niets opgeslagen. Probeer het opnieuw.", "Sending took too long; nothing was stored. Please try again.";
        ErrorTrainingRefused => "Deze stap kan nu niet (bijvoorbeeld: geen pogingen meer, of de wachttijd loopt nog).", "You can't do this right now (for example, no attempts are left or the waiting time isn't over).";
        ErrorLinkExpired => "Deze link is verlopen. Vraag de helpdesk om een nieuwe link.", "This link has expired. Ask the helpdesk for a new link.";
        ErrorLinkRevoked => "Deze link is ingetrokken. Vraag de helpdesk om een nieuwe link als je nog wilt antwoorden.", "This link has been withdrawn. Ask the helpdesk for a new link if you still want to answer.";
        ErrorRateLimited => "Het is nu even erg druk. Probeer het over een paar seconden opnieuw.", "It's very busy right now. Please try again in a few seconds.";
        ErrorServer => "Er ging iets mis op de server. Er is niets opgeslagen; probeer het later opnieuw.", "Something went wrong on the server. Nothing was stored; please try again later.";
        ErrorUnknown => "Er ging iets mis. Probeer het later opnieuw of neem contact op met je contactpersoon.", "Something went wrong. Try again later or get in touch with your contact person.";
    }
}

messages! {
    /// The page of an address that leads nowhere, in the respondent app and the planner (the
    /// trainee app answers every address with its link's page, so its bundle carries neither).
    pub enum NotFoundMsg {
        Title => "Pagina niet gevonden", "Page not found";
        Body => "Controleer de link of ga terug naar de startpagina.", "Check the link or go back to the home page.";
    }
}

messages! {
    /// The messages of the error codes only a respondent meets (a response or draft refused):
    /// the respondent app and the planner show them, and the trainee's bundle, which never
    /// meets these codes, carries none of them.
    pub enum RespondentMsg {
        ErrorAlreadySubmitted => "Je hebt deze vragenlijst al ingevuld. Bedankt!", "You've already filled in this survey. Thank you!";
        ErrorDraftChanged => "Je antwoorden zijn intussen op een ander apparaat opgeslagen. Laad de pagina opnieuw om verder te gaan met de nieuwste.", "Your answers have since been saved on another device. Reload the page to continue with the latest ones.";
        ErrorInvalidResponse => "Niet alle antwoorden zijn geldig. Bekijk je antwoorden en probeer het opnieuw.", "Not all answers are valid. Check your answers and try again.";
        ErrorInvalidResponseId => "Je antwoorden konden niet worden herkend. Laad de pagina opnieuw en verstuur ze nog eens; ze zijn bewaard.", "Your answers couldn't be recognised. Reload the page and send them again; they're saved.";
        ErrorWrongSurvey => "Deze antwoorden horen bij een andere vragenlijst dan deze link.", "These answers are for a different survey than this link.";
        ErrorUnknownVersion => "Deze versie van de vragenlijst is niet meer beschikbaar. Laad de pagina opnieuw; je antwoorden zijn bewaard.", "This version of the survey is no longer available. Reload the page; your answers are saved.";
        ErrorLinkFull => "Via deze link zijn al net zoveel antwoorden gegeven als de groep mensen telt. Nog niet geantwoord? Vraag de helpdesk om hulp.", "This link already has as many answers as its group has people. Not answered yet? Ask the helpdesk for help.";
    }
}

/// The current language, shared through context.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<RwSignal<Lang>>().unwrap_or_else(|| RwSignal::new(Lang::default()))
}

/// A reactive message in the current language.
pub fn t(msg: impl Message) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || msg.text(lang.get())
}

/// A number of things in words, right for one: `one` for 1, else `many` with `{n}` filled in
/// ("1 antwoord", "8 antwoorden").
pub fn counted(n: u64, one: impl Message, many: impl Message, lang: Lang) -> String {
    if n == 1 {
        one.text(lang).to_string()
    } else {
        fill(many, lang, &[("n", wavegate_core::i18n::count(n, lang))])
    }
}

/// A message with `{name}` placeholders filled in.
pub fn fill(msg: impl Message, lang: Lang, values: &[(&str, String)]) -> String {
    let mut s = msg.text(lang).to_string();
    for (name, value) in values {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// The `{name}` placeholders of a message text, in order (for completeness tests).
pub fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// Whether every message of `all` has both texts and the same placeholders in each; returns the
/// first that does not (for each app's completeness test).
pub fn first_incomplete<M: Message + std::fmt::Debug>(all: &[M]) -> Option<M> {
    all.iter().copied().find(|m| {
        let (nl, en) = (m.text(Lang::Nl), m.text(Lang::En));
        let (mut a, mut b) = (placeholders(nl), placeholders(en));
        a.sort_unstable();
        b.sort_unstable();
        nl.trim().is_empty() || en.trim().is_empty() || a != b
    })
}
