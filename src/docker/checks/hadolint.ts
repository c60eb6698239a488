/**
 * The hadolint rules that matter most (docs/dockerfile.md, "hadolint rules"), under their DL ids,
 * from what hadolint documents each one to do; the code is our own. DL3006 and DL3007 (tags) live
 * with the image advice in advice.ts. Rules that make the image smaller are in SHRINKING_RULES.
 */
import { flagsOf, type Instruction } from "../lexer";
import { splitWhitespace } from "../words";
import { isJsonArray, type CheckContext, type Findings, type StageView } from "./context";
import { argsWithoutFlags, readShell, runs, type ShellScript } from "./shell";

/** Following these leaves less in the image; the panel shows them next to the footprint. */
export const SHRINKING_RULES: ReadonlySet<string> = new Set(["DL3009", "DL3015", "DL3019", "DL3042"]);

const ARCHIVE = /\.(tar|Z|bz2|gz|lz|lzma|tZ|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz)$/;
const TRUTHY = new Set(["1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES"]);
const NON_POSIX_SHELLS = ["pwsh", "powershell", "cmd"];

interface RunInfo {
	ins: Instruction;
	script: ShellScript;
	/** The RUN's flags as written, for DL3059's "same flags". */
	flags: readonly string[];
	/** Targets of its cache and tmpfs mounts. */
	cacheTargets: string[];
}

/** Words a rule looks for; a RUN without any of them is read as a shell script only when DL3059 needs its size. */
const SHELL_HINT = /apt|apk|pip|python|wget|cd|\|/;
const NO_SCRIPT: ShellScript = { commands: [], hasPipe: false };

