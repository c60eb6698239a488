import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseNote } from "../../src/cards/parse";
import type { Card } from "../../src/model/card";
import type { Schedule } from "../../src/model/schedule";
import { DEFAULT_SETTINGS, type ParserSettings } from "../../src/settings/settings";
import { cardTarget, restoreComment, writeSchedule } from "../../src/writeback/write-schedule";
import { classicSchedule, REVIEWED_FSRS } from "../builders";

const settings: ParserSettings = DEFAULT_SETTINGS;
const good = classicSchedule({ due: "2026-01-04", interval: 3, ease: 250 });
const later = classicSchedule({ due: "2026-01-14", interval: 10, ease: 250 });
const fsrs = REVIEWED_FSRS;
const GOOD = "!2026-01-04,3,250";
const LATER = "!2026-01-14,10,250";
const NEW = "!2000-01-01,1,250";

type Placement = "auto" | "next-line" | "same-line";
const cardsOf = (text: string, s: ParserSettings = settings): Card[] => parseNote(text, { path: "n.md", settings: s }).cards;
const targetOf = (card: Card, sibling = 0) => ({
	source: card.source,
	startLine: card.startLine,
	sibling,
	siblingCount: card.siblings.length,
});

/** Reviews card `index` of `text` and returns the new text, failing the test on a conflict. */
function review(text: string, index: number, schedule: Schedule, placement: Placement = "next-line", sibling = 0): string {
	const card = cardsOf(text)[index];
	expect(card, `card ${index} in ${JSON.stringify(text)}`).toBeDefined();
	const result = writeSchedule(text, targetOf(card, sibling), schedule, { path: "n.md", settings, placement });
	if (!result.ok) throw new Error(`${result.conflict}: ${result.message}`);
	const undo = restoreComment(result.text, targetOf(card, sibling), result.previousComment, { path: "n.md", settings, placement });
	expect(undo.ok && undo.text).toBe(text);
	return result.text;
}

describe("automatic placement of a new comment", () => {
	it("writes at the end of the line in lists, callouts and indented lines, on the next line elsewhere", () => {
		expect(review("#flashcards\n\nQ::A\n", 0, good, "auto")).toBe(`#flashcards\n\nQ::A\n<!--SR:${GOOD}-->\n`);
		expect(review("#flashcards\n\n- topic\n  - Q::A\n  - other\n", 0, good, "auto")).toBe(
			`#flashcards\n\n- topic\n  - Q::A <!--SR:${GOOD}-->\n  - other\n`,
		);
		expect(review("#flashcards\n\n> [!note]\n> Q::A\n", 0, good, "auto")).toBe(`#flashcards\n\n> [!note]\n> Q::A <!--SR:${GOOD}-->\n`);
		expect(review("#flashcards\n\n1. item\n   Q::A\n", 0, good, "auto")).toBe(`#flashcards\n\n1. item\n   Q::A <!--SR:${GOOD}-->\n`);
		expect(review("#flashcards\n\n- Q\n  ?\n  A\n", 0, good, "auto")).toBe(`#flashcards\n\n- Q\n  ?\n  A <!--SR:${GOOD}-->\n`);
	});

	it("moves an old indented next-line comment of a single-line card in a list or callout to the card's line, where the other plugin reads it; undo puts the line back", () => {
		const text = `#flashcards\n\n- Q::A\n  <!--SR:${GOOD}-->\n- next::card\n`;
		expect(review(text, 0, later, "auto")).toBe(`#flashcards\n\n- Q::A <!--SR:${LATER}-->\n- next::card\n`);
		const callout = `#flashcards\n\n> [!note]\n> Q:::A\n> <!--SR:${GOOD}!${GOOD}-->  \n`;
		expect(review(callout, 0, later, "auto")).toBe(`#flashcards\n\n> [!note]\n> Q:::A <!--SR:${LATER}!${GOOD}-->\n`);
	});

	it("keeps an existing comment where it is otherwise, and still avoids a closing fence in a list", () => {
		const text = `#flashcards\n\n- Q::A\n  <!--SR:${GOOD}-->\n`;
		// Chosen "next line", at column 0 (the other plugin reads it there), or below a multi-line card.
		expect(review(text, 0, later, "next-line")).toBe(`#flashcards\n\n- Q::A\n  <!--SR:${LATER}-->\n`);
		expect(review(`#flashcards\n\n- Q::A\n<!--SR:${GOOD}-->\n`, 0, later, "auto")).toBe(`#flashcards\n\n- Q::A\n<!--SR:${LATER}-->\n`);
		expect(review(`#flashcards\n\n- Q\n  ?\n  A\n  <!--SR:${GOOD}-->\n`, 0, later, "auto")).toBe(`#flashcards\n\n- Q\n  ?\n  A\n  <!--SR:${LATER}-->\n`);
		const fenced = "#flashcards\n\n- Q\n  ?\n  ```\n  code\n  ```\n";
		expect(review(fenced, 0, good, "auto")).toBe(`#flashcards\n\n- Q\n  ?\n  \`\`\`\n  code\n  \`\`\`\n  <!--SR:${GOOD}-->\n`);
	});
});

