/* SPDX-License-Identifier: MIT */
/*
 * Streaming input: the byte source (plain or decompressed through
 * libarchive) and the row pipeline that turns the lines of a large input
 * into events in bounded memory.
 *
 * The pipeline reads the input in chunks of whole lines into a small ring
 * of slots. Worker threads parse the lines of filled slots into records;
 * the calling thread hands the records to the dataset strictly in input
 * order, so results, skip reports and the first error in strict mode are
 * the same as a single-threaded pass. Only the calling thread touches the
 * dataset (and so igraph, later). Memory is the ring: a few chunks and
 * their records, whatever the size of the input.
 *
 * A chunk is copied into its slot's buffer with read(), or, for input in
 * memory and a format that does not write into its lines, it is a window
 * of the memory, parsed in place. A plain file can be mapped the same way
 * (ENTENTE_MMAP=1: read() is faster where it was measured, see
 * ent__source_mappable): the workers parse the page cache in place, and
 * the window is unmapped as soon as its records are consumed, so the
 * mapped pages (which count as resident) stay the size of the ring. Both
 * give a slot the same lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include "io/io_internal.h"

/* -- byte source --------------------------------------------------------- */

#define RAW_BUF 65536

struct ent__source {
	const char *mem;       /* bytes in memory (borrowed), or NULL */
	size_t mem_len;
	int fd;
	int own_fd;
	const char *path;
	uint64_t done;         /* raw bytes read from fd */
	uint64_t total;        /* size of a regular file, else 0 */
	int regular;           /* a named regular file of non-zero size */
	unsigned char peek[512];
	size_t peek_len, peek_pos;
	struct archive *ar;    /* bzip2, xz, zip: NULL otherwise */
	z_stream *gz;          /* gzip, decoded with zlib: NULL otherwise */
	int gz_state;          /* GZ_* below */
	const char *compression;
	int entry_done;        /* the archive's file has been read to its end */
	int read_errno;        /* a read of the input failed (libarchive) */
	char *raw;             /* read buffer handed to the decoder */
};

/* Where a gzip input stands (gzip, RFC 1952, allows members one after
 * another; gzip -d reads them as one stream, and so do we). */
enum {
	GZ_MEMBER,   /* inside a member: its end and trailer are still due */
	GZ_BETWEEN,  /* after a member's trailer: another member or the end */
	GZ_DONE      /* the end of the input */
};

static ssize_t read_fd(ent__source *s, void *buf, size_t n)
{
	ssize_t r;

	if (s->mem != NULL) {
		size_t left = s->mem_len - (size_t)s->done;
		if (n > left) {
			n = left;
		}
		memcpy(buf, s->mem + s->done, n);
		s->done += n;
		return (ssize_t)n;
	}
	do {
		r = read(s->fd, buf, n);
	} while (r < 0 && errno == EINTR);
	if (r > 0) {
		s->done += (uint64_t)r;
	}
	return r;
}

static la_ssize_t archive_read_cb(struct archive *a, void *client,
	const void **buff)
{
	ent__source *s = client;
	ssize_t r;

	if (s->peek_pos < s->peek_len) {
		*buff = s->peek + s->peek_pos;
		r = (ssize_t)(s->peek_len - s->peek_pos);
		s->peek_pos = s->peek_len;
		return r;
	}
	r = read_fd(s, s->raw, RAW_BUF);
	if (r < 0) {
		s->read_errno = errno;
		archive_set_error(a, errno, "%s", strerror(errno));
		return -1;
	}
	*buff = s->raw;
	return r;
}

static const char *magic_compression(const unsigned char *p, size_t n)
{
	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
		return "gzip";
	}
	if (n >= 3 && memcmp(p, "BZh", 3) == 0) {
		return "bzip2";
	}
	if (n >= 6 && memcmp(p, "\xFD" "7zXZ\0", 6) == 0) {
		return "xz";
	}
	if (n >= 4 && (memcmp(p, "PK\x03\x04", 4) == 0 ||
		memcmp(p, "PK\x05\x06", 4) == 0)) {
		return "zip";
	}
	return NULL;
}

/* A failure of libarchive: a read error of the input, or compressed data
 * that are cut short or damaged (bzip2, xz and zip check their CRCs). */
static ent_status archive_fail(ent__source *s, ent_error *err)
{
	const char *msg = archive_error_string(s->ar);

	if (s->read_errno != 0) {
		return ent__error_set(err, ENT_EIO, s->path, 0, 0,
			"cannot read: %s", strerror(s->read_errno));
	}
	if (msg == NULL) {
		msg = "corrupt data";
	}
	/* liblzma says "No progress is possible" when its input ends */
	if (strstr(msg, "runcated") != NULL ||
		strstr(msg, "No progress is possible") != NULL) {
		return ent__error_set(err, ENT_EPARSE, s->path, 0, 0,
			"truncated %s input: the file ends inside the "
			"compressed data", s->compression);
	}
	return ent__error_set(err, ENT_EPARSE, s->path, 0, 0,
		"damaged %s input: %s", s->compression, msg);
}

/* Position the archive at its first regular file. */
static ent_status archive_start(ent__source *s, ent_error *err)
{
	struct archive_entry *entry;
	int r;

	s->raw = malloc(RAW_BUF);
	s->ar = archive_read_new();
	if (s->raw == NULL || s->ar == NULL) {
		return ent__error_nomem(err);
	}
	archive_read_support_filter_all(s->ar);
	if (strcmp(s->compression, "zip") == 0) {
		archive_read_support_format_zip(s->ar);
	} else {
		archive_read_support_format_raw(s->ar);
	}
	if (archive_read_open(s->ar, s, NULL, archive_read_cb, NULL) !=
		ARCHIVE_OK) {
		return archive_fail(s, err);
	}
	for (;;) {
		r = archive_read_next_header(s->ar, &entry);
		if (r == ARCHIVE_EOF) {
			return ent__error_set(err, ENT_EPARSE, s->path, 0, 0,
				"the %s archive holds no file", s->compression);
		}
		if (r < ARCHIVE_WARN) {
			return archive_fail(s, err);
		}
		if (strcmp(s->compression, "zip") != 0 ||
			archive_entry_filetype(entry) == AE_IFREG) {
			return ENT_OK;
		}
	}
}

