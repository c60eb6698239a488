/**
 * Builds the stage list from lexed instructions: FROM lines (global ARGs expanded), `AS` names,
 * `COPY --from`, `RUN --mount=…,from=`, and the facts advice needs (USER, CMD/ENTRYPOINT form).
 * References are resolved only after every stage is known, so "later stage" can be told apart
 * from "no such stage".
 */
import { processWord, WordError } from "./expand";
import type { Instruction, LexNote } from "./lexer";
import type { DockerStage, StageSource } from "./types";
import { findSizeRow } from "./base-images";
import { DEFAULT_PLATFORM, parsePlatform, platformArgs, type Platform } from "./platform";
import { extractFlags, parseFlag, splitQuotedWords, splitWhitespace } from "./words";

/** Facts about a stage that only the advice rules need. */
export interface StageFacts {
	/** The `AS` name exactly as written. */
	rawName: string | null;
	lastUser: { value: string; line: number } | null;
	shellForm: { keyword: string; line: number }[];
	/** The arguments of every COPY/ADD, lowercased, to spot copied certificates or zone files. */
	copied: string;
}

/** A reason BuildKit refuses the whole file, and the line it points at. */
interface Rejection {
	line: number;
	reason: string;
}

export interface BuiltStages {
	stages: DockerStage[];
	facts: StageFacts[];
	notes: LexNote[];
	/** The first reason BuildKit would refuse the file, or null. */
	rejection: Rejection | null;
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
		flags.push(eq < 0 ? { name: all[i].slice(2).toLowerCase(), value: null } : { name: all[i].slice(2, eq).toLowerCase(), value: unquote(all[i].slice(eq + 1)) });
	}
	return { flags, rest: all.slice(i) };
}

/**
 * The global scope of a build: the platform args, then each ARG before the first FROM with a
 * value, expanded with what came before it (BuildKit's `buildMetaArgs`).
 */
class GlobalArgs {
	readonly env: Map<string, string>;
	/** Every name an ARG line before the first FROM declares, with or without a value. */
	readonly declared = new Set<string>();

	constructor(platform: Map<string, string>) {
		this.env = platform;
	}

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
	undeclared: string[];
	/** BuildKit's reason when the word cannot be expanded. */
	error: string | null;
}

