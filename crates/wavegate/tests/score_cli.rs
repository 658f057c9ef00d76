//! `wavegate demo-data` and `wavegate score` as a planner runs them: generate an organisation
//! with planted problems, score it, and check the report finds them; corrupt a file and check
//! nothing is scored.

#![allow(clippy::unwrap_used)]

mod cli_support;

use cli_support::wavegate;
use serde_json::Value;
use std::path::Path;
use std::process::Output;

const AT: &str = "2027-03-01";

fn demo(dir: &Path, people: &str, seed: &str) {
    let out = wavegate(&[
        "demo-data",
        "--out",
        dir.to_str().unwrap(),
        "--people",
        people,
        "--seed",
        seed,
        "--at",
        AT,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn score(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["score", "--data", dir.to_str().unwrap(), "--at", AT];
    args.extend_from_slice(extra);
    wavegate(&args)
}

fn json(dir: &Path) -> Value {
    let out = score(dir, &["--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn segment<'a>(report: &'a Value, key: &str, value: &str) -> &'a Value {
    report["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["segment"][key] == value)
        .unwrap_or_else(|| panic!("no segment {key}={value}"))
}

#[test]
fn the_report_finds_the_planted_problems() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "800", "3");
    let r = json(dir.path());
    assert_eq!(r["next_wave"], "wave-2");

    // iOS users fail their first enrollment attempt: a gate confined to iOS.
    let gates = r["gates"].as_array().unwrap();
    let ios = gates
        .iter()
        .find(|g| g["id"] == "enrollment" && g["scope"]["platform"] == "iOS")
        .expect("an enrollment gate for iOS");
    assert_eq!(ios["metric"], "enrollment_first_attempt");
    assert_eq!(ios["confined"], true);

    // Finance does not want the change.
    let finance = segment(&r, "department", "Finance");
    assert_eq!(finance["adkar"]["group_barrier"], "desire");

    // The quiz topic `privacy` is the weakest.
    let wave = segment(&r, "wave", "wave-2");
    let topic = wave["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "weakest_topic")
        .unwrap();
    assert_eq!(topic["detail"]["topic"], "privacy");
    assert!(r["actions"].as_array().unwrap().iter().any(|a| {
        a["kind"] == "targeted_training"
            && a["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == "what-changes")
    }));

    // The helpdesk cannot carry the wave at its planned size.
    let f = &r["helpdesk_forecast"];
    assert!(f["max_wave_size"].as_u64().unwrap() < f["wave_size"].as_u64().unwrap());

    // Legal has 3 people in the wave: never reported on its own, and listed.
    assert!(r["suppressed"].as_array().unwrap().contains(&serde_json::json!(
        {"segment": {"department": "Legal"}, "n": 3, "group": "next_wave", "reason": "small"}
    )));
    assert!(
        r["segments"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["segment"]["department"] != "Legal")
    );

    // The decision holds iOS back.
    let d = &r["decision"];
    assert_eq!(d["kind"], "split");
    assert!(
        d["hold"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["platform"] == "iOS")
    );
}

#[test]
fn the_same_files_give_byte_identical_json() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "300", "5");
    let a = score(dir.path(), &["--format", "json"]);
    let b = score(dir.path(), &["--format", "json"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn the_markdown_report_is_written_in_dutch_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "300", "5");
    let out = score(dir.path(), &["--format", "markdown", "--lang", "nl"]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Gereedheidsrapport uitrol"), "{md}");
    assert!(md.contains("## Besluit: "));
    assert!(md.contains("## Zo lees je dit rapport"));
    let table = score(dir.path(), &["--lang", "en"]);
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.starts_with("Deployment readiness report"), "{table}");
}

/// Line 6 of `devices.csv`: its Compliance (column 4) becomes `value`, something Intune never
/// writes; the lines are joined with `line_end`.
fn corrupt_compliance(dir: &Path, value: &str, line_end: &str) {
    let path = dir.join("devices.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut cells: Vec<String> = lines[5].split(',').map(str::to_string).collect();
    cells[3] = value.into();
    lines[5] = cells.join(",");
    std::fs::write(&path, lines.join(line_end)).unwrap();
}

#[test]
fn a_corrupted_file_is_rejected_whole_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "200", "1");
    corrupt_compliance(dir.path(), "Mostly fine", "\r\n");

    let out = score(dir.path(), &["--format", "json"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "nothing is scored on partial data");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("devices.csv, line 6, column 4 (Compliance): expected a compliance state"),
        "{err}"
    );
}

#[test]
fn a_rejected_file_is_explained_in_dutch_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "200", "1");
    corrupt_compliance(dir.path(), "Prima", "\n");

    let out = score(dir.path(), &["--lang", "nl"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("er is niets berekend"), "{err}");
    assert!(
        err.contains(
            "devices.csv, regel 6, kolom 4 (Compliance): verwacht een nalevingsstatus (Compliant, Noncompliant, InGracePeriod, ConfigManager, Error of Unknown), gevonden \"Prima\""
        ),
        "{err}"
    );
}

/// The demo's console export rewritten as Graph's device report writes it: compact headers,
/// no enrollment date column, check-in times with seven fractional digits.
fn as_graph_report(console: &str) -> String {
    let mut out = String::from(
        "DeviceName,ManagedBy,Ownership,Compliance,OS,OSVersion,LastCheckIn,PrimaryUserUPN,DeviceID\n",
    );
    for line in console.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let check_in = cells[6]
            .replacen(' ', "T", 1)
            .replace(".0000000", ".1234567Z");
        let row = [
            cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], &check_in, cells[7],
            cells[10],
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[test]
fn a_graph_device_report_without_enrollment_dates_is_scored() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "300", "2");
    let path = dir.path().join("devices.csv");
    let console = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, as_graph_report(&console)).unwrap();
    let r = json(dir.path());
    let devices = console.lines().count() as u64 - 1;
    assert_eq!(r["data"]["devices"].as_u64(), Some(devices));
    assert!(r["decision"].is_object(), "{r}");
}

#[test]
fn hostile_roster_values_neither_drive_the_terminal_nor_inject_markdown() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "300", "5");
    let path = dir.path().join("roster.csv");
    let original = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
    // A terminal escape or a bidi override in a roster value never gets as far as a report:
    // the roster is refused at its cell, the escape shown as such.
    let escaping = "Fin\u{1b}]0;owned\u{7}\u{1b}[2J\u{202e}";
    let roster = original.replace(";Finance;", &format!(";\"{escaping}\";"));
    assert!(roster.contains(escaping));
    std::fs::write(&path, roster).unwrap();
    let refused = score(dir.path(), &["--format", "table"]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("roster.csv, line ")
            && stderr.contains("Fin\\u{1b}]0;owned")
            && !stderr.contains('\u{1b}')
            && !stderr.contains('\u{202e}'),
        "{stderr}"
    );
    let hostile = "Fin<script>x</script>[x](javascript:alert(1)) https://phish.example";
    let roster = original.replace(";Finance;", &format!(";\"{hostile}\";"));
    assert!(roster.contains(hostile));
    std::fs::write(&path, roster).unwrap();
    let program = std::fs::read_to_string(dir.path().join("program.toml")).unwrap();
    let named = |prefix: &str| program.replacen("name = \"", &format!("name = \"{prefix}"), 1);
    // A program name with a terminal escape is refused outright, with the reason on its line.
    std::fs::write(dir.path().join("program.toml"), named("\\u001b[31m")).unwrap();
    let refused = score(dir.path(), &["--format", "table"]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("program.toml, line 2")
            && stderr.contains("without control or text-direction characters, found U+001B")
            && !stderr.contains('\u{1b}'),
        "{stderr}"
    );
    // HTML in a name is allowed and kept out of the Markdown report as text.
    std::fs::write(
        dir.path().join("program.toml"),
        named("<img src=x onerror=alert(1)>"),
    )
    .unwrap();

    let table = score(dir.path(), &["--format", "table"]);
    assert!(
        table.status.success(),
        "{}",
        String::from_utf8_lossy(&table.stderr)
    );
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("Fin<script>"), "{text}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'));

    let json = score(dir.path(), &["--format", "json"]);
    let text = String::from_utf8(json.stdout).unwrap();
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{7}'));
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        report["segments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["segment"]["department"] == hostile),
        "the JSON keeps the value exactly"
    );

    let md = score(dir.path(), &["--format", "markdown"]);
    assert!(md.status.success());
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("&lt;img src=x onerror=alert(1)&gt;")
            && md.contains("\\[x\\](javascript\\:")
            && md.contains("https\\://phish\\.example"),
        "{md}"
    );
    // Not even a bare address becomes a link in a viewer that links them.
    for raw in [
        "<script",
        "<img",
        "[x](",
        "https://",
        "phish.example",
        "\u{1b}",
        "\u{202e}",
    ] {
        assert!(!md.contains(raw), "{raw} in {md}");
    }
}