describe("placement of a new comment", () => {
	it("puts it on the next line by default, and at the end with same-line", () => {
		const text = "#flashcards\n\nQ::A\n";
		expect(review(text, 0, good)).toBe(`#flashcards\n\nQ::A\n<!--SR:${GOOD}-->\n`);
		expect(review(text, 0, good, "same-line")).toBe(`#flashcards\n\nQ::A <!--SR:${GOOD}-->\n`);
	});

	it("indents a next-line comment in a nested list, and finds it again next time (no pile-up)", () => {
		const text = "#flashcards\n\n- topic\n  - Q::A\n  - other\n";
		const once = review(text, 0, good);
		expect(once).toBe(`#flashcards\n\n- topic\n  - Q::A\n    <!--SR:${GOOD}-->\n  - other\n`);
		const twice = review(once, 0, later);
		expect(twice).toBe(`#flashcards\n\n- topic\n  - Q::A\n    <!--SR:${LATER}-->\n  - other\n`);
	});

	it("keeps callout and ordered-list prefixes", () => {
		expect(review("#flashcards\n\n> - Q::A\n> - R::B\n", 0, good)).toBe(`#flashcards\n\n> - Q::A\n>   <!--SR:${GOOD}-->\n> - R::B\n`);
		expect(review("#flashcards\n\n> [!note]\n> 1. Q::A\n", 0, good)).toBe(`#flashcards\n\n> [!note]\n> 1. Q::A\n>    <!--SR:${GOOD}-->\n`);
	});

	it("gives the second card of a list its own comment", () => {
		const text = "#flashcards\n\n- Q1::A1\n- Q2::A2\n";
		const once = review(text, 1, good);
		expect(once).toBe(`#flashcards\n\n- Q1::A1\n- Q2::A2\n  <!--SR:${GOOD}-->\n`);
		const cards = cardsOf(once);
		expect(cards[0].comment).toBeNull();
		expect(cards[1].comment?.raw).toBe(`<!--SR:${GOOD}-->`);
	});

	it("appends a same-line comment after a block id, where the reader looks for it", () => {
		expect(review("#flashcards\n\nQ::A ^abc\n", 0, good, "same-line")).toBe(`#flashcards\n\nQ::A ^abc <!--SR:${GOOD}-->\n`);
	});

	it("puts a multi-line card's comment after its last answer line", () => {
		const text = "#flashcards\n\nQuestion\n?\nline 1\nline 2\n\nafter\n";
		expect(review(text, 0, good)).toBe(`#flashcards\n\nQuestion\n?\nline 1\nline 2\n<!--SR:${GOOD}-->\n\nafter\n`);
		expect(review(text, 0, good, "same-line")).toBe(`#flashcards\n\nQuestion\n?\nline 1\nline 2 <!--SR:${GOOD}-->\n\nafter\n`);
	});

	it("always puts it on the next line when the card ends in a code fence", () => {
		const text = "#flashcards\n\n- Question\n  ?\n  ```sh\n  ls\n  ```\n";
		const expected = `#flashcards\n\n- Question\n  ?\n  \`\`\`sh\n  ls\n  \`\`\`\n  <!--SR:${GOOD}-->\n`;
		expect(review(text, 0, good, "same-line")).toBe(expected);
		expect(review(text, 0, good, "next-line")).toBe(expected);
	});

	it("writes callout multi-line cards inside the callout", () => {
		const text = "#flashcards\n\n> [!question] Docker\n> What is a layer?\n> ?\n> A diff.\n";
		expect(review(text, 0, fsrs)).toBe(
			"#flashcards\n\n> [!question] Docker\n> What is a layer?\n> ?\n> A diff.\n" +
				"> <!--SR:!fsrs,2026-01-09T09:00:00.000Z,8,8.2956,3.2828,2,1,0,0,2026-01-01T09:00:00.000Z-->\n",
		);
	});
});

