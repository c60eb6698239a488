/**
 * Notes written for the Spaced Repetition plugin (1.15) read as that plugin reads them, where
 * docs/format.md does not say otherwise ("Differences from the Spaced Repetition plugin"). One
 * minimal note per layout found in its parser or in real vaults.
 */
import { describe, expect, it } from "vitest";
import { noteLines, taggedNote } from "../builders";
import type { Card } from "../../src/model/card";
import { cardsOf, parse, sides } from "./helpers";

describe("cloze deletions in opaque regions", () => {
	it("makes no cloze of a deletion inside a $$ block, a fence, a %% or a multi-line <!-- comment", () => {
		expect(cardsOf(taggedNote("$$", "x ==y==", "$$"))).toEqual([]);
		expect(cardsOf(taggedNote("```python", "print('==x==')", "```"))).toEqual([]);
		expect(cardsOf(taggedNote("%%", "a ==b==", "%%"))).toEqual([]);
		expect(cardsOf(taggedNote("<!--", "a ==b==", "-->"))).toEqual([]);
		expect(cardsOf(taggedNote("**x** {{y}}", "```", "**z** {{w}}", "```"), { clozeKinds: ["bold", "curly"] }).map((c) => c.siblings.length)).toEqual([2]);
	});
	it("keeps a fence after a multi-line answer's blank line out of the cards", () => {
		const found = cardsOf(taggedNote("Q", "?", "A", "", "```python", "print('==x==')", "```"));
		expect(found.map((c) => c.kind)).toEqual(["multiline"]);
	});
	it("counts only the deletions outside the opaque lines of a cloze", () => {
		expect(sides(taggedNote("text ==a==", "```", "==b==", "```", "%% ==c== %% ==d==")).map(([q]) => q)).toEqual([
			"text [...]\n```\n==b==\n```\n%% ==c== %% d",
			"text a\n```\n==b==\n```\n%% ==c== %% [...]",
		]);
	});
});

describe("cloze sibling order", () => {
	const questions = (text: string, clozeKinds: ("highlight" | "bold" | "curly")[] = ["highlight"]) => sides(text, { clozeKinds }).map(([q]) => q);
	it("numbers siblings by group: group 1 is sibling 0 wherever it stands", () => {
		expect(questions(taggedNote("==2;;b== before ==1;;a=="))).toEqual(["b before [...]", "[...] before a"]);
	});
	it("keeps a sibling for a group number that has no deletion, so later segments stay on their groups", () => {
		const [card] = cardsOf(taggedNote("==1;;a== and ==3;;c== <!--SR:!2025-05-01,3,250!2025-05-02,4,250!2025-05-03,5,250-->"));
		expect(card.siblings.map((s) => s.question)).toEqual(["[...] and c", "a and c", "a and [...]"]);
		expect(card.siblings.map((s) => (s.segment.kind === "ok" && s.segment.schedule?.type === "classic" ? s.segment.schedule.due : null))).toEqual([
			"2025-05-01",
			"2025-05-02",
			"2025-05-03",
		]);
	});
	it("orders unnumbered deletions by cloze form (highlight, bold, curly), then as written", () => {
		expect(questions(taggedNote("{{a}} **b** ==c== {{d}}"), ["highlight", "bold", "curly"])).toEqual([
			"a b [...] d",
			"a [...] c d",
			"[...] b c d",
			"a b c [...]",
		]);
	});
	it("puts deletions without a number after the numbered groups", () => {
		expect(questions(taggedNote("==x== ==2;;b== ==1;;a=="))).toEqual(["x b [...]", "x [...] a", "[...] b a"]);
	});
	it("with several patterns, gives the numbered groups its order and the unnumbered deletions the siblings after them", () => {
		// Its harness, patterns highlight, bold, curly: `{{2;;a}} ==b== **1;;c** {{1;;d}}` → "a ==b== [...] [...]", "[...] ==b== c d".
		const all: ("highlight" | "bold" | "curly")[] = ["highlight", "bold", "curly"];
		expect(questions(taggedNote("{{2;;a}} ==b== **1;;c** {{1;;d}}"), all)).toEqual(["a b [...] [...]", "[...] b c d", "a [...] c d"]);
		// `==x== **2;;y** {{z}} ==1;;w==` → "==x== y {{z}} [...]", "==x== [...] {{z}} w".
		expect(questions(taggedNote("==x== **2;;y** {{z}} ==1;;w=="), all)).toEqual(["x y z [...]", "x [...] z w", "[...] y z w", "x y [...] w"]);
	});
});

