/* SPDX-License-Identifier: MIT */
/*
 * People named with their state. News introduces a leader once with a
 * title and a state ("President Hakainde Hichilema of Zambia", "Zambia's
 * President Hakainde Hichilema", "Stanley Kakubo, the Zambian foreign
 * minister") and then writes the surname alone ("Hichilema said", "Mr
 * Hichilema", "Hichilema's government"). The document remembers each such
 * person, so that the bare surname later in the same document stands for
 * the state; a new document forgets them all.
 *
 * Only a name of two or more capitalised words is learned, and only
 * right after a title (words.tsv classes title and office) tied to a
 * state, or in apposition to one ("X Y, the Zambian foreign minister").
 * A surname that is a word the dictionaries know (an actor, a place, a
 * function word, an event or head word) is never taken over, nor one the
 * document also writes in small letters ("Young", "young"). Two people
 * of one surname and different states make it ambiguous: it then stands
 * for nobody. The first word of a sentence is not a name by itself.
 *
 * Learning looks at a bounded window around each state mention and
 * resolving is one hash lookup per capitalised word, so the time per
 * sentence stays linear in its length.
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

/* Words of a title before or after a name ("Deputy Foreign Minister"). */
#define WIN_TITLE_WORDS 4
/* Capitalised words of a person's name; a longer run of capitals is a
 * title or a headline, not a name. A name with a lower-case particle
 * ("da Silva") is learned from the words after the particle. */
#define WIN_NAME_WORDS 4
/* People one document remembers: bounded memory on huge inputs. */
#define MAX_PEOPLE 512

typedef struct person {
	uint64_t given; /* the word before the surname in the learned name */
	char code[ENT_CODE_SIZE];
	int ambiguous; /* two people of different states share the surname,
			  or the document writes it in small letters */
} person;

struct ex_people {
	ex_map by_surname; /* surname word hash -> person index */
	person *p;
	size_t n, cap;
};

void ex_people_forget(ent_extractor *ex)
{
	struct ex_people *pp = ex->people;

	if (pp != NULL && pp->n > 0) {
		ex_map_clear(&pp->by_surname);
		pp->n = 0;
	}
}

void ex_people_free(ent_extractor *ex)
{
	struct ex_people *pp = ex->people;

	if (pp != NULL) {
		ex_map_free(&pp->by_surname);
		free(pp->p);
		free(pp);
		ex->people = NULL;
	}
}

/* -- what a name is ------------------------------------------------------ */

static int is_title(const ex_token *t)
{
	return t->kind == EXT_WORD && (wflags(t) & EXW_TITLE);
}

/* A word of a title: a title ("minister", "President") or a word of an
 * office before one ("foreign", "Deputy", "Prime"). */
static int is_title_word(const ex_token *t)
{
	return is_title(t) ||
		(t->kind == EXT_WORD && t->w != NULL && t->w->cls != NULL &&
			(t->w->cls->extra & EXL_OFFICE));
}

/* A word that may be part of a person's name: capitalised, not all
 * capitals unless an initial ("George W. Bush"), and no function word or
 * title. A given name may begin an actor's name ("John" of "John
 * Kerry"): the runs below take it only where no actor was read. */
static int is_name_word(const ex_token *t)
{
	if (t->kind != EXT_WORD || t->w == NULL || !(t->tflags & EXTF_CAP) ||
		(t->tflags & EXTF_POSS)) {
		return 0;
	}
	if ((t->tflags & EXTF_UPPER) && t->end - t->start > 1) {
		return 0;
	}
	return t->w->flags == 0 && t->w->cls == NULL;
}

/* A word that may be a surname to remember: a name word that is no
 * initial and no word the dictionaries know (an actor or a place, an
 * event or head word). */
static int is_surname(const ex_token *t)
{
	return is_name_word(t) && !(t->tflags & EXTF_UPPER) &&
		t->w->actors < 0 && t->w->verbs < 0 && t->w->head < 0;
}

/* A word of a name in this sentence: a name word no actor was read in. */
static int in_name(const scratch *s, const ex_token *tk, long k)
{
	return is_name_word(&tk[k]) && s->mention_at[k] < 0;
}

/* The end of a name run starting at a (one past its last word), with
 * *words its capitalised words (initials and the "." after them
 * included); a when there is none. */
static long name_run_after(const scratch *s, const ex_token *tk, long n, long a)
{
	long k = a;
	int words = 0;

	while (k < n && words < WIN_NAME_WORDS + 1 && in_name(s, tk, k)) {
		step(s);
		words++;
		k++;
		/* the full stop of an initial: "George W. Bush" */
		if (k < n && (tk[k - 1].tflags & EXTF_UPPER) &&
			is_punct(&tk[k], '.')) {
			k++;
		}
	}
	return words > WIN_NAME_WORDS ? a : k;
}

