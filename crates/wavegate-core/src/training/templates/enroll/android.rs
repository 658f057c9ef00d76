//! "Enroll your device" for an Android phone or tablet: its start, steps and failure reasons.

use super::super::{opt, single, t, truth};
use super::{Platform, enroll};
use crate::training::model::Module;

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
        steps: t(
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
        trouble: t(
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
