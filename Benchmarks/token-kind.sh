#!/usr/bin/env bash
# Does keying a table by `TokenKind.ordinal` (a switch) cost anything against the layout-dependent cast
# `unsafeBitCast(kind, to: UInt8.self)` it replaced? Compiles SiteKit's own TokenKind.swift with a probe at -O, once
# each way, then
#   1. prints both versions of the index function as machine code, and whether they are the same;
#   2. times 100 million table lookups each way, interleaved, and reports the medians and their ratio.
#   Benchmarks/token-kind.sh [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sources=(Sources/SiteKit/Highlight/TokenKind.swift Benchmarks/token-kind/Probe.swift)

for way in switch cast; do
    flags=(-O -wmo -parse-as-library -module-name Probe)
    [ "$way" = cast ] && flags+=(-D CAST)
    swiftc "${flags[@]}" -emit-assembly "${sources[@]}" -o "$work/$way.s"
    swiftc "${flags[@]}" "${sources[@]}" -o "$work/$way"
done

body() { # switch|cast → the index function's instructions, one per line
    awk -v label="\$s5Probe5indexySiAA9TokenKindOF:" '
        index($0, label) == 1 { inside = 1; next }
        inside && /^\.Lfunc_end/ { exit }
        inside && $0 !~ /^[ \t]*(\.|#)/ { sub(/^[ \t]+/, ""); print }' "$work/$1.s"
}
for way in switch cast; do echo "$way:"; body "$way" | sed 's/^/    /'; done
if [ -n "$(body switch)" ] && diff <(body switch) <(body cast) >/dev/null; then
    echo "machine code: identical"
else
    echo "machine code: differs"
fi

for _ in $(seq "$rounds"); do
    echo "switch $("$work/switch")"
    echo "cast $("$work/cast")"
done >"$work/times"
median() { grep "^$1 " "$work/times" | awk '{ print $2 }' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
switch_ms=$(median switch)
cast_ms=$(median cast)
echo "100M lookups, median of $rounds interleaved runs: switch $switch_ms ms, cast $cast_ms ms," \
    "switch / cast $(echo "scale=2; $switch_ms / $cast_ms" | bc)"
