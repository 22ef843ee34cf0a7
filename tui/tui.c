/* tui.c: curses: the terminal set up and restored, keys translated into
 * bd_key, the theme of named styles, the app's lines drawn, and the loop
 * (interactive, or scripted for tests on a virtual screen).
 */
#include "tui.h"

#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "../app/app.h"

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

/* ---- theme ---- */

struct theme_entry {
	short fg, bg;
	attr_t attr;      /* with colours */
	attr_t attr_mono; /* NO_COLOR or a monochrome terminal */
};

static const struct theme_entry theme[BD_STYLE_COUNT] = {
	[BD_STYLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
	[BD_STYLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
	[BD_STYLE_HEADER] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[BD_STYLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
	[BD_STYLE_TAGGED] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
	[BD_STYLE_DIM] = {-1, -1, A_DIM, A_DIM},
	[BD_STYLE_ACTIVE] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
	[BD_STYLE_STOPPED] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	[BD_STYLE_HOLD] = {COLOR_YELLOW, -1, A_NORMAL, A_UNDERLINE},
	[BD_STYLE_REVIEW] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[BD_STYLE_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	[BD_STYLE_STATUS] = {-1, -1, A_NORMAL, A_NORMAL},
	[BD_STYLE_MATCH] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
	[BD_STYLE_CONTROL] = {COLOR_MAGENTA, -1, A_NORMAL, A_UNDERLINE},
};

static attr_t attrs[BD_STYLE_COUNT];

static void theme_init(void)
{
	const char *nc = getenv("NO_COLOR");
	bool color = has_colors() && !(nc && *nc);
	if (color) {
		start_color();
		use_default_colors();
	}
	for (int i = 0; i < BD_STYLE_COUNT; i++) {
		if (!color) {
			attrs[i] = theme[i].attr_mono;
			continue;
		}
		attrs[i] = theme[i].attr;
		if (theme[i].fg != -1 || theme[i].bg != -1) {
			init_pair((short)(i + 1), theme[i].fg, theme[i].bg);
			attrs[i] |= COLOR_PAIR(i + 1);
		}
	}
}

/* ---- keys ---- */

static bd_key translate(int rc, wint_t ch)
{
	if (rc == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP:
			return BD_KEY_UP;
		case KEY_DOWN:
			return BD_KEY_DOWN;
		case KEY_LEFT:
			return BD_KEY_LEFT;
		case KEY_RIGHT:
			return BD_KEY_RIGHT;
		case KEY_PPAGE:
			return BD_KEY_PGUP;
		case KEY_NPAGE:
			return BD_KEY_PGDN;
		case KEY_HOME:
			return BD_KEY_HOME;
		case KEY_END:
			return BD_KEY_END;
		case KEY_IC:
			return BD_KEY_INSERT;
		case KEY_DC:
			return BD_KEY_DELETE;
		case KEY_BTAB:
			return BD_KEY_BTAB;
		case KEY_BACKSPACE:
			return BD_KEY_BACKSPACE;
		case KEY_ENTER:
			return BD_KEY_ENTER;
		case KEY_RESIZE:
			return BD_KEY_RESIZE;
		case KEY_MOUSE:
			return BD_KEY_MOUSE;
		default:
			if (ch >= KEY_F(1) && ch <= KEY_F(12))
				return BD_KEY_F((int)(ch - KEY_F(1)) + 1);
			return BD_KEY_NONE;
		}
	}
	if (ch == '\n' || ch == '\r')
		return BD_KEY_ENTER;
	if (ch == 8)
		return BD_KEY_CTRL('h');
	return (bd_key)ch;
}

/* ---- drawing ---- */

struct screen {
	struct bd_line *lines;
	int n;
};

static void screen_size(struct screen *s, int rows)
{
	if (rows <= s->n)
		return;
	s->lines = realloc(s->lines, (size_t)rows * sizeof(*s->lines));
	if (!s->lines)
		abort();
	for (int i = s->n; i < rows; i++)
		bd_line_init(&s->lines[i]);
	s->n = rows;
}

static void screen_done(struct screen *s)
{
	for (int i = 0; i < s->n; i++)
		bd_line_done(&s->lines[i]);
	free(s->lines);
}

static void draw(struct bd_app *app, struct screen *s)
{
	int rows = LINES, cols = COLS;
	app->now = (int64_t)time(NULL);
	bd_app_sync(app, rows, cols);
	screen_size(s, rows);
	int cur;
	bd_app_render(app, s->lines, rows, cols, &cur);
	erase();
	for (int y = 0; y < rows; y++) {
		const struct bd_line *l = &s->lines[y];
		for (size_t i = 0; i < l->nspans; i++) {
			const struct bd_span *sp = &l->spans[i];
			if (sp->col >= cols)
				break;
			attrset(attrs[sp->style]);
			mvaddnstr(y, sp->col, l->text.data + sp->off, (int)sp->len);
		}
		attrset(A_NORMAL);
	}
	if (cur >= 0) {
		curs_set(1);
		move(rows - 1, cur < cols ? cur : cols - 1);
	} else {
		curs_set(0);
		move(rows - 1, cols - 1);
	}
	refresh();
}

static void dump_screen(FILE *out)
{
	wchar_t w[1024];
	for (int y = 0; y < LINES; y++) {
		int n = mvinnwstr(y, 0, w, COLS < 1023 ? COLS : 1023);
		if (n < 0)
			n = 0;
		w[n] = 0;
		char buf[4096];
		size_t len = wcstombs(buf, w, sizeof(buf) - 1);
		if (len == (size_t)-1)
			len = 0;
		buf[len] = '\0';
		while (len > 0 && buf[len - 1] == ' ')
			buf[--len] = '\0';
		fprintf(out, "%s\n", buf);
	}
	fputs("----\n", out);
}

/* ---- the loop ---- */

double bd_tui_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static unsigned run_job(struct bd_app *app, unsigned fx)
{
	while (fx & BD_FX_JOB)
		fx = (fx & ~(unsigned)BD_FX_JOB) | bd_app_run(app);
	return fx;
}

static unsigned mouse(struct bd_app *app)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return 0;
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return bd_app_wheel(app, 1);
#endif
	if (ev.bstate & BUTTON4_PRESSED)
		return bd_app_wheel(app, -1);
	if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
		return run_job(app, bd_app_click(app, ev.y, true));
	if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED))
		return bd_app_click(app, ev.y, false);
	return 0;
}

