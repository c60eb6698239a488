/**
 * Reading every card of a note (docs/format.md). `parseNote` is pure and never throws: bad
 * input becomes a `NoteProblem`. Two linear passes: `findRegions` classifies the lines, then
 * `CardBuilder` reads the blocks; tags and headings are collected in between.
 */
import type { ParserSettings } from "../settings/settings";
import { flashcardTagsOf, resolveDecks } from "../decks/resolve";
import { folderDeckOf } from "../decks/folders";
import { isNoteIncluded } from "../decks/note-filter";
import type { Card, NoteProblem, ParsedNote } from "../model/card";
import { Char } from "../model/char-codes";
import { CardBuilder } from "./build-cards";
import { clozePatternsOf } from "./cloze-patterns";
import { separatorsOf } from "./separators";
import { containerOf } from "./container";
import { withoutEmphasis } from "./emphasis";
import { linesWithStarts } from "./lines";
import { Mark, markLines } from "./line-marks";
import { findRegions } from "./regions";
import { LineKind, needlesOf, type NoteRegions } from "./line-kinds";
import { frontmatterTags, headingOf, tagsInLine } from "./tags-in-note";

export interface ParseOptions {
	/** Vault-relative path, e.g. `notes/docker.md`; its file name is the note name. */
	path: string;
	settings: ParserSettings;
	/**
	 * For the index only: the same cards, kinds, lines, decks, comments and siblings, but without
	 * the text the index never reads: `source`, `context`, a multi-line card's `back` and the
	 * siblings' questions and answers of clozes are empty. About a tenth of the parse is saved.
	 */
	textless?: boolean;
}

interface BodyInfo {
	/** Tags in the body, in order. */
	tags: string[];
	/** Body lines holding flashcard tags, in increasing line order, with those tags. */
	tagLines: { line: number; tags: string[] }[];
	headings: { line: number; level: number; text: string }[];
}

/** Reads a note: its tags, whether it is included, its cards and its problems. */
export function parseNote(text: string, options: ParseOptions): ParsedNote {
	try {
		return parse(text, options);
	} catch {
		// A safety net only: the passes below are written not to throw on any input.
		return { tags: [], included: false, cards: [], problems: [] };
	}
}

/** The note name of a vault-relative path: the file name without `.md`. */
export function noteName(path: string): string {
	// A backward loop: lastIndexOf is a slow runtime call, and this runs once per note.
	let start = path.length;
	while (start > 0 && path.charCodeAt(start - 1) !== Char.Slash && path.charCodeAt(start - 1) !== Char.Backslash) start--;
	const end = path.length;
	const md =
		end - start >= 3 &&
		path.charCodeAt(end - 3) === Char.Dot &&
		(path.charCodeAt(end - 2) | 32) === Char.LowerM &&
		(path.charCodeAt(end - 1) | 32) === Char.LowerD;
	return path.slice(start, md ? end - 3 : end);
}

function parse(text: string, { path, settings, textless = false }: ParseOptions): ParsedNote {
	const { lines, starts } = linesWithStarts(text);
	const regions = findRegions(lines, settings.endMarker, needlesOf(text));
	const marks = markLines(text, starts, needlesFor(settings));
	const fmTags = regions.frontmatterEnd > 0 ? frontmatterTags(lines, 1, regions.frontmatterEnd - 1) : [];
	const body = readBody(lines, regions, marks, settings.flashcardTags, !textless);
	const tags = uniqueTags(fmTags, body.tags);
	const noteFlashcardTags = flashcardTagsOf(tags, settings.flashcardTags);
	if (!isNoteIncluded(path, tags, settings, noteFlashcardTags.length > 0)) return { tags, included: false, cards: [], problems: [] };

	const builder = new CardBuilder(lines, regions, settings, marks, !textless).run();
	const cards: Card[] = [];
	const fmFlashcardTags = flashcardTagsOf(fmTags, settings.flashcardTags);
	const firstNoteTag = noteFlashcardTags[0] ?? null;
	// Folders as decks: every card of a note in a folder sits in the folder's deck, whatever its tags.
	const folderDeck = settings.foldersAsDecks ? folderDeckOf(path) : null;
	const folderDecks = folderDeck === null ? null : [folderDeck];
	const name = noteName(path);
	const chain: string[] = [];
	let heading = 0;
	let tagLine = -1;
	// The tag line of rule 2: the last one above the card that lies outside every card.
	let nearestTags = -1;
	const insideCard = tagLinesInCards(body.tagLines, builder.cards);
	// Context and decks change only at headings and tag lines: compute them once per change.
	let context = [name];
	// The chain of `context` was cut at this length by a heading on a card's first line.
	let contextCut = -1;
	let decks: string[] | null = null;
	for (const { card, leadingTag, callouts } of builder.cards) {
		let headingMoved = false;
		while (heading < body.headings.length && body.headings[heading].line < card.startLine) {
			const h = body.headings[heading++];
			chain.length = Math.min(chain.length, h.level - 1);
			while (chain.length < h.level - 1) chain.push("");
			chain.push(h.text);
			headingMoved = true;
		}
		// A heading on the card's own first line is its question, not its context: it only ends
		// the sections of its level and below (the previous `### Commands` is not context of `## 6`).
		const own = heading < body.headings.length && body.headings[heading].line === card.startLine ? body.headings[heading].level - 1 : chain.length;
		const cut = Math.min(own, chain.length);
		if (textless) context = NO_CONTEXT;
		else if (headingMoved || cut !== contextCut) {
			context = [name];
			for (let d = 0; d < cut; d++) if (chain[d] !== "") context.push(chain[d]);
			contextCut = cut;
		}
		while (tagLine + 1 < body.tagLines.length && body.tagLines[tagLine + 1].line < card.startLine) {
			tagLine++;
			// A tag on a card's own lines is that card's (its leading tag), never the cards' below.
			if (insideCard[tagLine] === 0) {
				nearestTags = tagLine;
				decks = null;
			}
		}
		// Cards of one section share their context and decks arrays (cards are never changed in place).
		card.context = callouts.length > 0 ? context.concat(callouts) : context;
		if (folderDecks) {
			card.decks = folderDecks;
		} else if (leadingTag) {
			card.decks = resolveDecks({ leadingTag, nearestLineTags: [], frontmatterTags: [], firstNoteTag: null });
		} else {
			decks ??= resolveDecks({
				leadingTag: null,
				nearestLineTags: nearestTags >= 0 ? body.tagLines[nearestTags].tags : [],
				frontmatterTags: fmFlashcardTags,
				firstNoteTag,
			});
			card.decks = decks;
		}
		cards.push(card);
	}
	const problems: NoteProblem[] = regions.problems.length === 0 ? builder.problems : regions.problems.concat(builder.problems);
	if (cards.length === 0 && noteFlashcardTags.length > 0) {
		const first = body.tagLines[0]?.line ?? 0;
		problems.push({ code: "tagged-without-cards", line: first, message: "The note has a flashcard tag but no cards." });
	}
	if (problems.length > 1) problems.sort((a, b) => a.line - b.line);
	return { tags, included: true, cards, problems };
}

