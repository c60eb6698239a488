// The harness's other scenes: statistics, deck list, Dockerfile panel, card browser, card info, notes to review.
import type { App as ObsidianApp, WorkspaceLeaf as ObsidianLeaf } from "obsidian";
import { App, WorkspaceLeaf } from "../../mocks/obsidian";
import { parseNote } from "../../../src/cards/parse";
import { analyseDockerfile } from "../../../src/docker/analyse";
import { findDockerBlocks } from "../../../src/docker/markdown-blocks";
import { CardIndex } from "../../../src/index/card-index";
import type { PluginServices } from "../../../src/ui/services";
import type { VaultIndexer } from "../../../src/obsidian/vault-index";
import { Rating } from "../../../src/model/schedule";
import { DeckList } from "../../../src/ui/deck-list/deck-list";
import { renderDockerPanel } from "../../../src/ui/docker-panel";
import type { StatsCard } from "../../../src/stats/stats-cards";
import { StatsView } from "../../../src/ui/stats-view";
import { buildCardRows } from "../../../src/browse/card-rows";
import { siblingTexts } from "../../../src/browse/note-texts";
import type { ReviewEntry } from "../../../src/stats/log-format";
import { mergeLogs } from "../../../src/stats/merge";
import { CardBrowser } from "../../../src/ui/card-browser/card-browser";
import { cardInfoOfRow } from "../../../src/ui/card-info/card-info-modal";
import { renderCardInfo } from "../../../src/ui/card-info/card-info";
import clozes from "../../../examples/vault/clozes.md";
import multistage from "../../../examples/vault/docker/docker-multistage.md";
import layers from "../../../examples/vault/docker/layers-and-lists.md";
import german from "../../../examples/vault/languages/german-basics.md";
import { buildNoteQueue, dueNoteCount, type ReviewableNote } from "../../../src/notes/note-queue";
import { NoteReviewView } from "../../../src/ui/note-review/note-review-view";
import { modal } from "./shell";
import { exampleLog, exampleWorld, NOW, SETTINGS } from "./world";

/** The statistics view over a year of made-up but steady reviews (a fixed seed, so shots compare). */
export function statsScene(): void {
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

export function deckListScene(): void {
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

export function dockerScene(): void {
	const page = document.body.createDiv("sn-harness-page markdown-rendered");
	const block = findDockerBlocks(multistage)[0];
	page.createEl("pre").createEl("code", { text: block.body });
	renderDockerPanel(page, analyseDockerfile(block.body));
}

export async function cardBrowserScene(): Promise<void> {
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

export function cardInfoScene(): void {
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
export function noteReviewScene(): void {
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