/*
 * gzip is decoded with zlib itself rather than through libarchive, whose
 * gzip filter checks neither the CRC32 nor the length in a member's
 * trailer: a damaged file that `gzip -t` rejects was read with changed
 * numbers. zlib checks both (inflate with gzip framing) and says what is
 * wrong with a truncated file.
 */
static ent_status gzip_start(ent__source *s, ent_error *err)
{
	s->raw = malloc(RAW_BUF);
	s->gz = calloc(1, sizeof(*s->gz));
	if (s->raw == NULL || s->gz == NULL) {
		return ent__error_nomem(err);
	}
	/* 16 + 15: gzip framing only, the largest window */
	if (inflateInit2(s->gz, 16 + MAX_WBITS) != Z_OK) {
		free(s->gz);
		s->gz = NULL;
		return ent__error_nomem(err);
	}
	s->gz->next_in = s->peek;
	s->gz->avail_in = (uInt)s->peek_len;
	s->peek_pos = s->peek_len;
	s->gz_state = GZ_MEMBER;
	return ENT_OK;
}

static ent_status gzip_damaged(ent__source *s, const char *what,
	ent_error *err)
{
	return ent__error_set(err, ENT_EPARSE, s->path, 0, 0,
		"damaged gzip input: %s", what);
}

/* More compressed bytes for zlib when it has used up what it had; 0 at
 * the end of the input. */
static ent_status gzip_refill(ent__source *s, int *at_end, ent_error *err)
{
	ssize_t r;

	*at_end = 0;
	if (s->gz->avail_in > 0) {
		return ENT_OK;
	}
	r = read_fd(s, s->raw, RAW_BUF);
	if (r < 0) {
		return ent__error_set(err, ENT_EIO, s->path, 0, 0,
			"cannot read: %s", strerror(errno));
	}
	s->gz->next_in = (unsigned char *)s->raw;
	s->gz->avail_in = (uInt)r;
	*at_end = r == 0;
	return ENT_OK;
}

/* After a member: another member follows, or the input ends (zero bytes
 * of padding, as tar and some writers leave, are allowed). */
static ent_status gzip_between(ent__source *s, ent_error *err)
{
	ent_status st;
	int at_end;

	for (;;) {
		if ((st = gzip_refill(s, &at_end, err)) != ENT_OK) {
			return st;
		}
		if (at_end) {
			s->gz_state = GZ_DONE;
			return ENT_OK;
		}
		while (s->gz->avail_in > 0 && *s->gz->next_in == 0) {
			s->gz->next_in++;
			s->gz->avail_in--;
		}
		if (s->gz->avail_in == 0) {
			continue;
		}
		if (*s->gz->next_in != 0x1f) {
			return gzip_damaged(s, "bytes that are not gzip after "
				"the end of the compressed data", err);
		}
		if (inflateReset(s->gz) != Z_OK) {
			return ent__error_nomem(err);
		}
		s->gz_state = GZ_MEMBER;
		return ENT_OK;
	}
}

static ent_status gzip_read(ent__source *s, char *buf, size_t n,
	size_t *got, ent_error *err)
{
	z_stream *z = s->gz;
	size_t have = 0;
	ent_status st;
	int rc, at_end;

	while (have < n && s->gz_state != GZ_DONE) {
		if (s->gz_state == GZ_BETWEEN) {
			if ((st = gzip_between(s, err)) != ENT_OK) {
				return st;
			}
			continue;
		}
		if ((st = gzip_refill(s, &at_end, err)) != ENT_OK) {
			return st;
		}
		if (at_end) {
			return ent__error_set(err, ENT_EPARSE, s->path, 0, 0,
				"truncated gzip input: the file ends inside "
				"the compressed data");
		}
		z->next_out = (unsigned char *)buf + have;
		z->avail_out = (uInt)(n - have > UINT32_MAX / 2
			? UINT32_MAX / 2 : n - have);
		rc = inflate(z, Z_NO_FLUSH);
		have = (size_t)((char *)z->next_out - buf);
		if (rc == Z_STREAM_END) {
			s->gz_state = GZ_BETWEEN;
		} else if (rc == Z_MEM_ERROR) {
			return ent__error_nomem(err);
		} else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
			const char *m = z->msg ? z->msg : "corrupt data";
			if (strcmp(m, "incorrect data check") == 0) {
				m = "its CRC32 does not match the data";
			} else if (strcmp(m, "incorrect length check") == 0) {
				m = "its recorded length does not match the "
				    "data";
			}
			return gzip_damaged(s, m, err);
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			return gzip_damaged(s, z->msg ? z->msg : "corrupt data",
				err);
		}
	}
	*got = have;
	return ENT_OK;
}

static ent_status start_decoding(ent__source *s, ent_error *err);

