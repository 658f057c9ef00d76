//! "Enroll your device" for an iPhone or iPad: its start, steps and failure reasons.

use super::super::{opt, single, t, truth};
use super::{Platform, enroll, steps_order};
use crate::training::model::Module;

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
        steps: t(
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
        trouble: t(
            r#"
| Wat je ziet | Wat je doet |
|---|---|
| Het inschrijven bleef halverwege steken (*UserAbandonment*) | Het profiel is gedownload maar niet geïnstalleerd. Installeer het binnen een paar minuten via Instellingen en ga terug naar Bedrijfsportal. Te laat? Begin opnieuw in Bedrijfsportal. |
| Inschrijven is niet toegestaan (*EnrollmentRestrictionsEnforced*) | Je iOS-versie is te oud, of dit soort apparaat of het aantal apparaten is niet toegestaan. Installeer updates; helpt dat niet, vraag het de servicedesk. |
| De verbinding viel weg (*ClientDisconnected*) | Ga op stabiele wifi zitten en probeer het opnieuw. |

Lukt het na twee pogingen niet, ga dan naar de servicedesk met je iOS-versie
(**Instellingen > Algemeen > Info**) en een schermafbeelding van de melding.
"#,
            r#"
| What you see | What you do |
|---|---|
| Enrollment stopped halfway (*UserAbandonment*) | The profile was downloaded but not installed. Install it within a few minutes from Settings and go back to Company Portal. Too late? Start again in Company Portal. |
| Enrollment is not allowed (*EnrollmentRestrictionsEnforced*) | Your iOS version is too old, or this kind of device or the number of devices is not allowed. Install updates; if that doesn't help, ask the service desk. |
| The connection dropped (*ClientDisconnected*) | Get on stable Wi-Fi and try again. |

If it still fails after two tries, go to the service desk with your iOS version
(**Settings > General > About**) and a screenshot of the message.
"#,
        ),
        questions: vec![
            steps_order(
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
