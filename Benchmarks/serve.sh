#!/usr/bin/env bash
# Times `site serve`'s incremental rebuild on the generated 1,000-chapter book (release build, in-process:
# save → watcher scan → rebuilt page on disk), and reports search-index.js against the site's total HTML.
# Usage: Benchmarks/serve.sh [runs]   (default 30 saves per case). Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
work=Benchmarks/.work
make_book=${MAKE_BOOK:-../shared/bench/make_book.py}
book="$work/book-1000"
mkdir -p "$work"
[ -d "$book/content" ] || python3 "$make_book" "$book" --chapters 1000 >/dev/null

swift build -c release --product serve-benchmark >/dev/null
bench=$(swift build -c release --show-bin-path)/serve-benchmark

echo "== site serve: incremental rebuild, 1,000 chapters (target: under 50 ms) =="
"$bench" "$book/content" "$book/site-serve" "$runs"

echo "== search index size, 1,000 chapters (target: under 15% of the HTML) =="
index=$(stat -c %s "$book/site-serve/search-index.js")
html=$(find "$book/site-serve" -name '*.html' -printf '%s\n' | awk '{s+=$1} END {print s}')
awk -v i="$index" -v h="$html" 'BEGIN { printf "search-index.js %d bytes, HTML %d bytes: %.1f%%\n", i, h, 100 * i / h }'
