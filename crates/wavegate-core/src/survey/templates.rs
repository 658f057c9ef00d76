//! Built-in surveys, in our own Dutch and English wording, with the stable ids of
//! docs/data-formats.md.
//!
//! Each is short, neutral and made for a phone: few questions per page, follow-up questions
//! only for those they concern. Planners copy one and adapt it; the copy keeps the stable ids,
//! so its results stay comparable with other waves.

use super::model::{
    Choice, Condition, MatrixItem, Page, Question, QuestionKind, Scalar, Survey, Test,
};
use crate::builtin_titles::{self, Titled};
use crate::i18n::Text;

/// Every built-in survey's id and title (Dutch, English), in one table: each survey takes its
/// title from here, and [`catalogue`] lists them without building a survey. A pick list that
/// built them would carry every question of every survey into the planner's wasm.
const TITLES: [Titled; 6] = [
    (
        "pilot-feedback",
        "Jouw ervaring met de pilot",
        "Your experience with the pilot",
    ),
    (
        "sus",
        "Gebruiksgemak van de Bedrijfsportal-app",
        "Ease of use of the Company Portal app",
    ),
    ("nps", "Zou je het aanraden?", "Would you recommend it?"),
    ("enps", "Werken bij ons", "Working here"),
    (
        "post-enrollment-pulse",
        "Hoe gaat het met je apparaat?",
        "How is your device doing?",
    ),
    (
        "om-pulse",
        "Even peilen: je apparaat op het werk",
        "Quick check: your work device",
    ),
];

/// The ids of the built-in surveys.
pub const IDS: [&str; 6] = builtin_titles::ids(&TITLES);

/// Every built-in survey's id and title, in the order of [`IDS`].
pub fn catalogue() -> Vec<(String, Text)> {
    builtin_titles::catalogue(&TITLES)
}

/// A built-in survey's title from [`TITLES`].
fn title(id: &str) -> Text {
    builtin_titles::title(&TITLES, id)
}

/// A built-in survey by id.
pub fn builtin(id: &str) -> Option<Survey> {
    match id {
        "pilot-feedback" => Some(pilot_feedback()),
        "sus" => Some(sus()),
        "nps" => Some(nps()),
        "enps" => Some(enps()),
        "post-enrollment-pulse" => Some(post_enrollment_pulse()),
        "om-pulse" => Some(om_pulse()),
        _ => None,
    }
}

/// Every built-in survey, in the order of [`IDS`].
pub fn all() -> Vec<Survey> {
    IDS.iter().filter_map(|id| builtin(id)).collect()
}

fn t(nl: &str, en: &str) -> Text {
    Text::new(nl, en)
}

fn agree(id: &str, nl: &str, en: &str) -> Question {
    Question::new(id, t(nl, en), QuestionKind::Agreement { points: 5 })
}

fn yes_no(id: &str, nl: &str, en: &str) -> Question {
    Question::new(id, t(nl, en), QuestionKind::YesNo)
}

fn long_text(id: &str, nl: &str, en: &str) -> Question {
    Question::new(
        id,
        t(nl, en),
        QuestionKind::Text {
            multiline: true,
            min_length: None,
            max_length: Some(1000),
        },
    )
}

fn answered(question: &str) -> Condition {
    Condition::Answer {
        question: question.to_string(),
        test: Test::Answered(true),
    }
}

fn said_yes(question: &str) -> Condition {
    Condition::answer_equals(question, Scalar::Bool(true))
}

fn page(id: &str, nl: &str, en: &str, questions: Vec<Question>) -> Page {
    Page::new(id, questions).titled(t(nl, en))
}

fn survey(id: &str, description: Text, pages: Vec<Page>) -> Survey {
    let mut s = Survey::new(id, title(id));
    s.description = Some(description);
    // The app's heading already thanks the respondent and its help section names the helpdesk:
    // the survey's own text adds only what is particular to it.
    s.thanks = Some(t(
        "Je antwoorden helpen ons de overstap voor de volgende groepen beter voor te bereiden.",
        "Your answers help us prepare the switch better for the next groups.",
    ));
    s.pages = pages;
    s
}

