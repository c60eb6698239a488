// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from "vitest";
import type { App as ObsidianApp } from "obsidian";
import { App, notices } from "../../mocks/obsidian";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { makeServices } from "../deck-list/helpers";
import { randomLearner, simulateLog } from "../../builders/learner";
import { mergeLogs, type MergedLog } from "../../../src/stats/merge";
import { runTraining, type ToWorker } from "../../../src/optimize/worker-protocol";
import { OptimizeModal } from "../../../src/ui/optimize/optimize-modal";
import type { WorkerLike } from "../../../src/ui/optimize/optimizer-client";

beforeAll(() => installObsidianDom());

/** A worker running the real protocol in this thread. */
function inProcessWorker(): Promise<WorkerLike> {
	let cancelled = false;
	const worker: WorkerLike = {
		onmessage: null,
		onerror: null,
		terminate: () => (cancelled = true),
		postMessage: (message: unknown) => {
			const m = message as ToWorker;
			if (m.type === "cancel") cancelled = true;
			else
				runTraining(m, {
					post: (reply) => setTimeout(() => !cancelled && worker.onmessage?.({ data: reply } as MessageEvent)),
					later: (fn) => setTimeout(fn, 0),
					cancelled: () => cancelled,
					now: () => performance.now(),
				});
		},
	};
	return Promise.resolve(worker);
}

const log: MergedLog = {
	...mergeLogs([]),
	reviews: [
		...simulateLog(randomLearner(8, 0.6), { reviews: 2500, seed: 8, deck: "lang/de" }),
		...simulateLog(randomLearner(13, 0.6), { reviews: 80, seed: 13, deck: "math", notePart: "ba9876543210" }),
	],
};

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe("the optimize modal", () => {
	it("trains with a progress bar, shows reviews used and log loss and RMSE before → after, and applies to a deck's preset", async () => {
		const services = makeServices();
		const modal = new OptimizeModal(new App() as unknown as ObsidianApp, services, () => Promise.resolve(log), inProcessWorker);
		modal.open();
		await until(() => modal.contentEl.querySelector("select") !== null);
		const select = modal.contentEl.querySelector("select")!;
		expect([...select.options].map((o) => o.text)).toEqual(["All decks", "lang/de", "math"]);
		select.value = "lang/de";
		select.dispatchEvent(new Event("change"));
		modal.contentEl.querySelector<HTMLButtonElement>("button.mod-cta")!.click();
		expect(modal.contentEl.querySelector("progress")).not.toBeNull();
		await until(() => modal.contentEl.querySelector("table") !== null);
		expect(modal.contentEl.textContent).toMatch(/Reviews used: \d+ \(\d+ predictions, \d+ cards\)/);
		const rows = [...modal.contentEl.querySelectorAll("tr")].map((tr) => [...tr.children].map((c) => c.textContent));
		expect(rows[0]).toEqual(["", "Before", "After"]);
		expect(rows[1][0]).toBe("Log loss");
		expect(Number(rows[1][2])).toBeLessThan(Number(rows[1][1]));
		expect(rows[2][0]).toBe("RMSE (bins)");
		const apply = [...modal.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Apply to deck lang/de and its sub-decks")!;
		apply.click();
		await until(() => services.patches.length > 0);
		expect(services.current.deckPresets).toHaveLength(1);
		expect(services.current.deckPresets[0].deck).toBe("lang/de");
		expect(services.current.deckPresets[0].parameters).toHaveLength(21);
		expect(services.current.fsrsParameters).toEqual([]);
		expect(notices.at(-1)).toContain("Spaced Notes");
	});

	it("cancel goes back to the start, and too few reviews are explained", async () => {
		const services = makeServices();
		const modal = new OptimizeModal(new App() as unknown as ObsidianApp, services, () => Promise.resolve(log), inProcessWorker);
		modal.open();
		await until(() => modal.contentEl.querySelector("select") !== null);
		modal.contentEl.querySelector<HTMLButtonElement>("button.mod-cta")!.click();
		[...modal.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Cancel")!.click();
		await until(() => modal.contentEl.querySelector("select") !== null);
		const select = modal.contentEl.querySelector("select")!;
		select.value = "math";
		select.dispatchEvent(new Event("change"));
		modal.contentEl.querySelector<HTMLButtonElement>("button.mod-cta")!.click();
		await until(() => modal.contentEl.querySelector(".sn-optimize-error") !== null);
		expect(modal.contentEl.textContent).toContain("Not enough reviews yet");
		expect(services.patches).toEqual([]);
	});
});
