# FrontDesk: the two set-up commands of the README are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
DEMO_DB ?= .build/demo/frontdesk-demo.sqlite
DEMO_VISITORS ?= 2000
# Where release builds go (`make bench BUILD_PATH=.build-x` keeps a worktree's builds apart).
BUILD_PATH ?= .build
# Every module (ours and the packages') calls type metadata accessors directly instead of
# rebuilding generic types from their mangled names at first use, which looks up each generic
# requirement's conformance among the binary's 8,545: a funder's quarter runs 3.6 % fewer
# instructions (247.8 → 239.0 million, callgrind), `frontdesk --version` 14 % fewer (22.1 →
# 19.0 million), for a binary 0.3 % larger. BENCHMARKS.md, "start of a short command".
RELEASE_FLAGS = -c release --static-swift-stdlib --scratch-path $(BUILD_PATH) \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors

.PHONY: demo build release test bench clean-demo man completions install deb

# Where `make install` puts FrontDesk (`DESTDIR` for staging, as packagers use it).
PREFIX ?= /usr/local
SYSCONFDIR ?= /etc
DESTDIR ?=
DIST = $(BUILD_PATH)/dist

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

## The manual page, generated from the command tree (swift-argument-parser's generate-manual).
man: release
	$(SWIFT) build --product generate-manual
	mkdir -p $(DIST)/man
	$(BUILD_PATH)/debug/generate-manual $(BUILD_PATH)/release/frontdesk --section 1 --output-directory $(DIST)/man

## Shell completions for bash, zsh and fish, from the command tree.
completions: release
	mkdir -p $(DIST)/completions
	$(BUILD_PATH)/release/frontdesk --generate-completion-script bash > $(DIST)/completions/frontdesk.bash
	$(BUILD_PATH)/release/frontdesk --generate-completion-script zsh > $(DIST)/completions/_frontdesk
	$(BUILD_PATH)/release/frontdesk --generate-completion-script fish > $(DIST)/completions/frontdesk.fish

## Install the binary (stripped; its data files are inside it), the manual page, the
## completions and the daily backup timer (systemd units; settings in $(SYSCONFDIR)/default/frontdesk,
## never overwritten) under $(DESTDIR)$(PREFIX): `sudo make install` (PREFIX=/usr/local by default).
install: release man completions
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/vendor-completions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d \
		$(DESTDIR)$(PREFIX)/lib/systemd/system $(DESTDIR)$(SYSCONFDIR)/default $(DESTDIR)$(PREFIX)/share/doc/frontdesk
	sed -e "s|@BINDIR@|$(PREFIX)/bin|g" Resources/systemd/frontdesk-backup.service.in > $(DESTDIR)$(PREFIX)/lib/systemd/system/frontdesk-backup.service
	chmod 0644 $(DESTDIR)$(PREFIX)/lib/systemd/system/frontdesk-backup.service
	install -m 0644 Resources/systemd/frontdesk-backup.timer $(DESTDIR)$(PREFIX)/lib/systemd/system/frontdesk-backup.timer
	install -m 0644 Resources/systemd/frontdesk-kiosk-getty.conf $(DESTDIR)$(PREFIX)/share/doc/frontdesk/frontdesk-kiosk-getty.conf
	[ -e $(DESTDIR)$(SYSCONFDIR)/default/frontdesk ] || install -m 0644 Resources/systemd/frontdesk.default $(DESTDIR)$(SYSCONFDIR)/default/frontdesk
	install -m 0755 -s $(BUILD_PATH)/release/frontdesk $(DESTDIR)$(PREFIX)/bin/frontdesk
	install -m 0644 $(DIST)/man/frontdesk.1 $(DESTDIR)$(PREFIX)/share/man/man1/frontdesk.1
	install -m 0644 $(DIST)/completions/frontdesk.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/frontdesk
	install -m 0644 $(DIST)/completions/_frontdesk $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_frontdesk
	install -m 0644 $(DIST)/completions/frontdesk.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/frontdesk.fish

## A Debian package in $(DIST): `sudo apt install ./$(DIST)/frontdesk_VERSION_ARCH.deb`. It
## declares libncursesw6, libsqlite3-0, libxlsxwriter4 and tzdata, and creates the group `frontdesk` and the
## folder /var/lib/frontdesk (Resources/debian).
deb: release
	rm -rf $(DIST)/deb
	$(MAKE) install DESTDIR=$(abspath $(DIST))/deb PREFIX=/usr SYSCONFDIR=/etc
	gzip -9n $(DIST)/deb/usr/share/man/man1/frontdesk.1
	install -d $(DIST)/deb/DEBIAN
	install -m 0755 Resources/debian/postinst Resources/debian/prerm Resources/debian/postrm $(DIST)/deb/DEBIAN/
	echo /etc/default/frontdesk > $(DIST)/deb/DEBIAN/conffiles
	version=$$($(BUILD_PATH)/release/frontdesk --version); arch=$$(dpkg --print-architecture); \
	size=$$(du -sk --exclude=DEBIAN $(DIST)/deb | cut -f1); \
	sed -e "s/@VERSION@/$$version/" -e "s/@ARCH@/$$arch/" -e "s/@SIZE@/$$size/" Resources/debian/control.in > $(DIST)/deb/DEBIAN/control; \
	dpkg-deb --root-owner-group --build $(DIST)/deb $(DIST)/frontdesk_$${version}_$${arch}.deb
