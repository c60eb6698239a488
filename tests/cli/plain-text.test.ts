import { describe, expect, it } from "vitest";
import { markdownToPlainText } from "../../src/cli/plain-text";

describe("markdownToPlainText", () => {
	it("drops heading marks, emphasis and highlight marks", () => {
		expect(markdownToPlainText("## **1. Problem** with *Docker* and ==layers==")).toBe("1. Problem with Docker and layers");
	});

	it("shows link text instead of link syntax", () => {
		expect(markdownToPlainText("See [[notes/docker|Docker notes]], [[layers]] and [the docs](https://example.com).")).toBe(
			"See Docker notes, layers and the docs.",
		);
	});

	it("keeps code block content verbatim and indented, with its language", () => {
		const text = markdownToPlainText("Build:\n```dockerfile\nFROM **scratch**\n```\nDone");
		expect(text).toBe("Build:\n  [dockerfile]\n    FROM **scratch**\nDone");
	});

	it("marks callout lines and removes comments and block ids", () => {
		expect(markdownToPlainText("> [!note] Title\n> body <!-- hidden --> %% also %%\nanswer ^abc-1")).toBe("│ Title\n│ body  \nanswer");
	});
});
