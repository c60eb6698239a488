/**
 * Real-browser check of the screens: bundles tests/browser/harness with esbuild into a temp
 * folder beside the real styles.css, opens it in Chromium (playwright-core) from a file:// URL,
 * checks the answer buttons' boxes at desktop and phone sizes, and takes the screenshots the
 * README shows: into docs/*.png with `npm run screenshots` (UPDATE_SCREENSHOTS=1), else into a
 * temp folder, so a test run never changes tracked files. The Chromium is found by tests/helpers/find-chromium.ts: the file
 * in CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the build inside the devDependency
 * @sparticuz/chromium (installed by `npm ci`), so nothing needs installing beyond that. Fails,
 * never skips, when no Chromium starts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { findChromium } from "../helpers/find-chromium";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HARNESS = join(ROOT, "tests/browser/harness");
/** Where screenshots go: the README's pictures only when asked for. */
const DOCS = process.env.UPDATE_SCREENSHOTS === "1" ? join(ROOT, "docs") : mkdtempSync(join(tmpdir(), "sn-screens-"));
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let dir = "";
let browser: Browser | null = null;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "sn-browser-"));
	await build({
		entryPoints: [join(HARNESS, "main.ts")],
		outfile: join(dir, "harness.js"),
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "es2022",
		loader: { ".md": "text" },
		alias: { obsidian: join(ROOT, "tests/mocks/obsidian.ts") },
		logLevel: "silent",
	});
	copyFileSync(join(HARNESS, "index.html"), join(dir, "index.html"));
	copyFileSync(join(HARNESS, "theme.css"), join(dir, "theme.css"));
	copyFileSync(join(ROOT, "styles.css"), join(dir, "styles.css"));
	mkdirSync(DOCS, { recursive: true });
}, 60_000);

afterAll(async () => {
	await browser?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

async function launch(): Promise<Browser> {
	if (!browser) {
		const { executablePath, args } = await findChromium();
		browser = await chromium.launch({ executablePath, args });
	}
	return browser;
}

async function open(scene: string, theme: "light" | "dark", viewport: { width: number; height: number }): Promise<Page> {
	const page = await (await launch()).newPage({ viewport });
	const errors: string[] = [];
	page.on("pageerror", (error) => errors.push(error.message));
	await page.goto(`${pathToFileURL(join(dir, "index.html")).href}?scene=${scene}&theme=${theme}`);
	await page.waitForSelector("body[data-ready='1']", { timeout: 10_000 });
	expect(errors).toEqual([]);
	return page;
}

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The four answer buttons: visible, inside the viewport, not overlapping, labels not clipped. */
async function checkAnswerButtons(page: Page, viewport: { width: number; height: number }): Promise<void> {
	const buttons = page.locator(".sn-review-rate");
	expect(await buttons.count()).toBe(4);
	const boxes: Box[] = [];
	for (let i = 0; i < 4; i++) {
		const button = buttons.nth(i);
		expect(await button.isVisible()).toBe(true);
		const box = await button.boundingBox();
		expect(box).not.toBeNull();
		if (!box) return;
		expect(box.width).toBeGreaterThan(40);
		expect(box.height).toBeGreaterThanOrEqual(44);
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
		expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
		// Nothing inside the button is clipped: its content fits its box.
		const clipped = await button.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
		expect(clipped).toBe(false);
		boxes.push(box);
	}
	for (let a = 0; a < 4; a++) {
		for (let b = a + 1; b < 4; b++) {
			const A = boxes[a];
			const B = boxes[b];
			const overlap = A.x < B.x + B.width && B.x < A.x + A.width && A.y < B.y + B.height && B.y < A.y + A.height;
			expect(overlap, `buttons ${a} and ${b} overlap`).toBe(false);
		}
	}
	// The button on top of each centre is the button itself (no other layer covers it).
	for (let i = 0; i < 4; i++) {
		const { x, y, width, height } = boxes[i];
		const hit = await page.evaluate(
			([cx, cy]) => document.elementFromPoint(cx, cy)?.closest(".sn-review-rate")?.textContent ?? null,
			[x + width / 2, y + height / 2],
		);
		expect(hit).toBe(await buttons.nth(i).textContent());
	}
}

describe("screens in Chromium", () => {
	it("review at 1280×800 (light): four answer buttons fully visible", async () => {
		const page = await open("review", "light", DESKTOP);
		await checkAnswerButtons(page, DESKTOP);
		await page.screenshot({ path: join(DOCS, "review-light.png") });
		await page.close();
	}, 120_000);

	it("review at 390×844 (dark): four answer buttons fully visible", async () => {
		const page = await open("review", "dark", PHONE);
		await checkAnswerButtons(page, PHONE);
		await page.screenshot({ path: join(DOCS, "review-dark-phone.png") });
		await page.close();
	}, 120_000);

	it("deck list: decks, counts and saved filters; fits a phone without sideways scrolling", async () => {
		const page = await open("deck-list", "light", DESKTOP);
		expect(await page.locator(".sn-deck-tree .sn-deck-open").count()).toBeGreaterThan(3);
		expect(await page.locator(".sn-deck-saved .sn-deck-error").count()).toBe(1);
		await page.locator(".modal").screenshot({ path: join(DOCS, "deck-list.png") });
		await page.close();
		const phone = await open("deck-list", "dark", { width: 360, height: 740 });
		if (process.env.SN_SHOTS) await phone.screenshot({ path: join(process.env.SN_SHOTS, "deck-list-phone.png") });
		const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		for (const count of await phone.locator(".sn-deck-tree .sn-deck-open .sn-deck-counts").all()) {
			const box = await count.boundingBox();
			expect(box && box.x + box.width).toBeLessThanOrEqual(360);
		}
		await phone.close();
	}, 120_000);

	it("notes to review: decks, groups and the status bar count, inside the sidebar", async () => {
		const page = await open("note-review", "light", DESKTOP);
		const decks = page.locator(".spaced-notes-note-deck");
		expect(await decks.count()).toBe(2);
		expect(await page.locator(".spaced-notes-note-deck-name").first().textContent()).toBe("#review4 due · 2 new");
		expect(await page.locator(".spaced-notes-note-deck").first().locator(".spaced-notes-note-bucket-name").allTextContents()).toEqual([
			"New (2)",
			"Overdue (2)",
			"Today (2)",
			"Tomorrow (1)",
			"Later (1)",
		]);
		expect(await page.locator(".spaced-notes-notes-due").textContent()).toBe("5 notes to review");
		// Every note's row stays inside the 300-pixel sidebar: long names wrap, nothing scrolls sideways.
		const sidebar = await page.locator(".sn-harness-sidebar").boundingBox();
		for (const row of await page.locator(".spaced-notes-note-item").all()) {
			const box = await row.boundingBox();
			expect(box && sidebar && box.x + box.width).toBeLessThanOrEqual((sidebar?.x ?? 0) + (sidebar?.width ?? 0));
		}
		expect(await page.locator(".sn-harness-sidebar").evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: join(DOCS, "note-review.png"), clip: { x: DESKTOP.width - 420, y: 0, width: 420, height: DESKTOP.height } });
		await page.close();
	}, 120_000);

	it("Dockerfile panel of the Go example", async () => {
		const page = await open("docker", "light", DESKTOP);
		expect(await page.locator(".sn-docker-panel").count()).toBe(1);
		expect(await page.locator(".sn-docker-panel").textContent()).toContain("golang");
		await page.locator(".sn-harness-page").screenshot({ path: join(DOCS, "docker-panel.png") });
		await page.close();
	}, 120_000);
});