describe("siblings", () => {
	it("reversed: the unreviewed side keeps its segment, a side without one gets the placeholder", () => {
		expect(review("#flashcards\n\nQ:::A\n", 0, good, "next-line", 1)).toBe(`#flashcards\n\nQ:::A\n<!--SR:${NEW}${GOOD}-->\n`);
		const text = "#flashcards\n\nQ:::A <!--SR:!2025-05-06,1,170-->\n";
		expect(review(text, 0, good, "next-line", 1)).toBe(`#flashcards\n\nQ:::A <!--SR:!2025-05-06,1,170${GOOD}-->\n`);
		expect(review(text, 0, good, "next-line", 0)).toBe(`#flashcards\n\nQ:::A <!--SR:${GOOD}${NEW}-->\n`);
	});

	it("cloze: an unreadable segment of another deletion is kept byte for byte", () => {
		const text = "#flashcards\n\n==one== and ==two== and ==three==\n<!--SR:!2025-05-06,1,170!bad,date,x-->\n";
		expect(review(text, 0, good)).toBe(`#flashcards\n\n==one== and ==two== and ==three==\n<!--SR:${GOOD}!bad,date,x${NEW}-->\n`);
		expect(review(text, 0, good, "next-line", 2)).toBe(`#flashcards\n\n==one== and ==two== and ==three==\n<!--SR:!2025-05-06,1,170!bad,date,x${GOOD}-->\n`);
	});
});

describe("bytes around the edit", () => {
	it("keeps CRLF, lone CR, BOM, trailing spaces and a missing final newline", () => {
		expect(review("\uFEFF#flashcards\r\n\r\nQ::A  \r\nnext::x\r\n", 0, good)).toBe(`\uFEFF#flashcards\r\n\r\nQ::A  \r\n<!--SR:${GOOD}-->\r\nnext::x\r\n`);
		expect(review("#flashcards\r\n\r\nQ::A", 0, good)).toBe(`#flashcards\r\n\r\nQ::A\r\n<!--SR:${GOOD}-->`);
		expect(review("#flashcards\r\rQ::A", 0, good)).toBe(`#flashcards\r\rQ::A\r<!--SR:${GOOD}-->`);
		expect(review("#flashcards\r\rQ::A\r\n", 0, good)).toBe(`#flashcards\r\rQ::A\r\n<!--SR:${GOOD}-->\r\n`);
	});

	it("replaces only the comment's columns when the card has one", () => {
		const text = "#flashcards\r\n\r\n  - Q::A   <!--SR:!2025-05-06,1,170-->  \r\n";
		expect(review(text, 0, good)).toBe(`#flashcards\r\n\r\n  - Q::A   <!--SR:${GOOD}-->  \r\n`);
	});

	it("changes exactly one comment's bytes in the real docker note", () => {
		const note = readFileSync(join(__dirname, "..", "..", "examples", "vault", "docker", "docker-multistage.md"), "utf8");
		const space: ParserSettings = { ...settings, flashcardTags: ["#space"] };
		const cards = cardsOf(note, space);
		expect(cards).toHaveLength(5);
		const card = cards[1];
		const old = card.comment;
		expect(old?.raw).toBe("<!--SR:!2025-05-06,1,150-->");
		const result = writeSchedule(note, targetOf(card), fsrs, { path: "n.md", settings: space, placement: "next-line" });
		if (!result.ok) throw new Error(result.message);
		const offset = note.indexOf(old?.raw ?? "?");
		expect(note.indexOf(old?.raw ?? "?", offset + 1)).toBe(-1);
		const written = "<!--SR:!fsrs,2026-01-09T09:00:00.000Z,8,8.2956,3.2828,2,1,0,0,2026-01-01T09:00:00.000Z-->";
		expect(result.text).toBe(note.slice(0, offset) + written + note.slice(offset + (old?.raw.length ?? 0)));
		expect(result.previousComment).toBe(old?.raw);
	});
});