#[test]
fn a_missing_roster_is_named() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "100", "1");
    std::fs::remove_file(dir.path().join("roster.csv")).unwrap();
    let out = score(dir.path(), &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("roster.csv"));
}

#[test]
fn the_printable_report_names_the_files_it_speaks_for() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "300", "4");
    let out = score(dir.path(), &["--format", "html", "--lang", "nl"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"nl\">"));
    assert!(html.contains("@page{size:A4"), "a print stylesheet");
    assert!(!html.contains("<script"), "no script in a report");
    // Every file read is listed with its SHA-256, which anyone can recompute.
    let roster = std::fs::read(dir.path().join("roster.csv")).unwrap();
    use sha2::Digest;
    let hash: String = sha2::Sha256::digest(&roster)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(html.contains(&format!(
        "<th scope=\"row\">roster.csv</th><td class=\"hash\">{hash}</td>"
    )));
    assert!(html.contains("<h2>Besluit: "), "in Dutch");
}

/// The files of a pilot where everything goes well (`tests/fixtures/healthy`, which the
/// server's readiness tests import too): 60 people enrolled at once, compliant, trained, 50 of
/// them delighted; 200 in wave 1, 400 in wave 2.
fn healthy() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/healthy")
}

/// `wavegate score --format json` of `dir` at `at`, with `extra` arguments: the report, and
/// the bytes printed.
fn json_at(dir: &Path, at: &str, extra: &[&str]) -> (Value, Vec<u8>) {
    let mut args = vec![
        "score",
        "--data",
        dir.to_str().unwrap(),
        "--at",
        at,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = wavegate(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    (report, out.stdout)
}

fn kind_and_rule(report: &Value) -> (&str, &str) {
    (
        report["decision"]["kind"].as_str().unwrap(),
        report["decision"]["rule"].as_str().unwrap(),
    )
}

#[test]
fn earlier_reports_in_a_history_directory_are_read_and_bad_ones_refused() {
    let dir = healthy();
    let history = tempfile::tempdir().unwrap();
    let history_arg = ["--history", history.path().to_str().unwrap()];
    // The pilot ended on 29 January; on the 31st everything passes: proceed.
    let (first, printed) = json_at(dir.as_path(), "2027-01-31", &[]);
    assert_eq!(kind_and_rule(&first), ("proceed", "nothing_fired"));
    assert_eq!(first["decision"]["everything_passes"], true);
    // A week later, without history there is no EXPAND.
    let (alone, _) = json_at(dir.as_path(), "2027-02-07", &[]);
    assert_eq!(kind_and_rule(&alone), ("proceed", "nothing_fired"));
    assert_eq!(alone["decision"]["everything_passes"], true);
    // With the passing report of 31 January in the history: six days later is too soon, seven
    // days later it backs EXPAND (docs/scoring.md step 6).
    std::fs::write(history.path().join("2027-01-31.json"), printed).unwrap();
    let (soon, _) = json_at(dir.as_path(), "2027-02-06", &history_arg);
    assert_eq!(kind_and_rule(&soon), ("proceed", "nothing_fired"));
    let (later, _) = json_at(dir.as_path(), "2027-02-07", &history_arg);
    assert_eq!(
        kind_and_rule(&later),
        ("expand", "all_pass_twice"),
        "{}",
        later["decision"]
    );

    std::fs::write(history.path().join("broken.json"), "{").unwrap();
    let out = wavegate(&[
        "score",
        "--data",
        dir.as_path().to_str().unwrap(),
        "--at",
        "2027-02-07",
        "--history",
        history.path().to_str().unwrap(),
        "--lang",
        "nl",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json is geen rapport"), "{err}");
}

#[test]
fn an_impossible_date_is_explained_in_both_languages() {
    // `--at` is read before `--lang`, so the message cannot know the language yet.
    let dir = tempfile::tempdir().unwrap();
    let out = wavegate(&[
        "score",
        "--data",
        dir.path().to_str().unwrap(),
        "--at",
        "2027-13-01",
        "--lang",
        "nl",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("expected a date like 2027-02-01, found \"2027-13-01\""),
        "{err}"
    );
    assert!(
        err.contains("verwacht een datum zoals 2027-02-01, gevonden \"2027-13-01\""),
        "{err}"
    );
}

#[test]
fn every_problem_of_program_toml_is_listed_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "60", "3");
    let path = dir.path().join("program.toml");
    let program = std::fs::read_to_string(&path).unwrap();
    // The pilot ends before it starts, and the helpdesk has no capacity.
    let start = program.find("start = \"").unwrap() + "start = \"".len();
    let pilot_start = &program[start..start + 10];
    let end = program.find("end = \"").unwrap();
    let end_line = &program[end..end + "end = \"2026-12-02\"".len()];
    let before = "2000-01-01";
    let broken = program
        .replacen(
            "helpdesk_capacity_per_day = 1",
            "helpdesk_capacity_per_day = 0",
            1,
        )
        .replacen(end_line, &format!("end = \"{before}\""), 1);
    assert!(pilot_start > before);
    assert_ne!(
        broken, program,
        "the demo's program has the lines this test breaks"
    );
    std::fs::write(&path, broken).unwrap();
    // The wave's end is said as people write dates.
    for (lang, shown, end_said) in [
        ("en", "helpdesk_capacity_per_day` above 0", "1 January 2000"),
        ("nl", "helpdesk_capacity_per_day` boven 0", "1 januari 2000"),
    ] {
        let out = score(dir.path(), &["--lang", lang]);
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        // The wave's end first (the file's order), then the capacity, each once.
        let end = stderr.find(end_said).unwrap_or_else(|| panic!("{stderr}"));
        let capacity = stderr.find(shown).unwrap_or_else(|| panic!("{stderr}"));
        assert!(end < capacity, "{stderr}");
        assert_eq!(stderr.matches(end_said).count(), 1, "{stderr}");
    }
}

#[test]
fn a_planner_who_asks_for_dutch_gets_the_help_and_usage_errors_in_dutch() {
    use cli_support::stderr;
    let help = cli_support::stdout(&wavegate(&["--lang", "nl", "score", "--help"]));
    assert!(
        help.contains("Gebruik: wavegate score [OPTIES] --data <DIR>"),
        "{help}"
    );
    assert!(help.contains("Beoordelingsdatum (JJJJ-MM-DD)"), "{help}");
    let out = wavegate(&["score", "--lang=nl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("fout: deze verplichte argumenten ontbreken:\n  --data <DIR>"),
        "{}",
        stderr(&out)
    );
    // Without the flag, clap's English, as before.
    let out = wavegate(&["score"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: the following required arguments"));
}
