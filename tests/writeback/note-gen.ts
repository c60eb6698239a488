/**
 * fast-check generators of notes for the write-back property tests: a mix of card kinds inside
 * lists and callouts, fences, other comments, existing scheduling comments (some unreadable),
 * LF/CRLF/CR or mixed endings, BOM and files without a final newline.
 */
import fc from "fast-check";
import type { Schedule } from "../../src/model/schedule";

const word = fc.constantFrom("alpha", "beta", "what is docker", "gamma ray", "x", "layer `cache`", "**bold**");
const trailing = fc.constantFrom("", "", "", " ", "  ");
const segment = fc.constantFrom(
	"!2025-05-06,1,170",
	"!2000-01-01,1,250",
	"!2025-05-07,2.5,150",
	"!fsrs,2026-01-09T09:00:00.000Z,8,8.2956,3.2828,2,1,0,0,2026-01-01T09:00:00.000Z",
	"!fsrs,2026-01-01T09:10:00.000Z,0.0069,2.3065,2.1181,1,1,0,1,-",
	"!not-a-date,1,250",
	"!2025-05-06,-5,250",
);
const comment = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `<!--SR:${s.join("")}-->`);
/**
 * How a block already carries a comment: none, at the end of its last line, or on its own line;
 * `early` puts it where the Spaced Repetition plugin also writes or reads it: before a single-line
 * card's block id, at the end of a multi-line card's question line.
 */
const existing = fc.oneof(
	{ weight: 2, arbitrary: fc.constant(null) },
	{ weight: 1, arbitrary: fc.record({ ownLine: fc.boolean(), raw: comment, early: fc.boolean() }) },
);

const singleContainer = fc.constantFrom("", "- ", "  - ", "    * ", "1. ", "> ", "> - ", ">   1. ", "\t- ", "   ");

/** Continuation prefix written by hand (independent of the code under test). */
const continuation: Record<string, string> = {
	"": "",
	"- ": "  ",
	"  - ": "    ",
	"    * ": "      ",
	"1. ": "   ",
	"> ": "> ",
	"> - ": ">   ",
	">   1. ": ">      ",
	"\t- ": "\t  ",
	"   ": "   ",
};

const singleLine = fc
	.record({
		container: singleContainer,
		q: word,
		a: word,
		sep: fc.constantFrom("::", ":::"),
		end: trailing,
		blockId: fc.constantFrom("", "", "", " ^card-1"),
		comment: existing,
	})
	.map(({ container, q, a, sep, end, blockId, comment: c }) => {
		const line = `${container}${q}${sep}${a}${blockId}${end}`;
		if (c === null) return [line];
		if (c.ownLine) return [line, `${continuation[container]}${c.raw}`];
		if (c.early && blockId !== "") return [`${container}${q}${sep}${a} ${c.raw}${blockId}${end}`];
		return [`${container}${q}${sep}${a}${blockId} ${c.raw}`];
	});

const singles = fc.array(singleLine, { minLength: 1, maxLength: 3 }).map((cards) => cards.flat());

const multiLine = fc
	.record({
		container: fc.constantFrom("none", "callout", "list"),
		question: fc.array(
			fc.oneof(
				word,
				word.map((w) => `## ${w}`),
			),
			{ minLength: 1, maxLength: 2 },
		),
		sep: fc.constantFrom("?", "??"),
		answer: fc.array(
			fc.oneof(
				word,
				word.map((w) => `- ${w}`),
				fc.constant("a::b in an answer"),
			),
			{
				minLength: 1,
				maxLength: 3,
			},
		),
		fence: fc.boolean(),
		end: trailing,
		comment: existing,
	})
	.map(({ container, question, sep, answer, fence, end, comment: c }) => {
		const body = [...question, sep, ...answer];
		if (fence) body.push("```sh", "", "echo q::a", "```");
		let lines = body.map((line, i) => (i === 1 ? line + end : line));
		if (container === "callout") lines = lines.map((line) => (line === "" ? ">" : `> ${line}`));
		if (container === "list") lines = lines.map((line, i) => (i === 0 ? `- ${line}` : line === "" ? "" : `  ${line}`));
		if (c !== null) {
			const prefix = container === "callout" ? "> " : container === "list" ? "  " : "";
			if (c.early && !c.ownLine) lines[question.length - 1] += ` ${c.raw}`;
			else if (c.ownLine || fence) lines.push(prefix + c.raw);
			else lines[lines.length - 1] += ` ${c.raw}`;
		}
		return lines;
	});

