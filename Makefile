# ytq — the README's two commands are `make run` and `make test`; both install what is missing.
SWIFT ?= swift
CONFIG ?= release
ARGS ?=
PREFIX ?= /usr/local
# The Swift runtime and Foundation are linked into the binary: it starts faster and holds
# about 5 MiB less resident memory than with them loaded as shared libraries. The toolchain's
# lld packs the binary's 137,000 relative relocations (DT_RELR, glibc 2.36+): the loader reads
# 26 KB instead of 3.2 MB, about 2 MiB less resident memory and 2 ms less start-up, still PIE.
# A toolchain without lld links as before.
PACKED_RELOCS := $(if $(shell command -v ld.lld 2>/dev/null),-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs)
# lld also lays out first, together, the 3 MiB of functions ytq's processes run (packaging/ytq.order,
# made by scripts/symbol_order.py): the kernel maps code in 64 KiB runs, and spread over 30 MB
# of code those functions kept 19 MiB of it resident in `ytq serve`. Names the file has that
# the code no longer has are ignored (laid out as compiled).
SYMBOL_ORDER := $(if $(shell command -v ld.lld 2>/dev/null),-Xlinker --symbol-ordering-file=$(CURDIR)/packaging/ytq.order -Xlinker --no-warn-symbol-ordering)
# Only `main` exported (packaging/ytq.exports): about 3 MiB less resident memory and a faster start.
EXPORTS := -Xlinker --version-script=$(CURDIR)/packaging/ytq.exports
LINK ?= --static-swift-stdlib $(PACKED_RELOCS) $(SYMBOL_ORDER) $(EXPORTS)
# Every module (ytq's and its packages') reaches a concrete generic type such as
# Set<NameSpecification.Element> through its metadata accessor, not through a mangled name the
# runtime decodes at first use: decoding checks the type's conformances (Hashable, Codable, …), and
# each first check scans all 10,400 conformance records of the binary. About 20 of the 58 scans of
# `ytq add` go, and 30% of its instructions: 2–4 ms of its start-up (README, "accessors").
DIRECT_METADATA := -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
BUILD ?= $(DIRECT_METADATA) $(LINK)

.PHONY: setup build run test install install-service clean bench

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build -c $(CONFIG) $(BUILD) --product ytq

# Opens ytq (pass subcommands with ARGS="add https://…").
run: build
	@"$$($(SWIFT) build -c $(CONFIG) $(BUILD) --show-bin-path)/ytq" $(ARGS)

# At most TEST_WIDTH tests at once: the suites start real yt-dlp, ytq and tmux processes, and
# all 330 at once on 2 cores starve the first downloads past their safety limits.
TEST_WIDTH ?= 6
test: setup
	$(SWIFT) build --build-tests
	SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH=$(TEST_WIDTH) $(SWIFT) test --skip-build

install: build
	install -m 0755 "$$($(SWIFT) build -c $(CONFIG) $(BUILD) --show-bin-path)/ytq" "$(PREFIX)/bin/ytq"

# Shared mode (README, "Sharing ytq on one machine"): the ytq system user, the unit, the
# system-wide config (kept when present), then `systemctl enable --now ytq`.
install-service: install
	id -u ytq >/dev/null 2>&1 || useradd --system --home-dir /var/lib/ytq --shell /usr/sbin/nologin ytq
	install -d -m 0755 /etc/ytq
	[ -e /etc/ytq/config.toml ] || install -m 0644 packaging/config.toml /etc/ytq/config.toml
	install -m 0644 packaging/ytq.service /etc/systemd/system/ytq.service
	-systemctl daemon-reload

clean:
	rm -rf .build

# Prints the speed figures: `ytq add` latency on a 100,000-task database (hyperfine), and
# check-and-insert, claim and progress-parsing throughput (ytq-bench).
bench: setup
	BUILD="$(BUILD)" bash scripts/bench.sh
