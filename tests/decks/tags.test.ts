/**
 * The ASCII fast paths of src/decks/tags.ts against the plain definitions they replace
 * (trim, optional `#`, lower case), on tags mixing case, `#`, `/`, spaces and non-ASCII text.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { deckPathOfTag, normaliseTag, tagMatches, tagMatchesAny } from "../../src/decks/tags";

function referenceNormalise(tag: string): string {
	const trimmed = tag.trim();
	return (trimmed.startsWith("#") ? trimmed : `#${trimmed}`).toLowerCase();
}

function referenceMatches(tag: string, parent: string): boolean {
	const t = referenceNormalise(tag);
	const p = referenceNormalise(parent);
	return t === p || (t.length > p.length && t.startsWith(p) && t.charAt(p.length) === "/");
}

const piece = fc.constantFrom(
	"#",
	"##",
	"/",
	"//",
	"a",
	"B",
	"space",
	"Space",
	"docker",
	"DOCKER",
	" ",
	"\t",
	"\n",
	"-",
	"_",
	"1",
	"é",
	"İ",
	"ß",
	"\u00a0",
	"\u3000",
	"K",
	"\u212a",
);
const tag = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(""));

describe("tag fast paths", () => {
	it("normaliseTag equals trim + `#` + lower case", () => {
		fc.assert(
			fc.property(tag, (t) => {
				expect(normaliseTag(t)).toBe(referenceNormalise(t));
			}),
			{ numRuns: 2000 },
		);
	});
	it("tagMatches equals the comparison of normalised tags", () => {
		fc.assert(
			fc.property(tag, tag, (t, p) => {
				expect(tagMatches(t, p)).toBe(referenceMatches(t, p));
			}),
			{ numRuns: 4000 },
		);
		// Sub-tags built from the parent, in other cases and spacing.
		fc.assert(
			fc.property(tag, tag, (p, rest) => {
				const t = ` ${p.toUpperCase()}/${rest}`;
				expect(tagMatches(t, p)).toBe(referenceMatches(t, p));
				expect(tagMatchesAny(t, ["#zzz", p])).toBe(referenceMatches(t, "#zzz") || referenceMatches(t, p));
			}),
			{ numRuns: 2000 },
		);
	});
	it("deckPathOfTag equals trim, one `#` off, trailing `/` off", () => {
		fc.assert(
			fc.property(tag, (t) => {
				expect(deckPathOfTag(t)).toBe(t.trim().replace(/^#/, "").replace(/\/+$/, ""));
			}),
			{ numRuns: 2000 },
		);
	});
	it("examples", () => {
		expect(tagMatches("#Space/Docker", "space")).toBe(true);
		expect(tagMatches("#spaced", "#space")).toBe(false);
		expect(tagMatches("#done-space", "#space")).toBe(false);
		expect(normaliseTag(" Space/Docker ")).toBe("#space/docker");
		expect(deckPathOfTag("#space/docker//")).toBe("space/docker");
	});
});
