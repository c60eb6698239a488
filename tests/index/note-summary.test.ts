/**
 * Note summaries: the index keeps a note as numbers and its comments' text, and reads the cards
 * back on demand. What it reads back must be what the parser found, whichever way the summary
 * came: made on this thread, through a structured clone, packed in a batch, or from a text-less parse.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseNote } from "../../src/cards/parse";
import type { ParsedNote } from "../../src/model/card";
import { CardIndex } from "../../src/index/card-index";
import { summarizeNote } from "../../src/index/note-summary";
import { STATUS_NAMES, statusKeyer } from "../../src/index/status-keys";
import { siblingStatus } from "../../src/schedule/status";
import { batchTransferList, forEachInBatch, SummaryBatchBuilder } from "../../src/index/summary-batch";
import { parserSettings } from "../builders";
import { noteText } from "../cards/arbitrary-note";
import { snapshot } from "./snapshot";

const NOW = new Date(2025, 0, 20, 12, 0);
const settings = parserSettings({ clozeKinds: ["highlight", "curly"], endMarker: "+++" });
const options = { flashcardTags: settings.flashcardTags, dayStartHour: 4 };
const VAULT = join(__dirname, "..", "..", "examples", "vault");

function vaultNotes(dir = VAULT): { path: string; text: string }[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const absolute = join(dir, entry.name);
		if (entry.isDirectory()) return vaultNotes(absolute);
		return entry.name.endsWith(".md") ? [{ path: relative(VAULT, absolute).split("\\").join("/"), text: readFileSync(absolute, "utf8") }] : [];
	});
}

/** What the index must give back of each card of a parsed note. */
function expectedCards(parsed: ParsedNote) {
	return parsed.cards.map((c) => ({ kind: c.kind, startLine: c.startLine, endLine: c.endLine, decks: c.decks, segments: c.siblings.map((s) => s.segment) }));
}

const arbitraryNote = noteText.map((body) => `#flashcards\n${body}`);

describe("note summaries", () => {
	it("give back every card of the example vault as the parser read it", () => {
		const notes = vaultNotes();
		expect(notes.length).toBeGreaterThan(3);
		for (const { path, text } of notes) {
			const parsed = parseNote(text, { path, settings: parserSettings() });
			const index = new CardIndex(options);
			index.setFile(path, parsed);
			expect(index.getFile(path)?.readCards() ?? []).toEqual(expectedCards(parsed));
		}
	});

	it("give back every card of any note, and its statuses, as the parser read them", () => {
		fc.assert(
			fc.property(arbitraryNote, (text) => {
				const parsed = parseNote(text, { path: "n.md", settings });
				const index = new CardIndex(options);
				index.setFile("n.md", parsed);
				const file = index.getFile("n.md");
				expect(file?.readCards() ?? []).toEqual(expectedCards(parsed));
				// Each sibling's class has the status of the sibling's own segment.
				const segments = parsed.cards.flatMap((c) => c.siblings.map((s) => s.segment));
				const { status } = index.statusesAt(NOW);
				expect(Array.from(file?.classes ?? [], (id) => STATUS_NAMES[status[id]])).toEqual(segments.map((segment) => siblingStatus(segment, NOW, 4)));
			}),
			{ numRuns: 300 },
		);
	});

	it("are the same from a text-less parse as from a full one", () => {
		fc.assert(
			fc.property(arbitraryNote, (text) => {
				const keyer = statusKeyer(4);
				const full = parseNote(text, { path: "dir/n.md", settings });
				const textless = parseNote(text, { path: "dir/n.md", settings, textless: true });
				expect(textless.included).toBe(full.included);
				expect(textless.tags).toEqual(full.tags);
				expect(textless.problems).toEqual(full.problems);
				expect(summarizeNote(textless, keyer)).toEqual(summarizeNote(full, keyer));
			}),
			{ numRuns: 400 },
		);
		for (const { path, text } of vaultNotes()) {
			const keyer = statusKeyer(4);
			expect(summarizeNote(parseNote(text, { path, settings, textless: true }), keyer)).toEqual(
				summarizeNote(parseNote(text, { path, settings }), keyer),
			);
		}
	});

	it("index the same after a structured clone, alone or packed in batches", () => {
		fc.assert(
			fc.property(fc.array(arbitraryNote, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (texts, perBatch) => {
				const paths = texts.map((_, i) => `dir/${i}.md`);
				const parsed = texts.map((text, i) => parseNote(text, { path: paths[i], settings }));
				const direct = new CardIndex(options);
				parsed.forEach((note, i) => direct.setFile(paths[i], note));

				const cloned = new CardIndex(options);
				parsed.forEach((note, i) => cloned.setSummary(paths[i], structuredClone(summarizeNote(note, statusKeyer(4)))));
				expect(snapshot(cloned, NOW)).toEqual(snapshot(direct, NOW));

				const batched = new CardIndex(options);
				const keyer = statusKeyer(4);
				for (let start = 0; start < parsed.length; start += perBatch) {
					const builder = new SummaryBatchBuilder(4);
					for (let i = start; i < Math.min(start + perBatch, parsed.length); i++) {
						if (parsed[i].cards.length > 0) builder.add(i, summarizeNote(parsed[i], keyer, builder.tables));
					}
					const batch = builder.build();
					const received = structuredClone(batch, { transfer: batchTransferList(batch) });
					forEachInBatch(received, (id, summary) => batched.setSummary(paths[id], summary));
				}
				expect(snapshot(batched, NOW)).toEqual(snapshot(direct, NOW));
			}),
			{ numRuns: 150 },
		);
	});

	it("made at another day start hour are classed by the index's own hour", () => {
		fc.assert(
			fc.property(arbitraryNote, fc.integer({ min: 0, max: 23 }), (text, hour) => {
				const parsed = parseNote(text, { path: "n.md", settings });
				const direct = new CardIndex(options);
				direct.setFile("n.md", parsed);
				const other = new CardIndex(options);
				other.setSummary("n.md", summarizeNote(parsed, statusKeyer(hour)));
				expect(snapshot(other, NOW)).toEqual(snapshot(direct, NOW));
			}),
			{ numRuns: 150 },
		);
	});

	it("refuse a batch member made with other tables", () => {
		const parsed = parseNote("#flashcards\nQ::A <!--SR:!2025-01-02,3,250-->", { path: "n.md", settings });
		const builder = new SummaryBatchBuilder(4);
		expect(() => builder.add(0, summarizeNote(parsed, statusKeyer(4)))).toThrow(/its own tables/);
	});
});
