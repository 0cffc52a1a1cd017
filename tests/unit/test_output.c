/* SPDX-License-Identifier: MIT */
/*
 * Atomic output (ent_output) and whole-file reads (ent_read_file): a
 * committed output replaces the target; an aborted or failed one leaves an
 * earlier file byte for byte as it was and no temporary file behind.
 */
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <entente/entente.h>

#include "tap.h"

static char dir[] = "/tmp/entente-output-XXXXXX";

static const char *at(const char *name)
{
	static char buf[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", dir, name);
	return buf[k];
}

/* Entries of the test folder, "." and ".." left out. */
static int entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)) != NULL) {
		n += strcmp(e->d_name, ".") != 0 &&
			strcmp(e->d_name, "..") != 0;
	}
	if (d) {
		closedir(d);
	}
	return n;
}

static void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
}

static char content[65536];

static const char *get(const char *path)
{
	FILE *fp = fopen(path, "r");
	size_t n;

	if (fp == NULL) {
		return "(missing)";
	}
	n = fread(content, 1, sizeof(content) - 1, fp);
	content[n] = '\0';
	fclose(fp);
	return content;
}

static void remove_all(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] != '.') {
			const char *p = at(e->d_name);
			if (unlink(p) != 0) {
				rmdir(p);
			}
		}
	}
	if (d) {
		closedir(d);
	}
	rmdir(dir);
}

