#!/usr/bin/env bash
# Times importing a roster and an Intune device export through the HTTP API, as a planner's
# browser or script would: PUT /api/v1/programs/{id}/files/{kind} with the CSV as the body,
# streamed to disk, parsed by the core importers, matched to the roster, stored by SHA-256.
#
#   bench/import_api.sh                     # 100,000 people, 5 runs per file
#   bench/import_api.sh --people 20000 --runs 3
#
# Builds wavegate (release), makes the data with `wavegate demo-data`, starts `wavegate serve`
# on a fresh database under $CARGO_TARGET_DIR/bench/, creates an API token with
# `wavegate admin create-token` and the program from the data's program.toml, then uploads each
# file `runs` times (after one warm-up) and prints the median and fastest wall-clock time of
# the whole request (curl's time_total), with the summary's row and match counts.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. bench/api_support.sh
bench_args "$@"
bench_build
bench_work import-api
"$bin" demo-data --out "$work/data" --people "$people" --seed 1 >/dev/null
# demo-data has devices only for people already enrolled; an export of a whole estate has one
# (or more) per person: one per roster person, 2% shared devices without a primary user, in
# the Intune admin center's header generation.
python3 - "$work/data" "$people" <<'PY'
import csv, sys
data, n = sys.argv[1], int(sys.argv[2])
with open(f"{data}/roster.csv", newline="", encoding="utf-8-sig") as f:
    first = f.readline()
    f.seek(0)
    rows = list(csv.reader(f, delimiter=";" if first.count(";") > first.count(",") else ","))
col = [h.strip().lower() for h in rows[0]].index("email")
emails = [r[col] for r in rows[1:]]
oses = ["Windows", "iOS", "Android", "macOS"]
states = ["Compliant"] * 8 + ["Noncompliant", "InGracePeriod"]
with open(f"{data}/devices-all.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["Device name", "Primary user UPN", "OS", "OS version", "Compliance",
                "Enrollment date", "Last check-in"])
    for i in range(n):
        user = "" if i % 50 == 49 else emails[i % len(emails)]
        w.writerow([f"DEV{i:06d}", user, oses[i % 4], "10.0", states[i % 10],
                    f"2027-01-{1 + i % 28:02d} 09:{i % 60:02d}:00.0000000",
                    "2027-02-01 10:00:00.0000000"])
PY
bench_serve
program=$(bench_program "$work/data")

nproc_out=$(nproc)
printf 'people: %s; runs per file: %s; cores: %s; load average: %s\n' \
  "$people" "$runs" "$nproc_out" "$(cut -d' ' -f1-3 /proc/loadavg)"
for kind in roster devices devices-all; do
  file="$work/data/$kind.csv"
  # Both device files are uploaded as the program's devices.
  endpoint=${kind%-all}
  times=()
  for run in $(seq 0 "$runs"); do
    t=$(curl -sf -o "$work/$kind.json" -w '%{time_total}' -X PUT -H "$auth" \
      -H "Content-Type: text/csv" --data-binary @"$file" \
      "$url/api/v1/programs/$program/files/$endpoint")
    # Run 0 warms the page cache and the server.
    [ "$run" -gt 0 ] && times+=("$t")
  done
  python3 - "$kind" "$file" "$work/$kind.json" "${times[@]}" <<'PY'
import json, os, statistics, sys
kind, path, summary = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
times = sorted(float(t) for t in sys.argv[4:])
size = os.path.getsize(path) / 1e6
print(f"{kind:8} {size:6.1f} MB  rows {summary['rows']:>7}  matched {summary.get('people_matched')}"
      f"  median {statistics.median(times):.2f} s  fastest {times[0]:.2f} s")
PY
done
