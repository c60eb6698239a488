/**
 * The one error of shell-word processing (process-word.ts), thrown by the scanner and the
 * patterns alike, so that callers can tell BuildKit's refusal of a word from a bug.
 */

/** Why a word could not be processed: BuildKit fails the build with this reason. */
export class WordError extends Error {}
