/**
 * The command line's view of a vault on disk: which Markdown files a PATH names, the vault
 * root they belong to, and the plugin settings stored in that vault.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { normaliseSettings, type SpacedNotesSettings } from "../settings/settings";
import { isDirectory, toSlashes } from "./fs-paths";
import { UsageError } from "./io";
import { decodeUtf8 } from "./utf8";

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
export function loadVault(paths: string[], cwd: string): LoadedVault {
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
	const settings = readSettings(root);
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

/**
 * Reads a file as UTF-8 text, turning any failure into a one-line usage error. Bytes that are not
 * UTF-8 become U+FFFD: fine for reading, never for writing back (see `DiskNotes`).
 */
export function readText(file: VaultFile): string {
	return readNote(file).text;
}

/** A note's text, and whether its bytes are valid UTF-8 (else the text is a lossy decoding). */
export function readNote(file: VaultFile): { text: string; utf8: boolean } {
	let bytes: Buffer;
	try {
		bytes = readFileSync(file.absolute);
	} catch (error) {
		throw new UsageError(`cannot read ${file.display}: ${(error as Error).message}`);
	}
	const text = decodeUtf8(bytes);
	return text === null ? { text: bytes.toString("utf8"), utf8: false } : { text, utf8: true };
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

function readSettings(root: string): SpacedNotesSettings {
	const file = join(root, SETTINGS_FILE);
	let text: string;
	try {
		text = readFileSync(file, "utf8");
	} catch {
		return normaliseSettings(null);
	}
	try {
		return normaliseSettings(JSON.parse(text));
	} catch {
		throw new UsageError(`settings file is not valid JSON: ${file}`);
	}
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
