// Runs the other plugin's parser bundle (--sr-parser) on a vault, with its settings file when there is one.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { runJson } from "./run-json.mjs";

const SR_SETTINGS = join(".obsidian", "plugins", "obsidian-spaced-repetition", "data.json");

/** The other plugin's data.json: the one given (--sr-settings), else the vault's own, else "". */
export function theirSettingsFile(vault, given) {
	return given || (existsSync(join(vault, SR_SETTINGS)) ? join(vault, SR_SETTINGS) : "");
}

/** Its rows, one per sibling, as its bundle prints them for `node FILE VAULT [--settings data.json] [--now DATE]`. */
export function readTheirRows(srParser, vault, now, srSettings) {
	return runJson(process.execPath, [resolve(srParser), vault, "--now", now, ...(srSettings ? ["--settings", srSettings] : [])]);
}
