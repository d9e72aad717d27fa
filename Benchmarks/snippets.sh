#!/usr/bin/env bash
# The snippet cache at work (examples/README.md, "The cache"): the examples package's `swift test` run twice from an
# empty cache, then once more after a change to one library source.
#   Benchmarks/snippets.sh [library source, default Sources/DogStatsD/DogStatsDLine.swift]
# Prints each run's wall time and verdicts, and which snippets ran rather than came from the cache.
set -euo pipefail
cd "$(dirname "$0")/../examples"
source_file=${1:-Sources/DogStatsD/DogStatsDLine.swift}
logs=$(mktemp -d)
backup="$logs/$(basename "$source_file").orig"
cp "$source_file" "$backup"
trap 'cp "$backup" "$source_file"; rm -rf "$logs"' EXIT

swift build --build-tests >/dev/null 2>&1
rm -rf .build/snippet-cache

run() { # name → wall seconds; the log in $logs/name.log
    local start end
    start=$(date +%s.%N)
    swift test --skip-build >"$logs/$1.log" 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
verdicts() { grep -E '^[✔✘] (Test|Suite) ' "$logs/$1.log" | sed -E 's/ (passed|failed) after .*/ \1/' | sort; }
ran() { grep -oE '^snippet [A-Za-z/]+: ran' "$logs/$1.log" | cut -d' ' -f2 | tr -d ':' | sort | tr '\n' ' '; }

first=$(run first)
second=$(run second)
printf 'first run (empty cache): %6.1f s, snippets run: %s\n' "$first" "$(ran first)"
printf 'second run (cache warm): %6.1f s, snippets run: %s\n' "$second" "$(ran second)"
printf 'second / first: %.2f\n' "$(echo "$second / $first" | bc -l)"
if diff <(verdicts first) <(verdicts second) >/dev/null; then
    echo "verdicts: the same ($(verdicts first | grep -c '^✔') passed, $(verdicts first | grep -c '^✘') failed)"
else
    echo "verdicts differ:"; diff <(verdicts first) <(verdicts second) || true
fi

printf '\n// benchmark edit\n' >>"$source_file"
swift build --build-tests >/dev/null 2>&1
third=$(run third)
target=$(basename "$(dirname "$source_file")")
printf 'after editing %s: %6.1f s, snippets run: %s\n' "$source_file" "$third" "$(ran third)"
importers=$(grep -lE "^import $target\$" Snippets/*.swift | xargs -n1 basename | sed 's/\.swift$//' | tr '\n' ' ')
echo "snippets that import $target: $importers(and those whose reader's path runs one)"
