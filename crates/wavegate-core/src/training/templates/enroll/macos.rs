//! "Enroll your device" for a Mac: its start, steps and failure reasons.

use super::super::{opt, single, t, truth};
use super::{Platform, enroll};
use crate::training::model::Module;

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
        steps: t(
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
        trouble: t(
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
