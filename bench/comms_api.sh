#!/usr/bin/env bash
# Times the communication plan with its reach as the planner's Communication tab asks for it:
# GET /api/v1/programs/{id}/communications on a full plan (500 sent messages that each ask
# something), where every request needs the program's data to measure reach.
#
#   bench/comms_api.sh                       # 100,000 people, 5 runs
#   bench/comms_api.sh --people 20000 --runs 3
#
# Builds wavegate (release), makes the data with `wavegate demo-data --seed 3`, starts
# `wavegate serve` on a fresh database under $CARGO_TARGET_DIR/bench/, creates the program from
# the data's program.toml, imports roster, devices, failures, tickets and training through the
# API and plans 500 messages (every wave in turn, half of them for the iOS segment, the three
# purposes in turn). Then it times, with curl's time_total (the whole request):
#   - the first message planned: its reach needs the data directory built, hashed and parsed;
#   - the lists after all 500: the kept directory and its parsed data set, 500 reaches each;
#   - a list after a new import: the directory built and parsed again, 500 reaches.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. bench/api_support.sh
bench_args "$@"
bench_build
bench_work comms-api
"$bin" demo-data --out "$work/data" --people "$people" --seed 3 --at 2026-11-30 >/dev/null
bench_serve
program=$(bench_program "$work/data")
api="$url/api/v1/programs/$program"
bench_import "$work/data" roster devices enrollment_failures tickets training
waves=$(curl -sf -H "$auth" "$api" | python3 -c '
import json, sys
print(" ".join(w["id"] for w in json.load(sys.stdin)["program"]["waves"]))')
read -r -a wave_ids <<<"$waves"
purposes=(enroll answer_survey start_training)
first_post=""
for i in $(seq 0 499); do
  wave=${wave_ids[$((i % ${#wave_ids[@]}))]}
  purpose=${purposes[$((i % 3))]}
  segment='{}'
  [ $((i % 2)) -eq 1 ] && segment='{"platform":"iOS"}'
  took=$(curl -sf -o /dev/null -w '%{time_total}' -X POST -H "$auth" -H "Content-Type: application/json" --data \
    "{\"wave\":\"$wave\",\"segment\":$segment,\"channel\":\"email\",\"owner\":\"Team\",\"purpose\":\"$purpose\",\"planned_on\":\"2026-10-01\",\"sent_on\":\"2026-10-01\",\"subject\":\"Bericht $i\"}" \
    "$api/communications")
  [ -z "$first_post" ] && first_post=$took
done
time_list() {
  curl -sf -o "$work/list.json" -w '%{time_total}\n' -H "$auth" "$api/communications"
}
first=$(time_list)
measured=$(python3 -c '
import json, sys
msgs = json.load(open(sys.argv[1]))
print(sum(1 for m in msgs if m["reach"]["status"] == "measured"), "/", len(msgs))' "$work/list.json")
echo "people: $people; messages measured / listed: $measured"
echo "first message planned (its reach: directory built and parsed): ${first_post} s"
echo "first list (kept directory and data set, 500 reaches): ${first} s"
for _ in $(seq "$runs"); do
  echo "next list: $(time_list) s"
done
# A new import changes the store's stamp: the next list builds and parses the directory again.
bench_import "$work/data" devices
echo "list after a new import (directory built and parsed again, 500 reaches): $(time_list) s"
echo "next list: $(time_list) s"