int main(void)
{
	ent_output *o = NULL;
	ent_error err = {0};
	ent_status st;
	const char *path;
	char *buf = NULL;
	size_t len = 0;

	if (mkdtemp(dir) == NULL) {
		printf("1..0 # SKIP cannot make a temporary folder\n");
		return 0;
	}

	/* commit */
	path = at("a.txt");
	ok(ent_output_open(&o, path, &err) == ENT_OK && o != NULL, "open");
	fputs("hello\n", ent_output_stream(o));
	is_str(get(path), "(missing)", "nothing at the target before commit");
	ok(entries() == 1, "one temporary file beside the target");
	ok(ent_output_commit(o, &err) == ENT_OK, "commit");
	is_str(get(path), "hello\n", "committed content in place");
	ok(entries() == 1, "no temporary file left after commit");

	/* abort keeps an earlier file */
	put(path, "earlier\n");
	ok(ent_output_open(&o, path, &err) == ENT_OK,
		"open over an earlier file");
	fputs("half a report", ent_output_stream(o));
	ent_output_abort(o);
	is_str(get(path), "earlier\n",
		"abort leaves the earlier file untouched");
	ok(entries() == 1, "abort removes the temporary file");
	ent_output_abort(NULL);
	ok(1, "abort accepts NULL");

	/* a rename that fails: the target is a folder */
	ok(mkdir(at("sub"), 0755) == 0, "make a folder");
	path = at("sub");
	ok(ent_output_open(&o, path, &err) == ENT_OK, "open a folder's name");
	fputs("x", ent_output_stream(o));
	st = ent_output_commit(o, &err);
	ok(st == ENT_EIO, "commit onto a folder fails with ENT_EIO");
	ok(err.source == path, "the error names the caller's path (borrowed)");
	is_str(err.message, "cannot replace output file: Is a directory",
		"message");
	ok(entries() == 2, "no temporary file left after a failed commit");

	/* a folder that does not exist */
	o = (ent_output *)&err; /* must be reset to NULL */
	st = ent_output_open(&o, at("missing/x.txt"), &err);
	ok(st == ENT_EIO && o == NULL, "missing folder: ENT_EIO, *out NULL");
	is_str(err.message,
		"cannot create output file: No such file or directory",
		"message");

	/* writing fails half-way (file size limit): earlier file kept */
	{
		struct rlimit old, lim;
		char big[8192];
		path = at("a.txt");
		put(path, "earlier\n");
		memset(big, 'x', sizeof(big));
		getrlimit(RLIMIT_FSIZE, &old);
		lim = old;
		lim.rlim_cur = 1000;
		signal(SIGXFSZ, SIG_IGN);
		ok(setrlimit(RLIMIT_FSIZE, &lim) == 0,
			"limit file size to 1000 bytes");
		ok(ent_output_open(&o, path, &err) == ENT_OK, "open");
		fwrite(big, 1, sizeof(big), ent_output_stream(o));
		st = ent_output_commit(o, &err);
		setrlimit(RLIMIT_FSIZE, &old);
		ok(st == ENT_EIO, "a write beyond the limit fails the commit");
		is_str(err.message, "cannot write output file: File too large",
			"message");
		is_str(get(path), "earlier\n", "the earlier file is untouched");
		ok(entries() == 2, "no temporary file left");
	}

	/* a symbolic link: the file it names is replaced, the link stays;
	 * the replaced file keeps its mode */
	{
		struct stat sb;
		char target[64];
		ssize_t n;

		put(at("real.txt"), "earlier\n");
		chmod(at("real.txt"), 0600);
		ok(symlink("real.txt", at("link.txt")) == 0, "make a link");
		ok(ent_output_open(&o, at("link.txt"), &err) == ENT_OK &&
				ent_output_commit((fputs("new\n",
					ent_output_stream(o)), o), &err) ==
					ENT_OK,
			"write through the link");
		n = readlink(at("link.txt"), target, sizeof(target) - 1);
		target[n < 0 ? 0 : n] = '\0';
		is_str(target, "real.txt", "the link is still a link");
		is_str(get(at("real.txt")), "new\n",
			"the file it names is replaced");
		ok(stat(at("real.txt"), &sb) == 0 &&
				(sb.st_mode & 07777) == 0600,
			"the replaced file keeps its mode 0600");
		unlink(at("link.txt"));
		unlink(at("real.txt"));
	}

	/* a FIFO is written in place, not replaced */
	{
		struct stat sb;
		FILE *rd;
		char line[16] = "";
		int before;


		ok(mkfifo(at("fifo"), 0600) == 0, "make a FIFO");
		before = entries();
		/* a reader first, so that opening it for writing does not
		 * wait */
		rd = fopen(at("fifo"), "r+");
		ok(ent_output_open(&o, at("fifo"), &err) == ENT_OK,
			"open a FIFO");
		ok(entries() == before, "no temporary file for a FIFO");
		fputs("through\n", ent_output_stream(o));
		ok(ent_output_commit(o, &err) == ENT_OK, "commit a FIFO");
		ok(rd != NULL && fgets(line, sizeof(line), rd) != NULL,
			"read from the FIFO");
		is_str(line, "through\n", "the reader gets the output");
		ok(stat(at("fifo"), &sb) == 0 && S_ISFIFO(sb.st_mode),
			"the FIFO is still a FIFO");
		if (rd) {
			fclose(rd);
		}
		unlink(at("fifo"));
	}

	/* standard output */
	ok(ent_output_open(&o, "-", &err) == ENT_OK &&
			ent_output_stream(o) == stdout,
		"\"-\" writes standard output");
	ok(ent_output_commit(o, &err) == ENT_OK, "commit standard output");

	/* ent_read_file */
	{
		char text[1000];
		memset(text, 'a', sizeof(text) - 1);
		text[sizeof(text) - 1] = '\0';
		put(at("r.txt"), text);
	}
	st = ent_read_file(&buf, &len, at("r.txt"), 100, &err);
	ok(st == ENT_ELIMIT && buf == NULL,
		"a file over the limit: ENT_ELIMIT");
	is_str(err.message, "larger than the limit of 100 bytes", "message");
	st = ent_read_file(&buf, &len, at("r.txt"), 0, &err);
	ok(st == ENT_OK && len == 999 && buf[999] == '\0',
		"no limit: whole file, NUL-terminated");
	ent_free(buf);
	buf = NULL;
	st = ent_read_file(&buf, &len, at("sub"), 0, &err);
	ok(st == ENT_EIO && buf == NULL, "a folder is not read");
	is_str(err.message, "is a directory, not a file", "message");
	put(at("empty"), "");
	st = ent_read_file(&buf, &len, at("empty"), 0, &err);
	ok(st == ENT_OK && len == 0 && buf != NULL && buf[0] == '\0',
		"an empty file reads as an empty string");
	ent_free(buf);

	remove_all();
	return done_testing();
}
