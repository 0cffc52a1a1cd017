#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What `meson install` puts in place is enough to build on the library:
# the headers, version.h, entente.pc (igraph, Graphviz, cJSON, libxml2,
# PLplot and cairo only as Requires.private: no public header needs their
# include paths),
# the JSON Schemas, the man page and the bash completion; a program built
# with `pkg-config --cflags --libs entente` alone runs. Prints TAP.
#   check_install.sh BUILDDIR SRCDIR
set -u
build=$1
src=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
n=0
failed=0
ok() { # status description [detail]
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		[ -n "${3:-}" ] && printf '%s\n' "$3" | head -10 | sed 's/^/#   /'
		failed=$((failed + 1))
	fi
}
log=$(meson install -C "$build" --no-rebuild --destdir "$dest" 2>&1)
ok $? "meson install --destdir" "$log"
pc=$(find "$dest" -name entente.pc | head -1)
ok $([ -n "$pc" ]; echo $?) "entente.pc is installed"
# the installed file, its prefix moved to the scratch folder
mkdir -p "$dest/pc"
sed "s|^prefix=.*|prefix=$dest$(sed -n 's/^prefix=//p' "$pc")|" "$pc" > "$dest/pc/entente.pc"
export PKG_CONFIG_PATH=$dest/pc
own=$(sed -n 's/^Cflags: //p' "$pc")
ok $([ "$own" = '-I${includedir}' ]; echo $?) \
	"the package's own Cflags are its include folder only ($own)"
# pkgconf adds the cflags of Requires.private to --cflags; a program needs
# only the package's own, which is what this build uses
cflags=-I$(pkg-config --variable=includedir entente)
libs=$(pkg-config --libs entente)
ok $? "pkg-config reads it: $cflags $libs"
private=$(sed -n 's/^Requires.private: //p' "$pc")
for dep in igraph libcgraph libgvc libcjson libxml-2.0 plplot cairo; do
	case "$private" in
	*"$dep"*) ok 0 "$dep is in Requires.private" ;;
	*) ok 1 "$dep is in Requires.private" "$private" ;;
	esac
done
prefix=$(pkg-config --variable=prefix entente)
for f in include/entente/entente.h include/entente/version.h \
	share/entente/schema/events-1.schema.json \
	share/entente/schema/report-1.schema.json share/man/man1/entente.1 \
	share/bash-completion/completions/entente; do
	ok $([ -f "$prefix/$f" ]; echo $?) "$f is installed"
done
ok $([ ! -e "$prefix/include/entente/version.h.in" ] && [ ! -e "$prefix/include/entente/meson.build" ]; echo $?) \
	"no build files among the headers"
libdir=$(pkg-config --variable=libdir entente)
# a sanitizer build's library needs its runtime in the program too
san=
if ldd "$libdir/libentente.so" 2>/dev/null | grep -q libasan; then
	san=-fsanitize=address,undefined
fi
# shellcheck disable=SC2086
out=$(cc $san -std=c11 -Wall -Wextra -Werror -o "$dest/strongest_ties" \
	"$src/examples/strongest_ties.c" $cflags $libs 2>&1)
ok $? "examples/strongest_ties.c builds with the pkg-config flags alone" "$out"
out=$(LD_LIBRARY_PATH=$libdir "$dest/strongest_ties" "$src/examples/baltic-black-sea.json" 2>&1)
ok $? "and runs" "$out"
echo "1..$n"
[ $failed -eq 0 ]
