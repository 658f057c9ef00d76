#!/usr/bin/env bash
# Load and durability of response submission (docs/benchmarks.md):
#   1. SECONDS of new anonymous responses over CONNECTIONS keep-alive connections on loopback;
#      then the responses in the database are compared with the acknowledgements.
#   2. The same, with the server killed by SIGKILL halfway; after a restart every acknowledged
#      response must be in the database, once.
# bench/load.sh [SECONDS] [CONNECTIONS] [--debug]   (defaults: 30 16; --debug: unoptimised
# builds, for the few-second smoke scripts/test may run)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-16}
profile=release
flag=--release
if [[ "${3:-}" == "--debug" ]]; then profile=debug; flag=; fi
target=${CARGO_TARGET_DIR:-$PWD/target}
cargo build $flag -q -p wavegate
cargo build $flag -q -p wavegate-server --example load
bin="$target/$profile/wavegate"
load="$target/$profile/examples/load"
work=$(mktemp -d)
server=
trap '[[ -n $server ]] && kill -9 $server 2>/dev/null; rm -rf "$work"' EXIT

start() { # starts the server on $work/w.db; sets $server, $url and $token
  "$bin" serve --demo --no-rate-limits --addr 127.0.0.1:0 --db "$work/w.db" --dist "$work" \
    >"$work/out" 2>"$work/log" &
  server=$!
  for _ in $(seq 300); do grep -q "anonymous pulse survey" "$work/out" 2>/dev/null && break; sleep 0.1; done
  url=$(sed -n 's/^Wavegate is running at //p' "$work/out")
  token=$(sed -n 's/.*anonymous pulse survey: *//p' "$work/out" | sed 's#.*/r/##')
  [[ -n $url && -n $token ]] || { cat "$work/out" "$work/log"; echo "server did not start" >&2; exit 1; }
}

check() { # compares the acknowledged ids in $1 with the database
  python3 - "$work/w.db" "$1" <<'PY'
import sqlite3, sys
db, acks = sys.argv[1], sys.argv[2]
acked = [l.strip() for l in open(acks) if l.strip()]
rows = [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM responses WHERE id LIKE 'load-%'")]
stored = set(rows)
missing = [a for a in acked if a not in stored]
print(f"acknowledged {len(acked)}, in the database {len(rows)}, missing {len(missing)}, "
      f"duplicated {len(rows) - len(stored)}, stored but unacknowledged {len(stored - set(acked))}")
sys.exit(1 if missing or len(rows) != len(stored) else 0)
PY
}

echo "== run 1: ${seconds}s, ${connections} connections"
start
"$load" "$url" "$token" "$seconds" "$connections" "$work/acks1"
kill -TERM $server; wait $server || true; server=
check "$work/acks1"

echo "== run 2: SIGKILL after $((seconds / 2))s"
rm -f "$work"/w.db*
start
"$load" "$url" "$token" "$seconds" "$connections" "$work/acks2" &
loader=$!
sleep $((seconds / 2))
kill -9 $server; wait $server 2>/dev/null || true; server=
wait $loader
start
kill -TERM $server; wait $server || true; server=
check "$work/acks2"
