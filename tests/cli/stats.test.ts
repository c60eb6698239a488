import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { runCli } from "../../src/cli/main";
import { statsCommand, type StatsJson } from "../../src/cli/commands/stats";
import { appendToVaultLog, LOG_SUBFOLDER } from "../../src/cli/review-log";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { formatLogLine, type ReviewEntry } from "../../src/stats/log-format";
import { statsCardsOfNote } from "../../src/stats/stats-cards";
import { tempVault } from "../builders";

const NOTE = [
	"#flashcards/docker",
	"",
	"What is a build stage?::A FROM section <!--SR:!2026-03-12,3,250-->",
	"",
	"Smallest base image?::scratch <!--SR:!2026-05-20,40,250-->",
	"",
	"A new card?::yes",
	"",
].join("\n");

const OTHER = "#flashcards/k8s\n\nWhat is a pod?::A group of containers <!--SR:!2026-03-10,2,230-->\n";

const EXAMPLE_VAULT = join(import.meta.dirname, "..", "..", "examples", "vault");
/** The example vault's config folder: its only dot-folder. */
const CONFIG_FOLDER = readdirSync(EXAMPLE_VAULT).filter((name) => name.startsWith("."))[0];

function makeVault(): { root: string; ids: string[]; otherId: string } {
	const ids = statsCardsOfNote("notes/docker.md", parseNote(NOTE, { path: "notes/docker.md", settings: DEFAULT_SETTINGS }).cards).map((c) => c.id);
	const otherId = statsCardsOfNote("k8s/pod.md", parseNote(OTHER, { path: "k8s/pod.md", settings: DEFAULT_SETTINGS }).cards)[0].id;
	const r = (iso: string, card: string, rating: 1 | 2 | 3 | 4, deck = "flashcards/docker"): ReviewEntry => ({
		kind: "review",
		time: Date.parse(iso),
		card,
		deck,
		rating,
		state: 2,
		elapsedDays: 3,
		scheduledDays: 3,
		durationMs: 60_000,
	});
	const logs = `${CONFIG_FOLDER}/${LOG_SUBFOLDER}`;
	const root = tempVault({
		prefix: "sn-stats-",
		// The example vault's config folder (it marks the vault root), and a phone's config folder
		// with another name: the logs of both are read.
		copies: { [CONFIG_FOLDER]: join(EXAMPLE_VAULT, CONFIG_FOLDER) },
		files: {
			"notes/docker.md": NOTE,
			"k8s/pod.md": OTHER,
			[`.config-phone/${LOG_SUBFOLDER}/phone.jsonl`]:
				[r("2026-03-09T10:00:00Z", ids[0], 3), r("2026-03-10T10:00:00Z", ids[1], 1)].map(formatLogLine).join("\n") + "\n{broken\n",
			[`${logs}/laptop.jsonl`]:
				[r("2026-03-09T10:00:00Z", ids[0], 3), r("2026-03-08T10:00:00Z", otherId, 4, "flashcards/k8s")].map(formatLogLine).join("\n") + "\n",
			[`${logs}/notes.txt`]: "not a log",
		},
	});
	return { root, ids, otherId };
}

