/* SPDX-License-Identifier: MIT */
/*
 * Standalone driver: replays corpus files through a fuzz target's
 * LLVMFuzzerTestOneInput without libFuzzer, so the checked-in corpora run as
 * an ordinary test on every build (any compiler, any sanitizer).
 *
 * usage: replay_<target> PATH...   (a PATH is a file or a corpus folder)
 * Exit 0 when every input ran; a crash or failed check aborts. An empty
 * corpus is an error, so the test cannot pass by replaying nothing.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t len = 0, cap = 0, n;

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	for (;;) {
		if (len == cap) {
			unsigned char *p;
			cap = cap ? cap * 2 : 4096;
			p = realloc(data, cap);
			if (p == NULL) {
				free(data);
				fclose(fp);
				fprintf(stderr, "%s: out of memory\n", path);
				return -1;
			}
			data = p;
		}
		n = fread(data + len, 1, cap - len, fp);
		if (n == 0) {
			break;
		}
		len += n;
	}
	if (ferror(fp)) {
		perror(path);
		free(data);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	/* an exact-size copy, as libFuzzer hands inputs over */
	{
		unsigned char *exact = malloc(len ? len : 1);
		if (exact == NULL) {
			free(data);
			return -1;
		}
		if (len > 0) {
			memcpy(exact, data, len);
		}
		free(data);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int replay(const char *path, long *count)
{
	struct stat sb;
	struct dirent **names = NULL;
	int i, n, rc = 0;

	if (stat(path, &sb) != 0) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		if (replay_file(path) != 0) {
			return -1;
		}
		(*count)++;
		return 0;
	}
	n = scandir(path, &names, NULL, by_name);
	if (n < 0) {
		perror(path);
		return -1;
	}
	for (i = 0; i < n; i++) {
		char *child;
		if (rc == 0 && names[i]->d_name[0] != '.') {
			child = malloc(
				strlen(path) + strlen(names[i]->d_name) + 2);
			if (child == NULL) {
				rc = -1;
			} else {
				sprintf(child, "%s/%s", path, names[i]->d_name);
				rc = replay(child, count);
				free(child);
			}
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	long count = 0;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (replay(argv[i], &count) != 0) {
			return 1;
		}
	}
	if (count == 0) {
		fprintf(stderr, "%s: no inputs found: the corpus is empty\n",
			argv[0]);
		return 1;
	}
	printf("replayed %ld inputs without a failure\n", count);
	return 0;
}
