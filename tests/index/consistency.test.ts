import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CardIndex, type NoteForIndex } from "../../src/index/card-index";
import { selectSiblings } from "../../src/index/query";
import { card, classic, fsrs, NEW, noteForIndex } from "../builders";
import { snapshot } from "./snapshot";

const NOW = new Date(2026, 2, 10, 12, 0);
const options = { flashcardTags: ["#space"], dayStartHour: 4 };

const pathArb = fc.constantFrom("a.md", "b.md", "dir/c.md", "dir/D.md", "e.md");
const deckArb = fc.constantFrom("space", "Space/Docker", "space/docker", "space/docker/build", "space/K8s", "");
const segmentArb = fc.oneof(
	fc.constant(NEW),
	fc.constantFrom("2026-03-01", "2026-03-10", "2026-04-01").map((d) => classic(d)),
	fc
		.tuple(fc.constantFrom("2026-03-10T11:00:00Z", "2026-03-20T11:00:00Z"), fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3))
		.map(([d, s]) => fsrs(d, { state: s })),
);
const cardArb = fc.tuple(fc.array(deckArb, { maxLength: 2 }), fc.array(segmentArb, { minLength: 1, maxLength: 3 }));
const noteArb: fc.Arbitrary<NoteForIndex> = fc
	.tuple(fc.array(fc.constantFrom("#space", "#done-space", "#Todo", "#todo/x"), { maxLength: 3 }), fc.array(cardArb, { maxLength: 4 }))
	.map(([tags, cards]) =>
		noteForIndex({ tags, cards: cards.map(([decks, segments], i) => card({ decks: decks.filter((d) => d !== ""), segments, startLine: i * 2 })) }),
	);

type Op = { op: "write"; path: string; note: NoteForIndex } | { op: "rename"; from: string; to: string } | { op: "delete"; path: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
	fc.record({ op: fc.constant("write" as const), path: pathArb, note: noteArb }),
	fc.record({ op: fc.constant("rename" as const), from: pathArb, to: pathArb }),
	fc.record({ op: fc.constant("delete" as const), path: pathArb }),
);

describe("index consistency", () => {
	it("equals a fresh full build after any sequence of create / modify / rename / delete", () => {
		fc.assert(
			fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
				const index = new CardIndex(options);
				const model = new Map<string, NoteForIndex>();
				for (const op of ops) {
					if (op.op === "write") {
						index.setFile(op.path, op.note);
						model.set(op.path, op.note);
					} else if (op.op === "delete") {
						index.removeFile(op.path);
						model.delete(op.path);
					} else {
						// Only an existing file can be renamed (it may hold no cards).
						const moved = model.get(op.from);
						if (!moved) continue;
						index.renameFile(op.from, op.to);
						if (op.from !== op.to) {
							model.delete(op.from);
							model.set(op.to, moved);
						}
					}
					// Queries between changes must not leave stale caches behind.
					selectSiblings(index, { deck: "space/docker" }, NOW);
				}
				const fresh = new CardIndex(options);
				for (const [path, n] of model) fresh.setFile(path, n);
				expect(snapshot(index, NOW)).toEqual(snapshot(fresh, NOW));
			}),
			{ numRuns: 300 },
		);
	});
});
