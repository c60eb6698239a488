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
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// A folder on disk has no Vault#configDir: like the command line, use Obsidian's default name.
const OUR_SETTINGS = join(".obsidian", "plugins", "spaced-notes", "data.json");
const SR_SETTINGS = join(".obsidian", "plugins", "obsidian-spaced-repetition", "data.json");
const MAX_BUFFER = 1 << 30;

function fail(message) {
	console.error(`compare-sr: ${message}`);
	process.exit(2);
}

function parseArgs(argv) {
	const options = {
		srParser: process.env.SR_PARSER ?? "",
		srSettings: "",
		now: "",
		baseline: "",
		written: "",
		examples: 3,
		json: false,
		paths: [],
		notes: 200,
		seed: 1,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			if (i + 1 >= argv.length) fail(`${arg} needs a value`);
			return argv[++i];
		};
		if (arg === "--sr-parser") options.srParser = value();
		else if (arg === "--sr-settings") options.srSettings = value();
		else if (arg === "--now") options.now = value();
		else if (arg === "--baseline") options.baseline = value();
		else if (arg === "--written") options.written = value();
		else if (arg === "--examples") options.examples = Number(value());
		else if (arg === "--notes") options.notes = Number(value());
		else if (arg === "--seed") options.seed = Number(value());
		else if (arg === "--json") options.json = true;
		else if (arg.startsWith("--")) fail(`unknown option ${arg}`);
		else options.paths.push(arg);
	}
	return options;
}

/** Bundles one of our TypeScript entry points into a temporary CommonJS file. */
async function bundle(entry, work, name) {
	const outfile = join(work, name);
	await build({ entryPoints: [join(ROOT, entry)], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, logLevel: "warning" });
	return outfile;
}

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
function ourVault(vault, srSettingsFile, work, importSettings) {
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

function runJson(command, args) {
	const out = execFileSync(command, args, { encoding: "utf8", maxBuffer: MAX_BUFFER, stdio: ["ignore", "pipe", "pipe"] });
	return JSON.parse(out);
}

// ---- Comparison ---------------------------------------------------------------------------

/**
 * Cards keyed by "file:line", each with its siblings in order. A second card reported at the line
 * of the card before it (its sibling 0 again) is the other plugin's stale first line: after a
 * single-line card its parser keeps that card's line as the first line of the next card in the
 * block, whose text starts below it. That card is keyed at the line after the card before it and
 * marked `reportedLine` (the line it gave), so it is compared with the card there and not merged.
 */
function cardsOf(rows) {
	const cards = new Map();
	let card = null;
	for (const row of rows) {
		const key = `${row.file}:${row.line}`;
		const same = card && card.file === row.file && card.reportedLine === row.line && row.sibling > 0;
		if (!same) {
			const before = cards.get(key);
			if (before && row.sibling === 0) {
				const line = before.endLine + 1;
				card = { file: row.file, line, endLine: row.endLine, kind: row.kind, siblings: [], reportedLine: row.line };
				cards.set(`${row.file}:${line}`, card);
			} else if (before) card = before;
			else cards.set(key, (card = { file: row.file, line: row.line, endLine: row.endLine, kind: row.kind, siblings: [], reportedLine: row.line }));
		}
		card.siblings[row.sibling] = row;
	}
	return cards;
}

const tidy = (text) =>
	text
		.split("\n")
		.map((line) => line.trimEnd())
		.join("\n")
		.trim();
const withoutMarkup = (text) =>
	tidy(
		text
			.split("\n")
			.map((line) => line.replace(/^(\s*>)+ ?/u, "").replace(/^\s*([-*+]|\d+[.)])\s+(\[.\]\s+)?/u, ""))
			.join("\n"),
	);
