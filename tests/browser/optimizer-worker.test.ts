/**
 * The plugin's optimizer worker in Chromium as Obsidian runs plugins: a page that is not
 * cross-origin isolated (no SharedArrayBuffer), the worker started from a Blob URL of the bundled
 * code, trained on a simulated learner's log, with progress, and stopped by a cancel message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { findChromium, HEADLESS_FLAGS } from "../helpers/find-chromium";
import { randomLearner, simulateLog } from "../builders/learner";
import type { FromWorker, TrainRequest } from "../../src/optimize/worker-protocol";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ORIGIN = "http://localhost:8766";
let browser: Browser | undefined;
let page: Page;
let source = "";

beforeAll(async () => {
	const bundle = await build({
		entryPoints: [join(ROOT, "src/optimize/worker-entry.ts")],
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "es2021",
		minify: true,
		write: false,
	});
	source = bundle.outputFiles[0].text;
	const { executablePath } = await findChromium();
	// Chromium's own defaults: the bundled build's extra flags turn SharedArrayBuffer on everywhere.
	browser = await chromium.launch({ executablePath, args: HEADLESS_FLAGS });
	page = await browser.newPage();
	await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ body: "<!doctype html><title>optimizer</title>", contentType: "text/html" }));
	await page.goto(`${ORIGIN}/`);
}, 60_000);

afterAll(async () => {
	await browser?.close();
});

/** Runs the worker on `request` in the page; posts a cancel after `cancelAfter` progress messages when given. */
function runInPage(request: TrainRequest, cancelAfter?: number): Promise<{ messages: FromWorker[]; isolated: boolean; sab: string }> {
	return page.evaluate(
		({ source, request, cancelAfter }) =>
			new Promise((resolve) => {
				const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
				const worker = new Worker(url);
				const messages: FromWorker[] = [];
				let progress = 0;
				worker.onmessage = (event: MessageEvent<FromWorker>) => {
					messages.push(event.data);
					if (event.data.type === "progress" && ++progress === cancelAfter) worker.postMessage({ type: "cancel" });
					if (event.data.type !== "progress") {
						worker.terminate();
						resolve({ messages, isolated: crossOriginIsolated, sab: typeof SharedArrayBuffer });
					}
				};
				worker.postMessage(request);
			}),
		{ source, request, cancelAfter },
	);
}

describe("the optimizer worker in Chromium without cross-origin isolation", () => {
	// Large enough to take several 50 ms slices in the worker.
	const log = { reviews: simulateLog(randomLearner(9, 0.6), { reviews: 30_000, seed: 9 }), actions: [] };

	it("trains from a Blob URL, reports progress, and predicts better than the defaults", async () => {
		const { messages, isolated, sab } = await runInPage({ type: "train", log, dayStartHour: 4, current: [] });
		expect(isolated).toBe(false);
		expect(sab).toBe("undefined");
		expect(messages.filter((m) => m.type === "progress").length).toBeGreaterThan(1);
		const done = messages[messages.length - 1];
		expect(done.type).toBe("done");
		if (done.type === "done") {
			expect(done.result.parameters).toHaveLength(21);
			expect(done.result.after.logLoss).toBeLessThan(done.result.before.logLoss);
		}
	}, 60_000);

	it("stops when cancelled", async () => {
		// 1 ms slices: the cancel lands long before training could end, however fast the machine.
		const { messages } = await runInPage({ type: "train", log, dayStartHour: 4, current: [], sliceMs: 1 }, 2);
		expect(messages[messages.length - 1]).toEqual({ type: "cancelled" });
	}, 60_000);
});
