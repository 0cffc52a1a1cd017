#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The bash completion offers what the tool accepts: commands, a command's
# options, the values of an option, files elsewhere. Prints TAP.
#   completion_check.sh ENTENTE SRCDIR
set -u
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ln -s "$exe" "$dir/entente"
PATH=$dir:$PATH
# shellcheck source=/dev/null
source "$root/completions/entente.bash"
n=0
failed=0
check() { # words... -- expected
	local want=${*: -1} got
	COMP_WORDS=("${@:1:$#-1}")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	_entente
	got=
	if [ ${#COMPREPLY[@]} -gt 0 ]; then
		got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
	fi
	n=$((n + 1))
	if [[ $got == "$want" ]]; then
		echo "ok $n - ${COMP_WORDS[*]} -> $want"
	else
		echo "not ok $n - ${COMP_WORDS[*]} -> $want"
		echo "#   got: $got"
		failed=$((failed + 1))
	fi
}
check entente an "analyze "
check entente help re "render report "
check entente analyze --fo "--format "
check entente analyze --format "" "csv json md text "
check entente render --format g "gexf gml graphml "
check entente dyads --for "" # dyads has no --format
check entente dyads --by "" # nor --by
check entente report --wei "--weight "
check entente analyze --weight t "tone "
check entente analyze --actors-x "" # no such option
check entente analyze --level "" "actor state "
check entente pl "plot "
check entente plot --rel "--relation "
check entente plot --format "" "pdf png svg "
echo "1..$n"
[ $failed -eq 0 ]