describe("the end marker", () => {
	const marker = { endMarker: "+++" };
	it("closes a cloze that runs across blank lines", () => {
		const found = cardsOf(taggedNote("==a== x", "", "more ==b==", "<!--SR:!2025-05-01,3,250-->", "+++", "Q::A"), marker);
		expect(found.map((c) => [c.kind, c.startLine, c.endLine, c.siblings.length])).toEqual([
			["cloze", 2, 5, 2],
			["singleline", 7, 7, 1],
		]);
		expect(found[0].siblings.map((s) => s.question)).toEqual(["[...] x\n\nmore b", "a x\n\nmore [...]"]);
		expect(found[0].comment?.line).toBe(5);
	});
	it("is not looked for past a card: a forgotten marker never swallows the cards below", () => {
		const found = cardsOf(taggedNote("==a==", "", "Q::A", "", "==b==", "", "Q2", "?", "A2", "+++"), marker);
		expect(found.map((c) => [c.kind, c.startLine, c.endLine])).toEqual([
			["cloze", 2, 2],
			["singleline", 4, 4],
			["cloze", 6, 6],
			["multiline", 8, 10],
		]);
	});
});

describe("decks from tags on a card's lines", () => {
	const decks = (...lines: string[]) => cardsOf(noteLines(...lines)).map((c) => c.decks);
	it("gives a leading tag to its card only: the cards below keep the deck they had", () => {
		expect(decks("#flashcards/a", "", "Q1::A1", "", "#flashcards/b Q2::A2", "", "Q3::A3")).toEqual([["flashcards/a"], ["flashcards/b"], ["flashcards/a"]]);
		expect(decks("#flashcards/a", "", "#flashcards/b", "Q2", "?", "A2", "", "Q3::A3")).toEqual([["flashcards/b"], ["flashcards/a"]]);
	});
	it("takes no deck tag after a list bullet or callout marker: it stays question text (EmIbrahimovic/coding_pracice)", () => {
		const fronts = (...lines: string[]) => cardsOf(noteLines(...lines)).map((c) => [c.front, c.decks]);
		expect(fronts("#flashcards/a", "", "* #flashcards/b Q1:: A1", "* #flashcards/b Q2:: A2")).toEqual([
			["#flashcards/b Q1", ["flashcards/a"]],
			["#flashcards/b Q2", ["flashcards/a"]],
		]);
		expect(fronts("#flashcards/a", "", "> #flashcards/b Q::A")).toEqual([["#flashcards/b Q", ["flashcards/a"]]]);
		expect(fronts("#flashcards/a", "", "> #flashcards/b x ==y==")).toEqual([["#flashcards/b x ==y==", ["flashcards/a"]]]);
		// Without another tag, the note's first flashcard tag is the deck, as there.
		expect(fronts("* #flashcards/b Q:: A")).toEqual([["#flashcards/b Q", ["flashcards/b"]]]);
		// Spaces alone before it: still the card's deck.
		expect(fronts("#flashcards/a", "", "  #flashcards/b Q::A")).toEqual([["Q", ["flashcards/b"]]]);
	});
	it("reads a note whose frontmatter tag holds an apostrophe, as Obsidian's cache keeps it (polyipseity/information)", () => {
		const note = noteLines("---", "tags:", "  - flashcard/active/eng/Le_Chatelier's_principle", "---", "", "a ==b==");
		expect(cardsOf(note, { flashcardTags: ["#flashcard/active"] }).map((c) => c.decks)).toEqual([["flashcard/active/eng/Le_Chatelier's_principle"]]);
	});
	it("never takes a tag inside a card as the tag line of the cards below", () => {
		expect(decks("#flashcards/a", "", "Q1::A1 #flashcards/c", "Q2::A2")).toEqual([["flashcards/a"], ["flashcards/a"]]);
	});
});

