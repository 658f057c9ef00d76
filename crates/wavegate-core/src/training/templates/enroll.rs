//! "Enroll your device", one module per platform: before you start (shared), the steps, and
//! what you see and do when it fails, with the failure reasons Intune's enrollment-failure
//! export reports for that platform.

use super::{Parts, lesson, module, multiple, opt, ordering, single, t, targets, topic, truth};
use crate::i18n::Text;
use crate::training::model::{Lesson, Module, Question};

/// What differs per platform.
struct Platform {
    id: &'static str,
    /// The value of the roster's `platform` attribute.
    roster: &'static str,
    /// How people call the device, in Dutch and English.
    device: (&'static str, &'static str),
    /// Where the Company Portal app comes from (or the Settings path), in Dutch and English.
    start: (&'static str, &'static str),
    steps: Lesson,
    trouble: Lesson,
    questions: Vec<Question>,
}

fn before(p: &Platform) -> Lesson {
    let (dev_nl, dev_en) = p.device;
    let (start_nl, start_en) = p.start;
    lesson(
        "before",
        3,
        &["why"],
        t("Voordat je begint", "Before you start"),
        Text::new(
            format!(
                r#"
Je organisatie gaat apparaten beheren met Microsoft Intune. Door je {dev_nl} aan te melden
(*inschrijven*) krijg je veilig toegang tot je werkmail, Teams en bestanden, en zorgt de
organisatie dat werkgegevens beschermd blijven, ook als je apparaat kwijtraakt.

**Wat je nodig hebt**

- je {dev_nl}, opgeladen (of aan de lader) en met de nieuwste updates;
- een stabiele wifi-verbinding;
- je werkaccount (je zakelijke e-mailadres en wachtwoord) en je telefoon voor de extra
  inlogcontrole;
- ongeveer tien minuten waarin je niet gestoord wordt.

**Waar je begint:** {start_nl}

> Tip: doe het niet onderweg. Een verbinding die wegvalt is een van de meest voorkomende
> redenen dat inschrijven mislukt.
"#
            ),
            format!(
                r#"
Your organisation is going to manage devices with Microsoft Intune. Enrolling your {dev_en}
gives you secure access to your work mail, Teams and files, and lets the organisation keep
work data protected, even if your device is lost.

**What you need**

- your {dev_en}, charged (or plugged in) and up to date;
- a stable Wi-Fi connection;
- your work account (your work e-mail address and password) and your phone for the extra
  sign-in check;
- about ten minutes without interruptions.

**Where you start:** {start_en}

> Tip: don't do it on the move. A connection that drops is one of the most common reasons
> enrollment fails.
"#
            ),
        ),
    )
}

fn why_questions(p: &Platform) -> Vec<Question> {
    let (dev_nl, dev_en) = p.device;
    vec![
        single(
            "why_account",
            "why",
            t(
                "Met welk account meld je je apparaat aan?",
                "Which account do you enroll your device with?",
            ),
            vec![
                opt(
                    "work",
                    true,
                    t("Mijn werkaccount", "My work account"),
                    t(
                        "Goed: de organisatie herkent je aan je werkaccount.",
                        "Right: the organisation knows you by your work account.",
                    ),
                ),
                opt(
                    "personal",
                    false,
                    t(
                        "Mijn privéaccount (Apple ID, Google- of Microsoft-account)",
                        "My personal account (Apple ID, Google or Microsoft account)",
                    ),
                    t(
                        "Nee: met een privéaccount kan Intune je niet aan de organisatie koppelen.",
                        "No: with a personal account Intune cannot link you to the organisation.",
                    ),
                ),
                opt(
                    "any",
                    false,
                    t("Dat maakt niet uit", "It doesn't matter"),
                    t(
                        "Het maakt wel uit: alleen je werkaccount werkt.",
                        "It does matter: only your work account works.",
                    ),
                ),
            ],
        ),
        truth(
            "why_wifi",
            "why",
            Text::new(
                format!(
                    "Je kunt je {dev_nl} het best inschrijven in de trein, dan gaat de tijd sneller."
                ),
                format!("The train is a good place to enroll your {dev_en}: time flies."),
            ),
            false,
            t(
                "Liever niet: een verbinding die wegvalt laat het inschrijven mislukken. Kies een rustige plek met stabiele wifi.",
                "Better not: a connection that drops makes enrollment fail. Pick a quiet spot with stable Wi-Fi.",
            ),
            t(
                "Klopt: een stabiele verbinding en tien rustige minuten voorkomen de meeste problemen.",
                "Right: a stable connection and ten quiet minutes prevent most problems.",
            ),
        ),
    ]
}

