# FrontDesk: the two set-up commands of the README are `make demo` and `make test`.
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
test:
	$(SWIFT) test

## The benchmark (release build): first frame, search latency, memory; see BENCHMARKS.md.
bench:
	$(SWIFT) build $(RELEASE_FLAGS) --product frontdesk
	$(SWIFT) build $(RELEASE_FLAGS) --product frontdesk-bench
	.build/release/frontdesk-bench

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
