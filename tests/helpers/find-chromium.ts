/**
 * Finds a Chromium for the browser test, first that applies:
 * 1. the file named by the environment variable `CHROMIUM_PATH`;
 * 2. Debian's `/usr/bin/chromium`;
 * 3. the Chromium shipped inside the npm package `@sparticuz/chromium` (a devDependency: a
 *    brotli-compressed Linux x64 build that `npm ci` installs; nothing is downloaded at run time).
 * A path that does not name an existing file is passed over. The bundled build is unpacked once
 * per package version into `<tmpdir>/spaced-notes-chromium-<version>`: it is unpacked into a
 * private folder first and then renamed into place, so two test runs at once never start a
 * half-written binary, and a build of another version left in the temp folder is never used.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Our flags for a headless Chromium in a container (no GPU, no network of its own). */
export const HEADLESS_FLAGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--no-first-run",
];

/** Flags of @sparticuz/chromium's recommended list that are left out here (see findChromium). */
const NOT_HERE = ["--single-process"];

type ChromiumSource = "CHROMIUM_PATH" | "system" | "@sparticuz/chromium";

export interface FoundChromium {
	source: ChromiumSource;
	executablePath: string;
	/** Command-line flags to start it with (for playwright's `chromium.launch({ args })`). */
	args: string[];
}

export interface BundledChromium {
	executablePath: string;
	/** The flags the package recommends for its build. */
	args: string[];
}

export interface FindChromiumOptions {
	/** Defaults to `process.env`. */
	env?: Record<string, string | undefined>;
	/** Defaults to Debian's `/usr/bin/chromium`. */
	systemPath?: string;
	/** Defaults to unpacking `@sparticuz/chromium`. */
	bundled?: () => Promise<BundledChromium>;
}

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

function isFile(path: string | undefined): path is string {
	if (!path) return false;
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

/** `first` then the flags of `second` that `first` does not have, each flag once. */
export function mergeFlags(first: readonly string[], second: readonly string[]): string[] {
	return [...new Set([...first, ...second])];
}

export async function findChromium(options: FindChromiumOptions = {}): Promise<FoundChromium> {
	const env = options.env ?? process.env;
	const fromEnv = env.CHROMIUM_PATH;
	if (isFile(fromEnv)) return { source: "CHROMIUM_PATH", executablePath: fromEnv, args: ["--headless", ...HEADLESS_FLAGS] };
	const system = options.systemPath ?? SYSTEM_CHROMIUM;
	if (isFile(system)) return { source: "system", executablePath: system, args: ["--headless", ...HEADLESS_FLAGS] };
	const bundled = await (options.bundled ?? unpackSparticuz)();
	// The package's flags are for AWS Lambda; `--single-process` is needed only there, and with it
	// closing a page's context closes the whole browser, so the test's next page fails to open.
	const args = mergeFlags(bundled.args, HEADLESS_FLAGS).filter((flag) => !NOT_HERE.includes(flag));
	return { source: "@sparticuz/chromium", executablePath: bundled.executablePath, args };
}

/** The folder of the package that holds `file` (its package.json does not export itself). */
function packageRoot(file: string): string {
	for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
		if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "bin", "chromium.br"))) return dir;
	}
	throw new Error(`no @sparticuz/chromium package folder above ${file}`);
}

/** Unpacks `@sparticuz/chromium`'s build (once per version) and returns its path and flags. */
async function unpackSparticuz(): Promise<BundledChromium> {
	const { default: chromium } = await import("@sparticuz/chromium");
	const root = packageRoot(createRequire(import.meta.url).resolve("@sparticuz/chromium"));
	const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
	const home = join(tmpdir(), `spaced-notes-chromium-${version}`);
	const binary = join(home, "chromium");
	if (!isFile(binary)) {
		// executablePath() unpacks into os.tmpdir(), which follows TMPDIR: point it at a private
		// folder for the time of the call, then move the finished folder into place.
		const staging = mkdtempSync(join(tmpdir(), `spaced-notes-chromium-${version}-`));
		const before = process.env.TMPDIR;
		try {
			process.env.TMPDIR = staging;
			await chromium.executablePath(join(root, "bin"));
		} finally {
			if (before === undefined) delete process.env.TMPDIR;
			else process.env.TMPDIR = before;
		}
		try {
			renameSync(staging, home);
		} catch (error) {
			// Another run put its copy in place first: use that one.
			rmSync(staging, { recursive: true, force: true });
			if (!existsSync(binary)) throw error;
		}
	}
	return { executablePath: binary, args: chromium.args };
}
