/**
 * The card browser's actions reach card management with the card as it is in the note now: a
 * row whose card moved or is gone is reported and left alone, never mistaken for another card.
 */
import { describe, expect, it } from "vitest";
import { browserActionsOf, subjectsOf } from "../../src/obsidian/browser-actions";
import type { ActionReport, ActionSubject } from "../../src/review/card-manager";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import type { CardActions } from "../../src/ui/services";
import type { CardAction } from "../../src/writeback/card-actions";
import { App } from "obsidian";

const SETTINGS = { ...DEFAULT_SETTINGS, flashcardTags: ["#flashcards"] };
const NOTES = new Map([
	["a.md", "#flashcards\nQ1::A1\n\nQ2:::A2\n"],
	["b.md", "#flashcards\nQ3::A3\n"],
]);
const notes = { read: (path: string) => (NOTES.has(path) ? Promise.resolve(NOTES.get(path) as string) : Promise.reject(new Error("gone"))) };
const ref = (path: string, line: number, cardIndex: number, sibling = 0) => ({ path, line, cardIndex, sibling, id: "" });

describe("browser actions", () => {
	it("find each row's card in its note, by index and line, and count the rows whose card is gone", async () => {
		const { subjects, missing } = await subjectsOf(notes, SETTINGS, [
			ref("a.md", 3, 1, 1),
			ref("a.md", 1, 0),
			ref("b.md", 1, 0),
			ref("a.md", 2, 1),
			ref("c.md", 1, 0),
		]);
		expect(subjects.map((s) => [s.path, s.card.front, s.sibling])).toEqual([
			["a.md", "Q2", 1],
			["a.md", "Q1", 0],
			["b.md", "Q3", 0],
		]);
		expect(missing).toBe(2);
	});

	it("a card that moved down is still found by its first line; a sibling past the card's last is not", async () => {
		const { subjects, missing } = await subjectsOf(notes, SETTINGS, [ref("a.md", 3, 0), ref("a.md", 1, 0, 1)]);
		expect(subjects.map((s) => s.card.front)).toEqual(["Q2"]);
		expect(missing).toBe(1);
	});

	it("suspend, flag and reset go to card management with the subjects", async () => {
		const calls: [ActionSubject[], CardAction][] = [];
		const report: ActionReport = { done: [], failed: [] };
		const actions = {
			apply: (subjects: readonly ActionSubject[], action: CardAction) => {
				calls.push([[...subjects], action]);
				return Promise.resolve(report);
			},
			setDue: () => Promise.resolve(report),
		} as unknown as CardActions;
		const browser = browserActionsOf(new App(), notes, () => SETTINGS, actions);
		await browser.suspend?.([ref("b.md", 1, 0)], true);
		await browser.flag?.([ref("a.md", 1, 0)], 3);
		await browser.reset?.([ref("c.md", 1, 0)]);
		expect(calls.map(([subjects, action]) => [subjects.map((s) => s.card.front), action])).toEqual([
			[["Q3"], { kind: "suspend" }],
			[["Q1"], { kind: "flag", flag: 3 }],
		]);
	});
});