/// The 0–10 likelihood-to-recommend question with its end labels.
fn recommend(id: &str, measures: &str, nl: &str, en: &str) -> Question {
    Question::new(
        id,
        t(nl, en),
        QuestionKind::Rating {
            min: 0,
            max: 10,
            min_label: Some(t("Zeer onwaarschijnlijk", "Not at all likely")),
            max_label: Some(t("Zeer waarschijnlijk", "Extremely likely")),
        },
    )
    .measuring(measures)
    .required()
}

/// The follow-up that pipes the score back, so the respondent sees what they are explaining.
fn reason(id: &str, score: &str) -> Question {
    long_text(
        id,
        &format!("Je gaf een {{{score}}}. Wat is de belangrijkste reden voor dit cijfer?"),
        &format!("You gave a {{{score}}}. What is the main reason for this score?"),
    )
    .shown_if(answered(score))
}

/// The ten System Usability Scale items about the Company Portal app, odd items positive and
/// even items negative as the standard scoring expects.
fn sus_matrix() -> Question {
    let items = [
        (
            "Ik zou de Bedrijfsportal-app graag regelmatig gebruiken.",
            "I would be happy to use the Company Portal app regularly.",
        ),
        (
            "De app was ingewikkelder dan nodig.",
            "The app was more complicated than it needed to be.",
        ),
        (
            "De app was gemakkelijk te gebruiken.",
            "The app was easy to use.",
        ),
        (
            "Ik zou hulp van iemand van IT nodig hebben om de app te kunnen gebruiken.",
            "I would need help from someone in IT to be able to use the app.",
        ),
        (
            "De onderdelen van de app sloten goed op elkaar aan.",
            "The parts of the app fitted together well.",
        ),
        (
            "De app zat vol tegenstrijdigheden.",
            "The app was full of inconsistencies.",
        ),
        (
            "Ik denk dat de meeste collega's snel leren werken met de app.",
            "I think most colleagues will quickly learn to use the app.",
        ),
        (
            "De app was omslachtig in het gebruik.",
            "The app was awkward to use.",
        ),
        (
            "Ik voelde me zeker bij het gebruiken van de app.",
            "I felt confident using the app.",
        ),
        (
            "Ik moest veel leren voordat ik met de app aan de slag kon.",
            "I had to learn a lot before I could get going with the app.",
        ),
    ];
    let items = items
        .iter()
        .enumerate()
        .map(|(i, (nl, en))| MatrixItem::new(&format!("sus_{}", i + 1), nl, en))
        .collect();
    Question::new(
        "sus",
        t(
            "Hoe was het om de Bedrijfsportal-app te gebruiken?",
            "What was it like to use the Company Portal app?",
        ),
        QuestionKind::Matrix { points: 5, items },
    )
    .with_help(t(
        "Geef bij elke uitspraak aan in hoeverre je het ermee eens bent. Ga af op je eerste indruk.",
        "For each statement, say how much you agree. Go with your first impression.",
    ))
    .measuring("sus")
    .required()
}

fn helpdesk_questions(contacted_nl: &str, contacted_en: &str) -> Vec<Question> {
    vec![
        yes_no("helpdesk_contacted", contacted_nl, contacted_en),
        agree(
            "helpdesk_resolved",
            "De helpdesk heeft mijn vraag goed opgelost.",
            "The helpdesk dealt with my question well.",
        )
        .measuring("helpdesk.resolution")
        .shown_if(said_yes("helpdesk_contacted")),
    ]
}

