import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { DiskNotes } from "../../src/cli/disk-notes";
import { loadIndex } from "../../src/cli/load-index";
import { parseNote } from "../../src/cards/parse";
import { ReviewController } from "../../src/review/controller";
import { NoteEditor } from "../../src/review/note-editor";
import { Rating, type ClassicSchedule } from "../../src/model/schedule";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { cardTarget } from "../../src/writeback/write-schedule";
import { tempVault } from "../builders";

const SCHEDULE: ClassicSchedule = { type: "classic", due: "2026-12-01", interval: 5, ease: 250 };
const SETTINGS = { ...DEFAULT_SETTINGS, deterministicOrder: true, fuzz: false, algorithm: "sm2" as const };

function setUp(text: string) {
	const dir = tempVault({ prefix: "sn-disk-", files: { "notes/n.md": text } });
	const path = join(dir, "notes", "n.md");
	const loaded = loadIndex(parseArgs([dir], [], []), { cwd: dir, stdout: () => {}, stderr: () => {} });
	const store = new DiskNotes(loaded.vault);
	const editor = new NoteEditor(store, () => SETTINGS);
	const target = (i: number) => cardTarget(parseNote(text, { path: "notes/n.md", settings: SETTINGS }).cards[i], 0);
	return { dir, path, store, editor, target, loaded };
}

describe("DiskNotes (the terminal review's notes)", () => {
	it("makes the change on the text now on disk when the note changed since it was loaded", async () => {
		const { path, editor, target } = setUp("#flashcards\nq1::a1\nq2::a2\n");
		const shown = target(1);
		writeFileSync(path, "#flashcards\nadded elsewhere::x\nq1::a1\nq2::a2\n");
		expect((await editor.write("notes/n.md", shown, SCHEDULE)).ok).toBe(true);
		expect(readFileSync(path, "utf8")).toBe("#flashcards\nadded elsewhere::x\nq1::a1\nq2::a2\n<!--SR:!2026-12-01,5,250-->\n");
	});

	it("redoes the change when another writer saves between its read and its write", async () => {
		const { path, store } = setUp("#flashcards\nq1::a1\n");
		let calls = 0;
		const written = await store.process("notes/n.md", (text) => {
			calls++;
			// The first time, someone else appends a line before our write lands.
			if (calls === 1) writeFileSync(path, text + "appended::meanwhile\n");
			return text + "<!--ours-->\n";
		});
		expect(calls).toBe(2);
		expect(written).toBe("#flashcards\nq1::a1\nappended::meanwhile\n<!--ours-->\n");
		expect(readFileSync(path, "utf8")).toBe(written);
	});

	it("writes nothing and says why when the card is gone", async () => {
		const { path, editor, target } = setUp("#flashcards\nq1::a1\nq2::a2\n");
		const shown = target(0);
		writeFileSync(path, "#flashcards\nq2::a2\n");
		const outcome = await editor.write("notes/n.md", shown, SCHEDULE);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.message).toMatch(/card/i);
		expect(readFileSync(path, "utf8")).toBe("#flashcards\nq2::a2\n");
	});

	it("a note outside the session or unreadable is a message, never an exception", async () => {
		const { store, editor, target } = setUp("#flashcards\nq1::a1\n");
		await expect(store.read("elsewhere.md")).rejects.toThrow(/not part of this session/);
		expect(await editor.write("elsewhere.md", target(0), SCHEDULE)).toMatchObject({ ok: false });
	});

	it("the review engine over the disk finds later cards where its own writes moved them", async () => {
		const text = "#flashcards\nsame::card\nother::x\nsame::card\n";
		const { path, store, loaded } = setUp(text);
		const controller = new ReviewController(
			{ settings: () => SETTINGS, index: () => loaded.index, notes: store, now: () => new Date("2026-11-26T10:00:00Z"), notify: () => {} },
			{ title: "All cards" },
		);
		await controller.load();
		for (const rating of [Rating.Easy, Rating.Easy, Rating.Easy]) {
			controller.reveal();
			expect(await controller.answer(rating)).toBe("saved");
		}
		const lines = readFileSync(path, "utf8").split("\n");
		expect(lines.filter((l) => l.startsWith("<!--SR:"))).toHaveLength(3);
		expect(lines.filter((l) => !l.startsWith("<!--SR:")).join("\n")).toBe(text);
		expect(await controller.undo()).toBe(true);
		const after = readFileSync(path, "utf8");
		expect(after.split("\n").filter((l) => l.startsWith("<!--SR:"))).toHaveLength(2);
		expect(after.split("\n")[after.split("\n").length - 2]).toBe("same::card");
	});
});

describe("DiskNotes and another program writing the note", () => {
	it("warns, naming a backup, when a program writes into the file an answer replaced", async () => {
		const { dir, path, loaded } = setUp("#flashcards\nq1::a1\n");
		const warnings: string[] = [];
		const store = new DiskNotes(loaded.vault, { warn: (m) => warnings.push(m) });
		// A program opened the note before our write and writes into it after our rename.
		const late = openSync(path, "a");
		await store.process("notes/n.md", (text) => text + "<!--ours-->\n");
		writeSync(late, "theirs\n");
		closeSync(late);
		await store.close();
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(
			/^notes\/n\.md was written by another program just after an answer replaced it, so that text is kept in notes\/n\.md\.spaced-notes-\d{8}T\d{9}Z\.bak\.$/,
		);
		const backup = /in (\S+\.bak)\.$/.exec(warnings[0])?.[1] ?? "";
		expect(readFileSync(join(dir, backup), "utf8")).toBe("#flashcards\nq1::a1\ntheirs\n");
		expect(readFileSync(path, "utf8")).toBe("#flashcards\nq1::a1\n<!--ours-->\n");
	});
});