describe("conflicts between display and answer", () => {
	const options = { path: "n.md", settings, placement: "next-line" as const };
	const text = "#flashcards\n\nQ1::A1\n\nQ2::A2\n";

	it("edited card: changed, nothing written", () => {
		const shown = cardsOf(text)[1];
		const result = writeSchedule(text.replace("A2", "A2 edited"), targetOf(shown), good, options);
		expect(result).toMatchObject({ ok: false, conflict: "changed" });
	});

	it("deleted card: gone", () => {
		const shown = cardsOf(text)[1];
		const result = writeSchedule("#flashcards\n\nQ1::A1\n", targetOf(shown), good, options);
		expect(result).toMatchObject({ ok: false, conflict: "gone" });
	});

	it("moved card: found at its new place", () => {
		const shown = cardsOf(text)[1];
		const moved = "#flashcards\n\nintro\n\nmore\n\nQ1::A1\n\nQ2::A2\n";
		const result = writeSchedule(moved, targetOf(shown), good, options);
		expect(result.ok && result.text).toBe(`#flashcards\n\nintro\n\nmore\n\nQ1::A1\n\nQ2::A2\n<!--SR:${GOOD}-->\n`);
	});

	it("duplicated card: the copy nearest to the shown line gets the schedule, not the other", () => {
		const dup = "#flashcards\n\nQ::A <!--SR:!2025-05-06,1,170-->\n\nQ::A <!--SR:!2025-06-01,9,270-->\n";
		const [first, second] = cardsOf(dup);
		const a = writeSchedule(dup, targetOf(second), good, options);
		expect(a.ok && a.text).toBe(`#flashcards\n\nQ::A <!--SR:!2025-05-06,1,170-->\n\nQ::A <!--SR:${GOOD}-->\n`);
		const b = writeSchedule(dup, targetOf(first), good, options);
		expect(b.ok && b.text).toBe(`#flashcards\n\nQ::A <!--SR:${GOOD}-->\n\nQ::A <!--SR:!2025-06-01,9,270-->\n`);
		// The first copy shown at line 2, then a line inserted above it: still the first copy.
		const shifted = "#flashcards\nintro\n" + dup.slice("#flashcards\n".length);
		const c = writeSchedule(shifted, targetOf(first), good, options);
		expect(c.ok && c.text).toBe(`#flashcards\nintro\n\nQ::A <!--SR:${GOOD}-->\n\nQ::A <!--SR:!2025-06-01,9,270-->\n`);
	});

	it("copies equally far above and below: ambiguous unless the shown comment tells them apart", () => {
		const shown = cardsOf("#flashcards\n\n\n\nQ::A\n")[0]; // line 4
		const now = "#flashcards\n\nQ::A <!--SR:!2025-05-06,1,170-->\n\n\n\nQ::A\n"; // lines 2 and 6
		expect(writeSchedule(now, targetOf(shown), good, options)).toMatchObject({ ok: false, conflict: "ambiguous" });
		const told = writeSchedule(now, { ...targetOf(shown), comment: null }, good, options);
		expect(told.ok && told.text).toBe(`#flashcards\n\nQ::A <!--SR:!2025-05-06,1,170-->\n\n\n\nQ::A\n<!--SR:${GOOD}-->\n`);
	});

	it("a schedule with NaN is refused as unwritable", () => {
		const shown = cardsOf(text)[0];
		const result = writeSchedule(text, targetOf(shown), { ...good, interval: Number.NaN }, options);
		expect(result).toMatchObject({ ok: false, conflict: "unwritable" });
	});
});

