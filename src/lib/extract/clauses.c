/* SPDX-License-Identifier: MIT */
/*
 * Clauses: every token gets a clause number, so that the subject and the
 * target of an event are sought in its own clause. A clause starts at ";",
 * ":", a bracket, a clause word ("while", "but", "after"), a relative
 * pronoun after a comma, "that" before an auxiliary ("a helicopter that
 * was captured"), or ", and" before a new subject and verb. Attribution
 * tails (", X said ...", "according to X") get a clause of their own and
 * are marked, so their speaker is never the actor of the event; hedging
 * words and reciprocal markers are marked for modality().
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

/* After ", and": does a new subject and verb follow ("..., and China has
 * invited Russia") rather than the last item of a list ("Iran, Libya, and
 * Cuba")? */
static int new_clause_after(const ex_token *tk, long n, long k)
{
	long j;

	if (k >= n || !(tk[k].tflags & EXTF_CAP)) {
		return 0;
	}
	/* "The US, Russia, and Switzerland met": a capitalised word before
	 * the comma makes it a list of names */
	if (k >= 3 && (tk[k - 3].tflags & EXTF_CAP)) {
		return 0;
	}
	for (j = k + 1; j < n && j <= k + WIN_NEW_CLAUSE; j++) {
		uint32_t f = tk[j].w ? tk[j].w->flags : 0;

		if (tk[j].kind == EXT_PUNCT && !(tk[j].tflags & EXTF_POSS)) {
			return 0;
		}
		if ((f & (EXW_BE | EXW_FUTURE | EXW_AUX)) ||
			(tk[j].w && tk[j].w->verbs >= 0 &&
				!(tk[j].tflags & EXTF_CAP))) {
			return 1;
		}
	}
	return 0;
}

/* -- clauses ------------------------------------------------------------ */

/* Is token i a dash (ASCII " - " or an en or em dash)? */
static int is_dash(const ex_token *t)
{
	return t->kind == EXT_PUNCT &&
		(t->punct == '-' ||
			(t->punct == ';' && t->end - t->start == 3));
}

/* Mark the dashes around a parenthetical list ("other members - Belarus,
 * Armenia and Kyrgyzstan - have sent"): a short span with no verb, which
 * does not start a clause. */
static void mark_parentheses(scratch *s, const ex_token *tk, long n)
{
	long i, j;

	for (i = 0; i < n; i++) {
		s->attrib[i] = 0;
	}
	for (i = 0; i < n; i++) {
		if (!is_dash(&tk[i])) {
			continue;
		}
		for (j = i + 1; j < n && j <= i + WIN_PARENTHESIS; j++) {
			uint32_t f = wflags(&tk[j]);

			if (is_dash(&tk[j])) {
				s->attrib[i] |= TOK_PAREN;
				s->attrib[j] |= TOK_PAREN;
				break;
			}
			if ((tk[j].kind == EXT_PUNCT &&
				    !is_punct(&tk[j], ',') &&
				    !(tk[j].tflags & EXTF_POSS)) ||
				(f &
					(EXW_BE | EXW_AUX | EXW_FUTURE |
						EXW_SPEECH | EXW_CLAUSE |
						EXW_THAT)) ||
				(tk[j].w != NULL && tk[j].w->verbs >= 0 &&
					!(tk[j].tflags & EXTF_CAP))) {
				break;
			}
		}
		i = j < n && is_dash(&tk[j]) ? j : i;
	}
}

/* The closing comma of an appositive opened by the comma at token i: a
 * short span with a common noun and no verb ("a key U.S. ally"); -1 when
 * there is none. */
static long appositive_end(const ex_token *tk, long n, long i)
{
	long k;
	int noun = 0;

	for (k = i + 2; k < n && k <= i + WIN_APPOSITION; k++) {
		uint32_t f = wflags(&tk[k]);

		if (is_punct(&tk[k], ',')) {
			return noun ? k : -1;
		}
		if ((tk[k].kind == EXT_PUNCT && !(tk[k].tflags & EXTF_POSS)) ||
			(f &
				(EXW_BE | EXW_AUX | EXW_FUTURE | EXW_SPEECH |
					EXW_CLAUSE | EXW_REL | EXW_THAT))) {
			return -1;
		}
		noun |= tk[k].kind == EXT_WORD && f == 0 &&
			!(tk[k].tflags & EXTF_CAP);
	}
	return -1;
}

