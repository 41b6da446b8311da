/*
 * scan.c - byte-level helpers over normalised text (see scan.h).  Must not
 * allocate: the fact finders call these in their inner loops.
 */
#include <string.h>

#include "scan.h"

uint32_t scan_line_end(const char *t, uint32_t len, uint32_t off)
{
	const char *nl;

	if (off >= len)
		return len;
	nl = memchr(t + off, '\n', len - off);
	return nl ? (uint32_t)(nl - t) : len;
}

bool scan_word_at(const char *t, uint32_t end, uint32_t off, const char *p)
{
	size_t n = strlen(p);

	if (n == 0 || off > end || end - off < n)
		return false;
	if (g_ascii_strncasecmp(t + off, p, n) != 0)
		return false;
	if (scan_is_word((unsigned char)p[0]) && off > 0 &&
	    scan_is_word((unsigned char)t[off - 1]))
		return false;
	if (scan_is_word((unsigned char)p[n - 1]) && off + n < end &&
	    scan_is_word((unsigned char)t[off + n]))
		return false;
	return true;
}

bool scan_find(const char *t, uint32_t start, uint32_t end, const char *p,
	       uint32_t *at)
{
	char c0 = g_ascii_tolower(p[0]);
	uint32_t i;

	if (!c0)
		return false;
	for (i = start; i < end; i++) {
		if (g_ascii_tolower(t[i]) != c0)
			continue;
		if (scan_word_at(t, end, i, p)) {
			*at = i;
			return true;
		}
	}
	return false;
}

void scan_trim(const char *t, uint32_t *s, uint32_t *e)
{
	while (*s < *e && g_ascii_isspace(t[*s]))
		(*s)++;
	while (*e > *s && g_ascii_isspace(t[*e - 1]))
		(*e)--;
}
