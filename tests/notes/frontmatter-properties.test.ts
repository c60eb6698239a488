/**
 * Rating a note in any frontmatter layout changes only the schedule keys' lines (docs/format.md,
 * "Note review"): other keys, their order, comments, quoting, blank lines, line endings and a BOM
 * stay byte for byte; the schedule reads back as rated; an undo gives back the exact text.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rating } from "../../src/model/schedule";
import { restoreKeys } from "../../src/notes/frontmatter";
import { readNoteSchedule } from "../../src/notes/note-schedule";
import { rateNoteText } from "../../src/notes/review-note";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../src/settings/settings";

const OURS = ["sr-due", "sr-interval", "sr-ease", "sr-fsrs"];

/** Lines of other keys, in the shapes frontmatter takes. */
const otherLine = fc.oneof(
	fc.constantFrom(
		"title: A note",
		'title: "Quoted: with colon"',
		"title: 'single ''quoted'''",
		"aliases: [one, two]",
		"tags:",
		"  - review",
		"  - review/math",
		"tags: review, math",
		"# a comment line",
		"",
		"nested:",
		"  sr-due: 2020-01-01",
		"  child: value",
		"description: >",
		"  folded text",
		"  sr-ease: 999",
		"sr-duedate: not ours",
		"date: 2024-02-03 # trailing comment",
		"empty:",
		"cssclasses:\t[wide]",
	),
	fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}: [^\r\n]{0,20}$/).filter((l) => !OURS.some((k) => l.startsWith(`${k}:`)) && !/^---/.test(l)),
);

/** An existing schedule key line, in the shapes other tools write. */
const ourLine = fc.oneof(
	fc.constantFrom(
		"sr-due: 2024-01-05",
		'sr-due: "2024-01-05"',
		"sr-due: '05-01-2024'",
		"sr-due: 2024-01-05 # set by SR",
		"sr-interval: 3",
		"sr-interval: 2.5",
		"sr-interval:   12",
		"sr-ease: 250",
		"sr-ease: 230.5",
		"sr-ease : 270",
		'sr-fsrs: "fsrs,2024-01-05T08:00:00.000Z,3,4.1,5.2,2,3,0,0,2024-01-02T08:00:00.000Z"',
		"sr-due:",
		"sr-interval: oops",
	),
);

