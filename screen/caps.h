/*
 * caps.h - the caps every untrusted document is held to (HARDENING.md).
 *
 * One struct, filled with defaults by caps_default() and overridden by
 * command-line options; passed by value to the extraction child so the
 * child never reads configuration of its own.
 */
#ifndef SCREENER_CAPS_H
#define SCREENER_CAPS_H

#include <stdint.h>

/* Sent to the child as raw bytes, so no padding may hold stray stack
 * bytes: the 64-bit fields first, then the 32-bit ones (checked below). */
struct caps {
	uint64_t file_bytes;	/* input file size, checked with fstat */
	uint64_t memory_bytes;	/* RLIMIT_AS of the child (not under ASan) */
	uint64_t text_bytes;	/* extracted UTF-8, then truncated + warning */
	uint64_t zip_part_bytes;	/* per part, counted while inflating */
	uint64_t zip_total_bytes;	/* over all parts read */
	uint32_t wall_seconds;	/* wall clock per file, SIGKILL from parent */
	uint32_t cpu_seconds;	/* RLIMIT_CPU of the child */
	uint32_t pdf_pages;	/* decided before extracting text */
	uint32_t zip_entries;
	uint32_t zip_ratio;	/* max inflate ratio once a part passes 1 MiB */
	uint32_t xml_depth;
	uint32_t ocr_seconds;	/* OCR of one document, CPU time (within
				   the limits above); 0: no OCR */
	uint32_t ocr_page_seconds;	/* OCR of one page, CPU time */
};
_Static_assert(sizeof(struct caps) == 5 * 8 + 8 * 4,
	       "struct caps must have no padding");

static inline struct caps caps_default(void)
{
	struct caps l = {
		.file_bytes = 20u << 20,
		.wall_seconds = 30,
		.cpu_seconds = 20,
		.memory_bytes = 1ull << 30,
		.pdf_pages = 100,
		.text_bytes = 2u << 20,
		.zip_entries = 1000,
		.zip_part_bytes = 16u << 20,
		.zip_total_bytes = 32u << 20,
		.zip_ratio = 100,
		.xml_depth = 256,
		.ocr_seconds = 15,
		.ocr_page_seconds = 10,
	};
	return l;
}

#endif
