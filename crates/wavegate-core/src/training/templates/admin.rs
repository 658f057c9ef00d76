//! For admins in operations: daily monitoring in the console, responding to alerts, and keeping
//! policies and app distribution on plan.

use super::{Parts, lesson, module, multiple, opt, ordering, single, t, targets, topic, truth};
use crate::training::model::{AttemptPolicy, Module};

/// Daily operations in the Intune admin center.
pub fn operations() -> Module {
    let mut m = module(Parts {
        id: "admin-operations",
        title: t(
            "Dagelijks beheer in de console",
            "Daily operations in the console",
        ),
        description: t(
            "Voor beheerders: elke dag controleren, reageren op waarschuwingen, en beleid en apps volgens plan houden.",
            "For admins: checking every day, responding to alerts, and keeping policies and apps on plan.",
        ),
        estimate_minutes: 18,
        targets: targets(&[("role", &["admin", "beheerder", "it-admin"])]),
        topics: vec![
            topic("monitoring", "Dagelijkse controle", "Daily monitoring"),
            topic(
                "alerts",
                "Reageren op waarschuwingen",
                "Responding to alerts",
            ),
            topic(
                "on_plan",
                "Beleid en apps volgens plan",
                "Policies and apps on plan",
            ),
        ],
        lessons: vec![
            lesson(
                "monitor",
                5,
                &["monitoring"],
                t("Elke dag tien minuten", "Ten minutes every day"),
                t(
                    r#"
Een vaste ronde door het **Intune-beheercentrum** voorkomt dat kleine problemen groot worden.
Kijk elke ochtend naar:

1. **Apparaten > Controleren** (*Monitor*): het aandeel apparaten dat voldoet, en welke
   regels het vaakst niet worden gehaald.
2. **Mislukte inschrijvingen**: pieken per platform of per reden (*UserAbandonment*,
   *Authentication*, …) wijzen op een oorzaak die meer mensen raakt.
3. **Installatiestatus van apps**: apps die bij veel apparaten mislukken.
4. **Servicestatus en Berichtencentrum**: storingen en aangekondigde wijzigingen van Microsoft.

Noteer wat je ziet in het logboek van het team, ook als alles in orde is: zo zie je trends.
"#,
                    r#"
A fixed round through the **Intune admin center** keeps small problems small. Every morning,
look at:

1. **Devices > Monitor**: the share of compliant devices, and which rules fail most.
2. **Enrollment failures**: peaks per platform or per reason (*UserAbandonment*,
   *Authentication*, …) point to a cause that affects more people.
3. **App install status**: apps failing on many devices.
4. **Service health and Message center**: Microsoft's incidents and announced changes.

Note what you see in the team's log, even when all is well: that's how you see trends.
"#,
                ),
            ),
            lesson(
                "alerts",
                5,
                &["alerts"],
                t("Reageren op waarschuwingen", "Responding to alerts"),
                t(
                    r#"
Als een waarschuwing of een piek opduikt:

1. **Bepaal de omvang**: hoeveel apparaten of mensen, welk platform, sinds wanneer?
2. **Kijk naar de servicestatus**: ligt het bij Microsoft, dan wacht je en informeer je.
3. **Zoek wat er veranderde**: een nieuw beleid, een update van het besturingssysteem, een
   gewijzigde toewijzing.
4. **Herstel of draai terug**, eerst bij een kleine groep.
5. **Informeer de servicedesk** en, als gebruikers het merken, de gebruikers zelf.

Leg elke stap vast. De servicedesk moet weten wat er speelt voordat de telefoon gaat.
"#,
                    r#"
When an alert or a peak shows up:

1. **Size it**: how many devices or people, which platform, since when?
2. **Check service health**: if it's on Microsoft's side, wait and inform.
3. **Find what changed**: a new policy, an operating system update, a changed assignment.
4. **Fix or roll back**, first for a small group.
5. **Inform the service desk** and, if users notice, the users themselves.

Record every step. The service desk must know what's going on before the phones ring.
"#,
                ),
            ),
            lesson(
                "on_plan",
                4,
                &["on_plan"],
                t("Beleid en apps volgens plan", "Policies and apps on plan"),
                t(
                    r#"
Beleid en app-distributie veranderen door het jaar heen. Houd ze beheersbaar:

- **Wijzig via een vaste route**: eerst een testgroep, dan een kleine groep, dan iedereen.
- **Controleer toewijzingen** elke maand: groepen die niet meer kloppen, dubbel of
  tegenstrijdig beleid.
- **Volg aankondigingen** in het Berichtencentrum en plan wijzigingen die gebruikers merken.
- **Werk het trainingsmateriaal en de servicedesk bij** als iets verandert voor gebruikers.

Zo loopt de uitrol zoals gepland, en weet iedereen wat er komt.
"#,
                    r#"
Policies and app distribution change through the year. Keep them manageable:

- **Change through a fixed route**: a test group first, then a small group, then everyone.
- **Review assignments** every month: groups that are out of date, duplicate or
  conflicting policies.
- **Follow announcements** in the Message center and plan changes users will notice.
- **Update the training material and the service desk** when something changes for users.

That keeps the rollout as planned, and everyone knows what's coming.
"#,
                ),
            ),
        ],
        draw: [("monitoring".to_string(), 2)].into(),
        questions: vec![
            multiple(
                "monitoring_round",
                "monitoring",
                t(
                    "Wat hoort bij de dagelijkse ronde? (meer antwoorden)",
                    "What belongs in the daily round? (several answers)",
                ),
                vec![
                    opt(
                        "compliance",
                        true,
                        t(
                            "Het aandeel apparaten dat voldoet",
                            "The share of compliant devices",
                        ),
                        t("Ja.", "Yes."),
                    ),
                    opt(
                        "failures",
                        true,
                        t(
                            "Mislukte inschrijvingen per platform en reden",
                            "Enrollment failures per platform and reason",
                        ),
                        t("Ja.", "Yes."),
                    ),
                    opt(
                        "health",
                        true,
                        t(
                            "Servicestatus en Berichtencentrum",
                            "Service health and Message center",
                        ),
                        t("Ja.", "Yes."),
                    ),
                    opt(
                        "mail",
                        false,
                        t("De mailbox van gebruikers", "Users' mailboxes"),
                        t(
                            "Nee: dat hoort niet bij apparaatbeheer.",
                            "No: that's not part of device management.",
                        ),
                    ),
                ],
            ),
            single(
                "monitoring_peak",
                "monitoring",
                t(
                    "Mislukte iOS-inschrijvingen met reden *UserAbandonment* lopen op. Wat zegt dat?",
                    "iOS enrollment failures with reason *UserAbandonment* are rising. What does that tell you?",
                ),
                vec![
                    opt(
                        "instructions",
                        true,
                        t(
                            "Mensen maken het inschrijven niet af; de instructie moet beter",
                            "People don't finish enrolling; the instructions need work",
                        ),
                        t(
                            "Goed: vaak wordt het profiel niet geïnstalleerd of niet afgerond in Bedrijfsportal.",
                            "Right: often the profile isn't installed or not finished in Company Portal.",
                        ),
                    ),
                    opt(
                        "outage",
                        false,
                        t("Intune ligt plat", "Intune is down"),
                        t(
                            "Dan zou je andere redenen en meer platforms zien.",
                            "You would see other reasons and more platforms.",
                        ),
                    ),
                ],
            ),
            truth(
                "monitoring_log",
                "monitoring",
                t(
                    "Als alles in orde is, hoef je niets te noteren.",
                    "When everything is fine, there is nothing to note.",
                ),
                false,
                t(
                    "Toch wel: ook rustige dagen laten trends zien.",
                    "You should: quiet days show trends too.",
                ),
                t(
                    "Klopt: ook rustige dagen noteer je.",
                    "Right: you note quiet days too.",
                ),
            ),
            ordering(
                "alerts_order",
                "alerts",
                t(
                    "Zet de stappen bij een waarschuwing in volgorde.",
                    "Put the steps after an alert in order.",
                ),
                vec![
                    ("size", t("De omvang bepalen", "Size it")),
                    (
                        "health",
                        t("De servicestatus bekijken", "Check service health"),
                    ),
                    ("change", t("Zoeken wat er veranderde", "Find what changed")),
                    (
                        "fix",
                        t(
                            "Herstellen, eerst bij een kleine groep",
                            "Fix, first for a small group",
                        ),
                    ),
                ],
                t("Goed.", "Right."),
                t(
                    "Niet helemaal: omvang, servicestatus, wat veranderde, en dan herstellen bij een kleine groep.",
                    "Not quite: size, service health, what changed, then fix for a small group.",
                ),
            ),
            single(
                "alerts_helpdesk",
                "alerts",
                t(
                    "Wanneer informeer je de servicedesk over een probleem dat gebruikers merken?",
                    "When do you inform the service desk about a problem users notice?",
                ),
                vec![
                    opt(
                        "now",
                        true,
                        t(
                            "Meteen, nog voor het is opgelost",
                            "Straight away, before it's fixed",
                        ),
                        t(
                            "Goed: dan kunnen ze vragen meteen beantwoorden.",
                            "Right: then they can answer questions straight away.",
                        ),
                    ),
                    opt(
                        "after",
                        false,
                        t("Pas als het is opgelost", "Only once it's fixed"),
                        t(
                            "Te laat: de telefoon gaat dan al.",
                            "Too late: the phones are already ringing.",
                        ),
                    ),
                ],
            ),
            single(
                "on_plan_route",
                "on_plan",
                t(
                    "Je wilt een nieuw beleid invoeren. Hoe?",
                    "You want to roll out a new policy. How?",
                ),
                vec![
                    opt(
                        "staged",
                        true,
                        t(
                            "Testgroep, kleine groep, iedereen",
                            "Test group, small group, everyone",
                        ),
                        t(
                            "Goed: zo zie je problemen voordat iedereen ze heeft.",
                            "Right: you see problems before everyone has them.",
                        ),
                    ),
                    opt(
                        "all",
                        false,
                        t(
                            "Meteen voor iedereen, dan is het klaar",
                            "For everyone at once, then it's done",
                        ),
                        t(
                            "Riskant: een fout raakt dan iedereen tegelijk.",
                            "Risky: a mistake then hits everyone at once.",
                        ),
                    ),
                ],
            ),
            truth(
                "on_plan_training",
                "on_plan",
                t(
                    "Als er iets verandert voor gebruikers, werk je ook het trainingsmateriaal bij.",
                    "When something changes for users, you update the training material too.",
                ),
                true,
                t(
                    "Klopt: en informeer de servicedesk.",
                    "Right: and inform the service desk.",
                ),
                t(
                    "Toch wel: anders leren nieuwe mensen de oude werkwijze.",
                    "You do: otherwise new people learn the old way.",
                ),
            ),
        ],
    });
    if let Some(quiz) = m.quiz.as_mut() {
        // Admins are expected to know this well: three tries, with time to re-read in between.
        quiz.attempts = AttemptPolicy {
            max: Some(3),
            wait_minutes: 30,
        };
    }
    m
}