const withoutBlockIds = (text) => tidy(text.replace(/ \^[A-Za-z0-9-]+$/gmu, ""));
const withoutComments = (text) => tidy(text.replace(/\s*<!--SR:.*?-->/gu, "").replace(/^\s*(>\s*)+\[!sr\|card-metadata\]\s*$/gmu, ""));
const withoutTags = (text) => tidy(text.replace(/^\s*#[^\s#]+\s*/u, ""));

const PRESENTATION = "side: list bullet or callout '>' kept in its text, not in ours";

/** Why two versions of one side differ, or null when they are the same. */
function sideReason(theirs, ours) {
	if (tidy(theirs) === tidy(ours)) return null;
	if (withoutMarkup(theirs) === withoutMarkup(ours)) return PRESENTATION;
	if (withoutComments(theirs) === withoutComments(ours)) return "side: a scheduling comment or sr callout line kept in one side's text";
	if (withoutBlockIds(theirs) === withoutBlockIds(ours)) return "side: block id kept in one side's text";
	if (withoutTags(theirs) === withoutTags(ours)) return "side: leading deck tag kept in one side's text";
	// Comments first: its sr callout header is taken off with its `>`, the `>` left below it by the markup.
	const all = (text) => withoutTags(withoutBlockIds(withoutMarkup(withoutComments(text))));
	if (all(theirs) === all(ours)) return "side: several of list/callout markup, comment, block id and deck tag at once";
	// It puts a deletion's text back with String#replace, which turns "$$" into "$".
	// Both sides with every '$$' read as '$': its '$$' outside deletions stays '$$'.
	if (all(theirs.replaceAll("$$", "$")) === all(ours.replaceAll("$$", "$")))
		return "side: its '$$' in a deletion shown as '$' (its replacement-pattern defect)";
	return "side: text differs";
}

function sameNumber(a, b) {
	return a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));
}

function sameSchedule(a, b) {
	if (!a || !b) return !a && !b;
	if ("stability" in a !== "stability" in b) return false;
	const due = "stability" in a ? Date.parse(a.due) === Date.parse(b.due) : a.due === b.due;
	return due && Object.keys(a).every((key) => key === "due" || sameNumber(a[key], b[key]));
}

function scheduleReason(theirs, ours) {
	if (sameSchedule(theirs, ours)) return null;
	if (theirs && !ours) return "schedule: it reads a schedule, we read the sibling as new";
	if (!theirs && ours) return "schedule: we read a schedule, it reads the sibling as new";
	if ("stability" in theirs !== "stability" in ours) return "schedule: SM-2 on one side, FSRS on the other";
	return "schedule: values differ";
}

/** Every reason the card we read at the same place differs from its card (empty: identical). */
function cardReasons(theirs, ours) {
	const reasons = new Set();
	if (theirs.kind !== ours.kind) reasons.add(`kind: it reads ${theirs.kind}, we read ${ours.kind}`);
	if (theirs.siblings.length !== ours.siblings.length) reasons.add("siblings: a different number of siblings");
	const n = Math.min(theirs.siblings.length, ours.siblings.length);
	for (let i = 0; i < n; i++) {
		const a = theirs.siblings[i];
		const b = ours.siblings[i];
		for (const reason of [sideReason(a.question, b.question), sideReason(a.answer, b.answer), scheduleReason(a.schedule, b.schedule)]) {
			if (reason) reasons.add(reason);
		}
	}
	return [...reasons];
}

// ---- Read the same as the user sees it ------------------------------------------------------
//
// A second, wider figure (docs/compatibility.md): a card of its is "the same as the user sees it"
// when a card of ours is the same card (kind, number of siblings, every schedule) and every side
// reads the same once these are set aside, none of which changes what is asked or its schedule:
// - the list bullet, task box or callout '>' it keeps in front of the question (our choice);
// - its '$$' shown as '$' in the text of a deletion (its replacement-pattern defect, format.md),
//   compared with every '$$' read as '$' on both sides;
// - the first line it reports: a card it starts on an invisible one-line HTML comment just above
//   ours (it skips the line after such a comment), or right after a single-line card, on that
//   card's line (its stale first line, see cardsOf).

/** A side as shown: the same text, or the same but for markup in front or its '$$' → '$'. */
function seenSame(theirs, ours) {
	if (tidy(theirs) === tidy(ours)) return true;
	const shown = withoutMarkup(theirs);
	// Its '$$' outside deletions stays '$$': compare with every '$$' read as '$' on both sides.
	return shown === withoutMarkup(ours) || withoutMarkup(theirs.replaceAll("$$", "$")) === withoutMarkup(ours.replaceAll("$$", "$"));
}

