/* SPDX-License-Identifier: MIT */
/*
 * entente report: the main job in one command. Reads the inputs once and
 * writes, into DIR (created when missing):
 *   events.json  the kept events, with their provenance
 *   report.md    the analysis as Markdown, the diagram and the sources
 *   report.json  the analysis as JSON
 *   graph.svg    the diagram
 *   graph.dot    the diagram's graph, for Graphviz users
 * Every file is written to a temporary file first; the files are renamed
 * into place only once all of them were written.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "cli.h"

enum { F_EVENTS, F_MD, F_JSON, F_SVG, F_DOT, N_FILES };

static const char *const file_names[N_FILES] = {
	"events.json",
	"report.md",
	"report.json",
	"graph.svg",
	"graph.dot",
};

/* mkdir -p */
static int make_dir(const char *dir)
{
	char *path = strdup(dir);
	char *p;
	int rc = 0;

	if (path == NULL) {
		return -1;
	}
	for (p = path + 1; *p && rc == 0; p++) {
		if (*p == '/') {
			*p = '\0';
			if (mkdir(path, 0777) != 0 && errno != EEXIST) {
				rc = -1;
			}
			*p = '/';
		}
	}
	if (rc == 0 && mkdir(path, 0777) != 0 && errno != EEXIST) {
		rc = -1;
	}
	free(path);
	return rc;
}

static ent_status write_events(FILE *fp, const ent_dataset *ds, ent_error *err)
{
	char *json = NULL;
	ent_status st;

	st = ent_events_to_json(&json, ent_dataset_events(ds), err);
	if (st == ENT_OK && fputs(json, fp) == EOF) {
		snprintf(err->message, sizeof(err->message),
			"writing events.json failed");
		st = err->code = ENT_EIO;
	}
	ent_free(json);
	return st;
}

int cmd_report(cli_opts *o)
{
	ent_dataset *ds = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_renderer *r = NULL;
	ent_output *out[N_FILES] = {NULL};
	ent_render_options ropts = ENT_RENDER_OPTIONS_INIT;
	ent_report_options md = ENT_REPORT_OPTIONS_INIT;
	ent_report_options json = ENT_REPORT_OPTIONS_INIT;
	ent_error err = {0};
	char *path = NULL;
	size_t i;
	int rc;

	if (o->output == NULL || strcmp(o->output, "-") == 0) {
		return cli_usage_error(
			"report needs -o DIR, the folder to write");
	}
	if (o->format) {
		return cli_usage_error("--format: report writes every format; "
				       "use render or analyze for one");
	}
	if ((rc = cli_render_options(&ropts, o)) != 0) {
		return rc;
	}
	md.format = ENT_REPORT_MARKDOWN;
	md.top = o->top;
	md.diagram = "graph.svg";
	json.format = ENT_REPORT_JSON;
	json.top = o->top;
	if ((rc = cli_load(&ds, o, 1)) != 0) {
		return rc;
	}
	rc = CLI_EXIT_OK;
	if (make_dir(o->output) != 0) {
		snprintf(err.message, sizeof(err.message),
			"%s: cannot create the folder: %s", o->output,
			strerror(errno));
		err.code = ENT_EIO;
		rc = cli_fail(&err);
		goto done;
	}
	path = malloc(strlen(o->output) + 32);
	if (path == NULL) {
		snprintf(err.message, sizeof(err.message), "out of memory");
		rc = cli_fail(&err);
		goto done;
	}
	if (ent_graph_build(&g, ent_dataset_dyads(ds), &o->graph, &err) !=
			ENT_OK ||
		ent_metrics_compute(&m, g, &o->metrics, &err) != ENT_OK ||
		ent_renderer_create(&r, &err) != ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	for (i = 0; i < N_FILES; i++) {
		sprintf(path, "%s/%s", o->output, file_names[i]);
		if (ent_output_open(&out[i], path, &err) != ENT_OK) {
			rc = cli_fail(&err);
			goto done;
		}
	}
	ropts.format = ENT_RENDER_SVG;
	if (write_events(ent_output_stream(out[F_EVENTS]), ds, &err) !=
			ENT_OK ||
		ent_report_write(ent_output_stream(out[F_MD]), ds, g, m, &md,
			&err) != ENT_OK ||
		ent_report_write_sources(ent_output_stream(out[F_MD]), ds, g,
			&md, &err) != ENT_OK ||
		ent_report_write(ent_output_stream(out[F_JSON]), ds, g, m,
			&json, &err) != ENT_OK ||
		ent_render_write(r, ent_output_stream(out[F_SVG]), g, m, ds,
			&ropts, &err) != ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	ropts.format = ENT_RENDER_DOT;
	if (ent_render_write(r, ent_output_stream(out[F_DOT]), g, m, ds, &ropts,
		    &err) != ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	/* everything is written: now rename the files into place */
	for (i = 0; i < N_FILES; i++) {
		ent_output *o_i = out[i];

		out[i] = NULL;
		if (ent_output_commit(o_i, &err) != ENT_OK) {
			rc = cli_fail(&err);
			goto done;
		}
	}
done:
	for (i = 0; i < N_FILES; i++) {
		ent_output_abort(out[i]);
	}
	free(path);
	ent_renderer_destroy(r);
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
	return rc;
}
