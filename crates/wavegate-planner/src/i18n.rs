//! The planner app's words in Dutch and English (the messages both apps share, such as errors,
//! are [`wavegate_ui::i18n::UiMsg`]).
//!
//! Texts that belong to the domain (metric names, survey questions, import warnings) come from
//! `wavegate-core` or, in the request's language, from the server.

pub use wavegate_ui::i18n::{Lang, UiMsg, fill, t, use_lang};

wavegate_ui::messages! {
    /// A message of the planner's interface.
    pub enum Msg {
        PlannerBrand => "Wavegate planner", "Wavegate planner";
        RolePlanner => "planner", "planner";
        RoleViewer => "kijker", "viewer";
        ViewerNote => "Je bent aangemeld als kijker: je ziet alles, maar kunt niets veranderen.", "You are signed in as a viewer: you see everything but cannot change anything.";

        SignInTitle => "Aanmelden als planner", "Sign in as planner";
        SignInHint => "Meld je aan met het e-mailadres en wachtwoord van je account.", "Sign in with your account's e-mail address and password.";
        EmailLabel => "E-mailadres", "E-mail address";
        PasswordLabel => "Wachtwoord", "Password";
        SignIn => "Aanmelden", "Sign in";
        SignOut => "Afmelden", "Sign out";
        SignInEmpty => "Vul je e-mailadres en je wachtwoord in.", "Fill in your e-mail address and your password.";
        SignInWaitSeconds => "Er is te vaak een verkeerd wachtwoord geprobeerd. Dat beschermt je account; probeer het over {n} seconden opnieuw.", "A wrong password was tried too often. This protects your account; try again in {n} seconds.";

        ProgramsTitle => "Programma's", "Programs";
        AllPrograms => "Alle programma's", "All programs";
        NoPrograms => "Er zijn nog geen programma's.", "There are no programs yet.";
        NewProgram => "Nieuw programma", "New program";
        NewProgramTitle => "Nieuw programma", "New program";
        FilesAndSurveys => "{files} bestanden · {surveys} vragenlijsten", "{files} files · {surveys} surveys";
        ProgramPages => "Pagina's van dit programma", "This program's pages";
        TabSettings => "Programma", "Program";
        TabFiles => "Bestanden", "Files";
        TabSurveys => "Vragenlijsten", "Surveys";

        ProgramFormLegend => "Het programma", "The program";
        ProgramName => "Naam", "Name";
        WavesTitle => "Golven", "Waves";
        WavesHint => "In volgorde van start. Het id is wat de kolom ‘wave’ van de roster schrijft.", "In order of their start. The id is what the roster's ‘wave’ column writes.";
        WaveN => "Golf {n}", "Wave {n}";
        WaveId => "Id", "Id";
        WaveStart => "Eerste dag", "First day";
        WaveEnd => "Laatste dag", "Last day";
        PlannedSize => "Geplande omvang (mensen)", "Planned size (people)";
        AddWave => "Golf toevoegen", "Add a wave";
        Remove => "Verwijderen", "Remove";
        RemoveWave => "Golf {n} verwijderen", "Remove wave {n}";
        SegmentsTitle => "Segmenten", "Segments";
        SplitAttributes => "Splitsingskenmerken", "Split attributes";
        SplitAttributesHint => "Rosterkolommen waarlangs een golf gesplitst kan worden, met komma's ertussen, bijvoorbeeld: platform, region.", "Roster columns a wave may be split along, separated by commas, for example: platform, region.";
        SegmentDepth => "Segmentdiepte", "Segment depth";
        HelpdeskTitle => "Helpdesk", "Helpdesk";
        Capacity => "Capaciteit (rollout-tickets per dag)", "Capacity (rollout tickets per day)";
        CapacityHint => "Leeg laten als de helpdeskcapaciteit niet meetelt.", "Leave empty if helpdesk capacity does not count.";
        Categories => "Ticketcategorieën van de uitrol", "Rollout ticket categories";
        CategoriesHint => "Met komma's ertussen; leeg telt alle tickets.", "Separated by commas; empty counts every ticket.";
        Confidence => "Zekerheid van besluiten", "Decision confidence";
        ConfidenceHint => "Tussen 0,5 en 1, bijvoorbeeld 0,8.", "Between 0.5 and 1, for example 0.8.";
        ThresholdsTitle => "Drempels (standaard, of eigen waarden)", "Thresholds (defaults, or your own values)";
        ThresholdsHint => "Een leeg vak houdt de standaardwaarde.", "An empty box keeps the default.";
        ThresholdDefaults => "Standaard: onvoldoende {fail}, voldoende {pass}, minstens {min_n} {unit}, gewicht {weight}.", "Default: fail {fail}, pass {pass}, at least {min_n} {unit}, weight {weight}.";
        HigherIsBetter => "Hoger is beter.", "Higher is better.";
        LowerIsBetter => "Lager is beter.", "Lower is better.";
        Fail => "Onvoldoende onder", "Fail threshold";
        Pass => "Voldoende vanaf", "Pass threshold";
        MinN => "Minimaal bewijs", "Minimum evidence";
        Weight => "Gewicht", "Weight";
        SupportTitle => "Hulp voor respondenten", "Help for respondents";
        SupportHint => "Wat respondenten zien nadat ze hebben geantwoord.", "What respondents see after they answered.";
        HelpdeskNl => "Helpdesk (Nederlands)", "Helpdesk (Dutch)";
        HelpdeskEn => "Helpdesk (Engels)", "Helpdesk (English)";
        FaqUrl => "Link naar veelgestelde vragen (https://…)", "Link to frequently asked questions (https://…)";
        CreateProgram => "Programma aanmaken", "Create program";
        SaveProgram => "Programma opslaan", "Save program";
        ProgramSaved => "Het programma is opgeslagen.", "The program was saved.";
        FixFields => "Niet alles klopt; er is niets opgeslagen. Bekijk de gemarkeerde velden.", "Not everything is right; nothing was saved. Check the marked fields.";
        EnterNumber => "Vul een getal in, bijvoorbeeld 0,85.", "Enter a number, for example 0.85.";
        EnterWholeNumber => "Vul een heel getal in.", "Enter a whole number.";
        EnterDate => "Vul een datum in.", "Enter a date.";
        DownloadProgramToml => "program.toml downloaden", "Download program.toml";

        FilesTitle => "Bestanden", "Files";
        FilesHint => "Kies een bestand zoals het bronsysteem het exporteert. Je ziet eerst wat Wavegate erin leest; pas na Bevestigen wordt het opgeslagen.", "Choose a file as its source system exports it. You first see what Wavegate reads in it; it is stored only after Confirm.";
        KindRoster => "Roster (mensen, golven en kenmerken)", "Roster (people, waves and attributes)";
        KindDevices => "Intune-apparaten", "Intune devices";
        KindFailures => "Mislukte Intune-inschrijvingen", "Intune enrollment failures";
        KindTickets => "Helpdesktickets", "Helpdesk tickets";
        KindResponses => "Antwoorden uit een ander hulpmiddel (responses.csv)", "Responses from another tool (responses.csv)";
        KindTraining => "Trainingsresultaten uit een ander hulpmiddel (training.csv)", "Training records from another tool (training.csv)";
        ChooseFile => "Kies een CSV-bestand", "Choose a CSV file";
        DropHint => "of sleep het hierheen.", "or drop it here.";
        Sending => "Versturen: {percent}%", "Sending: {percent}%";
        Checking => "Bestand is verstuurd; Wavegate leest het…", "File sent; Wavegate is reading it…";
        PreviewTitle => "Eerste regels zoals gelezen", "First rows as read";
        PreviewOf => "Voorbeeld van", "Preview of";
        NothingStoredYet => "Er is nog niets opgeslagen.", "Nothing has been stored yet.";
        FoundRows => "{n} regels gelezen", "{n} rows read";
        FoundMatched => "{n} mensen uit de roster gevonden", "{n} roster people found";
        FoundUnmatched => "{n} regels zonder persoon uit de roster", "{n} rows without a roster person";
        FoundWithoutUser => "{n} apparaten zonder primaire gebruiker", "{n} devices without a primary user";
        FoundSource => "Herkend als:", "Recognised as:";
        PeoplePerWave => "Mensen per golf:", "People per wave:";
        Warnings => "Let op", "Warnings";
        Confirm => "Bevestigen en opslaan", "Confirm and store";
        Cancel => "Annuleren", "Cancel";
        ImportStored => "{file} is opgeslagen ({n} regels) en wordt nu gebruikt.", "{file} was stored ({n} rows) and is now in use.";
        ImportsTitle => "Eerdere imports", "Imports so far";
        NoImports => "Er is nog niets geïmporteerd.", "Nothing has been imported yet.";
        Kind => "Soort", "Kind";
        File => "Bestand", "File";
        Size => "Grootte", "Size";
        Rows => "Regels", "Rows";
        ImportedBy => "Door", "By";
        ImportedAt => "Wanneer", "When";
        InUse => "in gebruik", "in use";
        Kilobytes => "{n} kB", "{n} kB";
        Download => "Downloaden", "Download";
        AtLine => "regel {line}", "line {line}";
        AtColumn => ", kolom {column}", ", column {column}";

        SurveysTitle => "Vragenlijsten", "Surveys";
        PublishedSurveys => "Gepubliceerd", "Published";
        NoSurveys => "Dit programma heeft nog geen vragenlijsten.", "This program has no surveys yet.";
        SurveyCounts => "versie {version} · {invitations} uitnodigingen · {responses} antwoorden", "version {version} · {invitations} invitations · {responses} responses";
        Anonymous => "anoniem", "anonymous";
        PublishTitle => "Een vragenlijst publiceren", "Publish a survey";
        AnonymousSurvey => "Anoniem (antwoorden zonder koppeling aan een persoon)", "Anonymous (answers not linked to a person)";
        AnonymousHint => "Ligt vast zodra de vragenlijst voor het eerst bij dit programma is gepubliceerd.", "Fixed once the survey is first published for this program.";
        Template => "Ingebouwde vragenlijst", "Built-in survey";
        PublishTemplate => "Publiceren", "Publish";
        OrUploadDefinition => "Of een eigen definitie (wavegate.survey/1 of SurveyJS-JSON)", "Or a definition of your own (wavegate.survey/1 or SurveyJS JSON)";
        SurveyJsId => "Id voor een SurveyJS-vragenlijst (leeg: uit de titel)", "Id for a SurveyJS survey (empty: from its title)";
        ChooseDefinition => "Kies een JSON-bestand", "Choose a JSON file";
        Published => "{survey} versie {version} is gepubliceerd.", "{survey} version {version} is published.";
        OpenSurvey => "Uitnodigen en resultaten", "Invitations and results";
        NotJson => "Dit bestand is geen JSON.", "This file is not JSON.";

        InviteTitle => "Uitnodigen vanuit de roster", "Invite from the roster";
        InviteHint => "Kies een golf en/of een segment. Wie al een link heeft, houdt die.", "Choose a wave and/or a segment. People who have a link keep it.";
        Wave => "Golf", "Wave";
        AllWaves => "Alle golven", "All waves";
        SegmentAttribute => "Segment: kenmerk", "Segment: attribute";
        NoSegment => "Geen segment", "No segment";
        SegmentValue => "Segment: waarde", "Segment: value";
        LinkKind => "Soort link", "Kind of link";
        PersonalLinks => "Een persoonlijke link per persoon", "A personal link per person";
        AnonymousLinkKind => "Eén anonieme link voor het segment", "One anonymous link for the segment";
        CreateInvitations => "Links maken", "Create links";
        Invited => "{people} mensen gekozen: {created} nieuwe links, {existing} bestonden al.", "{people} people chosen: {created} new links, {existing} existed already.";
        AnonymousLink => "De anonieme link:", "The anonymous link:";
        LinksTitle => "Links voor een mailmerge", "Links for a mail merge";
        LinksHint => "Een CSV-bestand met per persoon de taal en de link, voor Word of je mailprogramma.", "A CSV file with each person's language and link, for Word or your mail program.";
        DownloadInvitations => "Uitnodigingslinks downloaden (CSV)", "Download invitation links (CSV)";
        RatesTitle => "Respons per golf en segment", "Response rate per wave and segment";
        RatesNote => "Groepen met minder dan 5 uitgenodigden worden niet getoond, om respondenten te beschermen.", "Groups with fewer than 5 people invited are not shown, to protect respondents.";
        RatesSuppressed => "— : te kleine groep, niet getoond.", "— : group too small, not shown.";
        RateOverall => "{responses} van {invitations} uitgenodigden hebben geantwoord ({rate}%).", "{responses} of {invitations} people invited answered ({rate}%).";
        ResponsesOnly => "{responses} antwoorden.", "{responses} responses.";
        Group => "Groep", "Group";
        InvitedCol => "Uitgenodigd", "Invited";
        RespondedCol => "Geantwoord", "Answered";
        RateCol => "Respons", "Rate";

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
        DownloadCsv => "Antwoorden downloaden (CSV)", "Download responses (CSV)";
        SusScore => "SUS-score", "SUS score";
        NpsScore => "NPS", "NPS";
        Choice => "Keuze", "Choice";
        MeanRank => "Gemiddelde plaats", "Mean rank";
        RankedFirst => "Keer als eerste gekozen", "Times ranked first";
    }
}
