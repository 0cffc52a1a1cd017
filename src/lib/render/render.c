/* SPDX-License-Identifier: MIT */
/*
 * The render module's entry points: option names, and the dispatch of a
 * diagram to Graphviz (gv.c) or of an export to igraph (export.c).
 */
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "render/render_internal.h"

static const struct {
	const char *name;
	ent_render_format format;
} format_names[] = {
	{"dot", ENT_RENDER_DOT},
	{"gv", ENT_RENDER_DOT},
	{"svg", ENT_RENDER_SVG},
	{"png", ENT_RENDER_PNG},
	{"pdf", ENT_RENDER_PDF},
	{"graphml", ENT_RENDER_GRAPHML},
	{"gml", ENT_RENDER_GML},
	{"gexf", ENT_RENDER_GEXF},
	{"csv", ENT_RENDER_CSV},
};
#define N_FORMAT_NAMES (sizeof(format_names) / sizeof(format_names[0]))

static const char *const layout_names[] = {
	"neato",
	"fdp",
	"sfdp",
	"circo",
	"dot",
};
#define N_LAYOUT_NAMES (sizeof(layout_names) / sizeof(layout_names[0]))

static const char *const size_names[] = {
	"pagerank",
	"betweenness",
	"degree",
	"events",
};
#define N_SIZE_NAMES (sizeof(size_names) / sizeof(size_names[0]))

ent_status ent_render_format_parse(ent_render_format *out, const char *name)
{
	size_t i;

	if (out == NULL || name == NULL) {
		return ENT_EINVAL;
	}
	for (i = 0; i < N_FORMAT_NAMES; i++) {
		if (strcmp(name, format_names[i].name) == 0) {
			*out = format_names[i].format;
			return ENT_OK;
		}
	}
	return ENT_EINVAL;
}

ent_status ent_render_format_from_path(ent_render_format *out, const char *path)
{
	const char *dot, *slash;
	size_t i;

	if (out == NULL || path == NULL) {
		return ENT_EINVAL;
	}
	dot = strrchr(path, '.');
	slash = strrchr(path, '/');
	if (dot == NULL || (slash != NULL && dot < slash)) {
		return ENT_ENOTFOUND;
	}
	for (i = 0; i < N_FORMAT_NAMES; i++) {
		if (strcasecmp(dot + 1, format_names[i].name) == 0) {
			*out = format_names[i].format;
			return ENT_OK;
		}
	}
	return ENT_ENOTFOUND;
}

ent_status ent_layout_parse(ent_layout *out, const char *name)
{
	size_t i;

	if (out == NULL || name == NULL) {
		return ENT_EINVAL;
	}
	for (i = 0; i < N_LAYOUT_NAMES; i++) {
		if (strcmp(name, layout_names[i]) == 0) {
			*out = (ent_layout)i;
			return ENT_OK;
		}
	}
	return ENT_EINVAL;
}

const char *ent_layout_name(ent_layout layout)
{
	if ((size_t)layout >= N_LAYOUT_NAMES) {
		return layout_names[0];
	}
	return layout_names[layout];
}

ent_status ent_size_by_parse(ent_size_by *out, const char *name)
{
	size_t i;

	if (out == NULL || name == NULL) {
		return ENT_EINVAL;
	}
	for (i = 0; i < N_SIZE_NAMES; i++) {
		if (strcmp(name, size_names[i]) == 0) {
			*out = (ent_size_by)i;
			return ENT_OK;
		}
	}
	return ENT_EINVAL;
}

static ent_status check_args(
	const ent_graph *g, const ent_render_options *opts, ent_error *err)
{
	if (g == NULL) {
		return ent__error_set(
			err, ENT_EINVAL, NULL, 0, 0, "render: graph is NULL");
	}
	if (opts->version != ENT_RENDER_OPTIONS_VERSION &&
		opts->version != 1) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"render: options version %u is not %u", opts->version,
			ENT_RENDER_OPTIONS_VERSION);
	}
	if ((size_t)opts->layout >= N_LAYOUT_NAMES ||
		(size_t)opts->size_by >= N_SIZE_NAMES ||
		opts->format > ENT_RENDER_CSV || !(opts->min_weight >= 0)) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"render: an option is out of range");
	}
	return ENT_OK;
}

ent_status ent_render_data(char **out, size_t *len_out, ent_renderer *r,
	const ent_graph *g, const ent_metrics *m, const ent_dataset *ds,
	const ent_render_options *opts, ent_error *err)
{
	static const ent_render_options defaults = ENT_RENDER_OPTIONS_INIT;
	ent_render_options v2;
	ent__scene scene;
	FILE *mem = NULL;
	char *buf = NULL;
	size_t len = 0;
	ent_status status;

	if (out == NULL || len_out == NULL) {
		return ent__error_set(
			err, ENT_EINVAL, NULL, 0, 0, "render: out is NULL");
	}
	*out = NULL;
	*len_out = 0;
	opts = opts ? opts : &defaults;
	if ((status = check_args(g, opts, err)) != ENT_OK) {
		return status;
	}
	if (opts->version == 1) {
		/* a version-1 struct ends after `positions`: new defaults */
		v2 = defaults;
		memcpy(&v2, opts, offsetof(ent_render_options, crowded_top));
		v2.version = ENT_RENDER_OPTIONS_VERSION;
		opts = &v2;
	}
	if (opts->format >= ENT_RENDER_GRAPHML) {
		mem = open_memstream(&buf, &len);
		if (mem == NULL) {
			return ent__error_nomem(err);
		}
		status = ent__export_write(mem, g, m, ds, opts, err);
		if (fclose(mem) != 0 && status == ENT_OK) {
			status = ent__error_nomem(err);
		}
		if (status != ENT_OK) {
			free(buf);
			return status;
		}
		*out = buf;
		*len_out = len;
		return ENT_OK;
	}
	if (r == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"render: renderer is NULL");
	}
	if ((status = ent__scene_build(&scene, g, m, ds, opts, err)) !=
		ENT_OK) {
		return status;
	}
	if (opts->positions != NULL && opts->format != ENT_RENDER_DOT &&
		(status = ent__scene_pin(&scene, g, opts->positions, err)) !=
			ENT_OK) {
		ent__scene_free(&scene);
		return status;
	}
	status = ent__gv_render(out, len_out, r, &scene, opts->format, err);
	ent__scene_free(&scene);
	return status;
}

ent_status ent_render_write(ent_renderer *r, FILE *fp, const ent_graph *g,
	const ent_metrics *m, const ent_dataset *ds,
	const ent_render_options *opts, ent_error *err)
{
	char *data = NULL;
	size_t len = 0;
	ent_status status;

	if (fp == NULL) {
		return ent__error_set(
			err, ENT_EINVAL, NULL, 0, 0, "render: stream is NULL");
	}
	status = ent_render_data(&data, &len, r, g, m, ds, opts, err);
	if (status == ENT_OK && fwrite(data, 1, len, fp) != len) {
		status = ent__error_set(
			err, ENT_EIO, NULL, 0, 0, "writing the diagram failed");
	}
	free(data);
	return status;
}