ent_status ent__source_open(ent__source **out, const char *path,
	ent_error *err)
{
	ent__source *s;
	struct stat sb;
	ent_status st = ENT_OK;

	*out = NULL;
	s = calloc(1, sizeof(*s));
	if (s == NULL) {
		return ent__error_nomem(err);
	}
	s->path = path;
	s->fd = -1;
	if (strcmp(path, "-") == 0) {
		s->fd = STDIN_FILENO;
	} else {
		s->fd = open(path, O_RDONLY);
		if (s->fd < 0) {
			st = ent__error_set(err, ENT_EIO, path, 0, 0,
				"cannot open: %s", strerror(errno));
			goto done;
		}
		s->own_fd = 1;
	}
	if (fstat(s->fd, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			st = ent__error_set(err, ENT_EIO, path, 0, 0,
				"is a directory, not a file");
			goto done;
		}
		if (S_ISREG(sb.st_mode)) {
			s->total = (uint64_t)sb.st_size;
			/* Standard input may be a regular file too, but its
			 * offset need not start at 0; files of size 0 (as
			 * procfs reports) may still have bytes to read. */
			s->regular = s->own_fd && sb.st_size > 0;
#ifdef POSIX_FADV_SEQUENTIAL
			posix_fadvise(s->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
		}
	}
	st = start_decoding(s, err);
done:
	if (st != ENT_OK) {
		ent__source_close(s);
		return st;
	}
	*out = s;
	return ENT_OK;
}

/* Read the first bytes and set up decompression when they are the magic
 * of a compressed format. */
static ent_status start_decoding(ent__source *s, ent_error *err)
{
	ent_status st = ENT_OK;
	ssize_t r;

	/* Enough bytes for the magic numbers (a pipe may deliver less). */
	while (s->peek_len < 8) {
		r = read_fd(s, s->peek + s->peek_len,
			sizeof(s->peek) - s->peek_len);
		if (r < 0) {
			return ent__error_set(err, ENT_EIO, s->path, 0, 0,
				"cannot read: %s", strerror(errno));
		}
		if (r == 0) {
			break;
		}
		s->peek_len += (size_t)r;
	}
	s->compression = magic_compression(s->peek, s->peek_len);
	if (s->compression != NULL && strcmp(s->compression, "gzip") == 0) {
		st = gzip_start(s, err);
	} else if (s->compression != NULL) {
		st = archive_start(s, err);
	}
	return st;
}

static ent_status open_memory(ent__source **out, const void *data,
	size_t len, const char *name, int decode, ent_error *err)
{
	ent__source *s;
	ent_status st;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL) {
		return ent__error_nomem(err);
	}
	s->mem = data;
	s->mem_len = len;
	s->fd = -1;
	s->path = name;
	s->total = len;
	s->regular = len > 0;
	if (decode && (st = start_decoding(s, err)) != ENT_OK) {
		ent__source_close(s);
		return st;
	}
	*out = s;
	return ENT_OK;
}

ent_status ent__source_open_memory(ent__source **out, const void *data,
	size_t len, const char *name, ent_error *err)
{
	return open_memory(out, data, len, name, 1, err);
}

ent_status ent__source_open_text(ent__source **out, const void *data,
	size_t len, const char *name, ent_error *err)
{
	return open_memory(out, data, len, name, 0, err);
}

ent_status ent__source_read(ent__source *s, char *buf, size_t n, size_t *got,
	ent_error *err)
{
	size_t have = 0;

	*got = 0;
	if (s->gz != NULL) {
		return gzip_read(s, buf, n, got, err);
	}
	if (s->ar == NULL) {
		if (s->peek_pos < s->peek_len) {
			have = s->peek_len - s->peek_pos;
			if (have > n) {
				have = n;
			}
			memcpy(buf, s->peek + s->peek_pos, have);
			s->peek_pos += have;
		}
		while (have < n) {
			ssize_t r = read_fd(s, buf + have, n - have);
			if (r < 0) {
				return ent__error_set(err, ENT_EIO, s->path, 0,
					0, "cannot read: %s", strerror(errno));
			}
			if (r == 0) {
				break;
			}
			have += (size_t)r;
		}
		*got = have;
		return ENT_OK;
	}
	while (have < n && !s->entry_done) {
		la_ssize_t r = archive_read_data(s->ar, buf + have, n - have);
		if (r < 0) {
			return archive_fail(s, err);
		}
		if (r == 0) {
			struct archive_entry *entry;
			int h;
			s->entry_done = 1;
			if (strcmp(s->compression, "zip") != 0) {
				break;
			}
			/* One file per archive: a second one would be read
			 * as part of the first or silently dropped. */
			while ((h = archive_read_next_header(s->ar, &entry)) ==
				ARCHIVE_OK || h == ARCHIVE_WARN) {
				if (archive_entry_filetype(entry) == AE_IFREG) {
					return ent__error_set(err, ENT_EPARSE,
						s->path, 0, 0, "the zip "
						"archive holds more than one "
						"file (%s); unpack it and read "
						"the files one by one",
						archive_entry_pathname(entry));
				}
			}
			if (h != ARCHIVE_EOF) {
				return archive_fail(s, err);
			}
			break;
		}
		have += (size_t)r;
	}
	*got = have;
	return ENT_OK;
}

uint64_t ent__source_done(const ent__source *s)
{
	return s->done;
}

uint64_t ent__source_total(const ent__source *s)
{
	return s->total;
}

const char *ent__source_compression(const ent__source *s)
{
	return s->compression;
}

int ent__source_in_memory(const ent__source *s)
{
	return s->mem != NULL && s->compression == NULL &&
		s->done <= s->mem_len;
}

/* An environment switch: set, and neither empty nor "0". */
static int env_on(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && v[0] != '\0' && strcmp(v, "0") != 0;
}

/*
 * A file is mapped only on request (ENTENTE_MMAP=1). Measured on the
 * 510 MB GDELT benchmark (tests/bench/bench_gdelt.sh, a 2-vCPU VM),
 * read(2) into the slot buffers took 0.45 s of user CPU where the mapped
 * windows took 0.75 s, and less wall time: the page faults of each fresh
 * window, the TLB shootdowns of its munmap across the parse threads and
 * the cold first touch by the parser cost more than the kernel's copy
 * (MAP_POPULATE did not close the gap). Memory is different: it is
 * resident already, and its windows cost nothing.
 */
int ent__source_mappable(const ent__source *s)
{
	if (s->mem != NULL) {
		/* memory is a mapping already, and nothing can cut it */
		return s->regular && s->compression == NULL;
	}
	return s->regular && s->ar == NULL && s->gz == NULL &&
		env_on("ENTENTE_MMAP") && !env_on("ENTENTE_NO_MMAP");
}

uint64_t ent__source_tell(const ent__source *s)
{
	return s->done - (s->peek_len - s->peek_pos);
}

ent_status ent__source_seek(ent__source *s, uint64_t off, ent_error *err)
{
	if (s->mem != NULL && s->compression == NULL && off <= s->mem_len) {
		s->done = off;
		s->peek_pos = s->peek_len;
		return ENT_OK;
	}
	if (s->mem != NULL || s->ar != NULL || s->gz != NULL ||
		lseek(s->fd, (off_t)off, SEEK_SET) < 0) {
		return ent__error_set(err, ENT_EIO, s->path, 0, 0,
			"cannot seek: %s", s->compression ? "compressed input" :
			strerror(errno));
	}
	s->done = off;
	s->peek_pos = s->peek_len;
	return ENT_OK;
}

