/**
 * Runs Docker's build checks, the hadolint rules and our own stage checks over a built
 * Dockerfile, and honours what the file says to skip: `# check=skip=Rule,…` (or `skip=all`) at
 * the top or right above an instruction, as BuildKit does, and `# hadolint ignore=DL3008,…` right
 * above an instruction, as hadolint does.
 */
import type { Advice } from "../types";
import { checkStages } from "./buildkit-dispatch";
import { checkFromLines } from "./buildkit-from";
import { checkParsing } from "./buildkit-parse";
import { checkContext, Findings, type CheckInput } from "./context";
import { parseDockerignore } from "./dockerignore";
import { checkHadolint, SHRINKING_RULES } from "./hadolint";

export { SHRINKING_RULES };
export type { CheckInput };

/** A rule the analysis could not run, or ran only in part, and why. */
interface SkippedCheck {
	rule: string;
	reason: string;
}

export interface CheckResult {
	advice: Advice[];
	skipped: SkippedCheck[];
}

/** Who defines a rule: Docker (`StageNameCasing`), hadolint (`DL3008`) or us (`sdk-runtime`). */
export function ruleSource(rule: string): "buildkit" | "hadolint" | "ours" {
	if (/^DL\d{4}$/.test(rule)) return "hadolint";
	return /^[A-Z]/.test(rule) ? "buildkit" : "ours";
}

/** `skip=A,B` of a `check=` value: the rule names, or "all". */
function skipList(value: string): string[] {
	for (const part of value.split(";")) {
		const [key, v] = part.split("=", 2).map((x) => x.trim());
		if (key === "skip" && v !== undefined) return v.split(",").map((x) => x.trim());
	}
	return [];
}

function ignoredHere(advice: Advice, comments: readonly string[]): boolean {
	for (const c of comments) {
		const check = /^check\s*=\s*(.*)$/i.exec(c);
		if (check && ruleSource(advice.rule) === "buildkit") {
			const skip = skipList(check[1]);
			if (skip.includes("all") || skip.includes(advice.rule)) return true;
		}
		const hadolint = /^hadolint\s+ignore\s*=\s*(\S+)/.exec(c);
		if (hadolint && hadolint[1].split(",").includes(advice.rule)) return true;
	}
	return false;
}

/**
 * Every check over one Dockerfile.
 * @param directives the parser directives (`check` is read for skips)
 */
export function runChecks(input: CheckInput, directives: Record<string, string>): CheckResult {
	const ctx = checkContext(input);
	const out = new Findings();
	checkParsing(ctx, out);
	checkFromLines(ctx, out);
	checkStages(ctx, out);
	checkHadolint(ctx, out);
	const fileSkips = directives.check === undefined ? [] : skipList(directives.check);
	const commentsAt = new Map<number, readonly string[]>();
	for (const i of input.instructions) if (i.comments.length > 0) commentsAt.set(i.line, i.comments);
	const jsonArgsLines = new Set(out.advice.filter((a) => a.rule === "JSONArgsRecommended").map((a) => a.line));
	const advice = out.advice.filter((a) => {
		if (ruleSource(a.rule) === "buildkit" && (fileSkips.includes("all") || fileSkips.includes(a.rule))) return false;
		// hadolint's DL3025 says what JSONArgsRecommended already says on that line.
		if (a.rule === "DL3025" && jsonArgsLines.has(a.line)) return false;
		return !ignoredHere(a, commentsAt.get(a.line) ?? []);
	});
	return { advice, skipped: skippedChecks(input) };
}

function skippedChecks(input: CheckInput): SkippedCheck[] {
	const skipped: SkippedCheck[] = [];
	if (input.dockerignore === null)
		skipped.push({
			rule: "CopyIgnoredFile",
			reason: "skipped: no .dockerignore to compare with (a ```dockerignore block in the note, or a .dockerignore file beside the Dockerfile)",
		});
	else if (parseDockerignore(input.dockerignore).hasExclusions)
		skipped.push({ rule: "CopyIgnoredFile", reason: "skipped: the .dockerignore has ! exceptions, which BuildKit does not check either" });
	skipped.push({
		rule: "InvalidBaseImagePlatform",
		reason: "needs each base image's platforms from its registry; offline only Docker Hub's per-architecture images (arm64v8/…) are checked",
	});
	if (input.stages.some((s) => s.parent === null && s.base !== "scratch"))
		skipped.push({
			rule: "UndefinedVar",
			reason: "a base image may define variables, which is known only from its registry: checked in stages on scratch only; elsewhere a global ARG not declared in the stage is reported as global-arg-in-stage",
		});
	return skipped;
}
