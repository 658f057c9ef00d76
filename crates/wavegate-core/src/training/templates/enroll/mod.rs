//! "Enroll your device", one module per platform: before you start (shared), the steps, and
//! what you see and do when it fails, with the failure reasons Intune's enrollment-failure
//! export reports for that platform. The shared lessons and questions live here; each platform's
//! own steps and failure table live in a file of their own.

mod android;
mod ios;
mod macos;
mod windows;

pub use android::android;
pub use ios::ios;
pub use macos::macos;
pub use windows::windows;

use super::{Parts, lesson, module, opt, ordering, single, t, targets, topic, truth};
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
    /// The body of the lesson "The steps".
    steps: Text,
    /// The body of the lesson "When it fails": the failure reasons and what to do.
    trouble: Text,
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
    let before = before(&p);
    let steps = lesson(
        "steps",
        5,
        &["steps"],
        t("De stappen", "The steps"),
        p.steps,
    );
    let trouble = lesson(
        "trouble",
        4,
        &["trouble"],
        t("Als het niet lukt", "When it fails"),
        p.trouble,
    );
    let lessons = vec![before, steps, trouble];
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

/// The quiz question every platform asks: its enrollment steps in the right order.
fn steps_order(items: Vec<(&str, Text)>, correct: Text, incorrect: Text) -> Question {
    ordering(
        "steps_order",
        "steps",
        t(
            "Zet de stappen in de goede volgorde.",
            "Put the steps in the right order.",
        ),
        items,
        correct,
        incorrect,
    )
}