/*
 * A mapped page past the end of the file raises SIGBUS when touched, so
 * each window is cut at the size fstat gives now, not at the size seen at
 * open: a file cut while it is read ends where it now ends, and one that
 * grows goes on, as with read(2). A cut between this check and the parse
 * of the window can still fault, as it can in any program that maps its
 * input; a file rewritten in place while it is read should be piped.
 */
ent_status ent__source_map(ent__source *s, uint64_t off, size_t n,
	ent__window *w, ent_error *err)
{
	long page = sysconf(_SC_PAGESIZE);
	struct stat sb;
	uint64_t size, base;
	void *m;

	memset(w, 0, sizeof(*w));
	if (s->mem != NULL) {
		/* a window of the memory itself */
		if (off >= s->mem_len) {
			w->at_end = 1;
			return ENT_OK;
		}
		if (n >= s->mem_len - off) {
			n = (size_t)(s->mem_len - off);
			w->at_end = 1;
		}
		w->data = s->mem + off;
		w->len = n;
		if (off + n > s->done) {
			s->done = off + n;
		}
		return ENT_OK;
	}
	if (fstat(s->fd, &sb) != 0) {
		return ent__error_set(err, ENT_EIO, s->path, 0, 0,
			"cannot read: %s", strerror(errno));
	}
	size = sb.st_size > 0 ? (uint64_t)sb.st_size : 0;
	if (off >= size) {
		w->at_end = 1;
		return ENT_OK;
	}
	if (n >= size - off) {
		n = (size_t)(size - off);
		w->at_end = 1;
	}
	base = page > 0 ? off - off % (uint64_t)page : 0;
	m = page <= 0 ? MAP_FAILED : mmap(NULL, (size_t)(off - base) + n,
		PROT_READ, MAP_PRIVATE, s->fd, (off_t)base);
	if (m == MAP_FAILED) {
		return ent__error_set(err, ENT_EIO, s->path, 0, 0,
			"cannot map: %s", strerror(errno));
	}
	w->map = m;
	w->map_len = (size_t)(off - base) + n;
	w->data = (const char *)m + (off - base);
	w->len = n;
	if (off + n > s->done) {
		s->done = off + n;
	}
	return ENT_OK;
}

void ent__source_unmap(ent__window *w)
{
	if (w->map != NULL) {
		munmap(w->map, w->map_len);
	}
	memset(w, 0, sizeof(*w));
}

void ent__source_close(ent__source *s)
{
	if (s == NULL) {
		return;
	}
	if (s->ar != NULL) {
		archive_read_free(s->ar);
	}
	if (s->gz != NULL) {
		inflateEnd(s->gz);
		free(s->gz);
	}
	if (s->own_fd && s->fd >= 0) {
		close(s->fd);
	}
	free(s->raw);
	free(s);
}

/* -- rows ---------------------------------------------------------------- */


/* Bytes below 0x20, 0x7F or from 0x80 in a word of eight (the classic
 * "has a zero byte" test, applied to w - 0x20 and to w ^ 0x7F). */
static int word_plain(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t del = w ^ (0x7Fu * ones);

	return ((w | ((w - 0x20u * ones) & ~w) | ((del - ones) & ~del)) &
		high) == 0;
}

int ent__text_ok(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	uint64_t w;

	while (i < len) {
#if defined(__SSE2__)
		/* fast path: sixteen printable ASCII bytes at a time (a signed
		 * compare: bytes from 0x80 count as below 0x20) */
		if (len - i >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
				(p + i));
			__m128i bad = _mm_or_si128(
				_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
				_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
			if (_mm_movemask_epi8(bad) == 0) {
				i += 16;
				continue;
			}
		}
#endif
		/* eight at a time */
		if (len - i >= 8) {
			memcpy(&w, p + i, 8);
			if (word_plain(w)) {
				i += 8;
				continue;
			}
		}
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			i++;
			continue;
		}
		if (p[i] < 0x80 || (n = ent__utf8_seq(p + i, len - i)) == 0) {
			return 0;
		}
		i += n;
	}
	return 1;
}

void ent__row_broken(ent__record *rec, long column, const char *fmt, ...)
{
	va_list ap;
	unsigned char *p;
	size_t n;

	rec->kind = ENT__ROW_BROKEN;
	rec->column = column;
	va_start(ap, fmt);
	vsnprintf(rec->u.msg, sizeof(rec->u.msg), fmt, ap);
	va_end(ap);
	/* Messages quote input: keep them one line of valid UTF-8 (a quote
	 * may also have been cut inside a character). */
	p = (unsigned char *)rec->u.msg;
	while (*p) {
		if (*p < 0x20 || *p == 0x7F) {
			*p++ = ' ';
		} else if ((n = ent__utf8_seq(p, strlen((char *)p))) == 0) {
			*p++ = '?';
		} else {
			p += n;
		}
	}
}

/* Chunk size: lines longer than this are broken rows. */
#define CHUNK ((size_t)2 << 20)
/* Records parsed per pass over a slot; bounds memory when lines are short. */
#define REC_CAP 8192
#define SMALL_REC_CAP 64
#define MAX_WORKERS 4

enum { SLOT_FREE, SLOT_FILLING, SLOT_FILLED, SLOT_PARSING, SLOT_PARSED };

typedef struct slot {
	char *buf;            /* read(): chunk + 1 bytes, or NULL if mapped */
	const char *data;     /* the lines: buf, or inside win */
	ent__window win;      /* a mapped file: the window of the lines */
	size_t len;           /* whole lines; all end with '\n' but the last
	                         line of a mapped file may not */
	size_t pos;           /* parsing resumes here */
	long line_at_pos;     /* lines before pos */
	int overlong;         /* stands for one line too long to read */
	ent__record *recs;
	size_t n_recs, rec_cap;
	uint64_t seq;
	int state;
} slot;

