//! The trainee app's words in Dutch and English (shared ones, such as errors, are
//! [`wavegate_ui::i18n::UiMsg`]); module texts, quiz feedback and refusals come from the core.

use leptos::prelude::Get;
use wavegate_core::i18n::Text;
pub use wavegate_ui::i18n::{Lang, UiMsg, counted, fill, t, use_lang};

/// A text of the module (a title, an option, feedback) in the page's language, following a
/// switch. One closure type for every such text, so the bundle carries one copy of the code
/// that draws and redraws it rather than one per place (the trainee's download is counted in
/// bytes).
pub fn tr(text: Text) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let lang = use_lang();
    move || text.get(lang.get()).to_string()
}

/// A message as a text in both languages, for a view that also shows texts filled in.
pub fn said(msg: Msg) -> Text {
    Text::new(msg.text(Lang::Nl), msg.text(Lang::En))
}

/// A text in both languages, each made by `f` (a message filled in, a date written), to show
/// with [`tr`] and so share its code.
pub fn both(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::Nl), f(Lang::En))
}

wavegate_ui::messages! {
    /// A message of the trainee's interface.
    pub enum Msg {
        MyTraining => "Mijn training", "My training";
        Hello => "Hallo {name}, dit is je training voor {program}.", "Hello {name}, this is your training for {program}.";
        NothingAssigned => "Er is (nog) geen training voor je klaargezet.", "No training has been assigned to you yet.";
        Minutes => "{n} minuten", "{n} minutes";
        ShareDone => "{n}% klaar", "{n}% done";
        Done => "Afgerond", "Done";
        Open => "Openen", "Open";
        OpenModule => "{title} openen", "Open {title}";
        Back => "Terug naar mijn training", "Back to my training";
        OfflineNoCopy => "Je bent offline en je training is nog niet op dit apparaat geladen. Probeer het opnieuw als je verbinding hebt.", "You're offline and your training hasn't been loaded on this device yet. Try again when you're back online.";
        OfflineCopy => "Je bent offline. Je kunt gewoon verder lezen en de quiz maken. Je voortgang wordt op dit apparaat bewaard en verstuurd zodra je weer verbinding hebt.", "You're offline. You can keep reading and taking the quiz. Your progress is saved on this device and sent once you're back online.";
        Pending => "{n} stappen van je voortgang staan nog alleen op dit apparaat. Ze worden verstuurd zodra je weer verbinding hebt.", "{n} steps of your progress are only on this device so far. They'll be sent once you're back online.";
        OnePending => "1 stap van je voortgang staat nog alleen op dit apparaat. Die wordt verstuurd zodra je weer verbinding hebt.", "1 step of your progress is only on this device so far. It'll be sent once you're back online.";
        AttemptRefused => "Je laatste quizpoging kon niet worden opgeslagen en telt dus niet mee. Doe de quiz nog een keer.", "Your last quiz attempt couldn't be saved, so it doesn't count. Please take the quiz again.";
        Updated => "Deze module is bijgewerkt. Lees alleen de gewijzigde lessen opnieuw en doe de vragen daarover opnieuw:", "This module has been updated. Reread only the changed lessons and retake their questions:";
        UpdatedRetake => "Deze module is bijgewerkt. Doe de vragen over wat er veranderd is opnieuw.", "This module has been updated. Retake the questions about what changed.";
        UpdatedToDo => "Bijgewerkt · nog te doen: {what}", "Updated · still to do: {what}";
        LessonAndQuestions => "1 les en de vragen erover", "1 lesson and its questions";
        LessonsAndQuestions => "{n} lessen en de vragen erover", "{n} lessons and their questions";
        ChangedQuestions => "de vragen over wat er veranderde", "the questions about what changed";
        LessonOf => "Les {n} van {total}", "Lesson {n} of {total}";
        Next => "Volgende", "Next";
        Begin => "Beginnen", "Start";
        ContinueReading => "Verder lezen", "Continue reading";
        LessonCount => "{n} lessen", "{n} lessons";
        OneLesson => "1 les", "1 lesson";
        Previous => "Vorige", "Previous";
        ToQuiz => "Naar de quiz", "Go to the quiz";
        AllLessons => "Alle lessen", "All lessons";
        RereadLessons => "Lessen opnieuw lezen", "Reread the lessons";
        BackToModule => "Terug naar de module", "Back to the module";
        StartQuiz => "Quiz starten", "Start the quiz";
        ResumeQuiz => "Verder met de quiz", "Continue the quiz";
        Quiz => "Quiz", "Quiz";
        LastAttemptFailed => "{verdict}: {percent}% goed bij je laatste poging.", "{verdict}: you got {percent}% on your last attempt.";
        QuestionOf => "Vraag {n} van {total}", "Question {n} of {total}";
        Check => "Controleren", "Check";
        ChooseFirst => "Kies eerst een antwoord.", "Choose an answer first.";
        Right => "Goed", "Right";
        Wrong => "Niet goed", "Wrong";
        Picked => "gekozen", "selected";
        PickedRight => "gekozen, goed", "selected, right";
        PickedWrong => "gekozen, niet goed", "selected, wrong";
        MissedRight => "juiste antwoord, niet gekozen", "correct answer, not chosen";
        SeeResults => "Uitslag bekijken", "See your results";
        Passed => "Geslaagd!", "Passed!";
        NotPassed => "Nog niet geslaagd", "Not passed yet";
        Closed => "Niet geslaagd", "Not passed";
        ScoreLine => "{correct} van {asked} goed", "{correct} of {asked} right";
        ScoreLinePercent => "{correct} van {asked} goed ({percent}%)", "{correct} of {asked} right ({percent}%)";
        PerTopic => "Per onderwerp", "Per topic";
        Retry => "Opnieuw proberen", "Try again";
        AttemptsLeft => "Nog {n} pogingen over.", "{n} attempts left.";
        OneAttemptLeft => "Nog één poging over.", "One attempt left.";
        AttemptsUnlimited => "Je mag de quiz zo vaak doen als je wilt.", "You may take the quiz as often as you like.";
        NoAttemptsLeft => "Je hebt alle pogingen voor deze quiz gebruikt: de quiz is gesloten.", "You've used all your attempts at this quiz, so it's closed.";
        AskToReopen => "Wil je hem toch nog een keer doen? Neem contact op met de helpdesk van je organisatie.", "Want to take it again? Contact your organisation's helpdesk.";
        QuizClosed => "quiz gesloten", "quiz closed";
        WaitUntil => "Een nieuwe poging kan vanaf {time}.", "You can try again from {time}.";
        WaitOver => "De wachttijd is voorbij: je kunt de quiz opnieuw doen.", "The wait is over: you can take the quiz again.";
        ShowCertificate => "Certificaat bekijken", "View the certificate";
        CertificateOfVersion => "Certificaat voor versie {n}", "Certificate for version {n}";
        Print => "Afdrukken", "Print";
        IssuedBy => "Uitgegeven door {program}", "Issued by {program}";
        Version => "Versie {n}", "Version {n}";
        CompletedOn => "Afgerond op {date}", "Completed on {date}";
        NotYou => "Niet jij? Verwijder deze training van dit apparaat", "Not you? Remove this training from this device";
        ClearLoses => "Verwijder je de training nu, dan gaat die voortgang verloren. Wacht daarom liever tot je weer verbinding hebt.", "If you remove the training now, that progress will be lost, so it's better to wait until you're back online.";
        ClearKeepsSent => "Alles van deze training wordt van dit apparaat verwijderd. Wat de server al had, blijft daar bewaard.", "Everything from this training is removed from this device. Anything the server already has stays there.";
        ClearConfirm => "Ja, verwijderen", "Yes, remove";
        ClearCancel => "Annuleren", "Cancel";
        ClearedTitle => "De training is van dit apparaat verwijderd", "The training has been removed from this device";
        Cleared => "Je training en voortgang zijn van dit apparaat verwijderd. Wat de server al had, blijft daar bewaard.", "Your training and progress have been removed from this device. Anything the server already had stays there.";
        Reopen => "Dit is mijn training: opnieuw openen", "This is my training: open it again";
        MoveUp => "{item} omhoog", "Move {item} up";
        MoveDown => "{item} omlaag", "Move {item} down";
        NowAt => "{item} staat nu op plaats {n} van {total}.", "{item} is now in position {n} of {total}.";
        TrueWord => "Waar", "True";
        FalseWord => "Niet waar", "False";
        LinkExpiredTitle => "Deze trainingslink is verlopen", "This training link has expired";
        LinkExpiredBody => "De periode voor deze training is voorbij. Wil je de training toch nog volgen? Vraag de helpdesk om een nieuwe link.", "The time for this training is over. Still want to take it? Ask the helpdesk for a new link.";
        LinkRevokedTitle => "Deze trainingslink werkt niet meer", "This training link no longer works";
        LinkRevokedBody => "De organisatie heeft deze link ingetrokken. Heb je een nieuwe link gekregen, gebruik die dan. Anders kan de helpdesk je helpen.", "Your organisation has withdrawn this link. If you've received a new one, use that. Otherwise, the helpdesk can help.";
    }
}