/// Pilot feedback: enrollment, ADKAR, communication, training, helpdesk, SUS and NPS.
fn pilot_feedback() -> Survey {
    let platform_unknown = Condition::Attribute {
        attribute: "platform".into(),
        test: Test::Answered(false),
    };
    let on_ios = Condition::Any(vec![
        Condition::Attribute {
            attribute: "platform".into(),
            test: Test::OneOf(vec![
                Scalar::Str("iOS".into()),
                Scalar::Str("iPadOS".into()),
            ]),
        },
        Condition::answer_equals("platform", Scalar::Str("ios".into())),
    ]);
    let enrollment = page(
        "enrollment",
        "Je apparaat inschrijven",
        "Enrolling your device",
        vec![
            Question::new(
                "platform",
                t("Welk apparaat heb je ingeschreven?", "Which device did you enroll?"),
                QuestionKind::SingleChoice {
                    choices: vec![
                        Choice::new("windows", "Windows-laptop of -pc", "Windows laptop or PC"),
                        Choice::new("ios", "iPhone of iPad", "iPhone or iPad"),
                        Choice::new("android", "Android-telefoon of -tablet", "Android phone or tablet"),
                        Choice::new("macos", "Mac", "Mac"),
                    ],
                    other: true,
                },
            )
            .required()
            .shown_if(platform_unknown),
            agree(
                "enroll_experience",
                "Het inschrijven van mijn apparaat ging soepel.",
                "Enrolling my device went smoothly.",
            )
            .measuring("enroll_experience")
            .required(),
            agree(
                "ios_profile_clear",
                "De stappen om het beheerprofiel op mijn iPhone of iPad te installeren waren duidelijk.",
                "The steps to install the management profile on my iPhone or iPad were clear.",
            )
            .shown_if(on_ios),
            Question::new(
                "enroll_problems",
                t("Waar liep je tegenaan?", "What did you run into?"),
                QuestionKind::MultipleChoice {
                    choices: vec![
                        Choice::new("sign_in", "Inloggen of verificatie", "Signing in or verification"),
                        Choice::new("instructions", "Onduidelijke instructies", "Unclear instructions"),
                        Choice::new("app_install", "Apps die niet (goed) installeerden", "Apps that did not install (properly)"),
                        Choice::new("compliance", "Meldingen dat mijn apparaat niet voldoet", "Messages that my device is not compliant"),
                        Choice::new("slow", "Het duurde lang", "It took a long time"),
                        Choice::new("privacy", "Zorgen over mijn privacy", "Concerns about my privacy"),
                    ],
                    min: None,
                    max: None,
                    other: true,
                },
            )
            .with_help(t("Kies alles wat van toepassing is.", "Choose all that apply."))
            .shown_if(Condition::Answer {
                question: "enroll_experience".into(),
                test: Test::AtMost(3),
            }),
        ],
    );
    let why = page(
        "change_why",
        "De verandering",
        "The change",
        vec![
            agree(
                "adkar_awareness",
                "Ik begrijp waarom we onze apparaten voortaan centraal beheren.",
                "I understand why we are moving to centrally managed devices.",
            )
            .measuring("adkar.awareness")
            .required(),
            agree(
                "adkar_desire",
                "Ik sta achter deze verandering.",
                "I support this change.",
            )
            .measuring("adkar.desire")
            .required(),
        ],
    );
    let how = page(
        "change_how",
        "Werken op de nieuwe manier",
        "Working the new way",
        vec![
            agree(
                "adkar_knowledge",
                "Ik weet wat ik moet doen om mijn apparaat op de nieuwe manier te gebruiken.",
                "I know what I need to do to use my device the new way.",
            )
            .measuring("adkar.knowledge")
            .required(),
            agree(
                "adkar_ability",
                "Ik kan mijn werk op mijn apparaat nu zonder problemen doen.",
                "I can now do my work on my device without problems.",
            )
            .measuring("adkar.ability")
            .required(),
            agree(
                "adkar_reinforcement",
                "Ik verwacht dat ik op de nieuwe manier blijf werken, ook na de pilot.",
                "I expect to keep working the new way after the pilot, too.",
            )
            .measuring("adkar.reinforcement")
            .required(),
        ],
    );
    let mut support_questions = vec![
        agree(
            "comm_clarity",
            "De informatie die ik vooraf kreeg was duidelijk.",
            "The information I received beforehand was clear.",
        )
        .measuring("communication.clarity"),
        yes_no(
            "training_used",
            "Heb je de handleiding of de training gebruikt?",
            "Did you use the guide or the training?",
        ),
        agree(
            "training_useful",
            "De handleiding of training hielp me bij het inschrijven.",
            "The guide or training helped me enroll.",
        )
        .measuring("training.usefulness")
        .shown_if(said_yes("training_used")),
    ];
    support_questions.extend(helpdesk_questions(
        "Heb je contact gehad met de helpdesk over het inschrijven?",
        "Did you contact the helpdesk about enrolling?",
    ));
    let support = page(
        "support",
        "Informatie en ondersteuning",
        "Information and support",
        support_questions,
    );
    let usability = page(
        "usability",
        "De Bedrijfsportal-app",
        "The Company Portal app",
        vec![sus_matrix()],
    );
    let overall = page(
        "overall",
        "Tot slot",
        "Final questions",
        vec![
            recommend(
                "nps",
                "nps",
                "Hoe waarschijnlijk is het dat je deze manier van werken aanraadt aan een collega?",
                "How likely are you to recommend this way of working to a colleague?",
            ),
            reason("nps_reason", "nps"),
            long_text(
                "improve",
                "Wat moeten we verbeteren voordat de volgende groep collega's overstapt?",
                "What should we improve before the next group of colleagues moves over?",
            ),
        ],
    );
    survey(
        "pilot-feedback",
        t(
            "Je hoort bij de eersten die hun apparaat via Intune hebben ingeschreven. Met jouw antwoorden maken we de overstap makkelijker voor je collega's. Invullen duurt ongeveer vijf minuten.",
            "You are among the first to enroll your device with Intune. Your answers help us make the move easier for your colleagues. It takes about five minutes.",
        ),
        vec![enrollment, why, how, support, usability, overall],
    )
}

