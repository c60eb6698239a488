/**
 * The stage builder's working state, shared by its steps (build-stages.ts): the result so far,
 * the FROM lines as read, the stage names known, and the first rejection in BuildKit's order of
 * steps (a rejection found in a later step never replaces it).
 */
import type { Instruction } from "../lexer";
import type { BuiltStages } from "./built-stages";

/** The empty image; also what a mount without `from` names. */
export const EMPTY_IMAGE = "scratch";

/** BuildKit's steps, in order: a rejection found in an earlier step wins. */
export const Step = { Read: 0, GlobalArgs: 1, Stages: 2, References: 3, Images: 4, Build: 5 } as const;
export type Step = (typeof Step)[keyof typeof Step];

/** A `COPY --from` or `RUN --mount` of a stage, read in step 1 and resolved in step 4. */
export interface Reference {
	via: "copy" | "mount";
	/** The value as written (`COPY --from`), or the mount's `from`, `scratch` when it has none. */
	value: string;
	/** The mount's target, for BuildKit's message. */
	target: string;
	/** Whether the mount named a `from` (one without takes nothing we show, unless a stage is called scratch). */
	named: boolean;
	line: number;
}

/** What a reference resolves to: a stage, or an image BuildKit adds to its list of states. */
export type Target = { stage: number } | { image: string };

/** One FROM line as read in step 1, before any expansion. */
export interface StageDraft {
	ins: Instruction;
	written: string;
	platform: string | null;
	refs: Reference[];
}

export class BuildState {
	readonly out: BuiltStages = { stages: [], facts: [], notes: [], rejection: null, globals: { env: new Map(), declared: new Set() } };
	private rejectionStep = Number.POSITIVE_INFINITY;
	readonly drafts: StageDraft[] = [];
	readonly globalArgLines: Instruction[] = [];
	/** Lowercased stage name → index of the last stage so named (BuildKit's map once all are known). */
	readonly lastByName = new Map<string, number>();
	/** Stage names known so far, for FROM (the nearest one above wins). */
	readonly nameSoFar = new Map<string, number>();
	/** The build-time args a stage's FROM word used, for the stages that use any. */
	readonly buildTimeArgs = new Map<number, string[]>();

	/** @param escape the file's escape character */
	constructor(readonly escape: string) {}

	reject(step: Step, line: number, reason: string): void {
		if (step < this.rejectionStep) {
			this.rejectionStep = step;
			this.out.rejection = { line, reason };
		}
	}

	note(rule: string, message: string, reason: string, line: number): void {
		this.out.notes.push({ rule, message, reason, line });
	}

	stageLabel(index: number): string {
		return this.out.stages[index].name ?? `stage-${index}`;
	}
}
