//! "What changes for you": what the organisation can and cannot see on a managed device
//! (especially a personal one), what the device must do, and what is wiped when you stop.

use super::super::{Parts, lesson, module, multiple, opt, single, t, topic, truth};
use crate::training::model::{Module, Targets};

/// What changes for you on a managed device.
pub fn what_changes() -> Module {
    module(Parts {
        id: "what-changes",
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
                3,
                &["privacy"],
                t(
                    "Wat de organisatie wel en niet ziet",
                    "What the organisation can and cannot see",
                ),
                t(
                    r#"
Beheer gaat over **werkgegevens** en de **veiligheid van het apparaat**, niet over jou. Wat de
organisatie kan zien, hangt vooral af van de vraag van wie het apparaat is. In Bedrijfsportal
zie je bij de gegevens van je apparaat of het als **eigen** apparaat of als apparaat **van de
organisatie** is geregistreerd. Klopt dat niet, meld het dan bij de helpdesk.

## Wat de organisatie kan zien

- je naam als eigenaar, en de naam van het apparaat;
- merk en model, en de versie van het besturingssysteem;
- het serienummer en vergelijkbare nummers, zoals het IMEI-nummer van een telefoon (op sommige
  eigen telefoons niet);
- of het apparaat aan de regels voldoet: versleuteld, met een toegangscode, bijgewerkt en niet
  opengebroken (*jailbreak* of *root*);
- de werk-apps die via de organisatie zijn geïnstalleerd;
- wanneer het apparaat voor het laatst contact had met de organisatie.

## Alleen op een apparaat van de organisatie

- de lijst van **alle** apps op het apparaat, niet alleen de werk-apps;
- het volledige telefoonnummer (op een eigen telefoon hooguit de laatste vier cijfers);
- de locatie, maar alleen als het apparaat kwijt is en de organisatie het probeert terug te
  vinden.

## Wat de organisatie nooit kan zien

- je privémail, sms'jes en chatberichten, ook niet die in WhatsApp;
- je foto's en video's, je bestanden, je contacten en je privéagenda;
- je wachtwoorden;
- je belgeschiedenis en je browsergeschiedenis;
- wat je in privé-apps doet;
- op een **eigen** apparaat: je locatie, zelfs niet als het kwijt is, en welke privé-apps je
  hebt.

## Een voorbeeld

Belt Sanne de helpdesk over haar eigen iPhone, dan ziet de helpdesk ongeveer dit: *iPhone
van Sanne, eigen apparaat, iOS 17.5, voldoet aan de regels, laatste contact vandaag om 8.12 uur,
werk-apps Outlook, Teams en Authenticator.* Haar foto's, haar berichten en haar andere apps
staan er niet bij.

## Waarom dit wel en dat niet

Model en versie zijn nodig om te weten of je apparaat beveiligingsupdates krijgt. Of het aan
de regels voldoet, bepaalt of je bij werkgegevens mag. De lijst met werk-apps is nodig om die
apps bij te werken en ze weer te verwijderen als je stopt. Meer heeft de organisatie niet
nodig, dus meer vraagt ze ook niet op.

Met een **werkprofiel** op Android of Apple's **gebruikersinschrijving** op een iPhone is de
scheiding nog strakker: de organisatie beheert dan alleen het afgeschermde werkdeel. Ook de
mensen van de helpdesk kunnen niet meer zien dan hierboven staat.

Twijfel je? Tijdens het inschrijven toont Bedrijfsportal een scherm met wat je organisatie wel
en niet kan zien, en de privacyverklaring van je organisatie staat op het intranet.
"#,
                    r#"
Management is about **work data** and **device security**, not about you. What the
organisation can see depends mostly on who owns the device. In Company Portal, your device's
details show whether it is registered as a **personal** device or as one **owned by the
organisation**. If that's wrong, tell the helpdesk.

## What the organisation can see

- your name as the owner, and the device's name;
- make and model, and the operating system version;
- the serial number and similar numbers, such as a phone's IMEI (not on some personal
  phones);
- whether the device meets the rules: encrypted, with a passcode, up to date and not broken
  open (*jailbreak* or *root*);
- the work apps installed through the organisation;
- when the device was last in touch with the organisation.

## Only on a device owned by the organisation

- the list of **all** apps on the device, not just the work apps;
- the full phone number (on a personal phone at most the last four digits);
- the location, but only when the device is lost and the organisation tries to find it.

## What the organisation can never see

- your personal mail, texts and chat messages, including those in WhatsApp;
- your photos and videos, your files, your contacts and your personal calendar;
- your passwords;
- your call history and your browsing history;
- what you do in personal apps;
- on a **personal** device: your location, not even when it's lost, and which personal apps
  you have.

## An example

When Sanne calls the helpdesk about her own iPhone, the helpdesk sees roughly this:
*Sanne's iPhone, personal device, iOS 17.5, meets the rules, last contact today at 8:12, work
apps Outlook, Teams and Authenticator.* Her photos, her messages and her other apps aren't
there.

## Why this and not that

Model and version are needed to know whether your device gets security updates. Whether it
meets the rules decides whether you may reach work data. The list of work apps is needed to
update those apps and to remove them again when you stop. The organisation needs nothing
more, so it asks for nothing more.

With a **work profile** on Android or Apple's **User Enrollment** on an iPhone, the line is
drawn even more strictly: the organisation then manages only the sealed-off work part. The
people at the helpdesk can't see more than the above either.

In doubt? While you enroll, Company Portal shows a screen with what your organisation can and
cannot see, and your organisation's privacy statement is on the intranet.
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
Om werkgegevens te beschermen stelt de organisatie een paar eisen aan elk apparaat waarmee je
bij werkmail en werkbestanden komt. De precieze eisen verschillen per organisatie; dit zijn de
gebruikelijke:

- een **toegangscode**, pincode of wachtwoord, en een scherm dat na korte tijd vergrendelt;
- **versleuteling** van de opslag: op de meeste moderne telefoons staat die al aan, op een pc
  of Mac zet de organisatie BitLocker of FileVault aan;
- een **bijgewerkt** besturingssysteem, niet ouder dan de versie die de organisatie als
  minimum stelt;
- geen **jailbreak** of **root**: een apparaat waarvan de beveiliging is opengebroken, krijgt
  geen toegang.

## Als je apparaat niet voldoet

Bedrijfsportal stuurt je een melding en laat bij je apparaat zien wat er moet gebeuren,
bijvoorbeeld dat je een update moet installeren. Vaak krijg je een paar dagen de tijd. Daarna
kan de toegang tot werkmail, Teams en bestanden dichtgaan tot het is opgelost. Dat is geen
straf: zo blijven werkgegevens van gestolen of onveilige apparaten af. Heb je het opgelost,
kies dan in Bedrijfsportal **Status controleren**; meestal gaat de toegang binnen een paar
minuten weer open.

## Wat er in je werk verandert

- Vroeger zette je misschien zelf je werkmail in de mail-app van je telefoon. Nu lees je
  werkmail in de werk-apps die Bedrijfsportal installeert, meestal **Outlook**.
- Werk-apps kunnen om een eigen pincode of je vingerafdruk vragen.
- Kopiëren en plakken van een werk-app naar een privé-app, of een werkbestand opslaan in je
  privéopslag, kan geblokkeerd zijn. Zo blijven werkgegevens in het werkdeel.
- Wifi, vpn en certificaten voor het werk worden vaak automatisch ingesteld: daar hoef je zelf
  minder voor te doen.

## Wat je eigen keuze blijft

Welke privé-apps je installeert en wat je met je foto's en berichten doet, blijft aan jou. Op
een eigen apparaat beslis je ook zelf of je het voor werk blijft gebruiken. Stop je daarmee,
dan verlies je op dat apparaat de toegang tot werkgegevens; in de volgende les lees je wat er
dan gebeurt.
"#,
                    r#"
To protect work data, the organisation sets a few requirements for every device you use to
reach work mail and work files. The exact requirements differ between organisations; these
are the usual ones:

- a **passcode**, PIN or password, and a screen that locks after a short time;
- **encryption** of the storage: on most modern phones it is already on, on a PC or Mac the
  organisation turns on BitLocker or FileVault;
- an **up-to-date** operating system, no older than the minimum version the organisation
  sets;
- no **jailbreak** or **root**: a device whose security has been broken open gets no access.

## When your device doesn't comply

Company Portal sends you a notification and shows at your device what needs doing, for
example installing an update. You often get a few days. After that, access to work mail,
Teams and files may close until it's fixed. That's not a punishment: it keeps work data off
stolen or unsafe devices. Once you've fixed it, choose **Check status** in Company Portal;
access usually reopens within a few minutes.

## What changes in your work

- You may have set up work mail in your phone's mail app yourself before. Now you read work
  mail in the work apps Company Portal installs, usually **Outlook**.
- Work apps may ask for a PIN of their own or your fingerprint.
- Copying and pasting from a work app into a personal app, or saving a work file to your
  personal storage, may be blocked. That keeps work data in the work part.
- Wi-Fi, VPN and certificates for work are often set up automatically, so you have less to
  do yourself.

## What stays your choice

Which personal apps you install and what you do with your photos and messages is up to you.
On a personal device you also decide whether you keep using it for work. If you stop, you
lose access to work data on that device; the next lesson explains what happens then.
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
Soms moeten de werkgegevens van een apparaat af. Dat heet **wissen**, en er zijn twee soorten.

## Alleen de werkgegevens wissen

De werk-apps, je werkmail, de werkbestanden in die apps, de wifi- en vpn-instellingen van het
werk en het beheerprofiel of werkprofiel gaan eraf. Je foto's, privé-apps, berichten en andere
eigen bestanden blijven staan. Dit is wat er op een **eigen** apparaat gebeurt. Met een
werkprofiel (Android) of Apple's gebruikersinschrijving kan de organisatie technisch niet meer
dan dit; bij andere vormen van inschrijving legt je organisatie deze afspraak vast in haar
privacyverklaring.

## Alles wissen

Het hele apparaat gaat terug naar de fabrieksinstellingen, privégegevens inbegrepen. Dat is
bedoeld voor apparaten **van de organisatie**, bijvoorbeeld als het gestolen is of naar een
collega gaat. Bewaar op een werktelefoon dus geen privéfoto's die je niet kwijt wilt, of zorg
voor een eigen back-up.

## Wanneer dat gebeurt

- je vertrekt bij de organisatie;
- je wilt een eigen apparaat niet meer voor werk gebruiken;
- je krijgt een nieuw apparaat en het oude gaat weg;
- het apparaat is kwijt of gestolen.

## Zelf een eigen apparaat loskoppelen

Open Bedrijfsportal, kies je apparaat en kies daar voor verwijderen (*Remove device*). Je kunt
het ook de helpdesk vragen. De werkgegevens gaan eraf; de rest blijft van jou. Haal je het
beheerprofiel of werkprofiel zelf weg, dan ben je meteen je toegang tot werkmail kwijt, dus
doe dat pas als je klaar bent.

## Kwijt of gestolen

Meld het meteen bij de helpdesk. Hoe sneller, hoe kleiner de kans dat iemand bij
werkgegevens komt. Bij een eigen apparaat wordt alleen het werkdeel gewist; voor je
privégegevens gebruik je de functies van de fabrikant, zoals **Zoek mijn** van Apple of **Vind
mijn apparaat** van Google.

## Inleveren, verkopen of weggeven

Lever een apparaat van de organisatie in zoals je organisatie dat vraagt, en zet het niet zelf
terug naar de fabrieksinstellingen tenzij dat in de instructie staat. Verkoop je een eigen
apparaat of geef je het weg? Verwijder het dan eerst in Bedrijfsportal en zet het daarna terug
naar de fabrieksinstellingen.
"#,
                    r#"
Sometimes the work data has to come off a device. That's called **wiping**, and there are two
kinds.

## Wiping only the work data

The work apps, your work mail, the work files in those apps, the work Wi-Fi and VPN settings
and the management profile or work profile are removed. Your photos, personal apps, messages
and other files of your own stay. This is what happens on a **personal** device. With a work
profile (Android) or Apple's User Enrollment, the organisation technically can't do more than
this; with other kinds of enrollment your organisation sets this down as a promise in its
privacy statement.

## Wiping everything

The whole device goes back to factory settings, personal data included. That's meant for
devices **owned by the organisation**, for example when one is stolen or passed on to a
colleague. So don't keep personal photos you don't want to lose on a work phone, or make a
backup of your own.

## When it happens

- you leave the organisation;
- you no longer want to use a personal device for work;
- you get a new device and the old one goes;
- the device is lost or stolen.

## Disconnecting a personal device yourself

Open Company Portal, choose your device and choose to remove it (*Remove device*). You can
also ask the helpdesk. The work data goes; the rest stays yours. If you remove the
management profile or work profile yourself, you lose access to work mail straight away, so
only do that once you're finished.

## Lost or stolen

Report it to the helpdesk straight away. The sooner, the smaller the chance that someone
gets to work data. On a personal device only the work part is wiped; for your personal data,
use the maker's tools, such as Apple's **Find My** or Google's **Find My Device**.

## Handing in, selling or giving away

Hand in a device owned by the organisation the way your organisation asks, and don't reset it
to factory settings yourself unless the instructions say so. Selling or giving away a personal
device? Remove it in Company Portal first, then reset it to factory settings.
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
                    "Foto's, berichten en privébestanden zijn niet zichtbaar voor de organisatie.",
                    "Photos, messages and personal files are not visible to the organisation.",
                ),
                t(
                    "Je foto's blijven privé, net als je berichten en privébestanden.",
                    "Your photos stay private, as do your messages and personal files.",
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
                    "Zo weet de organisatie of je apparaat bijgewerkt en veilig is.",
                    "That tells the organisation whether your device is up to date and safe.",
                ),
                t(
                    "De versie is nodig om te zien of je apparaat veilig is.",
                    "The version shows whether your device is safe.",
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
                        t(
                            "Daaraan is te zien of je apparaat nog beveiligingsupdates krijgt.",
                            "They show whether your device still gets security updates.",
                        ),
                    ),
                    opt(
                        "compliance",
                        true,
                        t("Of er een toegangscode op zit", "Whether it has a passcode"),
                        t(
                            "Een toegangscode hoort bij de regels.",
                            "A passcode is part of the rules.",
                        ),
                    ),
                    opt(
                        "browsing",
                        false,
                        t("Je browsergeschiedenis", "Your browsing history"),
                        t(
                            "Die is niet zichtbaar voor de organisatie, evenmin als je berichten en foto's.",
                            "That is not visible to the organisation, nor are your messages and photos.",
                        ),
                    ),
                    opt(
                        "apps",
                        false,
                        t(
                            "De lijst van je privé-apps",
                            "The list of your personal apps",
                        ),
                        t(
                            "Op een eigen apparaat ziet de organisatie alleen de werk-apps.",
                            "On a personal device the organisation sees only the work apps.",
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
                        t(
                            "Alleen een kwijtgeraakt apparaat van de organisatie kan ze proberen terug te vinden, een eigen apparaat nooit.",
                            "Only a lost device owned by the organisation may be located; a personal device never is.",
                        ),
                    ),
                    opt(
                        "yes",
                        false,
                        t("Ja, altijd", "Yes, always"),
                        t(
                            "Tijdens normaal gebruik is je locatie niet zichtbaar; alleen een kwijtgeraakt apparaat van de organisatie kan ze proberen terug te vinden.",
                            "Your location is not visible during normal use; only a lost device owned by the organisation may be located.",
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
                    "Wat je in privé-apps doet, is niet zichtbaar voor de organisatie.",
                    "What you do in personal apps is not visible to the organisation.",
                ),
                t(
                    "Je berichten in privé-apps blijven privé.",
                    "Your messages in personal apps stay private.",
                ),
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
                            "Zodra het is opgelost, gaat de toegang weer open.",
                            "Access reopens once it's fixed.",
                        ),
                    ),
                    opt(
                        "remove",
                        false,
                        t("Bedrijfsportal verwijderen", "Remove Company Portal"),
                        t(
                            "Zonder Bedrijfsportal kom je helemaal niet meer bij je werkmail.",
                            "Without Company Portal you can't reach work mail at all.",
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
                t(
                    "Een toegangscode beschermt werkgegevens als je apparaat kwijtraakt.",
                    "A passcode protects work data if your device is lost.",
                ),
                t(
                    "Een toegangscode hoort bij de regels: die beschermt werkgegevens als je apparaat kwijtraakt.",
                    "A passcode is one of the rules: it protects work data if your device is lost.",
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
                            "Je foto's en privé-apps blijven staan; de organisatie haalt alleen haar eigen gegevens eraf.",
                            "Your photos and personal apps stay; the organisation removes only its own data.",
                        ),
                    ),
                    opt(
                        "all",
                        false,
                        t("De hele telefoon", "The whole phone"),
                        t(
                            "Alles wissen is bedoeld voor apparaten van de organisatie; op je eigen telefoon gaan alleen de werkgegevens eraf.",
                            "Wiping everything is meant for devices owned by the organisation; on your personal phone only the work data goes.",
                        ),
                    ),
                ],
            ),
            truth(
                "leaving_remove",
                "leaving",
                t(
                    "Als je vertrekt, verwijder je je eigen apparaat in Bedrijfsportal of via de helpdesk.",
                    "When you leave, you remove your personal device in Company Portal or through the helpdesk.",
                ),
                true,
                t(
                    "Zo gaan de werkgegevens eraf en blijft de rest staan.",
                    "That way the work data goes and the rest stays.",
                ),
                t(
                    "Verwijder je het, dan verdwijnen de werkgegevens netjes van je eigen apparaat.",
                    "Removing it takes the work data cleanly off your own device.",
                ),
            ),
        ],
    })
}
