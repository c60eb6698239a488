/**
 * Text from notes never drives the terminal: clear-screen, hidden text and OSC 52 clipboard
 * writes in a note are printed as visible characters by every command, and JSON stays valid.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { guardTerminal, jsonText, terminalText } from "../../src/cli/terminal-text";
import { runBuiltCli } from "../helpers/built-cli";

const ESC = "\u001b";
const CLEAR = `${ESC}[2J${ESC}[H`;
const HIDDEN = `${ESC}[8mhidden${ESC}[0m`;
const CLIPBOARD = `${ESC}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007`;
const CSI_C1 = "\u009b31m";

/** True when `text` holds a control character a terminal would obey (tab and line feed aside). */
const obeyable = (text: string): boolean =>
	[...text].some((c) => {
		const code = c.charCodeAt(0);
		return (code < 32 && code !== 9 && code !== 10) || (code >= 127 && code <= 159);
	});

describe("terminalText and guardTerminal", () => {
	it("shows every control character as a visible stand-in", () => {
		const shown = terminalText(`a${CLEAR}b${HIDDEN}${CLIPBOARD}${CSI_C1}\tc\nd`);
		expect(obeyable(shown)).toBe(false);
		expect(shown).toContain("\u241b[2J");
		expect(shown).toContain("\\x9b31m");
		expect(shown).toContain("\tc\nd");
	});

	it("lets only the review's own sequences through, not the same bytes inside note text first made visible", () => {
		const out: string[] = [];
		const write = guardTerminal((t) => out.push(t), true);
		write(`${CLEAR}${ESC}[1mdeck${ESC}[22m ${terminalText(CLEAR)} ${CLIPBOARD}`);
		expect(out[0].startsWith(`${CLEAR}${ESC}[1mdeck${ESC}[22m `)).toBe(true);
		expect(obeyable(out[0].slice(`${CLEAR}${ESC}[1mdeck${ESC}[22m `.length))).toBe(false);
		// Every other command's output passes no sequence at all.
		const plain: string[] = [];
		guardTerminal((t) => plain.push(t))(`${CLEAR}${ESC}[1mdeck`);
		expect(obeyable(plain[0])).toBe(false);
	});

	it("JSON keeps DEL and C1 controls as \\u escapes and stays parseable", () => {
		const text = jsonText({ q: `x${CSI_C1}\u007f${CLEAR}` });
		expect(obeyable(text)).toBe(false);
		expect(JSON.parse(text)).toEqual({ q: `x${CSI_C1}\u007f${CLEAR}` });
	});
});

describe("every command, on a note full of escape sequences", () => {
	const dir = mkdtempSync(join(tmpdir(), "sn-escapes-"));
	writeFileSync(
		join(dir, `evil${ESC}[2J.md`),
		`#flashcards\n\nWhat is ${CLEAR}this?::${HIDDEN} and ${CLIPBOARD}${CSI_C1}\n\n\`\`\`dockerfile\nFROM alpine${CLIPBOARD}\nRUN echo ${HIDDEN}\n\`\`\`\n`,
	);
	it.each([
		[["cards", dir]],
		[["cards", dir, "--json"]],
		[["check", dir]],
		[["decks", dir]],
		[["review", dir, "--now", "2026-03-10T10:00:00Z"]],
		[["docker", join(dir, `evil${ESC}[2J.md`)]],
		[["docker", join(dir, `evil${ESC}[2J.md`), "--json"]],
	])("%j prints no control character a terminal would obey", async (args) => {
		const run = await runBuiltCli(args, { input: "good\n" });
		expect(obeyable(run.stdout), run.stdout).toBe(false);
		expect(obeyable(run.stderr), run.stderr).toBe(false);
		if (args.includes("--json")) expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
	});
});
