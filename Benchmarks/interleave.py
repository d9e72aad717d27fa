#!/usr/bin/env python3
"""Times shell commands in turns, one run of each per round, and writes hyperfine's JSON layout.

Usage: interleave.py [--runs N] [--warmup W] [--export-json FILE] NAME COMMAND [NAME COMMAND ...]

hyperfine runs all of one command's runs before the next command's, so on a shared machine whose speed
drifts, one command can get a quiet minute and its peer a busy one. Taking turns gives each the same drift.
Each command runs through `sh -c` with its output discarded; a failing command stops the benchmark.
"""
import argparse, json, statistics, subprocess, time

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--export-json")
    parser.add_argument("pairs", nargs="+", help="NAME COMMAND, repeated")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("give a name and a command for each benchmark")
    commands = list(zip(args.pairs[::2], args.pairs[1::2]))
    times = {name: [] for name, _ in commands}
    for round in range(args.warmup + args.runs):
        for name, command in commands:
            start = time.perf_counter()
            subprocess.run(["sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            if round >= args.warmup:
                times[name].append(time.perf_counter() - start)
    if args.export_json:
        results = [{"command": name, "times": times[name], "median": statistics.median(times[name])} for name, _ in commands]
        with open(args.export_json, "w") as out:
            json.dump({"results": results}, out, indent=1)

if __name__ == "__main__":
    main()
