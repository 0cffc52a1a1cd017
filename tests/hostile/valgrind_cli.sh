#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Run every CLI golden case (tests/cli/<case>.args, with its .stdin) under
# valgrind and fail when valgrind reports a memory error or a definite or
# indirect leak in any of them. The golden comparison itself is run.py's
# job; this only asks valgrind. Then the hostile table runs under valgrind
# too (ENTENTE_VALGRIND=1 tests/hostile/run.py).
#
#   tests/hostile/valgrind_cli.sh build/src/cli/entente [--no-hostile]
set -u
exe=${1:?usage: valgrind_cli.sh ENTENTE [--no-hostile]}
exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 77; }
failed=0
n=0
for args_file in tests/cli/*.args; do
	case_name=$(basename "$args_file" .args)
	base=${args_file%.args}
	tmp=$(mktemp -d /tmp/entente-vg.XXXXXX)
	args=()
	while IFS= read -r line || [ -n "$line" ]; do
		[ -z "${line//[[:space:]]/}" ] && continue
		line=${line//@SRC@/$root}
		line=${line//@TMP@/$tmp}
		args+=("$line")
	done < "$args_file"
	stdin=/dev/null
	[ -f "$base.stdin" ] && stdin=$base.stdin
	n=$((n + 1))
	valgrind -q --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect \
		--errors-for-leak-kinds=definite,indirect \
		--suppressions="$root/tests/hostile/valgrind.supp" \
		--log-file="$tmp/valgrind.log" \
		"$exe" "${args[@]}" < "$stdin" > /dev/null 2> "$tmp/stderr"
	rc=$?
	if [ $rc -eq 99 ] || [ -s "$tmp/valgrind.log" ]; then
		echo "FAIL $case_name (exit $rc)"
		sed 's/^/    /' "$tmp/valgrind.log" | head -40
		failed=$((failed + 1))
	else
		echo "ok   $case_name (exit $rc)"
	fi
	rm -rf "$tmp"
done
echo "valgrind: $n CLI cases, $failed with errors"
if [ "${2:-}" != "--no-hostile" ]; then
	ENTENTE_VALGRIND=1 python3 tests/hostile/run.py "$exe" "$root" ||
		failed=$((failed + 1))
fi
[ $failed -eq 0 ]