/* The end of "according to X" at token i: the comma after it, or with no
 * comma the end of its noun phrase ("According to reports the UK is
 * pushing ...": a determiner or a verb after the first words ends it). */
static long according_end(const ex_token *tk, long n, long i)
{
	long j = i + 1;

	if (j < n && (wflags(&tk[j]) & EXW_TO)) {
		j++;
	}
	if (j < n && (wflags(&tk[j]) & EXW_DET)) {
		j++; /* "according to a senior official" */
	}
	for (; j < n && !is_punct(&tk[j], ','); j++) {
		uint32_t f = wflags(&tk[j]);

		if (f &
			(EXW_DET | EXW_BE | EXW_AUX | EXW_FUTURE | EXW_THAT |
				EXW_CLAUSE | EXW_SPEECH)) {
			break;
		}
	}
	return j;
}

void ex_mark_clauses(scratch *s, const ex_token *tk, long n)
{
	long i;
	int c = 0;

	mark_parentheses(s, tk, n);
	for (i = 0; i < n; i++) {
		uint32_t f = wflags(&tk[i]);

		if (i >= 1 && is_punct(&tk[i - 1], ',') && (f & EXW_AND) &&
			new_clause_after(tk, n, i + 1)) {
			c++;
		} else if ((f & EXW_THAT) && i + 1 < n &&
			(wflags(&tk[i + 1]) &
				(EXW_BE | EXW_AUX | EXW_FUTURE))) {
			/* a relative clause: "a helicopter that was captured"
			 */
			c++;
		} else if ((tk[i].kind == EXT_PUNCT &&
				   !(s->attrib[i] & TOK_PAREN) &&
				   (tk[i].punct == ';' || tk[i].punct == ':' ||
					   tk[i].punct == '(' ||
					   tk[i].punct == ')')) ||
			(f & EXW_CLAUSE) ||
			((f & EXW_REL) && i > 0 && is_punct(&tk[i - 1], ','))) {
			c++;
		}
		s->clause[i] = c;
		if (f & EXW_HEDGE) {
			s->attrib[i] |= TOK_HEDGE;
		}
		if ((f & EXW_RECIP) ||
			((f & EXW_ONE) && i + 1 < n &&
				(wflags(&tk[i + 1]) & EXW_OTHER))) {
			s->attrib[i] |= TOK_RECIP;
		}
	}
	/* appositives after a name: "Pakistan, a key U.S. ally in the war
	 * on terror, has refused ...": a clause of their own, so the verb
	 * after them finds its subject before them */
	for (i = 1; i + 1 < n; i++) {
		long j;

		if (is_punct(&tk[i], ',') && (tk[i - 1].tflags & EXTF_CAP) &&
			(wflags(&tk[i + 1]) & EXW_DET) &&
			!(wflags(&tk[i + 1]) & EXW_THAT) &&
			(j = appositive_end(tk, n, i)) > 0) {
			long k;

			c++;
			for (k = i; k <= j; k++) {
				s->clause[k] = c;
			}
			i = j;
		}
	}
	/* attribution tails: ", X said ..." near the end, "according to" */
	for (i = 0; i < n; i++) {
		if (is_punct(&tk[i], ',')) {
			long k;

			for (k = i + 1; k < n && k <= i + WIN_ATTRIB_SPEECH;
				k++) {
				if (wflags(&tk[k]) & EXW_SPEECH) {
					break;
				}
				if (tk[k].kind == EXT_PUNCT &&
					!(tk[k].tflags & EXTF_POSS)) {
					k = n;
					break;
				}
			}
			if (k < n && k <= i + WIN_ATTRIB_SPEECH &&
				(n - k) <= WIN_ATTRIB_TAIL) {
				long j;

				/* the tail ends at a clause word: "..., the
				 * president told reporters after meeting X" */
				for (j = i; j < n &&
					!(j > k &&
						(wflags(&tk[j]) & EXW_CLAUSE));
					j++) {
					s->attrib[j] |= TOK_ATTRIB;
					s->clause[j] = c + 1;
				}
				break;
			}
		}
		if (wflags(&tk[i]) & EXW_ACCORDING) {
			long j = according_end(tk, n, i), k;

			for (k = i; k < j; k++) {
				s->attrib[k] |= TOK_ATTRIB;
				s->clause[k] = c + 1;
			}
			c++;
			i = j;
		}
	}
}

