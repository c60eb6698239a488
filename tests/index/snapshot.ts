/** A comparable picture of an index, for the index tests. */
import type { CardIndex } from "../../src/index/card-index";
import { buildDeckTree } from "../../src/index/deck-tree";

/** Everything observable about an index at `now`, in a form `toEqual` can compare. */
export function snapshot(index: CardIndex, now: Date): unknown {
	const { status } = index.statusesAt(now);
	return {
		files: index.files().map((file) => ({
			path: file.path,
			tags: file.tags,
			cards: file.readCards().map((c) => ({ line: c.startLine, decks: c.decks, segments: c.segments })),
			statuses: Array.from(file.classes, (id) => status[id]),
		})),
		counts: { files: index.fileCount, cards: index.cardCount, siblings: index.siblingCount },
		tree: buildDeckTree(index, now),
	};
}