typedef struct pipeline {
	const ent__row_format *fmt;
	ent__source *src;
	const char *path;
	const ent_read_options *opts;
	ent_dataset *ds;
	slot slots[2 * MAX_WORKERS + 2];
	size_t n_slots;
	/* bytes a slot reads: CHUNK, or for an input in memory that is
	 * smaller all of it and one byte more (to see its end), so a small
	 * input does not cost megabytes of buffers (a fuzzer reads
	 * thousands a second) */
	size_t chunk;
	char *carry;          /* the partial line after the last chunk */
	size_t carry_len;
	int mapped;           /* slots are windows of the mapped file */
	uint64_t map_pos;     /* mapped: offset of the next slot's first line */
	int discarding;       /* dropping the rest of an overlong line */
	int eof;
	uint64_t next_fill, next_consume;
	long line_base;       /* line number of the next chunk's first line */
	int need_text;        /* the dataset needs the events' strings */
	ent__buf text;        /* the strings of one event (need_text) */
	/* threads */
	pthread_t threads[MAX_WORKERS];
	size_t n_threads;
	pthread_mutex_t mu;
	pthread_cond_t work_cv, done_cv;
	int stop;
} pipeline;

/*
 * The slot buffers and record arrays: megabytes each, written again and
 * again. In 2 MiB-aligned blocks marked for transparent huge pages, one
 * page fault maps 2 MiB where it took 512 faults of 4 KiB, and on a
 * virtual machine each fault is costly: on the 510 MB GDELT benchmark the
 * run's minor faults went from 6,180 to 1,005 and its system CPU from
 * about 0.16 s to 0.04-0.12 s. Where the kernel gives no huge pages, they
 * are ordinary blocks. Free with free().
 */
#define HUGE_PAGE ((size_t)2 << 20)

static void *slot_mem(size_t n)
{
#if defined(MADV_HUGEPAGE)
	if (n >= HUGE_PAGE / 2) {
		size_t whole = (n + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
		void *p = aligned_alloc(HUGE_PAGE, whole);
		if (p != NULL) {
			(void)madvise(p, whole, MADV_HUGEPAGE);
		}
		return p;
	}
#endif
	return malloc(n);
}

/*
 * Inputs share their buffers. A pipeline's slot buffers, records and carry
 * (full-size ones: a file's, not a small input in memory) are not freed
 * when an input ends but kept by the thread for its next input: reading 96
 * GDELT zips one after another, each input faulted its buffers in afresh
 * (about 150 page faults an input, 14,000 in all; glibc hands freed blocks
 * of a thread's arena back to the kernel), where now the first input
 * does. A thread keeps at most one pipeline's worth, freed when it exits
 * or by ent_read_release().
 */
#define CACHE_MAX (2 * MAX_WORKERS + 3) /* the slots and the carry */

typedef struct buffer_cache {
	char *bufs[CACHE_MAX];        /* CHUNK + 1 bytes each */
	size_t n_bufs;
	ent__record *recs[CACHE_MAX]; /* REC_CAP records each */
	size_t n_recs;
} buffer_cache;

static _Thread_local buffer_cache cache;
static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static int cache_key_ok;

static void cache_free(buffer_cache *c)
{
	while (c->n_bufs > 0) {
		free(c->bufs[--c->n_bufs]);
	}
	while (c->n_recs > 0) {
		free(c->recs[--c->n_recs]);
	}
}

static void cache_at_exit(void *payload)
{
	cache_free(payload);
}

static void cache_key_make(void)
{
	cache_key_ok = pthread_key_create(&cache_key, cache_at_exit) == 0;
}

void ent_read_release(void)
{
	cache_free(&cache);
}

/* A full-size buffer: a kept one, else a new one (huge pages or not). */
static char *buf_take(int huge)
{
	if (cache.n_bufs > 0) {
		return cache.bufs[--cache.n_bufs];
	}
	return huge ? slot_mem(CHUNK + 1) : malloc(CHUNK + 1);
}

static ent__record *recs_take(int huge)
{
	if (cache.n_recs > 0) {
		return cache.recs[--cache.n_recs];
	}
	return huge ? slot_mem(REC_CAP * sizeof(ent__record))
		    : malloc(REC_CAP * sizeof(ent__record));
}

/* Keep a full-size buffer for the next input, or free it. */
static void buf_give(char *b)
{
	if (b == NULL) {
		return;
	}
	pthread_once(&cache_once, cache_key_make);
	if (cache_key_ok && cache.n_bufs < CACHE_MAX) {
		/* the destructor runs at the thread's exit */
		pthread_setspecific(cache_key, &cache);
		cache.bufs[cache.n_bufs++] = b;
		return;
	}
	free(b);
}

static void recs_give(ent__record *r)
{
	if (r == NULL) {
		return;
	}
	pthread_once(&cache_once, cache_key_make);
	if (cache_key_ok && cache.n_recs < CACHE_MAX) {
		pthread_setspecific(cache_key, &cache);
		cache.recs[cache.n_recs++] = r;
		return;
	}
	free(r);
}

/* Parse lines of a slot from pos, up to rec_cap records. */
static void parse_slot(const ent__row_format *fmt, slot *s)
{
	const char *p = s->data + s->pos, *end = s->data + s->len;
	long line = s->line_at_pos;

	s->n_recs = 0;
	while (p < end && s->n_recs < s->rec_cap) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl ? nl : end) - p);
		ent__record *rec = &s->recs[s->n_recs];

		if (len > 0 && p[len - 1] == '\r') {
			len--;
		}
		if (len > 0) {
			rec->kind = ENT__ROW_NONE;
			if (fmt->row_const != NULL) {
				fmt->row_const(fmt->state, p, len, rec);
			} else {
				/* a writable row is never mapped: data is buf */
				char *w = s->buf + (p - s->data);
				w[len] = '\0';
				fmt->row(fmt->state, w, len, rec);
			}
			if (rec->kind != ENT__ROW_NONE) {
				rec->line = line;
				s->n_recs++;
			}
		}
		line++;
		p = nl ? nl + 1 : end;
	}
	s->pos = (size_t)(p - s->data);
	s->line_at_pos = line;
}

/*
 * Stop mapping: the rest of the file, from map_pos, is read with read()
 * (fill_slot gives each slot its buffer then). Mapping spares a copy,
 * nothing more, so a file that cannot be mapped (some file systems, no
 * address space left) is still read.
 */