fn enroll(p: Platform) -> Module {
    let (dev_nl, dev_en) = p.device;
    let mut questions = why_questions(&p);
    questions.extend(p.questions.iter().cloned());
    let lessons = vec![before(&p), p.steps, p.trouble];
    module(Parts {
        id: p.id,
        title: Text::new(
            format!("Je {dev_nl} inschrijven"),
            format!("Enroll your {dev_en}"),
        ),
        description: Text::new(
            "In drie korte lessen: wat je nodig hebt, de stappen, en wat je doet als het niet lukt."
                .to_string(),
            "In three short lessons: what you need, the steps, and what to do when it doesn't work."
                .to_string(),
        ),
        estimate_minutes: 15,
        targets: targets(&[("platform", &[p.roster])]),
        topics: vec![
            topic("why", "Voorbereiding", "Getting ready"),
            topic("steps", "De stappen", "The steps"),
            topic("trouble", "Als het niet lukt", "When it fails"),
        ],
        lessons,
        draw: [("trouble".to_string(), 2)].into(),
        questions,
    })
}

/// Enroll a Windows PC.
pub fn windows() -> Module {
    enroll(Platform {
        id: "enroll-windows",
        roster: "Windows",
        device: ("Windows-pc", "Windows PC"),
        start: (
            "**Instellingen > Accounts > Toegang tot werk of school**, of de app **Bedrijfsportal** uit de Microsoft Store.",
            "**Settings > Accounts > Access work or school**, or the **Company Portal** app from the Microsoft Store.",
        ),
        steps: lesson(
            "steps",
            5,
            &["steps"],
            t("De stappen", "The steps"),
            t(
                r#"
1. Open **Instellingen** en ga naar **Accounts > Toegang tot werk of school**.
2. Kies **Verbinden** en vul je **werk**-e-mailadres in.
3. Log in met je wachtwoord en bevestig de extra controle op je telefoon.
4. Windows meldt dat je organisatie het apparaat gaat beheren. Kies **Volgende** of **Gereed**.
5. Open daarna **Bedrijfsportal** en controleer bij **Apparaten** dat je pc erbij staat.

**Wat je ziet:** de eerste minuten installeert Windows instellingen en werk-apps op de
achtergrond. Vraagt Windows om opnieuw op te starten, doe dat dan. Een melding dat je
organisatie dit apparaat beheert is normaal.

> Had je Windows al met je werkaccount ingesteld? Dan is je pc misschien al ingeschreven.
> Kijk in Bedrijfsportal voor je opnieuw begint.
"#,
                r#"
1. Open **Settings** and go to **Accounts > Access work or school**.
2. Choose **Connect** and enter your **work** e-mail address.
3. Sign in with your password and confirm the extra check on your phone.
4. Windows says your organisation will manage the device. Choose **Next** or **Done**.
5. Then open **Company Portal** and check under **Devices** that your PC is listed.

**What you'll see:** for the first minutes Windows installs settings and work apps in the
background. If Windows asks to restart, do so. A message that your organisation manages
this device is normal.

> Did you set up Windows with your work account already? Then your PC may already be
> enrolled. Check Company Portal before you start again.
"#,
            ),
        ),
        trouble: lesson(
            "trouble",
            4,
            &["trouble"],
            t("Als het niet lukt", "When it fails"),
            t(
                r#"
De meeste mislukte aanmeldingen hebben een van deze oorzaken:

| Wat je ziet | Wat je doet |
|---|---|
| Inloggen lukt niet (*Authentication*) | Controleer dat je je **werk**account gebruikt, niet een persoonlijk Microsoft-account. Zet de klok van je pc goed en probeer opnieuw. |
| Een algemene fout (*BadRequest*) | Start de pc opnieuw, installeer de Windows-updates en probeer het nog eens. Blijft het, noteer dan de foutcode. |
| *Maximaal aantal apparaten bereikt* | Verwijder een oud apparaat in Bedrijfsportal of vraag de servicedesk het te doen. |

Lukt het na twee pogingen niet, ga dan naar de servicedesk met: je apparaat, de foutmelding
(een foto of schermafbeelding is prima) en wat je deed vlak voor de fout.
"#,
                r#"
Most failed enrollments have one of these causes:

| What you see | What you do |
|---|---|
| Sign-in fails (*Authentication*) | Check that you use your **work** account, not a personal Microsoft account. Set your PC's clock right and try again. |
| A general error (*BadRequest*) | Restart the PC, install Windows updates and try again. If it persists, note the error code. |
| *Device limit reached* | Remove an old device in Company Portal, or ask the service desk to do it. |

If it still fails after two tries, go to the service desk with: your device, the error
message (a photo or screenshot is fine) and what you did just before the error.
"#,
            ),
        ),
        questions: vec![
            ordering(
                "steps_order",
                "steps",
                t(
                    "Zet de stappen in de goede volgorde.",
                    "Put the steps in the right order.",
                ),
                vec![
                    (
                        "open",
                        t(
                            "Instellingen > Accounts > Toegang tot werk of school",
                            "Settings > Accounts > Access work or school",
                        ),
                    ),
                    (
                        "connect",
                        t(
                            "Verbinden en je werk-e-mailadres invullen",
                            "Connect and enter your work e-mail address",
                        ),
                    ),
                    (
                        "signin",
                        t(
                            "Inloggen en de extra controle bevestigen",
                            "Sign in and confirm the extra check",
                        ),
                    ),
                    (
                        "check",
                        t(
                            "In Bedrijfsportal controleren dat je pc erbij staat",
                            "Check in Company Portal that your PC is listed",
                        ),
                    ),
                ],
                t(
                    "Goed zo: openen, verbinden, inloggen, controleren.",
                    "Well done: open, connect, sign in, check.",
                ),
                t(
                    "Niet helemaal: je opent eerst Instellingen, verbindt dan met je werkadres, logt in, en controleert tot slot in Bedrijfsportal.",
                    "Not quite: first open Settings, then connect with your work address, sign in, and finally check in Company Portal.",
                ),
            ),
            single(
                "steps_message",
                "steps",
                t(
                    "Windows meldt dat je organisatie dit apparaat beheert. Wat betekent dat?",
                    "Windows says your organisation manages this device. What does that mean?",
                ),
                vec![
                    opt(
                        "normal",
                        true,
                        t(
                            "Het inschrijven is gelukt; dat is normaal",
                            "Enrollment worked; that is normal",
                        ),
                        t(
                            "Precies: die melding hoort erbij.",
                            "Exactly: that message is part of it.",
                        ),
                    ),
                    opt(
                        "virus",
                        false,
                        t(
                            "Er is iets mis, ik moet de servicedesk bellen",
                            "Something is wrong, I must call the service desk",
                        ),
                        t(
                            "Nee, niets aan de hand: zo hoort het.",
                            "No, nothing is wrong: this is expected.",
                        ),
                    ),
                    opt(
                        "undo",
                        false,
                        t(
                            "Ik moet de verbinding weer verbreken",
                            "I should disconnect again",
                        ),
                        t(
                            "Niet doen: dan is je pc niet meer ingeschreven.",
                            "Don't: your PC would no longer be enrolled.",
                        ),
                    ),
                ],
            ),
            truth(
                "steps_restart",
                "steps",
                t(
                    "Als Windows na het inschrijven vraagt om opnieuw op te starten, kun je dat beter uitstellen tot volgende week.",
                    "If Windows asks to restart after enrolling, better put it off until next week.",
                ),
                false,
                t(
                    "Liever niet: na de herstart worden instellingen en apps afgemaakt.",
                    "Better not: the restart finishes settings and apps.",
                ),
                t(
                    "Goed: start opnieuw op, dan worden instellingen en apps afgemaakt.",
                    "Right: restart, so settings and apps are finished.",
                ),
            ),
            single(
                "trouble_auth",
                "trouble",
                t(
                    "Inloggen mislukt tijdens het inschrijven. Wat controleer je eerst?",
                    "Sign-in fails while enrolling. What do you check first?",
                ),
                vec![
                    opt(
                        "account",
                        true,
                        t(
                            "Of ik mijn werkaccount gebruik",
                            "Whether I use my work account",
                        ),
                        t(
                            "Ja: een persoonlijk Microsoft-account is de meest gemaakte vergissing.",
                            "Yes: a personal Microsoft account is the most common mistake.",
                        ),
                    ),
                    opt(
                        "reinstall",
                        false,
                        t("Windows opnieuw installeren", "Reinstall Windows"),
                        t(
                            "Veel te zwaar: het ligt bijna altijd aan het account of het wachtwoord.",
                            "Far too much: it is nearly always the account or password.",
                        ),
                    ),
                    opt(
                        "wait",
                        false,
                        t("Een dag wachten", "Wait a day"),
                        t(
                            "Wachten lost een verkeerd account niet op.",
                            "Waiting won't fix a wrong account.",
                        ),
                    ),
                ],
            ),
            single(
                "trouble_limit",
                "trouble",
                t(
                    "Je ziet 'maximaal aantal apparaten bereikt'. Wat doe je?",
                    "You see 'device limit reached'. What do you do?",
                ),
                vec![
                    opt(
                        "remove",
                        true,
                        t(
                            "Een oud apparaat verwijderen in Bedrijfsportal of via de servicedesk",
                            "Remove an old device in Company Portal or through the service desk",
                        ),
                        t(
                            "Goed: dan is er weer plaats voor je pc.",
                            "Right: that makes room for your PC.",
                        ),
                    ),
                    opt(
                        "again",
                        false,
                        t(
                            "Het gewoon nog tien keer proberen",
                            "Just try ten more times",
                        ),
                        t(
                            "Dat helpt niet: de limiet blijft bereikt.",
                            "That won't help: the limit stays reached.",
                        ),
                    ),
                ],
            ),
            multiple(
                "trouble_helpdesk",
                "trouble",
                t(
                    "Wat neem je mee naar de servicedesk? (meer antwoorden)",
                    "What do you bring to the service desk? (several answers)",
                ),
                vec![
                    opt(
                        "error",
                        true,
                        t(
                            "De foutmelding of een foto ervan",
                            "The error message, or a photo of it",
                        ),
                        t(
                            "Ja: de foutcode wijst vaak direct de oorzaak aan.",
                            "Yes: the error code often points straight at the cause.",
                        ),
                    ),
                    opt(
                        "before",
                        true,
                        t(
                            "Wat je deed vlak voor de fout",
                            "What you did just before the error",
                        ),
                        t(
                            "Ja: zo kan de servicedesk het nadoen.",
                            "Yes: so the service desk can reproduce it.",
                        ),
                    ),
                    opt(
                        "password",
                        false,
                        t("Je wachtwoord", "Your password"),
                        t(
                            "Nooit: niemand van de servicedesk vraagt je wachtwoord.",
                            "Never: no one at the service desk asks for your password.",
                        ),
                    ),
                ],
            ),
        ],
    })
}

