/** A small vault world for the review tests: the mock app, a real index, and plugin services. */
import type { App as ObsidianApp } from "obsidian";
import { App } from "../mocks/obsidian";
import { VaultIndexer } from "../../src/obsidian/vault-index";
import type { PluginServices } from "../../src/ui/services";
import type { ReviewRequest } from "../../src/review/request";
import { VaultNotes } from "../../src/obsidian/vault-notes";
import { ReviewController } from "../../src/review/controller";
import type { NoteStore, ReviewLog } from "../../src/review/ports";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../src/settings/settings";

export const SETTINGS: SpacedNotesSettings = { ...DEFAULT_SETTINGS, deterministicOrder: true, fuzz: false };

export const DOCKER = [
	"#flashcards",
	"# Docker",
	"",
	"## Layers",
	"",
	"What is a layer::A filesystem diff",
	"What does FROM do::Starts a stage",
	"",
	"## Commands",
	"",
	"CMD or ENTRYPOINT::ENTRYPOINT is the executable",
	"",
].join("\n");

export const K8S = ["#flashcards/k8s", "", "What is a pod::One or more containers", ""].join("\r\n");

export interface World {
	app: App;
	services: PluginServices;
	indexer: VaultIndexer;
	notices: string[];
	clock: { now: Date };
	text(path: string): string;
	put(path: string, text: string): void;
}

/** A vault with the two notes above, indexed; the clock starts at 2026-03-10 12:00 UTC. */
export async function makeWorld(settings: Partial<SpacedNotesSettings> = {}): Promise<World> {
	const app = new App();
	const current: SpacedNotesSettings = { ...SETTINGS, ...settings };
	app.vault.put("docker.md", DOCKER);
	app.vault.put("k8s.md", K8S);
	const indexer = new VaultIndexer(app as unknown as ObsidianApp, () => current, { yieldToUi: () => Promise.resolve() });
	indexer.load();
	await indexer.rebuild();
	const clock = { now: new Date("2026-03-10T12:00:00Z") };
	const notices: string[] = [];
	const services: PluginServices = {
		app: app as unknown as ObsidianApp,
		settings: () => current,
		updateSettings: (patch) => {
			Object.assign(current, patch);
			return Promise.resolve();
		},
		indexer,
		notes: new VaultNotes(app as unknown as ObsidianApp),
		deviceId: () => "test-device",
		startReview: () => undefined,
		openDeckList: () => undefined,
		now: () => clock.now,
	};
	return {
		app,
		services,
		indexer,
		notices,
		clock,
		text: (path) => app.vault.files.get(path)?.text ?? "",
		put: (path, text) => void app.vault.put(path, text),
	};
}

/** A controller over the world (notices collected in `world.notices`), loaded; `notes` defaults to the world's vault. */
export async function loadedController(
	world: World,
	request: ReviewRequest,
	log?: ReviewLog,
	notes: NoteStore = new VaultNotes(world.services.app),
): Promise<ReviewController> {
	const controller = new ReviewController(
		{
			settings: () => world.services.settings(),
			index: () => world.indexer.index,
			notes,
			written: (path, text, note) => world.indexer.applyOwnWrite(path, text, note),
			now: () => world.clock.now,
			notify: (message) => world.notices.push(message),
			log,
		},
		request,
	);
	await controller.load();
	return controller;
}
