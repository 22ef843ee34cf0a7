/* date.c: mail date parsing without libc's locale or time zone (see date.h). */
#include "date.h"

#include <stdio.h>
#include <string.h>

#include "str.h"

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	/* Howard Hinnant's algorithm: proleptic Gregorian, exact for all years. */
	y -= m <= 2;
	const int64_t era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	const unsigned doe = (unsigned)(z - era * 146097);
	const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

void bd_date_iso(int64_t t, char *buf)
{
	int64_t days = t / 86400, rem = t % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	int64_t y;
	unsigned m, d;
	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(buf, 32, "%04d-%02u-%02uT%02d:%02d:%02dZ", (int)y, m, d, (int)(rem / 3600),
			 (int)(rem % 3600 / 60), (int)(rem % 60));
		return;
	}
	/* "YYYY-MM-DDTHH:MM:SSZ", written by hand: this runs for every row. */
	const unsigned v[6] = {
		(unsigned)y,         m, d, (unsigned)(rem / 3600), (unsigned)(rem % 3600 / 60),
		(unsigned)(rem % 60)};
	static const char sep[6] = {'-', '-', 'T', ':', ':', 'Z'};
	char *o = buf;
	for (int i = 0; i < 6; i++) {
		if (i == 0) {
			*o++ = (char)('0' + v[0] / 1000);
			*o++ = (char)('0' + v[0] / 100 % 10);
		}
		*o++ = (char)('0' + v[i] / 10 % 10);
		*o++ = (char)('0' + v[i] % 10);
		*o++ = sep[i];
	}
	*o = '\0';
}

static int month_index(const char *s)
{
	static const char *names[] = {"jan", "feb", "mar", "apr", "may", "jun",
				      "jul", "aug", "sep", "oct", "nov", "dec"};
	for (int i = 0; i < 12; i++) {
		if (bd_startswith_ci(s, names[i]))
			return i + 1;
	}
	return 0;
}

static int zone_minutes(const char *s, bool *ok)
{
	static const struct {
		const char *name;
		int min;
	} zones[] = {
		{"UT", 0},     {"UTC", 0},    {"GMT", 0},    {"Z", 0},      {"EST", -300},
		{"EDT", -240}, {"CST", -360}, {"CDT", -300}, {"MST", -420}, {"MDT", -360},
		{"PST", -480}, {"PDT", -420}, {"JST", 540},  {"KST", 540},  {"CET", 60},
		{"CEST", 120}, {"BST", 60},   {"MET", 60},   {"MEST", 120}, {"EET", 120},
		{"HKT", 480},
	};
	*ok = true;
	if ((s[0] == '+' || s[0] == '-') && strlen(s) >= 5) {
		int v = 0;
		for (int i = 1; i <= 4; i++) {
			if (s[i] < '0' || s[i] > '9') {
				*ok = false;
				return 0;
			}
		}
		v = ((s[1] - '0') * 10 + (s[2] - '0')) * 60 + (s[3] - '0') * 10 + (s[4] - '0');
		return s[0] == '-' ? -v : v;
	}
	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		size_t n = strlen(zones[i].name);
		if (bd_startswith_ci(s, zones[i].name) &&
		    !((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')))
			return zones[i].min;
	}
	*ok = false;
	return 0;
}

/* Reads an optionally signed decimal of at most maxd digits (0: any) at
 * *p, as sscanf's "%Nd" does; advances *p past it. */
static bool read_int(const char **p, int maxd, int *v)
{
	const char *q = *p;
	int sign = 1;
	if (*q == '-' || *q == '+')
		sign = *q++ == '-' ? -1 : 1;
	int n = 0, val = 0;
	while (*q >= '0' && *q <= '9' && (maxd == 0 || n < maxd) && val < 100000000) {
		val = val * 10 + (*q++ - '0');
		n++;
	}
	if (!n)
		return false;
	*v = sign * val;
	*p = q;
	return true;
}

/* Reads up to three numbers separated by sep (each of at most maxd
 * digits) into v; returns how many it read, as sscanf does. */
static int read_ints(const char *p, char sep, int maxd, int *v)
{
	int k = 0;
	while (k < 3 && read_int(&p, maxd, &v[k])) {
		k++;
		if (*p != sep)
			break;
		p++;
	}
	return k;
}

bool bd_date_parse(const char *s, int64_t *out)
{
	if (!s)
		return false;
	char tok[8][32];
	int nt = 0;
	/* Tokenise on white space and commas, keeping at most 8 tokens. */
	const char *p = s;
	while (*p && nt < 8) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (!*p || *p == '(')
			break;
		size_t n = 0;
		while (p[n] && p[n] != ' ' && p[n] != '\t' && p[n] != ',')
			n++;
		if (n >= sizeof(tok[0]))
			n = sizeof(tok[0]) - 1;
		memcpy(tok[nt], p, n);
		tok[nt][n] = '\0';
		nt++;
		while (*p && *p != ' ' && *p != '\t' && *p != ',')
			p++;
	}
	/* ISO 8601: 2013-04-29T23:45:32Z or "2013-04-29 23:45:32". */
	int ymd[3], h = 0, mi = 0, sec = 0;
	if (nt >= 1 && read_ints(tok[0], '-', 4, ymd) == 3 && tok[0][4] == '-') {
		int Y = ymd[0], M = ymd[1], D = ymd[2];
		const char *t = strchr(tok[0], 'T');
		const char *timestr = t ? t + 1 : (nt >= 2 ? tok[1] : "");
		int hms[3] = {0, 0, 0};
		read_ints(timestr, ':', 2, hms);
		h = hms[0];
		mi = hms[1];
		sec = hms[2];
		if (M < 1 || M > 12 || D < 1 || D > 31)
			return false;
		*out = days_from_civil(Y, (unsigned)M, (unsigned)D) * 86400 + h * 3600 + mi * 60 +
		       sec;
		return true;
	}
	int day = -1, mon = 0, year = -1, zone = 0;
	bool have_time = false, have_zone = false;
	for (int i = 0; i < nt; i++) {
		char *t = tok[i];
		int hms[3] = {0, 0, 0};
		if (!have_time && strchr(t, ':') && read_ints(t, ':', 0, hms) >= 2) {
			h = hms[0];
			mi = hms[1];
			sec = hms[2];
			have_time = true;
		} else if (!mon && month_index(t)) {
			mon = month_index(t);
		} else if (t[0] >= '0' && t[0] <= '9') {
			int v = 0;
			/* Capped as read_int caps: a run of digits is no overflow. */
			for (char *q = t; *q >= '0' && *q <= '9' && v < 100000000; q++)
				v = v * 10 + (*q - '0');
			if (day < 0 && strlen(t) <= 2)
				day = v;
			else if (year < 0)
				year = strlen(t) <= 2 ? (v < 50 ? 2000 + v : 1900 + v) : v;
		} else if (have_time && !have_zone) {
			bool ok;
			int z = zone_minutes(t, &ok);
			if (ok) {
				zone = z;
				have_zone = true;
			}
		}
	}
	if (day < 1 || day > 31 || !mon || year < 1900 || year > 9999 || h > 23 || mi > 59 ||
	    sec > 60)
		return false;
	*out = days_from_civil(year, (unsigned)mon, (unsigned)day) * 86400 + h * 3600 + mi * 60 +
	       sec - (int64_t)zone * 60;
	return true;
}