describe("refusals and undo", () => {
	const options = { path: "n.md", settings, placement: "same-line" as const };

	it("refuses a card whose comment would land inside an unclosed fence, under either placement", () => {
		const text = "#flashcards\n\nQuestion\n?\n```\nunclosed\n";
		const card = cardsOf(text)[0];
		for (const placement of ["same-line", "next-line"] as const) {
			const result = writeSchedule(text, targetOf(card), good, { ...options, placement });
			expect(result).toMatchObject({ ok: false, conflict: "unwritable" });
		}
	});

	it("refuses a schedule the reader would reject (difficulty above 11)", () => {
		const text = "#flashcards\n\nQ::A\n";
		const result = writeSchedule(text, targetOf(cardsOf(text)[0]), { ...fsrs, difficulty: 12 }, options);
		expect(result).toMatchObject({ ok: false, conflict: "unwritable" });
	});

	it("undo removes an added same-line comment with its space, keeping trailing spaces", () => {
		const text = "#flashcards\r\n\r\nQ::A  \r\n";
		const card = cardsOf(text)[0];
		const written = writeSchedule(text, targetOf(card), good, options);
		expect(written.ok && written.text).toBe(`#flashcards\r\n\r\nQ::A   <!--SR:${GOOD}-->\r\n`);
		if (!written.ok) return;
		expect(written.previousComment).toBeNull();
		const undo = restoreComment(written.text, targetOf(card), null, options);
		expect(undo.ok && undo.text).toBe(text);
	});

	it("undo puts back an unreadable previous comment exactly", () => {
		const text = "#flashcards\n\nQ:::A\n<!--SR:!bad!2025-05-06,1,170-->\n";
		const card = cardsOf(text)[0];
		const written = writeSchedule(text, targetOf(card), good, options);
		expect(written.ok && written.text).toBe(`#flashcards\n\nQ:::A\n<!--SR:${GOOD}!2025-05-06,1,170-->\n`);
		if (!written.ok) return;
		expect(written.previousComment).toBe("<!--SR:!bad!2025-05-06,1,170-->");
		const undo = restoreComment(written.text, targetOf(card), written.previousComment, options);
		expect(undo.ok && undo.text).toBe(text);
	});

	it("undo after the comment was deleted by hand is refused; with nothing to remove it is a no-op", () => {
		const text = "#flashcards\n\nQ::A\n";
		const card = cardsOf(text)[0];
		expect(restoreComment(text, targetOf(card), "<!--SR:!2025-05-06,1,170-->", options)).toMatchObject({
			ok: false,
			conflict: "changed",
		});
		expect(restoreComment(text, targetOf(card), null, options)).toMatchObject({ ok: true, text });
	});

	it("undo of a card that was edited meanwhile is refused", () => {
		const text = "#flashcards\n\nQ::A\n";
		const card = cardsOf(text)[0];
		const written = writeSchedule(text, targetOf(card), good, options);
		if (!written.ok) throw new Error(written.message);
		const edited = written.text.replace("Q::A", "Q::B");
		expect(restoreComment(edited, targetOf(card), null, options)).toMatchObject({ ok: false, conflict: "changed" });
	});
});

describe("note no longer read", () => {
	it("a note whose flashcard tag was removed is gone, and cardTarget carries the shown comment", () => {
		const text = "#flashcards\n\nQ::A <!--SR:!2025-05-06,1,170-->\n";
		const card = cardsOf(text)[0];
		const target = cardTarget(card, 0);
		expect(target).toEqual({ source: "Q::A", startLine: 2, sibling: 0, siblingCount: 1, comment: "<!--SR:!2025-05-06,1,170-->" });
		const options = { path: "n.md", settings, placement: "next-line" as const };
		const result = writeSchedule(text.replace("#flashcards", "#other"), target, good, options);
		expect(result).toMatchObject({ ok: false, conflict: "gone" });
		expect(writeSchedule(text, target, good, options)).toMatchObject({ ok: true, previousComment: "<!--SR:!2025-05-06,1,170-->" });
	});
});
