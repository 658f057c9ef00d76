#!/usr/bin/env bash
# Times the readiness of a whole organisation evaluated by the server from its store, as the
# dashboard asks for it: GET /api/v1/programs/{id}/readiness, which builds the program's data
# directory (program.toml, the stored imports, responses.csv merged from the imported file and
# the responses the server collected, training.csv, each file's SHA-256), loads it with the
# core importers and evaluates it, on a blocking thread in one of two evaluation slots.
#
#   bench/readiness_api.sh                          # 100,000 people, 20,000 collected, 5 runs
#   bench/readiness_api.sh --people 20000 --collected 5000 --runs 3
#
# Builds wavegate (release), makes the data with `wavegate demo-data --seed 1`, starts
# `wavegate serve --demo` on a fresh database under $CARGO_TARGET_DIR/bench/ (the demo's own
# pilot-feedback responses give valid answers to copy), creates the program from the data's
# program.toml and imports every file through the API, attaches the pilot-feedback survey and
# stores `--collected` responses in the responses table (as the respond endpoint stores them,
# written straight into SQLite: posting them one by one would time the respond endpoint, not
# the evaluation); a quarter of them take the ids of imported responses, so the merge drops
# those imported rows. Then it times, with curl's time_total (the whole request):
#   - readiness at a new date each run: a full evaluation (nothing kept applies);
#   - readiness at the same date again: the data directory built and hashed, the kept report;
#   - export.zip: the data directory built and deflated;
# and, for scale under the same conditions, `wavegate score` on the same bytes (the directory
# `wavegate export-program` writes), the whole process.
set -euo pipefail
people=100000
collected=20000
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people=$2; shift 2 ;;
    --collected) collected=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. bench/api_support.sh
bench_build
bench_work readiness-api
"$bin" demo-data --out "$work/data" --people "$people" --seed 1 --at 2027-03-01 >/dev/null
WAVEGATE_DEMO_PASSWORD="bench password 0123" bench_serve --demo
program=$(bench_program "$work/data")
api="$url/api/v1/programs/$program"
bench_import "$work/data" roster devices enrollment_failures tickets responses training
curl -sf -o /dev/null -X POST -H "$auth" -H "Content-Type: application/json" \
  --data '{"template":"pilot-feedback"}' "$api/surveys"
# Stores responses as the respond endpoint does: `add.py DB PROGRAM FIRST COUNT`.
cat >"$work/add.py" <<'PY'
import json, sqlite3, sys
db, program, first, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
conn = sqlite3.connect(db, timeout=30)
answers = [r[0] for r in conn.execute(
    "SELECT answers FROM responses WHERE program_id = 'demo' AND survey_id = 'pilot-feedback'")]
(version,) = conn.execute(
    "SELECT version FROM program_surveys WHERE program_id = ? AND survey_id = 'pilot-feedback'",
    (program,)).fetchone()
with conn:
    for i in range(first, first + n):
        person = f"E{i + 1:06d}"
        token = f"b{i:031x}"
        # A quarter of the first batch replace imported responses (the merge keeps ours).
        rid = f"R{i + 1:08d}" if i < n // 4 else f"collected-{i:08d}"
        attrs = json.dumps({"wave": "pilot"})
        # Links are stored sealed (a keyed hash and a mask): the evaluation reads only responses,
        # so a stand-in hash and mask do here; these links are never opened.
        conn.execute(
            "INSERT INTO invitations (token_hash, token_mask, program_id, survey_id, person_id, attributes,"
            " language, created_at) VALUES (?, '00', ?, 'pilot-feedback', ?, ?, 'nl', '2027-02-01T09:00:00Z')",
            (token, program, person, attrs))
        conn.execute(
            "INSERT INTO responses (id, invitation_hash, program_id, survey_id, survey_version, person_id,"
            " language, attributes, answers, submitted_at)"
            " VALUES (?, ?, ?, 'pilot-feedback', ?, ?, 'nl', ?, ?, '2027-02-15T10:00:00Z')",
            (rid, token, program, version, person, attrs, answers[i % len(answers)]))
PY
python3 "$work/add.py" "$db" "$program" 0 "$collected"

time_get() { # path → seconds; the body goes to $work/last
  curl -sf -o "$work/last" -w '%{time_total}' -H "$auth" "$api/$1"
}
summary() { # label, times…
  python3 - "$@" <<'PY'
import statistics, sys
label, times = sys.argv[1], sorted(float(t) for t in sys.argv[2:])
print(f"{label:34} median {statistics.median(times):.2f} s  fastest {times[0]:.2f} s  (n={len(times)})")
PY
}
printf 'people: %s; collected responses: %s; runs: %s; cores: %s; load average: %s\n' \
  "$people" "$collected" "$runs" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
first=$(time_get "readiness?at=2027-03-01&lang=en")
python3 - "$work/last" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
d = r["data"]
print(f"report: next wave {r['next_wave']}, decision {r['decision']['kind']}; people {d['people']},"
      f" responses {d['responses']}, devices {d['devices']}, training records {d['training_records']}")
PY
curl -sf -D - -o /dev/null -H "$auth" "$api/readiness?at=2027-03-01&lang=en" |
  sed -n 's/^wavegate-inputs: //Ip' | tr ',' '\n' | sed 's/=.*//; s/^ */input: /'
ls -l "$work/data" | awk 'NR>1 {printf "file: %-26s %6.1f MB\n", $9, $5/1e6}'
echo "first request: $first s"
cold=(); other=(); again=(); zips=()
for run in $(seq 1 "$runs"); do
  # One more response arrives: the next request builds the data directory anew.
  python3 "$work/add.py" "$db" "$program" "$((collected + run))" 1
  cold+=("$(time_get "readiness?at=2027-03-01&lang=en")")
  other+=("$(time_get "readiness?at=2027-03-0$((run % 7 + 2))&lang=nl")")
  again+=("$(time_get "readiness?at=2027-03-01&lang=en")")
  zips+=("$(time_get "export.zip")")
done
summary "readiness after a new response" "${cold[@]}"
summary "readiness, same data, other date" "${other[@]}"
summary "readiness, same data and date" "${again[@]}"
summary "export.zip" "${zips[@]}"
ls -l "$work/last" | awk '{printf "export.zip: %.1f MB\n", $5/1e6}'
"$bin" export-program --db "$db" --program "$program" --out "$work/export" >/dev/null
cli=()
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  "$bin" score --data "$work/export" --at "2027-03-0$((run % 7 + 1))" --lang nl --format json >/dev/null
  cli+=("$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$start" "$(date +%s.%N)")")
done
summary "wavegate score, same files (CLI)" "${cli[@]}"
