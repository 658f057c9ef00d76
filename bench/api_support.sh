# What the API benchmarks share (sourced by import_api.sh, readiness_api.sh, comms_api.sh and
# roster_api.sh): their common arguments,
# building wavegate (release), an empty work directory, starting `wavegate serve` on a fresh
# database under $work with a planner API token, creating the program from a data directory's
# program.toml and importing its files.
# Needs: $repo (the checkout); bench_work after bench_build, before bench_serve.

# `bench_args ARG…`: `--people N` (default 100,000) and `--runs N` (default 5) as $people and
# $runs; any other argument stops the script.
bench_args() {
  people=100000
  runs=5
  while [ $# -gt 0 ]; do
    case "$1" in
      --people) people=$2; shift 2 ;;
      --runs) runs=$2; shift 2 ;;
      *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
  done
}

# `bench_work NAME`: an empty $target/bench/NAME as $work (after bench_build).
bench_work() {
  work="$target/bench/$1"
  rm -rf "$work"
  mkdir -p "$work"
}

# `bench_import DIR KIND…`: imports DIR/KIND.csv of each KIND into the program at $api.
bench_import() {
  local dir=$1 kind
  shift
  for kind in "$@"; do
    curl -sf -o /dev/null -X PUT -H "$auth" -H "Content-Type: text/csv" \
      --data-binary @"$dir/$kind.csv" "$api/files/$kind"
  done
}

# Builds wavegate (release); sets $target and $bin.
bench_build() {
  target="$(realpath -m "${CARGO_TARGET_DIR:-$repo/target}")"
  cargo build --release --locked -p wavegate >&2
  bin="$target/release/wavegate"
}

# `bench_serve [FLAG…]`: starts `wavegate serve FLAG…` on $work/wavegate.sqlite, stopped when the
# script exits; sets $db, $server, $url and $auth (the header of a new planner token).
bench_serve() {
  db="$work/wavegate.sqlite"
  "$bin" serve --addr 127.0.0.1:0 --db "$db" --dist "$work" "$@" \
    >"$work/serve.out" 2>"$work/serve.err" &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 100); do
    grep -q "^Wavegate is running at" "$work/serve.out" 2>/dev/null && break
    sleep 0.1
  done
  url=$(sed -n 's/^Wavegate is running at //p' "$work/serve.out")
  local token
  token=$("$bin" admin create-token --db "$db" --role planner --name bench 2>/dev/null)
  auth="Authorization: Bearer $token"
}

# `bench_program DIR`: creates the program of DIR/program.toml; prints its id.
bench_program() {
  curl -sf -X POST -H "$auth" -H "Content-Type: application/toml" \
    --data-binary @"$1/program.toml" "$url/api/v1/programs" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
