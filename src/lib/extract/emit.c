/* SPDX-License-Identifier: MIT */
/*
 * Emission: one event handed to the caller with its provenance (document,
 * sentence number and span, the actors as written, an id). The same code
 * between the same two states is emitted once per sentence.
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

/* The hash of an emitted event's states and code. */
static uint64_t emitted_hash(const char *src, const char *tgt, const char *code)
{
	uint64_t h = ent__fnv(ENT__FNV_INIT, src, 3);

	h = ent__fnv(h, tgt, 3);
	return ent__fnv(h, code, strlen(code));
}

/* Has the sentence emitted `code` between the states of src and tgt? If
 * not, record it. Returns 1 when seen, 0 when recorded, -1 when out of
 * memory. The set is a hash table of indexes into s->e, so a sentence
 * with many events stays linear. */
static int seen_or_record(
	scratch *s, const char *src, const char *tgt, const char *code)
{
	size_t j, mask;

	if ((s->n_e + 1) * 2 > s->cap_eset) {
		size_t cap = s->cap_eset ? s->cap_eset * 2 : 64, i;
		uint32_t *ns = calloc(cap, sizeof(*ns));

		if (ns == NULL) {
			return -1;
		}
		for (i = 0; i < s->n_e; i++) {
			j = emitted_hash(s->e[i].source, s->e[i].target,
				    s->e[i].code) &
				(cap - 1);
			while (ns[j] != 0) {
				j = (j + 1) & (cap - 1);
			}
			ns[j] = (uint32_t)i + 1;
		}
		free(s->eset);
		s->eset = ns;
		s->cap_eset = cap;
	}
	mask = s->cap_eset - 1;
	for (j = emitted_hash(src, tgt, code) & mask; s->eset[j] != 0;
		j = (j + 1) & mask) {
		const emitted *o = &s->e[s->eset[j] - 1];

		step(s);
		if (same_state(o->source, src) && same_state(o->target, tgt) &&
			strcmp(o->code, code) == 0) {
			return 1;
		}
	}
	if (ex_grow((void **)&s->e, &s->cap_e, s->n_e + 1, sizeof(emitted))) {
		return -1;
	}
	copy_code(s->e[s->n_e].source, src, ENT_CODE_SIZE);
	copy_code(s->e[s->n_e].target, tgt, ENT_CODE_SIZE);
	copy_code(s->e[s->n_e].code, code, 5);
	s->eset[j] = (uint32_t)++s->n_e;
	return 0;
}

void ex_emitted_clear(scratch *s)
{
	size_t i;

	/* empty only the slots the last sentence used */
	for (i = 0; i < s->n_e; i++) {
		size_t mask = s->cap_eset - 1;
		size_t j = emitted_hash(s->e[i].source, s->e[i].target,
				   s->e[i].code) &
			mask;

		while (s->eset[j] != (uint32_t)i + 1) {
			j = (j + 1) & mask;
		}
		s->eset[j] = 0;
	}
	s->n_e = 0;
}

/* Put an event first in the document's memory of events (who did what,
 * for "condemned the launch" later on). */
static void remember_event(ent_extractor *ex, const char *src, const char *code)
{
	int k;

	if (ex->n_doc_events < EX_REMEMBERED) {
		ex->n_doc_events++;
	}
	for (k = ex->n_doc_events - 1; k > 0; k--) {
		ex->doc_events[k] = ex->doc_events[k - 1];
	}
	copy_code(ex->doc_events[0].source, src, ENT_CODE_SIZE);
	copy_code(ex->doc_events[0].code, code, sizeof(ex->doc_events[0].code));
}

