import { describe, expect, it } from "vitest";
import type { App as ObsidianApp } from "obsidian";
import { App } from "../mocks/obsidian";
import { VaultNotes } from "../../src/obsidian/vault-notes";

const LATIN1 = new Uint8Array([...Buffer.from("#flashcards\nCaf"), 0xe9, ...Buffer.from("::coffee\n")]);

describe("VaultNotes (the plugin's notes)", () => {
	it("refuses to write a note whose bytes are not UTF-8, with a message", async () => {
		const app = new App();
		app.vault.putBinary("n.md", LATIN1);
		const notes = new VaultNotes(app as unknown as ObsidianApp);
		await expect(notes.process("n.md", (text) => text + "<!--SR:!2026-03-13,3,250-->\n")).rejects.toThrow(/n\.md is not UTF-8.*nothing was saved/);
		expect(app.vault.files.get("n.md")?.text).toBe("#flashcards\nCaf\uFFFD::coffee\n");
		expect(app.vault.binaryOf("n.md")).toEqual(LATIN1);
	});

	it("writes a UTF-8 note that holds a real replacement character", async () => {
		const app = new App();
		app.vault.put("n.md", "#flashcards\nq \uFFFD::a\n");
		const notes = new VaultNotes(app as unknown as ObsidianApp);
		expect(await notes.process("n.md", (text) => text + "x\n")).toBe("#flashcards\nq \uFFFD::a\nx\n");
		expect(app.vault.files.get("n.md")?.text).toBe("#flashcards\nq \uFFFD::a\nx\n");
	});
});
