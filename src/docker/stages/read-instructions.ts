/**
 * Step 1 of the stage builder (build-stages.ts): every instruction read in order, before anything
 * is expanded: unknown instructions, FROM's shape and name, flags, COPY's arguments and the
 * stages `COPY --from` and `RUN --mount` take from. Also gathers each stage's facts for the
 * advice rules.
 */
import { flagsOf, KEYWORDS, restWordsOf, type Instruction } from "../lexer";
import { splitQuotedWords } from "../words";
import { EMPTY_IMAGE, Step, type BuildState, type StageDraft } from "./build-state";
import { flagValue, readFlags, suggest } from "./flags";
import { readMount } from "./mounts";

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const CERTS = /ca-certificates|ssl\/certs/i;
const ZONEINFO = /zoneinfo|tzdata/i;
/** `npm ci --omit=dev`, `npm install --production`, `npm prune --omit=dev`, `yarn install --production`, `pnpm install --prod`. */
const PRODUCTION_INSTALL = /\b(npm|yarn|pnpm)\b[^&;|]*\s--(omit[= ]dev|only[= ]prod(uction)?|production|prod)\b/;
/** Two words: something, white space, something. */
const SECOND_WORD = /\S[\t\v\f\r ]+\S/;
/** Instruction names as BuildKit suggests them for a typo. */
const INSTRUCTION_NAMES = [...KEYWORDS];
const FROM_FLAGS = ["platform"];
const COPY_FLAGS = ["chown", "from", "chmod", "link", "exclude", "parents"];
const ADD_FLAGS = ["chown", "chmod", "link", "keep-git-dir", "checksum", "unpack", "exclude"];

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

/** Step 1: every instruction, in order. */
export function readInstructions(b: BuildState, instructions: readonly Instruction[]): void {
	for (const ins of instructions) {
		if (!KEYWORDS.has(ins.keyword)) {
			b.reject(Step.Read, ins.line, suggest(`unknown instruction: ${ins.word}`, ins.word, INSTRUCTION_NAMES, false));
			continue;
		}
		const current = b.drafts[b.drafts.length - 1];
		const index = b.drafts.length - 1;
		if (ins.keyword === "FROM") readFrom(b, ins);
		else if (ins.keyword === "ARG") {
			readArg(b, ins);
			if (!current) b.globalArgLines.push(ins);
		} else if (!current) continue;
		else if (ins.keyword === "COPY" || ins.keyword === "ADD") readCopy(b, ins, current, index);
		else if (ins.keyword === "RUN") {
			readRun(b, ins, current);
			if (/npm|yarn/.test(ins.args)) b.out.facts[index].prunesDevDependencies ||= PRODUCTION_INSTALL.test(ins.args);
		} else if (ins.keyword === "USER") b.out.facts[index].lastUser = { value: ins.args.trim(), line: ins.line };
	}
}

function readFrom(b: BuildState, ins: Instruction): void {
	const flagWords = flagsOf(ins, b.escape).parsed;
	const rest = restWordsOf(ins, b.escape);
	const named = rest.length === 3 && rest[1].toLowerCase() === "as";
	const rawName = named ? rest[2] : null;
	const name = rawName?.toLowerCase() ?? null;
	if (!named && rest.length !== 1) b.reject(Step.Read, ins.line, "FROM requires either one or three arguments");
	else if (rawName !== null && name !== null && !STAGE_NAME.test(name)) {
		b.reject(Step.Read, ins.line, `invalid name for build stage: ${JSON.stringify(rawName)}, name can't start with a number or contain symbols`);
	}
	const flags = readFlags(flagWords, FROM_FLAGS);
	if (typeof flags === "string") b.reject(Step.Read, ins.line, flags);
	const platform = typeof flags === "string" ? null : (flagValue(flags, "platform") ?? null);
	const index = b.drafts.length;
	b.drafts.push({ ins, written: rest[0] ?? "", platform: platform === "" ? null : platform, refs: [] });
	b.out.facts.push({
		rawName,
		writtenPlatform: platform === "" ? null : platform,
		lastUser: null,
		copies: false,
		copiesCerts: false,
		copiesZoneinfo: false,
		copyItems: [],
		prunesDevDependencies: false,
	});
	if (name !== null) b.lastByName.set(name, index);
}

function readArg(b: BuildState, ins: Instruction): void {
	const pairs = splitQuotedWords(ins.args, b.escape);
	if (pairs.length === 0) b.reject(Step.Read, ins.line, "ARG requires at least one argument");
	else if (pairs.some((p) => p.startsWith("="))) b.reject(Step.Read, ins.line, "ARG names can not be blank");
}

function readCopy(b: BuildState, ins: Instruction, current: StageDraft, index: number): void {
	const { parsed: flagWords, rest } = flagsOf(ins, b.escape);
	const facts = b.out.facts[index];
	facts.copies = true;
	facts.copiesCerts ||= CERTS.test(ins.args);
	facts.copiesZoneinfo ||= ZONEINFO.test(ins.args);
	if (!hasTwoArgs(rest)) {
		b.reject(Step.Read, ins.line, `${ins.keyword} requires at least two arguments, but only one was provided. Destination could not be determined`);
		return;
	}
	const flags = readFlags(flagWords, ins.keyword === "COPY" ? COPY_FLAGS : ADD_FLAGS);
	if (typeof flags === "string") {
		b.reject(Step.Read, ins.line, flags);
		return;
	}
	const from = flagValue(flags, "from");
	facts.copyItems.push({ from: from ?? null, rest });
	if (from) current.refs.push({ via: "copy", value: from, target: "", named: true, line: ins.line });
}

function readRun(b: BuildState, ins: Instruction, current: StageDraft): void {
	for (const flag of flagsOf(ins, b.escape).parsed) {
		if (flag.name !== "mount") continue;
		if (flag.value === null) {
			b.reject(Step.Read, ins.line, "missing a value on flag: --mount");
			continue;
		}
		const mount = readMount(flag.value);
		if (typeof mount === "string") b.reject(Step.Read, ins.line, mount);
		else current.refs.push({ via: "mount", value: mount.from ?? EMPTY_IMAGE, target: mount.target, named: mount.from !== null, line: ins.line });
	}
}
