/**
 * Builds the stage list from lexed instructions: FROM lines (global ARGs expanded), `AS` names,
 * `COPY --from`, `RUN --mount=…,from=`, and the facts advice needs (USER, CMD/ENTRYPOINT form).
 * References are resolved only after every stage is known, so "later stage" can be told apart
 * from "no such stage".
 */
import { expandArgs, PLATFORM_ARGS } from "./expand";
import type { Instruction, LexNote } from "./lexer";
import type { DockerStage, StageSource } from "./types";
import { findSizeRow } from "./base-images";

/** Facts about a stage that only the advice rules need. */
export interface StageFacts {
	/** The `AS` name exactly as written. */
	rawName: string | null;
	lastUser: { value: string; line: number } | null;
	shellForm: { keyword: string; line: number }[];
	/** The arguments of every COPY/ADD, lowercased, to spot copied certificates or zone files. */
	copied: string;
}

export interface BuiltStages {
	stages: DockerStage[];
	facts: StageFacts[];
	notes: LexNote[];
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const RESERVED = new Set(["scratch", "context"]);

function words(args: string): string[] {
	return args.split(/\s+/).filter((w) => w !== "");
}

function unquote(s: string): string {
	return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

/** Leading `--name=value` / `--name` flags of an instruction, lowercased names. */
function leadingFlags(args: string): { flags: { name: string; value: string | null }[]; rest: string[] } {
	const all = words(args);
	const flags: { name: string; value: string | null }[] = [];
	let i = 0;
	for (; i < all.length && all[i].startsWith("--"); i++) {
		const eq = all[i].indexOf("=");
		flags.push(
			eq < 0 ? { name: all[i].slice(2).toLowerCase(), value: null } : { name: all[i].slice(2, eq).toLowerCase(), value: unquote(all[i].slice(eq + 1)) },
		);
	}
	return { flags, rest: all.slice(i) };
}

/** Global `ARG a=1 b` declarations into the arg map (values unquoted). */
function declareArgs(args: string, into: Map<string, string | null>): void {
	for (const w of words(args)) {
		const eq = w.indexOf("=");
		const name = eq < 0 ? w : w.slice(0, eq);
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
		// Redeclaring a platform arg without a value keeps its predefined (build-time) value.
		if (eq < 0 && PLATFORM_ARGS.has(name)) continue;
		into.set(name, eq < 0 ? null : unquote(w.slice(eq + 1)));
	}
}

function isExecForm(args: string): boolean {
	if (!args.startsWith("[")) return false;
	try {
		const parsed: unknown = JSON.parse(args);
		return Array.isArray(parsed) && parsed.every((x) => typeof x === "string");
	} catch {
		return false; // BuildKit runs a malformed JSON array as a shell command
	}
}

interface PendingRef {
	stage: number;
	ref: string;
	via: "copy" | "mount";
	line: number;
}

/**
 * Builds stages from instructions (which must contain at least one FROM).
 * @param escape the file's escape character, for `\$` in expansions
 */
export function buildStages(instructions: readonly Instruction[], escape: string): BuiltStages {
	const out: BuiltStages = { stages: [], facts: [], notes: [] };
	const globalArgs = new Map<string, string | null>();
	const pending: PendingRef[] = [];
	const expand = (word: string, line: number): string => {
		const r = expandArgs(word, globalArgs, escape);
		for (const name of r.undefinedNames) {
			out.notes.push({
				rule: "undefined-arg",
				message: `Declare ARG ${name} before the first FROM.`,
				reason: `$${name} is not a global build arg here, so it expands to nothing.`,
				line,
			});
		}
		return r.value;
	};
	for (const ins of instructions) {
		const current = out.stages[out.stages.length - 1];
		if (ins.keyword === "ARG" && !current) declareArgs(ins.args, globalArgs);
		else if (ins.keyword === "FROM") addStage(ins, out, expand);
		else if (!current) continue;
		else if (ins.keyword === "COPY" || ins.keyword === "ADD") {
			current.copiesFiles = true;
			out.facts[current.index].copied += ` ${ins.args.toLowerCase()}`;
			const from = leadingFlags(ins.args).flags.find((f) => f.name === "from");
			if (from && ins.keyword === "ADD") {
				out.notes.push({
					rule: "add-from",
					message: "Use COPY --from instead of ADD --from.",
					reason: "ADD has no --from flag; BuildKit rejects it.",
					line: ins.line,
				});
			} else if (from) {
				pending.push({ stage: current.index, ref: expand(from.value ?? "", ins.line), via: "copy", line: ins.line });
			}
		} else if (ins.keyword === "RUN") {
			for (const flag of leadingFlags(ins.args).flags) {
				if (flag.name !== "mount" || !flag.value) continue;
				const from = flag.value
					.split(",")
					.map((kv) => kv.split("="))
					.find(([k]) => k.trim().toLowerCase() === "from");
				if (from && from[1])
					pending.push({ stage: current.index, ref: expand(unquote(from.slice(1).join("=").trim()), ins.line), via: "mount", line: ins.line });
			}
		} else if (ins.keyword === "USER") {
			out.facts[current.index].lastUser = { value: ins.args.trim(), line: ins.line };
		} else if ((ins.keyword === "CMD" || ins.keyword === "ENTRYPOINT") && ins.args !== "" && !isExecForm(ins.args)) {
			out.facts[current.index].shellForm.push({ keyword: ins.keyword, line: ins.line });
		}
	}
	resolveParents(out);
	for (const p of pending) out.stages[p.stage].sources.push(resolveSource(p, out));
	markReachable(out.stages);
	return out;
}

function addStage(ins: Instruction, out: BuiltStages, expand: (w: string, line: number) => string): void {
	const { flags, rest } = leadingFlags(ins.args);
	const platformFlag = flags.find((f) => f.name === "platform");
	const index = out.stages.length;
	const base = rest[0] === undefined ? "" : expand(unquote(rest[0]), ins.line);
	let rawName: string | null = null;
	if (rest.length >= 3 && rest[1].toLowerCase() === "as") rawName = rest[2];
	if (rest.length === 0 || base === "" || (rest.length > 1 && rawName === null) || rest.length > 3) {
		out.notes.push({
			rule: "from-syntax",
			message: "Write FROM [--platform=…] image[:tag] [AS name].",
			reason: "BuildKit cannot read this FROM line.",
			line: ins.line,
		});
	}
	const name = rawName === null ? null : rawName.toLowerCase();
	out.stages.push({
		index,
		name,
		base: base === "" ? "(none)" : base,
		parent: null,
		platform: platformFlag?.value ? expand(platformFlag.value, ins.line) : null,
		sources: [],
		copiesFiles: false,
		line: ins.line,
		final: false,
		skipped: false,
	});
	out.facts.push({ rawName, lastUser: null, shellForm: [], copied: "" });
	if (rawName === null || name === null) return;
	if (!STAGE_NAME.test(name)) {
		out.notes.push({
			rule: "invalid-stage-name",
			message: `Rename stage "${rawName}" to letters, digits, "-", "_" and ".", starting with a letter.`,
			reason: "BuildKit rejects other stage names.",
			line: ins.line,
		});
	} else if (RESERVED.has(name)) {
		out.notes.push({ rule: "reserved-stage-name", message: `Rename stage "${rawName}".`, reason: `"${name}" is reserved by BuildKit.`, line: ins.line });
	}
	if (rawName !== name) {
		out.notes.push({
			rule: "uppercase-stage-name",
			message: `Write the stage name in lower case: ${name}.`,
			reason: "Stage names are lowercased, so mixed case only misleads.",
			line: ins.line,
		});
	}
	if (out.stages.slice(0, index).some((s) => s.name === name)) {
		out.notes.push({
			rule: "duplicate-stage-name",
			message: `Give stage "${name}" a name no other stage uses.`,
			reason: "BuildKit refuses duplicate stage names.",
			line: ins.line,
		});
	}
}

/** `FROM name` builds on the most recent EARLIER stage of that name; later stages never match. */
function resolveParents(out: BuiltStages): void {
	for (const stage of out.stages) {
		const key = stage.base.toLowerCase();
		const earlier = lastIndexOfName(out.stages, key, stage.index);
		if (earlier >= 0) {
			stage.parent = earlier;
			continue;
		}
		if (out.stages.some((s) => s.index >= stage.index && s.name === key)) {
			out.notes.push({
				rule: "from-later-stage",
				message: `Move stage "${key}" above this FROM, or name an image.`,
				reason: "FROM only sees earlier stages; Docker will try to pull an image with this name.",
				line: stage.line,
			});
		}
	}
}

function lastIndexOfName(stages: readonly DockerStage[], name: string, before: number): number {
	for (let i = Math.min(before, stages.length) - 1; i >= 0; i--) if (stages[i].name === name) return i;
	return -1;
}

function resolveSource(p: PendingRef, out: BuiltStages): StageSource {
	const stages = out.stages;
	const source: StageSource = { kind: "invalid", ref: p.ref, stage: null, via: p.via, line: p.line };
	const flag = p.via === "copy" ? "--from" : "--mount from";
	const note = (rule: string, message: string, reason: string) => out.notes.push({ rule, message, reason, line: p.line });
	if (/^\d+$/.test(p.ref)) {
		const n = Number(p.ref);
		if (n < p.stage) return { ...source, kind: "stage", stage: n };
		if (n === p.stage) note("from-own-stage", `Point ${flag}=${p.ref} at an earlier stage.`, "A stage cannot copy from itself.");
		else if (n < stages.length) note("from-later-stage", `Point ${flag}=${p.ref} at an earlier stage.`, "Stages can only use stages defined above them.");
		else note("from-undefined-stage", `Point ${flag}=${p.ref} at an existing stage.`, `There are only ${stages.length} stages, counted from 0.`);
		return source;
	}
	const key = p.ref.toLowerCase();
	const earlier = lastIndexOfName(stages, key, p.stage);
	if (earlier >= 0) return { ...source, kind: "stage", stage: earlier };
	if (stages[p.stage].name === key) {
		note("from-own-stage", `Point ${flag}=${p.ref} at an earlier stage.`, "A stage cannot copy from itself.");
		return source;
	}
	if (stages.some((s) => s.index > p.stage && s.name === key)) {
		note("from-later-stage", `Move stage "${key}" above line ${p.line}.`, "Stages can only use stages defined above them.");
		return source;
	}
	// A bare word that names no stage is probably a typo; a reference with a tag, digest or path is an image.
	if (!/[:/@]/.test(p.ref) && findSizeRow(p.ref) === null) {
		note("from-undefined-stage", `Check ${flag}=${p.ref}: no earlier stage has that name.`, `Docker will try to pull an image called "${p.ref}".`);
	}
	return { ...source, kind: "image" };
}

/** The final stage is the last; anything it does not reach is skipped by BuildKit. */
function markReachable(stages: DockerStage[]): void {
	if (stages.length === 0) return;
	const final = stages[stages.length - 1];
	final.final = true;
	const seen = new Set<number>();
	const todo = [final.index];
	while (todo.length > 0) {
		const i = todo.pop()!;
		if (seen.has(i)) continue;
		seen.add(i);
		const parent = stages[i].parent;
		if (parent !== null) todo.push(parent);
		for (const s of stages[i].sources) if (s.stage !== null) todo.push(s.stage);
	}
	for (const s of stages) s.skipped = !seen.has(s.index);
}
