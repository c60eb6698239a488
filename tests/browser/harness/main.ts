/**
 * The screenshot harness: mounts one screen of the plugin with Obsidian's DOM helpers (the
 * jsdom test helper, bundled) and the mock `obsidian` module. `?scene=review|deck-list|docker|
 * card-browser|card-info` picks the screen, `?theme=dark` the dark variables. Sets
 * `body[data-ready]` when drawn.
 */
import type { App as ObsidianApp, Component, Scope as ObsidianScope, WorkspaceLeaf as ObsidianLeaf } from "obsidian";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { App, Scope, WorkspaceLeaf } from "../../mocks/obsidian";
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
import type { ReviewCardView, ReviewModel, ReviewScreenState } from "../../../src/review/review-state";
import { clozeDisplay } from "../../../src/cards/cloze-display";
import { clozePatternsOf } from "../../../src/cards/cloze-patterns";
import type { StatsCard } from "../../../src/stats/stats-cards";
import { StatsView } from "../../../src/ui/stats-view";
import { buildCardRows } from "../../../src/browse/card-rows";
import { siblingTexts } from "../../../src/browse/note-texts";
import { formatLogLine, type LogEntry, type ReviewEntry } from "../../../src/stats/log-format";
import { mergeLogs, type MergedLog } from "../../../src/stats/merge";
import { CardBrowser } from "../../../src/ui/card-browser/card-browser";
import { cardInfoOfRow } from "../../../src/ui/card-info/card-info-modal";
import { renderCardInfo } from "../../../src/ui/card-info/card-info";
import clozes from "../../../examples/vault/clozes.md";
import multistage from "../../../examples/vault/docker/docker-multistage.md";
import layers from "../../../examples/vault/docker/layers-and-lists.md";
import german from "../../../examples/vault/languages/german-basics.md";
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
// Obsidian marks the body of a phone with is-phone (the plugin's phone rules hang on it).
if (params.get("phone") === "1") document.body.addClasses(["is-mobile", "is-phone"]);

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

/** The review's phases the browser test looks at (`?phase=`), drawn from fixed states. */
type ReviewScenePhase = "question" | "answer" | "cloze" | "finished";

