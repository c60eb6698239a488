/**
 * Step 3 of the stage builder (build-stages.ts): each FROM line expanded in the global scope.
 * Its base is the nearest stage above of exactly that name, else an image; a base or platform
 * that only `--build-arg` can give is kept as written.
 */
import { parsePlatform } from "../platform";
import { closestName } from "../suggest";
import { Step, type BuildState, type StageDraft } from "./build-state";
import { expandGlobal, type GlobalArgs } from "./global-args";

/** Step 3: one FROM line, expanded; it builds on the nearest stage above of exactly that name. */
export function addStage(b: BuildState, draft: StageDraft, args: GlobalArgs): void {
	const { ins, written } = draft;
	const index = b.out.stages.length;
	const e = expandGlobal(written, args, b.escape);
	noteUndeclared(b, e.undeclared, ins.line, args);
	let base = e.value;
	let baseArgs: string[] = [];
	if (e.error !== null || base === "") {
		// Expected from --build-arg at build time: keep the line as written. Otherwise BuildKit stops here.
		if (e.buildTime.length > 0) {
			base = written;
			baseArgs = e.buildTime;
		} else if (written !== "") b.reject(Step.Stages, ins.line, e.error ?? `base name (${written}) should not be blank`);
	}
	if (e.buildTime.length > 0) b.buildTimeArgs.set(index, e.buildTime);
	const platform = stagePlatform(b, draft.platform, ins.line, args);
	const facts = b.out.facts[index];
	const name = facts.rawName?.toLowerCase() ?? null;
	// BuildKit looks the base up as written, among the stages above: `FROM Builder` is an image.
	const parent = baseArgs.length === 0 ? (b.nameSoFar.get(base) ?? null) : null;
	b.out.stages.push({
		index,
		name,
		base: base === "" ? "(none)" : base,
		baseArgs,
		parent,
		platform,
		sources: [],
		copiesFiles: facts.copies,
		line: ins.line,
		final: false,
		skipped: false,
	});
	if (parent === null && baseArgs.length === 0 && (b.lastByName.get(base) ?? -1) > index) {
		b.note(
			"from-later-stage",
			`Move stage "${base}" above this FROM, or name an image.`,
			"FROM only sees earlier stages; Docker will try to pull an image with this name.",
			ins.line,
		);
	}
	if (name !== null) b.nameSoFar.set(name, index);
}

function noteUndeclared(b: BuildState, names: readonly string[], line: number, args: GlobalArgs): void {
	for (const name of names) {
		const close = closestName(name, [...args.declared, ...args.env.keys()]);
		b.note(
			"UndefinedArgInFrom",
			`FROM argument '${name}' is not declared${close === null ? "" : ` (did you mean ${close}?)`}: declare ARG ${name} before the first FROM.`,
			`Only global build args (ARG lines above the first FROM) and the platform args reach a FROM line; $${name} expands to nothing.`,
			line,
		);
	}
}

/** The `--platform` value after expansion; BuildKit refuses an empty or unreadable one. */
function stagePlatform(b: BuildState, written: string | null, line: number, args: GlobalArgs): string | null {
	if (written === null) return null;
	const e = expandGlobal(written, args, b.escape);
	noteUndeclared(b, e.undeclared, line, args);
	const parsed = e.error === null && e.value !== "" ? parsePlatform(e.value) : null;
	if (parsed !== null && !("error" in parsed)) return e.value;
	if (e.buildTime.length > 0) return written; // set with --build-arg at build time
	if (e.error !== null) b.reject(Step.Stages, line, `failed to process arguments for platform: ${e.error}`);
	else if (e.value === "") b.reject(Step.Stages, line, `empty platform value from expression ${written}`);
	else if (parsed !== null && "error" in parsed) b.reject(Step.Stages, line, `failed to parse platform ${written}: ${parsed.error}`);
	return written;
}
