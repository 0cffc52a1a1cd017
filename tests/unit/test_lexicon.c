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
	return done_testing();
}
