// Review benchmarks (run: node scripts/bench.mjs review). Prints:
// - writing one answer into a 100 KB note (writeSchedule: find the card again, edit, verify), median;
// - building a review queue for 100,000 cards (ReviewSession.start), median.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseNote } from "../src/cards/parse";
import type { Card } from "../src/model/card";
import { ReviewSession, type SessionItem } from "../src/review/session";
import type { ClassicSchedule } from "../src/model/schedule";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../src/settings/settings";
import { cardTarget, writeSchedule } from "../src/writeback/write-schedule";
import { generateVault } from "./vault-generator";

const settings: SpacedNotesSettings = { ...DEFAULT_SETTINGS, flashcardTags: ["#flashcards"] };

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void, runs: number): number {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		fn();
		samples.push(performance.now() - start);
	}
	return median(samples);
}

/** A note of about `bytes` bytes: headings, prose, code blocks and cards, about half with comments. */
function bigNote(bytes: number): string {
	const parts = ["---\ntags: [flashcards/bench]\n---\n# Bench\n"];
	let size = parts[0].length;
	for (let i = 0; size < bytes; i++) {
		const block =
			i % 5 === 0
				? `\n## Section ${i}\n\nSome prose about layer ${i} and its cache.\n\n\`\`\`dockerfile\nFROM alpine:3.22\nRUN echo ${i}\n\`\`\`\n`
				: i % 2 === 0
					? `\nWhat is layer ${i}?\n?\nThe answer to ${i}, with **bold** text.\n<!--SR:!2026-01-0${1 + (i % 9)},${i % 40},250-->\n`
					: `\nterm ${i}::definition ${i}\n`;
		parts.push(block);
		size += block.length;
	}
	return parts.join("");
}

function benchWrite(): void {
	const text = bigNote(100 * 1024);
	const path = "bench.md";
	const cards = parseNote(text, { path, settings }).cards;
	const card = cards[Math.floor(cards.length / 2)];
	const schedule: ClassicSchedule = { type: "classic", due: "2026-12-01", interval: 5, ease: 250 };
	const options = { path, settings, placement: settings.commentPlacement };
	let ok = true;
	const ms = time(() => {
		ok = writeSchedule(text, cardTarget(card, 0), schedule, options).ok && ok;
	}, 200);
	console.log(
		`write one answer into a ${(text.length / 1024).toFixed(0)} KB note (${cards.length} cards): median ${ms.toFixed(2)} ms${ok ? "" : "  (a write failed!)"}`,
	);
}

function benchQueue(): void {
	const dir = mkdtempSync(join(tmpdir(), "sn-bench-review-"));
	try {
		generateVault(dir, { notes: 10_000, cardsPerNote: 10, seed: 7 });
		const items: SessionItem[] = [];
		const walk = (folder: string): void => {
			for (const entry of readdirSync(folder, { withFileTypes: true })) {
				const full = join(folder, entry.name);
				if (entry.isDirectory()) walk(full);
				else if (entry.name.endsWith(".md")) {
					const cards: Card[] = parseNote(readFileSync(full, "utf8"), { path: full, settings }).cards;
					for (const card of cards)
						for (const sibling of card.siblings)
							items.push({ card, sibling: sibling.index, file: full, deck: (card.decks[0] ?? "").toLowerCase() });
				}
			}
		};
		walk(dir);
		const cardCount = new Set(items.map((item) => item.card)).size;
		const now = new Date("2026-11-26T10:00:00Z");
		const unlimited = { ...settings, newPerDay: 1_000_000, reviewsPerDay: 1_000_000 };
		let queued = 0;
		const ms = time(() => {
			queued = ReviewSession.start(items, { now, settings: unlimited }).entries().length;
		}, 7);
		console.log(`build a review queue: ${cardCount} cards, ${items.length} siblings → ${queued} queued: median ${ms.toFixed(1)} ms`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

benchWrite();
benchQueue();
