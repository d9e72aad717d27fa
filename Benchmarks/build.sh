#!/usr/bin/env bash
# Times `site build` side by side with Hugo and raw cmark on generated books of 100 and 1,000 chapters,
# and checks that output size grows linearly. Usage: Benchmarks/build.sh [runs]   (default 10 runs each)
# Needs: hugo, cmark (apt-get install -y hugo cmark) and python3.
#
# The commands take turns, one run each per round, after two warm-up rounds: on a shared machine whose speed
# drifts, every command then sees the same drift, and the ratios of medians stay fair.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=Benchmarks/.work
make_book=${MAKE_BOOK:-../shared/bench/make_book.py}
mkdir -p "$work"

swift build -c release --product site >/dev/null
site=$(swift build -c release --show-bin-path)/site

for chapters in 100 1000; do
  book="$work/book-$chapters"
  if [ ! -d "$book/content" ]; then
    python3 "$make_book" "$book" --chapters "$chapters" >/dev/null
    # Hugo with the minimal template minus its list of every page: the no-sidebar peer the targets name.
    cp -r "$book/hugo" "$book/hugo-nosidebar"
    # The same book with its Swift blocks marked as plain text, to price swift-syntax highlighting.
    cp -r "$book/content" "$book/content-plain"
    find "$book/content-plain" -name '*.md' -exec sed -i 's/^```swift$/```text/' {} +
    sed -i 's|<nav>{{ range .Site.RegularPages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>||' \
      "$book/hugo-nosidebar/layouts/_default/single.html"
  fi
  files=$(cd "$book/content" && find . -name '*.md' ! -name SUMMARY.md | sort)
  # Raw cmark, one process per chapter writing one HTML file each: the same job minus everything Stepwise adds.
  cat > "$book/cmark-each.sh" <<SH
#!/bin/sh
cd "$book/content" && mkdir -p ../cmark-out && for f in $(echo $files); do cmark "\$f" > "../cmark-out/\$(echo \$f | tr / _).html"; done
SH
  # Raw cmark, one process over every chapter, output discarded: the parsing floor.
  echo "cd '$book/content' && cat $(echo $files) | cmark > /dev/null" > "$book/cmark-all.sh"

  echo "== $chapters chapters =="
  python3 Benchmarks/interleave.py --runs "$runs" --warmup 2 --export-json "$work/build-$chapters.json" \
    "site build" "$site build --content $book/content --output $book/site" \
    "site build, Swift not highlighted" "$site build --content $book/content-plain --output $book/site-plain" \
    "hugo (no sidebar)" "hugo -s $book/hugo-nosidebar -d $book/hugo-nosidebar-out --quiet" \
    "hugo (every page listed)" "hugo -s $book/hugo -d $book/hugo-out --quiet" \
    "cmark per file" "sh $book/cmark-each.sh" \
    "cmark one process" "sh $book/cmark-all.sh"

  peak=$( { /usr/bin/time -f '%M' "$site" build --content "$book/content" --output "$book/site" >/dev/null; } 2>&1 | tail -1)
  html=$(find "$book/site" -name '*.html' -printf '%s\n' | awk '{s+=$1} END {print s}')
  index=$(stat -c %s "$book/site/search-index.js")
  echo "$chapters $peak $html $index" > "$work/size-$chapters.txt"
done

python3 - "$work" <<'PY'
import json, statistics, sys
work = sys.argv[1]
for chapters in (100, 1000):
    results = {r["command"]: r for r in json.load(open(f"{work}/build-{chapters}.json"))["results"]}
    median = {name: statistics.median(r["times"]) for name, r in results.items()}
    site = median["site build"]
    _, peak, html, index = open(f"{work}/size-{chapters}.txt").read().split()
    print(f"\n{chapters} chapters (median of {len(results['site build']['times'])} runs)")
    for name, value in median.items():
        times = results[name]["times"]
        spread = f"({min(times) * 1000:.0f}–{max(times) * 1000:.0f})"
        ratio = "" if name.startswith("site build") else f"   site build = {site / value:.2f}x this"
        print(f"  {name:33} {value * 1000:6.0f} ms {spread:>13}{ratio}")
    print(f"  Swift highlighting costs   {(site / median['site build, Swift not highlighted'] - 1) * 100:8.0f} % of the build")
    print(f"  peak memory of site build  {int(peak) / 1024:8.0f} MB")
    print(f"  HTML written               {int(html) / 1e6:8.1f} MB, {int(html) / chapters / 1024:.1f} KB per chapter")
    print(f"  search index               {int(index) / 1e6:8.2f} MB, {int(index) / int(html) * 100:.1f} % of the HTML")
PY
