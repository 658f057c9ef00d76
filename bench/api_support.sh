# What the API benchmarks share (sourced by import_api.sh and readiness_api.sh): building
# wavegate (release), starting `wavegate serve` on a fresh database under $work with a planner
# API token, and creating the program from a data directory's program.toml.
# Needs: $repo (the checkout) and, before bench_serve, $work (an empty directory).

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
