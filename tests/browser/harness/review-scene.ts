// The review screen's scene: a Docker card or a cloze of the example vault, in each phase the browser test looks at.
import type { Component, Scope as ObsidianScope } from "obsidian";
import { Scope } from "../../mocks/obsidian";
import { parseNote } from "../../../src/cards/parse";
import { clozeDisplay } from "../../../src/cards/cloze-display";
import { clozePatternsOf } from "../../../src/cards/cloze-patterns";
import { Rating } from "../../../src/model/schedule";
import type { ReviewCardView, ReviewModel, ReviewScreenState } from "../../../src/review/review-state";
import { renderReviewScreen } from "../../../src/ui/review/review-screen";
import clozes from "../../../examples/vault/clozes.md";
import { modal, renderMarkdown } from "./shell";
import { NOW, SETTINGS } from "./world";

/** The review's phases the browser test looks at (`?phase=`), drawn from fixed states. */
export type ReviewScenePhase = "question" | "answer" | "cloze" | "finished";

export function reviewScene(phase: ReviewScenePhase): void {
	const content = modal("sn-review-modal sn-review-size-medium", null);
	const card: ReviewCardView = {
		path: "docker/docker-multistage.md",
		line: 14,
		kind: "review",
		question: "## 2. Multi-stage builds\nWhat does the runtime stage of a multi-stage build contain?",
		answer: [
			"- Only the **compiled artifacts**, copied from the build stage with `COPY --from=builder`.",
			"- No compilers, package managers or build caches.",
			"```dockerfile",
			"FROM golang:1.17 AS builder",
			"RUN go build -o calculator .",
			"FROM scratch",
			"COPY --from=builder /app/calculator .",
			"```",
		].join("\n"),
		decks: ["space/docker/40-day-course"],
		context: ["docker-multistage", "Docker multi-stage builds"],
		source: "",
		intervals: { [Rating.Again]: "10 min", [Rating.Hard]: "2 d", [Rating.Good]: "5 d", [Rating.Easy]: "12 d" },
		cloze: null,
	};
	const cloze = clozeCard();
	const state: ReviewScreenState = {
		phase: phase === "cloze" ? "answer" : phase,
		title: "space › docker",
		card: phase === "finished" ? null : phase === "cloze" ? cloze : card,
		progress: { done: { new: 2, learning: 1, review: 9 }, left: { new: 3, learning: 1, review: 14 } },
		summary: {
			answered: 12,
			cards: 11,
			byRating: { [Rating.Again]: 1, [Rating.Hard]: 2, [Rating.Good]: 8, [Rating.Easy]: 1 },
			byKind: { new: 2, learning: 1, review: 9 },
			startedAt: NOW,
			lastAnswerAt: NOW,
			elapsedMs: 300000,
		},
		unsaved: [],
		waitingUntil: null,
		canUndo: true,
		busy: false,
		showIntervals: true,
		notice: null,
		loading: null,
		outlook: phase === "finished" ? { total: 40, available: 0, nextDue: "in 16 h", tomorrow: 14 } : null,
		empty: null,
	};
	const model: ReviewModel = {
		state: () => state,
		subscribe: () => () => {},
		reveal: () => {},
		answer: () => Promise.resolve("ignored" as const),
		skip: () => {},
		undo: () => Promise.resolve(false),
		startEdit: () => {},
		cancelEdit: () => {},
		saveEdit: async () => {},
		retry: async () => {},
		retryAll: async () => {},
		answerAgain: () => {},
		refresh: () => {},
	};
	renderReviewScreen(content, model, {
		renderMarkdown: (md: string, el: HTMLElement, _path: string, _owner: Component) => renderMarkdown(md, el),
		// A scope, so the buttons show their keys as in Obsidian.
		scope: new Scope() as unknown as ObsidianScope,
		openInNote: () => {},
		close: () => {},
		openDeckList: () => {},
		openStatistics: () => {},
	});
}

/** The first cloze of the example vault's cloze note, with its marks, as the review shows it. */
function clozeCard(): ReviewCardView {
	const parsed = parseNote(clozes, { path: "clozes.md", settings: SETTINGS });
	const found = parsed.cards.find((c) => c.kind === "cloze" && c.siblings.length > 1) ?? parsed.cards.find((c) => c.kind === "cloze");
	if (!found) throw new Error("The example vault has no cloze.");
	const sibling = found.siblings[0];
	return {
		path: "clozes.md",
		line: found.startLine,
		kind: "review",
		question: sibling.question,
		answer: sibling.answer,
		decks: found.decks,
		context: found.context,
		source: found.source,
		intervals: { [Rating.Again]: "1 min", [Rating.Hard]: "6 min", [Rating.Good]: "10 min", [Rating.Easy]: "3 d" },
		cloze: clozeDisplay(found.front, clozePatternsOf(SETTINGS), 0, sibling),
	};
}
