// Compares what the Spaced Repetition plugin (obsidian-spaced-repetition 1.15) reads from a
// folder of notes with what Spaced Notes reads from the same notes: the cards, their kinds,
// both sides of every sibling and every sibling's schedule. See docs/compatibility.md.
//
//   node scripts/compare-sr.mjs [--sr-parser FILE] [--sr-settings FILE] [--now DATE]
//                               [--baseline DIR] [--written FILE] [--examples N] [--json] VAULT
//   node scripts/compare-sr.mjs generate DIR [--notes N] [--seed S]
//
// --sr-parser (or the environment variable SR_PARSER) names a bundle of the other plugin's own
// parser that prints, for `node FILE VAULT [--settings data.json] [--now DATE]`, a JSON array
// with one entry per sibling: {file, line, endLine, kind, sibling, question, answer, schedule},
// as `spaced-notes cards --json` does. That bundle is built from the other plugin's source
// outside this repository and is never shipped or committed (docs/compatibility.md says how).
//
// Our side is the command line, bundled from src/ for each run (so the figures are those of
// the working tree), run as `cards VAULT --json`. Settings: the vault's own
// .obsidian/plugins/spaced-notes/data.json when it has one; otherwise the other plugin's
// data.json (the vault's, or --sr-settings) is turned into ours by our settings import
// (src/settings/import-sr.ts), in a temporary copy of the vault's notes.
//
// --baseline DIR: a copy of VAULT taken before a review. The siblings whose schedule we read
// differently there are the schedules the review wrote; the report says how many of them the
// other plugin reads back with the same schedule.
//
// --written FILE: the other direction. FILE is what a review by the other plugin's own code
// printed after writing VAULT (docs/compatibility.md, section (e)): its rows as --sr-parser
// prints them, each with `wrote`, the schedule its review wrote for that sibling (null if none).
// The report says how many of those schedules we read back the same, and how many its own
// parser reads back (the control: it must read back its own).
//
// `generate` writes the seeded synthetic notes of bench/vault-generator.ts into DIR.
//
// This file runs the steps; each step is a module under scripts/compare-sr/.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundle } from "./compare-sr/bundle.mjs";
import { compare } from "./compare-sr/compare.mjs";
import { generate } from "./compare-sr/generate.mjs";
import { fail, parseArgs } from "./compare-sr/options.mjs";
import { ourVault, readOurRows } from "./compare-sr/our-parser.mjs";
import { readBack, readBackOurs } from "./compare-sr/read-back.mjs";
import { report } from "./compare-sr/report.mjs";
import { srOnlySettings } from "./compare-sr/sr-only-settings.mjs";
import { readTheirRows, theirSettingsFile } from "./compare-sr/their-parser.mjs";

async function main() {
	const argv = process.argv.slice(2);
	if (argv[0] === "generate") return generate(parseArgs(argv.slice(1)));
	const options = parseArgs(argv);
	if (options.paths.length !== 1) fail("give one vault folder");
	if (!options.srParser) fail("name the other plugin's parser bundle with --sr-parser FILE or SR_PARSER (docs/compatibility.md)");
	const vault = resolve(options.paths[0]);
	if (!existsSync(vault) || !statSync(vault).isDirectory()) fail(`no such folder: ${vault}`);
	const srSettings = theirSettingsFile(vault, options.srSettings);
	const now = options.now || new Date().toISOString().slice(0, 10);
	const work = mkdtempSync(join(tmpdir(), "compare-sr-"));
	try {
		const require = createRequire(import.meta.url);
		const cli = await bundle("src/cli/main.ts", work, "spaced-notes.cjs");
		const { importSpacedRepetitionSettings } = require(await bundle("src/settings/import-sr.ts", work, "import-sr.cjs"));
		const mine = ourVault(vault, srSettings, work, importSpacedRepetitionSettings);
		const ourRows = readOurRows(cli, mine.dir, now);
		const theirRows = readTheirRows(options.srParser, vault, now, srSettings);
		const imported = srSettings ? importSpacedRepetitionSettings(JSON.parse(readFileSync(srSettings, "utf8"))) : { settings: {} };
		const result = compare(theirRows, ourRows, vault, srOnlySettings(srSettings, imported));
		let roundTrip;
		if (options.baseline) {
			const base = ourVault(resolve(options.baseline), srSettings, join(work, "baseline"), importSpacedRepetitionSettings);
			roundTrip = readBack(readOurRows(cli, base.dir, now), ourRows, theirRows);
		}
		const written = options.written ? readBackOurs(JSON.parse(readFileSync(resolve(options.written), "utf8")), theirRows, ourRows) : undefined;
		if (options.json) process.stdout.write(JSON.stringify({ vault, now, ...result, roundTrip, written, settingsNotes: mine.notes }, null, 1) + "\n");
		else process.stdout.write(report(vault, result, options, mine.notes, roundTrip, written));
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

await main();