function reviewScene(phase: ReviewScenePhase): void {
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

/** The statistics view over a year of made-up but steady reviews (a fixed seed, so shots compare). */
function statsScene(): void {
	let seed = 7;
	const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const reviews: ReviewEntry[] = [];
	const cards: StatsCard[] = [];
	for (let i = 0; i < 120; i++) {
		const deck = ["space/docker", "space/k8s", "languages/german"][i % 3];
		const due = new Date(NOW.getTime() + Math.floor(random() * 40 - 5) * 86_400_000);
		const day = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, "0")}-${String(due.getDate()).padStart(2, "0")}`;
		cards.push({
			id: `card-${i}`,
			decks: [deck],
			schedule: i % 7 === 0 ? null : { type: "classic", due: day, interval: 1 + Math.floor(random() * 60), ease: 250 },
		});
	}
	for (let d = 0; d < 200; d++) {
		const n = Math.floor(random() * 12);
		for (let k = 0; k < n; k++) {
			reviews.push({
				kind: "review",
				time: NOW.getTime() - d * 86_400_000 - k * 60_000,
				card: `card-${(d * 7 + k) % 120}`,
				deck: ["space/docker", "space/k8s", "languages/german"][k % 3],
				rating: ([Rating.Again, Rating.Good, Rating.Good, Rating.Good, Rating.Easy, Rating.Hard] as const)[k % 6],
				state: 2,
				elapsedDays: 3,
				scheduledDays: 5,
				durationMs: 8000,
			});
		}
	}
	const leaf = new WorkspaceLeaf(new App());
	const view = new StatsView(leaf as unknown as ObsidianLeaf, {
		loadLog: () => Promise.resolve({ ...mergeLogs([]), reviews }),
		currentCards: () => cards,
		dayStartHour: () => 4,
		now: () => NOW,
	});
	const page = document.body.createDiv("sn-harness-page");
	page.appendChild((view as unknown as { containerEl: HTMLElement }).containerEl);
	void view.onOpen();
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

/** A note with FSRS schedules beside the examples (SM-2 only), so the browser shows both. */
const FSRS_NOTE = [
	"#space/docker/build",
	"",
	"What does `docker build --target` choose?::The stage the build stops at <!--SR:!fsrs,2026-03-22T09:00:00.000Z,12,14.2,6.1,2,5,1,0,2026-03-10T09:00:00.000Z-->",
	"Which instruction starts a new build stage?::FROM <!--SR:!fsrs,2026-03-09T09:00:00.000Z,30,31.5,4.2,2,4,0,0,2026-02-07T09:00:00.000Z-->",
	"What does BuildKit cache a RUN step by?::Its command line and the files it depends on <!--SR:!fsrs,2026-03-10T12:30:00.000Z,0,1.1,7.9,3,9,3,0,2026-03-10T12:20:00.000Z-->",
].join("\n");

/** The example notes and the FSRS note, indexed, with their texts. */
function exampleWorld(): { index: CardIndex; texts: Map<string, string> } {
	const texts = new Map<string, string>([
		["clozes.md", clozes],
		["docker/build-stages.md", FSRS_NOTE],
		["docker/docker-multistage.md", multistage],
		["docker/layers-and-lists.md", layers],
		["languages/german-basics.md", german],
	]);
	const index = new CardIndex({ flashcardTags: SETTINGS.flashcardTags, dayStartHour: SETTINGS.nextDayStartsAt });
	for (const [path, text] of texts) {
		const parsed = parseNote(text, { path, settings: SETTINGS });
		if (parsed.included) index.setFile(path, { tags: parsed.tags, cards: parsed.cards });
	}
	return { index, texts };
}

/** Five answers to the first FSRS card over a month, with FSRS's memory after each. */
function exampleLog(texts: Map<string, string>): MergedLog {
	const path = "docker/build-stages.md";
	const id = siblingTexts(path, parseNote(texts.get(path) ?? "", { path, settings: SETTINGS }).cards)[0][0].id;
	const answers: [number, number, 1 | 2 | 3 | 4, 0 | 1 | 2 | 3, number, number, number, number | undefined][] = [
		// day of February, hour, rating, state before, interval, stability, difficulty, retrievability
		[1, 9, 3, 0, 0, 0.4, 6.4, undefined],
		[1, 9.2, 3, 1, 2, 2.3, 6.4, undefined],
		[3, 18, 1, 2, 0, 0.9, 7.3, 0.84],
		[4, 8, 3, 3, 4, 3.8, 7.1, undefined],
		[8, 21, 3, 2, 12, 14.2, 6.1, 0.9],
	];
	const entries: LogEntry[] = answers.map(([day, hour, rating, state, interval, stability, difficulty, retrievability]) => ({
		kind: "review",
		time: new Date(2026, 1, day, Math.floor(hour), Math.round((hour % 1) * 60)).getTime(),
		card: id,
		deck: "space/docker/build",
		rating,
		state,
		elapsedDays: 0,
		scheduledDays: interval,
		durationMs: 4000 + 1700 * day,
		memory: retrievability === undefined ? { stability, difficulty } : { stability, difficulty, retrievability },
	}));
	entries.push({ kind: "cram", time: new Date(2026, 2, 1, 20, 0).getTime(), card: id, deck: "space/docker/build", rating: 4, durationMs: 2500 });
	return mergeLogs([{ name: "harness.jsonl", text: entries.map(formatLogLine).join("\n") }]);
}

async function cardBrowserScene(): Promise<void> {
	const pane = document.body.createDiv("sn-harness-view view-content");
	const { index, texts } = exampleWorld();
	const log = exampleLog(texts);
	const indexer = { index, isBuilding: false, onChange: () => () => {}, ready: Promise.resolve() };
	const done = () => Promise.resolve();
	const services: PluginServices = {
		app: new App() as unknown as ObsidianApp,
		settings: () => SETTINGS,
		updateSettings: async () => {},
		indexer: indexer as unknown as VaultIndexer,
		notes: { read: (path) => Promise.resolve(texts.get(path) ?? ""), process: () => Promise.reject(new Error("no writes here")) },
		deviceId: () => "harness",
		startReview: () => {},
		openDeckList: () => {},
		now: () => NOW,
		browserActions: { open: () => {}, suspend: done, flag: done, reset: done, setDue: done },
		readLog: () => Promise.resolve(log),
	};
	const browser = new CardBrowser(pane, services);
	browser.open();
	await browser.textRead;
	browser.sortBy("due");
	// Three cards selected: a click, then Ctrl-click twice.
	const click = (position: number, ctrlKey: boolean) =>
		pane.querySelector(`.sn-vlist-row[data-position="${position}"]`)?.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey }));
	click(1, false);
	click(2, true);
	click(4, true);
}

function cardInfoScene(): void {
	const content = modal("sn-card-info-modal", "Card info");
	const { index, texts } = exampleWorld();
	const rows = buildCardRows(index, NOW);
	const file = rows.files.findIndex((f) => f.path === "docker/build-stages.md");
	const path = rows.files[file].path;
	const siblings = siblingTexts(path, parseNote(texts.get(path) ?? "", { path, settings: SETTINGS }).cards);
	rows.setNoteTexts(file, siblings);
	const row = rows.rowOf(file, 0, 0);
	renderCardInfo(content, cardInfoOfRow(rows, row, siblings[0][0].answer, exampleLog(texts)), () => {});
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
let drawn: Promise<void> = Promise.resolve();
if (scene === "review") reviewScene((params.get("phase") as ReviewScenePhase | null) ?? "answer");
else if (scene === "stats") statsScene();
else if (scene === "deck-list") deckListScene();
else if (scene === "docker") dockerScene();
else if (scene === "card-browser") drawn = cardBrowserScene();
else if (scene === "card-info") cardInfoScene();
else if (scene === "note-review") noteReviewScene();
else document.body.createDiv({ text: `Unknown scene ${scene ?? ""}` });
void drawn.then(() => window.setTimeout(() => document.body.setAttr("data-ready", "1"), 50));
