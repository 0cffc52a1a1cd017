/* SPDX-License-Identifier: MIT */
/**
 * @file common.h
 * @brief Export macro and shared basics of the entente public API.
 */
#ifndef ENT_COMMON_H
#define ENT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <entente/version.h>

#if defined(_WIN32)
#define ENT_API __declspec(dllexport)
#elif defined(__GNUC__)
#define ENT_API __attribute__((visibility("default")))
#else
#define ENT_API
#endif

#ifdef __cplusplus
#define ENT_BEGIN_DECLS extern "C" {
#define ENT_END_DECLS }
#else
#define ENT_BEGIN_DECLS
#define ENT_END_DECLS
#endif

ENT_BEGIN_DECLS

/** Longest actor code kept, including the terminating NUL (CAMEO actor
 * codes are at most 15 characters: country, sector and role triples). */
#define ENT_CODE_SIZE 16

/**
 * The version of the library in use at run time, "MAJOR.MINOR.PATCH".
 * Never NULL. ::ENT_VERSION is the version of the headers the caller was
 * compiled against.
 */
ENT_API const char *ent_version(void);

/** Free memory that the library allocated for the caller (strings returned
 * through out parameters). Accepts NULL. */
ENT_API void ent_free(void *ptr);

ENT_END_DECLS

#endif
