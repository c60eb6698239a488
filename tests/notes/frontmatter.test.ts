import { describe, expect, it } from "vitest";
import { readKeys, restoreKeys, setKeys } from "../../src/notes/frontmatter";

const due = (text: string | null) => [{ key: "sr-due", text }];

describe("setKeys", () => {
	it("replaces a key's value in place, keeping its spacing, quotes and comment", () => {
		const note = "---\ntitle: x\nsr-due:   '2024-01-01'  # by SR\nother: y\n---\nbody\n";
		expect(setKeys(note, due("2024-02-02")).text).toBe("---\ntitle: x\nsr-due:   '2024-02-02'  # by SR\nother: y\n---\nbody\n");
	});

	it("adds a missing key before the closing line, in the block's line ending", () => {
		expect(setKeys("---\r\ntitle: x\r\n---\r\nbody", due("2024-02-02")).text).toBe("---\r\ntitle: x\r\nsr-due: 2024-02-02\r\n---\r\nbody");
	});

	it("creates a frontmatter after a BOM when there is none", () => {
		expect(setKeys("\uFEFF# Title\r\ntext", due("2024-02-02")).text).toBe("\uFEFF---\r\nsr-due: 2024-02-02\r\n---\r\n# Title\r\ntext");
		expect(setKeys("", due("2024-02-02")).text).toBe("---\nsr-due: 2024-02-02\n---\n");
	});

	it("treats an unclosed first --- as no frontmatter", () => {
		expect(setKeys("---\nnot closed\n", due("2024-02-02")).text).toBe("---\nsr-due: 2024-02-02\n---\n---\nnot closed\n");
	});

	it("replaces a block value with its indented lines, and leaves nested keys of the same name alone", () => {
		const note = "---\nsr-due:\n  2024-01-01\nnested:\n  sr-due: keep\n---\n";
		expect(setKeys(note, due("2024-02-02")).text).toBe("---\nsr-due: 2024-02-02\nnested:\n  sr-due: keep\n---\n");
	});

	it("does not take a longer key for ours", () => {
		expect(setKeys("---\nsr-duedate: 1\n---\n", due("2024-02-02")).text).toBe("---\nsr-duedate: 1\nsr-due: 2024-02-02\n---\n");
	});

	it("removes a key, and restore puts it back where it was", () => {
		const note = "---\na: 1\nsr-due: 2024-01-01\nb: 2\n---\n";
		const done = setKeys(note, due(null));
		expect(done.text).toBe("---\na: 1\nb: 2\n---\n");
		expect(restoreKeys(done.text, done.before)).toBe(note);
	});

	it("restore undoes the steps last first (a block value collapsed before a removal)", () => {
		const note = '---\nsr-due: 2024-01-05\n  folded\nsr-fsrs: "x"\n---\n';
		const done = setKeys(note, [
			{ key: "sr-due", text: "2024-02-02" },
			{ key: "sr-ease", text: "250" },
			{ key: "sr-fsrs", text: null },
		]);
		expect(done.text).toBe("---\nsr-due: 2024-02-02\nsr-ease: 250\n---\n");
		expect(restoreKeys(done.text, done.before)).toBe(note);
	});

	it("restore removes a frontmatter it created", () => {
		const done = setKeys("body\n", due("2024-02-02"));
		expect(restoreKeys(done.text, done.before)).toBe("body\n");
	});
});

describe("readKeys", () => {
	it("reads plain, quoted and commented values, and not lists", () => {
		const note = "---\na: plain # c\nb: \"x \\\" y\"\nc: 'it''s'\nd:\n  - one\n---\n";
		const values = readKeys(note, ["a", "b", "c", "d", "e"]);
		expect(values.get("a")?.value).toBe("plain");
		expect(values.get("b")?.value).toBe('x " y');
		expect(values.get("c")?.value).toBe("it's");
		expect(values.get("d")?.value).toBeNull();
		expect(values.has("e")).toBe(false);
	});
});
