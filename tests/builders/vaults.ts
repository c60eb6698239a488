/** Vaults on disk, in fresh temporary folders, for the command line's tests. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface VaultOptions {
	/** Files to write, path in the vault (`/`-separated) → text; folders are made as needed. Default: none. */
	files?: Record<string, string>;
	/** Files or folders to copy in, path in the vault → path to copy from (`"."` for the vault itself). Default: none. */
	copies?: Record<string, string>;
	/**
	 * The plugin's settings, written to `.obsidian/plugins/spaced-notes/data.json`: an object is
	 * written as JSON, a string as it is (e.g. to test broken JSON). Default: no data.json at all
	 * (nor a config folder).
	 */
	settings?: Record<string, unknown> | string;
	/** How the temporary folder's name starts. Default: "sn-vault-". */
	prefix?: string;
}

/** A fresh vault folder under the system's temporary folder; returns its path. Defaults: see {@link VaultOptions} (an empty folder). */
export function tempVault(options: VaultOptions = {}): string {
	const { files = {}, copies = {}, settings, prefix = "sn-vault-" } = options;
	const root = mkdtempSync(join(tmpdir(), prefix));
	for (const [path, from] of Object.entries(copies)) cpSync(from, join(root, path), { recursive: true });
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	if (settings !== undefined) {
		mkdirSync(pluginFolder(root), { recursive: true });
		writeFileSync(join(pluginFolder(root), "data.json"), typeof settings === "string" ? settings : JSON.stringify(settings));
	}
	return root;
}

/** The plugin's folder in a vault: `<vault>/.obsidian/plugins/spaced-notes` (Obsidian's default config folder). */
export function pluginFolder(vault: string): string {
	return join(vault, ".obsidian", "plugins", "spaced-notes");
}
