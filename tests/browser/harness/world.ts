// The harness's fixed world: its clock and settings, the example notes indexed with an FSRS note beside them, a review log.
import { parseNote } from "../../../src/cards/parse";
import { CardIndex } from "../../../src/index/card-index";
import { siblingTexts } from "../../../src/browse/note-texts";
import { normaliseSettings } from "../../../src/settings/settings";
import { formatLogLine, type LogEntry } from "../../../src/stats/log-format";
import { mergeLogs, type MergedLog } from "../../../src/stats/merge";
import clozes from "../../../examples/vault/clozes.md";
import multistage from "../../../examples/vault/docker/docker-multistage.md";
import layers from "../../../examples/vault/docker/layers-and-lists.md";
import german from "../../../examples/vault/languages/german-basics.md";

export const NOW = new Date(2026, 2, 10, 12, 0);
export const SETTINGS = normaliseSettings({
	flashcardTags: ["#space", "#flashcards"],
	clozeKinds: ["highlight", "curly"],
	endMarker: "+++",
	savedFilters: [
		{ name: "Docker, due", expression: "#space/docker due" },
		{ name: "Languages, new", expression: "#flashcards/languages new" },
		{ name: "Broken", expression: "#space oops" },
	],
});

/** A note with FSRS schedules beside the examples (SM-2 only), so the browser shows both. */
const FSRS_NOTE = [
	"#space/docker/build",
	"",
	"What does `docker build --target` choose?::The stage the build stops at <!--SR:!fsrs,2026-03-22T09:00:00.000Z,12,14.2,6.1,2,5,1,0,2026-03-10T09:00:00.000Z-->",
	"Which instruction starts a new build stage?::FROM <!--SR:!fsrs,2026-03-09T09:00:00.000Z,30,31.5,4.2,2,4,0,0,2026-02-07T09:00:00.000Z-->",
	"What does BuildKit cache a RUN step by?::Its command line and the files it depends on <!--SR:!fsrs,2026-03-10T12:30:00.000Z,0,1.1,7.9,3,9,3,0,2026-03-10T12:20:00.000Z-->",
].join("\n");

/** The example notes and the FSRS note, indexed, with their texts. */
export function exampleWorld(): { index: CardIndex; texts: Map<string, string> } {
	const texts = new Map<string, string>([
		["clozes.md", clozes],
		["docker/build-stages.md", FSRS_NOTE],
		["docker/docker-multistage.md", multistage],
		["docker/layers-and-lists.md", layers],
		["languages/german-basics.md", german],
	]);
	const index = new CardIndex({ flashcardTags: SETTINGS.flashcardTags, dayStartHour: SETTINGS.nextDayStartsAt });
	for (const [path, text] of texts) {
		const parsed = parseNote(text, { path, settings: SETTINGS });
		if (parsed.included) index.setFile(path, { tags: parsed.tags, cards: parsed.cards });
	}
	return { index, texts };
}

/** Five answers to the first FSRS card over a month, with FSRS's memory after each. */
export function exampleLog(texts: Map<string, string>): MergedLog {
	const path = "docker/build-stages.md";
	const id = siblingTexts(path, parseNote(texts.get(path) ?? "", { path, settings: SETTINGS }).cards)[0][0].id;
	const answers: [number, number, 1 | 2 | 3 | 4, 0 | 1 | 2 | 3, number, number, number, number | undefined][] = [
		// day of February, hour, rating, state before, interval, stability, difficulty, retrievability
		[1, 9, 3, 0, 0, 0.4, 6.4, undefined],
		[1, 9.2, 3, 1, 2, 2.3, 6.4, undefined],
		[3, 18, 1, 2, 0, 0.9, 7.3, 0.84],
		[4, 8, 3, 3, 4, 3.8, 7.1, undefined],
		[8, 21, 3, 2, 12, 14.2, 6.1, 0.9],
	];
	const entries: LogEntry[] = answers.map(([day, hour, rating, state, interval, stability, difficulty, retrievability]) => ({
		kind: "review",
		time: new Date(2026, 1, day, Math.floor(hour), Math.round((hour % 1) * 60)).getTime(),
		card: id,
		deck: "space/docker/build",
		rating,
		state,
		elapsedDays: 0,
		scheduledDays: interval,
		durationMs: 4000 + 1700 * day,
		memory: retrievability === undefined ? { stability, difficulty } : { stability, difficulty, retrievability },
	}));
	entries.push({ kind: "cram", time: new Date(2026, 2, 1, 20, 0).getTime(), card: id, deck: "space/docker/build", rating: 4, durationMs: 2500 });
	return mergeLogs([{ name: "harness.jsonl", text: entries.map(formatLogLine).join("\n") }]);
}