/** Tags and headings of the body: text lines outside code, comments and math. */
function readBody(lines: readonly string[], regions: NoteRegions, marks: Uint8Array, flashcardTags: readonly string[], headingText: boolean): BodyInfo {
	const info: BodyInfo = { tags: [], tagLines: [], headings: [] };
	const { kind, visible } = regions;
	for (let i = regions.frontmatterEnd + 1; i < lines.length; i++) {
		if (kind[i] !== LineKind.Text || (marks[i] & Mark.Hash) === 0) continue;
		const line = visible[i];
		if (line.indexOf("#") < 0) continue;
		const { contentStart, depth } = containerOf(line);
		const content = contentStart > 0 ? line.slice(contentStart) : line;
		if (depth === 0) {
			const trimmed = content.trimStart();
			const h = headingOf(trimmed.length >= content.length - 3 ? trimmed : content);
			if (h) info.headings.push({ line: i, level: h.level, text: headingText ? withoutEmphasis(h.text) : "" });
		}
		const found = tagsInLine(content);
		if (found.length === 0) continue;
		info.tags.push(...found);
		const flash = flashcardTagsOf(found, flashcardTags);
		if (flash.length > 0) info.tagLines.push({ line: i, tags: flash });
	}
	return info;
}

/** 1 for each tag line that lies on a card's lines, else 0 (both lists are in line order). */
function tagLinesInCards(tagLines: readonly { line: number }[], cards: readonly { card: Card }[]): Uint8Array {
	const inside = new Uint8Array(tagLines.length);
	let c = 0;
	for (let t = 0; t < tagLines.length; t++) {
		const line = tagLines[t].line;
		while (c < cards.length && cards[c].card.endLine < line) c++;
		if (c < cards.length && cards[c].card.startLine <= line) inside[t] = 1;
	}
	return inside;
}

const NO_CONTEXT: string[] = [];

/**
 * The needles whose lines {@link markLines} marks: the single-line separators, tags, scheduling
 * comments and the openers of the cloze patterns in use.
 */
function needlesFor(settings: ParserSettings): readonly [string, number][] {
	// Both are cached while the settings stay the same: build the list once for them, not per note.
	const separators = separatorsOf(settings);
	const patterns = clozePatternsOf(settings);
	if (lastNeedles !== null && lastNeedles.separators === separators && lastNeedles.patterns === patterns) return lastNeedles.needles;
	const needles: [string, number][] = [
		["#", Mark.Hash],
		["<!--SR:", Mark.Scheduling],
	];
	for (const probe of separators.probes) needles.push([probe, Mark.Colons]);
	for (const { opener } of patterns) needles.push([opener, Mark.Cloze]);
	lastNeedles = { separators, patterns, needles };
	return needles;
}

let lastNeedles: { separators: object; patterns: readonly unknown[]; needles: readonly [string, number][] } | null = null;

/** The tags of `first` then `second`, each once, in order (no Set for the usual few tags). */
function uniqueTags(first: readonly string[], second: readonly string[]): string[] {
	const out: string[] = [];
	if (first.length + second.length > 32) {
		const seen = new Set<string>();
		for (const tags of [first, second]) for (const tag of tags) if (!seen.has(tag)) out.push((seen.add(tag), tag));
		return out;
	}
	for (const tag of first) if (!out.includes(tag)) out.push(tag);
	for (const tag of second) if (!out.includes(tag)) out.push(tag);
	return out;
}