/// Enroll an Android phone or tablet.
pub fn android() -> Module {
    enroll(Platform {
        id: "enroll-android",
        roster: "Android",
        device: ("Android-telefoon", "Android phone"),
        start: (
            "de app **Intune Bedrijfsportal** uit de Google Play Store.",
            "the **Intune Company Portal** app from the Google Play Store.",
        ),
        steps: lesson(
            "steps",
            5,
            &["steps"],
            t("De stappen", "The steps"),
            t(
                r#"
1. Installeer **Intune Bedrijfsportal** uit de Play Store en open de app.
2. Log in met je **werk**account en bevestig de extra controle.
3. Volg de schermen. Op een eigen telefoon maakt Android een **werkprofiel** aan: een apart
   deel voor werk-apps en -gegevens.
4. Wacht tot Bedrijfsportal meldt dat je apparaat klaar is (*compliant*).

**Wat je ziet:** werk-apps hebben een klein **koffertje** op hun pictogram. Je privé-apps
en -foto's blijven in je eigen deel; de organisatie beheert alleen het werkprofiel. Je kunt
het werkprofiel tijdelijk uitzetten, bijvoorbeeld in het weekend.

> Stelt de app een vraag over toegang of meldingen? Sta die toe, anders kan het inschrijven
> niet worden afgemaakt.
"#,
                r#"
1. Install **Intune Company Portal** from the Play Store and open it.
2. Sign in with your **work** account and confirm the extra check.
3. Follow the screens. On a personal phone Android creates a **work profile**: a separate
   part for work apps and data.
4. Wait until Company Portal says your device is ready (*compliant*).

**What you'll see:** work apps have a small **briefcase** on their icon. Your personal apps
and photos stay in your own part; the organisation manages only the work profile. You can
pause the work profile, for example at the weekend.

> Does the app ask for access or notifications? Allow it, or enrollment cannot finish.
"#,
            ),
        ),
        trouble: lesson(
            "trouble",
            4,
            &["trouble"],
            t("Als het niet lukt", "When it fails"),
            t(
                r#"
| Wat je ziet | Wat je doet |
|---|---|
| Inloggen lukt niet (*Authentication*) | Gebruik je **werk**account, niet je Google-account. Controleer je wachtwoord en de extra controle. |
| Je apparaat wordt niet ondersteund (*DeviceNotSupported*) | Kijk bij **Instellingen > Over de telefoon** welke Android-versie je hebt en installeer updates. Is je telefoon te oud, vraag dan de servicedesk naar de mogelijkheden. |
| Het werkprofiel wordt niet aangemaakt | Maak ruimte vrij op je telefoon, start opnieuw op en probeer het nog eens. |

Lukt het na twee pogingen niet, ga dan naar de servicedesk met je telefoonmodel, je
Android-versie en de foutmelding (een schermafbeelding is prima).
"#,
                r#"
| What you see | What you do |
|---|---|
| Sign-in fails (*Authentication*) | Use your **work** account, not your Google account. Check your password and the extra check. |
| Your device is not supported (*DeviceNotSupported*) | Look in **Settings > About phone** for your Android version and install updates. If your phone is too old, ask the service desk what your options are. |
| The work profile is not created | Free up space on your phone, restart it and try again. |

If it still fails after two tries, go to the service desk with your phone model, your
Android version and the error message (a screenshot is fine).
"#,
            ),
        ),
        questions: vec![
            single(
                "steps_app",
                "steps",
                t(
                    "Met welke app schrijf je je Android-telefoon in?",
                    "Which app do you enroll your Android phone with?",
                ),
                vec![
                    opt(
                        "portal",
                        true,
                        t("Intune Bedrijfsportal", "Intune Company Portal"),
                        t(
                            "Goed: die app begeleidt je door het inschrijven.",
                            "Right: that app takes you through enrollment.",
                        ),
                    ),
                    opt(
                        "outlook",
                        false,
                        t("Outlook", "Outlook"),
                        t(
                            "Outlook gebruik je daarna voor je mail, maar het inschrijven gaat via Bedrijfsportal.",
                            "You use Outlook for mail afterwards, but enrollment goes through Company Portal.",
                        ),
                    ),
                    opt(
                        "settings",
                        false,
                        t("De Google-instellingen", "Google settings"),
                        t(
                            "Nee: je begint in de app Bedrijfsportal.",
                            "No: you start in the Company Portal app.",
                        ),
                    ),
                ],
            ),
            single(
                "steps_briefcase",
                "steps",
                t(
                    "Waaraan herken je een werk-app in je werkprofiel?",
                    "How do you recognise a work app in your work profile?",
                ),
                vec![
                    opt(
                        "briefcase",
                        true,
                        t(
                            "Aan het koffertje op het pictogram",
                            "By the briefcase on its icon",
                        ),
                        t(
                            "Precies: het koffertje toont dat de app in het werkprofiel staat.",
                            "Exactly: the briefcase shows the app is in the work profile.",
                        ),
                    ),
                    opt(
                        "red",
                        false,
                        t("Aan een rode rand", "By a red border"),
                        t("Nee, het is een koffertje.", "No, it is a briefcase."),
                    ),
                ],
            ),
            truth(
                "steps_profile",
                "steps",
                t(
                    "Met een werkprofiel kan de organisatie je privéfoto's zien.",
                    "With a work profile, the organisation can see your personal photos.",
                ),
                false,
                t(
                    "Nee: de organisatie beheert alleen het werkprofiel, niet je privédeel.",
                    "No: the organisation manages only the work profile, not your personal part.",
                ),
                t(
                    "Klopt: je privédeel blijft van jou.",
                    "Right: your personal part stays yours.",
                ),
            ),
            single(
                "trouble_auth",
                "trouble",
                t(
                    "Inloggen mislukt. Wat controleer je eerst?",
                    "Sign-in fails. What do you check first?",
                ),
                vec![
                    opt(
                        "account",
                        true,
                        t(
                            "Of ik mijn werkaccount gebruik",
                            "Whether I use my work account",
                        ),
                        t(
                            "Ja: met je Google-account lukt het niet.",
                            "Yes: it won't work with your Google account.",
                        ),
                    ),
                    opt(
                        "reset",
                        false,
                        t(
                            "De telefoon terugzetten naar fabrieksinstellingen",
                            "Factory-reset the phone",
                        ),
                        t(
                            "Veel te zwaar voor een inlogprobleem.",
                            "Far too much for a sign-in problem.",
                        ),
                    ),
                ],
            ),
            single(
                "trouble_unsupported",
                "trouble",
                t(
                    "Bedrijfsportal meldt dat je apparaat niet wordt ondersteund. Wat doe je eerst?",
                    "Company Portal says your device is not supported. What do you do first?",
                ),
                vec![
                    opt(
                        "update",
                        true,
                        t(
                            "Mijn Android-versie bekijken en updates installeren",
                            "Check my Android version and install updates",
                        ),
                        t(
                            "Goed: vaak is de Android-versie te oud.",
                            "Right: the Android version is often too old.",
                        ),
                    ),
                    opt(
                        "other",
                        false,
                        t(
                            "Een andere beheer-app zoeken",
                            "Look for another management app",
                        ),
                        t(
                            "Nee: alleen Bedrijfsportal schrijft je in.",
                            "No: only Company Portal enrolls you.",
                        ),
                    ),
                ],
            ),
            truth(
                "trouble_space",
                "trouble",
                t(
                    "Als het werkprofiel niet wordt aangemaakt, helpt het vaak om ruimte vrij te maken en opnieuw op te starten.",
                    "If the work profile is not created, freeing up space and restarting often helps.",
                ),
                true,
                t(
                    "Klopt: dat lost het vaak op. Lukt het dan nog niet, ga naar de servicedesk.",
                    "Right: that often solves it. If not, go to the service desk.",
                ),
                t(
                    "Toch wel: ruimte vrijmaken en opnieuw opstarten lost het vaak op.",
                    "It does: freeing up space and restarting often solves it.",
                ),
            ),
        ],
    })
}