static void setup_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static void setup_locale(void)
{
	setlocale(LC_ALL, "");
	/* Bounce text is UTF-8 whatever the locale says; curses needs a
	 * UTF-8 character type to draw it. */
	if (MB_CUR_MAX == 1)
		setlocale(LC_CTYPE, "C.UTF-8");
}

static int interactive(struct bd_app *app, char *errmsg, size_t n)
{
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		snprintf(errmsg, n, "cannot start the terminal UI (TERM=%s)",
			 getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	setup_signals();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
			  | BUTTON5_PRESSED
#endif
		  ,
		  NULL);
	theme_init();
	struct screen s = {0};
	time_t last_poll = time(NULL);
	draw(app, &s);
	while (!got_signal) {
		wint_t ch;
		/* Idle work (a filter's count) runs once no key waits. */
		bool idle = bd_app_idle_pending(app);
		timeout(idle ? 0 : 1000);
		int rc = get_wch(&ch);
		unsigned fx = 0;
		if (rc == ERR && idle) {
			fx = bd_app_idle(app);
		} else if (rc == ERR) {
			if (time(NULL) - last_poll >= 2) {
				last_poll = time(NULL);
				fx = bd_app_poll(app);
			}
		} else {
			bd_key k = translate(rc, ch);
			if (k == BD_KEY_RESIZE)
				fx = BD_FX_REDRAW;
			else if (k == BD_KEY_MOUSE)
				fx = mouse(app);
			else if (k != BD_KEY_NONE)
				fx = bd_app_key(app, k);
			fx = run_job(app, fx);
		}
		if (fx & BD_FX_QUIT)
			break;
		if (fx & BD_FX_REDRAW)
			draw(app, &s);
	}
	endwin();
	delscreen(scr);
	screen_done(&s);
	if (got_signal) {
		snprintf(errmsg, n, "stopped by signal %d", (int)got_signal);
		return 128 + (int)got_signal;
	}
	return 0;
}

/* One word of a key script: a key name (keymap.h), "dump", "type:TEXT",
 * "resize:COLSxROWS", "click:LINE", "dclick:LINE", "wheel:+N"/"wheel:-N",
 * "poll", or "#" to the end of the line. */
