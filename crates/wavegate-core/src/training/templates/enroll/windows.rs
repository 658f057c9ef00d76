//! "Enroll your device" for a Windows PC: its start, steps and failure reasons.

use super::super::{multiple, opt, single, t, truth};
use super::{Platform, enroll, steps_order};
use crate::training::model::Module;

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
        steps: t(
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
        trouble: t(
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
        questions: vec![
            steps_order(
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