/** The same card, read the same as the user sees it (see above). */
function cardSeenSame(theirs, ours) {
	if (theirs.kind !== ours.kind || theirs.siblings.length !== ours.siblings.length) return false;
	return theirs.siblings.every((a, i) => {
		const b = ours.siblings[i];
		return a && b && sameSchedule(a.schedule, b.schedule) && seenSame(a.question, b.question) && seenSame(a.answer, b.answer);
	});
}

/** The card of `byFile` (cards grouped by file) that starts above `line` and runs over it. */
function covering(byFile, file, line) {
	return (byFile.get(file) ?? []).find((card) => card.line < line && line <= card.endLine);
}

function groupByFile(cards) {
	const byFile = new Map();
	for (const card of cards.values()) {
		if (!byFile.has(card.file)) byFile.set(card.file, []);
		byFile.get(card.file).push(card);
	}
	return byFile;
}

const SEPARATOR_KEYS = {
	singleLineCardSeparator: "singleLineSeparator",
	singleLineReversedCardSeparator: "singleLineReversedSeparator",
	multilineCardSeparator: "multiLineSeparator",
	multilineReversedCardSeparator: "multiLineReversedSeparator",
};

/**
 * What the other plugin's settings let a card be written with that our import could not carry
 * over (a separator or cloze pattern it rejected, folders as decks it did not map): the cards
 * written with those are counted apart. Everything the import maps is compared like any card.
 */
function srOnlySettings(srSettingsFile, imported) {
	if (!srSettingsFile) return { markers: [], foldersAsDecks: false };
	const data = JSON.parse(readFileSync(srSettingsFile, "utf8"));
	const settings = (data && data.settings) || data || {};
	const ours = imported.settings;
	const markers = [];
	for (const [key, to] of Object.entries(SEPARATOR_KEYS)) {
		if (typeof settings[key] === "string" && settings[key] !== "" && ours[to] === undefined) markers.push(settings[key]);
	}
	const carried = new Set(ours.clozePatterns ?? []);
	for (const pattern of Array.isArray(settings.clozePatterns) ? settings.clozePatterns : []) {
		const open = String(pattern).trim().split("[")[0];
		if (open && !carried.has(String(pattern).trim())) markers.push(open);
	}
	// Longest first: "::@::" must not be taken for its part ":@:".
	return {
		markers: markers.sort((a, b) => b.length - a.length),
		foldersAsDecks: settings.convertFoldersToDecks === true && ours.foldersAsDecks !== true,
	};
}

/** The lines of a card's text in the note (cached per file). */
function cardText(vault, cache, card) {
	if (!cache.has(card.file)) cache.set(card.file, readFileSync(join(vault, card.file), "utf8").split(/\r\n|\r|\n/u));
	return cache
		.get(card.file)
		.slice(card.line - 1, Math.max(card.line, card.endLine))
		.join("\n");
}

const CALLOUT_HEADER = /^\s*(>\s*)+\[![^\]]+\]/u;
const HEADER_REASON = "only @: its card starts at the callout header above ours (the callout's title is no card text here)";