const layout = fc.record({
	bom: fc.boolean(),
	eol: fc.constantFrom("\n", "\r\n"),
	hasFrontmatter: fc.boolean(),
	lines: fc.array(fc.oneof({ weight: 3, arbitrary: otherLine }, { weight: 1, arbitrary: ourLine }), { maxLength: 12 }),
	body: fc.array(fc.constantFrom("# Heading", "Some text.", "", "---", "sr-due: 2020-01-01", "- item #review", "```", "code"), { maxLength: 6 }),
	trailingEol: fc.boolean(),
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function buildNote(l: Layout): string {
	const body = l.body.join(l.eol) + (l.trailingEol && l.body.length > 0 ? l.eol : "");
	// Keys must be unique for YAML: keep only the first line of each of ours.
	const seen = new Set<string>();
	const lines = l.lines.filter((line) => {
		const key = OURS.find((k) => new RegExp(`^${k}\\s*:`).test(line));
		if (key === undefined) return true;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	const front = l.hasFrontmatter ? ["---", ...lines, "---"].join(l.eol) + l.eol : "";
	return (l.bom ? "\uFEFF" : "") + front + body;
}

/**
 * The text with our top-level keys' lines taken out of the frontmatter (a key line at column 0 and
 * the indented lines under it), and the frontmatter block itself when nothing else is in it and
 * `dropEmpty`. Written apart from the module under test, as plainly as possible.
 */
function withoutOurKeys(text: string, dropEmpty: boolean): string {
	const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
	const parts = linesWithEndings(bom ? text.slice(1) : text);
	if (!/^---[ \t]*\r?\n$/.test(parts[0] ?? "")) return text;
	const close = parts.findIndex((p, i) => i > 0 && /^---[ \t]*(\r?\n)?$/.test(p));
	if (close < 0) return text;
	const kept: string[] = [parts[0]];
	let skipping = false;
	for (let i = 1; i < close; i++) {
		const line = parts[i];
		if (OURS.some((k) => new RegExp(`^${k}[ \\t]*:([ \\t]|\\r?\\n|$)`).test(line))) {
			skipping = true;
			continue;
		}
		if (
			skipping &&
			(/^[ \t]/.test(line) || (/^\s*$/.test(line) && parts.slice(i + 1, close).some((p) => /^[ \t]/.test(p)) && nextNonBlankIndented(parts, i, close)))
		)
			continue;
		skipping = false;
		kept.push(line);
	}
	if (dropEmpty && kept.length === 1) return bom + parts.slice(close + 1).join("");
	return bom + [...kept, ...parts.slice(close)].join("");
}

/** The text's lines, each with its line ending. */
function linesWithEndings(text: string): string[] {
	const out: string[] = [];
	let start = 0;
	for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
		out.push(text.slice(start, nl + 1));
		start = nl + 1;
	}
	if (start < text.length || out.length === 0) out.push(text.slice(start));
	return out;
}

function nextNonBlankIndented(parts: string[], from: number, close: number): boolean {
	for (let i = from + 1; i < close; i++) if (!/^\s*$/.test(parts[i])) return /^[ \t]/.test(parts[i]);
	return false;
}

const settingsArb = fc.constantFrom<SpacedNotesSettings>({ ...DEFAULT_SETTINGS, algorithm: "sm2" }, { ...DEFAULT_SETTINGS, algorithm: "fsrs" });
const ratingArb = fc.constantFrom(Rating.Hard, Rating.Good, Rating.Easy);
const nowArb = fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true });

describe("rating a note in any frontmatter layout", () => {
	it("changes only the schedule keys' lines, and the schedule reads back as rated", () => {
		fc.assert(
			fc.property(layout, settingsArb, ratingArb, nowArb, (l, settings, rating, now) => {
				const before = buildNote(l);
				const rated = rateNoteText(before, rating, now, settings, { path: "n.md", deck: "#review", initialEase: 250 });
				const created = !rated.before.hadFrontmatter;
				{
					expect(withoutOurKeys(rated.text, created)).toBe(withoutOurKeys(before, false));
				}
				// Lines we add take the note's line ending.
				if (before.includes("\r\n")) {
					expect(/(^|[^\r])\n/.test(rated.text)).toBe(false);
				} else if (before.includes("\n")) {
					expect(rated.text.includes("\r")).toBe(false);
				}
				const back = readNoteSchedule(rated.text);
				{
					expect(back.classic?.due).toBeDefined();
					expect(back.classic?.ease).toBeGreaterThan(0);
					expect(back.fsrs !== null).toBe(settings.algorithm === "fsrs");
				}
			}),
			{ numRuns: 400 },
		);
	});

	it("an undo gives back the exact text", () => {
		fc.assert(
			fc.property(layout, settingsArb, ratingArb, nowArb, (l, settings, rating, now) => {
				const before = buildNote(l);
				const rated = rateNoteText(before, rating, now, settings, { path: "n.md", deck: "#review", initialEase: 250 });
				{
					expect(restoreKeys(rated.text, rated.before)).toBe(before);
				}
			}),
			{ numRuns: 400 },
		);
	});

	it("rating twice keeps one line per key", () => {
		fc.assert(
			fc.property(layout, ratingArb, nowArb, (l, rating, now) => {
				const settings = { ...DEFAULT_SETTINGS, algorithm: "sm2" as const };
				const once = rateNoteText(buildNote(l), rating, now, settings, { path: "n.md", deck: "#review", initialEase: 250 }).text;
				const twice = rateNoteText(once, rating, new Date(now.getTime() + 5 * 86_400_000), settings, {
					path: "n.md",
					deck: "#review",
					initialEase: 250,
				}).text;
				const lines = twice.replace(/^\uFEFF/, "").split(/\r?\n/);
				const front = lines.slice(0, lines.indexOf("---", 1));
				for (const key of ["sr-due", "sr-interval", "sr-ease"]) {
					const count = front.filter((line) => new RegExp(`^${key}\\s*:`).test(line)).length;
					{
						expect(count).toBe(1);
					}
				}
			}),
			{ numRuns: 200 },
		);
	});
});