/// The System Usability Scale on its own, about the Company Portal app.
fn sus() -> Survey {
    survey(
        "sus",
        t(
            "Tien korte uitspraken over de Bedrijfsportal-app. Invullen duurt ongeveer twee minuten.",
            "Ten short statements about the Company Portal app. It takes about two minutes.",
        ),
        vec![page(
            "usability",
            "De Bedrijfsportal-app",
            "The Company Portal app",
            vec![sus_matrix()],
        )],
    )
}

/// Net Promoter Score about the new way of working.
fn nps() -> Survey {
    survey(
        "nps",
        t(
            "Twee vragen over de nieuwe manier van werken met je apparaat.",
            "Two questions about the new way of working with your device.",
        ),
        vec![page(
            "recommend",
            "Aanraden",
            "Recommending",
            vec![
                recommend(
                    "nps",
                    "nps",
                    "Hoe waarschijnlijk is het dat je deze manier van werken aanraadt aan een collega?",
                    "How likely are you to recommend this way of working to a colleague?",
                ),
                reason("nps_reason", "nps"),
            ],
        )],
    )
}

/// Employee Net Promoter Score.
fn enps() -> Survey {
    let mut enps = survey(
        "enps",
        t(
            "Twee vragen over onze organisatie als werkgever. Je antwoorden worden alleen in groepen van minstens vijf mensen getoond.",
            "Two questions about our organisation as an employer. Answers are only shown for groups of at least five people.",
        ),
        vec![page(
            "recommend",
            "Aanraden",
            "Recommending",
            vec![
                recommend(
                    "enps",
                    "enps",
                    "Hoe waarschijnlijk is het dat je onze organisatie als werkgever aanraadt aan vrienden of bekenden?",
                    "How likely are you to recommend our organisation as a place to work to friends or acquaintances?",
                ),
                reason("enps_reason", "enps"),
            ],
        )],
    );
    // About the employer, not the rollout.
    enps.thanks = Some(t(
        "Zo weten we hoe collega's onze organisatie als werkgever ervaren.",
        "This tells us how colleagues experience our organisation as an employer.",
    ));
    enps
}

/// A short check a week or so after enrollment: does the device work, is help findable.
fn post_enrollment_pulse() -> Survey {
    survey(
        "post-enrollment-pulse",
        t(
            "Je hebt je apparaat onlangs ingeschreven. Vier korte vragen over hoe het nu gaat.",
            "You recently enrolled your device. Four short questions about how it is going.",
        ),
        vec![
            page(
                "now",
                "Nu",
                "Now",
                vec![
                    agree(
                        "device_works",
                        "Mijn apparaat werkt zoals ik het nodig heb voor mijn werk.",
                        "My device works the way I need it for my work.",
                    )
                    .measuring("adkar.ability")
                    .required(),
                    Question::new(
                        "issues_since",
                        t(
                            "Heb je sinds het inschrijven last gehad van een van deze dingen?",
                            "Since enrolling, have you had trouble with any of these?",
                        ),
                        QuestionKind::MultipleChoice {
                            choices: vec![
                                Choice::new("mail", "E-mail of agenda", "E-mail or calendar"),
                                Choice::new("apps", "Werk-apps", "Work apps"),
                                Choice::new("network", "Wifi of VPN", "Wi-Fi or VPN"),
                                Choice::new(
                                    "performance",
                                    "Snelheid of batterij",
                                    "Speed or battery",
                                ),
                                Choice::new(
                                    "notifications",
                                    "Meldingen over beveiliging of naleving",
                                    "Security or compliance notifications",
                                ),
                            ],
                            min: None,
                            max: None,
                            other: true,
                        },
                    )
                    .with_help(t(
                        "Kies alles wat van toepassing is. Laat leeg als je nergens last van had.",
                        "Choose all that apply. Leave blank if you had none.",
                    )),
                    agree(
                        "issues_resolved",
                        "Die problemen zijn inmiddels opgelost.",
                        "Those problems have been resolved by now.",
                    )
                    .shown_if(answered("issues_since")),
                ],
            ),
            page(
                "help",
                "Hulp",
                "Help",
                vec![
                    yes_no(
                        "knows_help",
                        "Weet je waar je terechtkunt als je hulp nodig hebt met je apparaat?",
                        "Do you know where to go if you need help with your device?",
                    )
                    .measuring("helpdesk.findability")
                    .required(),
                    long_text(
                        "comment",
                        "Wil je nog iets kwijt?",
                        "Is there anything else you would like to tell us?",
                    ),
                ],
            ),
        ],
    )
}

