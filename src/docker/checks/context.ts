/**
 * What every check reads: the instructions cut into stages, the built stage graph and the global
 * scope, plus what the host knows of the build context (a .dockerignore).
 */
import { restWordsOf, type Instruction } from "../lexer";
import type { Platform } from "../platform";
import type { StageFacts } from "../stages/built-stages";
import type { Advice, DockerStage } from "../types";

export interface CheckInput {
	instructions: readonly Instruction[];
	escape: string;
	stages: readonly DockerStage[];
	facts: readonly StageFacts[];
	globals: { env: ReadonlyMap<string, string>; declared: ReadonlySet<string> };
	target: Platform;
	/** The .dockerignore text; null when there is none to read (CopyIgnoredFile is then skipped). */
	dockerignore: string | null;
}

/** One stage as the checks walk it: its FROM line and the instructions up to the next FROM. */
export interface StageView {
	index: number;
	from: Instruction;
	/** FROM's words after its flags: `image`, or `image AS name`. */
	fromWords: readonly string[];
	body: Instruction[];
}

export interface CheckContext extends CheckInput {
	/** The ARG lines before the first FROM. */
	globalArgLines: Instruction[];
	views: StageView[];
}

/** Cuts the instructions into the global ARG lines and one view per stage (FROM lines match `stages`). */
export function checkContext(input: CheckInput): CheckContext {
	const globalArgLines: Instruction[] = [];
	const views: StageView[] = [];
	for (const ins of input.instructions) {
		if (ins.keyword === "FROM") {
			views.push({ index: views.length, from: ins, fromWords: restWordsOf(ins, input.escape), body: [] });
		} else if (views.length === 0) {
			if (ins.keyword === "ARG") globalArgLines.push(ins);
		} else views[views.length - 1].body.push(ins);
	}
	return { ...input, globalArgLines, views };
}

/** Collects findings; each rule module adds through it. */
export class Findings {
	readonly advice: Advice[] = [];

	add(rule: string, message: string, reason: string, line: number): void {
		this.advice.push({ rule, message, reason, line });
	}
}

/** Whether an instruction's arguments are a JSON array of strings (exec form). */
export function isJsonArray(args: string): boolean {
	if (!args.startsWith("[")) return false;
	try {
		const parsed: unknown = JSON.parse(args);
		return Array.isArray(parsed) && parsed.every((x) => typeof x === "string");
	} catch {
		return false;
	}
}