/// Enroll an iPhone or iPad.
pub fn ios() -> Module {
    enroll(Platform {
        id: "enroll-ios",
        roster: "iOS",
        device: ("iPhone of iPad", "iPhone or iPad"),
        start: (
            "de app **Intune Bedrijfsportal** uit de App Store.",
            "the **Intune Company Portal** app from the App Store.",
        ),
        steps: lesson(
            "steps",
            5,
            &["steps"],
            t("De stappen", "The steps"),
            t(
                r#"
1. Installeer **Intune Bedrijfsportal** uit de App Store en log in met je **werk**account.
2. Tik op **Beginnen** en sta het downloaden van het **beheerprofiel** toe.
3. Ga naar **Instellingen**. Bovenaan staat **Profiel gedownload**; tik erop (of zoek het
   onder **Algemeen > VPN en apparaatbeheer**).
4. Tik op **Installeer**, voer je toegangscode in en bevestig.
5. Ga **terug naar Bedrijfsportal** en wacht tot die meldt dat je apparaat klaar is.

**Wat je ziet:** na het profiel verschijnen werk-apps vanzelf, of je installeert ze uit
Bedrijfsportal. Vergeet stap 5 niet: pas dan is het inschrijven af.
"#,
                r#"
1. Install **Intune Company Portal** from the App Store and sign in with your **work** account.
2. Tap **Begin** and allow the **management profile** to download.
3. Go to **Settings**. At the top you see **Profile Downloaded**; tap it (or find it under
   **General > VPN & Device Management**).
4. Tap **Install**, enter your passcode and confirm.
5. Go **back to Company Portal** and wait until it says your device is ready.

**What you'll see:** after the profile, work apps appear by themselves, or you install them
from Company Portal. Don't skip step 5: only then is enrollment finished.
"#,
            ),
        ),
        trouble: lesson(
            "trouble",
            4,
            &["trouble"],
            t("Als het niet lukt", "When it fails"),
            t(
                r#"
| Wat je ziet | Wat je doet |
|---|---|
| Het inschrijven bleef halverwege steken (*UserAbandonment*) | Het profiel is gedownload maar niet geïnstalleerd. Installeer het binnen een paar minuten via Instellingen en ga terug naar Bedrijfsportal. Te laat? Begin opnieuw in Bedrijfsportal. |
| Inschrijven is niet toegestaan (*EnrollmentRestrictionsEnforced*) | Je iOS-versie is te oud, of dit soort apparaat of het aantal apparaten is niet toegestaan. Installeer updates; helpt dat niet, vraag het de servicedesk. |
| De verbinding viel weg (*ClientDisconnected*) | Ga op stabiele wifi zitten en probeer het opnieuw. |

Lukt het na twee pogingen niet, ga dan naar de servicedesk met je iOS-versie (**Instellingen
> Algemeen > Info**) en een schermafbeelding van de melding.
"#,
                r#"
| What you see | What you do |
|---|---|
| Enrollment stopped halfway (*UserAbandonment*) | The profile was downloaded but not installed. Install it within a few minutes from Settings and go back to Company Portal. Too late? Start again in Company Portal. |
| Enrollment is not allowed (*EnrollmentRestrictionsEnforced*) | Your iOS version is too old, or this kind of device or the number of devices is not allowed. Install updates; if that doesn't help, ask the service desk. |
| The connection dropped (*ClientDisconnected*) | Get on stable Wi-Fi and try again. |

If it still fails after two tries, go to the service desk with your iOS version (**Settings
> General > About**) and a screenshot of the message.
"#,
            ),
        ),
        questions: vec![
            ordering(
                "steps_order",
                "steps",
                t(
                    "Zet de stappen in de goede volgorde.",
                    "Put the steps in the right order.",
                ),
                vec![
                    (
                        "signin",
                        t("Inloggen in Bedrijfsportal", "Sign in to Company Portal"),
                    ),
                    (
                        "download",
                        t(
                            "Het beheerprofiel downloaden",
                            "Download the management profile",
                        ),
                    ),
                    (
                        "install",
                        t(
                            "Het profiel installeren in Instellingen",
                            "Install the profile in Settings",
                        ),
                    ),
                    (
                        "back",
                        t(
                            "Terug naar Bedrijfsportal om af te ronden",
                            "Back to Company Portal to finish",
                        ),
                    ),
                ],
                t(
                    "Goed zo: en vergeet vooral de laatste stap niet.",
                    "Well done: and above all don't forget the last step.",
                ),
                t(
                    "Niet helemaal: inloggen, profiel downloaden, installeren in Instellingen, en terug naar Bedrijfsportal om af te ronden.",
                    "Not quite: sign in, download the profile, install it in Settings, and back to Company Portal to finish.",
                ),
            ),
            single(
                "steps_profile",
                "steps",
                t(
                    "Waar installeer je het gedownloade beheerprofiel?",
                    "Where do you install the downloaded management profile?",
                ),
                vec![
                    opt(
                        "settings",
                        true,
                        t(
                            "In Instellingen (Profiel gedownload, of Algemeen > VPN en apparaatbeheer)",
                            "In Settings (Profile Downloaded, or General > VPN & Device Management)",
                        ),
                        t(
                            "Goed: daar staat het klaar.",
                            "Right: that's where it is waiting.",
                        ),
                    ),
                    opt(
                        "appstore",
                        false,
                        t("In de App Store", "In the App Store"),
                        t(
                            "Nee: een profiel is geen app; je vindt het in Instellingen.",
                            "No: a profile is not an app; you find it in Settings.",
                        ),
                    ),
                    opt(
                        "safari",
                        false,
                        t("In Safari", "In Safari"),
                        t(
                            "Nee: je vindt het in Instellingen.",
                            "No: you find it in Settings.",
                        ),
                    ),
                ],
            ),
            truth(
                "steps_finish",
                "steps",
                t(
                    "Zodra het profiel is geïnstalleerd, ben je klaar; terug naar Bedrijfsportal hoeft niet.",
                    "Once the profile is installed you're done; going back to Company Portal isn't needed.",
                ),
                false,
                t(
                    "Toch wel: pas in Bedrijfsportal wordt het inschrijven afgerond.",
                    "It is needed: enrollment is finished in Company Portal.",
                ),
                t(
                    "Klopt: ga terug naar Bedrijfsportal om af te ronden.",
                    "Right: go back to Company Portal to finish.",
                ),
            ),
            single(
                "trouble_abandoned",
                "trouble",
                t(
                    "Je downloadde het profiel gisteren maar installeerde het niet. Wat nu?",
                    "You downloaded the profile yesterday but didn't install it. What now?",
                ),
                vec![
                    opt(
                        "restart",
                        true,
                        t(
                            "Opnieuw beginnen in Bedrijfsportal",
                            "Start again in Company Portal",
                        ),
                        t(
                            "Goed: een oud gedownload profiel verloopt; begin opnieuw.",
                            "Right: an old downloaded profile expires; start again.",
                        ),
                    ),
                    opt(
                        "nothing",
                        false,
                        t(
                            "Niets, het gaat vanzelf goed",
                            "Nothing, it will sort itself out",
                        ),
                        t(
                            "Helaas niet: zonder profiel is je apparaat niet ingeschreven.",
                            "Sadly not: without the profile your device is not enrolled.",
                        ),
                    ),
                ],
            ),
            single(
                "trouble_restricted",
                "trouble",
                t(
                    "Je ziet dat inschrijven niet is toegestaan. Wat probeer je eerst?",
                    "You see that enrollment is not allowed. What do you try first?",
                ),
                vec![
                    opt(
                        "update",
                        true,
                        t(
                            "iOS bijwerken naar de nieuwste versie",
                            "Update iOS to the latest version",
                        ),
                        t(
                            "Goed: een te oude iOS-versie is de meest voorkomende reden.",
                            "Right: an iOS version that is too old is the most common reason.",
                        ),
                    ),
                    opt(
                        "apple_id",
                        false,
                        t("Een andere Apple ID gebruiken", "Use another Apple ID"),
                        t(
                            "Dat helpt niet: je logt in met je werkaccount, niet met een Apple ID.",
                            "That won't help: you sign in with your work account, not an Apple ID.",
                        ),
                    ),
                ],
            ),
            truth(
                "trouble_wifi",
                "trouble",
                t(
                    "Als de verbinding wegviel tijdens het inschrijven, probeer je het opnieuw op stabiele wifi.",
                    "If the connection dropped while enrolling, you try again on stable Wi-Fi.",
                ),
                true,
                t("Klopt.", "Right."),
                t(
                    "Toch wel: een wegvallende verbinding is precies wat je met stabiele wifi voorkomt.",
                    "It is: a dropping connection is exactly what stable Wi-Fi prevents.",
                ),
            ),
        ],
    })
}