const cloze = fc
	.record({ words: fc.array(word, { minLength: 1, maxLength: 3 }), comment: existing, callout: fc.boolean() })
	.map(({ words, comment: c, callout }) => {
		const lines = words.map((w, i) => `${callout ? "> " : ""}${w} is ==${w}${i}== here`);
		if (c !== null) {
			if (c.ownLine) lines.push(`${callout ? "> " : ""}${c.raw}`);
			else lines[lines.length - 1] += ` ${c.raw}`;
		}
		return lines;
	});

const noise = fc.constantFrom(
	["Just a paragraph with no card."],
	["<!-- an ordinary comment -->"],
	["<!--", "hidden::card", "-->"],
	["```", "inside::fence", "```"],
	["    ~~~", "    x::y", "    ~~~"],
	["%% hidden::no %%"],
	["# Heading"],
	["$$", "a::b", "$$"],
);

const block = fc.oneof(
	{ weight: 3, arbitrary: singles },
	{ weight: 3, arbitrary: multiLine },
	{ weight: 1, arbitrary: cloze },
	{ weight: 1, arbitrary: noise },
);

export interface GeneratedNote {
	text: string;
	/** Line ending style used, for the reader of a failure. */
	endings: string;
}

/** A whole note: BOM?, tag, blocks separated by blank lines, chosen endings, final newline?. */
export const noteArbitrary: fc.Arbitrary<GeneratedNote> = fc
	.record({
		bom: fc.boolean(),
		frontmatter: fc.boolean(),
		blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
		style: fc.constantFrom("\n", "\r\n", "\r", "mixed"),
		mixed: fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 1, maxLength: 40 }),
		finalNewline: fc.boolean(),
	})
	.map(({ bom, frontmatter, blocks, style, mixed, finalNewline }) => {
		const lines: string[] = frontmatter ? ["---", "tags: [flashcards]", "---"] : ["#flashcards"];
		for (const b of blocks) lines.push("", ...b);
		let used = 0;
		const next = (): string => (style === "mixed" ? mixed[used++ % mixed.length] : style);
		let text = bom ? "\uFEFF" : "";
		lines.forEach((line, i) => {
			text += line + (i < lines.length - 1 || finalNewline ? next() : "");
		});
		return { text, endings: style };
	});

const isoMoment = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms).toISOString());
const day = isoMoment.map((iso) => iso.slice(0, 10));
const fourDecimals = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: max * 10000 }).map((n) => n / 10000);

/** Schedules a review may produce, classic or FSRS. */
export const scheduleArbitrary: fc.Arbitrary<Schedule> = fc.oneof(
	fc.record({
		type: fc.constant("classic" as const),
		due: day,
		interval: fc.integer({ min: 0, max: 3650 * 10 }).map((n) => n / 10),
		ease: fc.integer({ min: 130, max: 400 }),
	}),
	fc.record({
		type: fc.constant("fsrs" as const),
		due: isoMoment,
		interval: fourDecimals(3650),
		stability: fourDecimals(1000),
		difficulty: fc.integer({ min: 10000, max: 100000 }).map((n) => n / 10000),
		state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
		reps: fc.nat(100),
		lapses: fc.nat(20),
		learningStep: fc.nat(3),
		lastReview: fc.option(isoMoment, { nil: null }),
	}),
);
