/**
 * The screenshot harness: mounts one screen of the plugin with Obsidian's DOM helpers (the
 * jsdom test helper, bundled) and the mock `obsidian` module. `?scene=review|deck-list|docker`
 * picks the screen, `?theme=dark` the dark variables. Sets `body[data-ready]` when drawn.
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
import type { ReviewEntry } from "../../../src/stats/log-format";
import { mergeLogs } from "../../../src/stats/merge";
import type { StatsCard } from "../../../src/stats/stats-cards";
import { StatsView } from "../../../src/ui/stats-view";
import clozes from "../../../examples/vault/clozes.md";
import multistage from "../../../examples/vault/docker/docker-multistage.md";
import layers from "../../../examples/vault/docker/layers-and-lists.md";
import german from "../../../examples/vault/languages/german-basics.md";

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

const scene = params.get("scene");
if (scene === "review") reviewScene((params.get("phase") as ReviewScenePhase | null) ?? "answer");
else if (scene === "stats") statsScene();
else if (scene === "deck-list") deckListScene();
else if (scene === "docker") dockerScene();
else document.body.createDiv({ text: `Unknown scene ${scene ?? ""}` });
window.setTimeout(() => document.body.setAttr("data-ready", "1"), 50);