/// A periodic pulse in operations & maintenance: reliability, communication, help, training.
fn om_pulse() -> Survey {
    let mut help = helpdesk_questions(
        "Heb je de afgelopen maand contact gehad met de helpdesk over je apparaat?",
        "In the past month, did you contact the helpdesk about your device?",
    );
    help.push(
        Question::new(
            "training_wish",
            t(
                "Over welke onderwerpen zou je graag een korte uitleg krijgen?",
                "Which topics would you like a short explanation of?",
            ),
            QuestionKind::MultipleChoice {
                choices: vec![
                    Choice::new("new_features", "Nieuwe functies", "New features"),
                    Choice::new(
                        "security",
                        "Veilig werken en privacy",
                        "Security and privacy",
                    ),
                    Choice::new(
                        "apps",
                        "Apps installeren en bijwerken",
                        "Installing and updating apps",
                    ),
                    Choice::new(
                        "new_device",
                        "Een nieuw of vervangend apparaat instellen",
                        "Setting up a new or replacement device",
                    ),
                ],
                min: None,
                max: Some(2),
                other: true,
            },
        ),
        // No help text repeating "at most two": the app states the limit once, from `max`.
    );
    let mut pulse = survey(
        "om-pulse",
        t(
            "Een korte peiling die we regelmatig houden om het beheer van je apparaat te verbeteren. Invullen duurt twee minuten.",
            "A short check we run regularly to improve how your device is managed. It takes two minutes.",
        ),
        vec![
            page(
                "experience",
                "Je ervaring",
                "Your experience",
                vec![
                    agree(
                        "device_reliable",
                        "Mijn apparaat en werk-apps werken betrouwbaar.",
                        "My device and work apps work reliably.",
                    )
                    .measuring("operations.reliability")
                    .required(),
                    agree(
                        "changes_informed",
                        "Ik word op tijd geïnformeerd over veranderingen aan mijn apparaat of apps.",
                        "I am told about changes to my device or apps in good time.",
                    )
                    .measuring("communication.changes")
                    .required(),
                    agree(
                        "selfservice_useful",
                        "Als ik een vraag heb, vind ik het antwoord snel in de hulpartikelen.",
                        "When I have a question, I quickly find the answer in the help articles.",
                    )
                    .measuring("helpdesk.selfservice"),
                ],
            ),
            page("help", "Hulp en uitleg", "Help and guidance", help),
            page(
                "finally",
                "Tot slot",
                "Final questions",
                vec![long_text(
                    "comment",
                    "Wil je nog iets kwijt?",
                    "Is there anything else you would like to tell us?",
                )],
            ),
        ],
    );
    // A recurring check, not a rollout wave: its thanks speak of the device as it is used.
    pulse.thanks = Some(t(
        "Zo zien we op tijd waar je apparaat of de uitleg erover beter kan.",
        "This shows us early where your device, or how we explain it, could be better.",
    ));
    pulse
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_lists_each_survey_by_the_title_it_has() {
        let built: Vec<(String, Text)> = all().into_iter().map(|s| (s.id, s.title)).collect();
        assert_eq!(catalogue(), built);
    }
}