describe("where a scheduling comment is read", () => {
	const SR = "<!--SR:!2025-05-01,3,250-->";
	const due = (card: Card | undefined) => {
		const segment = card?.siblings[0].segment;
		return segment?.kind === "ok" && segment.schedule?.type === "classic" ? segment.schedule.due : null;
	};
	it("reads a same-line comment followed by a block id, as the plugin writes it", () => {
		const [single] = cardsOf(taggedNote(`Q1::A1 ${SR} ^abc123`));
		expect([single.back, single.comment?.raw, single.comment?.ownLine, due(single)]).toEqual(["A1", SR, false, "2025-05-01"]);
		const [multi] = cardsOf(taggedNote("Q", "?", "A1", `A2 ${SR} ^abc123`));
		expect([multi.back, multi.comment?.line, due(multi)]).toEqual(["A1\nA2", 5, "2025-05-01"]);
		const [cloze] = cardsOf(taggedNote(`a ==b== ${SR} ^abc123`));
		expect([cloze.siblings[0].question, due(cloze)]).toEqual(["a [...]", "2025-05-01"]);
	});
	it("reads a comment at the end of a multi-line card's question line", () => {
		const [card] = cardsOf(taggedNote(`Q ${SR}`, "?", "A"));
		expect([card.front, card.back, card.comment?.line, due(card)]).toEqual(["Q", "A", 2, "2025-05-01"]);
	});
	it("reads a comment that is not on the card's last line", () => {
		const [heading] = cardsOf(taggedNote("Q", "?", "A", SR, "## Next"));
		expect([heading.back, heading.comment?.line, heading.comment?.ownLine, due(heading)]).toEqual(["A\n\n## Next", 5, true, "2025-05-01"]);
		const [math] = cardsOf(taggedNote("Q", "?", "A", `${SR}$$x$$`));
		expect([math.back, math.comment?.ownLine, due(math)]).toEqual(["A\n$$x$$", false, "2025-05-01"]);
	});
	it("reads a comment line that ends in a no-break space", () => {
		const [multi, single] = cardsOf(taggedNote("Q", "?", "A", `${SR}\u00a0`, "", "Q2::A2", `${SR}\u00a0`));
		expect([multi.back, multi.comment?.ownLine, due(multi)]).toEqual(["A", true, "2025-05-01"]);
		expect([single.endLine, single.comment?.ownLine, due(single)]).toEqual([8, true, "2025-05-01"]);
	});
	it("takes the first comment of the card, as the plugin does, and reports the others", () => {
		const parsed = parse(taggedNote(`Q ${SR}`, "?", "A", "<!--SR:!2025-06-01,3,250-->"));
		expect(parsed.cards[0].comment?.line).toBe(2);
		expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([["duplicate-comment", 5]]);
	});
	it("does not read a comment inside inline code", () => {
		const [card] = cardsOf(taggedNote("Q", "?", `\`${SR}\` is a comment`));
		expect(card.comment).toBeNull();
	});
});

