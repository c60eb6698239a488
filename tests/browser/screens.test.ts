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

async function open(scene: string, theme: "light" | "dark", viewport: { width: number; height: number }, extra = ""): Promise<Page> {
	const page = await (await launch()).newPage({ viewport });
	const errors: string[] = [];
	page.on("pageerror", (error) => errors.push(error.message));
	await page.goto(`${pathToFileURL(join(dir, "index.html")).href}?scene=${scene}&theme=${theme}${extra}`);
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

/**
 * Text elements of `root` whose contrast with what is behind them is below `min`: each element
 * with text of its own, its colour against the first opaque background up its ancestors (semi-
 * transparent ones blended on the way), as WCAG 2 computes contrast. Colours are the computed
 * ones, so the theme's variables and `color-mix` are resolved by the browser.
 */
async function lowContrast(page: Page, root: string, min: number): Promise<string[]> {
	return page.evaluate(
		([selector, least]) => {
			const parse = (value: string): [number, number, number, number] | null => {
				const rgb = /^rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)$/.exec(value);
				if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
				const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(value);
				if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
				return null;
			};
			const luminance = ([r, g, b]: number[]): number => {
				const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
				return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
			};
			const blend = (top: number[], under: number[]): number[] => {
				const a = top[3];
				return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
			};
			const background = (el: Element): number[] => {
				const layers: number[][] = [];
				for (let node: Element | null = el; node; node = node.parentElement) {
					const colour = parse(getComputedStyle(node).backgroundColor);
					if (colour && colour[3] > 0) {
						layers.push(colour);
						if (colour[3] >= 1) break;
					}
				}
				let result = [255, 255, 255, 1];
				for (const layer of layers.reverse()) result = blend(layer, result);
				return result;
			};
			const low: string[] = [];
			const rootEl = document.querySelector(selector);
			if (!rootEl) return [`${selector} not found`];
			let checked = 0;
			for (const el of Array.from(rootEl.querySelectorAll<HTMLElement>("*")).concat(rootEl as HTMLElement)) {
				const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
				if (!own || el.closest(".sn-visually-hidden")) continue;
				const box = el.getBoundingClientRect();
				if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
				const fg = parse(getComputedStyle(el).color);
				if (!fg) {
					low.push(`${el.className}: colour ${getComputedStyle(el).color} not read`);
					continue;
				}
				const bg = background(el);
				const text = blend(fg, bg);
				const [l1, l2] = [luminance(text), luminance(bg)].sort((a, b) => b - a);
				const ratio = (l1 + 0.05) / (l2 + 0.05);
				checked++;
				if (ratio < least) low.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? "").trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
			}
			if (checked < 5) low.push(`only ${checked} text elements checked`);
			return low;
		},
		[root, min] as const,
	);
}

/** The box of the answer row (Show answer, or the four ratings). */
async function answerRow(page: Page): Promise<Box> {
	const box = await page.locator(".sn-review-buttons").boundingBox();
	expect(box).not.toBeNull();
	return box ?? { x: 0, y: 0, width: 0, height: 0 };
}

describe("the review screen in Chromium (issue #15)", () => {
	const sizes = { desktop: DESKTOP, phone: PHONE } as const;
	for (const theme of ["light", "dark"] as const) {
		for (const [name, viewport] of Object.entries(sizes)) {
			it(`${name} ${viewport.width}×${viewport.height}, ${theme}: question, answer, cloze and finished screen; buttons in place; contrast ≥ 4.5:1`, async () => {
				const phone = name === "phone" ? "&phone=1" : "";
				const rows: Box[] = [];
				for (const phase of ["question", "answer", "cloze", "finished"] as const) {
					const page = await open("review", theme, viewport, `&phase=${phase}${phone}`);
					await page.screenshot({ path: join(DOCS, `review-${phase}-${theme}-${name}.png`) });
					expect(await lowContrast(page, ".sn-review", 4.5)).toEqual([]);
					if (phase !== "finished") {
						const row = await answerRow(page);
						rows.push(row);
						// Inside the viewport (on a phone: at its bottom, in thumb reach).
						expect(row.y).toBeGreaterThanOrEqual(0);
						expect(row.y + row.height).toBeLessThanOrEqual(viewport.height);
						if (name === "phone") expect(viewport.height - (row.y + row.height)).toBeLessThan(120);
					}
					if (phase === "answer") await checkAnswerButtons(page, viewport);
					if (phase === "cloze") {
						expect(await page.locator(".sn-review-answer mark.sn-cloze-answer").count()).toBeGreaterThan(0);
						expect(await page.locator(".sn-review-question").isVisible()).toBe(false);
					}
					if (phase === "finished") {
						expect(await page.locator(".sn-review-tomorrow").textContent()).toBe("Tomorrow: 14 cards due; the next in 16 h.");
						expect(await page.locator(".sn-review-end-links button").allTextContents()).toEqual(["Statistics", "Deck list"]);
					}
					await page.close();
				}
				// The answer row is in the same place on the question and on the answer (a plain card and a cloze).
				for (const row of rows.slice(1)) {
					expect(Math.abs(row.y - rows[0].y)).toBeLessThanOrEqual(1);
					expect(Math.abs(row.height - rows[0].height)).toBeLessThanOrEqual(1);
					expect(Math.abs(row.x - rows[0].x)).toBeLessThanOrEqual(1);
				}
			}, 180_000);
		}
	}

	it("statistics at both sizes in light and dark: the forecast's first label inside its chart, charts as wide as the view", async () => {
		for (const theme of ["light", "dark"] as const) {
			for (const [name, viewport] of Object.entries(sizes)) {
				const page = await open("stats", theme, viewport, name === "phone" ? "&phone=1" : "");
				await page.waitForSelector(".sn-stats-tile");
				await page.screenshot({ path: join(DOCS, `stats-${theme}-${name}.png`), fullPage: true });
				const label = page.locator("svg[aria-label='Cards due in the next 30 days'] text.sn-stats-label").first();
				const chart = await page.locator("svg[aria-label='Cards due in the next 30 days']").boundingBox();
				const box = await label.boundingBox();
				expect(await label.textContent()).toBe("Today");
				expect(box && chart && box.x >= chart.x - 0.5).toBe(true);
				const section = await page.locator(".sn-stats-section").first().boundingBox();
				expect(chart && section && chart.width >= section.width - 40).toBe(true);
				// The heat map's weekday labels are whole: inside the map, left of its first column.
				const heat = await page.locator("svg.sn-stats-heatmap").first().boundingBox();
				const firstCell = await page.locator("svg.sn-stats-heatmap rect").first().boundingBox();
				for (const day of ["Mon", "Wed", "Fri"]) {
					const text = await page.locator("svg.sn-stats-heatmap text.sn-stats-label", { hasText: day }).first().boundingBox();
					expect(text && heat && firstCell && text.x >= heat.x - 0.5 && text.x + text.width <= firstCell.x + 0.5, `${day} at ${theme} ${name}`).toBe(
						true,
					);
				}
				await page.close();
			}
		}
	}, 180_000);
});

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

