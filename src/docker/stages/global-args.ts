/**
 * Step 2 of the stage builder (build-stages.ts): the global scope FROM lines see. The platform
 * args come first, then each ARG above the first FROM, expanded with the args before it; an arg
 * declared without a value is left for `--build-arg` at build time.
 */
import { processWord } from "../expand/process-word";
import { WordError } from "../expand/word-error";
import type { Instruction } from "../lexer";
import { splitQuotedWords } from "../words";
import { Step, type BuildState } from "./build-state";

/** What a word may need expanding, unquoting or unescaping for (the escape character is checked apart). */
export const NEEDS_EXPANSION = /[$'"<]/;
const NONE: readonly string[] = [];

/**
 * The global scope of a build: the platform args, then each ARG before the first FROM with a
 * value, expanded with what came before it.
 */
export class GlobalArgs {
	/** Every name an ARG line before the first FROM declares, with or without a value. */
	readonly declared = new Set<string>();

	constructor(readonly env: Map<string, string>) {}

	/** A declared arg without a value: it is expected from `--build-arg` at build time. */
	isBuildTime(name: string): boolean {
		return this.declared.has(name) && !this.env.has(name);
	}
}

interface Expanded {
	value: string;
	/** Declared args without a value the word used: it can only be read at build time. */
	buildTime: string[];
	/** Names neither declared nor predefined. */
	undeclared: readonly string[];
	/** BuildKit's reason when the word cannot be expanded. */
	error: string | null;
}

export function expandGlobal(word: string, args: GlobalArgs, escape: string): Expanded {
	// Most FROM words name a stage or an image as they are.
	if (!NEEDS_EXPANSION.test(word) && !word.includes(escape)) return { value: word, error: null, buildTime: NONE as string[], undeclared: NONE };
	let value = "";
	let error: string | null = null;
	let unmatched: ReadonlySet<string>;
	try {
		const r = processWord(word, args.env, { escape });
		value = r.value;
		unmatched = r.unmatched;
	} catch (e) {
		if (!(e instanceof WordError)) throw e;
		error = e.message;
		// Which names the word reads, for the build-time check: expand again, leaving unset ones.
		try {
			unmatched = processWord(word, args.env, { escape, skipUnset: true }).unmatched;
		} catch {
			unmatched = new Set();
		}
	}
	const names = [...unmatched];
	return { value, error, buildTime: names.filter((n) => args.isBuildTime(n)), undeclared: names.filter((n) => !args.declared.has(n)) };
}

/** Step 2: `ARG a=1 b`: each value is expanded with the args before it, quotes removed. */
export function declareGlobalArgs(b: BuildState, ins: Instruction, args: GlobalArgs): void {
	for (const pair of splitQuotedWords(ins.args, b.escape)) {
		const eq = pair.indexOf("=");
		const name = eq < 0 ? pair : pair.slice(0, eq);
		args.declared.add(name);
		if (eq < 0) continue; // no value: the arg keeps what it has (a platform arg's, say)
		const e = expandGlobal(pair.slice(eq + 1), args, b.escape);
		if (e.error === null) args.env.set(name, e.value);
		else if (e.buildTime.length === 0) b.reject(Step.GlobalArgs, ins.line, e.error);
	}
}