static ent_status emit(ctx *c, const char *src, const mention *sm,
	const char *tgt, const mention *tm, const char *code, unsigned flags)
{
	scratch *s = c->s;
	const ent_cameo *cm = ent_cameo_lookup(code);
	ent_event ev;
	size_t o_src, o_tgt, o_id;
	char num[64];

	if (cm == NULL || src[0] == '\0' || tgt[0] == '\0' ||
		same_state(src, tgt)) {
		return ENT_OK;
	}
	/* one event per pair of states and code: "Beijing" and "China" in
	 * one sentence are the same target */
	switch (seen_or_record(s, src, tgt, code)) {
	case 1:
		return ENT_OK;
	case -1:
		return ENT_ENOMEM;
	default:
		break;
	}

	s->strs.len = 0;
	o_src = 0;
	if (ent__buf_put(&s->strs, c->text + c->tk[sm->t0].start,
		    c->tk[sm->t1 - 1].end - c->tk[sm->t0].start) ||
		ent__buf_put(&s->strs, "", 1)) {
		return ENT_ENOMEM;
	}
	o_tgt = s->strs.len;
	if (ent__buf_put(&s->strs, c->text + c->tk[tm->t0].start,
		    c->tk[tm->t1 - 1].end - c->tk[tm->t0].start) ||
		ent__buf_put(&s->strs, "", 1)) {
		return ENT_ENOMEM;
	}
	o_id = s->strs.len;
	c->serial++;
	{
		/* ":<sentence>:<serial>" without printf, which is slow here */
		char tmp[24];
		size_t k = 0, o = 0;
		long v;
		int part;

		for (part = 0; part < 2; part++) {
			v = part == 0 ? c->number : c->serial;
			num[o++] = ':';
			k = 0;
			do {
				tmp[k++] = (char)('0' + v % 10);
				v /= 10;
			} while (v > 0 && k < sizeof(tmp));
			while (k > 0) {
				num[o++] = tmp[--k];
			}
		}
		num[o] = '\0';
	}
	if (ent__buf_put(&s->strs, c->ex->doc_base, c->ex->doc_base_len) ||
		ent__buf_puts(&s->strs, num) || ent__buf_put(&s->strs, "", 1)) {
		return ENT_ENOMEM;
	}
	ent_event_init(&ev);
	ev.id = s->strs.data + o_id;
	ev.date = c->ex->doc_date;
	copy_code(ev.source, src, sizeof(ev.source));
	copy_code(ev.target, tgt, sizeof(ev.target));
	copy_code(ev.code, code, sizeof(ev.code));
	ev.goldstein = cm->goldstein;
	ev.quad = cm->quad;
	ev.count = 1;
	ev.source_text = s->strs.data + o_src;
	ev.target_text = s->strs.data + o_tgt;
	ev.doc = c->doc;
	ev.sentence = c->number;
	ev.span_start = (long)c->start;
	ev.span_end = (long)c->end;
	ev.text = s->text.data;
	ev.flags = flags;
	if (!(flags & ENT_FLAG_NEGATED)) {
		remember_event(c->ex, src, code);
	}
	return c->cb(&ev, c->payload);
}

/* Code every source of group `sg` toward every target of `tg`. */
ent_status ex_emit_groups(ctx *c, const group *sg, const group *tg,
	const char *code, unsigned flags, int sym)
{
	int a, b;
	ent_status st;

	if (sg->n_codes > 1) {
		flags |= ENT_FLAG_COMPOUND;
	}
	for (a = 0; a < sg->n_codes; a++) {
		for (b = 0; b < tg->n_codes; b++) {
			const mention *sm = &c->s->m[sg->code_m[a]];
			const mention *tm = &c->s->m[tg->code_m[b]];

			if ((st = emit(c, sg->codes[a], sm, tg->codes[b], tm,
				     code, flags)) != ENT_OK) {
				return st;
			}
			if (sym &&
				(st = emit(c, tg->codes[b], tm, sg->codes[a],
					 sm, code, flags)) != ENT_OK) {
				return st;
			}
		}
	}
	return ENT_OK;
}

ent_status ex_emit_within(
	ctx *c, const group *g, const char *code, unsigned flags)
{
	int a, b;
	ent_status st;

	for (a = 0; a < g->n_codes; a++) {
		for (b = 0; b < g->n_codes; b++) {
			if (a != b &&
				(st = emit(c, g->codes[a],
					 &c->s->m[g->code_m[a]], g->codes[b],
					 &c->s->m[g->code_m[b]], code,
					 flags | ENT_FLAG_COMPOUND)) !=
					ENT_OK) {
				return st;
			}
		}
	}
	return ENT_OK;
}
