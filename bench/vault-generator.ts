/**
 * A seeded synthetic vault for benchmarks: notes with a mix of single-line, reversed, multi-line
 * and cloze cards, code blocks with blank lines, callouts, headings and scheduling comments.
 * The same seed always writes the same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { mulberry32 } from "../src/model/random";
import { join } from "node:path";

export interface VaultOptions {
	notes: number;
	cardsPerNote: number;
	seed: number;
}

const WORDS = [
	"docker",
	"image",
	"layer",
	"stage",
	"build",
	"runtime",
	"cache",
	"volume",
	"network",
	"compose",
	"registry",
	"tag",
	"scratch",
	"distroless",
	"shell",
	"binary",
];

/** Writes `options.notes` notes of `options.cardsPerNote` cards each into `dir` (10 sub-folders). */
export function generateVault(dir: string, options: VaultOptions): void {
	const next = mulberry32(options.seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
	const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(" ");
	const comment = (siblings: number): string => {
		if (next() < 0.3) return "";
		const segment = (): string =>
			next() < 0.7
				? `!2025-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)},${1 + Math.floor(next() * 60)},${130 + Math.floor(next() * 200)}`
				: `!fsrs,2025-06-0${1 + Math.floor(next() * 9)}T08:00:00.000Z,3,3.2,5.1,2,4,1,0,2025-05-29T08:00:00.000Z`;
		return `<!--SR:${Array.from({ length: siblings }, segment).join("")}-->`;
	};
	for (let f = 0; f < 10; f++) mkdirSync(join(dir, `folder-${f}`), { recursive: true });
	for (let n = 0; n < options.notes; n++) {
		const out: string[] = ["---", `tags: [flashcards/${pick(WORDS)}]`, "---", `# Note ${n}`, ""];
		for (let c = 0; c < options.cardsPerNote; c++) {
			if (c % 3 === 0) out.push(`## ${words(3)}`, "");
			const kind = next();
			if (kind < 0.3) {
				const sr = comment(1);
				out.push(`${words(5)}::${words(8)}${sr ? ` ${sr}` : ""}`);
			} else if (kind < 0.4) {
				out.push(`${words(4)}:::${words(4)}`, comment(2));
			} else if (kind < 0.75) {
				out.push(`What about ${words(4)}?`, "?", `- ${words(10)}`, `- ${words(8)} \`${pick(WORDS)}\``);
				if (next() < 0.4) out.push("```dockerfile", `FROM ${pick(WORDS)}:1.0 AS build`, "", `RUN make ${pick(WORDS)}`, "```");
				out.push(comment(1));
			} else if (kind < 0.85) {
				out.push(`> [!question] ${words(3)}`, `> ${words(6)}`, "> ?", `> ${words(9)}`, `> ${comment(1)}`);
			} else {
				out.push(`The ==${pick(WORDS)}== is built from ==${pick(WORDS)}== ${words(6)}.`, comment(2));
			}
			out.push("");
			if (next() < 0.1) out.push(`Plain text ${words(12)}`, "");
		}
		writeFileSync(join(dir, `folder-${n % 10}`, `note-${n}.md`), out.filter((l, i, a) => l !== "" || a[i - 1] !== "").join("\n"));
	}
}
