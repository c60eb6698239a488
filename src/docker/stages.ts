/**
 * Builds the stage graph from lexed instructions the way BuildKit's Dockerfile frontend does, in
 * its order of steps, so that the first reason it would refuse the file is the one reported:
 *
 * 1. each instruction is read (unknown instructions, FROM's shape and name, flags, mount `from`);
 * 2. the global ARGs are expanded, each with the ones before it and the platform args;
 * 3. each FROM line is expanded and names the nearest stage above it of exactly that name, else
 *    an image (`--platform` too);
 * 4. `COPY --from` (never expanded) and `RUN --mount=…,from=` are resolved against every stage
 *    (by the last stage of a name, an index for `COPY --from` only), else they name an image;
 *    a reference cycle is refused;
 * 5. every image reference is checked;
 * 6. the stages the final stage needs are built in file order, and none may take from a stage
 *    that is not built yet.
 *
 * Every step is linear in the size of the file.
 */
import { findSizeRow } from "./base-images";
import { processWord, WordError } from "./expand";
import { referenceError } from "./image-ref";
import { closestName } from "./suggest";
import { flagsOf, KEYWORDS, restWordsOf, type Instruction } from "./lexer";
import { DEFAULT_PLATFORM, parsePlatform, platformArgs, type Platform } from "./platform";
import type { Advice, DockerStage } from "./types";
import { splitQuotedWords, type Flag } from "./words";

/** Facts about a stage that only the advice rules need. */
export interface StageFacts {
	/** The `AS` name exactly as written. */
	rawName: string | null;
	/** The `--platform` value as written, or null. */
	writtenPlatform: string | null;
	lastUser: { value: string; line: number } | null;
	/** Whether a COPY/ADD of the stage copies anything. */
	copies: boolean;
	/** …CA certificates (`ca-certificates`, `ssl/certs`), for the scratch reminder. */
	copiesCerts: boolean;
	/** …time zone files (`zoneinfo`, `tzdata`). */
	copiesZoneinfo: boolean;
	/** Each COPY/ADD: its `--from` (null for the build context) and its arguments after the flags. */
	copyItems: { from: string | null; rest: string }[];
	/** Whether a RUN installs production dependencies only (`npm ci --omit=dev` and the like). */
	prunesDevDependencies: boolean;
}

/** A reason BuildKit refuses the whole file, and the line it points at. */
interface Rejection {
	line: number;
	reason: string;
}

