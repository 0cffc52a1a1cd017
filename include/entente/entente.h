/* SPDX-License-Identifier: MIT */
/**
 * @file entente.h
 * @brief Umbrella header: everything of libentente.
 */
#ifndef ENT_ENTENTE_H
#define ENT_ENTENTE_H

#include <entente/version.h>
#include <entente/common.h>
#include <entente/error.h>
#include <entente/event.h>
#include <entente/io.h>
#include <entente/extract.h>
#include <entente/graph.h>
#include <entente/metrics.h>
#include <entente/plot.h>
#include <entente/render.h>
#include <entente/report.h>
#include <entente/trend.h>

#endif
