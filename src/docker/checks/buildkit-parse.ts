/**
 * Docker's build checks that BuildKit makes while reading instructions (docs/dockerfile.md,
 * "Docker's build checks"): StageNameCasing, FromAsCasing, NoEmptyContinuation,
 * ConsistentInstructionCasing, DuplicateStageName, ReservedStageName, MaintainerDeprecated.
 */
import type { CheckContext, Findings } from "./context";

const RESERVED_NAMES = new Set(["context", "scratch"]);

import { KEYWORDS, type Instruction } from "../lexer";

// Keywords are mostly written in capitals: answer those without a new string.
const isLower = (s: string) => !KEYWORDS.has(s) && s === s.toLowerCase();
const isUpper = (s: string) => KEYWORDS.has(s) || s === s.toUpperCase();

export function checkParsing(ctx: CheckContext, out: Findings): void {
	for (const ins of ctx.instructions) {
		if (ins.emptyContinuation)
			out.add(
				"NoEmptyContinuation",
				"Remove the blank line inside this continued instruction.",
				"Blank lines inside a line continuation are accepted today and are to become an error.",
				ins.endLine,
			);
		if (ins.keyword === "MAINTAINER")
			out.add(
				"MaintainerDeprecated",
				'Write LABEL org.opencontainers.image.authors="…" instead of MAINTAINER.',
				"MAINTAINER is deprecated; a label records the author in the image's metadata.",
				ins.line,
			);
	}
	const seen = new Set<string>();
	for (const view of ctx.views) {
		const words = view.fromWords;
		if (words.length === 3) checkFromWords(view.from, words, out);
		const name = words.length === 3 ? words[2].toLowerCase() : null;
		if (name === null) continue;
		if (RESERVED_NAMES.has(name))
			out.add(
				"ReservedStageName",
				`Rename stage "${name}".`,
				`"${name}" is a reserved word for BuildKit (the empty image, the build context).`,
				view.from.line,
			);
		if (seen.has(name))
			out.add(
				"DuplicateStageName",
				`Give stage "${name}" a name no other stage uses.`,
				"FROM takes the nearest stage above of a name, but --from and --mount from take the last one in the file.",
				view.from.line,
			);
		seen.add(name);
	}
	checkInstructionCasing(ctx, out);
}

function checkFromWords(from: Instruction, words: readonly string[], out: Findings): void {
	if (!isLower(words[2]))
		out.add(
			"StageNameCasing",
			`Write stage name ${words[2]} in lower case: ${words[2].toLowerCase()}.`,
			"Stage names are lowercased, so capitals only mislead.",
			from.line,
		);
	// A FROM keyword of mixed case is ConsistentInstructionCasing's business, not this rule's.
	const word = from.word;
	if ((isLower(word) && !isLower(words[1])) || (!isLower(word) && isUpper(word) && !isUpper(words[1])))
		out.add("FromAsCasing", `Write '${words[1]}' in the case of '${word}'.`, "FROM and AS in one case read as one instruction.", from.line);
}

/** Every FROM and stage instruction should share the case most of them use (global ARGs are not counted). */
function checkInstructionCasing(ctx: CheckContext, out: Findings): void {
	let lower = 0;
	let upper = 0;
	const count = (ins: Instruction) => {
		if (isLower(ins.word)) lower++;
		else if (isUpper(ins.word)) upper++;
	};
	for (const view of ctx.views) {
		count(view.from);
		view.body.forEach(count);
	}
	const majorityLower = lower > upper;
	for (const view of ctx.views) {
		checkCase(view.from, majorityLower, out);
		for (const ins of view.body) checkCase(ins, majorityLower, out);
	}
}

function checkCase(ins: Instruction, majorityLower: boolean, out: Findings): void {
	const wrong = majorityLower ? !isLower(ins.word) : !isUpper(ins.word);
	if (!wrong) return;
	out.add(
		"ConsistentInstructionCasing",
		`Write ${ins.word} in ${majorityLower ? "lower" : "upper"} case, as most instructions here are.`,
		"One case for every instruction keeps the file easy to scan.",
		ins.line,
	);
}
