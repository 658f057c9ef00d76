//! Importers facing files as an outsider could make them: very wide, very long fields. Each
//! file is either read in time linear in its size or rejected with its line and column.

use std::time::{Duration, Instant};
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::Program;
use wavegate_core::readiness::import::read_roster;
use wavegate_core::tabular::limits::{MAX_COLUMNS, MAX_FIELD_BYTES};

fn program() -> Program {
    Program::parse(
        "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n",
    )
    .unwrap()
}

fn wide_roster(columns: usize, rows: usize) -> String {
    let mut text = String::from("person_id,wave");
    for c in 0..columns {
        text.push_str(&format!(",extra {c}"));
    }
    text.push('\n');
    for r in 0..rows {
        text.push_str(&format!("p{r},pilot"));
        for c in 0..columns {
            text.push_str(&format!(",v{}", (r + c) % 3));
        }
        text.push('\n');
    }
    text
}

/// The fastest of three runs: one slow run on a busy machine says nothing.
fn fastest(mut run: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            run();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn a_roster_with_thousands_of_columns_imports_in_linear_time() {
    // Each column's attribute used to be searched for among all the others: 16,000 columns
    // took 1.25 s in a debug build on an idle machine (the rows hardly matter). Linear, it
    // takes 0.14 s idle and 0.25 s on a busy machine.
    let program = program();
    let text = wide_roster(16_000, 2);
    let took = fastest(|| {
        let roster = read_roster(text.as_bytes(), &program).unwrap();
        assert_eq!(roster.attributes.len(), 16_000);
        let last = roster.attribute("extra_15999").unwrap();
        assert_eq!(last.value_of(1), Some("v1"));
    });
    // A second here is generous (the test shares two cores with the other tests): the old
    // search alone took longer than that.
    assert!(
        took < Duration::from_secs(1),
        "16,000 columns took {took:?}"
    );
}

#[test]
fn a_field_past_64_kib_is_rejected_with_its_place_in_both_languages() {
    let text = format!(
        "person_id,wave,department\np1,pilot,HR\np2,pilot,{}\n",
        "A".repeat(MAX_FIELD_BYTES + 1)
    );
    let err = read_roster(text.as_bytes(), &program()).unwrap_err();
    assert_eq!((err.line, err.column), (3, Some(3)));
    assert_eq!(
        err.to_string(),
        "roster.csv, line 3, column 3 (department): expected a field of at most 64 KiB, but this one is longer (is a closing quote missing?)"
    );
    assert!(
        err.render(Lang::Nl).starts_with(
            "roster.csv, regel 3, kolom 3 (department): verwacht een veld van hoogstens 64 KiB"
        ),
        "{}",
        err.render(Lang::Nl)
    );
}

#[test]
fn a_roster_wider_than_excel_is_rejected() {
    let text = wide_roster(MAX_COLUMNS, 1);
    let err = read_roster(text.as_bytes(), &program()).unwrap_err();
    assert_eq!(err.line, 1);
    assert!(
        err.render(Lang::Nl).contains("hoogstens 16384 kolommen"),
        "{err}"
    );
}

/// `text` as Excel's "Unicode text" or Windows PowerShell writes it: UTF-16 with a byte-order
/// mark, little- or big-endian.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

#[test]
fn a_roster_saved_as_utf16_is_read_as_its_text() {
    use wavegate_core::tabular::{InMemory, Seekable};
    let text = "Person ID\tWave\tAfdeling\r\np1\tpilot\tFinanciën\r\np2\tpilot\tIT\r\n";
    for little_endian in [true, false] {
        let bytes = utf16(text, little_endian);
        // Read whole, held in memory (the server's data directory) and as a stream in rounds.
        for roster in [
            read_roster(&bytes[..], &program()),
            read_roster(InMemory(&bytes), &program()),
            read_roster(Seekable(std::io::Cursor::new(bytes.clone())), &program()),
        ] {
            let roster = roster.unwrap_or_else(|e| panic!("{}", e.render(Lang::En)));
            assert_eq!(roster.ids, ["p1", "p2"]);
            let department = roster.attribute("afdeling").unwrap();
            assert_eq!(department.value_of(0), Some("Financiën"));
        }
    }
}

#[test]
fn a_quote_never_closed_is_refused_where_it_opens_instead_of_swallowing_the_rows_after_it() {
    // Read as RFC 4180 says, p2's platform would hold p3 and p4: the roster silently loses
    // the rest of the file (two people of wave-1 here, thousands in a real export).
    let program = Program::parse(
        "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n\
         [[wave]]\nid = \"wave-1\"\nstart = \"2027-02-01\"\nend = \"2027-02-19\"\n",
    )
    .unwrap();
    let text = "person_id;email;wave;platform\r\np1;a@x.nl;pilot;iOS\r\n\r\np2;b@x.nl;pilot;\"iOS\r\np3;c@x.nl;wave-1;iOS\r\np4;d@x.nl;wave-1;iOS\r\n";
    let e = read_roster(text.as_bytes(), &program).unwrap_err();
    assert_eq!((e.line, e.column), (4, Some(4)), "{e}");
    assert_eq!(e.column_name.as_deref(), Some("platform"));
    assert!(e.render(Lang::En).contains("never closed"), "{e}");
    assert!(e.render(Lang::Nl).contains("nergens wordt gesloten"));
    // A quoted line break, a doubled quote and a quote inside a field are all fine.
    let fine = "person_id,wave,note\np1,pilot,\"two\nlines\"\np2,pilot,\"say \"\"hi\"\"\"\np3,pilot,5\" screen\n";
    let roster = read_roster(fine.as_bytes(), &program).unwrap();
    assert_eq!(roster.len(), 3);
}

/// The pilot and wave-1 program the messy-file tests read rosters with.
fn two_waves() -> Program {
    Program::parse(
        "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n\
         [[wave]]\nid = \"wave-1\"\nstart = \"2027-02-01\"\nend = \"2027-02-19\"\n",
    )
    .unwrap()
}

/// A ServiceNow tickets export of `n` tickets, one row each, as its lines (header first).
fn ticket_lines(n: usize) -> Vec<String> {
    let mut lines = vec![
        "Number,Opened,Caller,Category,Priority,State,Resolved,Short description,Updated"
            .to_string(),
    ];
    for i in 1..=n {
        lines.push(format!(
            "INC{i:07},10-12-2026 07:08:52,p{i}@x.nl,Email,3 - Moderate,Closed,11-12-2026 22:08:52,Mail not syncing,11-12-2026 22:08:52"
        ));
    }
    lines
}

/// `line` (1-based) of `lines` with its short description (column 8) replaced.
fn describe(lines: &mut [String], line: usize, description: &str) {
    let mut cells: Vec<String> = lines[line - 1].split(',').map(String::from).collect();
    cells[7] = description.to_string();
    lines[line - 1] = cells.join(",");
}

#[test]
fn a_stray_opening_quote_that_swallows_rows_is_refused_naming_where_it_opens_and_closes() {
    use wavegate_core::readiness::import::read_tickets;
    use wavegate_core::tabular::Seekable;
    // A caller typed an opening quote only; ten lines on, someone's screen is 24" wide. Read as
    // RFC 4180 says, the nine tickets between became one description and the file passed.
    let mut lines = ticket_lines(18);
    describe(&mut lines, 3, "\"Kan niet inloggen");
    describe(&mut lines, 13, "Scherm 24\" flikkert");
    let text = lines.join("\r\n") + "\r\n";
    let e = read_tickets(text.as_bytes()).unwrap_err();
    assert_eq!((e.line, e.column), (3, Some(8)), "{e}");
    assert_eq!(e.column_name.as_deref(), Some("Short description"));
    assert!(
        e.render(Lang::En)
            .contains("a quote opened on line 3 closes only on line 13"),
        "{e}"
    );
    assert!(
        e.render(Lang::En).contains("is a closing quote missing?"),
        "{e}"
    );
    assert!(
        e.render(Lang::Nl)
            .contains("op regel 3 opent, sluit pas op regel 13"),
        "{}",
        e.render(Lang::Nl)
    );
    // Only the next line swallowed: it closes the quote and reads as a row itself.
    let mut lines = ticket_lines(5);
    describe(&mut lines, 3, "\"Kan niet inloggen");
    describe(&mut lines, 4, "Scherm 24\" flikkert");
    let e = read_tickets(lines.join("\n").as_bytes()).unwrap_err();
    assert_eq!((e.line, e.column), (3, Some(8)), "{e}");
    assert!(e.to_string().contains("closes only on line 4"), "{e}");

    // The roster of the review: a department opened on line 6, closed on line 41 by `"x"`.
    let mut roster = vec!["Person ID;Email;Wave;Department;Region;Platform".to_string()];
    for i in 1..=60 {
        roster.push(format!("E{i:06};p{i}@x.nl;pilot;Sales;West;iOS"));
    }
    roster[5] = "E000005;p5@x.nl;pilot;\"Operations;West;iOS".to_string();
    roster[40].push_str(";\"x\"");
    let text = roster.join("\r\n");
    for e in [
        read_roster(text.as_bytes(), &two_waves()).unwrap_err(),
        // Read in rounds as a stream, as a large roster is.
        read_roster(Seekable(std::io::Cursor::new(text.clone())), &two_waves()).unwrap_err(),
    ] {
        assert_eq!((e.line, e.column), (6, Some(4)), "{e}");
        assert!(e.to_string().contains("closes only on line 41"), "{e}");
    }
}

#[test]
fn cells_of_several_lines_are_still_read_as_rfc_4180_writes_them() {
    use wavegate_core::readiness::import::read_tickets;
    // Typed descriptions of several lines, commas and quotes included, in any column.
    let mut lines = ticket_lines(6);
    describe(
        &mut lines,
        2,
        "\"Scherm 24\"\" flikkert,\nvooral 's ochtends, na het opstarten.\nGraag hulp\"",
    );
    describe(&mut lines, 4, "\"Regel een\r\nregel twee, drie\"");
    lines[5] = format!("\"INC0000005\n\"{}", &lines[5][10..]);
    let tickets = read_tickets(lines.join("\r\n").as_bytes()).unwrap();
    assert_eq!(tickets.len(), 6);
    // Two columns: a line of typed text with the delimiter in it is no sign of a row.
    let program = two_waves();
    let text = "person_id;wave;note\np1;pilot;\"een; twee\ndrie; vier\"\np2;wave-1;x\n";
    assert_eq!(read_roster(text.as_bytes(), &program).unwrap().len(), 2);
    let text = "person_id;note;wave\np1;\"een; twee\ndrie; vier\";pilot\np2;x;wave-1\n";
    assert_eq!(read_roster(text.as_bytes(), &program).unwrap().len(), 2);
}

#[test]
fn a_unicode_space_inside_a_header_matches_as_a_space_and_a_hidden_character_is_shown() {
    let program = two_waves();
    // HR systems and headers pasted from Word write a non-breaking space.
    let text = "Person\u{a0}ID;E-mail;Wave;Cost\u{2007}center\np1;a@x.nl;pilot;CC1\n";
    let roster = read_roster(text.as_bytes(), &program).unwrap();
    assert_eq!(roster.ids, ["p1"]);
    assert_eq!(
        roster.attribute("cost_center").unwrap().value_of(0),
        Some("CC1")
    );
    // A zero-width space is no space: the header still lacks `person id`, and says why.
    let text = "Person\u{200b}ID;Wave\np1;pilot\n";
    let e = read_roster(text.as_bytes(), &program).unwrap_err();
    for lang in [Lang::En, Lang::Nl] {
        assert!(
            e.render(lang).contains("`Person\\u{200b}ID`"),
            "{}",
            e.render(lang)
        );
    }
}

#[test]
fn excel_s_separator_line_names_the_delimiter_and_the_lines_keep_their_numbers() {
    use wavegate_core::readiness::import::read_tickets;
    let program = two_waves();
    for hint in ["sep=;\r\n", "sep=;\n", "SEP=;\r\n", "\u{feff}sep=;\r\n"] {
        // Commas inside the values: only the hint makes `;` the delimiter.
        let text = format!("{hint}person_id;wave;team\r\np1;pilot;a,b\r\np2;wave-1;c,d\r\n");
        let roster = read_roster(text.as_bytes(), &program).unwrap();
        assert_eq!(roster.ids, ["p1", "p2"], "{hint:?}");
        assert_eq!(roster.attribute("team").unwrap().value_of(0), Some("a,b"));
        // An error further on names the line an editor shows.
        let text = format!("{hint}person_id;wave\r\np1;pilot\r\np2;wave-9\r\n");
        let e = read_roster(text.as_bytes(), &program).unwrap_err();
        assert_eq!((e.line, e.column), (4, Some(2)), "{hint:?}: {e}");
        // And a missing column is on the header's own line.
        let text = format!("{hint}person_id;team\r\np1;x\r\n");
        let e = read_roster(text.as_bytes(), &program).unwrap_err();
        assert_eq!(e.line, 2, "{e}");
    }
    let mut lines = ticket_lines(3);
    lines.insert(0, "sep=,".to_string());
    lines[3] = lines[3].replace("10-12-2026", "gisteren");
    let e = read_tickets(lines.join("\r\n").as_bytes()).unwrap_err();
    assert_eq!((e.line, e.column), (4, Some(2)), "{e}");
}

#[test]
fn a_file_that_is_not_text_is_named_so_in_one_short_sentence() {
    let program = two_waves();
    // Bytes as random as a compressed file's, from a fixed seed.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let random: Vec<u8> = (0..20_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let mut gzip = vec![0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03];
    gzip.extend_from_slice(&random[..5_000]);
    let mut xlsx = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    xlsx.extend_from_slice(&random[..5_000]);
    let roster = "Person ID\tWave\tAfdeling\r\np1\tpilot\tFinanci\u{eb}n\r\n";
    let utf16 = |little_endian: bool| -> Vec<u8> {
        roster
            .encode_utf16()
            .flat_map(|u| {
                if little_endian {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect()
    };
    for (bytes, en, nl) in [
        (
            random.clone(),
            "this is not a text file",
            "dit is geen tekstbestand",
        ),
        (gzip, "this is not a text file", "dit is geen tekstbestand"),
        (xlsx, "such as an Excel workbook", "zoals een Excel-werkmap"),
        (
            utf16(true),
            "UTF-16 text without a byte-order mark",
            "UTF-16-tekst zonder byte-order mark",
        ),
        (
            utf16(false),
            "UTF-16 text without a byte-order mark",
            "UTF-16-tekst zonder byte-order mark",
        ),
    ] {
        let e = read_roster(&bytes[..], &program).unwrap_err();
        let (english, dutch) = (e.render(Lang::En), e.render(Lang::Nl));
        assert!(
            english.contains(en) && dutch.contains(nl),
            "{english} / {dutch}"
        );
        assert!(english.len() < 200 && dutch.len() < 200, "{english}");
    }
    // A header of long names is quoted short all the same.
    let header: Vec<String> = (0..30).map(|i| format!("{i}{}", "x".repeat(200))).collect();
    let text = format!("{}\n1\n", header.join(","));
    let e = read_roster(text.as_bytes(), &program).unwrap_err();
    let message = e.render(Lang::Nl);
    assert!(message.len() < 800, "{} bytes: {message}", message.len());
    assert!(
        message.contains("`3xxx") && message.contains("en nog "),
        "{message}"
    );
}

#[test]
fn control_characters_in_an_attribute_are_refused_and_a_last_dos_end_mark_is_not() {
    use wavegate_core::tabular::Seekable;
    let program = two_waves();
    // `Sa\0les` would be a segment of its own that reads as `Sales`.
    for (value, shown) in [("Sa\u{0}les", "\"Sa\\0les\""), ("Sa\u{200b}les", "U+200B")] {
        let text = format!("person_id;wave;department\np1;pilot;Sales\np2;pilot;{value}\n");
        let e = read_roster(text.as_bytes(), &program).unwrap_err();
        assert_eq!((e.line, e.column), (3, Some(3)), "{e}");
        assert!(e.to_string().contains(shown), "{e}");
        assert!(
            e.render(Lang::Nl)
                .contains("kenmerkwaarde zonder verborgen tekens"),
            "{}",
            e.render(Lang::Nl)
        );
    }
    // DOS's end-of-file mark, after the last line or at the end of it.
    for end in ["\r\n\u{1a}", "\u{1a}"] {
        let text = format!("person_id;wave;department\r\np1;pilot;Sales\r\np2;pilot;HR{end}");
        for roster in [
            read_roster(text.as_bytes(), &program),
            read_roster(Seekable(std::io::Cursor::new(text.clone())), &program),
        ] {
            let roster = roster.unwrap_or_else(|e| panic!("{end:?}: {e}"));
            assert_eq!(
                roster.attribute("department").unwrap().value_of(1),
                Some("HR")
            );
        }
    }
    // Anywhere else it is a cell's problem.
    let text = "person_id;wave;department\np1;pilot;Sa\u{1a}les\np2;pilot;HR\n";
    let e = read_roster(text.as_bytes(), &program).unwrap_err();
    assert_eq!((e.line, e.column), (2, Some(3)), "{e}");
}

#[test]
fn a_column_named_twice_is_refused_in_every_file_that_reads_it() {
    use wavegate_core::readiness::import::{
        read_devices, read_failures, read_responses, read_tickets, read_training,
    };
    // A second `Compliance` column of other values used to be ignored without a word.
    let devices = "Device name,Primary user UPN,Compliance,Enrollment date,compliance\n\
                   PC1,a@x.nl,Compliant,2027-01-12,Bogus\n";
    let e = read_devices(devices.as_bytes()).unwrap_err();
    assert_eq!((e.line, e.column), (1, Some(5)), "{e}");
    assert!(e.to_string().contains("also column 3"), "{e}");
    assert!(e.render(Lang::Nl).contains("ook al als kolom 3"), "{e}");
    // An optional column too, and with the header under `sep=`.
    let devices = "sep=,\nPrimary user UPN,OS,Compliance,Enrollment date,Operating system,OS\n\
                   a@x.nl,iOS,Compliant,2027-01-12,iOS,iOS\n";
    let e = read_devices(devices.as_bytes()).unwrap_err();
    assert_eq!((e.line, e.column), (2, Some(6)), "{e}");
    assert!(e.to_string().contains("also column 2"), "{e}");
    // A column no importer reads may come twice; different names of one column are no repeat.
    let devices = "Primary user UPN,Primary user email address,Compliance,Enrollment date,Notes,Notes\n\
                   a@x.nl,a@x.nl,Compliant,2027-01-12,x,y\n";
    assert_eq!(read_devices(devices.as_bytes()).unwrap().devices.len(), 1);

    let failures = "UPN,EnrollmentFailureDateTime,UPN\na@x.nl,2027-01-12,b@x.nl\n";
    let e = read_failures(failures.as_bytes()).unwrap_err();
    assert_eq!(e.column, Some(3), "{e}");
    let tickets = "number,opened_at,caller,category,priority,Priority\nINC1,2027-01-12,a,b,1,4\n";
    let e = read_tickets(tickets.as_bytes()).unwrap_err();
    assert_eq!(e.column, Some(6), "{e}");
    let training = "person_id,module_id,status,passed,passed\np1,m,completed,true,false\n";
    let e = read_training(training.as_bytes()).unwrap_err();
    assert_eq!(e.column, Some(5), "{e}");
    // The attributes of anonymous responses are read too.
    let responses = "response_id,survey_id,person_id,submitted_at,question_id,value,wave,Wave\n\
                     r1,s,,2027-01-12T10:00:00Z,q,1,pilot,wave-1\n";
    let e = read_responses(responses.as_bytes()).unwrap_err();
    assert_eq!((e.line, e.column), (1, Some(8)), "{e}");
    assert!(e.to_string().contains("also column 7"), "{e}");
}
