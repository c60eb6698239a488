/**
 * Note review speed (docs/scheduling.md, "Note review"): building the queue of a vault of 20,000
 * notes with 60,000 links (link ranks included), as the plugin does after a change, and rating
 * one note's text (read, schedule, write its frontmatter lines). Targets: the queue ≤ 150 ms,
 * one rating ≤ 1 ms.
 */
import { Rating } from "../src/model/schedule";
import type { NoteFacts } from "../src/notes/note-vault";
import { noteVault } from "../src/notes/note-vault";
import { rateNoteText } from "../src/notes/review-note";
import { DEFAULT_SETTINGS } from "../src/settings/settings";
import { atMost, medianTime, pick, repeat, RUNS, runsNote, show } from "./measure";

const NOW = new Date(2026, 2, 10, 12);
const settings = { ...DEFAULT_SETTINGS, algorithm: "sm2" as const };
const count = pick(20_000, 5_000);

/** A vault: every note links to three others; two in three are tagged for review, half of those scheduled. */
function vault(n: number): NoteFacts[] {
	const notes: NoteFacts[] = [];
	for (let i = 0; i < n; i++) {
		const links = new Map<string, number>();
		for (const step of [1, 7, 131]) links.set(`notes/n${(i * 31 + step) % n}.md`, 1 + (i % 2));
		const scheduled = i % 2 === 0;
		notes.push({
			path: `notes/n${i}.md`,
			tags: i % 3 === 0 ? ["#other"] : ["#review"],
			schedule: {
				classic: scheduled
					? { type: "classic", due: `2026-03-${String(1 + (i % 28)).padStart(2, "0")}`, interval: 1 + (i % 30), ease: 230 + (i % 5) * 10 }
					: null,
				fsrs: null,
			},
			links,
			cardEases: i % 10 === 0 ? [250, 270] : [],
		});
	}
	return notes;
}

const notes = vault(count);
for (let i = 0; i < pick(3, 1); i++) noteVault(notes, NOW, settings); // warm up the JIT
const build = repeat(RUNS, () => medianTime(pick(5, 2), () => noteVault(notes, NOW, settings)));
const v = noteVault(notes, NOW, settings);
const text = "---\ntitle: A note\ntags: [review]\nsr-due: 2026-03-08\nsr-interval: 4\nsr-ease: 250\n---\n# A note\n\n" + "Some text of the note.\n".repeat(200);
const rate = repeat(RUNS, () =>
	medianTime(pick(2000, 300), () =>
		rateNoteText(text, Rating.Good, NOW, settings, { path: "notes/n1.md", deck: "#review", initialEase: 250, dueOn: v.queue.dueOn }),
	),
);
console.log(runsNote());
console.log(
	`note queue, ${count.toLocaleString("en")} notes, ${(count * 3).toLocaleString("en")} links: median ${show(build)}  ${atMost(build, 150, "≤ 150 ms")}`,
);
console.log(`first ease of a new note (ranks already built): ${v.firstEase("notes/n1.md")}`);
console.log(`one note rated (200-line note): median ${show(rate, 3)}  ${atMost(rate, 1, "≤ 1 ms")}`);
