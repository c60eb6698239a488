/**
 * The screenshot harness: mounts one screen of the plugin with Obsidian's DOM helpers (the
 * jsdom test helper, bundled) and the mock `obsidian` module. `?scene=review|deck-list|docker`
 * picks the screen, `?theme=dark` the dark variables. Sets `body[data-ready]` when drawn.
 */
import type { App as ObsidianApp, Component } from "obsidian";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { App } from "../../mocks/obsidian";
import { parseNote } from "../../../src/cards/parse";
import { analyseDockerfile } from "../../../src/docker/analyse";
import { findDockerBlocks } from "../../../src/docker/markdown-blocks";
import { CardIndex } from "../../../src/index/card-index";
import type { PluginServices } from "../../../src/ui/services";
import type { VaultIndexer } from "../../../src/obsidian/vault-index";
import { Rating } from "../../../src/model/schedule";
import { normaliseSettings } from "../../../src/settings/settings";
import { DeckList } from "../../../src/ui/deck-list/deck-list";
import { renderDockerPanel } from "../../../src/ui/docker-panel";
import { renderReviewScreen } from "../../../src/ui/review/review-screen";
import type { ReviewModel, ReviewScreenState } from "../../../src/review/review-state";
import clozes from "../../../examples/vault/clozes.md";
import multistage from "../../../examples/vault/docker/docker-multistage.md";
import layers from "../../../examples/vault/docker/layers-and-lists.md";
import german from "../../../examples/vault/languages/german-basics.md";
import { WorkspaceLeaf } from "../../mocks/obsidian";
import { buildNoteQueue, dueNoteCount, type ReviewableNote } from "../../../src/notes/note-queue";
import { NoteReviewView } from "../../../src/ui/note-review/note-review-view";

const NOW = new Date(2026, 2, 10, 12, 0);
const SETTINGS = normaliseSettings({
	flashcardTags: ["#space", "#flashcards"],
	clozeKinds: ["highlight", "curly"],
	endMarker: "+++",
	savedFilters: [
		{ name: "Docker, due", expression: "#space/docker due" },
		{ name: "Languages, new", expression: "#flashcards/languages new" },
		{ name: "Broken", expression: "#space oops" },
	],
});

installObsidianDom();
const params = new URLSearchParams(location.search);
document.body.addClass(params.get("theme") === "dark" ? "theme-dark" : "theme-light");

/** An Obsidian-like modal shell: container, dimmed background, the modal, its title. */
function modal(cls: string, title: string | null): HTMLElement {
	const container = document.body.createDiv("modal-container");
	container.createDiv("modal-bg");
	const el = container.createDiv(`modal ${cls}`);
	if (title !== null) el.createDiv({ cls: "modal-title", text: title });
	return el.createDiv("modal-content");
}

/** A tiny Markdown renderer for the harness: headings, lists, code fences, paragraphs, bold. */
function renderMarkdown(markdown: string, el: HTMLElement): Promise<void> {
	const lines = markdown.split("\n");
	let list: HTMLElement | null = null;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (line.startsWith("```")) {
			const code: string[] = [];
			for (i++; i < lines.length && !lines[i].startsWith("```"); i++) code.push(lines[i]);
			el.createEl("pre").createEl("code", { text: code.join("\n") });
			list = null;
		} else if (line.startsWith("- ")) {
			list ??= el.createEl("ul");
			inline(list.createEl("li"), line.slice(2));
		} else if (/^#{1,6} /.test(line)) {
			inline(el.createEl("h3"), line.replace(/^#+ /, ""));
			list = null;
		} else if (line.trim() !== "") {
			inline(el.createEl("p"), line);
			list = null;
		}
	}
	return Promise.resolve();
}

function inline(el: HTMLElement, text: string): void {
	text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).forEach((part) => {
		if (part.startsWith("**")) el.createEl("strong", { text: part.slice(2, -2) });
		else if (part.startsWith("`")) el.createEl("code", { text: part.slice(1, -1) });
		else if (part !== "") el.appendText(part);
	});
}