static ent_status stop_mapping(pipeline *pl, ent_error *err)
{
	ent_status st;

	if ((st = ent__source_seek(pl->src, pl->map_pos, err)) != ENT_OK) {
		return st;
	}
	pl->carry = pl->chunk == CHUNK ? buf_take(0) : malloc(pl->chunk + 1);
	if (pl->carry == NULL) {
		return ent__error_nomem(err);
	}
	pl->carry_len = 0;
	pl->mapped = 0;
	return ENT_OK;
}

/*
 * Map a slot: the next whole lines of a mapped file, at most CHUNK bytes
 * (main thread). The same lines as fill_slot gives: a line of CHUNK bytes
 * or more (with its '\r') is overlong, and the last line of the file needs
 * no end of line. With slot->len == 0 and not overlong at the end.
 */
static ent_status map_slot(pipeline *pl, slot *s, ent_error *err)
{
	ent__window *w = &s->win;
	ent_error ignored = {0};
	const char *nl;

	while (pl->mapped) {
		if (ent__source_map(pl->src, pl->map_pos, CHUNK, w,
			&ignored) != ENT_OK) {
			return stop_mapping(pl, err);
		}
		if (w->len == 0) {
			pl->eof = 1;
			return ENT_OK;
		}
		if (!pl->discarding) {
			break;
		}
		/* drop the rest of an overlong line */
		nl = memchr(w->data, '\n', w->len);
		pl->map_pos += nl ? (size_t)(nl + 1 - w->data) : w->len;
		pl->discarding = nl == NULL;
		ent__source_unmap(w);
	}
	if (!pl->mapped) {
		return ENT_OK; /* fill_slot reads the rest */
	}
	nl = w->data + w->len - 1;
	while (nl >= w->data && *nl != '\n') {
		nl--;
	}
	if (nl < w->data && w->len == CHUNK) {
		/* no end of line in a whole chunk */
		ent__source_unmap(w);
		s->overlong = 1;
		pl->map_pos += CHUNK;
		pl->discarding = 1;
		return ENT_OK;
	}
	s->data = w->data;
	if (w->at_end) {
		/* the rest of the file, its last line perhaps without '\n' */
		s->len = w->len;
		pl->eof = 1;
	} else {
		s->len = (size_t)(nl + 1 - w->data);
	}
	pl->map_pos += s->len;
	return ENT_OK;
}

/* Fill a slot with the next whole lines of the input (main thread). */
static ent_status fill_slot(pipeline *pl, slot *s, ent_error *err)
{
	size_t got;
	ent_status st;
	char *nl;

	ent__source_unmap(&s->win);
	s->len = 0;
	s->pos = 0;
	s->line_at_pos = 0;
	s->overlong = 0;
	s->n_recs = 0;
	if (pl->mapped) {
		if ((st = map_slot(pl, s, err)) != ENT_OK || pl->mapped) {
			return st;
		}
		/* mapping failed: read the same lines */
	}
	if (s->buf == NULL && (s->buf = pl->chunk == CHUNK ? buf_take(0) :
		malloc(pl->chunk + 1)) == NULL) {
		return ent__error_nomem(err);
	}
	s->data = s->buf;
	memcpy(s->buf, pl->carry, pl->carry_len);
	s->len = pl->carry_len;
	pl->carry_len = 0;
	while (s->len < pl->chunk && !pl->eof) {
		if ((st = ent__source_read(pl->src, s->buf + s->len,
			     pl->chunk - s->len, &got, err)) != ENT_OK) {
			return st;
		}
		if (got == 0) {
			pl->eof = 1;
			break;
		}
		if (pl->discarding) {
			/* drop the rest of an overlong line */
			nl = memchr(s->buf + s->len, '\n', got);
			if (nl == NULL) {
				continue;
			}
			pl->discarding = 0;
			got -= (size_t)(nl + 1 - (s->buf + s->len));
			memmove(s->buf + s->len, nl + 1, got);
		}
		s->len += got;
	}
	if (pl->eof && s->len > 0 && s->buf[s->len - 1] != '\n') {
		s->buf[s->len++] = '\n'; /* buf has chunk + 1 bytes */
	}
	if (s->len == 0) {
		return ENT_OK;
	}
	nl = s->buf + s->len - 1;
	while (nl >= s->buf && *nl != '\n') {
		nl--;
	}
	if (nl < s->buf) {
		/* no end of line in a whole chunk */
		s->overlong = 1;
		s->len = 0;
		pl->discarding = 1;
		return ENT_OK;
	}
	pl->carry_len = (size_t)(s->buf + s->len - (nl + 1));
	memcpy(pl->carry, nl + 1, pl->carry_len);
	s->len = (size_t)(nl + 1 - s->buf);
	return ENT_OK;
}

/* Make the string fields of an event of a read-only row from its spans:
 * copies, NUL-terminated, valid until the next event. */
static int event_text(pipeline *pl, ent__record *r)
{
	const char **field[ENT__TEXT_N];
	size_t k, need = 0;
	char *p;

	field[ENT__TEXT_ID] = &r->u.ev.id;
	field[ENT__TEXT_SOURCE] = &r->u.ev.source_text;
	field[ENT__TEXT_TARGET] = &r->u.ev.target_text;
	field[ENT__TEXT_DOC] = &r->u.ev.doc;
	for (k = 0; k < ENT__TEXT_N; k++) {
		need += r->text[k].len + 1;
	}
	pl->text.len = 0;
	if (ent__buf_grow(&pl->text, need) < 0) {
		return -1;
	}
	p = pl->text.data;
	for (k = 0; k < ENT__TEXT_N; k++) {
		if (r->text[k].s != NULL) {
			memcpy(p, r->text[k].s, r->text[k].len);
			p[r->text[k].len] = '\0';
			*field[k] = p;
			p += r->text[k].len + 1;
		}
	}
	return 0;
}

