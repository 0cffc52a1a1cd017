# SPDX-License-Identifier: MIT
# A thin wrapper around meson: `make demo` and `make check` do all the
# set-up on a fresh Debian 12 machine (see README.md).
BUILD ?= build
ASAN_BUILD ?= build-asan
RELEASE_BUILD ?= build-release
MINSIZE_BUILD ?= build-minsize
# Warnings are fatal in every build made here (and so in CI); meson's own
# default is not, so a packager's newer compiler does not stop a release.
WERROR = -Dwerror=true

.PHONY: all setup build demo check test test-asan release minsize gallery clean

all: build

setup:
	bash .ci/setup

$(BUILD)/build.ninja:
	meson setup $(BUILD) $(WERROR)

build: setup $(BUILD)/build.ninja
	ninja -C $(BUILD)

# The main job on the bundled example: events, tables, diagram, report.
demo: build
	$(BUILD)/src/cli/entente report examples/cyber-pact.txt -o demo-report
	@echo
	@cat demo-report/report.md | head -60
	@echo
	@echo "Full report in demo-report/ (report.md, report.html, graph.svg, events.json)"
	$(BUILD)/src/cli/entente report --quiet --by week examples/gdelt-may-june-2025.export.CSV -o demo-time
	@echo "Relations over time (real GDELT rows, by week) in demo-time/: report.html, trend-*.svg, graph-2025-W*.svg"

test: build
	meson test -C $(BUILD) --print-errorlogs

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) -Db_sanitize=address,undefined -Dbuildtype=debug $(WERROR)

test-asan: setup $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD)
	meson test -C $(ASAN_BUILD) --setup sanitize --print-errorlogs

# What a packager types: the release (-O3, NDEBUG) and minsize (-Os)
# builds must compile without a warning. Built, not run: the tests run in
# the two builds above.
$(RELEASE_BUILD)/build.ninja:
	meson setup $(RELEASE_BUILD) --buildtype=release $(WERROR)

$(MINSIZE_BUILD)/build.ninja:
	meson setup $(MINSIZE_BUILD) -Dbuildtype=minsize $(WERROR)

release: setup $(RELEASE_BUILD)/build.ninja
	ninja -C $(RELEASE_BUILD)

minsize: setup $(MINSIZE_BUILD)/build.ninja
	ninja -C $(MINSIZE_BUILD)

# Everything CI checks: tests in the normal and the sanitizer build, and
# the release and minsize builds compile.
check: test test-asan release minsize

gallery: build
	bash graphs/regenerate.sh $(BUILD)/src/cli/entente

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(RELEASE_BUILD) $(MINSIZE_BUILD) demo-report \
		demo-time
