//! "Where to get help": solving it yourself first (restart, updates, Company Portal, the FAQ),
//! then the service desk, with what to tell them.

use super::super::{Parts, lesson, module, multiple, opt, ordering, single, t, topic, truth};
use crate::training::model::{Module, Targets};

/// Where to get help: self-service first, then the service desk.
pub fn get_help() -> Module {
    let mut m = module(Parts {
        id: "get-help",
        title: t("Waar je hulp krijgt", "Where to get help"),
        description: t(
            "Eerst zelf zoeken, dan de servicedesk: zo ben je het snelst geholpen.",
            "Look it up yourself first, then the service desk: the fastest way to help.",
        ),
        estimate_minutes: 8,
        targets: Targets::new(),
        topics: vec![
            topic("self_service", "Zelf oplossen", "Solving it yourself"),
            topic("service_desk", "De servicedesk", "The service desk"),
        ],
        lessons: vec![
            lesson(
                "self",
                3,
                &["self_service"],
                t("Eerst zelf", "Yourself first"),
                t(
                    r#"
Veel problemen los je in een paar minuten zelf op:

1. **Start het apparaat opnieuw op.** Het klinkt simpel, maar het helpt verrassend vaak.
2. **Installeer updates** van het besturingssysteem en van Bedrijfsportal.
3. **Kijk in Bedrijfsportal** bij je apparaat: staat er een melding over wat er moet
   gebeuren? Kies daar **Status controleren** (of *Check status*).
4. **Zoek op het intranet** in de veelgestelde vragen over het nieuwe beheer.

Werkt een werk-app niet? Kijk in Bedrijfsportal of hij nog wordt geïnstalleerd; dat kan na
het inschrijven even duren.
"#,
                    r#"
Many problems take a few minutes to solve yourself:

1. **Restart the device.** It sounds simple, but it helps surprisingly often.
2. **Install updates** of the operating system and of Company Portal.
3. **Look in Company Portal** at your device: is there a message about what to do? Choose
   **Check status** there.
4. **Search the intranet** FAQ about the new device management.

A work app doesn't work? See in Company Portal whether it is still installing; that can
take a while after enrolling.
"#,
                ),
            ),
            lesson(
                "desk",
                3,
                &["service_desk"],
                t("Dan de servicedesk", "Then the service desk"),
                t(
                    r#"
Lukt het niet binnen een kwartier, of kun je niet werken? Neem dan contact op met de
**servicedesk**. Je bent sneller geholpen als je meteen vertelt:

- welk apparaat je hebt (bijvoorbeeld iPhone 13 met iOS 17);
- wat je probeerde te doen;
- de **foutmelding**: een schermafbeelding of foto is het handigst;
- wat je al hebt geprobeerd.

De servicedesk vraagt **nooit** om je wachtwoord. Krijg je een bericht dat daar wel om
vraagt, meld het dan als phishing.
"#,
                    r#"
Not solved within fifteen minutes, or can't you work? Then contact the **service desk**.
You're helped faster if you tell them straight away:

- which device you have (for example an iPhone 13 on iOS 17);
- what you were trying to do;
- the **error message**: a screenshot or photo is most useful;
- what you already tried.

The service desk **never** asks for your password. If a message does, report it as
phishing.
"#,
                ),
            ),
        ],
        draw: Default::default(),
        questions: vec![
            ordering(
                "self_order",
                "self_service",
                t(
                    "In welke volgorde pak je een probleem aan?",
                    "In which order do you tackle a problem?",
                ),
                vec![
                    ("restart", t("Opnieuw opstarten", "Restart")),
                    ("update", t("Updates installeren", "Install updates")),
                    (
                        "portal",
                        t("Kijken in Bedrijfsportal", "Look in Company Portal"),
                    ),
                    (
                        "desk",
                        t("Contact met de servicedesk", "Contact the service desk"),
                    ),
                ],
                t(
                    "Goed: eerst zelf, dan de servicedesk.",
                    "Right: yourself first, then the service desk.",
                ),
                t(
                    "Bijna: begin met opnieuw opstarten en updates, kijk in Bedrijfsportal, en neem daarna contact op met de servicedesk.",
                    "Almost: start with a restart and updates, look in Company Portal, and then contact the service desk.",
                ),
            ),
            single(
                "self_app",
                "self_service",
                t(
                    "Een werk-app staat er na het inschrijven nog niet. Wat doe je eerst?",
                    "A work app isn't there yet after enrolling. What do you do first?",
                ),
                vec![
                    opt(
                        "portal",
                        true,
                        t(
                            "In Bedrijfsportal kijken of hij nog wordt geïnstalleerd",
                            "Check in Company Portal whether it is still installing",
                        ),
                        t("Goed: dat kan even duren.", "Right: it can take a while."),
                    ),
                    opt(
                        "store",
                        false,
                        t(
                            "Een andere app met dezelfde naam uit de winkel halen",
                            "Get another app with the same name from the store",
                        ),
                        t(
                            "Liever niet: werk-apps komen via Bedrijfsportal.",
                            "Better not: work apps come through Company Portal.",
                        ),
                    ),
                ],
            ),
            multiple(
                "desk_details",
                "service_desk",
                t(
                    "Wat vertel je de servicedesk meteen? (meer antwoorden)",
                    "What do you tell the service desk straight away? (several answers)",
                ),
                vec![
                    opt(
                        "device",
                        true,
                        t("Welk apparaat en welke versie", "Which device and version"),
                        t("Ja.", "Yes."),
                    ),
                    opt(
                        "error",
                        true,
                        t("De foutmelding", "The error message"),
                        t(
                            "Ja: liefst als schermafbeelding.",
                            "Yes: preferably as a screenshot.",
                        ),
                    ),
                    opt(
                        "tried",
                        true,
                        t("Wat je al hebt geprobeerd", "What you already tried"),
                        t(
                            "Ja: dat scheelt dubbel werk.",
                            "Yes: that saves doing it twice.",
                        ),
                    ),
                    opt(
                        "password",
                        false,
                        t("Je wachtwoord", "Your password"),
                        t("Nooit.", "Never."),
                    ),
                ],
            ),
            truth(
                "desk_password",
                "service_desk",
                t(
                    "De servicedesk kan je om je wachtwoord vragen om je sneller te helpen.",
                    "The service desk may ask for your password to help you faster.",
                ),
                false,
                t(
                    "Nee: de servicedesk vraagt nooit om je wachtwoord. Meld zo'n vraag als phishing.",
                    "No: the service desk never asks for your password. Report such a request as phishing.",
                ),
                t("Klopt: nooit.", "Right: never."),
            ),
        ],
    });
    if let Some(quiz) = m.quiz.as_mut() {
        // Four questions: one slip still passes.
        quiz.pass_mark = 0.75;
    }
    m
}
