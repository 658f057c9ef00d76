//! For admins in operations: daily monitoring in the console, responding to alerts, and keeping
//! policies and app distribution on plan.

use super::{Parts, lesson, module, multiple, opt, ordering, single, t, targets, topic, truth};
use crate::training::model::{AttemptPolicy, Module};

/// Daily operations in the Intune admin center.
pub fn operations() -> Module {
    let mut m = module(Parts {
        id: "admin-operations",
        description: t(
            "Voor beheerders: elke dag controleren, reageren op waarschuwingen, en beleid en apps volgens plan houden.",
            "For admins: checking every day, responding to alerts, and keeping policies and apps on plan.",
        ),
        estimate_minutes: 15,
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
Een vaste ronde door het **Intune-beheercentrum** ([intune.microsoft.com](https://intune.microsoft.com))
voorkomt dat kleine problemen groot worden. Reken op tien minuten per ochtend en loop de
onderdelen steeds in dezelfde volgorde na: zo valt een afwijking op. De menunamen staan hier
zoals in de Engelstalige console. Open het beheercentrum naast deze les en loop de ronde meteen
één keer mee.

1. **Naleving.** Het overzicht onder **Devices** toont hoeveel apparaten aan de regels voldoen.
   Onder **Devices > Monitor** staan de rapporten over apparaten die niet voldoen en over de
   instellingen die het vaakst niet worden gehaald. Let op de trend, niet op één getal: een
   daling van een paar procent op één platform, vlak na een nieuwe versie van iOS of Windows,
   is een signaal.
2. **Mislukte inschrijvingen.** Het rapport **Enrollment failures** toont per gebruiker en
   apparaat waarom het misging; **Incomplete user enrollments** toont wie begon maar niet
   afrondde. Zoek pieken per platform of per reden:
   - *UserAbandonment*: mensen maken het niet af, op iOS vaak omdat het profiel niet binnen
     acht minuten werd geïnstalleerd. De instructie of de communicatie moet beter.
   - *Authentication* of *Authorization*: problemen met inloggen of toegang, vaak door
     voorwaardelijke toegang (*Conditional Access*) of een groep die niet klopt.
   - *UserValidation* of *AccountValidation*: een ontbrekende licentie of een geblokkeerd
     account.
   - *EnrollmentRestrictionsEnforced*: de apparaatlimiet of een beperking op platform, versie
     of eigendom.
   - *DeviceNotSupported*: een te oude versie of een toestel dat beheer niet ondersteunt.
   - *ClientDisconnected* en *BadRequest*: het netwerk, een oud beheerprofiel of een
     verkeerde klok.
3. **Apps.** Onder **Apps > Monitor > App install status**: apps die op veel apparaten
   mislukken, vooral apps die verplicht zijn.
4. **Koppelingen en certificaten.** Onder **Tenant administration > Connectors and tokens**:
   het Apple MDM-pushcertificaat, de tokens voor Apple Business Manager en de koppeling met
   beheerd Google Play. Het Apple-pushcertificaat moet elk jaar worden vernieuwd, met dezelfde
   Apple ID. Verloopt het, dan bereikt Intune geen iPhones, iPads en Macs meer, en met een
   nieuw certificaat in plaats van een vernieuwd moeten ze allemaal opnieuw worden
   ingeschreven. Zet de vervaldata in de teamagenda.
5. **Servicestatus en Berichtencentrum.** Onder **Tenant administration > Tenant status**:
   storingen bij Microsoft en aangekondigde wijzigingen.

Noteer wat je ziet in het logboek van het team, ook als alles in orde is; één regel per dag is
genoeg. Zo zie je trends, en weet een collega die je vervangt wat normaal is. De rapporten kun
je als CSV exporteren, zodat het uitrolteam ze per golf en per afdeling kan bekijken.
"#,
                    r#"
A fixed round through the **Intune admin center** ([intune.microsoft.com](https://intune.microsoft.com))
keeps small problems small. Allow ten minutes every morning and go through the parts in the
same order each time: that's how a deviation stands out. Open the admin center next to this
lesson and walk through the round once as you read.

1. **Compliance.** The overview under **Devices** shows how many devices meet the rules.
   **Devices > Monitor** has the reports on devices that don't comply and on the settings
   that fail most often. Watch the trend, not a single number: a drop of a few per cent on one
   platform, just after a new version of iOS or Windows, is a signal.
2. **Enrollment failures.** The **Enrollment failures** report shows per user and device why
   it went wrong; **Incomplete user enrollments** shows who started but didn't finish. Look
   for peaks per platform or per reason:
   - *UserAbandonment*: people don't finish, on iOS often because the profile wasn't
     installed within eight minutes. The instructions or the communication need work.
   - *Authentication* or *Authorization*: sign-in or access problems, often Conditional
     Access or a group that isn't right.
   - *UserValidation* or *AccountValidation*: a missing licence or a blocked account.
   - *EnrollmentRestrictionsEnforced*: the device limit, or a restriction on platform,
     version or ownership.
   - *DeviceNotSupported*: a version that is too old, or a device that doesn't support
     management.
   - *ClientDisconnected* and *BadRequest*: the network, an old management profile or a
     wrong clock.
3. **Apps.** Under **Apps > Monitor > App install status**: apps that fail on many devices,
   especially required apps.
4. **Connectors and certificates.** Under **Tenant administration > Connectors and tokens**:
   the Apple MDM push certificate, the Apple Business Manager tokens and the managed Google
   Play connection. The Apple push certificate must be renewed every year, with the same Apple
   ID. If it expires, Intune can no longer reach iPhones, iPads and Macs, and with a new
   certificate instead of a renewed one they must all enroll again. Put the expiry dates in
   the team calendar.
5. **Service health and Message center.** Under **Tenant administration > Tenant status**:
   Microsoft's incidents and announced changes.

Note what you see in the team's log, even when all is well; one line a day is enough. That's
how you see trends, and a colleague standing in for you knows what normal looks like. The
reports export as CSV, so the rollout team can look at them per wave and per department.
"#,
                ),
            ),
            lesson(
                "alerts",
                4,
                &["alerts"],
                t("Reageren op waarschuwingen", "Responding to alerts"),
                t(
                    r#"
Een waarschuwing kan uit de console komen, uit een rapport dat ineens afwijkt, of van de
helpdesk die opeens veel dezelfde meldingen krijgt. Werk dan in deze volgorde:

1. **Bepaal de omvang.** Hoeveel apparaten of mensen, welk platform en welke versie, welke
   afdeling of golf, en sinds wanneer? Filter de rapporten en zoek het moment waarop het
   begon. Eén persoon met een probleem is een melding voor de helpdesk; twintig mensen met
   hetzelfde probleem zijn een incident.
2. **Kijk naar de servicestatus.** Ligt het bij Microsoft (**Tenant status** of het
   Berichtencentrum), dan kun je zelf weinig herstellen: informeer, volg de status en wacht.
3. **Zoek wat er veranderde.** Een nieuw of gewijzigd beleid, een nieuwe versie van een app,
   een update van iOS, Android, macOS of Windows, een gewijzigde groep of toewijzing, een
   verlopen certificaat of token. Onder **Tenant administration > Audit logs** zie je wie wat
   wanneer heeft gewijzigd.
4. **Herstel of draai terug**, eerst bij een kleine groep. Draai een wijziging liever terug
   dan dat je onder druk iets nieuws bedenkt. Kijk na een paar uur of het bij die groep werkt,
   en ga dan pas verder.
5. **Informeer de helpdesk** zodra je weet dat gebruikers het merken, niet pas als het is
   opgelost. Vertel wat mensen zien, wat ze kunnen doen en wanneer je meer weet. Merken veel
   gebruikers het, informeer hen dan ook zelf.

## Drie voorbeelden

- *Na een iOS-update voldoet een kwart van de iPhones niet meer.* Waarschijnlijk een regel
  over de minimale versie of een nieuwe instelling. Kijk in het nalevingsrapport welke
  instelling faalt, en geef mensen eventueel een paar dagen respijt zodat ze niet meteen hun
  werkmail kwijt zijn.
- *Mislukte inschrijvingen met reden UserAbandonment lopen op in één golf.* Geen storing: de
  instructie schiet tekort. Pas de instructie en de communicatie aan, en vraag de helpdesk
  wat mensen zeggen.
- *Een verplichte app installeert niet op Windows.* Kijk naar de installatiestatus en de
  foutcode per apparaat. Vaak is er een nieuwe versie uitgerold met een detectieregel die niet
  meer klopt.

## Leg het vast

Noteer elke stap in het logboek: het tijdstip, wat je zag, wat je deed en wat het opleverde.
De helpdesk moet weten wat er speelt voordat de telefoon gaat, en achteraf zie je wat je een
volgende keer sneller kunt doen. Bespreek een groter incident kort na met het team: wat ging
goed, wat kan beter?
"#,
                    r#"
An alert can come from the console, from a report that suddenly looks different, or from the
helpdesk suddenly getting many of the same calls. Then work in this order:

1. **Size it.** How many devices or people, which platform and version, which department or
   wave, and since when? Filter the reports and find the moment it started. One person with a
   problem is a call for the helpdesk; twenty people with the same problem are an
   incident.
2. **Check service health.** If it's on Microsoft's side (**Tenant status** or the Message
   center), there's little you can fix yourself: inform people, follow the status and wait.
3. **Find what changed.** A new or changed policy, a new version of an app, an update of iOS,
   Android, macOS or Windows, a changed group or assignment, an expired certificate or token.
   **Tenant administration > Audit logs** shows who changed what and when.
4. **Fix or roll back**, first for a small group. Rather roll a change back than invent
   something new under pressure. Check after a few hours that it works for that group, and
   only then go further.
5. **Inform the helpdesk** as soon as you know users notice it, not once it's fixed. Say
   what people see, what they can do and when you'll know more. If many users notice it,
   inform them directly as well.

## Three examples

- *After an iOS update a quarter of the iPhones no longer comply.* Probably a rule on the
  minimum version or a new setting. See in the compliance report which setting fails, and
  consider giving people a few days' grace so they don't lose their work mail at once.
- *Enrollment failures with reason UserAbandonment are rising in one wave.* Not an outage: the
  instructions fall short. Adjust the instructions and the communication, and ask the service
  desk what people are saying.
- *A required app doesn't install on Windows.* Look at the install status and the error code
  per device. Often a new version went out with a detection rule that no longer fits.

## Record it

Note every step in the log: the time, what you saw, what you did and what it achieved. The
helpdesk must know what's going on before the phones ring, and afterwards you see what
you could do faster next time. Run a short review of a larger incident with the team: what
went well, what could be better?
"#,
                ),
            ),
            lesson(
                "on_plan",
                3,
                &["on_plan"],
                t("Beleid en apps volgens plan", "Policies and apps on plan"),
                t(
                    r#"
Beleid en app-distributie veranderen het hele jaar door: nieuwe eisen, nieuwe versies van apps
en nieuwe versies van besturingssystemen. Met een paar vaste afspraken blijft dat beheersbaar.

## Wijzig via een vaste route

Eerst een **testgroep**: het eigen team en een paar vrijwilligers. Dan een **kleine groep** uit
verschillende afdelingen en platforms. Dan **iedereen**. Wacht tussen de stappen lang genoeg om
problemen te zien, minstens een paar werkdagen. Het is dezelfde aanpak in golven als bij de
uitrol zelf: problemen zie je bij weinig mensen, voordat iedereen ze heeft.

Een voorbeeld: je wilt de minimale iOS-versie verhogen. In week één geldt de nieuwe eis voor de
testgroep. In week twee volgt een kleine groep, en weet de helpdesk wat mensen gaan zien. In
week drie volgt iedereen, met een bericht een week vooraf en een paar dagen respijt voordat de
toegang dichtgaat.

## Controleer toewijzingen elke maand

- groepen die niet meer kloppen, bijvoorbeeld na een reorganisatie;
- dubbel of tegenstrijdig beleid: twee profielen die dezelfde instelling verschillend zetten,
  geven een conflict en een apparaat dat niet voldoet;
- uitzonderingen die ooit tijdelijk waren;
- apps die niemand meer gebruikt of die geen updates meer krijgen.

## Volg aankondigingen

Lees het Berichtencentrum en de pagina *What's new in Microsoft Intune*. Apple, Google en
Microsoft brengen elk jaar een grote nieuwe versie uit. Test die versie voordat hij bij
gebruikers komt, en bepaal daarna opnieuw welke versie je als minimum vraagt.

## Houd iedereen op de hoogte

Verandert er iets wat gebruikers merken, dan:

- werk je het **trainingsmateriaal** bij, met een korte notitie over wat er veranderde, zodat
  mensen die de training al deden weten wat ze opnieuw moeten lezen;
- informeer je de **helpdesk** vooraf: wat gebruikers zien en wat ze moeten doen;
- vertel je de **gebruikers** wat er komt, wanneer, en wat ze moeten doen, via meer dan één
  kanaal.

Vergeet nieuwe medewerkers niet: zij moeten de werkwijze van nu leren, niet die van vorig jaar.

## Leg het vast

Houd per wijziging bij wat je veranderde, waarom, voor wie en wanneer. Dan kun je snel
terugdraaien, en kun je aan belanghebbenden laten zien dat het beheer volgens plan loopt.
"#,
                    r#"
Policies and app distribution change all year round: new requirements, new app versions and
new operating system versions. A few fixed habits keep that manageable.

## Change through a fixed route

First a **test group**: your own team and a few volunteers. Then a **small group** from
different departments and platforms. Then **everyone**. Wait long enough between the steps to
see problems, at least a few working days. It's the same approach in waves as the rollout
itself: you see problems with a few people before everyone has them.

An example: you want to raise the minimum iOS version. In week one the new requirement applies
to the test group. In week two a small group follows, and the helpdesk knows what people
will see. In week three everyone follows, with a message a week ahead and a few days' grace
before access closes.

## Review assignments every month

- groups that are out of date, for example after a reorganisation;
- duplicate or conflicting policies: two profiles that set the same setting differently cause
  a conflict and a device that doesn't comply;
- exclusions that were once meant to be temporary;
- apps nobody uses any more or that no longer get updates.

## Follow announcements

Read the Message center and the *What's new in Microsoft Intune* page. Apple, Google and
Microsoft each release a major new version every year. Test that version before it reaches
users, and then decide again which version you require as a minimum.

## Keep everyone informed

When something changes that users will notice:

- update the **training material**, with a short note on what changed, so people who already
  took the training know what to read again;
- inform the **helpdesk** beforehand: what users will see and what they must do;
- tell the **users** what's coming, when, and what they must do, through more than one
  channel.

Don't forget new employees: they must learn today's way of working, not last year's.

## Record it

For each change, keep track of what you changed, why, for whom and when. Then you can roll
back quickly, and show stakeholders that management is going to plan.
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
                        t(
                            "De trend laat zien wanneer er iets verschuift, bijvoorbeeld na een nieuwe versie van iOS of Windows.",
                            "Its trend shows when something shifts, for example after a new version of iOS or Windows.",
                        ),
                    ),
                    opt(
                        "failures",
                        true,
                        t(
                            "Mislukte inschrijvingen per platform en reden",
                            "Enrollment failures per platform and reason",
                        ),
                        t(
                            "Pieken per platform of reden laten zien waar mensen vastlopen.",
                            "Peaks per platform or reason show where people get stuck.",
                        ),
                    ),
                    opt(
                        "health",
                        true,
                        t(
                            "Servicestatus en Berichtencentrum",
                            "Service health and Message center",
                        ),
                        t(
                            "Daar staan de storingen en aangekondigde wijzigingen van Microsoft.",
                            "That's where Microsoft's incidents and announced changes are.",
                        ),
                    ),
                    opt(
                        "mail",
                        false,
                        t("De mailbox van gebruikers", "Users' mailboxes"),
                        t(
                            "Mailboxen horen niet bij apparaatbeheer.",
                            "Mailboxes are not part of device management.",
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
                            "Vaak wordt het profiel niet geïnstalleerd of niet afgerond in Bedrijfsportal.",
                            "Often the profile isn't installed or not finished in Company Portal.",
                        ),
                    ),
                    opt(
                        "outage",
                        false,
                        t("Intune ligt plat", "Intune is down"),
                        t(
                            "Bij een storing zou je andere redenen en meer platforms zien.",
                            "An outage would show other reasons and more platforms.",
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
                    "Ook een rustige dag noteer je, in één regel: zo zie je trends, en weet wie je vervangt hoe normaal eruitziet.",
                    "You note a quiet day too, in one line: that's how you see trends, and whoever stands in for you knows what normal looks like.",
                ),
                t(
                    "Eén regel per dag is genoeg: zo zie je trends, en weet wie je vervangt hoe normaal eruitziet.",
                    "One line a day is enough: that's how you see trends, and whoever stands in for you knows what normal looks like.",
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
                t(
                    "Eerst weet je hoe groot het is en of Microsoft een storing heeft; dan zoek je wat er veranderde, en herstel je bij een kleine groep voordat iedereen het krijgt.",
                    "First you know how big it is and whether Microsoft has an outage; then you find what changed, and fix it for a small group before everyone gets it.",
                ),
                t(
                    "Eerst bepaal je de omvang, dan bekijk je de servicestatus, dan zoek je wat er veranderde, en pas dan herstel je, bij een kleine groep: zo herstel je niets wat Microsoft al oplost, en raakt een fout in je herstel niet iedereen.",
                    "First you size it, then check service health, then find what changed, and only then fix it, for a small group: that way you don't fix what Microsoft is already fixing, and a mistake in your fix doesn't hit everyone.",
                ),
            ),
            single(
                "alerts_helpdesk",
                "alerts",
                t(
                    "Wanneer informeer je de helpdesk over een probleem dat gebruikers merken?",
                    "When do you inform the helpdesk about a problem users notice?",
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
                            "Dan kan de helpdesk vragen meteen beantwoorden.",
                            "Then the helpdesk can answer questions straight away.",
                        ),
                    ),
                    opt(
                        "after",
                        false,
                        t("Pas als het is opgelost", "Only once it's fixed"),
                        t(
                            "Tegen die tijd staat de telefoon al roodgloeiend.",
                            "By then the phones are already ringing.",
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
                            "Zo zie je problemen voordat iedereen ze heeft.",
                            "That way you see problems before everyone has them.",
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
                            "Een fout raakt dan iedereen tegelijk.",
                            "A mistake then hits everyone at once.",
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
                    "Informeer ook de helpdesk, zodat die de nieuwe werkwijze kent.",
                    "Inform the helpdesk too, so they know the new way.",
                ),
                t(
                    "Anders leren nieuwe mensen de oude werkwijze; werk het materiaal bij en informeer de helpdesk.",
                    "Otherwise new people learn the old way; update the material and inform the helpdesk.",
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
