/*
 * scan.c - byte-level helpers over normalised text (see scan.h).  Must not
 * allocate beyond a small stack table: the fact finders call these in
 * their inner loops.
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
	const unsigned char *q = (const unsigned char *)p;
	uint32_t i = off;

	if (!q[0] || off >= end || scan_lower(t[off]) != scan_lower(q[0]))
		return false;
	for (; *q; q++, i++)
		if (i >= end || scan_lower(t[i]) != scan_lower(*q))
			return false;
	if (scan_is_word((unsigned char)p[0]) && off > 0 &&
	    scan_is_word((unsigned char)t[off - 1]))
		return false;
	if (scan_is_word(q[-1]) && i < end && scan_is_word((unsigned char)t[i]))
		return false;
	return true;
}

bool scan_find(const char *t, uint32_t start, uint32_t end, const char *p,
	       uint32_t *at)
{
	unsigned char c0 = scan_lower(p[0]);
	bool word_first = scan_is_word(c0);
	uint32_t i;

	if (!c0)
		return false;
	for (i = start; i < end; i++) {
		if (scan_lower(t[i]) != c0)
			continue;
		if (word_first && i > 0 && scan_is_word((unsigned char)t[i - 1]))
			continue;
		if (scan_word_at(t, end, i, p)) {
			*at = i;
			return true;
		}
	}
	return false;
}

static size_t find_each(const char *t, uint32_t start, uint32_t end,
			const char *const *words, size_t n, uint32_t *first,
			bool stop)
{
	/* Which words start with each byte (lowercased): a bit per word
	 * for the first 64, a slow path beyond. */
	uint64_t by_first[256] = { 0 };
	bool nonword_first = false;
	size_t i, found = 0, left = 0;
	uint32_t p;

	for (i = 0; i < n; i++) {
		first[i] = G_MAXUINT32;
		if (!words[i] || !words[i][0])
			continue;
		left++;
		if (i < 64)
			by_first[scan_lower(words[i][0])] |= 1ull << i;
		if (!scan_is_word((unsigned char)words[i][0]))
			nonword_first = true;
	}
	for (i = 64; i < n; i++) {
		uint32_t at;

		if (words[i] && words[i][0] &&
		    scan_find(t, start, end, words[i], &at)) {
			first[i] = at;
			found++;
			left--;
			if (stop)
				return found;
		}
	}
	for (p = start; p < end && left > 0; p++) {
		unsigned char c = t[p];
		uint64_t m;

		if (!(m = by_first[scan_lower(c)]))
			continue;
		if (!nonword_first && p > 0 &&
		    scan_is_word((unsigned char)t[p - 1]))
			continue;
		while (m) {
			int b = __builtin_ctzll(m);

			m &= m - 1;
			if (first[b] == G_MAXUINT32 &&
			    scan_word_at(t, end, p, words[b])) {
				first[b] = p;
				found++;
				left--;
				if (stop)
					return found;
			}
		}
	}
	return found;
}

size_t scan_find_each(const char *t, uint32_t start, uint32_t end,
		      const char *const *words, size_t n, uint32_t *first)
{
	return find_each(t, start, end, words, n, first, false);
}

bool scan_has_any(const char *t, uint32_t start, uint32_t end,
		  const char *const *words, size_t n)
{
	uint32_t stack[64], *first = n <= 64 ? stack : g_new(uint32_t, n);
	size_t found = find_each(t, start, end, words, n, first, true);

	if (first != stack)
		g_free(first);
	return found > 0;
}

void scan_trim(const char *t, uint32_t *s, uint32_t *e)
{
	while (*s < *e && g_ascii_isspace(t[*s]))
		(*s)++;
	while (*e > *s && g_ascii_isspace(t[*e - 1]))
		(*e)--;
}