export interface BuiltStages {
	stages: DockerStage[];
	facts: StageFacts[];
	notes: Advice[];
	/** The first reason BuildKit would refuse the file, or null. */
	rejection: Rejection | null;
	/** The global scope FROM lines saw: values (platform args included) and every declared name. */
	globals: { env: ReadonlyMap<string, string>; declared: ReadonlySet<string> };
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const EMPTY_IMAGE = "scratch";
const CERTS = /ca-certificates|ssl\/certs/i;
const ZONEINFO = /zoneinfo|tzdata/i;
/** `npm ci --omit=dev`, `npm install --production`, `npm prune --omit=dev`, `yarn install --production`, `pnpm install --prod`. */
const PRODUCTION_INSTALL = /\b(npm|yarn|pnpm)\b[^&;|]*\s--(omit[= ]dev|only[= ]prod(uction)?|production|prod)\b/;
/** Two words: something, white space, something. */
const SECOND_WORD = /\S[\t\v\f\r ]+\S/;
/** What a word may need expanding, unquoting or unescaping for (the escape character is checked apart). */
const NEEDS_EXPANSION = /[$'"<]/;
/** A stage index small enough to read exactly as a JavaScript number. */
const SMALL_INDEX = /^\d{1,15}$/;
const NONE: readonly string[] = [];
/** `COPY --from` is expanded with no variables at all: any expansion changes it. */
const NO_ARGS: ReadonlyMap<string, string> = new Map();
/** Instruction names as BuildKit suggests them for a typo. */
const INSTRUCTION_NAMES = [...KEYWORDS];
const FROM_FLAGS = ["platform"];
const COPY_FLAGS = ["chown", "from", "chmod", "link", "exclude", "parents"];
const ADD_FLAGS = ["chown", "chmod", "link", "keep-git-dir", "checksum", "unpack", "exclude"];
/** Flags that may be given more than once. */
const REPEATABLE = new Set(["exclude", "mount"]);
/** Flags that are true or false (`--link`, `--link=false`). */
const BOOLEAN_FLAGS = new Set(["link", "parents", "keep-git-dir", "unpack"]);

/** BuildKit's steps, in order: a rejection found in an earlier step wins. */
const Step = { Read: 0, GlobalArgs: 1, Stages: 2, References: 3, Images: 4, Build: 5 } as const;
type Step = (typeof Step)[keyof typeof Step];

/** `reason (did you mean X?)` when an option is within two edits of `value`, as BuildKit words it. */
function suggest(reason: string, value: string, options: readonly string[], caseSensitive: boolean): string {
	const best = closestName(value, options, caseSensitive);
	return best === null ? reason : `${reason} (did you mean ${best}?)`;
}

/**
 * Reads an instruction's flags as BuildKit does: each must be one the instruction knows, given
 * once (unless it may repeat), with a value.
 * @returns the flags, or BuildKit's reason for refusing them
 */
function readFlags(flags: readonly Flag[], known: readonly string[]): readonly Flag[] | string {
	for (let i = 0; i < flags.length; i++) {
		const flag = flags[i];
		if (!known.includes(flag.name)) return suggest(`unknown flag: --${flag.name}`, flag.name, known, true);
		// An instruction has a handful of flags: looking back is cheaper than a set.
		if (!REPEATABLE.has(flag.name)) for (let j = 0; j < i; j++) if (flags[j].name === flag.name) return `duplicate flag specified: --${flag.name}`;
		if (BOOLEAN_FLAGS.has(flag.name)) {
			if (flag.value === "") return `missing a value on flag: --${flag.name}`;
			if (flag.value !== null && !/^(true|false)$/i.test(flag.value)) return `expecting boolean value for flag --${flag.name}, not: ${flag.value}`;
		} else if (flag.value === null) {
			return `missing a value on flag: --${flag.name}`;
		}
	}
	return flags;
}

/** The value of the first flag of that name (null when it has none, undefined when it is absent). */
function flagValue(flags: readonly Flag[], name: string): string | null | undefined {
	for (const f of flags) if (f.name === name) return f.value;
	return undefined;
}

/** Whether COPY or ADD has a source and a destination: a JSON array, else words separated by white space. */
function hasTwoArgs(rest: string): boolean {
	if (rest.startsWith("[") && rest.endsWith("]")) {
		try {
			const parsed: unknown = JSON.parse(rest);
			if (Array.isArray(parsed) && parsed.every((x) => typeof x === "string")) return parsed.length >= 2;
		} catch {
			// not JSON: words
		}
	}
	return SECOND_WORD.test(rest);
}

/** Fields of a `--mount` value: comma-separated, a field may be double-quoted (`""` is a quote). */
function csvFields(value: string): string[] | null {
	const fields: string[] = [];
	let i = 0;
	for (;;) {
		let field = "";
		if (value[i] === '"') {
			for (i++; ; i++) {
				if (i >= value.length) return null;
				if (value[i] === '"') {
					if (value[i + 1] === '"') {
						field += '"';
						i++;
						continue;
					}
					i++;
					break;
				}
				field += value[i];
			}
			if (i < value.length && value[i] !== ",") return null;
		} else {
			const end = value.indexOf(",", i);
			field = value.slice(i, end < 0 ? value.length : end);
			if (field.includes('"')) return null;
			i = end < 0 ? value.length : end;
		}
		fields.push(field);
		if (i >= value.length) return fields;
		i++; // the comma
	}
}

/** One `--mount`: its `from` (null for none) and target, as BuildKit reads them before expansion. */
function readMount(value: string): { from: string | null; target: string } | string {
	if (!value.includes('"')) return readPlainMount(value);
	const fields = csvFields(value);
	if (fields === null) return `failed to parse csv mounts: ${value}`;
	let from: string | null = null;
	let target = "";
	for (const field of fields) {
		const eq = field.indexOf("=");
		if (eq < 0) continue;
		const key = field.slice(0, eq).toLowerCase();
		const v = field.slice(eq + 1);
		if (key === "from") {
			const dollar = v.indexOf("$");
			if (dollar >= 0 && dollar !== v.length - 1) return "'from' doesn't support variable expansion, define alias stage instead";
			from = v;
		} else if (key === "target" || key === "dst" || key === "destination") {
			target = v;
		}
	}
	return { from, target };
}

/** `readMount` for a value without quotes (the usual case): the fields are read in place. */
function readPlainMount(value: string): { from: string | null; target: string } | string {
	let from: string | null = null;
	let target = "";
	for (let i = 0; ;) {
		const comma = value.indexOf(",", i);
		const end = comma < 0 ? value.length : comma;
		const eq = value.indexOf("=", i);
		if (eq >= 0 && eq < end) {
			const key = value.slice(i, eq).toLowerCase();
			if (key === "from") {
				const v = value.slice(eq + 1, end);
				const dollar = v.indexOf("$");
				if (dollar >= 0 && dollar !== v.length - 1) return "'from' doesn't support variable expansion, define alias stage instead";
				from = v;
			} else if (key === "target" || key === "dst" || key === "destination") target = value.slice(eq + 1, end);
		}
		if (comma < 0) return { from, target };
		i = comma + 1;
	}
}

/**
 * The global scope of a build: the platform args, then each ARG before the first FROM with a
 * value, expanded with what came before it.
 */
class GlobalArgs {
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

function expandGlobal(word: string, args: GlobalArgs, escape: string): Expanded {
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

/** A `COPY --from` or `RUN --mount` of a stage, read in step 1 and resolved in step 4. */
interface Reference {
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
type Target = { stage: number } | { image: string };

/** One FROM line as read in step 1, before any expansion. */
interface StageDraft {
	ins: Instruction;
	written: string;
	platform: string | null;
	refs: Reference[];
}

class StageBuilder {
	readonly out: BuiltStages = { stages: [], facts: [], notes: [], rejection: null, globals: { env: new Map(), declared: new Set() } };
	private rejectionStep = Number.POSITIVE_INFINITY;
	private readonly drafts: StageDraft[] = [];
	private readonly globalArgLines: Instruction[] = [];
	/** Lowercased stage name → index of the last stage so named (BuildKit's map once all are known). */
	private readonly lastByName = new Map<string, number>();

	constructor(
		private readonly instructions: readonly Instruction[],
		private readonly escape: string,
		private readonly target: Platform,
	) {}

	private reject(step: Step, line: number, reason: string): void {
		if (step < this.rejectionStep) {
			this.rejectionStep = step;
			this.out.rejection = { line, reason };
		}
	}

	private note(rule: string, message: string, reason: string, line: number): void {
		this.out.notes.push({ rule, message, reason, line });
	}

	build(): BuiltStages {
		this.readInstructions();
		const args = new GlobalArgs(platformArgs(this.target, DEFAULT_PLATFORM, this.targetStageName()));
		for (const ins of this.globalArgLines) this.declareGlobalArgs(ins, args);
		this.out.globals = { env: args.env, declared: args.declared };
		for (const draft of this.drafts) this.addStage(draft, args);
		const targets = this.resolveReferences();
		this.checkCycles(targets);
		this.checkImages(targets);
		this.markReachable(targets);
		this.checkBuildOrder(targets);
		return this.out;
	}

	/** Step 1: every instruction, in order. */
	private readInstructions(): void {
		for (const ins of this.instructions) {
			if (!KEYWORDS.has(ins.keyword)) {
				this.reject(Step.Read, ins.line, suggest(`unknown instruction: ${ins.word}`, ins.word, INSTRUCTION_NAMES, false));
				continue;
			}
			const current = this.drafts[this.drafts.length - 1];
			const index = this.drafts.length - 1;
			if (ins.keyword === "FROM") this.readFrom(ins);
			else if (ins.keyword === "ARG") {
				this.readArg(ins);
				if (!current) this.globalArgLines.push(ins);
			} else if (!current) continue;
			else if (ins.keyword === "COPY" || ins.keyword === "ADD") this.readCopy(ins, current, index);
			else if (ins.keyword === "RUN") {
				this.readRun(ins, current);
				if (/npm|yarn/.test(ins.args)) this.out.facts[index].prunesDevDependencies ||= PRODUCTION_INSTALL.test(ins.args);
			} else if (ins.keyword === "USER") this.out.facts[index].lastUser = { value: ins.args.trim(), line: ins.line };
		}
	}

	private readFrom(ins: Instruction): void {
		const flagWords = flagsOf(ins, this.escape).parsed;
		const rest = restWordsOf(ins, this.escape);
		const named = rest.length === 3 && rest[1].toLowerCase() === "as";
		const rawName = named ? rest[2] : null;
		const name = rawName?.toLowerCase() ?? null;
		if (!named && rest.length !== 1) this.reject(Step.Read, ins.line, "FROM requires either one or three arguments");
		else if (rawName !== null && name !== null && !STAGE_NAME.test(name)) {
			this.reject(Step.Read, ins.line, `invalid name for build stage: ${JSON.stringify(rawName)}, name can't start with a number or contain symbols`);
		}
		const flags = readFlags(flagWords, FROM_FLAGS);
		if (typeof flags === "string") this.reject(Step.Read, ins.line, flags);
		const platform = typeof flags === "string" ? null : (flagValue(flags, "platform") ?? null);
		const index = this.drafts.length;
		this.drafts.push({ ins, written: rest[0] ?? "", platform: platform === "" ? null : platform, refs: [] });
		this.out.facts.push({
			rawName,
			writtenPlatform: platform === "" ? null : platform,
			lastUser: null,
			copies: false,
			copiesCerts: false,
			copiesZoneinfo: false,
			copyItems: [],
			prunesDevDependencies: false,
		});
		if (name !== null) this.lastByName.set(name, index);
	}

	private readArg(ins: Instruction): void {
		const pairs = splitQuotedWords(ins.args, this.escape);
		if (pairs.length === 0) this.reject(Step.Read, ins.line, "ARG requires at least one argument");
		else if (pairs.some((p) => p.startsWith("="))) this.reject(Step.Read, ins.line, "ARG names can not be blank");
	}

	private readCopy(ins: Instruction, current: StageDraft, index: number): void {
		const { parsed: flagWords, rest } = flagsOf(ins, this.escape);
		const facts = this.out.facts[index];
		facts.copies = true;
		facts.copiesCerts ||= CERTS.test(ins.args);
		facts.copiesZoneinfo ||= ZONEINFO.test(ins.args);
		if (!hasTwoArgs(rest)) {
			this.reject(Step.Read, ins.line, `${ins.keyword} requires at least two arguments, but only one was provided. Destination could not be determined`);
			return;
		}
		const flags = readFlags(flagWords, ins.keyword === "COPY" ? COPY_FLAGS : ADD_FLAGS);
		if (typeof flags === "string") {
			this.reject(Step.Read, ins.line, flags);
			return;
		}
		const from = flagValue(flags, "from");
		facts.copyItems.push({ from: from ?? null, rest });
		if (from) current.refs.push({ via: "copy", value: from, target: "", named: true, line: ins.line });
	}

	private readRun(ins: Instruction, current: StageDraft): void {
		for (const flag of flagsOf(ins, this.escape).parsed) {
			if (flag.name !== "mount") continue;
			if (flag.value === null) {
				this.reject(Step.Read, ins.line, "missing a value on flag: --mount");
				continue;
			}
			const mount = readMount(flag.value);
			if (typeof mount === "string") this.reject(Step.Read, ins.line, mount);
			else current.refs.push({ via: "mount", value: mount.from ?? EMPTY_IMAGE, target: mount.target, named: mount.from !== null, line: ins.line });
		}
	}

	/** The name BuildKit gives `TARGETSTAGE`: the last stage's name, or `default`. */
	private targetStageName(): string {
		const last = this.out.facts[this.out.facts.length - 1];
		return last?.rawName?.toLowerCase() ?? "default";
	}

	/** Step 2: `ARG a=1 b`: each value is expanded with the args before it, quotes removed. */
	private declareGlobalArgs(ins: Instruction, args: GlobalArgs): void {
		for (const pair of splitQuotedWords(ins.args, this.escape)) {
			const eq = pair.indexOf("=");
			const name = eq < 0 ? pair : pair.slice(0, eq);
			args.declared.add(name);
			if (eq < 0) continue; // no value: the arg keeps what it has (a platform arg's, say)
			const e = expandGlobal(pair.slice(eq + 1), args, this.escape);
			if (e.error === null) args.env.set(name, e.value);
			else if (e.buildTime.length === 0) this.reject(Step.GlobalArgs, ins.line, e.error);
		}
	}

	private noteUndeclared(names: readonly string[], line: number, args: GlobalArgs): void {
		for (const name of names) {
			const close = closestName(name, [...args.declared, ...args.env.keys()]);
			this.note(
				"UndefinedArgInFrom",
				`FROM argument '${name}' is not declared${close === null ? "" : ` (did you mean ${close}?)`}: declare ARG ${name} before the first FROM.`,
				`Only global build args (ARG lines above the first FROM) and the platform args reach a FROM line; $${name} expands to nothing.`,
				line,
			);
		}
	}

	/** Step 3: one FROM line, expanded; it builds on the nearest stage above of exactly that name. */
	private addStage(draft: StageDraft, args: GlobalArgs): void {
		const { ins, written } = draft;
		const index = this.out.stages.length;
		const e = expandGlobal(written, args, this.escape);
		this.noteUndeclared(e.undeclared, ins.line, args);
		let base = e.value;
		let baseArgs: string[] = [];
		if (e.error !== null || base === "") {
			// Expected from --build-arg at build time: keep the line as written. Otherwise BuildKit stops here.
			if (e.buildTime.length > 0) {
				base = written;
				baseArgs = e.buildTime;
			} else if (written !== "") this.reject(Step.Stages, ins.line, e.error ?? `base name (${written}) should not be blank`);
		}
		if (e.buildTime.length > 0) this.buildTimeArgs.set(index, e.buildTime);
		const platform = this.stagePlatform(draft.platform, ins.line, args);
		const facts = this.out.facts[index];
		const name = facts.rawName?.toLowerCase() ?? null;
		// BuildKit looks the base up as written, among the stages above: `FROM Builder` is an image.
		const parent = baseArgs.length === 0 ? (this.nameSoFar.get(base) ?? null) : null;
		this.out.stages.push({
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
		if (parent === null && baseArgs.length === 0 && (this.lastByName.get(base) ?? -1) > index) {
			this.note(
				"from-later-stage",
				`Move stage "${base}" above this FROM, or name an image.`,
				"FROM only sees earlier stages; Docker will try to pull an image with this name.",
				ins.line,
			);
		}
		if (name !== null) this.nameStage(name, index);
	}

	/** The build-time args a stage's FROM word used, for the stages that use any. */
	private readonly buildTimeArgs = new Map<number, string[]>();

	/** Stage names known so far, for FROM (the nearest one above wins). */
	private readonly nameSoFar = new Map<string, number>();

	private nameStage(name: string, index: number): void {
		this.nameSoFar.set(name, index);
	}

	/** The `--platform` value after expansion; BuildKit refuses an empty or unreadable one. */
	private stagePlatform(written: string | null, line: number, args: GlobalArgs): string | null {
		if (written === null) return null;
		const e = expandGlobal(written, args, this.escape);
		this.noteUndeclared(e.undeclared, line, args);
		const parsed = e.error === null && e.value !== "" ? parsePlatform(e.value) : null;
		if (parsed !== null && !("error" in parsed)) return e.value;
		if (e.buildTime.length > 0) return written; // set with --build-arg at build time
		if (e.error !== null) this.reject(Step.Stages, line, `failed to process arguments for platform: ${e.error}`);
		else if (e.value === "") this.reject(Step.Stages, line, `empty platform value from expression ${written}`);
		else if (parsed !== null && "error" in parsed) this.reject(Step.Stages, line, `failed to parse platform ${written}: ${parsed.error}`);
		return written;
	}

	/**
	 * Step 4: what each `--from` and mount names. An index counts the stages and then the images
	 * that earlier references added, as BuildKit's list of states does.
	 */
	private resolveReferences(): Target[][] {
		const images: string[] = [];
		const stageCount = this.out.stages.length;
		const all: Target[][] = new Array<Target[]>(this.drafts.length);
		for (let i = 0; i < this.drafts.length; i++) {
			const refs = this.drafts[i].refs;
			// Sized up front: most stages have a reference or two, and a grown array would reserve more.
			const targets = new Array<Target>(refs.length);
			const sources = new Array<DockerStage["sources"][number]>(refs.length);
			let found = 0;
			for (let k = 0; k < refs.length; k++) {
				const ref = refs[k];
				const t = ref.via === "copy" ? this.resolveCopy(ref, stageCount, images) : this.resolveByName(ref.value, images);
				targets[k] = t ?? { image: EMPTY_IMAGE }; // refused: it takes nothing
				if (t === null) continue;
				if ("stage" in t) sources[found++] = { kind: "stage", ref: ref.value, stage: t.stage, via: ref.via, line: ref.line };
				else if (ref.named) sources[found++] = { kind: "image", ref: t.image, stage: null, via: ref.via, line: ref.line };
			}
			sources.length = found;
			this.out.stages[i].sources = sources;
			all[i] = targets;
		}
		return all;
	}

	private resolveByName(value: string, images: string[]): Target {
		const stage = this.lastByName.get(value.toLowerCase());
		if (stage !== undefined) return { stage };
		images.push(value);
		return { image: value };
	}

	private resolveCopy(ref: Reference, stageCount: number, images: string[]): Target | null {
		// A stage name or index as it is (the usual case) needs no expansion to be sure of it.
		if (SMALL_INDEX.test(ref.value)) return this.resolveIndex(ref, Number(ref.value), stageCount, images);
		if ((NEEDS_EXPANSION.test(ref.value) || ref.value.includes(this.escape)) && this.refusedExpansion(ref)) return null;
		if (!/^[+-]?\d+$/.test(ref.value) || BigInt(ref.value) > 9223372036854775807n || BigInt(ref.value) < -9223372036854775808n) {
			return this.resolveByName(ref.value, images);
		}
		return this.resolveIndex(ref, Number(ref.value), stageCount, images);
	}

	private resolveIndex(ref: Reference, n: number, stageCount: number, images: string[]): Target | null {
		if (n >= 0 && n < stageCount) return { stage: n };
		if (n >= stageCount && n < stageCount + images.length) return { image: images[n - stageCount] };
		this.reject(Step.References, ref.line, `invalid stage index ${BigInt(ref.value).toString()}`);
		return null;
	}

	/** Whether BuildKit refuses a `--from` because expanding it would change it (or cannot be done). */
	private refusedExpansion(ref: Reference): boolean {
		try {
			if (processWord(ref.value, NO_ARGS, { escape: this.escape }).value === ref.value) return false;
			this.reject(
				Step.References,
				ref.line,
				"variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround",
			);
		} catch (e) {
			if (!(e instanceof WordError)) throw e;
			this.reject(Step.References, ref.line, e.message);
		}
		return true;
	}

	/** Step 4, end: a stage may not reach itself through `--from` and mounts. */
	private checkCycles(targets: Target[][]): void {
		const state = new Uint8Array(this.drafts.length); // 0 new, 1 on the path, 2 done
		const stackStage = new Int32Array(this.drafts.length);
		const stackNext = new Int32Array(this.drafts.length);
		for (let root = 0; root < this.drafts.length; root++) {
			if (state[root] !== 0) continue;
			// Iterative depth-first search, so a long chain of stages cannot overflow the call stack:
			// the path's stages and, for each, the next reference to follow.
			let depth = 0;
			stackStage[0] = root;
			stackNext[0] = 0;
			state[root] = 1;
			while (depth >= 0) {
				const stage = stackStage[depth];
				const out = targets[stage];
				if (stackNext[depth] >= out.length) {
					state[stage] = 2;
					depth--;
					continue;
				}
				const t = out[stackNext[depth]++];
				if (!("stage" in t)) continue;
				if (state[t.stage] === 1) {
					// BuildKit points at the references along the cycle, starting with the root's.
					const first = this.drafts[root].refs[stackNext[0] - 1];
					this.reject(Step.References, first.line, `circular dependency detected on stage: ${this.stageLabel(root)}`);
					return;
				}
				if (state[t.stage] === 0) {
					state[t.stage] = 1;
					depth++;
					stackStage[depth] = t.stage;
					stackNext[depth] = 0;
				}
			}
		}
	}

	private stageLabel(index: number): string {
		return this.out.stages[index].name ?? `stage-${index}`;
	}

	/** Step 5: every image BuildKit would pull, stages first, then the images references named. */
	private checkImages(targets: Target[][]): void {
		// A file names the same few images again and again.
		const errors = new Map<string, string | null>();
		const referenceErrorOf = (image: string): string | null => {
			let why = errors.get(image);
			if (why === undefined) errors.set(image, (why = referenceError(image)));
			return why;
		};
		for (const s of this.out.stages) {
			if (s.parent !== null || s.baseArgs.length > 0 || s.base === EMPTY_IMAGE || s.base === "(none)") continue;
			const why = referenceErrorOf(s.base);
			if (why === null) continue;
			const names = this.buildTimeArgs.get(s.index);
			const written = this.drafts[s.index].written;
			if (names !== undefined) {
				// `alpine:${TAG}` with no default for TAG: the image is named only at build time.
				s.base = written;
				s.baseArgs = names;
			} else this.reject(Step.Images, s.line, `failed to parse stage name ${JSON.stringify(s.base)}: ${why}`);
		}
		for (let i = 0; i < this.drafts.length; i++) {
			const refs = this.drafts[i].refs;
			for (let k = 0; k < refs.length; k++) {
				const t = targets[i][k];
				if ("stage" in t || t.image === EMPTY_IMAGE) continue;
				const why = referenceErrorOf(t.image);
				if (why !== null) this.reject(Step.Images, refs[k].line, `failed to parse stage name ${JSON.stringify(t.image)}: ${why}`);
			}
		}
	}

	/** The final stage is the last; BuildKit builds what it reaches through FROM, --from and mounts. */
	private markReachable(targets: Target[][]): void {
		const stages = this.out.stages;
		if (stages.length === 0) return;
		const final = stages[stages.length - 1];
		final.final = true;
		const seen = new Uint8Array(stages.length);
		const todo = [final.index];
		seen[final.index] = 1;
		const visit = (i: number) => {
			if (seen[i] === 0) {
				seen[i] = 1;
				todo.push(i);
			}
		};
		while (todo.length > 0) {
			const i = todo.pop()!;
			const parent = stages[i].parent;
			if (parent !== null) visit(parent);
			for (const t of targets[i]) if ("stage" in t) visit(t.stage);
		}
		for (const s of stages) s.skipped = seen[s.index] === 0;
	}

	/** Step 6: a stage BuildKit builds may only take from stages built before it. */
	private checkBuildOrder(targets: Target[][]): void {
		for (const s of this.out.stages) {
			const refs = this.drafts[s.index].refs;
			for (let k = 0; k < refs.length; k++) {
				const ref = refs[k];
				const t = targets[s.index][k];
				if (!("stage" in t) || t.stage < s.index) continue;
				if (s.skipped) {
					this.note(
						"from-later-stage",
						`Move stage "${this.stageLabel(t.stage)}" above line ${ref.line}, or stop using it here.`,
						"BuildKit builds stages in file order, so it would refuse this reference if this stage were built.",
						ref.line,
					);
				} else if (ref.via === "copy") {
					this.reject(
						Step.Build,
						ref.line,
						`cannot copy from stage ${JSON.stringify(ref.value)}, it needs to be defined before current stage ${JSON.stringify(this.stageLabel(s.index))}`,
					);
				} else {
					this.reject(
						Step.Build,
						ref.line,
						`cannot mount from stage ${JSON.stringify(ref.value)} to ${JSON.stringify(ref.target)}, stage needs to be defined before current command`,
					);
				}
			}
		}
	}

	/** Advice on images `--from` and mounts name: a bare word that is no stage is probably a typo. */
	noteImageSources(): void {
		for (const s of this.out.stages) {
			for (const src of s.sources) {
				if (src.kind !== "image" || /[:/@]/.test(src.ref) || findSizeRow(src.ref) !== null) continue;
				const flag = src.via === "copy" ? "--from" : "--mount from";
				if (src.via === "mount" && /^\d+$/.test(src.ref)) {
					this.note(
						"from-undefined-stage",
						`Name the stage in --mount from=${src.ref}.`,
						`--mount from takes a stage name or an image, never an index: BuildKit pulls an image "${src.ref}".`,
						src.line,
					);
				} else {
					this.note(
						"from-undefined-stage",
						`Check ${flag}=${src.ref}: no stage has that name.`,
						`Docker will try to pull an image called "${src.ref}".`,
						src.line,
					);
				}
			}
		}
	}
}

/**
 * Builds stages from instructions (which must contain at least one FROM).
 * @param escape the file's escape character
 * @param target the platform being built for; the builder is linux/amd64
 */
export function buildStages(instructions: readonly Instruction[], escape: string, target: Platform): BuiltStages {
	const builder = new StageBuilder(instructions, escape, target);
	const out = builder.build();
	builder.noteImageSources();
	return out;
}