function compare(theirRows, ourRows, vault, srOnly) {
	const theirs = cardsOf(theirRows);
	const ours = cardsOf(ourRows);
	const theirFiles = groupByFile(theirs);
	const ourFiles = groupByFile(ours);
	const byReason = new Map();
	const note = (reason, card) => {
		if (!byReason.has(reason)) byReason.set(reason, []);
		byReason.get(reason).push(`${card.file}:${card.line}`);
	};
	const files = new Map();
	// A card written with a marker only the other plugin's settings define: that is the reason.
	const settingReason = (card) => {
		const text = cardText(vault, files, card);
		const marker = srOnly.markers.find((m) => text.includes(m));
		return marker === undefined ? undefined : `settings: written with its custom marker "${marker}", which our settings import did not carry over`;
	};
	let identical = 0;
	let identicalSiblings = 0;
	let presentationOnly = 0;
	const seen = new Set();
	// The first card of ours below `card`'s first line and within it (its card that starts above ours).
	const firstOursWithin = (card) =>
		(ourFiles.get(card.file) ?? []).filter((c) => c.line > card.line && c.line <= card.endLine).sort((a, b) => a.line - b.line)[0];
	for (const [key, card] of theirs) {
		const mine = ours.get(key);
		if (mine && card.reportedLine !== card.line) {
			// Its stale first line (cardsOf): compared where its text starts, never identical.
			note("line: its card after a single-line card in the same block reports that card's first line", card);
			if (cardSeenSame(card, mine)) seen.add(key);
			for (const reason of cardReasons(card, mine)) note(reason, card);
			continue;
		}
		const bySetting = mine && cardReasons(card, mine).length === 0 ? undefined : settingReason(card);
		if (bySetting) {
			note(bySetting, card);
			continue;
		}
		if (!mine && srOnly.foldersAsDecks && !ourFiles.has(card.file)) {
			note('settings: its note has no flashcard tag, read through its "folders as decks" setting (decks come from tags here)', card);
			continue;
		}
		if (!mine && /^\s*<!--(?!SR:)/u.test(cardText(vault, files, { ...card, endLine: card.line }))) {
			note("only theirs: its card starts on the one-line HTML comment above ours (it skips the line after a comment)", card);
			const below = firstOursWithin(card);
			if (below && cardSeenSame(card, below)) seen.add(key);
			continue;
		}
		if (!mine && CALLOUT_HEADER.test(cardText(vault, files, { ...card, endLine: card.line }))) {
			note(HEADER_REASON.replace("@", "theirs"), card);
			continue;
		}
		if (!mine && card.kind.startsWith("singleline") && card.siblings.every((row) => tidy(row.question) === "" || tidy(row.answer) === "")) {
			note("only theirs: its single-line card with an empty side (a line that is only the separator, or nothing before it)", card);
			continue;
		}
		if (!mine) {
			const around = covering(ourFiles, card.file, card.line);
			note(
				around
					? `only theirs: its ${card.kind} card lies inside our ${around.kind} card`
					: `only theirs: no card of ours at this line (its ${card.kind})`,
				card,
			);
			continue;
		}
		const reasons = cardReasons(card, mine);
		if (reasons.length === 0) {
			identical++;
			identicalSiblings += card.siblings.length;
		} else if (reasons.every((reason) => reason === PRESENTATION)) {
			// Read the same, only shown without its list bullet or callout marker (by design).
			presentationOnly++;
		}
		if (reasons.length === 0 || cardSeenSame(card, mine)) seen.add(key);
		for (const reason of reasons) note(reason, card);
	}
	for (const [key, card] of ours) {
		if (theirs.has(key)) continue;
		const bySetting = settingReason(card);
		if (bySetting) {
			note(bySetting, card);
			continue;
		}
		const around = covering(theirFiles, card.file, card.line);
		if (around && CALLOUT_HEADER.test(cardText(vault, files, { ...around, endLine: around.line }))) {
			note(HEADER_REASON.replace("@", "ours"), card);
			continue;
		}
		if (around && /^\s*<!--(?!SR:)/u.test(cardText(vault, files, { ...around, endLine: around.line }))) {
			note("only ours: its card starts on the one-line HTML comment above ours (it skips the line after a comment)", card);
			continue;
		}
		// Its parser drops a cloze whose block goes on with a single-line card: the card replaces it.
		if (!around && card.kind === "cloze") {
			let next = card.endLine + 1;
			while (/^\s*(>\s*)+$/u.test(cardText(vault, files, { file: card.file, line: next, endLine: next }))) next++;
			const below = theirs.get(`${card.file}:${next}`);
			if (below && below.kind.startsWith("singleline") && next <= (files.get(card.file)?.length ?? 0)) {
				note("only ours: our cloze right above a single-line card in its block (it drops the cloze for the card)", card);
				continue;
			}
		}
		// It skips a line that starts with a comment and the line after it.
		const startsWithComment = (line) => line >= 1 && /^<!--(?!SR:)/u.test(cardText(vault, files, { file: card.file, line, endLine: line }));
		if (!around && (startsWithComment(card.line) || startsWithComment(card.line - 1))) {
			note("only ours: it skips a line that starts with an HTML comment and the line below it", card);
			continue;
		}
		note(
			around ? `only ours: our ${card.kind} card lies inside its ${around.kind} card` : `only ours: it reads no card at this line (our ${card.kind})`,
			card,
		);
	}
	const reasons = [...byReason.entries()]
		.map(([reason, cards]) => ({ reason, cards: cards.length, examples: cards }))
		.sort((a, b) => b.cards - a.cards || (a.reason < b.reason ? -1 : 1));
	return {
		theirs: { cards: theirs.size, siblings: theirRows.length, scheduled: theirRows.filter((row) => row.schedule).length },
		ours: { cards: ours.size, siblings: ourRows.length, scheduled: ourRows.filter((row) => row.schedule).length },
		identical: { cards: identical, siblings: identicalSiblings },
		presentationOnly,
		sameAsSeen: { cards: seen.size, not: [...theirs.keys()].filter((key) => !seen.has(key)) },
		reasons,
	};
}

