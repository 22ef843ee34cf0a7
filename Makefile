# bouncedesk: build, test, install.
#
#   make                 build ./bouncedesk
#   make check           unit tests, command tests, corpus tests, then the same
#                        under AddressSanitizer + UndefinedBehaviorSanitizer
#   make check-fast      the same without the sanitizer pass
#   make sanitize        only the sanitizer pass
#   make bench           throughput and memory figures (one line each)
#   make format-check    clang-format conformance
#   make install PREFIX=/usr/local DESTDIR=   (the program, its data, the man pages)
#
# CFLAGS/LDFLAGS from the environment are respected; warnings are appended.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
SYSCONFDIR ?= /etc

CC      ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS  ?= -O2 -g
WARN    = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
          -Wwrite-strings -Wvla -Wno-format-nonliteral
BD_CPPFLAGS = -std=c11 -D_GNU_SOURCE -MMD -MP
ALL_CFLAGS = $(BD_CPPFLAGS) $(CPPFLAGS) $(CFLAGS) $(WARN)

PCRE2_CFLAGS  := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS    := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null)
CURSES_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
CURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
SQLITE_CFLAGS := $(shell $(PKG_CONFIG) --cflags sqlite3 2>/dev/null)
SQLITE_LIBS   := $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)

B ?= build

CORE_SRC = $(wildcard core/*.c core/detectors/*.c)
DB_SRC   = $(wildcard db/*.c)
CLI_SRC  = $(wildcard cli/*.c)
APP_SRC  = $(wildcard app/*.c)
TUI_SRC  = $(wildcard tui/*.c)
APP_OBJ  = $(APP_SRC:%.c=$(B)/%.o)
TUI_OBJ  = $(TUI_SRC:%.c=$(B)/%.o)
APP_LIB  = $(B)/libbdapp.a
GEN_SRC  = $(B)/gen/default_rules.c $(B)/gen/help_data.c
HELP_SRC = $(sort $(wildcard help/*/*.txt))
CORE_OBJ = $(CORE_SRC:%.c=$(B)/%.o) $(GEN_SRC:.c=.o)
DB_OBJ   = $(DB_SRC:%.c=$(B)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(B)/%.o)
CORE_LIB = $(B)/libbdcore.a
DB_LIB   = $(B)/libbddb.a

TEST_SRC = $(wildcard tests/unit/test_*.c)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)

BIN = bouncedesk

.PHONY: all check check-fast sanitize unit bench format format-check install uninstall \
	install-man uninstall-man clean deps

all: $(BIN)

$(BIN): $(B)/bouncedesk
	cp $< $@

$(B)/bouncedesk: $(CLI_OBJ) $(TUI_OBJ) $(APP_LIB) $(DB_LIB) $(CORE_LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(TUI_OBJ) $(APP_LIB) $(DB_LIB) $(CORE_LIB) \
		$(PCRE2_LIBS) $(SQLITE_LIBS) $(CURSES_LIBS) -lpthread $(LIBS)

# The UI's views (app/) read the store but never curses; only tui/ sees
# curses.h.
$(APP_LIB): $(APP_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/tui/%.o: tui/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CURSES_CFLAGS) -c -o $@ $<

$(DB_LIB): $(DB_OBJ)
	rm -f $@
	ar rcs $@ $^

# Only db/ sees sqlite3.h (and PCRE2, for the store's REGEXP).
$(B)/db/%.o: db/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SQLITE_CFLAGS) $(PCRE2_CFLAGS) -c -o $@ $<

$(CORE_LIB): $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(PCRE2_CFLAGS) -c -o $@ $<

$(B)/gen/default_rules.c: rules/default.rules scripts/embed.sh
	@mkdir -p $(dir $@)
	sh scripts/embed.sh bd_default_rules $< > $@

# help/LANG/NAME.txt: the help topics, category guide and code reference.
$(B)/gen/help_data.c: $(HELP_SRC) scripts/embed-help.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-help.sh $(HELP_SRC) > $@

$(B)/gen/%.o: $(B)/gen/%.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Unit tests link core alone with cmocka: a stray curses or SQLite include
# in core/ fails here.  Store tests (test_store*.c) add db/ and SQLite.
$(B)/tests/%: tests/unit/%.c $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(PCRE2_CFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_LIB) \
		$(PCRE2_LIBS) $(CMOCKA_LIBS)