int ex_summarise_clauses(scratch *s, const ex_token *tk, long n)
{
	long k, max_clause = 0;

	for (k = 0; k < n; k++) {
		if (s->clause[k] > max_clause) {
			max_clause = s->clause[k];
		}
	}
	{
		size_t old = s->cap_c;
		void *p;

		if (ex_grow((void **)&s->commas, &s->cap_c,
			    (size_t)(n > max_clause ? n : max_clause) + 2,
			    sizeof(long)) != 0) {
			return -1;
		}
		if (s->cap_c != old) {
			if ((p = realloc(s->recip, s->cap_c)) == NULL) {
				s->cap_c = old;
				return -1;
			}
			s->recip = p;
		}
	}
	memset(s->recip, 0, (size_t)max_clause + 1);
	s->commas[0] = 0;
	for (k = 0; k < n; k++) {
		s->commas[k + 1] = s->commas[k] + is_punct(&tk[k], ',');
		if (s->attrib[k] & TOK_RECIP) {
			s->recip[s->clause[k]] = 1;
		}
		/* a hedge reaches to the end of its clause */
		if ((s->attrib[k] & TOK_HEDGE) ||
			(k > 0 && s->clause[k - 1] == s->clause[k] &&
				(s->attrib[k - 1] & TOK_HEDGED))) {
			s->attrib[k] |= TOK_HEDGED;
		}
	}
	return 0;
}

/* Is token k a word with no lower-case ASCII letter ("MOSCOW", "NỘI")? */
static int all_caps(const char *text, const ex_token *t)
{
	uint32_t k;

	if (t->kind != EXT_WORD || !(t->tflags & EXTF_CAP)) {
		return 0;
	}
	for (k = t->start; k < t->end; k++) {
		if (text[k] >= 'a' && text[k] <= 'z') {
			return 0;
		}
	}
	return 1;
}

long ex_dateline_end(const char *text, const ex_token *tk, long n)
{
	long k, letters = 0;
	int caps = 1, place = 1, number = 0, bracket = 0;

	if (n < 2 || !(tk[0].tflags & EXTF_CAP)) {
		return 0;
	}
	for (k = 0; k < n && k < WIN_DATELINE; k++) {
		const ex_token *t = &tk[k];

		if (t->kind == EXT_WORD && text[t->start] >= '0' &&
			text[t->start] <= '9') {
			number = 1;
			place = 0;
		} else if (t->kind == EXT_WORD) {
			if (!(t->tflags & EXTF_CAP)) {
				return 0;
			}
			if (place) {
				caps = caps && all_caps(text, t);
				letters += (long)(t->end - t->start);
			}
		} else if (is_punct(t, '(')) {
			long j = k + 1;

			while (j < n && j < k + WIN_DATELINE &&
				!is_punct(&tk[j], ')')) {
				j++;
			}
			if (j >= n || !is_punct(&tk[j], ')')) {
				return 0;
			}
			bracket = 1;
			place = 0;
			k = j;
		} else if (is_punct(t, '-') || is_punct(t, ';') ||
			is_punct(t, ':')) {
			/* a place in capitals ("MOSCOW -"), or a date or an
			 * agency after a place ("Oslo/Stockholm, 14 May 2022
			 * (NTB/TT) -") */
			return (caps && letters >= 3) || number || bracket
				? k + 1
				: 0;
		} else if (is_punct(t, ',')) {
			place = 0;
		} else if (!is_punct(t, '/') && !is_punct(t, '.')) {
			return 0;
		}
	}
	return 0;
}