/* Hand the parsed records of a slot to the dataset (main thread). */
static ent_status consume_slot(pipeline *pl, slot *s, ent_error *err)
{
	const ent_read_options *o = pl->opts;
	ent_status st;
	size_t i;

	if (s->overlong) {
		ent_error row = {0};
		ent__error_set(&row, ENT_EPARSE, pl->path, pl->line_base, 1,
			"line longer than %zu bytes", CHUNK);
		if (o->strict) {
			if (err != NULL) {
				*err = row;
			}
			return ENT_EPARSE;
		}
		ent_dataset_count_skipped(pl->ds, 1);
		if (o->on_skip != NULL) {
			o->on_skip(&row, o->skip_payload);
		}
		return ENT_OK;
	}
	for (i = 0; i < s->n_recs; i++) {
		ent__record *r = &s->recs[i];
		long line = pl->line_base + r->line;

		switch (r->kind) {
		case ENT__ROW_EVENT:
			if (pl->need_text && event_text(pl, r) < 0) {
				return ent__error_nomem(err);
			}
			/* fall through */
		case ENT__ROW_DYAD:
			st = r->kind == ENT__ROW_EVENT
				? ent_dataset_add_event(pl->ds, &r->u.ev, err)
				: ent_dataset_add_dyad(pl->ds, &r->u.dy, err);
			if (st != ENT_OK) {
				/* the dataset does not know where the row is */
				if (err != NULL && err->source == NULL) {
					err->source = pl->path;
					err->line = line;
				}
				return st;
			}
			break;
		case ENT__ROW_BROKEN: {
			ent_error row = {0};
			ent__error_set(&row, ENT_EPARSE, pl->path, line,
				r->column, "%s", r->u.msg);
			if (o->strict) {
				if (err != NULL) {
					*err = row;
				}
				return ENT_EPARSE;
			}
			ent_dataset_count_skipped(pl->ds, 1);
			if (o->on_skip != NULL) {
				o->on_skip(&row, o->skip_payload);
			}
			break;
		}
		default:
			break;
		}
	}
	return ENT_OK;
}

static void report_progress(pipeline *pl)
{
	if (pl->opts->progress != NULL) {
		pl->opts->progress(ent__source_done(pl->src),
			ent__source_total(pl->src), pl->opts->progress_payload);
	}
}

static void *worker_main(void *arg)
{
	pipeline *pl = arg;

	pthread_mutex_lock(&pl->mu);
	for (;;) {
		slot *pick = NULL;
		size_t i;

		if (pl->stop) {
			break;
		}
		for (i = 0; i < pl->n_slots; i++) {
			slot *s = &pl->slots[i];
			if (s->state == SLOT_FILLED &&
				(pick == NULL || s->seq < pick->seq)) {
				pick = s;
			}
		}
		if (pick == NULL) {
			pthread_cond_wait(&pl->work_cv, &pl->mu);
			continue;
		}
		pick->state = SLOT_PARSING;
		pthread_mutex_unlock(&pl->mu);
		if (!pick->overlong) {
			parse_slot(pl->fmt, pick);
		}
		pthread_mutex_lock(&pl->mu);
		pick->state = SLOT_PARSED;
		pthread_cond_broadcast(&pl->done_cv);
	}
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

/* The single-threaded loop, for small inputs and one-CPU machines. */
static ent_status run_inline(pipeline *pl, slot *s, ent_error *err)
{
	ent_status st;

	for (;;) {
		if (s->pos >= s->len && !s->overlong) {
			if (pl->eof) {
				return ENT_OK;
			}
			if ((st = fill_slot(pl, s, err)) != ENT_OK) {
				return st;
			}
			report_progress(pl);
			if (s->len == 0 && !s->overlong) {
				continue;
			}
		}
		if (!s->overlong) {
			parse_slot(pl->fmt, s);
		}
		if ((st = consume_slot(pl, s, err)) != ENT_OK) {
			return st;
		}
		if (s->overlong) {
			pl->line_base++;
			s->overlong = 0;
		} else if (s->pos >= s->len) {
			pl->line_base += s->line_at_pos;
		} else {
			/* resume the same slot: records are relative to its
			 * start, so keep the base until it is done */
		}
	}
}

static ent_status run_threaded(pipeline *pl, ent_error *err)
{
	ent_status st = ENT_OK;
	size_t i;

	pthread_mutex_lock(&pl->mu);
	for (;;) {
		slot *free_slot = NULL, *next = NULL;
		int busy = 0;

		for (i = 0; i < pl->n_slots; i++) {
			slot *s = &pl->slots[i];
			if (s->state == SLOT_FREE) {
				if (free_slot == NULL) {
					free_slot = s;
				}
			} else {
				busy = 1;
				if (s->seq == pl->next_consume &&
					s->state == SLOT_PARSED) {
					next = s;
				}
			}
		}
		if (next != NULL) {
			pthread_mutex_unlock(&pl->mu);
			st = consume_slot(pl, next, err);
			if (next->overlong || next->pos >= next->len) {
				/* done with its lines: keep the mapped
				 * pages (they count as resident) bounded */
				ent__source_unmap(&next->win);
			}
			pthread_mutex_lock(&pl->mu);
			if (st != ENT_OK) {
				break;
			}
			if (next->overlong) {
				pl->line_base++;
			} else if (next->pos < next->len) {
				next->state = SLOT_FILLED; /* more records */
				pthread_cond_signal(&pl->work_cv);
				continue;
			} else {
				pl->line_base += next->line_at_pos;
			}
			next->state = SLOT_FREE;
			pl->next_consume++;
			continue;
		}
		if (free_slot != NULL && !pl->eof) {
			free_slot->state = SLOT_FILLING;
			pthread_mutex_unlock(&pl->mu);
			st = fill_slot(pl, free_slot, err);
			report_progress(pl);
			pthread_mutex_lock(&pl->mu);
			if (st != ENT_OK) {
				free_slot->state = SLOT_FREE;
				break;
			}
			if (free_slot->len == 0 && !free_slot->overlong) {
				free_slot->state = SLOT_FREE;
				continue;
			}
			free_slot->seq = pl->next_fill++;
			free_slot->state = SLOT_FILLED;
			pthread_cond_signal(&pl->work_cv);
			continue;
		}
		if (!busy && pl->eof) {
			break;
		}
		pthread_cond_wait(&pl->done_cv, &pl->mu);
	}
	pl->stop = 1;
	pthread_cond_broadcast(&pl->work_cv);
	pthread_mutex_unlock(&pl->mu);
	return st;
}

static size_t worker_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1) {
		n = 1;
	}
	return n > MAX_WORKERS ? MAX_WORKERS : (size_t)n;
}

