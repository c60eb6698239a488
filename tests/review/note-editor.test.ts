import { describe, expect, it } from "vitest";
import type { App as ObsidianApp } from "obsidian";
import { App } from "../mocks/obsidian";
import { parseNote } from "../../src/cards/parse";
import { VaultNotes } from "../../src/obsidian/vault-notes";
import { NoteEditor } from "../../src/review/note-editor";
import { cardTarget } from "../../src/writeback/write-schedule";
import { SETTINGS } from "./fixtures";

const SCHEDULE = { type: "classic", due: "2026-03-13", interval: 3, ease: 250 } as const;
const TEXT = "#flashcards\nA::1\nB::2\n";

function setup() {
	const app = new App();
	app.vault.put("n.md", TEXT);
	const writes: [string, string][] = [];
	const writer = new NoteEditor(
		new VaultNotes(app as unknown as ObsidianApp),
		() => SETTINGS,
		(path, text) => writes.push([path, text]),
	);
	const target = cardTarget(parseNote(TEXT, { path: "n.md", settings: SETTINGS }).cards[1], 0);
	return { app, writer, writes, target };
}

describe("NoteEditor over the vault (Vault.process)", () => {
	it("writes through Vault.process, tells the index, and restores the exact text", async () => {
		const { app, writer, writes, target } = setup();
		const outcome = await writer.write("n.md", target, SCHEDULE);
		const written = "#flashcards\nA::1\nB::2\n<!--SR:!2026-03-13,3,250-->\n";
		expect(outcome).toMatchObject({ ok: true, previousComment: null, text: written, lineDelta: 1 });
		// The parse that verified the write comes back with it: the card now carries the comment.
		expect(outcome.ok && outcome.note.cards[1].comment?.raw).toBe("<!--SR:!2026-03-13,3,250-->");
		expect(app.vault.files.get("n.md")?.text).toBe(written);
		expect(writes).toEqual([["n.md", written]]);
		// Undo addresses the card as it is now, with the comment the write put there.
		const now = outcome.ok ? cardTarget(outcome.note.cards[1], 0) : target;
		const undone = await writer.restore("n.md", now, null);
		expect(undone).toMatchObject({ ok: true, lineDelta: -1 });
		expect(app.vault.files.get("n.md")?.text).toBe(TEXT);
	});

	it("never throws: a missing note or a failing write becomes a message, the index untouched", async () => {
		const { app, writer, writes, target } = setup();
		expect(await writer.write("gone.md", target, SCHEDULE)).toMatchObject({ ok: false });
		app.vault.process = () => Promise.reject(new Error("disk full"));
		const outcome = await writer.write("n.md", target, SCHEDULE);
		expect(outcome.ok).toBe(false);
		expect(outcome.ok ? "" : outcome.message).toContain("disk full");
		expect(writes).toEqual([]);
	});

	it("undo never writes over a comment it did not write", async () => {
		const { app, writer, target } = setup();
		const outcome = await writer.write("n.md", target, SCHEDULE);
		expect(outcome.ok).toBe(true);
		const after = outcome.ok ? cardTarget(outcome.note.cards[1], 0) : target;
		// Another device answers the card meanwhile.
		const theirs = "#flashcards\nA::1\nB::2\n<!--SR:!2026-04-01,20,270-->\n";
		app.vault.put("n.md", theirs);
		const undone = await writer.restore("n.md", after, null);
		expect(undone).toMatchObject({ ok: false, conflict: "stale" });
		expect(app.vault.files.get("n.md")?.text).toBe(theirs);
	});

	it("a conflict leaves the note as it is", async () => {
		const { app, writer, writes, target } = setup();
		app.vault.put("n.md", "#flashcards\nA::1\n");
		const outcome = await writer.write("n.md", target, SCHEDULE);
		expect(outcome.ok).toBe(false);
		expect(app.vault.files.get("n.md")?.text).toBe("#flashcards\nA::1\n");
		expect(writes).toEqual([]);
	});
});
