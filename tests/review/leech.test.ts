import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { CardIndex } from "../../src/index/card-index";
import { countLeeches, isLeech } from "../../src/index/leeches";
import { Rating } from "../../src/model/schedule";
import { ReviewController } from "../../src/review/controller";
import type { ReviewRequest } from "../../src/review/request";
import type { NoteStore, ReviewDeps } from "../../src/review/ports";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../src/settings/settings";
import type { LogEntry, ReviewEntry } from "../../src/stats/log-format";
import { reviewEntry } from "../../src/stats/review-entry";
import { mergeLogs } from "../../src/stats/merge";
import { formatLogLine } from "../../src/stats/log-format";
import { cardId } from "../../src/stats/card-id";

const NOW = new Date("2026-03-10T12:00:00Z");
const FSRS_NOTE = "#flashcards\n\nq::a <!--SR:!fsrs,2026-03-09T10:00:00.000Z,9,9.1,7.2,2,6,1,0,2026-02-28T10:00:00.000Z-->\n";
const SM2_NOTE = "#flashcards\n\nq::a <!--SR:!2026-03-09,9,250-->\n";

function world(text: string, settings: Partial<SpacedNotesSettings>, history: LogEntry[] = [], request: ReviewRequest = { title: "All" }) {
	const files: Record<string, string> = { "n.md": text };
	const current: SpacedNotesSettings = { ...DEFAULT_SETTINGS, fuzz: false, deterministicOrder: true, leechThreshold: 2, ...settings };
	const notes: NoteStore = {
		read: (p) => Promise.resolve(files[p]),
		process: (p, edit) => {
			const next = edit(files[p]);
			if (next !== null) files[p] = next;
			return Promise.resolve(files[p]);
		},
	};
	const index = new CardIndex({ flashcardTags: ["#flashcards"], dayStartHour: 4 });
	index.setFile("n.md", parseNote(text, { path: "n.md", settings: current }));
	const notices: string[] = [];
	const logged: LogEntry[] = [...history];
	const deps: ReviewDeps = {
		settings: () => current,
		index: () => index,
		notes,
		now: () => NOW,
		notify: (m) => notices.push(m),
		log: {
			recordAnswer: (facts) => {
				const entry = reviewEntry(facts);
				logged.push(entry);
				return Promise.resolve(entry);
			},
			recordUndo: (answer: ReviewEntry) => (
				logged.push({ kind: "undo", time: NOW.getTime(), card: answer.card, reviewTime: answer.time }),
				Promise.resolve()
			),
			readAll: () => Promise.resolve(mergeLogs([{ name: "d.jsonl", text: logged.map((e) => formatLogLine(e)).join("\n") }])),
			append: (e) => (logged.push(e), Promise.resolve()),
		},
	};
	return { files, notices, logged, controller: new ReviewController(deps, request) };
}

async function answerAgain(controller: ReviewController) {
	await controller.load();
	controller.reveal();
	await controller.answer(Rating.Again);
}

describe("leeches", () => {
	it("an FSRS lapse that reaches the threshold suspends the sibling, drops it from the session, and undo restores the bytes", async () => {
		const { files, notices, logged, controller } = world(FSRS_NOTE, {});
		await answerAgain(controller);
		expect(files["n.md"]).toMatch(/,3,7,2,0,2026-03-10T12:00:00.000Z,s-->\n$/);
		expect(notices.some((n) => n.includes("is a leech (2 lapses) and was suspended"))).toBe(true);
		expect(controller.state().phase).toBe("finished");
		expect(logged.map((e) => e.kind)).toEqual(["suspend", "review"]);
		expect(await controller.undo()).toBe(true);
		expect(files["n.md"]).toBe(FSRS_NOTE);
		expect(logged.filter((e) => e.kind === "undo")).toHaveLength(2);
	});

	it("with leechAction mark, only tells; the index counts the leech", async () => {
		const { files, notices, controller } = world(FSRS_NOTE, { leechAction: "mark" });
		await answerAgain(controller);
		expect(files["n.md"]).not.toContain(",s-->");
		expect(notices.some((n) => n.includes("is a leech (2 lapses)."))).toBe(true);
		const index = new CardIndex({ flashcardTags: ["#flashcards"], dayStartHour: 4 });
		index.setFile("n.md", parseNote(files["n.md"], { path: "n.md", settings: DEFAULT_SETTINGS }));
		expect(countLeeches(index, 2)).toEqual({ leeches: 1, suspended: 0 });
		expect(countLeeches(index, 3)).toEqual({ leeches: 0, suspended: 0 });
		const [file] = index.files();
		expect(isLeech(file.readCard(0), 0, 2)).toBe(true);
	});

	it("an SM-2 sibling counts its lapses in the review log", async () => {
		const card = parseNote(SM2_NOTE, { path: "n.md", settings: DEFAULT_SETTINGS }).cards[0];
		const earlier = reviewEntry({
			time: new Date("2026-02-01T10:00:00Z"),
			path: "n.md",
			card,
			sibling: 0,
			rating: Rating.Again,
			before: { kind: "ok", schedule: { type: "classic", due: "2026-02-01", interval: 5, ease: 250 } },
			after: { type: "classic", due: "2026-02-02", interval: 1, ease: 230 },
			durationMs: 1000,
			dayStartHour: 4,
		});
		const { files, controller } = world(SM2_NOTE, { algorithm: "sm2" }, [earlier]);
		await answerAgain(controller);
		expect(files["n.md"]).toMatch(/,s-->\n$/);
		const fresh = world(SM2_NOTE, { algorithm: "sm2" });
		await answerAgain(fresh.controller);
		expect(fresh.files["n.md"]).not.toContain(",s-->");
	});
});

describe("card actions from the review screen", () => {
	it("give the card shown as a subject, and leave it out of the session", async () => {
		const { controller } = world(FSRS_NOTE + "q2::a2 <!--SR:!2026-03-01,4,250-->\n", {});
		await controller.load();
		const subject = controller.currentSubject();
		expect(subject).toMatchObject({ path: "n.md", sibling: 0, card: { front: "q" } });
		controller.leaveOut();
		expect(controller.currentSubject()?.card.front).toBe("q2");
		controller.leaveOut();
		expect(controller.currentSubject()).toBeNull();
		expect(controller.state().phase).toBe("finished");
	});
});

describe("suspended and buried siblings in any session", () => {
	const NOTE = "#flashcards\n\nq1::a1 <!--SR:!2026-03-01,4,250,s-->\nq2::a2 <!--SR:!2026-03-01,4,250-->\nq3::a3\n";
	it("are left out of cram and review ahead as of a regular review", async () => {
		for (const request of [
			{ title: "cram", custom: { kind: "cram" as const } },
			{ title: "ahead", custom: { kind: "ahead" as const, days: 30 } },
			{ title: "All" },
		]) {
			const { controller } = world(NOTE, {}, [], { ...request, isBuried: (id: string) => id.endsWith(cardId("n.md", "q3::a3", 0).slice(13)) });
			await controller.load();
			const shown: string[] = [];
			for (let subject = controller.currentSubject(); subject; subject = controller.currentSubject()) {
				shown.push(subject.card.front);
				controller.leaveOut();
			}
			expect(shown, request.title).toEqual(["q2"]);
		}
	});
});