/* A slot's records, and its buffer unless the file is mapped (fill_slot
 * makes one if mapping stops). The first slot, all a small input uses,
 * has ordinary blocks unless the input is known to be large: a huge page
 * is cleared whole at its first touch, 2 MiB for an input of a few
 * kilobytes; the others, made once the input is known to be large, are in
 * huge pages (`huge`). */
static int slot_alloc(pipeline *pl, slot *s, int huge)
{
	if (!pl->mapped) {
		s->buf = pl->chunk == CHUNK ? buf_take(huge)
					    : malloc(pl->chunk + 1);
	}
	/* records are parsed in passes over a slot, so any number will do:
	 * a few for an input in memory smaller than a chunk */
	s->rec_cap = pl->chunk < CHUNK ? SMALL_REC_CAP : REC_CAP;
	s->recs = pl->chunk == CHUNK ? recs_take(huge)
		: malloc(s->rec_cap * sizeof(*s->recs));
	return (pl->mapped || s->buf) && s->recs ? 0 : -1;
}

ent_status ent__rows_run(ent_dataset *ds, ent__source *src, const char *head,
	size_t len, long first_line, const ent__row_format *fmt,
	const char *path, const ent_read_options *opts, ent_error *err)
{
	pipeline *pl = NULL;
	ent_status st = ENT_OK;
	size_t i, workers;
	int sync_ready = 0;

	if (len > CHUNK) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent__rows_run: head too long");
	}
	pl = calloc(1, sizeof(*pl));
	if (pl == NULL) {
		return ent__error_nomem(err);
	}
	pl->fmt = fmt;
	pl->src = src;
	pl->path = path;
	pl->opts = opts;
	pl->ds = ds;
	pl->line_base = first_line;
	pl->chunk = CHUNK;
	if (ent__source_in_memory(src)) {
		uint64_t rest = ent__source_total(src) - ent__source_tell(src);
		if (len + rest + 1 < CHUNK) {
			pl->chunk = len + (size_t)rest + 1;
		}
	}
	/* the strings are copied only for a dataset that keeps events, or
	 * that dedupes them by document */
	pl->need_text = fmt->row_const != NULL &&
		(ent_dataset_events(ds) != NULL ||
			ent_dataset_options_get(ds)->dedupe);
	/* A format that does not write into its lines can parse them in a
	 * mapping of a plain file, without a copy. `head`, the bytes just
	 * read, is then read again where it lies in the file. */
	if (fmt->row_const != NULL && !opts->no_mmap &&
		ent__source_mappable(src) &&
		ent__source_tell(src) >= len) {
		pl->mapped = 1;
		pl->map_pos = ent__source_tell(src) - len;
	} else {
		pl->carry = pl->chunk == CHUNK ? buf_take(0)
					       : malloc(pl->chunk + 1);
		if (pl->carry == NULL) {
			st = ent__error_nomem(err);
			goto done;
		}
		memcpy(pl->carry, head, len);
		pl->carry_len = len;
	}
	pl->n_slots = 1;
	/* a file known to be larger than a chunk has all its slots in huge
	 * pages (a compressed one's size says nothing of its content) */
	if (slot_alloc(pl, &pl->slots[0], ent__source_compression(src) == NULL
		    && ent__source_total(src) > CHUNK) < 0) {
		st = ent__error_nomem(err);
		goto done;
	}

	/* The first chunk decides: a small input is parsed on this thread. */
	if ((st = fill_slot(pl, &pl->slots[0], err)) != ENT_OK) {
		goto done;
	}
	report_progress(pl);
	workers = worker_count();
	if (pl->eof || workers < 2) {
		st = run_inline(pl, &pl->slots[0], err);
		goto done;
	}
	pl->n_slots = 2 * workers + 2;
	for (i = 1; i < pl->n_slots; i++) {
		if (slot_alloc(pl, &pl->slots[i], 1) < 0) {
			st = ent__error_nomem(err);
			goto done;
		}
	}
	if (pthread_mutex_init(&pl->mu, NULL) != 0) {
		st = ent__error_nomem(err);
		goto done;
	}
	if (pthread_cond_init(&pl->work_cv, NULL) != 0) {
		pthread_mutex_destroy(&pl->mu);
		st = ent__error_nomem(err);
		goto done;
	}
	if (pthread_cond_init(&pl->done_cv, NULL) != 0) {
		pthread_cond_destroy(&pl->work_cv);
		pthread_mutex_destroy(&pl->mu);
		st = ent__error_nomem(err);
		goto done;
	}
	sync_ready = 1;
	pl->slots[0].seq = pl->next_fill++;
	pl->slots[0].state = pl->slots[0].len > 0 || pl->slots[0].overlong
		? SLOT_FILLED : SLOT_FREE;
	if (pl->slots[0].state == SLOT_FREE) {
		pl->next_fill = 0;
	}
	for (i = 0; i < workers; i++) {
		if (pthread_create(&pl->threads[i], NULL, worker_main, pl) != 0) {
			break;
		}
		pl->n_threads++;
	}
	if (pl->n_threads == 0) {
		st = ent__error_set(err, ENT_ERROR, path, 0, 0,
			"cannot start a reader thread");
		goto done;
	}
	st = run_threaded(pl, err);
done:
	if (sync_ready) {
		pthread_mutex_lock(&pl->mu);
		pl->stop = 1;
		pthread_cond_broadcast(&pl->work_cv);
		pthread_mutex_unlock(&pl->mu);
		for (i = 0; i < pl->n_threads; i++) {
			pthread_join(pl->threads[i], NULL);
		}
		pthread_cond_destroy(&pl->done_cv);
		pthread_cond_destroy(&pl->work_cv);
		pthread_mutex_destroy(&pl->mu);
	}
	for (i = 0; i < sizeof(pl->slots) / sizeof(*pl->slots); i++) {
		ent__source_unmap(&pl->slots[i].win);
		if (pl->chunk == CHUNK) {
			buf_give(pl->slots[i].buf);
			recs_give(pl->slots[i].recs);
		} else {
			free(pl->slots[i].buf);
			free(pl->slots[i].recs);
		}
	}
	if (pl->chunk == CHUNK) {
		buf_give(pl->carry);
	} else {
		free(pl->carry);
	}
	ent__buf_free(&pl->text);
	free(pl);
	return st;
}
