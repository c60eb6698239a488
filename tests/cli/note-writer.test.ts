import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { loadCards } from "../../src/cli/load-index";
import { NoteWriter } from "../../src/cli/note-writer";
import type { ClassicSchedule } from "../../src/schedule/types";

const SCHEDULE: ClassicSchedule = { type: "classic", due: "2026-12-01", interval: 5, ease: 250 };

function setUp(text: string) {
	const dir = mkdtempSync(join(tmpdir(), "sn-writer-"));
	mkdirSync(join(dir, "notes"));
	const path = join(dir, "notes", "n.md");
	writeFileSync(path, text);
	const loaded = loadCards(parseArgs([dir], [], []), { cwd: dir, stdout: () => {}, stderr: () => {} });
	const writer = new NoteWriter(loaded.notes, loaded.settings);
	const card = (i: number) => loaded.notes.get("notes/n.md")!.parsed.cards[i];
	return { path, writer, card };
}

describe("NoteWriter (the terminal review's writes)", () => {
	it("redoes the change on the text now on disk when the note changed since it was read", () => {
		const { path, writer, card } = setUp("#flashcards\nq1::a1\nq2::a2\n");
		const shown = card(1);
		writeFileSync(path, "#flashcards\nadded elsewhere::x\nq1::a1\nq2::a2\n");
		expect(writer.write("notes/n.md", shown, 0, SCHEDULE).ok).toBe(true);
		expect(readFileSync(path, "utf8")).toBe("#flashcards\nadded elsewhere::x\nq1::a1\nq2::a2\n<!--SR:!2026-12-01,5,250-->\n");
	});

	it("writes nothing and says why when the card is gone", () => {
		const { path, writer, card } = setUp("#flashcards\nq1::a1\nq2::a2\n");
		const shown = card(0);
		writeFileSync(path, "#flashcards\nq2::a2\n");
		const outcome = writer.write("notes/n.md", shown, 0, SCHEDULE);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.message).toMatch(/^notes\/n\.md:2: /);
		expect(readFileSync(path, "utf8")).toBe("#flashcards\nq2::a2\n");
	});

	it("follows its own line shifts so later cards are still found where they are", () => {
		const text = "#flashcards\nsame::card\nother::x\nsame::card\n";
		const { path, writer, card } = setUp(text);
		const first = card(0);
		const second = card(2);
		expect(writer.write("notes/n.md", first, 0, SCHEDULE).ok).toBe(true);
		expect(writer.write("notes/n.md", second, 0, { ...SCHEDULE, interval: 9 }).ok).toBe(true);
		expect(readFileSync(path, "utf8")).toBe(
			"#flashcards\nsame::card\n<!--SR:!2026-12-01,5,250-->\nother::x\nsame::card\n<!--SR:!2026-12-01,9,250-->\n",
		);
		const undo = writer.restore("notes/n.md", second, 0, null);
		expect(undo.ok).toBe(true);
		expect(readFileSync(path, "utf8")).toBe("#flashcards\nsame::card\n<!--SR:!2026-12-01,5,250-->\nother::x\nsame::card\n");
	});
});