async function run(argv: string[], cwd: string) {
	let stdout = "";
	let stderr = "";
	const code = await statsCommand(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
	return { code, stdout, stderr };
}

describe("spaced-notes stats", () => {
	it("prints JSON figures from the merged device logs and the vault's cards, reporting corrupt lines", async () => {
		const { root } = makeVault();
		const { code, stdout, stderr } = await run([".", "--json", "--now", "2026-03-10T12:00:00Z"], root);
		expect(code).toBe(0);
		expect(stderr).toBe("spaced-notes stats: skipped .config-phone/plugins/spaced-notes/logs/phone.jsonl:3: not valid JSON\n");
		const report = JSON.parse(stdout) as StatsJson;
		expect(report.log).toMatchObject({ files: 2, reviews: 3, duplicates: 1 });
		expect(report.totals).toEqual({ reviews: 3, daysStudied: 3, durationMs: 180000, allTime: 3 });
		expect(report.counts).toEqual({ new: 1, learning: 0, young: 2, mature: 1, total: 4 });
		// Due today: the pod (03-10); 03-12: the build stage; 05-20 (+71 days): the base image.
		expect(report.forecast.days[0].count).toBe(1);
		expect(report.dueNext).toEqual({ days30: 2, days90: 3 });
		// 7 days: Good, Again, Easy → 2 of 3.
		expect(report.retention.overall[0]).toMatchObject({ reviews: 3, passed: 2 });
		expect(report.streaks).toEqual({ current: 3, longest: 3 });
	});

	it("narrows to a deck, and to the notes under a sub-folder", async () => {
		const { root } = makeVault();
		const deck = JSON.parse((await run([".", "--json", "--deck", "#flashcards/k8s", "--now", "2026-03-10T12:00:00Z"], root)).stdout) as StatsJson;
		expect(deck.totals.allTime).toBe(1);
		expect(deck.counts.total).toBe(1);
		const folder = JSON.parse((await run(["notes", "--json", "--now", "2026-03-10T12:00:00Z"], root)).stdout) as StatsJson;
		expect(folder.totals.allTime).toBe(2);
		expect(folder.counts.total).toBe(3);
	});

	it("prints text and the optimizer CSV", async () => {
		const { root, ids } = makeVault();
		const text = await run([".", "--now", "2026-03-10T12:00:00Z"], root);
		expect(text.stdout).toContain("Reviews: 3 in the past year on 3 days (3 min); 3 in all");
		expect(text.stdout).toContain("Streak: 3 days (longest 3 days)");
		expect(text.stdout).toMatch(/all\s+66\.7% \(2\/3\)/);
		const csv = await run([".", "--csv"], root);
		expect(csv.stdout.split("\n")).toEqual([
			"card_id,review_time,review_rating,review_state,review_duration",
			expect.stringMatching(/^[0-9a-f-]{25},1772964000000,4,2,60000$/),
			`${ids[0]},${Date.parse("2026-03-09T10:00:00Z")},3,2,60000`,
			`${ids[1]},${Date.parse("2026-03-10T10:00:00Z")},1,2,60000`,
			"",
		]);
	});

	it("appends the command line's answers to its own file in the plugin's config folder", async () => {
		const { root, ids } = makeVault();
		const entry: ReviewEntry = {
			kind: "review",
			time: Date.parse("2026-03-10T11:00:00Z"),
			card: ids[2],
			deck: "flashcards/docker",
			rating: 3,
			state: 0,
			elapsedDays: 0,
			scheduledDays: 1,
			durationMs: 2000,
		};
		const file = appendToVaultLog(root, [entry], "cli-test host");
		expect(file).toBe(join(root, CONFIG_FOLDER, LOG_SUBFOLDER, "cli-test_host.jsonl"));
		const report = JSON.parse((await run([".", "--json", "--now", "2026-03-10T12:00:00Z"], root)).stdout) as StatsJson;
		expect(report.log.files).toBe(3);
		expect(report.totals.allTime).toBe(4);
		expect(appendToVaultLog(tempVault({ prefix: "sn-no-config-" }), [entry])).toBeNull();
	});

	it("works without any log and reports bad usage with exit status 2", async () => {
		const root = tempVault({ prefix: "sn-stats-empty-", files: { "a.md": NOTE } });
		const { code, stdout } = await run([".", "--json"], root);
		expect(code).toBe(0);
		expect((JSON.parse(stdout) as StatsJson).totals.allTime).toBe(0);
		let stderr = "";
		const status = await runCli(["stats", ".", "--json", "--csv"], { cwd: root, stdout: () => {}, stderr: (t) => (stderr += t) });
		expect(status).toBe(2);
		expect(stderr).toContain("cannot be combined");
	});
});
