/* SPDX-License-Identifier: MIT */
/**
 * @file render.h
 * @brief Diagrams of the actor graph through Graphviz (cgraph + gvc).
 */
#ifndef ENT_RENDER_H
#define ENT_RENDER_H

#include <entente/common.h>
#include <entente/error.h>
#include <entente/graph.h>
#include <entente/metrics.h>

ENT_BEGIN_DECLS

ENT_END_DECLS

#endif
