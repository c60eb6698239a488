/** A small deck-list world: an index built from fixture cards, a fake indexer and services. */
import { deviceId } from "../../../src/obsidian/review-log-store";
import { VaultNotes } from "../../../src/obsidian/vault-notes";
import type { App as ObsidianApp } from "obsidian";
import { App } from "../../mocks/obsidian";
import { CardIndex } from "../../../src/index/card-index";
import type { PluginServices } from "../../../src/ui/services";
import type { ReviewRequest } from "../../../src/review/request";
import type { VaultIndexer } from "../../../src/obsidian/vault-index";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../../src/settings/settings";
import { card, classic, NEW, noteForIndex } from "../../builders";

export const NOW = new Date(2026, 2, 10, 12, 0);

/** space/docker: 2 due + 1 new; space/docker/build: 1 new; space/k8s: 1 later + 1 new; Misc: 1 due (7 in all). */
export function sampleIndex(): CardIndex {
	const index = new CardIndex({ flashcardTags: ["#space"], dayStartHour: 4 });
	index.setFile(
		"docker.md",
		noteForIndex({
			tags: ["#space/docker"],
			cards: [
				card({ decks: ["space/docker"], segments: [classic("2026-03-01"), classic("2026-03-10")], startLine: 0, front: "old" }),
				card({ decks: ["space/docker"], segments: [NEW], startLine: 2, front: "fresh" }),
				card({ decks: ["space/docker/build"], segments: [NEW], startLine: 3, front: "build" }),
			],
		}),
	);
	index.setFile(
		"k8s.md",
		noteForIndex({
			tags: ["#space/k8s", "#todo"],
			cards: [
				card({ decks: ["space/k8s"], segments: [classic("2026-05-01")], startLine: 0, front: "pods" }),
				card({ decks: ["space/k8s"], segments: [NEW], startLine: 1, front: "svc" }),
			],
		}),
	);
	index.setFile(
		"misc.md",
		noteForIndex({ tags: ["#Misc"], cards: [card({ decks: ["Misc"], segments: [classic("2026-03-02")], startLine: 0, front: "m" })] }),
	);
	return index;
}

/** An indexer stand-in with the members the deck list reads, and a way to fire changes. */
class FakeIndexer {
	index: CardIndex;
	isBuilding = false;
	listeners = new Set<() => void>();
	private resolveReady: () => void = () => {};
	ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
	constructor(index: CardIndex) {
		this.index = index;
	}
	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	finishBuild(): void {
		this.isBuilding = false;
		this.resolveReady();
		this.changed();
	}
	changed(): void {
		for (const fn of [...this.listeners]) fn();
	}
}

export interface TestServices extends PluginServices {
	reviews: ReviewRequest[];
	fake: FakeIndexer;
	current: SpacedNotesSettings;
	patches: Partial<SpacedNotesSettings>[];
	deckListOpens: number;
}

export function makeServices(index = sampleIndex(), settings: Partial<SpacedNotesSettings> = {}, app = new App()): TestServices {
	const fake = new FakeIndexer(index);
	const services: TestServices = {
		app: app as unknown as ObsidianApp,
		reviews: [],
		fake,
		current: { ...structuredClone(DEFAULT_SETTINGS), flashcardTags: ["#space"], ...settings },
		patches: [],
		deckListOpens: 0,
		settings: () => services.current,
		updateSettings: async (patch) => {
			services.patches.push(patch);
			services.current = { ...services.current, ...patch };
		},
		indexer: fake as unknown as VaultIndexer,
		notes: new VaultNotes(app as unknown as ObsidianApp),
		deviceId: () => deviceId(app as unknown as ObsidianApp),
		startReview: (request) => services.reviews.push(request),
		openDeckList: () => services.deckListOpens++,
		now: () => NOW,
	};
	return services;
}
