/**
 * Changing some keys of the vault's settings file (`.obsidian/plugins/spaced-notes/data.json`)
 * and keeping all others, written atomically; a file another program changes meanwhile is read
 * again, and a file that does not hold settings is never overwritten.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { readStoredSettings } from "../settings/read-settings";
import { closeSnapshot, createIfAbsent, readSnapshot, writeIfUnchanged } from "./atomic-write";
import { UsageError } from "./io";
import { decodeUtf8 } from "./utf8";

const FOLDER = join(".obsidian", "plugins", "spaced-notes");
export const SETTINGS_PATH = join(FOLDER, "data.json");
const ATTEMPTS = 10;

/** Applies `change` to the stored settings object and writes the result; returns the problems the plugin would report on reading it. */
export function updateSettingsFile(vaultRoot: string, change: (stored: Record<string, unknown>) => Record<string, unknown>): string[] {
	const path = join(vaultRoot, SETTINGS_PATH);
	mkdirSync(join(vaultRoot, FOLDER), { recursive: true });
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		let snapshot;
		try {
			snapshot = readSnapshot(path);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError(`cannot read ${SETTINGS_PATH}: ${(error as Error).message}`);
			const next = change({});
			if (createIfAbsent(path, JSON.stringify(next, null, 2))) return readStoredSettings(next).problems;
			continue;
		}
		try {
			const next = change(parseStored(snapshot.bytes));
			if (writeIfUnchanged(snapshot, JSON.stringify(next, null, 2)) !== "changed") return readStoredSettings(next).problems;
		} finally {
			closeSnapshot(snapshot);
		}
	}
	throw new UsageError(`${SETTINGS_PATH} kept changing while it was being written, so nothing was saved; try again.`);
}

function parseStored(bytes: Buffer): Record<string, unknown> {
	const text = decodeUtf8(bytes);
	if (text === null) throw new UsageError(`${SETTINGS_PATH} is not UTF-8 text; fix or remove it first`);
	if (text.trim() === "") return {};
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new UsageError(`${SETTINGS_PATH} is not valid JSON; fix or remove it first`);
	}
	if (typeof json !== "object" || json === null || Array.isArray(json))
		throw new UsageError(`${SETTINGS_PATH} does not hold settings; fix or remove it first`);
	return json as Record<string, unknown>;
}
