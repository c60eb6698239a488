// Runs our command line on a vault: the vault itself, or a copy of its notes with the other plugin's settings imported.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { runJson } from "./run-json.mjs";

// A folder on disk has no Vault#configDir: like the command line, use Obsidian's default name.
const OUR_SETTINGS = join(".obsidian", "plugins", "spaced-notes", "data.json");

function listNotes(dir, root = dir, out = []) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
		const full = join(dir, entry.name);
		if (entry.isDirectory()) listNotes(full, root, out);
		else if (entry.isFile() && /\.md$/iu.test(entry.name)) out.push(relative(root, full));
	}
	return out;
}

/** The folder our command line reads: the vault itself, or a copy with imported settings. */
export function ourVault(vault, srSettingsFile, work, importSettings) {
	if (existsSync(join(vault, OUR_SETTINGS)) || !srSettingsFile) return { dir: vault, notes: [] };
	const { settings, unmapped: notes } = importSettings(JSON.parse(readFileSync(srSettingsFile, "utf8")));
	const dir = join(work, "vault");
	for (const note of listNotes(vault)) {
		mkdirSync(dirname(join(dir, note)), { recursive: true });
		cpSync(join(vault, note), join(dir, note));
	}
	mkdirSync(dirname(join(dir, OUR_SETTINGS)), { recursive: true });
	writeFileSync(join(dir, OUR_SETTINGS), JSON.stringify(settings));
	return { dir, notes };
}

/** Our rows, one per sibling: `cards DIR --json --now DATE` of our bundled command line `cli`. */
export function readOurRows(cli, dir, now) {
	return runJson(process.execPath, [cli, "cards", dir, "--json", "--now", now]);
}
