/**
 * Live Preview decoration update time while typing in a 5,000-line card note (target: median
 * ≤ 2 ms per keystroke). Measures what the extension does per keystroke — map the marks through
 * the change and build the visible decorations — and, for comparison, the full parse it runs
 * after a pause (and would run per keystroke without the delay). Each run starts from a fresh
 * editor state (bench/measure.ts gives the number of runs); quick mode: a 1,000-line note and
 * fewer keystrokes.
 */
import { EditorSelection, EditorState } from "@codemirror/state";
import { performance } from "node:perf_hooks";
import { CardDecorationModel } from "../src/obsidian/card-decorations/model";
import { DEFAULT_SETTINGS } from "../src/settings/settings";
import { atMost, median, percentile, pick, repeat, RUNS, runsNote, show, time } from "./measure";

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

const text = note(pick(5000, 1000));
const keystrokes = pick(1000, 300);
const typed = "The quick brown fox jumps over the lazy dog, then :: and ? and <!--SR: too. ";

interface Run {
	firstParse: number;
	keystroke: { median: number; p95: number; max: number };
	reparse: { median: number; p95: number };
	decorations: number;
	lines: number;
	marks: number;
}

/** One run: a fresh editor state and model, `keystrokes` typed, then `reparses` full parses. */
function run(): Run {
	let state = EditorState.create({ doc: text });
	const model = new CardDecorationModel({ getSettings: () => settings, now: () => new Date(2025, 5, 10, 12), onChipClick: null });
	const firstParse = time(() => model.reparse(state.doc, "bench/note.md"));
	const lines = state.doc.lines;
	const marks = model.size;
	// Type in the middle of the note, one character per keystroke, with ~60 visible lines around it.
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
	// The parse after a pause, and what parsing on every keystroke would cost.
	const parses: number[] = [];
	for (let r = 0; r < pick(30, 10); r++) parses.push(time(() => model.reparse(state.doc, "bench/note.md")));
	return {
		firstParse,
		keystroke: { median: median(perKeystroke), p95: percentile(perKeystroke, 0.95), max: Math.max(...perKeystroke) },
		reparse: { median: median(parses), p95: percentile(parses, 0.95) },
		decorations,
		lines,
		marks,
	};
}

run(); // not counted: the JIT warms up
const runs = repeat(RUNS, run);
const of = (figure: (r: Run) => number) => runs.map(figure);
const keystroke = of((r) => r.keystroke.median);
console.log(runsNote());
console.log(
	`note: ${runs[0].lines} lines, ${runs[0].marks} marks; first parse of a fresh model ${show(
		of((r) => r.firstParse),
		2,
	)}`,
);
console.log(
	`per keystroke (map marks + visible decorations, ${runs[0].decorations} in view, median of ${keystrokes} keystrokes per run): median ${show(keystroke, 3)}, p95 ${show(
		of((r) => r.keystroke.p95),
		3,
	)}, max ${show(
		of((r) => r.keystroke.max),
		3,
	)}  ${atMost(keystroke, 2, "median ≤ 2 ms")}`,
);
console.log(
	`full re-parse (after a 200 ms pause): median ${show(
		of((r) => r.reparse.median),
		2,
	)}, p95 ${show(
		of((r) => r.reparse.p95),
		2,
	)}`,
);
console.log(
	`re-parsing on every keystroke instead would cost about ${show(
		of((r) => r.reparse.median + r.keystroke.median),
		2,
	)} per keystroke`,
);
