/**
 * Live Preview decoration update time while typing in a 5,000-line card note (target: median
 * ≤ 2 ms per keystroke). Measures what the extension does per keystroke — map the marks through
 * the change and build the visible decorations — and, for comparison, the full parse it runs
 * after a pause (and would run per keystroke without the delay).
 */
import { EditorSelection, EditorState } from "@codemirror/state";
import { performance } from "node:perf_hooks";
import { CardDecorationModel } from "../src/obsidian/card-decorations/model";
import { DEFAULT_SETTINGS } from "../src/settings/settings";

const settings = { ...DEFAULT_SETTINGS };

/** A deterministic note of about `lines` lines: every card kind, half of them with comments. */
function note(lines: number): string {
	const out = ["---", "tags: [flashcards/bench]", "---", "# Bench note", ""];
	let i = 0;
	while (out.length < lines) {
		const sr = i % 2 === 0 ? ` <!--SR:!2025-0${1 + (i % 9)}-1${i % 10},${1 + (i % 40)},250-->` : "";
		const fsrs = "<!--SR:!fsrs,2025-06-13T09:00:00.000Z,3,3.2,5.1,2,4,1,0,2025-06-10T08:00:00.000Z-->";
		switch (i % 5) {
			case 0:
				out.push(`Question ${i} about layers::answer ${i} with \`code::span\`${sr}`, "");
				break;
			case 1:
				out.push(`Term ${i}:::definition ${i}${sr}`, "");
				break;
			case 2:
				out.push(
					`## Section ${i}`,
					`Multi-line question ${i}`,
					"with a second line",
					"?",
					`Answer ${i}`,
					"```sh",
					"docker build .",
					"",
					"```",
					fsrs,
					"",
				);
				break;
			case 3:
				out.push(`A ==cloze ${i}== in a sentence with ==two== deletions`, `<!--SR:!2025-06-01,4,230!2025-06-02,5,230-->`, "");
				break;
			default:
				out.push(`> [!note] Callout ${i}`, `> Callout question ${i}::callout answer${sr}`, "", `Plain prose line ${i} without any card.`, "");
		}
		i++;
	}
	return out.join("\n");
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const text = note(5000);
let state = EditorState.create({ doc: text });
const model = new CardDecorationModel({ getSettings: () => settings, now: () => new Date(2025, 5, 10, 12), onChipClick: null });

const parseStart = performance.now();
model.reparse(state.doc, "bench/note.md");
const firstParse = performance.now() - parseStart;
console.log(`note: ${state.doc.lines} lines, ${model.size} marks; first parse ${firstParse.toFixed(2)} ms`);

// Type in the middle of the note, one character per keystroke, with ~60 visible lines around it.
const typed = "The quick brown fox jumps over the lazy dog, then :: and ? and <!--SR: too. ";
const keystrokes = 1000;
let cursor = state.doc.line(Math.floor(state.doc.lines / 2)).to;
const perKeystroke: number[] = [];
let decorations = 0;
for (let k = 0; k < keystrokes; k++) {
	const tr = state.update({
		changes: { from: cursor, insert: typed[k % typed.length] },
		selection: EditorSelection.cursor(cursor + 1),
		userEvent: "input.type",
	});
	const start = performance.now();
	model.mapChanges(tr.changes);
	const line = tr.state.doc.lineAt(cursor).number;
	const from = tr.state.doc.line(Math.max(1, line - 30)).from;
	const to = tr.state.doc.line(Math.min(tr.state.doc.lines, line + 30)).to;
	decorations = model.decorations(tr.state, [{ from, to }], "chip").size;
	perKeystroke.push(performance.now() - start);
	state = tr.state;
	cursor++;
}
console.log(
	`per keystroke (map marks + visible decorations, ${decorations} in view): median ${median(perKeystroke).toFixed(3)} ms, p95 ${percentile(perKeystroke, 0.95).toFixed(3)} ms, max ${Math.max(...perKeystroke).toFixed(3)} ms (target median ≤ 2 ms)`,
);

// The parse after a pause, and what parsing on every keystroke would cost.
const parses: number[] = [];
for (let r = 0; r < 30; r++) {
	const start = performance.now();
	model.reparse(state.doc, "bench/note.md");
	parses.push(performance.now() - start);
}
console.log(`full re-parse (after a 200 ms pause): median ${median(parses).toFixed(2)} ms, p95 ${percentile(parses, 0.95).toFixed(2)} ms`);
const full = median(parses) + median(perKeystroke);
console.log(`re-parsing on every keystroke instead would cost about ${full.toFixed(2)} ms per keystroke`);
if (median(perKeystroke) > 2) {
	console.log("FAIL: median per-keystroke update above 2 ms");
	process.exitCode = 1;
}
