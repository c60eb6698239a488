import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cardId, fnv1a64Hex, normaliseNotePath, pathHash, pathPartOf, renameCardId } from "../../src/stats/card-id";

/** Reference FNV-1a 64 with BigInt, to check the two-halves implementation. */
function referenceFnv(text: string): string {
	let h = 0xcbf29ce484222325n;
	for (const byte of new TextEncoder().encode(text)) {
		h ^= BigInt(byte);
		h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
	}
	return h.toString(16).padStart(16, "0");
}

describe("fnv1a64Hex", () => {
	it("matches the published FNV-1a 64 test values", () => {
		expect(fnv1a64Hex("")).toBe("cbf29ce484222325");
		expect(fnv1a64Hex("a")).toBe("af63dc4c8601ec8c");
		expect(fnv1a64Hex("foobar")).toBe("85944171f73967e8");
	});

	it("matches a BigInt reference on any text", () => {
		fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => fnv1a64Hex(s) === referenceFnv(s)));
	});
});

describe("cardId", () => {
	const q1 = "What does a multi-stage build do?\n?\nIt copies only the artefacts into a small final image.";
	const q2 = "Base image of the builder::golang:1.17";

	it("has the form path-part dash card-part, 12 hex digits each", () => {
		expect(cardId("notes/docker.md", q1, 0)).toMatch(/^[0-9a-f]{12}-[0-9a-f]{12}$/);
	});

	it("depends on the path, the card's own text and the sibling index only", () => {
		const id = cardId("notes/docker.md", q1, 0);
		expect(cardId("notes/docker.md", q1, 1)).not.toBe(id);
		expect(cardId("notes/other.md", q1, 0)).not.toBe(id);
		expect(cardId("notes/docker.md", q1 + " More.", 0)).not.toBe(id);
		// Same inputs, same id; the other cards of the note are not an input at all.
		expect(cardId("notes/docker.md", q1, 0)).toBe(id);
		expect(cardId("notes/docker.md", q2, 0)).not.toBe(id);
	});

	it("ignores line endings, trailing spaces and path spelling", () => {
		const id = cardId("notes/docker.md", q1, 0);
		expect(cardId("notes/docker.md", q1.replace(/\n/g, "\r\n"), 0)).toBe(id);
		expect(cardId("notes/docker.md", q1.replace(/\n/g, "   \n"), 0)).toBe(id);
		expect(cardId("./notes//docker.md", q1, 0)).toBe(id);
		expect(cardId("notes\\docker.md", q1, 0)).toBe(id);
		expect(cardId("cafe\u0301.md", q1, 0)).toBe(cardId("café.md", q1, 0));
	});

	it("normalises paths as Obsidian writes them", () => {
		expect(normaliseNotePath("/a//b/./c.md")).toBe("a/b/./c.md");
		expect(normaliseNotePath("./a/b.md")).toBe("a/b.md");
	});
});

describe("renameCardId", () => {
	it("moves the path part from the old path to the new one and keeps the card part", () => {
		const old = cardId("inbox/docker.md", "Q::A", 0);
		const renamed = renameCardId(old, "inbox/docker.md", "space/docker.md");
		expect(renamed).toBe(cardId("space/docker.md", "Q::A", 0));
		expect(pathPartOf(renamed)).toBe(pathHash("space/docker.md"));
	});

	it("leaves ids of other notes and foreign strings alone", () => {
		const other = cardId("inbox/k8s.md", "Q::A", 0);
		expect(renameCardId(other, "inbox/docker.md", "space/docker.md")).toBe(other);
		expect(renameCardId("not-an-id", "inbox/docker.md", "x.md")).toBe("not-an-id");
		expect(pathPartOf("not-an-id")).toBeNull();
	});

	it("is the same as deriving the id under the new path, for any path and text", () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string(), fc.nat(5), (from, to, source, sibling) => {
				return renameCardId(cardId(from, source, sibling), from, to) === cardId(to, source, sibling);
			}),
		);
	});
});
