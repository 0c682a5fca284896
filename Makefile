# FrontDesk: the two set-up commands of the README are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
DEMO_DB ?= .build/demo/frontdesk-demo.sqlite
DEMO_VISITORS ?= 2000
# Where release builds go (`make bench BUILD_PATH=.build-x` keeps a worktree's builds apart).
BUILD_PATH ?= .build
RELEASE_FLAGS = -c release --static-swift-stdlib --scratch-path $(BUILD_PATH)

.PHONY: demo build release test bench clean-demo

## Build, create a fresh demo database (today's queue included) and open the reception TUI on it.
demo: release
	$(BUILD_PATH)/release/frontdesk demo --fresh --db $(DEMO_DB) --visitors $(DEMO_VISITORS)
	$(BUILD_PATH)/release/frontdesk --db $(DEMO_DB)

build:
	$(SWIFT) build

release:
	$(SWIFT) build $(RELEASE_FLAGS) --product frontdesk

## Run every test: domain, store, screens (snapshots), CLI, several processes, tmux end to end.
## Test names quote hostile data (ESC[2J, bidi overrides): the filter keeps them off your terminal.
test:
	set -o pipefail; $(SWIFT) test 2>&1 | LC_ALL=C sed -e 's/\x1b/<ESC>/g' -e 's/\xe2\x80\xae/<RLO>/g' -e 's/\x07/<BEL>/g'

## The benchmark (release build): first frame, search, memory; free slots, schedule
## processes, a day beside calcurse. Demo data is made once in /tmp/frontdesk-bench/.
## It prints a Markdown report; BENCHMARKS.md holds the last full run with notes on reading it.
## Issue 10 adds the sign-in and reception frames apart, and what tests used to time. Some parts
## only: `make bench BENCH_ARGS="--only first-frame"` (the parts are listed in Bench.swift).
bench:
	$(SWIFT) build $(RELEASE_FLAGS) --product frontdesk
	$(SWIFT) build $(RELEASE_FLAGS) --product frontdesk-bench
	$(BUILD_PATH)/release/frontdesk-bench $(BENCH_ARGS)

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