function readRun(ins: Instruction, escape: string, needCount: boolean): RunInfo {
	const { flags, parsed, rest } = flagsOf(ins, escape);
	const cacheTargets: string[] = [];
	for (const f of parsed) {
		if (f.name !== "mount" || f.value === null) continue;
		const fields = f.value.split(",");
		if (!fields.some((x) => /^type=(cache|tmpfs)$/.test(x))) continue;
		for (const x of fields) {
			const m = /^(?:target|dst|destination)=(.*)$/.exec(x);
			if (m) cacheTargets.push(m[1]);
		}
	}
	const text = isJsonArray(rest) ? (JSON.parse(rest) as string[]).join(" ") : rest;
	const script = needCount || SHELL_HINT.test(text) ? readShell(text) : NO_SCRIPT;
	return { ins, script, flags, cacheTargets };
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

const cached = (run: RunInfo, fragment: string) => run.cacheTargets.some((t) => t.includes(fragment));

export function checkHadolint(ctx: CheckContext, out: Findings): void {
	const usedAsBase = new Set(ctx.stages.filter((s) => s.parent !== null).map((s) => s.parent));
	for (const view of ctx.views) {
		const lastStage = view.index === ctx.views.length - 1;
		new HadolintStage(ctx, view, out, lastStage || usedAsBase.has(view.index)).run();
	}
}

class HadolintStage {
	private pipefail = false;
	private pipNoCache = false;
	private previousRun: { flags: readonly string[]; count: number } | null = null;
	private lastUser: Instruction | null = null;

	constructor(
		private readonly ctx: CheckContext,
		private readonly view: StageView,
		private readonly out: Findings,
		/** DL3009 matters only where the apt lists end up in an image: the last stage or a stage built on. */
		private readonly shipsFiles: boolean,
	) {}

	run(): void {
		const body = this.view.body;
		for (let k = 0; k < body.length; k++) {
			const ins = body[k];
			let inner = ins;
			if (ins.keyword === "ONBUILD") {
				const space = ins.args.search(/\s/);
				const keyword = (space < 0 ? ins.args : ins.args.slice(0, space)).toUpperCase();
				inner = { ...ins, keyword, word: keyword, args: space < 0 ? "" : ins.args.slice(space + 1).trim(), flagSplit: undefined };
				if (keyword === "RUN") this.packageRules(readRun(inner, this.ctx.escape, false));
				continue;
			}
			if (ins.keyword !== "RUN") this.previousRun = null;
			// DL3059 counts the commands of consecutive RUNs only.
			if (ins.keyword === "RUN") this.runInstruction(readRun(ins, this.ctx.escape, this.previousRun !== null || body[k + 1]?.keyword === "RUN"));
			else if (ins.keyword === "SHELL") this.shell(ins);
			else if (ins.keyword === "ENV") this.env(ins);
			else if (ins.keyword === "USER") this.lastUser = /^(root|0)(:.*)?$/.test(ins.args.trim()) ? ins : null;
			else if (ins.keyword === "ADD") this.add(ins);
			else if (ins.keyword === "HEALTHCHECK") this.healthcheck(ins);
			else if ((ins.keyword === "CMD" || ins.keyword === "ENTRYPOINT") && ins.args !== "" && !isJsonArray(ins.args))
				this.out.add(
					"DL3025",
					`Write ${ins.word} in exec form: ${ins.keyword} ["program", "arg"].`,
					"In shell form the program runs under /bin/sh and does not receive stop signals.",
					ins.line,
				);
		}
		if (this.lastUser)
			this.out.add(
				"DL3002",
				"End the stage with a non-root USER.",
				"A container that runs as root turns any flaw in the program into root access.",
				this.lastUser.line,
			);
	}

	private runInstruction(run: RunInfo): void {
		const { script } = run;
		const count = script.commands.length;
		if (this.previousRun && sameWords(this.previousRun.flags, run.flags) && this.previousRun.count <= 2 && count <= 2)
			this.out.add(
				"DL3059",
				"Merge this RUN with the one before it.",
				"Each RUN adds a layer; short consecutive RUNs are usually one step.",
				run.ins.line,
			);
		this.previousRun = { flags: run.flags, count };
		if (script.commands.some((c) => c.name === "cd"))
			this.out.add(
				"DL3003",
				"Use WORKDIR instead of cd.",
				"cd lasts only for this RUN; WORKDIR says where the following instructions run.",
				run.ins.line,
			);
		if (script.hasPipe && !this.pipefail)
			this.out.add(
				"DL4006",
				'Set SHELL ["/bin/bash", "-o", "pipefail", "-c"] before a RUN with a pipe.',
				"Without pipefail a failing command before | goes unnoticed and the build succeeds anyway.",
				run.ins.line,
			);
		this.packageRules(run);
	}

	/** The rules about installing packages and downloading, also applied to ONBUILD RUN. */
	private packageRules(run: RunInfo): void {
		const { ins, script } = run;
		const cmds = script.commands;
		if (cmds.length === 0) return; // every rule here is about a command
		const aptInstalls = cmds.filter((c) => runs(c, "apt-get", "install"));
		if (aptInstalls.some((c) => argsWithoutFlags(c, ["t", "target-release"]).some((p) => p !== "install" && !/[=/]|\.deb$/.test(p))))
			this.out.add(
				"DL3008",
				"Pin versions in apt-get install: package=version.",
				"Unpinned packages change between builds, so two builds of one file differ.",
				ins.line,
			);
		if (aptInstalls.some((c) => !c.flags.includes("no-install-recommends") && !c.args.some((a) => a.endsWith("APT::Install-Recommends=false"))))
			this.out.add(
				"DL3015",
				"Add --no-install-recommends to apt-get install.",
				"Recommended packages are rarely needed and make the image larger.",
				ins.line,
			);
		const updates = cmds.some((c) => ["apt", "apt-get", "aptitude"].includes(c.name) && c.args.includes("update"));
		const cleans = cmds.some((c) => c.name === "rm" && c.args.some((a) => a.startsWith("/var/lib/apt/lists")));
		const mounted = cached(run, "/var/lib/apt/lists") || (cached(run, "/var/lib/apt") && cached(run, "/var/cache/apt"));
		if (updates && !cleans && !mounted && this.shipsFiles)
			this.out.add(
				"DL3009",
				"Remove /var/lib/apt/lists/* in the same RUN as apt-get update.",
				"The package lists are tens of megabytes the image keeps for nothing.",
				ins.line,
			);
		const apkAdds = cmds.filter((c) => runs(c, "apk", "add"));
		if (apkAdds.some((c) => argsWithoutFlags(c, ["t", "virtual", "repository", "X"]).some((p) => p !== "add" && !/[=~<>]|\.apk$/.test(p))))
			this.out.add(
				"DL3018",
				"Pin versions in apk add: package=version.",
				"Unpinned packages change between builds, so two builds of one file differ.",
				ins.line,
			);
		if (!cached(run, "/var/cache/apk") && apkAdds.some((c) => !c.flags.includes("no-cache")))
			this.out.add("DL3019", "Use apk add --no-cache.", "Without it the package index stays in /var/cache/apk and makes the image larger.", ins.line);
		const pipEnv = /PIP_NO_CACHE_DIR=(\S+)/.exec(ins.args);
		const pipInstall = cmds.some(
			(c) =>
				((c.name.startsWith("pip") && !c.name.startsWith("pipenv") && !c.name.startsWith("pipx") && c.args.includes("install")) ||
					(c.name.startsWith("python") && c.args.join(" ").includes("-m pip install"))) &&
				!c.args.includes("--no-cache-dir"),
		);
		if (pipInstall && !this.pipNoCache && !(pipEnv && TRUTHY.has(pipEnv[1])) && !cached(run, ".cache/pip"))
			this.out.add("DL3042", "Use pip install --no-cache-dir.", "pip's download cache is of no use in the image and makes it larger.", ins.line);
		const wget = cmds.some(
			(c) =>
				c.name === "wget" &&
				!c.flags.includes("progress") &&
				!c.args.includes("-nv") &&
				!["q", "quiet", "o", "output-file", "a", "append-output", "no-verbose"].some((f) => c.flags.includes(f)),
		);
		if (wget)
			this.out.add(
				"DL3047",
				"Give wget --progress=dot:giga, or -q / -nv.",
				"wget's progress bar writes thousands of lines into the build log for a large download.",
				ins.line,
			);
	}

	private shell(ins: Instruction): void {
		const words = isJsonArray(ins.args) ? (JSON.parse(ins.args) as string[]) : splitWhitespace(ins.args);
		const text = words.join(" ");
		if (NON_POSIX_SHELLS.some((s) => text.startsWith(s))) {
			this.pipefail = true;
			return;
		}
		const name = (words[0] ?? "").split("/").pop() ?? "";
		const options = words.slice(1);
		this.pipefail = ["bash", "zsh", "ash"].includes(name) && options.some((w) => /^-[a-z]*o$/.test(w)) && options.includes("pipefail");
	}

	private env(ins: Instruction): void {
		const m = /(?:^|\s)PIP_NO_CACHE_DIR[=\s]+["']?([^\s"']+)/.exec(ins.args);
		if (m) this.pipNoCache = TRUTHY.has(m[1]);
	}

	private add(ins: Instruction): void {
		const { rest } = flagsOf(ins, this.ctx.escape);
		const words = isJsonArray(rest) ? (JSON.parse(rest) as string[]) : splitWhitespace(rest);
		const sources = words.slice(0, -1).map((w) => w.replace(/^["']|["']$/g, ""));
		if (sources.some((s) => !/^https?:\/\//.test(s) && !ARCHIVE.test(s) && !s.startsWith("<<")))
			this.out.add(
				"DL3020",
				"Use COPY instead of ADD for files and folders.",
				"ADD also fetches URLs and unpacks archives; COPY says plainly that files are copied.",
				ins.line,
			);
	}

	private healthcheck(ins: Instruction): void {
		const m = /^CMD\s+(.*)$/is.exec(ins.args.replace(/^(--\S+\s+)*/, ""));
		if (m && !isJsonArray(m[1].trim()))
			this.out.add(
				"DL3025",
				'Write HEALTHCHECK CMD in exec form: CMD ["program", "arg"].',
				"Shell form runs the check under /bin/sh, which the image must then have.",
				ins.line,
			);
	}
}
