import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeOptimizeCommand, optimizeCommand, type OptimizeJson } from "../../src/cli/commands/optimize";
import { loadFsrsBinding } from "../../src/cli/fsrs-binding";
import { itemsFromLog } from "../../src/optimize/items";
import { trainParameters } from "../../src/optimize/train";
import { LOG_SUBFOLDER } from "../../src/cli/review-log";
import { pathHash } from "../../src/stats/card-id";
import { formatLogLine } from "../../src/stats/log-format";
import { tempVault, pluginFolder } from "../builders";
import { randomLearner, simulateLog } from "../builders/learner";

const EXAMPLE_VAULT = join(import.meta.dirname, "..", "..", "examples", "vault");

/** A temporary copy of the example vault with a simulated learner's log: German cards in one deck, Docker cards in another. */
function learners(reviews: number) {
	return {
		german: simulateLog(randomLearner(6, 0.6), { reviews, seed: 6, notePart: pathHash("languages/german-basics.md"), deck: "flashcards/languages/german" }),
		docker: simulateLog(randomLearner(4, 0.6), { reviews: 600, seed: 4, notePart: pathHash("docker/layers-and-lists.md"), deck: "space/docker/basics" }),
	};
}

function vaultWithLog(reviews = 3000): string {
	const { german, docker } = learners(reviews);
	return tempVault({
		prefix: "sn-optimize-",
		copies: { ".": EXAMPLE_VAULT },
		files: { [`.obsidian/${LOG_SUBFOLDER}/laptop.jsonl`]: [...german, ...docker].map(formatLogLine).join("\n") + "\n" },
	});
}

async function run(argv: string[], cwd: string) {
	let stdout = "";
	let stderr = "";
	const code = await optimizeCommand(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
	return { code, stdout, stderr };
}

const storedSettings = (root: string) => JSON.parse(readFileSync(join(pluginFolder(root), "data.json"), "utf8")) as Record<string, unknown>;

describe("spaced-notes optimize", () => {
	const root = vaultWithLog();

	it("trains on the example vault's log with fsrs-rs and prints default and fitted figures side by side", async () => {
		const { code, stdout, stderr } = await run(["."], root);
		expect(stderr).toBe("");
		expect(code).toBe(0);
		expect(stdout).toMatch(/^Reviews used: \d+ \(\d+ predictions, \d+ cards\)/);
		expect(stdout).toMatch(/log loss\s+0\.\d{4}\s+0\.\d{4}/);
		expect(stdout).toMatch(/RMSE \(bins\)\s+\d+\.\d\d%\s+\d+\.\d\d%/);
		expect(stdout).toContain("Not applied");
		expect(stdout).toContain("Trained by fsrs-rs");
		// Nothing written without --apply.
		expect(storedSettings(root).fsrsParameters).toBeUndefined();
	});

	it("--json: the counts, both evaluations and 21 parameters; fitted beats the defaults on this learner", async () => {
		const json = JSON.parse((await run([".", "--json", "--deck", "flashcards/languages"], root)).stdout) as OptimizeJson;
		expect(json.reviews).toBe(itemsFromLog({ reviews: learners(3000).german, actions: [] }, 4).reviewsUsed);
		expect(json.cards.used).toBeGreaterThan(100);
		expect(json.parameters).toHaveLength(21);
		expect(json.engine).toBe("fsrs-rs");
		expect(json.fitted!.logLoss).toBeLessThan(json.default!.logLoss);
		expect(json.applied).toBeNull();
	});

	it("--filter takes the answers of the notes it selects", async () => {
		const json = JSON.parse((await run([".", "--json", "--filter", "#space/docker"], root)).stdout) as OptimizeJson;
		expect(json.reviews).toBe(itemsFromLog({ reviews: learners(3000).docker, actions: [] }, 4).reviewsUsed);
	});

	it("--apply writes the parameters globally, or into a deck's preset, keeping the other settings", async () => {
		const dir = vaultWithLog(1500);
		const global = JSON.parse((await run([".", "--json", "--apply"], dir)).stdout) as OptimizeJson;
		expect(global.applied).toEqual({ scope: "global" });
		expect(storedSettings(dir)).toMatchObject({ fsrsParameters: global.parameters, endMarker: "+++", flashcardTags: ["#space", "#flashcards"] });
		const deck = JSON.parse((await run([".", "--json", "--apply", "--deck", "#flashcards/languages/german"], dir)).stdout) as OptimizeJson;
		expect(deck.applied).toEqual({ scope: "deck", deck: "flashcards/languages/german" });
		expect(storedSettings(dir).deckPresets).toEqual([{ deck: "flashcards/languages/german", parameters: deck.parameters }]);
	});

	it("says when there are too few reviews, and changes nothing", async () => {
		const dir = tempVault({ prefix: "sn-optimize-", copies: { ".": EXAMPLE_VAULT } });
		const { code, stdout } = await run([".", "--apply"], dir);
		expect(code).toBe(1);
		expect(stdout).toContain("Not enough reviews to train: 0 predictions");
		expect(storedSettings(dir).fsrsParameters).toBeUndefined();
	});

	it("refuses --deck with --filter, and --apply with --filter", async () => {
		await expect(run([".", "--deck", "a", "--filter", "#b"], root)).rejects.toThrow("cannot be combined");
		await expect(run([".", "--apply", "--filter", "#b"], root)).rejects.toThrow("a --filter is neither");
	});

	it("names the package to install when fsrs-rs's binding cannot be loaded", async () => {
		await expect(loadFsrsBinding("@open-spaced-repetition/not-installed")).rejects.toThrow(/npm install @open-spaced-repetition\/binding@0\.5\.0/);
	});

	it("trains with the plugin's optimizer where the binding cannot load, and says so with the line to install it", async () => {
		let stdout = "";
		let stderr = "";
		const command = makeOptimizeCommand("@open-spaced-repetition/not-installed");
		const code = await command([".", "--json", "--deck", "flashcards/languages"], {
			cwd: root,
			stdout: (t) => (stdout += t),
			stderr: (t) => (stderr += t),
		});
		expect(code).toBe(0);
		expect(stderr).toMatch(/could not be loaded.*npm install @open-spaced-repetition\/binding@0\.5\.0/);
		expect(stderr).toContain("Trained with Spaced Notes' own optimizer instead");
		const json = JSON.parse(stdout) as OptimizeJson;
		expect(json.engine).toBe("spaced-notes");
		const { items, cardIds } = itemsFromLog({ reviews: learners(3000).german, actions: [] }, 4);
		expect(json.parameters).toEqual(trainParameters(items, cardIds).map((w) => Math.round(w * 10_000) / 10_000));
		expect(json.fitted!.logLoss).toBeLessThan(json.default!.logLoss);
		let text = "";
		await command(["."], { cwd: root, stdout: (t) => (text += t), stderr: () => undefined });
		expect(text).toContain("Trained by Spaced Notes' own optimizer");
	});
});
