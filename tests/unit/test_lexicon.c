/* SPDX-License-Identifier: MIT */
/* The compiled-in CAMEO codebook and state table. */
#include <entente/entente.h>

#include "tap.h"

int main(void)
{
	ent_error err = {0};
	const ent_cameo *c;
	const ent_state *s;
	size_t i, roots = 0, members = 0;

	ok(ent_lexicon_check(&err) == ENT_OK, "tables parse: %s", err.message);

	/* CAMEO: the 20 roots, quad classes by root, Goldstein weights */
	for (i = 0; i < ent_cameo_count(); i++) {
		c = ent_cameo_at(i);
		roots += c->code[2] == '\0';
	}
	ok(roots == 20, "20 root codes (got %zu)", roots);
	ok(ent_cameo_count() >= 290, "complete codebook (%zu codes)",
		ent_cameo_count());
	c = ent_cameo_lookup("057");
	ok(c && c->goldstein == 8.0 && c->quad == 1, "057 sign formal agreement: +8.0, quad 1");
	c = ent_cameo_lookup("190");
	ok(c && c->goldstein == -10.0 && c->quad == 4, "190 use conventional force: -10, quad 4");
	c = ent_cameo_lookup("112");
	ok(c && c->goldstein == -2.0 && c->quad == 3, "112 accuse: -2.0, quad 3");
	c = ent_cameo_lookup("0211");
	ok(c && c->quad == 1, "4-digit code 0211 present");
	ok(ent_cameo_lookup("999") == NULL, "999 is not a code");
	ok(ent_cameo_lookup("5") == NULL && ent_cameo_lookup("12345") == NULL,
		"codes have 2 to 4 digits");
	ok(ent_cameo_quad_of_root(5) == 1 && ent_cameo_quad_of_root(6) == 2 &&
		ent_cameo_quad_of_root(14) == 3 && ent_cameo_quad_of_root(15) == 4 &&
		ent_cameo_quad_of_root(21) == 0, "quad class by root as GDELT");

	/* states: UN members, observers, Taiwan, Kosovo, aliases */
	for (i = 0; i < ent_state_count(); i++) {
		members += strcmp(ent_state_at(i)->status, "member") == 0;
	}
	ok(members == 193, "193 UN member states (got %zu)", members);
	s = ent_state_lookup("ROU");
	is_str(s ? s->name : NULL, "Romania", "ROU is Romania");
	ok(ent_state_lookup("ROM") == s, "alias ROM -> ROU");
	ok(ent_state_lookup("XKX") != NULL && ent_state_lookup("TWN") != NULL,
		"Kosovo and Taiwan are in the table");
	ok(ent_state_lookup("VAT") && ent_state_lookup("PSE"),
		"observer states are in the table");
	ok(ent_state_lookup("UK") == ent_state_lookup("GBR"), "alias UK -> GBR");
	s = ent_state_of_actor("RUSGOV");
	is_str(s ? s->code : NULL, "RUS", "RUSGOV reduces to RUS");
	s = ent_state_of_actor("ROMMIL");
	is_str(s ? s->code : NULL, "ROU", "ROMMIL reduces through the alias");
	ok(ent_state_of_actor("AFR") == NULL && ent_state_of_actor("EUR") == NULL,
		"regional pseudo-countries are not states");
	ok(ent_state_of_actor("IGOUNO") == NULL && ent_state_of_actor("NGO") == NULL,
		"IGO and NGO codes are not states");
	ok(ent_state_of_actor("rus") == NULL, "codes are upper case");
	s = ent_state_by_name("russian federation", 18);
	is_str(s ? s->code : NULL, "RUS", "by name, case-insensitive");

	/* groups: today's members, counted by hand from the organisations'
	 * lists (2025-12) */
	{
		static const struct {
			const char *code;
			int members_today;
		} want[] = {{"EU", 27}, {"NATO", 32}, {"ASEAN", 11}, {"AU", 55},
			{"G7", 7}, {"BRICS", 10}, {"CSTO", 6}, {"GCC", 6},
			{"SCO", 10}};
		size_t k;

		ok(ent_group_count() == 9, "nine groups (%zu)", ent_group_count());
		for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
			const ent_group *g = ent_group_lookup(want[i].code,
				strlen(want[i].code));
			int today = 0;
			for (k = 0; k < ent_group_member_count(g); k++) {
				today += ent_group_member(g, k)->until == 0;
			}
			ok(g && today == want[i].members_today,
				"%s has %d members today (%d)", want[i].code,
				want[i].members_today, today);
		}
	}
	{
		const ent_group *nato = ent_group_lookup("nato", 4);
		const ent_group *eu = ent_group_lookup("European Union", 14);
		const ent_group *csto = ent_group_lookup("CSTO", 4);
		const ent_group *au = ent_group_lookup("african union", 13);

		ok(nato && strcmp(nato->code, "NATO") == 0 && eu && au &&
			strcmp(au->code, "AU") == 0,
			"groups by code or name, in any case");
		ok(ent_group_lookup("NAT", 3) == NULL, "no group by a prefix");
		ok(!ent_group_has(nato, "FIN", 20230403) &&
			ent_group_has(nato, "FIN", 20230404),
			"Finland in NATO from 2023-04-04");
		ok(ent_group_has(nato, "FIN", 20230400) &&
			ent_group_has(nato, "FIN", 20230000) &&
			!ent_group_has(nato, "FIN", 20220000),
			"a month or a year counts when any day of it does");
		ok(ent_group_has(eu, "GBR", 20200131) &&
			!ent_group_has(eu, "GBR", 20200201) &&
			!ent_group_has(eu, "GBR", 0) && ent_group_has(eu, "GBR", 19730101),
			"the UK in the EU from 1973 to 2020-01-31, not today");
		ok(ent_group_has(csto, "UZB", 20100000) &&
			!ent_group_has(csto, "UZB", 20130000) &&
			!ent_group_has(csto, "UZB", 0),
			"Uzbekistan in the CSTO 2006-2012 only");
		ok(ent_group_has(au, "ESH", 20150000) &&
			!ent_group_has(au, "MAR", 20150000) &&
			ent_group_has(au, "MAR", 20170201),
			"the AU: the Sahrawi Republic, Morocco from 2017");
		ok(!ent_group_has(nato, "USA", 19490404) &&
			ent_group_has(nato, "USA", 19490824),
			"NATO's founders from the treaty's entry into force");
	}

	/* actors by name, code or group */
	{
		static const struct {
			const char *name;
			unsigned int flags;
			ent_actor_kind kind;
			const char *code;
			const char *state;
		} cases[] = {
			{"RUS", 0, ENT_ACTOR_STATE, "RUS", "RUS"},
			{"rus", 0, ENT_ACTOR_STATE, "RUS", "RUS"},
			{"ROM", 0, ENT_ACTOR_STATE, "ROM", "ROU"},
			{"uk", 0, ENT_ACTOR_STATE, "UK", "GBR"},
			{"Russia", 0, ENT_ACTOR_STATE, "RUS", "RUS"},
			{"  russian federation ", 0, ENT_ACTOR_STATE, "RUS", "RUS"},
			{"Austria", 0, ENT_ACTOR_STATE, "AUT", "AUT"},
			{"AUSTRIA", 0, ENT_ACTOR_STATE, "AUT", "AUT"},
			{"RUSGOV", 0, ENT_ACTOR_CODE, "RUSGOV", "RUS"},
			{"IGOUNO", 0, ENT_ACTOR_CODE, "IGOUNO", NULL},
			{"NATO", 0, ENT_ACTOR_CODE, "NATO", NULL},
			{"NATO", ENT_NAME_GROUPS, ENT_ACTOR_GROUP, "NATO", NULL},
			{"European Union", ENT_NAME_GROUPS, ENT_ACTOR_GROUP, "EU", NULL},
		};
		static const struct {
			const char *name;
			unsigned int flags;
			const char *message;
		} unknown[] = {
			{"Austira", 0, "unknown actor \"Austira\"; did you mean "
				"AUT (Austria)?"},
			{"Rusia", 0, "unknown actor \"Rusia\"; did you mean RUS "
				"(Russia)?"},
			{"rusgov", 0, "unknown actor \"rusgov\"; did you mean RUSGOV "
				"(codes are written in capitals)?"},
			{"Natoo", ENT_NAME_GROUPS, "unknown actor \"Natoo\"; did you "
				"mean NATO (North Atlantic Treaty Organization)?"},
			{"European Union", 0, "unknown actor \"European Union\" "
				"(give a state's name or code, or an actor code in "
				"capitals)"},
			{"Xqzzy Wvvk", ENT_NAME_GROUPS, "unknown actor \"Xqzzy "
				"Wvvk\" (give a state's name or code, a group, or an "
				"actor code in capitals)"},
		};


		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			ent_actor_name n;
			ent_error e = {0};
			ent_status st = ent_actor_name_resolve(&n, cases[i].name,
				strlen(cases[i].name), cases[i].flags, &e);
			ok(st == ENT_OK && n.kind == cases[i].kind &&
				strcmp(n.code, cases[i].code) == 0 &&
				(cases[i].state ? n.state &&
					strcmp(n.state->code, cases[i].state) == 0
					: n.state == NULL),
				"\"%s\" is %s (%s)", cases[i].name, cases[i].code,
				e.message);
		}
		for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
			ent_actor_name n;
			ent_error e = {0};
			ent_status st = ent_actor_name_resolve(&n, unknown[i].name,
				strlen(unknown[i].name), unknown[i].flags, &e);
			ok(st == ENT_ENOTFOUND && e.code == ENT_ENOTFOUND,
				"\"%s\" is unknown", unknown[i].name);
			is_str(e.message, unknown[i].message, "its message");
		}
		{
			char near[160];

			ok(ent_actor_name_suggest("GER", 3, 0, near,
				   sizeof(near)) == 3,
				"suggest: three states near GER");
			is_str(near, "GBR (United Kingdom), GEO (Georgia) or "
				"NER (Niger)", "suggest: nearest first, as the "
				"error names them");
			ok(ent_actor_name_suggest("Xqzzy Wvvk", 10,
				   ENT_NAME_GROUPS, near, sizeof(near)) == 0 &&
					near[0] == '\0',
				"suggest: nothing near");
		}
	}
	return done_testing();
}
