/**
 * The terminal review as a person meets it: what happened last survives the next screen's clear,
 * the keys are said, words are not broken, the summary counts cards and answers apart and names
 * learning cards still due today, and the last answer can be undone before the session ends.
 */
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ReviewScreen } from "../../src/cli/review-screen";
import { wrapWords } from "../../src/cli/wrap";
import { Rating } from "../../src/model/schedule";
import type { ReviewCardView } from "../../src/review/review-state";
import { runBuiltCli } from "../helpers/built-cli";

const CARD: ReviewCardView = {
	path: "n.md",
	line: 2,
	kind: "new",
	question: "What does a multi-stage build copy into the final image?",
	answer: "Only the compiled artifacts, with COPY --from=builder.",
	decks: ["flashcards"],
	context: ["n"],
	source: "",
	intervals: { [Rating.Again]: "1 min", [Rating.Hard]: "6 min", [Rating.Good]: "10 min", [Rating.Easy]: "3 d" },
};
const PROGRESS = { done: { new: 0, learning: 0, review: 0 }, left: { new: 2, learning: 0, review: 0 } };

function terminal(columns = 40) {
	let out = "";
	const screen = new ReviewScreen({ cwd: "/", stdout: (t) => (out += t), stderr: () => {}, columns }, true);
	return { screen, out: () => out };
}

describe("the screen in a terminal", () => {
	it("shows 'Good: saved.' after the clear of the next card's screen", () => {
		const { screen, out } = terminal();
		screen.question(CARD, PROGRESS);
		screen.answer(CARD);
		screen.saved(Rating.Good);
		screen.question(CARD, PROGRESS);
		const afterClear = out().slice(out().lastIndexOf("\u001b[2J\u001b[H"));
		expect(afterClear).toContain("Good: saved.");
	});

	it("says that Enter on the answer side means Good", () => {
		const { screen, out } = terminal();
		screen.answer(CARD);
		expect(out()).toContain("[Enter] Good");
	});

	it("wraps the card's text between words, to the terminal's width", () => {
		const { screen, out } = terminal(24);
		screen.question(CARD, PROGRESS);
		const lines = out().split("\n");
		expect(lines).toContain("What does a multi-stage");
		expect(lines.some((l) => l.endsWith("multi-") || l.startsWith("stage build"))).toBe(false);
	});
});

describe("wrapWords", () => {
	it("never breaks a word, keeps short lines and list indentation", () => {
		expect(wrapWords("alpha beta gamma delta", 11)).toBe("alpha beta\ngamma delta");
		expect(wrapWords("short\n  - a list item that wraps", 16)).toBe("short\n  - a list item\n  that wraps");
		expect(wrapWords("averyveryverylongword x", 12)).toBe("averyveryverylongword\nx");
	});
});

describe("the session from a pipe", () => {
	it("good, undo, quit restores the note byte for byte (the last answer can be undone)", async () => {
		const dir = mkdtempSync(join(tmpdir(), "sn-term-"));
		const note = join(dir, "n.md");
		const text = "#flashcards\r\n\r\nq::a\r\n";
		writeFileSync(note, text);
		const run = await runBuiltCli(["review", dir, "--now", "2026-03-10T10:00:00Z", "--algorithm", "sm2"], { input: "easy\nundo\nquit\n" });
		expect(run.status).toBe(0);
		expect(run.stdout).toContain("Undone.");
		expect(readFileSync(note, "utf8")).toBe(text);
		expect(run.stdout).toContain("Reviewed 0 cards.");
	});

	it("counts cards and answers apart, and names learning cards still due today", async () => {
		const dir = mkdtempSync(join(tmpdir(), "sn-term-"));
		writeFileSync(join(dir, "n.md"), "#flashcards\n\nq::a\n");
		const run = await runBuiltCli(["review", dir, "--now", "2026-03-10T10:00:00Z"], { input: "again\nquit\n" });
		expect(run.stdout).toContain("Reviewed 1 card with 1 answer (Again 1, Hard 0, Good 0, Easy 0)");
		expect(run.stdout).toContain("1 card is in learning steps and comes back today");
	});
});