static int scripted(struct bd_app *app, const struct bd_tui_opts *o, char *errmsg, size_t n)
{
	FILE *keys = fopen(o->keys, "r");
	if (!keys) {
		snprintf(errmsg, n, "%s: %s", o->keys, strerror(errno));
		return 1;
	}
	FILE *out = o->dump ? fopen(o->dump, "w") : stdout;
	if (!out) {
		snprintf(errmsg, n, "%s: %s", o->dump, strerror(errno));
		fclose(keys);
		return 1;
	}
	char num[16];
	snprintf(num, sizeof(num), "%d", o->rows > 0 ? o->rows : 24);
	setenv("LINES", num, 1);
	snprintf(num, sizeof(num), "%d", o->cols > 0 ? o->cols : 80);
	setenv("COLUMNS", num, 1);
	FILE *times = NULL;
	if (o->timings && !(times = fopen(o->timings, "w"))) {
		snprintf(errmsg, n, "%s: %s", o->timings, strerror(errno));
		fclose(keys);
		if (out != stdout)
			fclose(out);
		return 1;
	}
	FILE *devnull_out = fopen("/dev/null", "w"), *devnull_in = fopen("/dev/null", "r");
	SCREEN *scr = newterm("xterm", devnull_out, devnull_in);
	if (!scr) {
		snprintf(errmsg, n, "cannot start a virtual screen");
		return 1;
	}
	theme_init();
	struct screen s = {0};
	draw(app, &s);
	if (times)
		fprintf(times, "start\t%.3f\n", bd_tui_clock_ms() - o->started_ms);
	char line[4096];
	int status = 0;
	bool quit = false, dumped = false;
	while (!quit && fgets(line, sizeof(line), keys)) {
		char *save = NULL;
		for (char *w = strtok_r(line, " \t\r\n", &save); w && !quit;
		     w = strtok_r(NULL, " \t\r\n", &save)) {
			if (w[0] == '#' && w[1] == '\0')
				break;
			unsigned fx = 0;
			int a, b;
			bd_key k;
			double t0 = times ? bd_tui_clock_ms() : 0;
			if (strcmp(w, "dump") == 0) {
				dump_screen(out);
				dumped = true;
				continue;
			} else if (strncmp(w, "type:", 5) == 0) {
				const char *p = w + 5;
				while (*p) {
					uint32_t cp;
					p += bd_utf8_decode(p, strlen(p), &cp);
					/* '_' stands for a space, which separates words here */
					fx |= bd_app_key(app, cp == '_' ? ' ' : cp);
				}
			} else if (sscanf(w, "resize:%dx%d", &a, &b) == 2) {
				resizeterm(b, a);
				fx = BD_FX_REDRAW;
			} else if (sscanf(w, "click:%d", &a) == 1) {
				fx = bd_app_click(app, a, false);
			} else if (sscanf(w, "dclick:%d", &a) == 1) {
				fx = bd_app_click(app, a, true);
			} else if (sscanf(w, "wheel:%d", &a) == 1) {
				fx = bd_app_wheel(app, a);
			} else if (strcmp(w, "poll") == 0) {
				fx = bd_app_poll(app);
			} else if (bd_key_parse(w, &k)) {
				fx = bd_app_key(app, k);
			} else {
				snprintf(errmsg, n, "%s: not a key: %s", o->keys, w);
				status = 2;
				quit = true;
				break;
			}
			fx = run_job(app, fx);
			if (fx & BD_FX_QUIT)
				quit = true;
			else
				draw(app, &s);
			if (times)
				fprintf(times, "%s\t%.3f\n", w, bd_tui_clock_ms() - t0);
			/* The idle work the interactive loop would do before the
			 * next key, on a line of its own. */
			if (!quit && bd_app_idle_pending(app)) {
				t0 = times ? bd_tui_clock_ms() : 0;
				if (bd_app_idle(app) & BD_FX_REDRAW)
					draw(app, &s);
				if (times)
					fprintf(times, "(idle)\t%.3f\n", bd_tui_clock_ms() - t0);
			}
		}
	}
	if (!dumped && status == 0)
		dump_screen(out);
	endwin();
	delscreen(scr);
	fclose(devnull_out);
	fclose(devnull_in);
	screen_done(&s);
	fclose(keys);
	if (out != stdout)
		fclose(out);
	if (times && fclose(times) != 0 && status == 0) {
		snprintf(errmsg, n, "%s: %s", o->timings, strerror(errno));
		status = 1;
	}
	return status;
}

int bd_tui_run(const struct bd_tui_opts *o, char *errmsg, size_t n)
{
	errmsg[0] = '\0';
	setup_locale();
	struct bd_app app;
	bd_app_init(&app, o->store, o->policy, o->keymap, o->actor, o->readonly);
	struct tm tm;
	time_t now = time(NULL);
	localtime_r(&now, &tm);
	app.utc_offset = (int)tm.tm_gmtoff;
	app.now = (int64_t)now;
	int rc = o->keys ? scripted(&app, o, errmsg, n) : interactive(&app, errmsg, n);
	bd_app_done(&app);
	return rc;
}
