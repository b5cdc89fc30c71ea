# skillmatch - GNU Makefile.  `make help` lists the targets.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
RULESDIR = $(DATADIR)/skillmatch/rules
# the one version: skillmatch.h's SM_VERSION (the .pc file, the Debian
# changelog, the CI examples' pinned tag v$(VERSION) are checked against it)
VERSION := $(shell sed -n 's/^\#define SM_VERSION "\(.*\)"/\1/p' matcher/lib/include/skillmatch.h)
# `make DEPS_SH=true` builds without looking for packages (debian/rules)
DEPS_SH ?= sh tools/deps.sh

CC      ?= cc
PKGS     = libpcre2-8 yaml-0.1 jansson libzip libxml-2.0
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT     ?= -O2 -g
CFLAGS  ?= $(OPT)
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE $(WARN) $(CPPFLAGS) $(CFLAGS) \
             -pthread $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
             -DSM_RULES_DIR='"$(RULESDIR)"'
LDLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -pthread

BUILD   ?= build
# the library (matcher/lib/, one folder per module) and the program
# (matcher/cli/), which sees only the public header
LIB_SRC  = $(wildcard matcher/lib/*/*.c)
CLI_SRC  = $(wildcard matcher/cli/*.c)
# the HTML report's script and style sheet are files (matcher/lib/render/
# html/), embedded at build time with the hashes its CSP names
HTML_ASSETS = matcher/lib/render/html/report.js matcher/lib/render/html/report.css
GEN_OBJ  = $(BUILD)/gen/html_assets.o
LIB_OBJ  = $(LIB_SRC:matcher/%.c=$(BUILD)/%.o) $(GEN_OBJ)
CLI_OBJ  = $(CLI_SRC:matcher/%.c=$(BUILD)/%.o)
LIB_INC  = -Imatcher/lib -Imatcher/lib/include
CLI_INC  = -Imatcher/lib/include
# only what skillmatch.h marks SM_API is exported; a function defined
# without a prototype in sight (its module header not included, or a
# header that lies about who owns it) is an error
LIB_CFLAGS = -fPIC -fvisibility=hidden -Werror=missing-prototypes
DEPS     = $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
# every library object with its internals, for unit tests, fuzz targets and
# the evaluation (never installed)
LIB      = $(BUILD)/libsm_objects.a
# the installed libraries: the public API and nothing else
STATIC   = $(BUILD)/libskillmatch.a
SONAME   = libskillmatch.so.0
SHARED   = $(BUILD)/libskillmatch.so
BIN      = matcher/skillmatch
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# fuzz targets: with replay.c for `make check`, with libFuzzer for `make fuzz`
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_REPLAY = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
# the program's parts that take outside bytes themselves (the JSON-lines
# reader), linked into every fuzz target beside the library
FUZZ_CLI_OBJ = $(BUILD)/cli/cli_jsonl_input.o
FUZZ_INC = $(LIB_INC) -Imatcher/cli
FUZZ_BUILD ?= build-fuzz
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
VG_BUILD ?= build-valgrind
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all \
           -fno-omit-frame-pointer

.PHONY: all demo check deps bench eval asan tsan valgrind fuzz fuzz-all fuzz-targets \
        build-asan-tests install uninstall deb clean help

## all: install what is missing (tools/deps.sh), build the libraries (static
##   and shared) and the program
all:
	@$(DEPS_SH)
	@$(MAKE) --no-print-directory $(BIN) $(SHARED)

$(BUILD)/lib/%.o: matcher/lib/%.c | $(BUILD)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LIB_CFLAGS) $(LIB_INC) -MMD -MP -c $< -o $@

$(BUILD)/cli/%.o: matcher/cli/%.c | $(BUILD)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CLI_INC) -MMD -MP -c $< -o $@

$(BUILD)/gen/html_assets.c: $(HTML_ASSETS) tools/embed.py
	@mkdir -p $(@D)
	python3 tools/embed.py $@ sm_html_js=matcher/lib/render/html/report.js \
	  sm_html_css=matcher/lib/render/html/report.css

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(ALL_CFLAGS) $(LIB_CFLAGS) $(LIB_INC) -MMD -MP -c $< -o $@

-include $(DEPS)

$(BUILD):
	@mkdir -p $(BUILD)/tests

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

# one relocatable object whose hidden symbols become local: the archive
# exports the same names as the shared library
$(STATIC): $(LIB_OBJ)
	$(LD) -r -o $(BUILD)/skillmatch.o $^
	objcopy --localize-hidden $(BUILD)/skillmatch.o
	rm -f $@
	$(AR) rcs $@ $(BUILD)/skillmatch.o

$(SHARED): $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -o $@ $^ $(LDLIBS)

# the program sees the public API only, in the header and at link time;
# the module graph (no cycle, no CLI header in the library, no private
# header in the program) is checked at each link
$(BIN): $(CLI_OBJ) $(STATIC)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC) $(LDLIBS)
	@python3 tools/modgraph.py --quiet $(BUILD) || { rm -f $@; exit 1; }

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) $(LIB_INC) -o $@ $< $(LIB) $(LDLIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIB) \
                 $(FUZZ_CLI_OBJ)
	@mkdir -p $(BUILD)/fuzz
	$(CC) $(ALL_CFLAGS) -DSM_FUZZ_REPLAY $(FUZZ_INC) -o $@ $< tests/fuzz/replay.c \
	  $(FUZZ_CLI_OBJ) $(LIB) $(LDLIBS)

# libFuzzer builds; only `make fuzz` asks for these
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(LIB) $(FUZZ_CLI_OBJ)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(FUZZ_INC) -o $@ $< $(FUZZ_CLI_OBJ) \
	  $(LIB) $(LDLIBS)

fuzz-targets: $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/%)

## demo: install what is missing, build, and check a bundled sample resume
demo: deps
	@$(MAKE) --no-print-directory all
	./$(BIN) check corpus/resumes/mid.txt

## deps: install missing build dependencies (Debian, as root) or name them
deps:
	@sh tools/deps.sh

## check: install what is missing, build, run every test
check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(FUZZ_REPLAY) $(TOOL_BIN) \
	  $(BUILD)/eval
	@sh tools/check.sh $(BUILD)

## bench: measure speed (see README), and screen over PDFs against pdftotext
bench: deps all $(TOOL_BIN)
	@SKILLMATCH_BIN=$(BIN) sh tools/bench.sh
	@SKILLMATCH_BIN=$(BIN) sh tools/bench_pdf.sh

# helpers of the hostile tests and the benchmark
TOOL_BIN = $(BUILD)/peak $(BUILD)/shapes
$(BUILD)/peak: tools/peak.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ $<
$(BUILD)/shapes: tools/shapes.c tests/shapes.h | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ $<

$(BUILD)/eval: tools/eval.c $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) $(LIB_INC) -o $@ $< $(LIB) $(LDLIBS)

# the floors each set must meet, or `make eval` fails (corpus/flat: issue 14)
EVAL_FLOORS_EVAL    = --min-f1 0.99 --min-years 95 --min-level 95 --max-false-degrees 0
EVAL_FLOORS_HOLDOUT = --min-f1 0.95 --min-years 90 --min-level 90 --max-false-degrees 1
EVAL_FLOORS_FLAT    = --min-f1 0.93 --min-years 90 --min-level 75 --max-false-degrees 0

$(BUILD)/eval_job: tools/eval_job.c $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) $(CLI_INC) -o $@ $< $(LIB) $(LDLIBS)

## eval: precision, recall, years error and level accuracy on corpus/eval,
##   corpus/holdout and corpus/flat, each held to its floors; and --job's
##   missing-skill F1 and score rank correlation on corpus/eval_job
eval: all $(BUILD)/eval $(BUILD)/eval_job
	@echo "== corpus/eval"; $(BUILD)/eval $(EVAL_FLOORS_EVAL) corpus/eval
	@echo "== corpus/holdout"; $(BUILD)/eval $(EVAL_FLOORS_HOLDOUT) corpus/holdout
	@echo "== corpus/flat"; $(BUILD)/eval $(EVAL_FLOORS_FLAT) corpus/flat
	@echo "== corpus/eval_job"; $(BUILD)/eval_job

## asan: build with ASan and UBSan and run the whole test suite
asan: deps
	@$(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) OPT="-O1 -g $(SANITIZE)" \
	  BIN=$(ASAN_BUILD)/skillmatch all build-asan-tests
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  SKILLMATCH_BIN=$(ASAN_BUILD)/skillmatch sh tools/check.sh $(ASAN_BUILD)

build-asan-tests: $(UNIT_BIN) $(FUZZ_REPLAY) $(TOOL_BIN)

## tsan: screen's worker pool under ThreadSanitizer (tools/tsan.sh)
tsan: deps
	@$(MAKE) --no-print-directory BUILD=$(TSAN_BUILD) \
	  OPT="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
	  BIN=$(TSAN_BUILD)/skillmatch all
	@SKILLMATCH_BIN=$(TSAN_BUILD)/skillmatch sh tools/tsan.sh

## fuzz: build the libFuzzer targets with clang into build-fuzz/ (tests/fuzz/README.md)
fuzz:
	@sh tools/deps.sh clang libclang-rt-dev
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang \
	  OPT="-O1 -g -fsanitize=fuzzer-no-link $(SANITIZE)" fuzz-targets
	@echo "fuzz: built $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_BUILD)/%)"
	@echo "fuzz: run one with: sh tests/fuzz/run.sh TARGET SECONDS"

## fuzz-all: every fuzz target in turn for SECONDS each (default 60), and a table
SECONDS ?= 60
fuzz-all: fuzz
	@sh tools/fuzz_all.sh $(SECONDS)

## valgrind: the CLI tests under valgrind (PCRE2 without JIT): no leak, no error
valgrind: deps
	@sh tools/deps.sh valgrind
	@$(MAKE) --no-print-directory BUILD=$(VG_BUILD) OPT="-O1 -g -DSM_NO_JIT" \
	  BIN=$(VG_BUILD)/skillmatch all
	@SKILLMATCH_BIN=$(VG_BUILD)/skillmatch sh tools/valgrind.sh

## install: install program, libraries (shared with its soname, static),
##   header, pkg-config file, rules, man page, bash/zsh/fish completions
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/vendor-completions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
PCDIR       ?= $(LIBDIR)/pkgconfig
# in the .pc file, paths under PREFIX are written from ${prefix}, so that
# pkg-config --define-prefix can move them
pcpath = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(PCDIR) \
	  $(DESTDIR)$(INCDIR) $(DESTDIR)$(RULESDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/skillmatch
	install -m 644 $(STATIC) $(DESTDIR)$(LIBDIR)/libskillmatch.a
	install -m 644 $(SHARED) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libskillmatch.so
	install -m 644 matcher/lib/include/skillmatch.h $(DESTDIR)$(INCDIR)/skillmatch.h
	install -m 644 rules/*.yaml corpus/facts.yaml $(DESTDIR)$(RULESDIR)/
	install -m 644 docs/skillmatch.1 $(DESTDIR)$(MANDIR)/man1/skillmatch.1
	install -m 644 tools/completion/skillmatch.bash $(DESTDIR)$(BASHCOMPDIR)/skillmatch
	install -m 644 tools/completion/_skillmatch $(DESTDIR)$(ZSHCOMPDIR)/_skillmatch
	install -m 644 tools/completion/skillmatch.fish $(DESTDIR)$(FISHCOMPDIR)/skillmatch.fish
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(call pcpath,$(LIBDIR))|' \
	  -e 's|@INCDIR@|$(call pcpath,$(INCDIR))|' \
	  -e 's|@RULESDIR@|$(call pcpath,$(RULESDIR))|' -e 's|@VERSION@|$(VERSION)|' \
	  tools/skillmatch.pc.in > $(DESTDIR)$(PCDIR)/skillmatch.pc

## uninstall: remove what install put in place
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/skillmatch $(DESTDIR)$(LIBDIR)/libskillmatch.a \
	  $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libskillmatch.so \
	  $(DESTDIR)$(INCDIR)/skillmatch.h $(DESTDIR)$(MANDIR)/man1/skillmatch.1 \
	  $(DESTDIR)$(PCDIR)/skillmatch.pc $(DESTDIR)$(BASHCOMPDIR)/skillmatch \
	  $(DESTDIR)$(ZSHCOMPDIR)/_skillmatch $(DESTDIR)$(FISHCOMPDIR)/skillmatch.fish
	rm -rf $(DESTDIR)$(DATADIR)/skillmatch

## deb: the Debian packages skillmatch, libskillmatch0, libskillmatch-dev
##   (dpkg-buildpackage on a copy of the source; the .deb files land in
##   DEBDIR, default build/deb)
DEBDIR ?= $(BUILD)/deb
deb:
	@$(DEPS_SH) debhelper lintian dpkg-dev build-essential fakeroot
	@sh tools/deb.sh $(DEBDIR)

## clean: remove build output
clean:
	rm -rf build $(ASAN_BUILD) $(TSAN_BUILD) $(VG_BUILD) $(FUZZ_BUILD) $(BIN)

## help: this list
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)