function expandGlobal(word: string, args: GlobalArgs, escape: string): Expanded {
	let value = "";
	let error: string | null = null;
	let unmatched: Set<string>;
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

/** The name BuildKit gives `TARGETSTAGE`: the last stage's name, or `default`. */
function targetStageName(instructions: readonly Instruction[]): string {
	for (let i = instructions.length - 1; i >= 0; i--) {
		if (instructions[i].keyword !== "FROM") continue;
		const rest = leadingFlags(instructions[i].args).rest;
		return rest.length === 3 && rest[1].toLowerCase() === "as" ? rest[2].toLowerCase() : "default";
	}
	return "default";
}

/**
 * Builds stages from instructions (which must contain at least one FROM).
 * @param escape the file's escape character
 * @param target the platform being built for; the builder is linux/amd64
 */
export function buildStages(instructions: readonly Instruction[], escape: string, target: Platform): BuiltStages {
	const out: BuiltStages = { stages: [], facts: [], notes: [], rejection: null };
	const reject = (line: number, reason: string) => {
		out.rejection ??= { line, reason };
	};
	const args = new GlobalArgs(platformArgs(target, DEFAULT_PLATFORM, targetStageName(instructions)));
	const pending: PendingRef[] = [];
	const noteUndeclared = (names: readonly string[], line: number) => {
		for (const name of names) {
			out.notes.push({ rule: "undefined-arg", message: `Declare ARG ${name} before the first FROM.`, reason: `$${name} is not a global build arg here, so it expands to nothing.`, line });
		}
	};
	// Only the stages' references use expansion here; BuildKit refuses variables in them later on.
	const expandRef = (word: string): string => {
		try {
			return processWord(word, args.env, { escape }).value;
		} catch {
			return word;
		}
	};
	for (const ins of instructions) {
		const current = out.stages[out.stages.length - 1];
		if (ins.keyword === "ARG" && !current) declareGlobalArgs(ins, args, escape, reject);
		else if (ins.keyword === "FROM") addStage(ins, out, args, escape, reject, noteUndeclared);
		else if (!current) continue;
		else if (ins.keyword === "COPY" || ins.keyword === "ADD") {
			current.copiesFiles = true;
			out.facts[current.index].copied += ` ${ins.args.toLowerCase()}`;
			const from = leadingFlags(ins.args).flags.find((f) => f.name === "from");
			if (from && ins.keyword === "ADD") {
				out.notes.push({ rule: "add-from", message: "Use COPY --from instead of ADD --from.", reason: "ADD has no --from flag; BuildKit rejects it.", line: ins.line });
			} else if (from) {
				pending.push({ stage: current.index, ref: expandRef(from.value ?? ""), via: "copy", line: ins.line });
			}
		} else if (ins.keyword === "RUN") {
			for (const flag of leadingFlags(ins.args).flags) {
				if (flag.name !== "mount" || !flag.value) continue;
				const from = flag.value.split(",").map((kv) => kv.split("=")).find(([k]) => k.trim().toLowerCase() === "from");
				if (from && from[1]) pending.push({ stage: current.index, ref: expandRef(unquote(from.slice(1).join("=").trim())), via: "mount", line: ins.line });
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

/** `ARG a=1 b`: each value is expanded with the args before it, quotes removed. */
function declareGlobalArgs(ins: Instruction, args: GlobalArgs, escape: string, reject: (line: number, reason: string) => void): void {
	const pairs = splitQuotedWords(ins.args, escape);
	if (pairs.length === 0) reject(ins.line, "ARG requires at least one argument");
	for (const pair of pairs) {
		const eq = pair.indexOf("=");
		const name = eq < 0 ? pair : pair.slice(0, eq);
		if (name === "") reject(ins.line, "ARG names can not be blank");
		args.declared.add(name);
		if (eq < 0) continue; // no value: the arg keeps what it has (a platform arg's value, say)
		const e = expandGlobal(pair.slice(eq + 1), args, escape);
		if (e.error === null) args.env.set(name, e.value);
		else if (e.buildTime.length === 0) reject(ins.line, e.error);
	}
}

function addStage(
	ins: Instruction,
	out: BuiltStages,
	args: GlobalArgs,
	escape: string,
	reject: (line: number, reason: string) => void,
	noteUndeclared: (names: readonly string[], line: number) => void,
): void {
	const { flags: flagWords, rest: restText } = extractFlags(ins.args, escape);
	const rest = splitWhitespace(restText);
	const index = out.stages.length;
	let rawName: string | null = null;
	if (rest.length >= 3 && rest[1].toLowerCase() === "as") rawName = rest[2];
	if (rest.length === 0 || (rest.length > 1 && rawName === null) || rest.length > 3) {
		out.notes.push({ rule: "from-syntax", message: "Write FROM [--platform=…] image[:tag] [AS name].", reason: "BuildKit cannot read this FROM line.", line: ins.line });
	}
	const written = rest[0] ?? "";
	const e = expandGlobal(written, args, escape);
	noteUndeclared(e.undeclared, ins.line);
	let base = e.value;
	let baseArgs: string[] = [];
	if (e.error !== null || (base === "" && written !== "")) {
		// Expected from --build-arg at build time: keep the line as written. Otherwise BuildKit stops here.
		if (e.buildTime.length > 0) {
			base = written;
			baseArgs = e.buildTime;
		} else reject(ins.line, e.error ?? `base name (${written}) should not be blank`);
	}
	const platform = stagePlatform(flagWords.map(parseFlag).find((f) => f.name === "platform")?.value ?? null, ins.line, args, escape, reject, noteUndeclared);
	const name = rawName === null ? null : rawName.toLowerCase();
	out.stages.push({
		index,
		name,
		base: base === "" ? "(none)" : base,
		baseArgs,
		parent: null,
		platform,
		sources: [],
		copiesFiles: false,
		line: ins.line,
		final: false,
		skipped: false,
	});
	out.facts.push({ rawName, lastUser: null, shellForm: [], copied: "" });
	if (rawName === null || name === null) return;
	if (!STAGE_NAME.test(name)) {
		out.notes.push({ rule: "invalid-stage-name", message: `Rename stage "${rawName}" to letters, digits, "-", "_" and ".", starting with a letter.`, reason: "BuildKit rejects other stage names.", line: ins.line });
	} else if (RESERVED.has(name)) {
		out.notes.push({ rule: "reserved-stage-name", message: `Rename stage "${rawName}".`, reason: `"${name}" is reserved by BuildKit.`, line: ins.line });
	}
	if (rawName !== name) {
		out.notes.push({ rule: "uppercase-stage-name", message: `Write the stage name in lower case: ${name}.`, reason: "Stage names are lowercased, so mixed case only misleads.", line: ins.line });
	}
	if (out.stages.slice(0, index).some((s) => s.name === name)) {
		out.notes.push({ rule: "duplicate-stage-name", message: `Give stage "${name}" a name no other stage uses.`, reason: "BuildKit refuses duplicate stage names.", line: ins.line });
	}
}

/** The `--platform` value after expansion; BuildKit refuses an empty or unreadable one. */
function stagePlatform(
	written: string | null,
	line: number,
	args: GlobalArgs,
	escape: string,
	reject: (line: number, reason: string) => void,
	noteUndeclared: (names: readonly string[], line: number) => void,
): string | null {
	if (written === null || written === "") return null;
	const e = expandGlobal(written, args, escape);
	noteUndeclared(e.undeclared, line);
	const parsed = e.error === null && e.value !== "" ? parsePlatform(e.value) : null;
	if (e.error === null && e.value !== "" && parsed && !("error" in parsed)) return e.value;
	if (e.buildTime.length > 0) return written; // set with --build-arg at build time
	if (e.error !== null) reject(line, `failed to process arguments for platform: ${e.error}`);
	else if (e.value === "") reject(line, `empty platform value from expression ${written}`);
	else if (parsed && "error" in parsed) reject(line, `failed to parse platform ${written}: ${parsed.error}`);
	return written;
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
			out.notes.push({ rule: "from-later-stage", message: `Move stage "${key}" above this FROM, or name an image.`, reason: "FROM only sees earlier stages; Docker will try to pull an image with this name.", line: stage.line });
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
