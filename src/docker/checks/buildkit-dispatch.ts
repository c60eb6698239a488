/**
 * Docker's build checks that BuildKit makes while running each stage's instructions (docs/
 * dockerfile.md, "Docker's build checks"): UndefinedVar, WorkdirRelativePath, JSONArgsRecommended,
 * MultipleInstructionsDisallowed, LegacyKeyValueFormat, SecretsUsedInArgOrEnv, ExposeProtoCasing,
 * ExposeInvalidFormat and CopyIgnoredFile. `docker build --check` runs every stage, so do we.
 *
 * Offline, a stage on an image does not know the variables that image defines: UndefinedVar is
 * reported only for stages that stand on scratch; elsewhere a global ARG used without being
 * declared again in the stage is reported as `global-arg-in-stage`, which holds whatever the image
 * defines.
 */
import { processWord } from "../expand/process-word";
import { WordError } from "../expand/word-error";
import { flagsOf, type Instruction } from "../lexer";
import { splitQuotedWords, splitWhitespace } from "../words";
import { closestName } from "../suggest";
import { isJsonArray, type CheckContext, type Findings, type StageView } from "./context";
import { cleanPath, ignoresRoot, isIgnored, parseDockerignore, type IgnorePatterns } from "./dockerignore";

const SECRET_WORD = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED_WORD = /(?:_|^)(?:public|file|version)(?:_|$)/i;
const NEEDS_EXPANSION = /[$'"\\`]/;
/** Instructions BuildKit lets a stage give only once: the last one wins. */
const ONCE = new Set(["CMD", "ENTRYPOINT", "HEALTHCHECK"]);

/** What a stage has set when its instructions end; a stage built on it starts from there. */
interface StageState {
	/** Shared with the parent stage until this stage sets a variable (see `setVar`). */
	env: Map<string, string>;
	/** ARG names declared in the stage (with or without a value): never undefined. Shared like env. */
	declared: Set<string>;
	owned: boolean;
	workdirSet: boolean;
	shellSet: boolean;
	/** Whether every variable is known: the stage stands on scratch, directly or through stages. */
	known: boolean;
	os: string;
}

export function checkStages(ctx: CheckContext, out: Findings): void {
	const ignore = ctx.dockerignore === null ? null : parseDockerignore(ctx.dockerignore);
	const ends: StageState[] = [];
	for (const view of ctx.views) {
		const stage = ctx.stages[view.index];
		const parent = stage.parent === null ? null : ends[stage.parent];
		const os = stage.platform === null ? ctx.target.os : (stage.platform.split(/[/(]/)[0] ?? ctx.target.os);
		const state: StageState = parent
			? {
					env: parent.env,
					declared: parent.declared,
					owned: false,
					workdirSet: parent.workdirSet,
					shellSet: parent.shellSet,
					known: parent.known,
					os: parent.os,
				}
			: { env: new Map(), declared: new Set(), owned: true, workdirSet: false, shellSet: false, known: stage.base === "scratch", os };
		// BuildKit always sets PATH on a Linux stage.
		if (!parent && os !== "windows") state.env.set("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
		new StageWalk(ctx, view, state, ignore, out).run();
		ends.push(state);
	}
}

class StageWalk {
	/** The CMD, ENTRYPOINT and HEALTHCHECK seen so far, made when the stage has one. */
	private once: Map<string, Instruction> | null = null;

	constructor(
		private readonly ctx: CheckContext,
		private readonly view: StageView,
		private readonly state: StageState,
		private readonly ignore: IgnorePatterns | null,
		private readonly out: Findings,
	) {}

	run(): void {
		for (const ins of this.view.body) this.instruction(ins);
	}

	/** Sets a variable (value undefined: declares an ARG only), copying the parent's sets first. */
	private setVar(key: string, value: string | undefined, declare: boolean): void {
		const s = this.state;
		if (!s.owned) {
			s.env = new Map(s.env);
			s.declared = new Set(s.declared);
			s.owned = true;
		}
		if (value !== undefined) s.env.set(key, value);
		if (declare) s.declared.add(key);
	}

	/** Expands a word with the stage's variables and reports the ones it cannot find. */
	private expand(word: string, ins: Instruction): string {
		// Most words have nothing to expand or unquote.
		if (!NEEDS_EXPANSION.test(word)) return word;
		let value = word;
		let unmatched: ReadonlySet<string>;
		try {
			const r = processWord(word, this.state.env, { escape: this.ctx.escape });
			value = r.value;
			unmatched = r.unmatched;
		} catch (e) {
			if (!(e instanceof WordError)) throw e;
			return word;
		}
		for (const name of unmatched) this.undefinedVar(name, ins);
		return value;
	}

	private undefinedVar(name: string, ins: Instruction): void {
		if (this.state.declared.has(name)) return;
		if (this.state.known) {
			const close = closestName(name, this.state.env.keys());
			this.out.add(
				"UndefinedVar",
				`Define $${name} before this line (ARG or ENV)${close === null ? "" : `, or did you mean $${close}?`}.`,
				"An undefined variable expands to nothing, so the instruction silently does something else.",
				ins.line,
			);
		} else if (this.ctx.globals.declared.has(name)) {
			this.out.add(
				"global-arg-in-stage",
				`Declare ARG ${name} again inside this stage to use the global value.`,
				"A global ARG reaches FROM lines only; inside a stage it is empty unless declared there (or set by the base image).",
				ins.line,
			);
		}
	}

	private instruction(ins: Instruction): void {
		const k = ins.keyword;
		if (k === "ENV" || k === "LABEL") this.keyValues(ins);
		else if (k === "ARG") this.arg(ins);
		else if (k === "COPY" || k === "ADD") this.copy(ins);
		else if (k === "WORKDIR") this.workdir(ins);
		else if (k === "USER" || k === "STOPSIGNAL") this.expand(ins.args, ins);
		else if (k === "VOLUME") for (const w of this.listWords(ins.args)) this.expand(w, ins);
		else if (k === "SHELL") this.state.shellSet = true;
		else if (k === "EXPOSE") this.expose(ins);
		if (k === "CMD" || k === "ENTRYPOINT") this.execForm(ins);
		if (ONCE.has(k)) {
			this.once ??= new Map();
			const before = this.once.get(k);
			if (before)
				this.out.add(
					"MultipleInstructionsDisallowed",
					`Remove this ${before.word}: a later ${ins.word} in the stage replaces it.`,
					`Only the last ${k} of a stage takes effect.`,
					before.line,
				);
			this.once.set(k, ins);
		}
	}

	/** A JSON array, else words split at white space (COPY sources, VOLUME). */
	private listWords(rest: string): string[] {
		return isJsonArray(rest) ? (JSON.parse(rest) as string[]) : splitWhitespace(rest);
	}

	/** ENV and LABEL: `key=value …`, or the legacy `key value`. All values are expanded before any is set. */
	private keyValues(ins: Instruction): void {
		const words = splitQuotedWords(ins.args, this.ctx.escape);
		if (words.length === 0) return;
		let pairs: [string, string][];
		if (!words[0].includes("=")) {
			const m = /^(\S+)\s+([\s\S]*)$/.exec(ins.args);
			if (!m) return; // BuildKit refuses it: one word only
			pairs = [[m[1], m[2]]];
			this.out.add(
				"LegacyKeyValueFormat",
				`Write ${ins.word} ${m[1]}=… instead of ${ins.word} ${m[1]} ….`,
				"The form with a space is legacy, and cannot set several keys in one line.",
				ins.line,
			);
		} else pairs = words.filter((w) => w.includes("=")).map((w) => [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)]);
		const expanded = pairs.map(([key, value]) => [this.expand(key, ins), this.expand(value, ins)] as const);
		if (ins.keyword !== "ENV") return;
		for (const [key, value] of expanded) {
			this.secret("ENV", key, ins);
			this.setVar(key, value, false);
		}
	}

	private arg(ins: Instruction): void {
		for (const pair of splitQuotedWords(ins.args, this.ctx.escape)) {
			const eq = pair.indexOf("=");
			const key = eq < 0 ? pair : pair.slice(0, eq);
			this.secret("ARG", key, ins);
			let value: string | undefined;
			if (eq >= 0) value = this.expand(pair.slice(eq + 1), ins);
			else value = this.ctx.globals.env.get(key);
			this.setVar(key, value, true);
		}
	}

	private secret(instruction: string, key: string, ins: Instruction): void {
		if (SECRET_WORD.test(key) && !ALLOWED_WORD.test(key))
			this.out.add(
				"SecretsUsedInArgOrEnv",
				`Pass ${key} as a build secret (RUN --mount=type=secret), not with ${instruction}.`,
				`${instruction} values stay readable in the image's history and metadata.`,
				ins.line,
			);
	}

	private copy(ins: Instruction): void {
		const { parsed, rest } = flagsOf(ins, this.ctx.escape);
		let fromStage = false;
		for (const f of parsed) {
			if (f.name === "from") fromStage = true;
			if ((f.name === "chown" || f.name === "chmod" || f.name === "checksum") && f.value !== null) this.expand(f.value, ins);
		}
		// Nothing to expand and nothing to compare with a .dockerignore: no need to read the words.
		if ((fromStage || this.ignore === null || this.ignore.hasExclusions) && !NEEDS_EXPANSION.test(rest)) return;
		const words = this.listWords(rest).map((w) => (w.startsWith("<<") ? null : this.expand(w, ins)));
		if (fromStage || this.ignore === null || this.ignore.hasExclusions) return;
		for (const src of words.slice(0, -1)) {
			if (src === null) continue;
			if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src) || src.startsWith("git@")) continue;
			const clean = cleanPath(src);
			if ((clean === "." || clean === "/") && !ignoresRoot(this.ignore)) continue;
			if (isIgnored(this.ignore, clean))
				this.out.add(
					"CopyIgnoredFile",
					`Take ${clean} out of .dockerignore, or stop copying it.`,
					".dockerignore keeps it out of the build context, so this instruction finds nothing there.",
					ins.line,
				);
		}
	}

	private workdir(ins: Instruction): void {
		const known = this.state.known;
		if (!NEEDS_EXPANSION.test(ins.args)) {
			// Nothing to expand: the path is as written.
			this.relativeWorkdir(ins, ins.args, known, false);
			return;
		}
		let unknown = false;
		let path = ins.args;
		try {
			const r = processWord(ins.args, this.state.env, { escape: this.ctx.escape });
			for (const n of r.unmatched) if (!this.state.declared.has(n)) unknown = true;
			path = r.value;
		} catch {
			// unreadable: judged as written
		}
		this.expand(ins.args, ins);
		this.relativeWorkdir(ins, path, known, unknown);
	}

	/**
	 * WorkdirRelativePath on the expanded path.
	 * @param unknown whether the path uses a variable only the base image could define
	 */
	private relativeWorkdir(ins: Instruction, path: string, known: boolean, unknown: boolean): void {
		const absolute = this.state.os === "windows" ? /^([a-zA-Z]:)?[\\/]/.test(path) : path.startsWith("/");
		// A variable the base image may define could make it absolute: decide only what is known.
		if (!this.state.workdirSet && !absolute && (known || !unknown))
			this.out.add(
				"WorkdirRelativePath",
				`Give WORKDIR an absolute path: /${path.replace(/^\.?\/?/, "")} or wherever it belongs.`,
				"A relative WORKDIR depends on the base image's working directory, which may change.",
				ins.line,
			);
		this.state.workdirSet = true;
	}

	private expose(ins: Instruction): void {
		for (const word of splitWhitespace(ins.args)) {
			let ports: string[];
			try {
				ports = processWord(word, this.state.env, { escape: this.ctx.escape }).words;
			} catch {
				continue;
			}
			for (const raw of ports) {
				const parts = raw.split(":");
				const container = parts[parts.length - 1];
				const proto = container.includes("/") ? container.slice(container.indexOf("/") + 1) : "";
				if (proto !== proto.toLowerCase())
					this.out.add(
						"ExposeProtoCasing",
						`Write the protocol of ${raw} in lower case: ${proto.toLowerCase()}.`,
						"Protocols are lower case (tcp, udp, sctp).",
						ins.line,
					);
				if (parts.length > 1)
					this.out.add(
						"ExposeInvalidFormat",
						`Expose only the container port: EXPOSE ${container}.`,
						"EXPOSE documents a container port; a host address or port belongs to docker run -p, and is to become an error.",
						ins.line,
					);
			}
		}
	}

	private execForm(ins: Instruction): void {
		if (ins.args === "" || isJsonArray(ins.args) || this.state.shellSet) return;
		const base = this.ctx.stages[this.view.index].base;
		const noShell = this.state.known || base.startsWith("gcr.io/distroless/");
		this.out.add(
			"JSONArgsRecommended",
			`Write ${ins.word} in exec form: ${ins.keyword} ["program", "arg"].`,
			noShell
				? "Shell form needs /bin/sh, which this image does not have."
				: "In shell form the program runs under /bin/sh and does not receive stop signals.",
			ins.line,
		);
	}
}
