import { describe, expect, it } from "vitest";
import { findDockerBlocks } from "../../src/docker/markdown-blocks";

describe("findDockerBlocks", () => {
	it("accepts every info string in any case, at any indentation, behind > and with ~~~", () => {
		const md = [
			"intro",
			"```Dockerfile",
			"FROM a",
			"```",
			"- item",
			"  ```docker title=x",
			"  FROM b",
			"  ```",
			"> quote",
			"> ~~~~containerfile",
			"> FROM c",
			"> ~~~~",
			"```DOCKERFILE",
			"FROM d",
			"````",
		].join("\n");
		const blocks = findDockerBlocks(md);
		expect(blocks.map((b) => [b.line, b.endLine, b.body])).toEqual([
			[2, 4, "FROM a"],
			[6, 8, "FROM b"],
			[10, 12, "FROM c"],
			[13, 15, "FROM d"],
		]);
	});

	it("skips other languages whole, including dockerfile fences shown inside them", () => {
		const md = ["````markdown", "```dockerfile", "FROM x", "```", "````", "```bash", "docker build .", "```"].join("\n");
		expect(findDockerBlocks(md)).toEqual([]);
	});

	it("an unclosed fence runs to the end; a quote that ends closes its block", () => {
		expect(findDockerBlocks("```dockerfile\nFROM a\nRUN b")).toEqual([{ line: 1, endLine: null, body: "FROM a\nRUN b", language: "dockerfile" }]);
		const quoted = findDockerBlocks("> ```dockerfile\n> FROM a\nplain text\n```dockerfile\nFROM z\n```");
		expect(quoted.map((b) => [b.line, b.endLine, b.body])).toEqual([
			[1, null, "FROM a"],
			[4, 6, "FROM z"],
		]);
	});

	it("a closing fence must be as long as the opening one and of the same character", () => {
		const blocks = findDockerBlocks("````dockerfile\nFROM a\n```\n~~~~\n````");
		expect(blocks[0].body).toBe("FROM a\n```\n~~~~");
	});
});
