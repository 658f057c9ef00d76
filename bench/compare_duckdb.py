#!/usr/bin/env python3
"""Times `wavegate score` (the full evaluation, statistics included) against DuckDB computing
the plain per-segment aggregates of aggregates.sql over the same CSV files, in one run.

Usage: compare_duckdb.py --wavegate PATH [--people 100000] [--seed 1] [--runs 7] [--data DIR]

Both are timed the same way: wall-clock time, median of --runs runs after one warm-up run
(the files are in the page cache for both). `wavegate score` is timed as a whole process
(start-up, reading, scoring, writing JSON); DuckDB is timed twice: the queries inside one
Python process (connection opened per run, CSVs read per run), and as a whole `python` process.
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
AT = "2027-03-01"


def run_wavegate(wavegate: str, data: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [wavegate, "score", "--data", str(data), "--at", AT, "--format", "json"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def duckdb_queries(data: Path, sql: str) -> int:
    rows = 0
    con = duckdb.connect()
    cwd = os.getcwd()
    os.chdir(data)
    try:
        # Statements end at a ";" closing a line (a ";" inside a literal does not).
        for statement in [s.strip() for s in sql.split(";\n") if s.strip()]:
            result = con.execute(statement)
            if result.description is not None:
                rows += len(result.fetchall())
    finally:
        os.chdir(cwd)
        con.close()
    return rows


def run_duckdb(data: Path, sql: str) -> float:
    start = time.perf_counter()
    duckdb_queries(data, sql)
    return time.perf_counter() - start


def run_duckdb_process(data: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--only-duckdb", "--data", str(data)],
        check=True,
    )
    return time.perf_counter() - start


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--wavegate")
    p.add_argument("--people", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--data", type=Path)
    p.add_argument("--only-duckdb", action="store_true")
    a = p.parse_args()
    sql = (HERE / "aggregates.sql").read_text()
    if a.only_duckdb:
        duckdb_queries(a.data, sql)
        return
    if not a.wavegate:
        sys.exit("--wavegate PATH is required")
    data = a.data or Path(f"bench-data-{a.people}")
    if data.exists():
        shutil.rmtree(data)
    subprocess.run(
        [a.wavegate, "demo-data", "--out", str(data), "--people", str(a.people),
         "--seed", str(a.seed), "--at", AT],
        check=True,
    )
    answers = sum(1 for _ in open(data / "responses.csv", encoding="utf-8")) - 1
    size = sum(f.stat().st_size for f in data.iterdir()) / 1e6
    rows = duckdb_queries(data, sql)

    # One warm-up each, then alternate so neither gets a systematically warmer cache.
    run_wavegate(a.wavegate, data)
    run_duckdb(data, sql)
    wg, dq, dp = [], [], []
    for _ in range(a.runs):
        wg.append(run_wavegate(a.wavegate, data))
        dq.append(run_duckdb(data, sql))
        dp.append(run_duckdb_process(data))

    def fmt(xs):
        return f"{statistics.median(xs):7.3f} s  (min {min(xs):.3f})"

    print()
    print(f"machine:  {machine()}")
    print(f"data:     {a.people} people, {answers} answer rows, {size:.0f} MB of CSV (seed {a.seed})")
    print(f"duckdb:   {duckdb.__version__}, {rows} aggregate rows; runs: {a.runs} (median)")
    print()
    print(f"wavegate score (full evaluation, JSON, whole process)  {fmt(wg)}")
    print(f"DuckDB plain aggregates (queries in-process)           {fmt(dq)}")
    print(f"DuckDB plain aggregates (whole python process)         {fmt(dp)}")
    ratio = statistics.median(dq) / statistics.median(wg)
    print(f"\nDuckDB in-process / wavegate: {ratio:.2f}x")


if __name__ == "__main__":
    main()
