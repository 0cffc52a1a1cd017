/* SPDX-License-Identifier: MIT */
/*
 * Word classes (src/lib/lexicon/words.tsv): the function words,
 * abbreviations, date words and names the extractor's rules look at. The
 * rules name a class; the table says which words are in it. It is parsed
 * once per process, on first use, because sentence splitting and
 * document dates use it without an extractor.
 *
 * words.tsv: WORD <TAB> CLASS [<TAB> VALUE]; WORD is matched without
 * regard to case and may be several words for the name classes.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

#define WORDS_FILE "words.tsv"

/* Class names of words.tsv and the bits they set. */
static const struct {
	const char *name;
	uint32_t grammar; /* EXW_* */
	uint32_t extra;   /* EXL_* */
} classes[] = {
	{"be", EXW_BE, 0},
	{"neg", EXW_NEG, 0},
	{"hedge", EXW_HEDGE, 0},
	{"future", EXW_FUTURE, 0},
	{"prep", EXW_PREP, 0},
	{"with", EXW_WITH, 0},
	{"that", EXW_THAT, 0},
	{"according", EXW_ACCORDING, 0},
	{"of", EXW_OF, 0},
	{"aux", EXW_AUX, 0},
	{"in", EXW_IN, 0},
	{"quant", EXW_QUANT, 0},
	{"participle", EXW_PARTICIPLE, 0},
	{"target-prep", EXW_TPREP, 0},
	{"from", EXW_FROM, 0},
	{"by", EXW_BY, 0},
	{"to", EXW_TO, 0},
	{"and", EXW_AND, 0},
	{"clause", EXW_CLAUSE, 0},
	{"condition", EXW_COND, 0},
	{"relative", EXW_REL, 0},
	{"speech", EXW_SPEECH, 0},
	{"reciprocal", EXW_RECIP, 0},
	{"determiner", EXW_DET, 0},
	{"between", EXW_BETWEEN, 0},
	{"title", EXW_TITLE, 0},
	{"calendar", EXW_CALENDAR, 0},
	{"adverb", EXW_ADVERB, 0},
	{"one", EXW_ONE, 0},
	{"other", EXW_OTHER, 0},
	{"abbreviation", 0, EXL_ABBREVIATION},
	{"starter", 0, EXL_STARTER},
	{"month", 0, EXL_MONTH},
	{"weekday", 0, EXL_WEEKDAY},
	{"date-label", 0, EXL_DATE_LABEL},
	{"ambiguous-name", 0, EXL_AMBIGUOUS_NAME},
	{"comma-name", 0, EXL_COMMA_NAME},
	{"people", 0, EXL_PEOPLE},
	{"free-relative", 0, EXL_FREE_RELATIVE},
	{"naming", 0, EXL_NAMING},
	{"object-prep", 0, EXL_OBJECT_PREP},
	{"agent-mark", 0, EXL_AGENT_MARK},
	{"backdrop", 0, EXL_BACKDROP},
	{"possessive", 0, EXL_POSSESSIVE},
	{"unless", 0, EXL_UNLESS},
	{"prefix", 0, EXL_PREFIX},
	{"purpose", 0, EXL_PURPOSE},
	{"date-word", 0, EXL_DATE_WORD},
	{"direction", 0, EXL_DIRECTION},
	{"carrier", 0, EXL_CARRIER},
	{"existential", 0, EXL_EXISTENTIAL},
};

static struct {
	ent_status status;
	ent_error error;
	ex_wordclass *entries;
	size_t n, cap;
	ex_map index; /* word hash -> entry */
} table;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static ent_status fail(long line, long column, const char *what)
{
	table.status = ENT_EPARSE;
	return ent__error_set(
		&table.error, ENT_EPARSE, WORDS_FILE, line, column, "%s", what);
}

/* The entry of the word hash `key`, added when new; NULL when out of
 * memory. */
static ex_wordclass *entry(uint64_t key)
{
	int32_t i = ex_map_get(&table.index, key);

	if (i >= 0) {
		return &table.entries[i];
	}
	if (table.n == table.cap) {
		size_t cap = table.cap ? table.cap * 2 : 512;
		ex_wordclass *ne = realloc(table.entries, cap * sizeof(*ne));

		if (ne == NULL) {
			return NULL;
		}
		table.entries = ne;
		table.cap = cap;
	}
	if (ex_map_put(&table.index, key, (int32_t)table.n) != 0) {
		return NULL;
	}
	memset(&table.entries[table.n], 0, sizeof(ex_wordclass));
	return &table.entries[table.n++];
}

/* One line: WORD, CLASS and an optional VALUE (a small number). */
static ent_status parse_line(const char *s, const char *e, long line)
{
	const char *t1 = memchr(s, '\t', (size_t)(e - s)), *t2, *ce;
	size_t k;
	long value = 0;
	ex_wordclass *w;

	if (t1 == NULL || t1 == s) {
		return fail(line, 1, "expected WORD <TAB> CLASS [<TAB> VALUE]");
	}
	t2 = memchr(t1 + 1, '\t', (size_t)(e - t1 - 1));
	ce = t2 ? t2 : e;
	for (k = 0; k < sizeof(classes) / sizeof(classes[0]); k++) {
		if (strlen(classes[k].name) == (size_t)(ce - t1 - 1) &&
			memcmp(classes[k].name, t1 + 1,
				(size_t)(ce - t1 - 1)) == 0) {
			break;
		}
	}
	if (k == sizeof(classes) / sizeof(classes[0])) {
		return fail(line, (long)(t1 - s) + 2, "unknown word class");
	}
	if (t2 != NULL) {
		const char *p;

		for (p = t2 + 1; p < e; p++) {
			if (*p < '0' || *p > '9' || value > 9999) {
				return fail(line, (long)(t2 - s) + 2,
					"a value must be a number");
			}
			value = value * 10 + (*p - '0');
		}
	}
	if ((w = entry(ex_hash_lower(s, (size_t)(t1 - s)))) == NULL) {
		table.status = ENT_ENOMEM;
		return ent__error_nomem(&table.error);
	}
	w->grammar |= classes[k].grammar;
	w->extra |= classes[k].extra;
	if (t2 != NULL) {
		w->value = (uint16_t)value;
	}
	return ENT_OK;
}

static void load(void)
{
	const ent__lexicon_file *f = ent__lexicon_find(WORDS_FILE);
	const char *p, *end;
	long line = 0;

	table.status = ENT_OK;
	if (f == NULL) {
		table.status =
			ent__error_set(&table.error, ENT_ERROR, WORDS_FILE, 0,
				0, "the word classes are not compiled in");
		return;
	}
	p = (const char *)f->data;
	end = p + f->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;

		line++;
		if (e > p && e[-1] == '\r') {
			e--;
		}
		if (e > p && *p != '#' && parse_line(p, e, line) != ENT_OK) {
			return;
		}
		p = nl ? nl + 1 : end;
	}
}

ent_status ex_words_check(ent_error *err)
{
	pthread_once(&once, load);
	if (table.status != ENT_OK && err != NULL) {
		*err = table.error;
	}
	return table.status;
}

const ex_wordclass *ex_word_classes(const char *s, size_t n)
{
	int32_t i;

	pthread_once(&once, load);
	if (table.status != ENT_OK || n == 0) {
		return NULL;
	}
	i = ex_map_get(&table.index, ex_hash_lower(s, n));
	return i < 0 ? NULL : &table.entries[i];
}
