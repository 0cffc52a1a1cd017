/* SPDX-License-Identifier: MIT */
/*
 * Emission: one event handed to the caller with its provenance (document,
 * sentence number and span, the actors as written, an id). The same code
 * between the same two states is emitted once per sentence.
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

static ent_status emit(ctx *c, const char *src, const mention *sm,
	const char *tgt, const mention *tm, const char *code, unsigned flags)
{
	scratch *s = c->s;
	const ent_cameo *cm = ent_cameo_lookup(code);
	ent_event ev;
	size_t i, o_src, o_tgt, o_id;
	char num[64];

	if (cm == NULL || src[0] == '\0' || tgt[0] == '\0' ||
		same_state(src, tgt)) {
		return ENT_OK;
	}
	for (i = 0; i < s->n_e; i++) {
		/* one event per pair of states and code: "Beijing" and
		 * "China" in one sentence are the same target */
		if (same_state(s->e[i].source, src) &&
			same_state(s->e[i].target, tgt) &&
			strcmp(s->e[i].code, code) == 0) {
			return ENT_OK;
		}
	}
	if (ex_grow((void **)&s->e, &s->cap_e, s->n_e + 1, sizeof(emitted))) {
		return ENT_ENOMEM;
	}
	copy_code(s->e[s->n_e].source, src, ENT_CODE_SIZE);
	copy_code(s->e[s->n_e].target, tgt, ENT_CODE_SIZE);
	copy_code(s->e[s->n_e].code, code, 5);
	s->n_e++;

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