describe("the 1.15 callout form", () => {
	const SR = "<!--SR:!2025-05-01,3,250-->";
	const header = "> [!sr|card-metadata] ";
	it("reads the comment inside a card-metadata callout below a single-line card", () => {
		const parsed = parse(taggedNote("Q1::A1", header, `> ${SR}`, "Q2::A2"));
		const [card, next] = parsed.cards;
		expect([card.back, card.endLine, card.comment?.line, card.comment?.raw, card.context]).toEqual(["A1", 4, 4, SR, ["test"]]);
		expect([next.front, next.comment, next.context]).toEqual(["Q2", null, ["test"]]);
		expect(parsed.problems).toEqual([]);
	});
	it("reads it below a multi-line card and a cloze, leaving the callout out of their text", () => {
		const [multi, cloze] = cardsOf(taggedNote("Q", "?", "A", header, `> ${SR}`, "", "a ==b==", header, `> ${SR}`));
		expect([multi.back, multi.endLine, multi.comment?.line]).toEqual(["A", 6, 6]);
		expect([cloze.siblings.map((s) => s.question), cloze.endLine, cloze.comment?.line]).toEqual([["a [...]"], 10, 10]);
	});
	it("reads it with the block id the plugin writes after it, and without the header's trailing space", () => {
		const [card, next] = cardsOf(taggedNote("Q1::A1", header, `>  ${SR} ^abc123`, "", "Q2::A2", "> [!sr|card-metadata]", `> ${SR}`));
		expect([card.back, card.endLine, card.comment?.raw, card.comment?.ownLine]).toEqual(["A1", 4, SR, false]);
		expect([next.back, next.comment?.line]).toEqual(["A2", 8]);
	});
	it("reads a comment line with a block id after it below a single-line card", () => {
		const [card] = cardsOf(taggedNote("Q1::A1", `${SR} ^abc123`));
		expect([card.back, card.endLine, card.comment?.raw]).toEqual(["A1", 3, SR]);
	});
	it("reads it below a card inside a callout", () => {
		const [card] = cardsOf(taggedNote("> Q::A", "> [!sr|card-metadata]", `> ${SR}`));
		expect([card.back, card.comment?.line]).toEqual(["A", 4]);
	});
});

describe("an unterminated comment", () => {
	it("is read as the schedule it holds, and reported", () => {
		const parsed = parse(taggedNote("Q::A <!--SR:!2023-09-02,4,270", "", "Q2", "?", "A2", "<!--SR:!2023-09-03,5,250  "));
		const [single, multi] = parsed.cards;
		expect([single.back, single.comment?.raw, single.siblings[0].segment]).toEqual([
			"A",
			"<!--SR:!2023-09-02,4,270",
			{ kind: "ok", schedule: { type: "classic", due: "2023-09-02", interval: 4, ease: 270 } },
		]);
		expect([multi.back, multi.comment?.raw, multi.comment?.ownLine]).toEqual(["A2", "<!--SR:!2023-09-03,5,250", true]);
		expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([
			["unterminated-comment", 2],
			["unterminated-comment", 7],
		]);
	});
	it("gives way to a whole comment of the same card", () => {
		const parsed = parse(taggedNote("Q::A <!--SR:!2023-09-02,4,270", "<!--SR:!2024-01-01,3,250-->"));
		expect(parsed.cards[0].comment?.raw).toBe("<!--SR:!2024-01-01,3,250-->");
		expect(parsed.problems.map((p) => p.code)).toEqual(["unterminated-comment"]);
	});
});

