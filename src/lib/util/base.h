/* SPDX-License-Identifier: MIT */
/*
 * The util layer: plumbing every stage of the library shares -- growable
 * buffers and arrays, UTF-8, error records, whole-file reads with a limit,
 * atomic output files and JSON strings. It depends on nothing but the C
 * library (and the public error record of <entente/error.h>), so io,
 * extract and report can all use it without reaching into one another.
 * tests/unit/test_util.c builds it alone to keep it so.
 */
#ifndef ENT_UTIL_BASE_H
#define ENT_UTIL_BASE_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define ENT__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ENT__PRINTF(f, a)
#endif

#endif
