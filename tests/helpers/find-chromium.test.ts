/**
 * The browser test's Chromium lookup: CHROMIUM_PATH, then the system's Chromium, then the build
 * inside @sparticuz/chromium; a path that names no file is passed over. The bundled build is a
 * stand-in here (the browser test starts the real one).
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findChromium, HEADLESS_FLAGS, mergeFlags, type BundledChromium } from "./find-chromium";

const dir = mkdtempSync(join(tmpdir(), "sn-find-chromium-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fromEnv = join(dir, "env-chromium");
const system = join(dir, "system-chromium");
const missing = join(dir, "no-such-chromium");
const folder = join(dir, "a-folder");
writeFileSync(fromEnv, "");
writeFileSync(system, "");
mkdirSync(folder);

let bundledCalls = 0;
const bundled = (): Promise<BundledChromium> => {
	bundledCalls++;
	return Promise.resolve({ executablePath: "/bundled/chromium", args: ["--single-process", "--no-sandbox", "--headless='shell'"] });
};

describe("findChromium", () => {
	it("takes CHROMIUM_PATH first when it names a file", async () => {
		const found = await findChromium({ env: { CHROMIUM_PATH: fromEnv }, systemPath: system, bundled });
		expect(found.source).toBe("CHROMIUM_PATH");
		expect(found.executablePath).toBe(fromEnv);
		expect(found.args).toEqual(["--headless", ...HEADLESS_FLAGS]);
	});

	it("passes over a CHROMIUM_PATH that names no file, or a folder, for the system's Chromium", async () => {
		for (const path of [missing, folder, ""]) {
			const found = await findChromium({ env: { CHROMIUM_PATH: path }, systemPath: system, bundled });
			expect(found.source).toBe("system");
			expect(found.executablePath).toBe(system);
		}
		const unset = await findChromium({ env: {}, systemPath: system, bundled });
		expect(unset.executablePath).toBe(system);
	});

	it("falls back to the bundled build when neither exists, with its flags (but --single-process) and ours, each once", async () => {
		const before = bundledCalls;
		const found = await findChromium({ env: { CHROMIUM_PATH: missing }, systemPath: join(dir, "no-system-chromium"), bundled });
		expect(bundledCalls).toBe(before + 1);
		expect(found.source).toBe("@sparticuz/chromium");
		expect(found.executablePath).toBe("/bundled/chromium");
		expect(found.args.slice(0, 2)).toEqual(["--no-sandbox", "--headless='shell'"]);
		expect(found.args).not.toContain("--single-process");
		for (const flag of HEADLESS_FLAGS) expect(found.args.filter((arg) => arg === flag)).toEqual([flag]);
	});

	it("does not unpack the bundled build when an earlier choice applies", async () => {
		const before = bundledCalls;
		await findChromium({ env: { CHROMIUM_PATH: fromEnv }, systemPath: system, bundled });
		await findChromium({ env: {}, systemPath: system, bundled });
		expect(bundledCalls).toBe(before);
	});

	it("defaults to Debian's /usr/bin/chromium as the system's Chromium", async () => {
		const found = await findChromium({ env: { CHROMIUM_PATH: missing }, bundled });
		expect(found.executablePath).toBe(found.source === "system" ? "/usr/bin/chromium" : "/bundled/chromium");
	});
});

describe("mergeFlags", () => {
	it("keeps the first list's order and adds the second's new flags", () => {
		expect(mergeFlags(["--a", "--b"], ["--b", "--c", "--a", "--d"])).toEqual(["--a", "--b", "--c", "--d"]);
	});
});
