#!/usr/bin/env bash
# Times a planner request that reads the program's roster, at 100,000 people: the group lists
# the invite, assign and communication forms offer (GET …/roster/groups). Inviting from the
# roster, mail-merge e-mails and the checks of new links read the roster the same way.
#
#   bench/roster_api.sh                       # 100,000 people, 5 runs
#   bench/roster_api.sh --people 20000 --runs 3
#
# Builds wavegate (release), makes the data with `wavegate demo-data --seed 3`, starts
# `wavegate serve` on a fresh database under $CARGO_TARGET_DIR/bench/, creates the program from
# the data's program.toml and imports the roster through the API.
# Then it times, with curl's time_total (the whole request):
#   - the first group list: the stored roster file read and parsed;
#   - the next ones: the parsed roster kept by its file's hash;
#   - a group list after a new roster import (another file, read again), and the next one.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. bench/api_support.sh
bench_args "$@"
bench_build
bench_work roster-api
"$bin" demo-data --out "$work/data" --people "$people" --seed 3 --at 2026-11-30 >/dev/null
bench_serve
program=$(bench_program "$work/data")
api="$url/api/v1/programs/$program"
bench_import "$work/data" roster
time_groups() {
  curl -sf -o "$work/groups.json" -w '%{time_total}' -H "$auth" "$api/roster/groups"
}
echo "people: $people"
echo "first group list (roster file read and parsed): $(time_groups) s"
for _ in $(seq "$runs"); do
  echo "next group list (kept roster): $(time_groups) s"
done
# The same people in another file (one more line ending): a new hash, read again.
printf '\r\n' | cat "$work/data/roster.csv" - >"$work/roster2.csv"
curl -sf -o /dev/null -X PUT -H "$auth" -H "Content-Type: text/csv" \
  --data-binary @"$work/roster2.csv" "$api/files/roster"
echo "group list after a new roster import (read again): $(time_groups) s"
echo "next group list: $(time_groups) s"