STORE_TESTS = $(filter $(B)/tests/test_store%,$(TEST_BIN))
$(STORE_TESTS): $(B)/tests/%: tests/unit/%.c $(DB_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(PCRE2_CFLAGS) $(SQLITE_CFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< \
		$(DB_LIB) $(CORE_LIB) $(PCRE2_LIBS) $(SQLITE_LIBS) $(CMOCKA_LIBS)

# View tests (test_view*.c) press actions against a store: app/ and db/,
# no curses.
VIEW_TESTS = $(filter $(B)/tests/test_view%,$(TEST_BIN))
$(VIEW_TESTS): $(B)/tests/%: tests/unit/%.c $(APP_LIB) $(DB_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(PCRE2_CFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< \
		$(APP_LIB) $(DB_LIB) $(CORE_LIB) $(PCRE2_LIBS) $(SQLITE_LIBS) $(CMOCKA_LIBS) -lpthread

unit: $(B)/bouncedesk $(TEST_BIN)

check-fast: unit
	sh tests/run.sh $(CURDIR)/$(B)/bouncedesk $(CURDIR)/$(B)/tests

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

sanitize:
	$(MAKE) --no-print-directory B=build-san CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" unit
	BD_SANITIZED=1 sh tests/run.sh $(CURDIR)/build-san/bouncedesk $(CURDIR)/build-san/tests

check: check-fast sanitize format-check

$(B)/bench/storebench: bench/storebench.c $(DB_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(DB_LIB) $(CORE_LIB) $(PCRE2_LIBS) $(SQLITE_LIBS)

bench: $(BIN) $(B)/bench/storebench
	sh bench/bench.sh $(CURDIR)/$(B)/bouncedesk $(CURDIR)/$(B)/bench/storebench

# .clang-format describes the house style; every C file is held to it.
FORMAT_SRC = $(wildcard core/*.[ch] core/detectors/*.c db/*.[ch] cli/*.[ch] app/*.[ch] tui/*.[ch] \
	tests/unit/*.[ch] bench/*.c)
FORMAT_FILES = $(FORMAT_SRC)

format:
	@if [ -n "$(strip $(FORMAT_FILES))" ]; then clang-format -i $(FORMAT_FILES); fi

format-check:
	@if [ -z "$(strip $(FORMAT_FILES))" ]; then echo "format-check: ok (FORMAT_FILES is empty)"; \
	elif command -v clang-format >/dev/null 2>&1; then \
		clang-format --dry-run -Werror $(FORMAT_FILES) && echo "format-check: ok"; \
	else echo "format-check: clang-format not installed, skipped"; fi

MAN1 = man/bouncedesk.1
MAN5 = man/bouncedesk.conf.5 man/bouncedesk-rules.5

# Examples for a mail server's periodic ingest (see README, "Setting it up
# with a mail server"), installed under share/bouncedesk/examples.
EXAMPLES = etc/systemd/bouncedesk-ingest.service etc/systemd/bouncedesk-ingest.timer

install: $(BIN) install-man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/bouncedesk
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/$(BIN)
	install -m 644 rules/default.rules $(DESTDIR)$(DATADIR)/bouncedesk/default.rules
	install -m 644 etc/bouncedesk.conf.example \
		$(DESTDIR)$(DATADIR)/bouncedesk/bouncedesk.conf.example
	install -d $(DESTDIR)$(DATADIR)/bouncedesk/examples
	install -m 644 $(EXAMPLES) $(DESTDIR)$(DATADIR)/bouncedesk/examples/
	install -m 644 etc/cron/bouncedesk $(DESTDIR)$(DATADIR)/bouncedesk/examples/bouncedesk.cron

uninstall: uninstall-man
	rm -f $(DESTDIR)$(BINDIR)/$(BIN) $(DESTDIR)$(DATADIR)/bouncedesk/default.rules \
		$(DESTDIR)$(DATADIR)/bouncedesk/bouncedesk.conf.example
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/bouncedesk/examples/,$(notdir $(EXAMPLES)) bouncedesk.cron)
	-rmdir $(DESTDIR)$(DATADIR)/bouncedesk/examples 2>/dev/null
	-rmdir $(DESTDIR)$(DATADIR)/bouncedesk 2>/dev/null

# The manual pages alone (tests/scripts/t_man.sh installs them into a
# scratch DESTDIR without building anything).
install-man:
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/

uninstall-man:
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1))) \
		$(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(MAN5)))

clean:
	rm -rf build build-san $(BIN)

deps:
	sh scripts/deps.sh

-include $(CORE_OBJ:.o=.d) $(DB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(APP_OBJ:.o=.d) $(TUI_OBJ:.o=.d)
