# screener: one Makefile, pkg-config for every library.
#
#   make            build ./screener
#   make deps       install what a fresh Debian 12 machine is missing
#   make test       everything CI runs, warnings as errors: check, asan,
#                   fuzz-replay and valgrind, in that order
#   make check      unit tests (GTest) and CLI cases once, closing
#                   "N passed, N failed" (the quick loop while editing)
#   make demo       deps, build, screen samples/ into reports/
#   make asan       the same tests under AddressSanitizer + UBSan (build-asan/)
#   make bench      throughput and memory figures (not a test)
#   make valgrind   the demo run (samples/) under memcheck, extraction
#                   children included (build-vg/, under a minute; CI)
#   make fuzz-replay every fuzz target once over its seed corpus (ASan+UBSan)
#   make fuzz       libFuzzer campaigns (clang), FUZZ_SECONDS per target
#   make install    the program, its rule sets and screener(1) under
#                   $(DESTDIR)$(PREFIX) (PREFIX default /usr/local);
#                   make uninstall removes them

PKGS     = poppler-glib libxml-2.0 libpcre2-8 sqlite3 libzip hunspell glib-2.0 libseccomp
PKGS    += zlib
PKGS    += cairo tesseract lept
BUILD   ?= build
CC      ?= cc
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN     = -Wall -Wextra -Wshadow -Wformat=2 -Wno-unused-parameter
ifdef WERROR
WARN    += -Werror
endif
ifdef SAN
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DSCREENER_ASAN=1
LDFLAGS += -fsanitize=address,undefined
endif
ifdef FAULTS
CFLAGS  += -DSCREENER_FAULTS=1
endif
ifdef VALGRIND
CFLAGS  += -DSCREENER_VALGRIND=1
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS  = -std=c11 -D_GNU_SOURCE -iquote screen $(WARN) $(CFLAGS) $(PKG_CFLAGS)
LIBS        = $(PKG_LIBS) -lpthread -lm

# Every screen/*.c is part of the program; main.c alone is left out of the
# library the unit tests link against.
SRC      := $(sort $(wildcard screen/*.c))
LIB_OBJ  := $(patsubst screen/%.c,$(BUILD)/%.o,$(filter-out screen/main.c,$(SRC)))
MAIN_OBJ := $(BUILD)/main.o
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(TEST_SRC))

.PHONY: all deps test check unit-bins demo asan bench valgrind fuzz fuzz-replay clean

all: screener

ifeq ($(BUILD),build)
screener: $(BUILD)/screener
	@ln -sf $(BUILD)/screener screener
endif

$(BUILD)/screener: $(MAIN_OBJ) $(BUILD)/libscreener.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libscreener.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: screen/%.c screen/*.h | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libscreener.a screen/*.h tests/unit/*.h | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libscreener.a $(LIBS)

$(BUILD):
	@mkdir -p $(BUILD)

deps:
	@sh tools/deps.sh

# The README's test command and CI's (.ci/run calls it alone): the
# suite, the suite again under the sanitizers, the fuzz corpora and the
# demo under valgrind, every build with warnings as errors.
test: deps
	@$(MAKE) --no-print-directory WERROR=1 check
	@$(MAKE) --no-print-directory WERROR=1 asan
	@$(MAKE) --no-print-directory WERROR=1 fuzz-replay
	@$(MAKE) --no-print-directory WERROR=1 valgrind

# Tests run a build of their own with the fault hook compiled in; the
# program users run never has it.
check: deps
	@$(MAKE) --no-print-directory BUILD=build-test FAULTS=1 unit-bins
	@sh tools/systemd/verify.sh build-test
	@sh tests/run.sh build-test

asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan SAN=1 FAULTS=1 OPT=-O1 unit-bins
	@sh tests/run.sh build-asan

unit-bins: $(BUILD)/screener $(TEST_BIN)

demo: deps
	@$(MAKE) --no-print-directory screener
	@# samples/ holds broken files on purpose: exit 1 (some files failed) is expected.
	./screener run --as-of "$$(date +%Y-%m-%d)" || [ $$? -eq 1 ]
	@echo "reports: reports/ranking.csv reports/evidence.csv reports/errors.csv (database: reports/screen.db)"

bench: deps
	@$(MAKE) --no-print-directory screener
	@sh tests/bench.sh

# The demo run under memcheck, children too (--trace-children): exit 1
# (some sample files are broken on purpose) is expected, any memcheck
# error or definite leak fails.  The build lifts RLIMIT_AS and keeps the
# hard NOFILE limit, which valgrind needs; every other limit is as users
# get it.
valgrind: deps
	@$(MAKE) --no-print-directory BUILD=build-vg VALGRIND=1 OPT=-O1 build-vg/screener
	@sh tests/valgrind.sh build-vg/screener

# Fuzz targets: tests/fuzz/fuzz_*.c, each linked with the whole library.
# fuzz-replay uses the asan build's library and tests/fuzz/replay.c as
# main(), so it needs no libFuzzer; fuzz builds build-fuzz/ with clang.
FUZZ_SECONDS ?= 60
fuzz: deps
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

fuzz-replay: deps
	@$(MAKE) --no-print-directory BUILD=build-asan SAN=1 FAULTS=1 OPT=-O1 build-asan/libscreener.a
	@sh tests/fuzz/run.sh replay

clean:
	rm -rf build build-test build-asan build-fuzz build-vg screener

# Remake the committed sample PDFs (needs cairo, soffice, chromium, qpdf;
# not part of the build or the tests).
.PHONY: samples-pdf
samples-pdf:
	@sh tools/samples/mkpdf.sh

# Agreement with a reviewer's labels on real resumes (a measurement, not
# a test): ACCURACY_CORPUS holds the files and their labels.tsv.
ACCURACY_CORPUS ?= ../shared/corpus/real
.PHONY: accuracy
accuracy: deps
	@$(MAKE) --no-print-directory $(BUILD)/screener
	@python3 tools/accuracy.py run $(BUILD)/screener $(ACCURACY_CORPUS) $(BUILD)/accuracy

# The program, the rule sets beside it (found from the program's own
# path: $(PREFIX)/bin/screener reads $(PREFIX)/share/screener/criteria,
# so a DESTDIR or a moved tree works) and the manual page.
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(DESTDIR)$(PREFIX)/bin
DATADIR  = $(DESTDIR)$(PREFIX)/share/screener
MAN1DIR  = $(DESTDIR)$(PREFIX)/share/man/man1
.PHONY: install uninstall
install: $(BUILD)/screener
	install -d $(BINDIR) $(DATADIR)/criteria $(MAN1DIR)
	install -m 755 $(BUILD)/screener $(BINDIR)/screener
	cp -R criteria/. $(DATADIR)/criteria/
	chmod -R u=rwX,go=rX $(DATADIR)
	install -m 644 doc/screener.1 $(MAN1DIR)/screener.1

uninstall:
	rm -f $(BINDIR)/screener $(MAN1DIR)/screener.1
	rm -rf $(DATADIR)
