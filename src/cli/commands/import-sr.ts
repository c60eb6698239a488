/**
 * `spaced-notes import-sr VAULT [--dry-run]`: the Spaced Repetition plugin's settings
 * (`VAULT/.obsidian/plugins/obsidian-spaced-repetition/data.json`) carried over into ours
 * (`VAULT/.obsidian/plugins/spaced-notes/data.json`), keeping the settings of ours it does not
 * cover. The mapping is the settings tab's (`settings/import-sr.ts`); this prints what it mapped
 * and a sentence for each setting it could not, and writes the file atomically.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { importSpacedRepetitionSettings, type SrImportResult } from "../../settings/import-sr";
import { readStoredSettings } from "../../settings/read-settings";
import { hasFlag, parseArgs } from "../args";
import { closeSnapshot, createIfAbsent, readSnapshot, writeIfUnchanged } from "../atomic-write";
import { isDirectory } from "../fs-paths";
import { EXIT_OK, UsageError, type Command } from "../io";
import { decodeUtf8 } from "../utf8";

const SOURCE = join(".obsidian", "plugins", "obsidian-spaced-repetition", "data.json");
const TARGET_FOLDER = join(".obsidian", "plugins", "spaced-notes");
const TARGET = join(TARGET_FOLDER, "data.json");
/** Attempts when another program keeps changing our data.json while it is written. */
const ATTEMPTS = 10;

export const importSrCommand: Command = (argv, io) => {
	const args = parseArgs(argv, ["dry-run"], []);
	if (args.positional.length !== 1) throw new UsageError("import-sr takes exactly one VAULT folder");
	const given = args.positional[0];
	const vault = resolve(io.cwd, given);
	if (!isDirectory(vault)) throw new UsageError(`no such folder: ${given}`);
	const source = join(given, SOURCE);
	const target = join(given, TARGET);
	const result = importSpacedRepetitionSettings(readJson(join(vault, SOURCE), source, "the Spaced Repetition plugin's settings"));
	io.stdout(report(source, result));
	if (hasFlag(args, "dry-run")) {
		io.stdout(`Dry run: ${target} was not written.\n`);
		return Promise.resolve(EXIT_OK);
	}
	if (result.mapped.length === 0) {
		io.stdout(`Nothing to write: ${target} was left as it is.\n`);
		return Promise.resolve(EXIT_OK);
	}
	const kept = write(vault, target, result, io.stderr);
	io.stdout(`Wrote ${target}${kept > 0 ? ` (kept ${kept} other ${kept === 1 ? "setting" : "settings"})` : ""}.\n`);
	return Promise.resolve(EXIT_OK);
};

/** What was mapped, one line each, then what was not. */
function report(source: string, { mapped, unmapped }: SrImportResult): string {
	const lines = [`Read ${source}`, `Mapped ${mapped.length} ${mapped.length === 1 ? "setting" : "settings"}:`];
	for (const { from, to, value } of mapped) lines.push(`  ${from} → ${to} = ${JSON.stringify(value)}`);
	lines.push(`Not mapped (${unmapped.length}):`);
	for (const sentence of unmapped) lines.push(`  - ${sentence}`);
	return lines.join("\n") + "\n";
}

/**
 * Writes the imported settings over our data.json, keeping every other key it holds; returns
 * how many of those were kept. A file another program changes meanwhile is read again.
 */
function write(vault: string, shown: string, result: SrImportResult, stderr: (text: string) => void): number {
	const path = join(vault, TARGET);
	mkdirSync(join(vault, TARGET_FOLDER), { recursive: true });
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		let snapshot;
		try {
			snapshot = readSnapshot(path);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError(`cannot read ${shown}: ${(error as Error).message}`);
			const text = serialise({ ...result.settings });
			warnAbout(text, shown, stderr);
			if (createIfAbsent(path, text)) return 0;
			continue;
		}
		try {
			const existing = parseOurs(snapshot.bytes, shown);
			const merged = { ...existing, ...result.settings };
			const kept = Object.keys(existing).filter((key) => !(key in result.settings)).length;
			const text = serialise(merged);
			warnAbout(text, shown, stderr);
			if (writeIfUnchanged(snapshot, text) !== "changed") return kept;
		} finally {
			closeSnapshot(snapshot);
		}
	}
	throw new UsageError(`${shown} kept changing while it was being written, so nothing was saved; try again.`);
}

/** Our data.json as Obsidian writes a plugin's data: JSON indented by two spaces. */
function serialise(settings: Record<string, unknown>): string {
	return JSON.stringify(settings, null, 2);
}

/** Values of the result that the plugin would replace by their default on reading (e.g. an end marker a new separator now hides). */
function warnAbout(text: string, shown: string, stderr: (text: string) => void): void {
	for (const problem of readStoredSettings(JSON.parse(text)).problems) stderr(`warning: ${shown}: ${problem}\n`);
}

/** Our existing settings file as an object; a file that is not one is never overwritten. */
function parseOurs(bytes: Buffer, shown: string): Record<string, unknown> {
	const text = decodeUtf8(bytes);
	if (text === null) throw new UsageError(`${shown} is not UTF-8 text; fix or remove it first`);
	if (text.trim() === "") return {};
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new UsageError(`${shown} is not valid JSON; fix or remove it first`);
	}
	if (typeof json !== "object" || json === null || Array.isArray(json)) throw new UsageError(`${shown} does not hold settings; fix or remove it first`);
	return json as Record<string, unknown>;
}

function readJson(path: string, shown: string, what: string): unknown {
	let text: string;
	try {
		text = readFileSync(path, "utf8");
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`no ${what} at ${shown}`);
		throw new UsageError(`cannot read ${shown}: ${(error as Error).message}`);
	}
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new UsageError(`${shown} is not valid JSON`);
	}
}
