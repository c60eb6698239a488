/**
 * The command line's view of a vault on disk: which Markdown files a PATH names, the vault
 * root they belong to, and the plugin settings stored in that vault.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { readStoredSettings } from "../settings/read-settings";
import type { SpacedNotesSettings } from "../settings/settings";
import { isDirectory, toSlashes } from "./fs-paths";
import { UsageError } from "./io";

/** The plugin's folder inside a vault's config folder (Obsidian's default config folder name). */
const SETTINGS_FILE = join(".obsidian", "plugins", "spaced-notes", "data.json");

export interface VaultFile {
	/** Absolute path on disk. */
	absolute: string;
	/** Path shown to the user: relative to the directory PATH given, or the file PATH as given. */
	display: string;
	/** Path relative to the vault root, with `/` separators (what Obsidian calls the path). */
	vaultPath: string;
}

export interface LoadedVault {
	root: string;
	files: VaultFile[];
	settings: SpacedNotesSettings;
}

/**
 * Collects the Markdown files under `paths` (directories are walked, dot-folders skipped, as
 * Obsidian does) and reads the settings of the vault that holds the first path.
 * @throws UsageError when a path does not exist or the settings file is not valid JSON.
 */
export function loadVault(paths: string[], cwd: string, warn: (message: string) => void = () => {}): LoadedVault {
	if (paths.length === 0) throw new UsageError("no PATH given");
	const targets = paths.map((p) => {
		const absolute = resolve(cwd, p);
		let directory: boolean;
		try {
			directory = statSync(absolute).isDirectory();
		} catch {
			throw new UsageError(`no such file or folder: ${p}`);
		}
		return { given: p, absolute, isDirectory: directory };
	});
	const first = targets[0];
	const root = findVaultRoot(first.isDirectory ? first.absolute : dirname(first.absolute));
	const settings = readSettings(root, warn);
	const files: VaultFile[] = [];
	const seen = new Set<string>();
	for (const target of targets) {
		const found = target.isDirectory ? walkMarkdown(target.absolute) : [target.absolute];
		for (const absolute of found) {
			if (seen.has(absolute)) continue;
			seen.add(absolute);
			const display = target.isDirectory ? toSlashes(relative(target.absolute, absolute)) : target.given;
			files.push({ absolute, display, vaultPath: toSlashes(relative(root, absolute)) });
		}
	}
	return { root, files, settings };
}

/** Reads a file as UTF-8 text, turning any failure into a one-line usage error. */
export function readText(file: VaultFile): string {
	try {
		return readFileSync(file.absolute, "utf8");
	} catch (error) {
		throw new UsageError(`cannot read ${file.display}: ${(error as Error).message}`);
	}
}

/** The nearest folder at or above `start` that holds `.obsidian`; else `start` itself. */
function findVaultRoot(start: string): string {
	let current = start;
	for (;;) {
		if (isDirectory(join(current, ".obsidian"))) return current;
		const parent = dirname(current);
		if (parent === current) return start;
		current = parent;
	}
}

/** The vault's settings; each value that breaks its rules is reported through `warn` and defaults. */
function readSettings(root: string, warn: (message: string) => void): SpacedNotesSettings {
	const file = join(root, SETTINGS_FILE);
	let text: string;
	try {
		text = readFileSync(file, "utf8");
	} catch {
		return readStoredSettings(null).settings;
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new UsageError(`settings file is not valid JSON: ${file}`);
	}
	const stored = readStoredSettings(json);
	for (const problem of stored.problems) warn(`warning: ${SETTINGS_FILE}: ${problem}`);
	return stored.settings;
}

function walkMarkdown(dir: string): string[] {
	const result: string[] = [];
	const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const entry of entries) {
		if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
		const full = join(dir, entry.name);
		if (entry.isDirectory()) result.push(...walkMarkdown(full));
		else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) result.push(full);
	}
	return result;
}
