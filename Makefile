# SPDX-License-Identifier: MIT
# A thin wrapper around meson: `make demo` and `make check` do all the
# set-up on a fresh Debian 12 machine (see README.md).
BUILD ?= build
ASAN_BUILD ?= build-asan

.PHONY: all setup build demo check test test-asan gallery clean

all: build

setup:
	bash .ci/setup

$(BUILD)/build.ninja:
	meson setup $(BUILD)

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
	meson setup $(ASAN_BUILD) -Db_sanitize=address,undefined -Dbuildtype=debug

test-asan: setup $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD)
	meson test -C $(ASAN_BUILD) --setup sanitize --print-errorlogs

# Everything CI checks: tests in the normal and the sanitizer build.
check: test test-asan

gallery: build
	bash graphs/regenerate.sh $(BUILD)/src/cli/entente

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) demo-report demo-time