function reviewScene(): void {
	const content = modal("sn-review-modal", null);
	const state: ReviewScreenState = {
		phase: "answer",
		title: "space › docker",
		card: {
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
		},
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
	renderReviewScreen(content, model, { renderMarkdown: (md: string, el: HTMLElement, _path: string, _owner: Component) => renderMarkdown(md, el) });
}

function deckListScene(): void {
	const content = modal("sn-deck-modal", "Decks");
	const index = new CardIndex({ flashcardTags: SETTINGS.flashcardTags, dayStartHour: SETTINGS.nextDayStartsAt });
	const notes: [string, string][] = [
		["clozes.md", clozes],
		["docker/docker-multistage.md", multistage],
		["docker/layers-and-lists.md", layers],
		["languages/german-basics.md", german],
	];
	for (const [path, text] of notes) {
		const parsed = parseNote(text, { path, settings: SETTINGS });
		if (parsed.included) index.setFile(path, { tags: parsed.tags, cards: parsed.cards });
	}
	const indexer = { index, isBuilding: false, onChange: () => () => {}, ready: Promise.resolve() };
	const services: PluginServices = {
		app: new App() as unknown as ObsidianApp,
		settings: () => SETTINGS,
		updateSettings: async () => {},
		indexer: indexer as unknown as VaultIndexer,
		notes: { read: () => Promise.reject(new Error("no notes here")), process: () => Promise.reject(new Error("no notes here")) },
		deviceId: () => "harness",
		startReview: () => {},
		openDeckList: () => {},
		now: () => NOW,
	};
	new DeckList(content, services, { collapsed: new Set() }).open();
}

function dockerScene(): void {
	const page = document.body.createDiv("sn-harness-page markdown-rendered");
	const block = findDockerBlocks(multistage)[0];
	page.createEl("pre").createEl("code", { text: block.body });
	renderDockerPanel(page, analyseDockerfile(block.body));
}

/** The notes-to-review sidebar beside a status bar with its count. */
function noteReviewScene(): void {
	const settings = { ...SETTINGS, algorithm: "sm2" as const, noteReviewTags: ["#review", "#reading"] };
	const note = (path: string, due: string | null, tags = ["#review"]): ReviewableNote => ({
		path,
		tags,
		schedule: { classic: due === null ? null : { type: "classic", due, interval: 4, ease: 250 }, fsrs: null },
	});
	const queue = buildNoteQueue(
		[
			note("ideas/Incremental reading.md", null),
			note("ideas/Zettelkasten principles.md", null),
			note("docker/Multi-stage builds explained.md", "2026-03-03"),
			note("docker/Image layers.md", "2026-03-08"),
			note("languages/German cases.md", "2026-03-10"),
			note("languages/Separable verbs.md", "2026-03-10"),
			note("projects/Weekly review.md", "2026-03-11"),
			note("ideas/Spaced repetition.md", "2026-03-24"),
			note("reading/Thinking, fast and slow.md", "2026-03-09", ["#reading"]),
			note("reading/The design of everyday things.md", null, ["#reading/books"]),
		],
		NOW,
		settings,
	);
	const sidebar = document.body.createDiv("sn-harness-sidebar workspace-leaf");
	const view = new NoteReviewView(new WorkspaceLeaf() as never, {
		queue: () => queue,
		onChange: () => () => {},
		open: () => {},
		activePath: () => "languages/German cases.md",
	});
	sidebar.appendChild(view.containerEl);
	void view.onOpen();
	const bar = document.body.createDiv("status-bar sn-harness-status-bar");
	bar.createDiv({ cls: "status-bar-item spaced-notes-due", text: "14 cards due" });
	bar.createDiv({ cls: "status-bar-item spaced-notes-notes-due mod-clickable", text: `${dueNoteCount(queue)} notes to review` });
}

const scene = params.get("scene");
if (scene === "review") reviewScene();
else if (scene === "deck-list") deckListScene();
else if (scene === "docker") dockerScene();
else if (scene === "note-review") noteReviewScene();
else document.body.createDiv({ text: `Unknown scene ${scene ?? ""}` });
window.setTimeout(() => document.body.setAttr("data-ready", "1"), 50);