/// Enroll a Mac.
pub fn macos() -> Module {
    enroll(Platform {
        id: "enroll-macos",
        roster: "macOS",
        device: ("Mac", "Mac"),
        start: (
            "de app **Bedrijfsportal** voor de Mac (de link staat op het intranet).",
            "the **Company Portal** app for Mac (the link is on the intranet).",
        ),
        steps: lesson(
            "steps",
            5,
            &["steps"],
            t("De stappen", "The steps"),
            t(
                r#"
1. Installeer **Bedrijfsportal** en log in met je **werk**account.
2. Kies **Beginnen** en laat het **beheerprofiel** downloaden.
3. Open **Systeeminstellingen > Privacy en beveiliging > Profielen** (op oudere macOS:
   **Systeemvoorkeuren > Profielen**).
4. Kies het profiel, klik op **Installeer** en voer het wachtwoord van je Mac in.
5. Ga **terug naar Bedrijfsportal** en wacht tot je Mac klaar is.

**Wat je ziet:** daarna verschijnen werk-apps en instellingen, zoals versleuteling van je
schijf. Een vraag om opnieuw op te starten hoort erbij.
"#,
                r#"
1. Install **Company Portal** and sign in with your **work** account.
2. Choose **Begin** and let the **management profile** download.
3. Open **System Settings > Privacy & Security > Profiles** (on older macOS:
   **System Preferences > Profiles**).
4. Select the profile, click **Install** and enter your Mac's password.
5. Go **back to Company Portal** and wait until your Mac is ready.

**What you'll see:** then work apps and settings arrive, such as disk encryption. A request
to restart is part of it.
"#,
            ),
        ),
        trouble: lesson(
            "trouble",
            4,
            &["trouble"],
            t("Als het niet lukt", "When it fails"),
            t(
                r#"
| Wat je ziet | Wat je doet |
|---|---|
| Een algemene fout (*BadRequest*) | Staat er nog een oud beheerprofiel op je Mac, bijvoorbeeld van een vorige werkgever? Laat de servicedesk dat verwijderen. Controleer ook dat datum en tijd kloppen, en probeer opnieuw. |
| Het profiel installeert niet | Kijk of er een melding openstaat in Systeeminstellingen en bevestig die met je wachtwoord. |
| Inloggen lukt niet | Gebruik je **werk**account, niet je Apple ID. |

Lukt het na twee pogingen niet, ga dan naar de servicedesk met je macOS-versie
(**Apple-menu > Over deze Mac**) en een schermafbeelding van de melding.
"#,
                r#"
| What you see | What you do |
|---|---|
| A general error (*BadRequest*) | Is an old management profile still on your Mac, for example from a previous employer? Have the service desk remove it. Also check that date and time are right, and try again. |
| The profile doesn't install | See whether a message is waiting in System Settings and confirm it with your password. |
| Sign-in fails | Use your **work** account, not your Apple ID. |

If it still fails after two tries, go to the service desk with your macOS version
(**Apple menu > About This Mac**) and a screenshot of the message.
"#,
            ),
        ),
        questions: vec![
            single(
                "steps_profile",
                "steps",
                t(
                    "Waar installeer je het beheerprofiel op een recente Mac?",
                    "Where do you install the management profile on a recent Mac?",
                ),
                vec![
                    opt(
                        "settings",
                        true,
                        t(
                            "Systeeminstellingen > Privacy en beveiliging > Profielen",
                            "System Settings > Privacy & Security > Profiles",
                        ),
                        t("Goed.", "Right."),
                    ),
                    opt(
                        "finder",
                        false,
                        t("In de Finder, bij Downloads", "In the Finder, in Downloads"),
                        t(
                            "Nee: een profiel installeer je in Systeeminstellingen.",
                            "No: you install a profile in System Settings.",
                        ),
                    ),
                ],
            ),
            truth(
                "steps_password",
                "steps",
                t(
                    "Bij het installeren van het profiel vraagt je Mac om het wachtwoord van je Mac.",
                    "When installing the profile, your Mac asks for your Mac's password.",
                ),
                true,
                t(
                    "Klopt: daarmee bevestig je dat jij de installatie toestaat.",
                    "Right: that confirms you allow the installation.",
                ),
                t(
                    "Toch wel: je bevestigt de installatie met het wachtwoord van je Mac.",
                    "It does: you confirm the installation with your Mac's password.",
                ),
            ),
            single(
                "steps_finish",
                "steps",
                t(
                    "Het profiel is geïnstalleerd. Wat nu?",
                    "The profile is installed. What now?",
                ),
                vec![
                    opt(
                        "back",
                        true,
                        t(
                            "Terug naar Bedrijfsportal om af te ronden",
                            "Back to Company Portal to finish",
                        ),
                        t(
                            "Goed: daar wordt het inschrijven afgerond.",
                            "Right: that's where enrollment finishes.",
                        ),
                    ),
                    opt(
                        "delete",
                        false,
                        t("Bedrijfsportal verwijderen", "Delete Company Portal"),
                        t(
                            "Niet doen: die heb je nog nodig.",
                            "Don't: you still need it.",
                        ),
                    ),
                ],
            ),
            single(
                "trouble_old_profile",
                "trouble",
                t(
                    "Je krijgt een algemene fout en je Mac was eerder van een andere werkgever. Wat is waarschijnlijk?",
                    "You get a general error and your Mac used to belong to another employer. What is likely?",
                ),
                vec![
                    opt(
                        "old",
                        true,
                        t(
                            "Er staat nog een oud beheerprofiel op",
                            "An old management profile is still on it",
                        ),
                        t(
                            "Goed: laat de servicedesk dat verwijderen.",
                            "Right: have the service desk remove it.",
                        ),
                    ),
                    opt(
                        "broken",
                        false,
                        t("De Mac is kapot", "The Mac is broken"),
                        t(
                            "Onwaarschijnlijk: meestal is het een oud profiel.",
                            "Unlikely: it's usually an old profile.",
                        ),
                    ),
                ],
            ),
            truth(
                "trouble_clock",
                "trouble",
                t(
                    "Een verkeerde datum of tijd kan het inschrijven laten mislukken.",
                    "A wrong date or time can make enrollment fail.",
                ),
                true,
                t(
                    "Klopt: zet datum en tijd op automatisch.",
                    "Right: set date and time to automatic.",
                ),
                t(
                    "Toch wel: beveiligde verbindingen controleren de tijd.",
                    "It can: secure connections check the time.",
                ),
            ),
            single(
                "trouble_account",
                "trouble",
                t(
                    "Met welk account log je in bij Bedrijfsportal?",
                    "Which account do you sign in to Company Portal with?",
                ),
                vec![
                    opt(
                        "work",
                        true,
                        t("Mijn werkaccount", "My work account"),
                        t("Goed.", "Right."),
                    ),
                    opt(
                        "apple",
                        false,
                        t("Mijn Apple ID", "My Apple ID"),
                        t(
                            "Nee: je Apple ID is privé; gebruik je werkaccount.",
                            "No: your Apple ID is personal; use your work account.",
                        ),
                    ),
                ],
            ),
        ],
    })
}
