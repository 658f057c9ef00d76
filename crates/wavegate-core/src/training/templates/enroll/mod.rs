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
    /// How a device the organisation owns is usually set up instead, in Dutch and English.
    owned: (&'static str, &'static str),
    /// Where the trainee installs updates, in Dutch and English.
    updates: (&'static str, &'static str),
    /// The body of the lesson "The steps".
    steps: Text,
    /// The body of the lesson "When it fails": the failure reasons and what to do.
    trouble: Text,
    questions: Vec<Question>,
}

fn before(p: &Platform) -> Lesson {
    let (dev_nl, dev_en) = p.device;
    let (start_nl, start_en) = p.start;
    let (owned_nl, owned_en) = p.owned;
    let (updates_nl, updates_en) = p.updates;
    lesson(
        "before",
        3,
        &["why"],
        t("Voordat je begint", "Before you start"),
        Text::new(
            format!(
                r#"
Je organisatie beheert werkapparaten met Microsoft Intune. Je {dev_nl} **inschrijven** betekent
dat je apparaat bekend wordt bij de organisatie. Daarna krijgt het vanzelf de instellingen en
werk-apps die je nodig hebt, en kun je veilig bij je werkmail, Teams en bestanden. Raak je het
apparaat kwijt, dan kunnen de werkgegevens eraf worden gehaald voordat iemand anders erbij kan.

Deze module loopt met je mee: eerst wat je klaarlegt, dan de stappen, en tot slot wat je doet
als het niet lukt. Het inschrijven zelf kost tien tot vijftien minuten.

## Eigen apparaat of van de organisatie?

Dat maakt verschil, voor de route en voor wat de organisatie kan zien. {owned_nl} Die stappen
zijn er voor een apparaat dat je al gebruikt, zoals je eigen {dev_nl}. Vraagt een
scherm van wie het apparaat is, antwoord dan naar waarheid: het bepaalt welke gegevens de
organisatie te zien krijgt. Wat dat precies is, lees je in de module *Wat verandert er voor
jou*.

## Wat je klaarlegt

- je {dev_nl}, opgeladen of aan de lader;
- de nieuwste updates: {updates_nl};
- een stabiele wifi-verbinding, het liefst thuis of op kantoor;
- je werkaccount: je zakelijke e-mailadres en je wachtwoord;
- je telefoon met de app voor de extra inlogcontrole (meestal Microsoft Authenticator);
- een schermvergrendeling met een toegangscode of wachtwoord; heb je die nog niet, dan wordt
  erom gevraagd;
- wat vrije opslagruimte voor de werk-apps;
- tien tot vijftien minuten waarin je niet gestoord wordt.

**Waar je begint:** {start_nl}

Wordt er om een account gevraagd, gebruik dan je **werkaccount**, niet je Apple ID,
Google-account of persoonlijke Microsoft-account. Alleen aan je werkaccount herkent de
organisatie jou.

Je organisatie kan eigen instructies hebben, bijvoorbeeld een vaste week per afdeling of een
andere route. Wijken die af van deze module, volg dan de instructies van je organisatie.

> Tip: doe het niet onderweg. Een verbinding die wegvalt is een van de meest voorkomende
> redenen dat inschrijven mislukt.
"#
            ),
            format!(
                r#"
Your organisation manages work devices with Microsoft Intune. **Enrolling** your {dev_en}
means the organisation gets to know the device. From then on it receives the settings and
work apps you need by itself, and you can reach your work mail, Teams and files safely. If
you lose the device, the work data can be removed before anyone else gets to it.

This module walks along with you: first what to get ready, then the steps, and finally what
to do when it doesn't work. Enrolling itself takes ten to fifteen minutes.

## Your own device, or the organisation's?

It makes a difference, both to the route and to what the organisation can see. {owned_en}
Those steps are for a device you already use, such as your own {dev_en}. If a
screen asks who owns the device, answer truthfully: it decides which information the
organisation gets to see. What exactly that is, you read in the module *What changes for
you*.

## What to get ready

- your {dev_en}, charged or plugged in;
- the latest updates: {updates_en};
- a stable Wi-Fi connection, preferably at home or in the office;
- your work account: your work e-mail address and your password;
- your phone with the app for the extra sign-in check (usually Microsoft Authenticator);
- a screen lock with a passcode or password; if you don't have one yet, you'll be asked to
  set one;
- some free storage for the work apps;
- ten to fifteen minutes without interruptions.

**Where you start:** {start_en}

Whenever you're asked for an account, use your **work account**, not your Apple ID, Google
account or personal Microsoft account. Your work account is the only way the organisation
knows it's you.

Your organisation may have its own instructions, for example a set week per department or a
different route. Where they differ from this module, follow your organisation's
instructions.

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
                        "De organisatie herkent je aan je werkaccount.",
                        "The organisation knows you by your work account.",
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
                        "Met een privéaccount kan Intune je niet aan de organisatie koppelen.",
                        "With a personal account Intune cannot link you to the organisation.",
                    ),
                ),
                opt(
                    "any",
                    false,
                    t("Dat maakt niet uit", "It doesn't matter"),
                    t(
                        "Alleen je werkaccount werkt: daaraan herkent de organisatie jou.",
                        "Only your work account works: it is how the organisation knows it's you.",
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
                "Een verbinding die wegvalt laat het inschrijven mislukken. Kies een rustige plek met stabiele wifi.",
                "A connection that drops makes enrollment fail. Pick a quiet spot with stable Wi-Fi.",
            ),
            t(
                "Een stabiele verbinding en tien rustige minuten voorkomen de meeste problemen.",
                "A stable connection and ten quiet minutes prevent most problems.",
            ),
        ),
    ]
}

fn enroll(p: Platform) -> Module {
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
        3,
        &["trouble"],
        t("Als het niet lukt", "When it fails"),
        p.trouble,
    );
    let lessons = vec![before, steps, trouble];
    module(Parts {
        id: p.id,
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
