#!/usr/bin/env bash
# Builds wavegate (release), installs DuckDB from PyPI into a venv outside the repository if
# needed, and runs the side-by-side benchmark (see compare_duckdb.py). Extra arguments are
# passed on, e.g. `bench/compare_duckdb.sh --people 100000 --runs 7`.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
target="$(realpath -m "${CARGO_TARGET_DIR:-target}")"
venv="$target/bench-venv"
cargo build --release -p wavegate >&2
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import duckdb" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet duckdb
fi
mkdir -p "$target/bench"
cd "$target/bench"
exec "$venv/bin/python" "$repo/bench/compare_duckdb.py" --wavegate "$target/release/wavegate" "$@"
