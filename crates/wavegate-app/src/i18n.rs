//! The respondent app's words in Dutch and English (the messages both apps share, such as
//! errors, are [`wavegate_ui::i18n::UiMsg`]).
//!
//! Texts that belong to the domain (survey questions, scale labels, validation messages) come
//! from `wavegate-core`.

pub use wavegate_ui::i18n::{Lang, UiMsg, fill, t, use_lang};

wavegate_ui::messages! {
    /// A message of the respondent's interface.
    pub enum Msg {
        HomeTitle => "Samen klaar voor de overstap", "Ready for the switch, together";
        HomeIntro => "Wavegate helpt je organisatie apparaatbeheer stap voor stap in te voeren: in groepen, met jouw feedback en korte trainingen.", "Wavegate helps your organisation introduce device management step by step: in groups, with your feedback and short training.";
        HomeRespondent => "Heb je een uitnodiging gekregen? Open de link uit je e-mail of bericht. Kun je die niet vinden of werkt hij niet? Vraag de helpdesk van je organisatie om een nieuwe.", "Got an invitation? Open the link in your e-mail or message. Can't find it, or it doesn't work? Ask your organisation's helpdesk for a new one.";
        HomePlanner => "Planner? Meld je aan", "Planner? Sign in";

        LinkExpiredTitle => "Deze link is verlopen", "This link has expired";
        LinkExpiredTitleOf => "Je link voor ‘{survey}’ is verlopen", "Your link for ‘{survey}’ has expired";
        LinkExpiredBody => "De periode om deze vragenlijst in te vullen is voorbij. Wil je toch nog antwoorden? Vraag de helpdesk om een nieuwe link.", "The time for answering this survey is over. Still want to answer? Ask the helpdesk for a new link.";
        LinkRevokedTitle => "Deze link werkt niet meer", "This link no longer works";
        LinkRevokedBody => "De organisatie heeft deze link ingetrokken. Heb je een nieuwe link gekregen, gebruik die dan. Anders kan de helpdesk je helpen.", "Your organisation has withdrawn this link. If you've received a new one, use that. Otherwise, the helpdesk can help.";
        InvitationOfflineNoCopy => "Je bent offline en deze vragenlijst is nog niet op dit apparaat geladen. Probeer het opnieuw als je verbinding hebt.", "You're offline and this survey hasn't been loaded on this device yet. Try again when you're back online.";
        UsingSavedCopy => "Je bent offline. Je kunt gewoon verder: je antwoorden worden op dit apparaat bewaard en later verstuurd.", "You're offline. You can carry on: your answers are saved on this device and sent later.";
        Required => "verplicht", "required";
        RequiredLegend => "Vragen met * zijn verplicht.", "Questions marked * are required.";
        PageOf => "Pagina {n} van {total}", "Page {n} of {total}";
        Next => "Volgende", "Next";
        Previous => "Vorige", "Previous";
        Submit => "Versturen", "Submit";
        Submitting => "Bezig met versturen…", "Submitting…";
        FixErrors => "Niet alles is goed ingevuld. Bekijk de gemarkeerde vragen.", "Some answers aren't filled in correctly. Please check the marked questions.";
        DraftSaved => "Je antwoorden worden op dit apparaat bewaard. Je kunt later verdergaan.", "Your answers are saved on this device, so you can continue later.";
        Resumed => "Welkom terug. Je gaat verder waar je gebleven was.", "Welcome back. Pick up where you left off.";
        AnonymousResumed => "Op dit apparaat stonden al antwoorden. Niet van jou? Begin opnieuw.", "This device already had answers. Not yours? Start over.";
        StartOver => "Opnieuw beginnen", "Start over";
        QueuedTitle => "Nog niet verstuurd", "Not sent yet";
        QueuedBusy => "Het is nu even erg druk. Je antwoorden zijn bewaard op dit apparaat en worden over een paar seconden vanzelf verstuurd. Laat deze pagina nog even open.", "It's very busy right now. Your answers are saved on this device and will be sent automatically in a few seconds. Please keep this page open a little longer.";
        QueuedServerProblem => "Er ging iets mis op de server. Je antwoorden zijn bewaard op dit apparaat en worden vanzelf opnieuw verstuurd zodra het weer lukt.", "Something went wrong on the server. Your answers are saved on this device and will be sent again automatically as soon as possible.";
        QueuedOffline => "Je bent offline. Je antwoorden zijn bewaard op dit apparaat en worden verstuurd zodra je weer verbinding hebt en deze pagina open is. Sluit je deze pagina toch, open de link dan later opnieuw om ze te versturen.", "You're offline. Your answers are saved on this device and will be sent when you're back online, as long as this page is open. If you close it, open this link again later to send them.";
        RetryNow => "Nu opnieuw proberen", "Try again now";
        ThanksTitle => "Bedankt voor je antwoorden!", "Thank you for your answers!";
        ThanksBody => "Je antwoorden zijn ontvangen. Ze helpen ons de volgende groepen beter voor te bereiden.", "We've received your answers. They help us prepare the next groups better.";
        AnsweredOfflineBody => "Je bent nu offline. Wil iemand anders de vragenlijst op dit apparaat invullen, open deze link dan opnieuw als je weer verbinding hebt.", "You're offline now. If someone else wants to answer the survey on this device, open this link again when you're back online.";
        AlreadySubmitted => "Je hebt deze vragenlijst al ingevuld. Bedankt!", "You've already filled in this survey. Thank you!";
        AnsweredBeforeTitle => "Deze vragenlijst was al ingevuld", "This survey has already been answered";
        AnsweredBeforeBody => "Je antwoorden waren al eerder verstuurd, bijvoorbeeld op een ander apparaat. De antwoorden die je hier gaf, zijn niet bewaard: de eerste antwoorden tellen. Je hoeft verder niets te doen.", "Your answers had already been sent, perhaps from another device. The answers you gave here weren't saved: the first ones count. You don't need to do anything else.";
        SubmittedAt => "Ontvangen op", "Received on";
        SubmitFailed => "Versturen is niet gelukt", "Couldn't submit";
        AnotherResponse => "Iemand anders laten invullen", "Let someone else answer";
        OtherPlaceholder => "Typ hier je antwoord…", "Type your answer here…";
        CharactersLeft => "{n} tekens over", "{n} characters left";
        MoveUp => "Omhoog", "Move up";
        MoveDown => "Omlaag", "Move down";
        RankNowAt => "{item} staat nu op plaats {n} van {total}.", "{item} is now in place {n} of {total}.";
        ChooseBetween => "Kies {min} tot {max}", "Choose {min} to {max}";
        ChooseAtLeast => "Kies er ten minste {min}", "Choose at least {min}";
        ChooseAtMost => "Kies er hoogstens {max}", "Choose at most {max}";
        Progress => "Voortgang", "Progress";
        OfflineTitle => "Nog niet beschikbaar zonder verbinding", "Not available offline yet";
        FailedTitle => "Er ging iets mis", "Something went wrong";
        DraftSavedEverywhere => "Je antwoorden worden bewaard. Open je link op een ander apparaat om daar verder te gaan.", "Your answers are saved. Open your link on another device to continue there.";
        ResumedSaved => "Je gaat verder waar je was gebleven (bewaard op {time}).", "Picking up where you left off (saved on {time}).";
        ResumedFromOtherDevice => "Je gaat verder met de nieuwere antwoorden die je op een ander apparaat gaf (bewaard op {time}).", "Continuing with the newer answers you gave on another device (saved on {time}).";
        KeptThisDevice => "De antwoorden op dit apparaat zijn nieuwer dan die van je andere apparaat. Je gaat verder met die van dit apparaat.", "The answers on this device are newer than those on your other device, so you're continuing with these.";
        AnonymousNote => "Deze vragenlijst is anoniem: niemand kan je antwoorden aan jou koppelen.", "This survey is anonymous: nobody can link your answers to you.";
        NotYouClear => "Niet jij? Verwijder deze vragenlijst van dit apparaat", "Not you? Remove this survey from this device";
        ClearLosesUnsaved => "Op dit apparaat staan antwoorden die nog niet op de server bewaard zijn. Verwijder je de vragenlijst van dit apparaat, dan ben je die kwijt. Antwoorden die al op de server bewaard zijn, blijven daar en staan weer klaar als je de link opnieuw opent.", "This device has answers that aren't saved on the server yet. If you remove the survey from this device, they'll be lost. Answers already saved on the server stay there and come back when you open the link again.";
        ClearLosesAll => "Op dit apparaat staan antwoorden die nog niet op de server bewaard zijn. Verwijder je de vragenlijst van dit apparaat, dan ben je die kwijt. Wat hier eerder is beantwoord, wordt ook van de server verwijderd.", "This device has answers that aren't saved on the server yet. If you remove the survey from this device, they'll be lost. Anything answered here earlier is removed from the server too.";
        ClearKeepsSaved => "Alles van deze vragenlijst wordt van dit apparaat verwijderd. Antwoorden die al op de server bewaard zijn, blijven daar en staan weer klaar als je de link opnieuw opent.", "Everything from this survey is removed from this device. Answers already saved on the server stay there and come back when you open the link again.";
        ClearTakesBackSaved => "Alles van deze vragenlijst wordt van dit apparaat verwijderd, en wat hier is beantwoord ook van de server.", "Everything from this survey is removed from this device, and anything answered here is removed from the server too.";
        ClearConfirm => "Ja, verwijderen", "Yes, remove";
        ClearCancel => "Annuleren", "Cancel";
        DeviceCleared => "De vragenlijst is van dit apparaat verwijderd", "The survey has been removed from this device";
        DeviceClearedBody => "Niets van deze vragenlijst staat nog op dit apparaat, en wat hier is beantwoord ook niet meer op de server.", "Nothing from this survey is left on this device, and anything answered here is no longer on the server either.";
        MatrixItemMissing => "Kies een antwoord bij deze uitspraak.", "Choose an answer for this statement.";
    }
}