/* The start of a name run ending just before b (its first word), b when
 * there is none. */
static long name_run_before(const scratch *s, const ex_token *tk, long b)
{
	long k = b;
	int words = 0;

	while (k > s->first && words < WIN_NAME_WORDS + 1) {
		step(s);
		if (is_punct(&tk[k - 1], '.') && k - 2 >= s->first &&
			(tk[k - 2].tflags & EXTF_UPPER) && in_name(s, tk, k - 2)) {
			k -= 2;
		} else if (in_name(s, tk, k - 1)) {
			k--;
		} else {
			break;
		}
		words++;
	}
	return words > WIN_NAME_WORDS ? b : k;
}

/* Is [a, b) a name to learn: two words or more, the last a surname? A
 * single capitalised word is not enough: it may be any word at the start
 * of a sentence or a headline. */
static int learnable(const ex_token *tk, long a, long b)
{
	long k;
	int words = 0;

	if (b <= a || !is_surname(&tk[b - 1])) {
		return 0;
	}
	for (k = a; k < b; k++) {
		if (tk[k].kind == EXT_WORD) {
			words++;
		}
	}
	return words >= 2;
}

/* -- remembering --------------------------------------------------------- */

/* Remember the person [a, b) as `code`. 0, or -1 when out of memory. */
static int remember(struct ex_people *pp, const ex_token *tk, long a, long b,
	const char *code)
{
	uint64_t surname = tk[b - 1].key;
	int32_t at = ex_map_get(&pp->by_surname, surname);
	long g = b - 2;
	person *p;

	if (at >= 0) {
		p = &pp->p[at];
		if (!same_state(p->code, code)) {
			p->ambiguous = 1;
		}
		return 0;
	}
	if (pp->n >= MAX_PEOPLE) {
		return 0;
	}
	if (ex_grow((void **)&pp->p, &pp->cap, pp->n + 1, sizeof(person)) ||
		ex_map_put(&pp->by_surname, surname, (int32_t)pp->n) != 0) {
		return -1;
	}
	p = &pp->p[pp->n++];
	memset(p, 0, sizeof(*p));
	while (g > a && tk[g].kind != EXT_WORD) {
		g--;
	}
	p->given = tk[g].key;
	copy_code(p->code, code, ENT_CODE_SIZE);
	return 0;
}

/* The code of a person with the title ending at token t of a state
 * `code`: the state with the sector of the title's head noun ("President"
 * -> GOV), else the mention's code. */
static void person_code(const ent_extractor *ex, const ex_token *t,
	const char *code, char out[ENT_CODE_SIZE])
{
	copy_code(out, code, ENT_CODE_SIZE);
	if (strlen(out) == 3 && t->w != NULL && t->w->head >= 0 &&
		ex->heads[t->w->head].sector[0] != '\0') {
		copy_code(out + 3, ex->heads[t->w->head].sector,
			ENT_CODE_SIZE - 3);
	}
}

/* The end of a title run starting at a whose last word is a title; a
 * when there is none. */
static long title_run_after(const scratch *s, const ex_token *tk, long n, long a)
{
	long k, end = a;

	for (k = a; k < n && k < a + WIN_TITLE_WORDS && is_title_word(&tk[k]);
		k++) {
		step(s);
		if (is_title(&tk[k])) {
			end = k + 1;
		}
	}
	return end;
}

/* The start of a title run ending just before b, b when there is none. */
static long title_run_before(const scratch *s, const ex_token *tk, long b)
{
	long k = b;

	if (b <= s->first || !is_title(&tk[b - 1])) {
		return b;
	}
	while (k > s->first && k > b - WIN_TITLE_WORDS &&
		is_title_word(&tk[k - 1])) {
		step(s);
		k--;
	}
	return k;
}

/* A name in apposition before the office [a, ...): "X Y, the Zambian
 * foreign minister," / "X Y, Zambia's president". */
static int learn_apposed(const ent_extractor *ex, scratch *s,
	const ex_token *tk, long a, const char *code)
{
	long c = a, b;

	if (c > s->first && (wflags(&tk[c - 1]) & EXW_DET)) {
		c--;
	}
	if (c <= s->first || !is_punct(&tk[c - 1], ',')) {
		return 0;
	}
	b = name_run_before(s, tk, c - 1);
	if (!learnable(tk, b, c - 1)) {
		return 0;
	}
	return remember(ex->people, tk, b, c - 1, code);
}

/* Learn the people named with the state of mention m. 0, or -1 when out
 * of memory. */