describe("card browser and card info in Chromium", () => {
	/** Sideways overflow of the page, px (≤ 0 when everything fits the window's width). */
	const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

	it("card browser at 1280×800 (light): every column, only the rows in view, three selected", async () => {
		const page = await open("card-browser", "light", DESKTOP);
		const headers = await page.locator(".sn-browser-header button").allTextContents();
		expect(headers.map((h) => h.replace(/ [▲▼]$/, ""))).toEqual([
			"Question",
			"Deck",
			"State",
			"Due",
			"Interval",
			"Ease / difficulty",
			"Lapses",
			"Reviews",
			"Flag",
			"Note",
		]);
		expect(await page.locator(".sn-browser-col-deck").first().isVisible()).toBe(true);
		// Every header label fits its column.
		for (const header of await page.locator(".sn-browser-header button").all()) {
			expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), (await header.textContent()) ?? "").toBe(true);
		}
		const rows = await page.locator(".sn-vlist-row").count();
		expect(rows).toBeGreaterThan(5);
		expect(await page.locator(".sn-browser-row.is-selected").count()).toBe(3);
		expect(await page.locator(".sn-browser-status").textContent()).toMatch(/^\d+ of \d+ cards · 3 selected$/);
		expect(await page.locator(".sn-browser-pending").count()).toBe(0);
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: join(DOCS, "card-browser.png") });
		await page.close();
	}, 120_000);

	it("card browser at 390×844 (dark): question, state and due only, no sideways scrolling", async () => {
		const page = await open("card-browser", "dark", PHONE);
		expect(await page.locator(".sn-browser-row .sn-browser-col-question").first().isVisible()).toBe(true);
		expect(await page.locator(".sn-browser-row .sn-browser-col-due").first().isVisible()).toBe(true);
		expect(await page.locator(".sn-browser-row .sn-browser-col-deck").first().isVisible()).toBe(false);
		expect(await page.locator(".sn-browser-header .sn-browser-col-deck").isVisible()).toBe(false);
		expect(await page.locator(".sn-browser-header .sn-browser-col-due").isVisible()).toBe(true);
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		const box = await page.locator(".sn-browser-row").first().boundingBox();
		expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
		await page.screenshot({ path: join(DOCS, "card-browser-phone.png") });
		await page.close();
	}, 120_000);

	it("card info at 1280×800 (light) and 390×844 (dark): facts and the FSRS history", async () => {
		const page = await open("card-info", "light", DESKTOP);
		expect(await page.locator(".sn-card-info-history tbody tr").count()).toBe(6);
		expect(await page.locator(".sn-card-info-history tbody tr").first().textContent()).toContain("Easy (cram)");
		expect(await page.locator(".sn-card-info-facts").textContent()).toContain("docker/build-stages.md, line 3");
		await page.locator(".modal").screenshot({ path: join(DOCS, "card-info.png") });
		await page.close();
		const phone = await open("card-info", "dark", PHONE);
		expect(await overflow(phone)).toBeLessThanOrEqual(0);
		const modalBox = await phone.locator(".modal").boundingBox();
		expect(modalBox && modalBox.x + modalBox.width).toBeLessThanOrEqual(PHONE.width);
		await phone.screenshot({ path: join(DOCS, "card-info-phone.png") });
		await phone.close();
	}, 120_000);
});
