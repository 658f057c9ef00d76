//! "What changes for you": what the organisation can and cannot see on a managed device
//! (especially a personal one), what the device must do, and what is wiped when you stop.

use super::super::{Parts, lesson, module, multiple, opt, single, t, topic, truth};
use crate::training::model::{Module, Targets};

/// What changes for you on a managed device.
pub fn what_changes() -> Module {
    module(Parts {
        id: "what-changes",
        title: t("Wat verandert er voor jou", "What changes for you"),
        description: t(
            "Wat je organisatie wel en niet ziet op een beheerd apparaat, en wat je eigen keuze blijft.",
            "What your organisation can and cannot see on a managed device, and what stays your choice.",
        ),
        estimate_minutes: 12,
        targets: Targets::new(),
        topics: vec![
            topic(
                "privacy",
                "Wat de organisatie ziet",
                "What the organisation sees",
            ),
            topic(
                "rules",
                "Wat er van je apparaat gevraagd wordt",
                "What your device must do",
            ),
            topic("leaving", "Stoppen of vertrekken", "Stopping or leaving"),
        ],
        lessons: vec![
            lesson(
                "sees",
                4,
                &["privacy"],
                t(
                    "Wat de organisatie wel en niet ziet",
                    "What the organisation can and cannot see",
                ),
                t(
                    r#"
Beheer gaat over **werkgegevens** en de **veiligheid van het apparaat**, niet over jou.

**Wel zichtbaar voor de organisatie**

- merk, model en naam van het apparaat, en de versie van het besturingssysteem;
- of het apparaat aan de regels voldoet: versleuteld, met een toegangscode, bijgewerkt;
- de werk-apps die de organisatie heeft geïnstalleerd;
- op een apparaat **van de organisatie** ook het serienummer en de lijst van alle apps.

**Niet zichtbaar**

- je privémail, berichten en gesprekken;
- je foto's, bestanden en browsergeschiedenis;
- wat je in privé-apps doet;
- je locatie tijdens normaal gebruik;
- op een **eigen** apparaat: welke privé-apps je hebt.

Twijfel je? In Bedrijfsportal staat per apparaat wat je organisatie kan zien.
"#,
                    r#"
Management is about **work data** and **device security**, not about you.

**Visible to the organisation**

- the device's make, model and name, and the operating system version;
- whether the device meets the rules: encrypted, with a passcode, up to date;
- the work apps the organisation installed;
- on a device **owned by the organisation**, also the serial number and the list of all apps.

**Not visible**

- your personal mail, messages and calls;
- your photos, files and browsing history;
- what you do in personal apps;
- your location during normal use;
- on a **personal** device: which personal apps you have.

In doubt? Company Portal shows, per device, what your organisation can see.
"#,
                ),
            ),
            lesson(
                "rules",
                3,
                &["rules"],
                t(
                    "Wat er van je apparaat gevraagd wordt",
                    "What your device must do",
                ),
                t(
                    r#"
Om werkgegevens te beschermen vraagt de organisatie een paar dingen van je apparaat:

- een **toegangscode** of wachtwoord, en een schermvergrendeling na korte tijd;
- **versleuteling** (op de meeste moderne apparaten staat die al aan);
- een **bijgewerkt** besturingssysteem.

Voldoet je apparaat niet, dan meldt Bedrijfsportal wat er moet gebeuren. Tot het is opgelost
kan de toegang tot werkmail en -bestanden tijdelijk dicht zijn. Dat is geen straf: zo blijven
werkgegevens van gestolen of onveilige apparaten af.

Vroeger zette je misschien zelf je werkmail in de mail-app van je telefoon. Nu lees je
werkmail in de werk-apps die Bedrijfsportal installeert.
"#,
                    r#"
To protect work data, the organisation asks a few things of your device:

- a **passcode** or password, and a screen lock after a short time;
- **encryption** (on most modern devices it is already on);
- an **up-to-date** operating system.

If your device doesn't comply, Company Portal tells you what to do. Until it's fixed,
access to work mail and files may be closed for a while. That's not a punishment: it keeps
work data off stolen or unsafe devices.

You may have set up work mail in your phone's mail app yourself before. Now you read work
mail in the work apps Company Portal installs.
"#,
                ),
            ),
            lesson(
                "leaving",
                3,
                &["leaving"],
                t("Stoppen of vertrekken", "Stopping or leaving"),
                t(
                    r#"
Op een **eigen** apparaat kan de organisatie alleen de **werkgegevens** wissen: de werk-apps,
je werkmail en het werkprofiel. Je foto's, privé-apps en berichten blijven staan.

Een **volledige wisbeurt** (het apparaat terug naar fabrieksinstellingen) kan alleen bij een
apparaat van de organisatie, bijvoorbeeld als het gestolen is.

Ga je weg bij de organisatie of wil je een eigen apparaat niet meer gebruiken voor werk?
Verwijder het dan in Bedrijfsportal, of vraag de servicedesk. De werkgegevens gaan eraf;
de rest blijft van jou.
"#,
                    r#"
On a **personal** device the organisation can wipe only **work data**: the work apps, your
work mail and the work profile. Your photos, personal apps and messages stay.

A **full wipe** (the device back to factory settings) is possible only on a device owned
by the organisation, for example when it is stolen.

Leaving the organisation, or no longer using a personal device for work? Remove it in
Company Portal, or ask the service desk. The work data goes; the rest stays yours.
"#,
                ),
            ),
        ],
        draw: [("privacy".to_string(), 3)].into(),
        questions: vec![
            truth(
                "privacy_photos",
                "privacy",
                t(
                    "Je organisatie kan de foto's op je eigen telefoon bekijken.",
                    "Your organisation can look at the photos on your personal phone.",
                ),
                false,
                t(
                    "Nee: foto's, berichten en privébestanden zijn niet zichtbaar.",
                    "No: photos, messages and personal files are not visible.",
                ),
                t(
                    "Klopt: je foto's blijven privé.",
                    "Right: your photos stay private.",
                ),
            ),
            truth(
                "privacy_os",
                "privacy",
                t(
                    "Je organisatie ziet welke versie van het besturingssysteem je apparaat heeft.",
                    "Your organisation sees which operating system version your device runs.",
                ),
                true,
                t(
                    "Klopt: zo weet ze of je apparaat bijgewerkt en veilig is.",
                    "Right: that tells them whether your device is up to date and safe.",
                ),
                t(
                    "Toch wel: de versie is nodig om te zien of je apparaat veilig is.",
                    "It does: the version shows whether your device is safe.",
                ),
            ),
            multiple(
                "privacy_visible",
                "privacy",
                t(
                    "Wat ziet de organisatie van je eigen telefoon? (meer antwoorden)",
                    "What does the organisation see of your personal phone? (several answers)",
                ),
                vec![
                    opt(
                        "model",
                        true,
                        t("Merk en model", "Make and model"),
                        t("Ja.", "Yes."),
                    ),
                    opt(
                        "compliance",
                        true,
                        t("Of er een toegangscode op zit", "Whether it has a passcode"),
                        t(
                            "Ja: dat hoort bij de regels.",
                            "Yes: that is part of the rules.",
                        ),
                    ),
                    opt(
                        "browsing",
                        false,
                        t("Je browsergeschiedenis", "Your browsing history"),
                        t("Nee, die is niet zichtbaar.", "No, that is not visible."),
                    ),
                    opt(
                        "apps",
                        false,
                        t(
                            "De lijst van je privé-apps",
                            "The list of your personal apps",
                        ),
                        t(
                            "Nee: op een eigen apparaat alleen de werk-apps.",
                            "No: on a personal device only the work apps.",
                        ),
                    ),
                ],
            ),
            single(
                "privacy_location",
                "privacy",
                t(
                    "Volgt de organisatie waar je bent?",
                    "Does the organisation track where you are?",
                ),
                vec![
                    opt(
                        "no",
                        true,
                        t(
                            "Nee, niet tijdens normaal gebruik",
                            "No, not during normal use",
                        ),
                        t("Goed.", "Right."),
                    ),
                    opt(
                        "yes",
                        false,
                        t("Ja, altijd", "Yes, always"),
                        t(
                            "Nee: je locatie is niet zichtbaar tijdens normaal gebruik.",
                            "No: your location is not visible during normal use.",
                        ),
                    ),
                ],
            ),
            truth(
                "privacy_messages",
                "privacy",
                t(
                    "Je organisatie kan je WhatsApp-berichten lezen.",
                    "Your organisation can read your WhatsApp messages.",
                ),
                false,
                t(
                    "Nee: wat je in privé-apps doet is niet zichtbaar.",
                    "No: what you do in personal apps is not visible.",
                ),
                t("Klopt.", "Right."),
            ),
            single(
                "rules_blocked",
                "rules",
                t(
                    "Je werkmail is ineens dicht en Bedrijfsportal meldt dat je apparaat niet voldoet. Wat doe je?",
                    "Your work mail is suddenly closed and Company Portal says your device doesn't comply. What do you do?",
                ),
                vec![
                    opt(
                        "fix",
                        true,
                        t(
                            "Doen wat Bedrijfsportal vraagt, zoals een update installeren",
                            "Do what Company Portal asks, such as installing an update",
                        ),
                        t(
                            "Goed: zodra het is opgelost gaat de toegang weer open.",
                            "Right: access reopens once it's fixed.",
                        ),
                    ),
                    opt(
                        "remove",
                        false,
                        t("Bedrijfsportal verwijderen", "Remove Company Portal"),
                        t(
                            "Dan kom je helemaal niet meer bij je werkmail.",
                            "Then you can't reach work mail at all.",
                        ),
                    ),
                ],
            ),
            truth(
                "rules_passcode",
                "rules",
                t(
                    "Een toegangscode op je apparaat hoort bij de regels.",
                    "A passcode on your device is one of the rules.",
                ),
                true,
                t("Klopt.", "Right."),
                t(
                    "Toch wel: een toegangscode beschermt werkgegevens als je apparaat kwijt is.",
                    "It is: a passcode protects work data if your device is lost.",
                ),
            ),
            single(
                "leaving_wipe",
                "leaving",
                t(
                    "Wat kan de organisatie wissen op je eigen telefoon?",
                    "What can the organisation wipe on your personal phone?",
                ),
                vec![
                    opt(
                        "work",
                        true,
                        t("Alleen de werkgegevens", "Only the work data"),
                        t(
                            "Goed: je foto's en privé-apps blijven staan.",
                            "Right: your photos and personal apps stay.",
                        ),
                    ),
                    opt(
                        "all",
                        false,
                        t("De hele telefoon", "The whole phone"),
                        t(
                            "Nee: een volledige wisbeurt kan alleen bij een apparaat van de organisatie.",
                            "No: a full wipe is possible only on a device owned by the organisation.",
                        ),
                    ),
                ],
            ),
            truth(
                "leaving_remove",
                "leaving",
                t(
                    "Als je vertrekt, verwijder je je eigen apparaat in Bedrijfsportal of via de servicedesk.",
                    "When you leave, you remove your personal device in Company Portal or through the service desk.",
                ),
                true,
                t(
                    "Klopt: de werkgegevens gaan eraf, de rest blijft.",
                    "Right: the work data goes, the rest stays.",
                ),
                t(
                    "Toch wel: zo verdwijnen de werkgegevens netjes.",
                    "You do: that removes the work data cleanly.",
                ),
            ),
        ],
    })
}