/** Schedules the review wrote (ours now ≠ ours in the baseline), and how many it reads back. */
function readBack(baselineRows, ourRows, theirRows) {
	const key = (row) => `${row.file}:${row.line}:${row.sibling}`;
	const before = new Map(baselineRows.map((row) => [`${row.file}:${row.question}:${row.answer}:${row.sibling}`, row.schedule]));
	const theirs = new Map(theirRows.map((row) => [key(row), row]));
	let written = 0;
	let same = 0;
	const missed = [];
	for (const row of ourRows) {
		if (!row.schedule || sameSchedule(before.get(`${row.file}:${row.question}:${row.answer}:${row.sibling}`) ?? null, row.schedule)) continue;
		written++;
		const other = theirs.get(key(row));
		if (other && sameSchedule(other.schedule, row.schedule)) same++;
		else missed.push(`${row.file}:${row.line}${row.sibling ? ` #${row.sibling + 1}` : ""}`);
	}
	return { written, readBack: same, missed };
}

/**
 * Schedules the other plugin's review wrote (`wrote` in its rows), how many its own parser reads
 * back (control) and how many we read back the same. Its cards are paired with ours as in
 * compare(): same first line (its stale line after a single-line card relocated by cardsOf), or
 * for its card that starts on a one-line HTML comment, our first card below within it. Where its
 * own parser does not read back what it wrote, `sameAsItReads` says whether we read what it reads.
 */
function readBackOurs(writtenRows, theirRows, ourRows) {
	const theirs = cardsOf(theirRows);
	const ours = cardsOf(ourRows);
	const ourFiles = groupByFile(ours);
	let written = 0;
	let control = 0;
	let same = 0;
	let asIt = 0;
	const missed = [];
	for (const [key, card] of cardsOf(writtenRows)) {
		const mine =
			ours.get(key) ?? (ourFiles.get(card.file) ?? []).filter((c) => c.line > card.line && c.line <= card.endLine).sort((a, b) => a.line - b.line)[0];
		card.siblings.forEach((row, i) => {
			if (!row?.wrote) return;
			written++;
			const itReads = theirs.get(key)?.siblings[i]?.schedule ?? null;
			if (sameSchedule(itReads, row.wrote)) control++;
			if (mine?.siblings[i] && sameSchedule(mine.siblings[i].schedule, itReads)) asIt++;
			if (mine?.siblings[i] && sameSchedule(mine.siblings[i].schedule, row.wrote)) same++;
			else missed.push(`${row.file}:${row.line}${i ? ` #${i + 1}` : ""}`);
		});
	}
	return { written, control, readBack: same, sameAsItReads: asIt, missed };
}

function report(vault, result, options, settingsNotes, roundTrip, written) {
	const lines = [];
	lines.push(`vault: ${vault}`);
	lines.push(`cards it reads:      ${result.theirs.cards} (${result.theirs.siblings} siblings, ${result.theirs.scheduled} with a schedule)`);
	lines.push(`cards we read:       ${result.ours.cards} (${result.ours.siblings} siblings, ${result.ours.scheduled} with a schedule)`);
	lines.push(`read identically:    ${result.identical.cards} cards (${result.identical.siblings} siblings): same line, kind, sides and schedules`);
	lines.push(`  and ${result.presentationOnly} more the same but for the list bullet or callout '>' it keeps in the question`);
	lines.push(
		`read the same as the user sees it: ${result.sameAsSeen.cards} cards (also the bullet, its '$$' shown as '$' in deletions, its first line on a comment or a single-line card above)`,
	);
	if (roundTrip) {
		lines.push(`schedules we wrote:  ${roundTrip.written}; it reads back the same schedule for ${roundTrip.readBack}`);
		if (roundTrip.missed.length)
			lines.push(`  not read back: ${roundTrip.missed.slice(0, options.examples).join(", ")}${roundTrip.missed.length > options.examples ? ", …" : ""}`);
	}
	if (written) {
		lines.push(
			`schedules it wrote:  ${written.written}; its parser reads back ${written.control}; we read back the same schedule for ${written.readBack}; we read what it reads for ${written.sameAsItReads}`,
		);
		if (written.missed.length)
			lines.push(
				`  not read back by us: ${written.missed.slice(0, options.examples).join(", ")}${written.missed.length > options.examples ? ", …" : ""}`,
			);
	}
	if (settingsNotes.length) lines.push(`settings import: ${settingsNotes.join(" ")}`);
	if (result.reasons.length) {
		lines.push("differences (cards, reason, examples):");
		for (const { reason, cards, examples } of result.reasons) {
			const shown = examples.slice(0, options.examples).join(", ") + (examples.length > options.examples ? ", …" : "");
			lines.push(`  ${String(cards).padStart(6)}  ${reason}  [${shown}]`);
		}
	}
	return lines.join("\n") + "\n";
}

async function generate(options) {
	const [dir] = options.paths;
	if (!dir) fail("generate needs a folder");
	const work = mkdtempSync(join(tmpdir(), "compare-sr-"));
	try {
		const generator = await bundle("bench/vault-generator.ts", work, "vault-generator.cjs");
		createRequire(import.meta.url)(generator).generateVault(resolve(dir), { notes: options.notes, cardsPerNote: 12, seed: options.seed });
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

async function main() {
	const argv = process.argv.slice(2);
	if (argv[0] === "generate") return generate(parseArgs(argv.slice(1)));
	const options = parseArgs(argv);
	if (options.paths.length !== 1) fail("give one vault folder");
	if (!options.srParser) fail("name the other plugin's parser bundle with --sr-parser FILE or SR_PARSER (docs/compatibility.md)");
	const vault = resolve(options.paths[0]);
	if (!existsSync(vault) || !statSync(vault).isDirectory()) fail(`no such folder: ${vault}`);
	const srSettings = options.srSettings || (existsSync(join(vault, SR_SETTINGS)) ? join(vault, SR_SETTINGS) : "");
	const now = options.now || new Date().toISOString().slice(0, 10);
	const work = mkdtempSync(join(tmpdir(), "compare-sr-"));
	try {
		const require = createRequire(import.meta.url);
		const cli = await bundle("src/cli/main.ts", work, "spaced-notes.cjs");
		const { importSpacedRepetitionSettings } = require(await bundle("src/settings/import-sr.ts", work, "import-sr.cjs"));
		const mine = ourVault(vault, srSettings, work, importSpacedRepetitionSettings);
		const cards = (dir) => runJson(process.execPath, [cli, "cards", dir, "--json", "--now", now]);
		const ourRows = cards(mine.dir);
		const theirRows = runJson(process.execPath, [resolve(options.srParser), vault, "--now", now, ...(srSettings ? ["--settings", srSettings] : [])]);
		const imported = srSettings ? importSpacedRepetitionSettings(JSON.parse(readFileSync(srSettings, "utf8"))) : { settings: {} };
		const result = compare(theirRows, ourRows, vault, srOnlySettings(srSettings, imported));
		let roundTrip;
		if (options.baseline) {
			const base = ourVault(resolve(options.baseline), srSettings, join(work, "baseline"), importSpacedRepetitionSettings);
			roundTrip = readBack(cards(base.dir), ourRows, theirRows);
		}
		const written = options.written ? readBackOurs(JSON.parse(readFileSync(resolve(options.written), "utf8")), theirRows, ourRows) : undefined;
		if (options.json) process.stdout.write(JSON.stringify({ vault, now, ...result, roundTrip, written, settingsNotes: mine.notes }, null, 1) + "\n");
		else process.stdout.write(report(vault, result, options, mine.notes, roundTrip, written));
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

await main();
