/**
 * The command line's view of a vault on disk: which Markdown files a PATH names, the vault
 * root they belong to, and the plugin settings stored in that vault.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { readStoredSettings } from "../settings/read-settings";
import type { SpacedNotesSettings } from "../settings/settings";
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
	/** Links met while walking folders that were not followed: reported, never skipped silently. */
	skippedLinks: SkippedLink[];
}

/** A link a folder walk did not follow. */
interface SkippedLink {
	/** As file names are shown: relative to the folder given as PATH. */
	display: string;
	/** `outside`: its target is outside the vault; `broken`: it points to nothing. */
	reason: "outside-file" | "outside-folder" | "broken";
}

/** Why a link was skipped, as the end of a sentence. */
function skippedLinkReason(link: SkippedLink): string {
	if (link.reason === "broken") return "it is a link to nothing";
	return `it is a link to a ${link.reason === "outside-folder" ? "folder" : "file"} outside the vault`;
}

/**
 * Collects the Markdown files under `paths` (directories are walked, dot-folders skipped, as
 * Obsidian does; links inside the vault followed, others reported in `skippedLinks`) and reads
 * the settings of the vault that holds the first path.
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
	const skippedLinks: SkippedLink[] = [];
	// By real path: a note reached through several links (or named twice) is read once.
	const seen = new Set<string>();
	const walk = new VaultWalk(realpathSync(root));
	for (const target of targets) {
		const found = target.isDirectory ? walk.markdown(target.absolute) : [{ absolute: target.absolute, real: realOrSelf(target.absolute) }];
		for (const { absolute, real } of found) {
			if (seen.has(real)) continue;
			seen.add(real);
			const display = target.isDirectory ? toSlashes(relative(target.absolute, absolute)) : target.given;
			files.push({ absolute, display, vaultPath: toSlashes(relative(root, absolute)) });
		}
		for (const link of walk.takeSkipped()) {
			skippedLinks.push({ display: toSlashes(relative(target.absolute, link.path)), reason: link.reason });
		}
	}
	return { root, files, settings, skippedLinks };
}

/** Each skipped link as a line on standard error (`spaced-notes <command>: skipped <link>: <why>.`). */
export function warnSkippedLinks(vault: LoadedVault, command: string, stderr: (text: string) => void): void {
	for (const link of vault.skippedLinks) stderr(`spaced-notes ${command}: skipped ${link.display}: ${skippedLinkReason(link)}.\n`);
}

/** Whether `path` (a real path) is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
	return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function realOrSelf(path: string): string {
	try {
		return realpathSync(path);
	} catch {
		return path;
	}
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

/**
 * The Markdown files below folders, in name order, skipping dot-folders and `node_modules` as
 * Obsidian does. Links to notes and folders inside the vault are followed (each folder once by
 * its real path, so a link back up never loops); other links are collected as skipped.
 */
class VaultWalk {
	/** Real paths of the folders walked so far. */
	private readonly visited = new Set<string>();
	private skipped: { path: string; reason: SkippedLink["reason"] }[] = [];

	constructor(private readonly root: string) {}

	markdown(dir: string): { absolute: string; real: string }[] {
		const result: { absolute: string; real: string }[] = [];
		this.walk(dir, realOrSelf(dir), result);
		return result;
	}

	/** The links skipped since the last call. */
	takeSkipped(): { path: string; reason: SkippedLink["reason"] }[] {
		const skipped = this.skipped;
		this.skipped = [];
		return skipped;
	}

	private walk(dir: string, real: string, result: { absolute: string; real: string }[]): void {
		if (this.visited.has(real)) return;
		this.visited.add(real);
		const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const entry of entries) {
			if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
			const full = join(dir, entry.name);
			const isNote = entry.name.toLowerCase().endsWith(".md");
			if (entry.isDirectory()) this.walk(full, join(real, entry.name), result);
			else if (entry.isFile()) {
				if (isNote) result.push({ absolute: full, real: join(real, entry.name) });
			} else if (entry.isSymbolicLink()) this.follow(full, isNote, result);
		}
	}

	private follow(link: string, isNote: boolean, result: { absolute: string; real: string }[]): void {
		let target: string;
		let directory: boolean;
		try {
			target = realpathSync(link);
			directory = statSync(target).isDirectory();
		} catch {
			// A link to nothing matters only where a note was expected.
			if (isNote) this.skipped.push({ path: link, reason: "broken" });
			return;
		}
		if (!directory && !isNote) return;
		if (!isInside(this.root, target)) {
			this.skipped.push({ path: link, reason: directory ? "outside-folder" : "outside-file" });
			return;
		}
		if (directory) this.walk(link, target, result);
		else if (statSync(target).isFile()) result.push({ absolute: link, real: target });
	}
}