describe("display math", () => {
	const SR = "<!--SR:!2025-05-01,3,250-->";
	it("reads a same-line comment after a one-line $$…$$ answer", () => {
		const [card] = cardsOf(taggedNote("Q", "?", `$$x^2$$ ${SR}`));
		expect([card.back, card.comment?.raw, card.comment?.ownLine]).toEqual(["$$x^2$$", SR, false]);
	});
	it("keeps markers, deletions and tags inside one-line $$…$$ hidden", () => {
		expect(parse(taggedNote("$$a::b$$ text", "", "$$c ==d== e$$", "", "$$ #flashcards/x $$")).cards).toEqual([]);
		expect(parse(noteLines("$$ #flashcards $$", "Q::A")).included).toBe(false);
	});
	it("opens a math block at a $$ that ends a text line, closed by the next $$ line", () => {
		const parsed = parse(taggedNote("Q", "?", "We write it as:$$", "  x^2 ==y== a::b", "  $$", SR));
		const [card, ...rest] = parsed.cards;
		expect(rest).toEqual([]);
		expect([card.back, card.comment?.line, card.endsInFence]).toEqual(["We write it as:$$\n  x^2 ==y== a::b\n  $$", 7, true]);
		expect(parsed.problems).toEqual([]);
	});
	it("opens a math block at a $$ left open in the middle of a line, so its closing line opens nothing", () => {
		// Found in a real vault: `- $$\begin{align}` … `\t\end{align}$$` in an answer, then a blank line.
		const lines = ["Q1", "?", "- $$\\begin{align}", "\tA &= U \\\\", "\t\\end{align}$$", "\t- $A$ a set", "", "Q2", "?", "A2"];
		const parsed = parse(taggedNote(...lines));
		expect(parsed.cards.map((c) => [c.startLine, c.endLine])).toEqual([
			[2, 7],
			[9, 11],
		]);
		expect(parsed.problems).toEqual([]);
	});
	it("runs a cloze in a callout on past a code fence and the line of only `>` below it (polyipseity/information)", () => {
		// first-order logic.md: `> ```BNF` … `> ```` then `>` and the deletions below; the card
		// started below the fence here and at the top of the callout there.
		const found = cardsOf(taggedNote("> title", "> ```", "> x", "> ```", ">", "> b ==c=="));
		expect(found.map((c) => [c.kind, c.startLine, c.endLine])).toEqual([["cloze", 2, 7]]);
		const afterComment = cardsOf(taggedNote("> title <!--", "> x", "> -->", ">", "> b ==c=="));
		expect(afterComment.map((c) => [c.kind, c.startLine, c.endLine])).toEqual([["cloze", 2, 6]]);
	});
	it("ends a $$ left open in a paragraph at the blank line below it: the $$ of a later paragraph does not close it", () => {
		// Found in a real vault (polyipseity/information, generating function.md): `… $${\begin{aligned}… }$`
		// closed by a single `$`; the clozes of the paragraphs below were one card here, 7 there.
		const parsed = parse(taggedNote("A formula $$x^2$ left open", "", "b ==c==", "", "d ==e== $$y$$"));
		expect(parsed.cards.map((c) => [c.kind, c.startLine])).toEqual([
			["cloze", 4],
			["cloze", 6],
		]);
		expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([["unclosed-math", 2]]);
	});
	it("opens no inline math at an escaped \\$, so a separator between two prices is found", () => {
		// Found in a real vault: `\$2,000 DM ::@:: Therefore, \$5,000 …` with its separator `::@::`.
		expect(sides(taggedNote("- \\#110 \\$2,000 DM. :: Therefore, \\$5,000 is added."))).toEqual([["\\#110 \\$2,000 DM.", "Therefore, \\$5,000 is added."]]);
		expect(cardsOf(taggedNote("The price $a :: b$ stays math"))).toEqual([]);
	});
	it("opens no inline math at a $ with a space on its inner side, so a separator between two prices is found", () => {
		// Found in a real vault (polyipseity/information, opportunity cost.md): `… spends $200 on … ::@:: … of $200.`
		expect(sides(taggedNote("- spends $200 on supplies :: the total of $200."))).toEqual([["spends $200 on supplies", "the total of $200."]]);
		expect(sides(taggedNote("- costs $ 5 :: and $x$ more"))).toEqual([["costs $ 5", "and $x$ more"]]);
		expect(cardsOf(taggedNote("The formula $a :: b$ stays math"))).toEqual([]);
	});
	it("reads a comment after the closing $$ of a block", () => {
		const [card] = cardsOf(taggedNote("Q", "?", "$$", "x^2", `$$ ${SR}`));
		expect([card.back, card.comment?.line]).toEqual(["$$\nx^2\n$$", 6]);
	});
	it("reads a long chain of lines that close and reopen math or comments (no recursion)", () => {
		const chain = (open: string, link: string, close: string) =>
			parse(taggedNote(open, `${link}\n`.repeat(100_000) + close, "Q::A")).cards.map((c) => c.front);
		expect(chain("a $$", "$$ b $$", "$$")).toEqual(["Q"]);
		expect(chain("<!-- a", "--> b <!-- c", "-->")).toEqual(["Q"]);
	});
});