static int learn_around(
	const ent_extractor *ex, scratch *s, const ex_token *tk, long n, long mi)
{
	const mention *m = &s->m[mi];
	char code[ENT_CODE_SIZE];
	long k = m->t1, e, a;

	/* "Zambian President X Y", "X Y, the Zambian foreign minister" */
	if (m->t1 - m->t0 >= 2 && is_title(&tk[m->t1 - 1])) {
		person_code(ex, &tk[m->t1 - 1], m->code, code);
		e = name_run_after(s, tk, n, m->t1);
		if (learnable(tk, m->t1, e) &&
			remember(ex->people, tk, m->t1, e, code) != 0) {
			return -1;
		}
		return learn_apposed(ex, s, tk, m->t0, code);
	}
	/* "Zambia's President X Y", "X Y, Zambia's foreign minister" */
	if (k < n && (tk[k].tflags & EXTF_POSS)) {
		k++;
	}
	if (k > m->t1 && (e = title_run_after(s, tk, n, k)) > k) {
		person_code(ex, &tk[e - 1], m->code, code);
		a = name_run_after(s, tk, n, e);
		if (learnable(tk, e, a) &&
			remember(ex->people, tk, e, a, code) != 0) {
			return -1;
		}
		return learn_apposed(ex, s, tk, m->t0, code);
	}
	/* "President X Y of Zambia", "X Y, the president of Zambia" */
	if (m->t0 - 1 > s->first && (wflags(&tk[m->t0 - 1]) & EXW_OF)) {
		long of = m->t0 - 1, t;

		if ((t = title_run_before(s, tk, of)) < of) {
			person_code(ex, &tk[of - 1], m->code, code);
			return learn_apposed(ex, s, tk, t, code);
		}
		a = name_run_before(s, tk, of);
		if (!learnable(tk, a, of) ||
			(t = title_run_before(s, tk, a)) == a) {
			return 0;
		}
		person_code(ex, &tk[a - 1], m->code, code);
		return remember(ex->people, tk, a, of, code);
	}
	return 0;
}

/* A surname the document also writes in small letters is a common word
 * ("President Joseph Young ... young people"): it stands for nobody.
 * Returns 1 when a surname became so. */
static int small_letters(
	struct ex_people *pp, const scratch *s, const ex_token *tk, long n)
{
	long k;
	int changed = 0;

	for (k = 0; k < n; k++) {
		int32_t at;

		if (tk[k].kind != EXT_WORD || (tk[k].tflags & EXTF_CAP)) {
			continue;
		}
		step(s);
		at = ex_map_get(&pp->by_surname, tk[k].key);
		if (at >= 0 && !pp->p[at].ambiguous) {
			pp->p[at].ambiguous = 1;
			changed = 1;
		}
	}
	return changed;
}

int ex_people_learn(ent_extractor *ex, scratch *s, const ex_token *tk, long n)
{
	size_t mi, before;

	if (ex->people == NULL &&
		(ex->people = calloc(1, sizeof(struct ex_people))) == NULL) {
		return -1;
	}
	before = ex->people->n;
	for (mi = 0; mi < s->n_m; mi++) {
		const mention *m = &s->m[mi];

		if (m->type == EXA_STATE && strlen(m->code) >= 3 &&
			learn_around(ex, s, tk, n, (long)mi) != 0) {
			return -1;
		}
	}
	if (ex->people->n == 0) {
		return 0;
	}
	return small_letters(ex->people, s, tk, n) || ex->people->n > before;
}

/* -- resolving ----------------------------------------------------------- */

int ex_person_known(const ent_extractor *ex, const ex_token *t)
{
	/* in any case: a sentence writing a surname in small letters is
	 * read, so that the word is known to be a common one */
	return ex->people != NULL && ex->people->n > 0 &&
		t->kind == EXT_WORD &&
		ex_map_get(&ex->people->by_surname, t->key) >= 0;
}

int ex_person_at(const ent_extractor *ex, const ex_token *tk, long n, long i,
	long *t0, char code[ENT_CODE_SIZE])
{
	const person *p;
	int32_t at;

	if (!ex_person_known(ex, &tk[i]) || !is_surname(&tk[i])) {
		return 0;
	}
	at = ex_map_get(&ex->people->by_surname, tk[i].key);
	p = &ex->people->p[at];
	if (p->ambiguous) {
		return 0;
	}
	/* "Hichilema Street", "Edgar Hichilema": another name */
	if (i + 1 < n && is_name_word(&tk[i + 1])) {
		return 0;
	}
	*t0 = i;
	if (i > 0 && is_name_word(&tk[i - 1])) {
		if (tk[i - 1].key != p->given) {
			return 0;
		}
		*t0 = i - 1; /* the name in full: "Hakainde Hichilema" */
	}
	copy_code(code, p->code, ENT_CODE_SIZE);
	return 1;
}
