import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { selectCardSiblings } from "../../src/cli/card-selection";
import { COMMON_VALUED_FLAGS } from "../../src/cli/common";
import { loadCards } from "../../src/cli/load-index";
import { LOG_SUBFOLDER } from "../../src/cli/review-log";
import { Rating } from "../../src/model/schedule";
import { cardId } from "../../src/stats/card-id";
import { formatLogLine, type LogEntry } from "../../src/stats/log-format";
import { tempVault } from "../builders";

const NOTE = [
	"#flashcards/bio",
	"",
	"cell::unit of life <!--SR:!2026-03-01,4,250-->",
	"dna::code",
	"mitosis::cell division <!--SR:!2026-03-30,20,250-->",
	"ribosome::protein factory <!--SR:!2026-03-02,3,230,s-->",
	"",
].join("\n");
const NOW = "2026-03-10T12:00:00Z";

const io = { cwd: "/", stdout: () => undefined, stderr: () => undefined };
const select = (dir: string, filter: string) => {
	const args = parseArgs([dir, "--filter", filter, "--now", NOW], [], [...COMMON_VALUED_FLAGS, "deck", "filter"]);
	return selectCardSiblings(loadCards(args, io), args, new Date(NOW)).map((s) => s.card.front);
};

function vaultWithLog(): string {
	const dir = tempVault({ files: { "bio.md": NOTE }, settings: { leechThreshold: 3 } });
	const loaded = loadCards(parseArgs([dir], [], []), io);
	const id = (front: string) => {
		const card = loaded.notes.get("bio.md")!.parsed.cards.find((c) => c.front === front)!;
		return cardId("bio.md", card.source, 0);
	};
	const day = (d: number, hour = 10) => Date.UTC(2026, 1, d, hour);
	const again = (card: string, time: number): LogEntry => ({
		kind: "review",
		time,
		card,
		deck: "flashcards/bio",
		rating: Rating.Again,
		state: 2,
		elapsedDays: 3,
		scheduledDays: 1,
		durationMs: 4000,
	});
	const entries: LogEntry[] = [
		// cell lapsed three times, then was reset: no lapses since.
		again(id("cell"), day(1)),
		again(id("cell"), day(3)),
		again(id("cell"), day(5)),
		{ kind: "reset", time: day(6), card: id("cell") },
		// mitosis lapsed three times: a leech at threshold 3.
		again(id("mitosis"), day(2)),
		again(id("mitosis"), day(4)),
		again(id("mitosis"), day(8)),
		// dna answered today (10 March, after the day starts).
		{
			kind: "review",
			time: Date.UTC(2026, 2, 10, 9),
			card: id("dna"),
			deck: "flashcards/bio",
			rating: Rating.Good,
			state: 0,
			elapsedDays: 0,
			scheduledDays: 0,
			durationMs: 3000,
		},
	];
	const folder = join(dir, ".obsidian", LOG_SUBFOLDER);
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, "laptop.jsonl"), entries.map(formatLogLine).join("\n") + "\n");
	return dir;
}

describe("--filter of cards and set: the card browser's search language", () => {
	const dir = vaultWithLog();

	it("finds free text in either side, quoted or not", () => {
		expect(select(dir, "division")).toEqual(["mitosis"]);
		expect(select(dir, '"unit of"')).toEqual(["cell"]);
		expect(select(dir, "-cell #flashcards/bio")).toEqual(["dna", "ribosome"]);
	});

	it("reads due:, prop:due and the status words as the browser does (a suspended sibling is never due)", () => {
		expect(select(dir, "due:<0")).toEqual(["cell", "ribosome"]);
		expect(select(dir, "prop:due>10")).toEqual(["mitosis"]);
		expect(select(dir, "is:due")).toEqual(["cell"]);
		expect(select(dir, "is:suspended")).toEqual(["ribosome"]);
		expect(select(dir, "is:new, is:suspended")).toEqual(["dna", "ribosome"]);
	});

	it("takes lapses, leeches, reviews and rated: from the review log, lapses since the last reset", () => {
		expect(select(dir, "is:leech")).toEqual(["mitosis"]);
		expect(select(dir, "prop:lapses>=1")).toEqual(["mitosis"]);
		expect(select(dir, "prop:reviews>=3")).toEqual(["cell", "mitosis"]);
		expect(select(dir, "rated:1")).toEqual(["dna"]);
		expect(select(dir, "rated:40 -rated:1")).toEqual(["cell", "mitosis"]);
	});

	it("refuses a bad or empty filter with a message saying what to fix", () => {
		expect(() => select(dir, "is:sleeping")).toThrow(/after is: write one of/);
		expect(() => select(dir, "  ")).toThrow(/empty/);
		expect(() => select(dir, "deck:x")).toThrow(/Unknown search key "deck:"/);
	});
});