describe("a line that is only >", () => {
	it("stays in a multi-line answer outside a callout, with the table below it", () => {
		const [card, ...rest] = cardsOf(taggedNote("Q", "?", "A", ">", "| x | y |", "| - | - |", "| 1 | 2 |", "<!--SR:!2025-05-01,3,250-->"));
		expect(rest).toEqual([]);
		expect([card.back, card.comment?.line]).toEqual(["A\n>\n| x | y |\n| - | - |\n| 1 | 2 |", 9]);
	});
	it("does not end a cloze inside a callout: the cloze runs on to the callout's next lines, as in the other plugin", () => {
		// Found in a real vault: a title line, a `>` line, then the deletion.
		const [card, ...rest] = cardsOf(taggedNote("> Arrhenius equation", ">", "> - ==k = A e^x==.", "<!--SR:!2025-05-01,3,250-->"));
		expect(rest).toEqual([]);
		expect([card.startLine, card.endLine, card.siblings.map((s) => s.question)]).toEqual([2, 5, ["Arrhenius equation\n\n- [...]."]]);
		expect(cardsOf(taggedNote("> ==a== one", ">", ">", "> ==b== two", ">")).map((c) => [c.startLine, c.endLine, c.siblings.length])).toEqual([[2, 5, 2]]);
	});
	it("keeps a cloze above a multi-line card in a callout apart from it, and a `>` line still ends the answer", () => {
		const found = cardsOf(taggedNote("> ==a== one", ">", "> Q", "> ?", "> A", ">", "> ==b== two"));
		expect(found.map((c) => [c.kind, c.startLine, c.endLine])).toEqual([
			["cloze", 2, 2],
			["multiline", 4, 6],
			["cloze", 8, 8],
		]);
	});
	it("still ends a multi-line card inside a callout, and a block after a blank line", () => {
		expect(cardsOf(taggedNote("> Q1", "> ?", "> A1", ">", "> Q2", "> ?", "> A2")).map((c) => c.back)).toEqual(["A1", "A2"]);
		expect(cardsOf(taggedNote("Q1::A1", "", ">", "| x | y |")).map((c) => c.back)).toEqual(["A1"]);
	});
});

describe("comments that are not read are reported", () => {
	it("reports a scheduling comment outside every card", () => {
		const parsed = parse(
			taggedNote(
				"Q::A",
				"<!--SR:!2025-05-01,3,250-->$$x$$",
				"",
				"Some text <!--SR:!2025-05-02,3,250-->",
				"",
				"```",
				"<!--SR:!2025-05-03,3,250-->",
				"```",
			),
		);
		expect(parsed.cards.map((c) => c.comment)).toEqual([null]);
		expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([
			["unread-comment", 3],
			["unread-comment", 5],
		]);
	});
	it("reports an unterminated comment whose body is not a segment, and does not read it", () => {
		const parsed = parse(taggedNote("Q::A <!--SR: to do"));
		expect([parsed.cards[0].back, parsed.cards[0].comment]).toEqual(["A <!--SR: to do", null]);
		expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([["unterminated-comment", 2]]);
	});
});

describe("its defects found in real vaults, not repeated", () => {
	it("shows a $$…$$ formula inside a deletion as written on the other siblings (it shows $…$)", () => {
		expect(sides(taggedNote("Stated as ==$$P(A)$$== where ==A is an event==.")).map(([q]) => q)).toEqual([
			"Stated as [...] where A is an event.",
			"Stated as $$P(A)$$ where [...].",
		]);
	});
	it("reads frontmatter tags written as one string with commas (it drops every card of such a note)", () => {
		const parsed = parse(noteLines("---", "tags: fc, softeng", "---", "", "Q::A"), { flashcardTags: ["#softeng"] });
		expect(parsed.cards.map((c) => [c.front, c.decks])).toEqual([["Q", ["softeng"]]]);
	});
});

describe("a callout header that holds a single-line card", () => {
	it("is not also the question of a `?` line below it (two cards on one line)", () => {
		for (const header of ["> [!note] Q:::A", "> [!sr|card-metadata] Q:::A"]) {
			expect(cardsOf(taggedNote(header, "?", "")).map((c) => [c.kind, c.front])).toEqual([["singleline-reversed", "Q"]]);
		}
	});
	it("a header with a plain title is still the question of a `> ?` below it", () => {
		expect(cardsOf(taggedNote("> [!question] What is a stage?", "> ?", "> A build step")).map((c) => [c.kind, c.front, c.back])).toEqual([
			["multiline", "What is a stage?", "A build step"],
		]);
	});
});
