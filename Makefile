# FrontDesk: the two set-up commands of the README are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
DEMO_DB ?= .build/demo/frontdesk-demo.sqlite
DEMO_VISITORS ?= 2000
RELEASE_FLAGS = -c release --static-swift-stdlib

.PHONY: demo build release test bench clean-demo

## Build, create a fresh demo database (today's queue included) and open the reception TUI on it.
demo: release
	.build/release/frontdesk demo --fresh --db $(DEMO_DB) --visitors $(DEMO_VISITORS)
	.build/release/frontdesk --db $(DEMO_DB)

build:
	$(SWIFT) build

release:
	$(SWIFT) build $(RELEASE_FLAGS) --product frontdesk

## Run every test: domain, store, screens (snapshots), CLI, several processes, tmux end to end.
## Test names quote hostile data (ESC[2J, bidi overrides): the filter keeps them off your terminal.
test:
	set -o pipefail; $(SWIFT) test 2>&1 | LC_ALL=C sed -e 's/\x1b/<ESC>/g' -e 's/\xe2\x80\xae/<RLO>/g' -e 's/\x07/<BEL>/g'

## The benchmark (release build): first frame, search latency, memory; see BENCHMARKS.md.
bench:
	$(SWIFT) build $(RELEASE_FLAGS) --product frontdesk
	$(SWIFT) build $(RELEASE_FLAGS) --product frontdesk-bench
	.build/release/frontdesk-bench

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
