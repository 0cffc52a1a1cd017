#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Run libFuzzer targets one after the other (one core each, -jobs=1 style),
# each for SECONDS (default 600), with the seed corpus and the dictionary.
# New inputs go to WORK/<target>/ (not into the checked-in corpus: add an
# input there by hand once the bug it found is fixed); crashes go to
# WORK/<target>-crash-*. Statistics end up in WORK/<target>.log.
#
#   CC=clang meson setup build-fuzz -Dfuzzing=true -Db_lundef=false
#   ninja -C build-fuzz
#   tests/fuzz/run-fuzzers.sh build-fuzz 600 /tmp/fuzz json gdelt ...
set -u
build=${1:?usage: run-fuzzers.sh BUILD [SECONDS] [WORK] [TARGET...]}
seconds=${2:-600}
work=${3:-/tmp/entente-fuzz}
shift $(( $# < 3 ? $# : 3 ))
src=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	targets=(json text dict gdelt icews dyads auto)
fi
mkdir -p "$work"
status=0
for t in "${targets[@]}"; do
	exe="$build/tests/fuzz/fuzz_$t"
	[ -x "$exe" ] || { echo "$t: no $exe, skipped"; continue; }
	mkdir -p "$work/$t"
	dict=()
	[ -f "$src/$t.dict" ] && dict=(-dict="$src/$t.dict")
	echo "$t: fuzzing for $seconds s"
	"$exe" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
		-rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$work/$t-" "$work/$t" "$src/corpus/$t" \
		> "$work/$t.log" 2>&1
	rc=$?
	grep -E '^stat::number_of_executed_units|^stat::new_units_added' \
		"$work/$t.log" | sed "s/^/$t: /"
	if [ $rc -ne 0 ]; then
		echo "$t: FAILED (exit $rc), see $work/$t.log"
		status=1
	fi
done
exit $status
