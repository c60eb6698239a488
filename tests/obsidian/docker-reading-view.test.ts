// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from "vitest";
import type { MarkdownPostProcessorContext, MarkdownSectionInformation } from "obsidian";
import { createDockerPostProcessor } from "../../src/obsidian/docker-reading-view";
import { installObsidianDom } from "../mocks/obsidian-dom";
import { noteBlocks } from "../docker/helpers";

beforeAll(() => installObsidianDom());

function context(section: MarkdownSectionInformation | null): MarkdownPostProcessorContext {
	return { docId: "d", sourcePath: "note.md", frontmatter: null, addChild: () => undefined, getSectionInfo: () => section };
}

/** What Obsidian's renderer produces for a fenced block: highlighted spans inside pre > code. */
function renderedBlock(language: string, body: string): HTMLElement {
	const section = createDiv();
	const wrapper = section.createDiv("el-pre");
	const pre = wrapper.createEl("pre", { cls: `language-${language}` });
	const code = pre.createEl("code", { cls: `language-${language} is-loaded` });
	for (const [i, line] of body.split("\n").entries()) {
		code.createSpan({ cls: "token keyword", text: line.split(" ")[0] });
		code.appendText(line.slice(line.split(" ")[0].length) + (i < body.split("\n").length - 1 ? "\n" : ""));
	}
	code.appendText("\n");
	wrapper.createEl("button", { cls: "copy-code-button", text: "Copy" });
	return section;
}

describe("createDockerPostProcessor", () => {
	it("inserts the panel right after the highlighted pre, which stays untouched", async () => {
		const el = renderedBlock("dockerfile", noteBlocks()[0]);
		const pre = el.querySelector("pre")!;
		const before = pre.outerHTML;
		await createDockerPostProcessor(() => ({ dockerPanel: true }))(el, context({ lineStart: 27, lineEnd: 38, text: "" }));
		expect(pre.outerHTML).toBe(before);
		const panel = pre.nextElementSibling!;
		expect(panel.classList.contains("sn-docker-panel")).toBe(true);
		expect(panel.querySelectorAll("tbody tr")).toHaveLength(2);
		expect(panel.querySelector(".sn-docker-advice-line")?.textContent).toBe("Line 36"); // note line
		expect(el.querySelectorAll(".sn-docker-panel")).toHaveLength(1);
	});

	it("recognises the other info strings in any case, and ignores other languages", async () => {
		const run = createDockerPostProcessor(() => ({ dockerPanel: true }));
		for (const lang of ["docker", "Dockerfile", "containerfile"]) {
			const el = renderedBlock(lang, "FROM alpine:3.20");
			await run(el, context(null));
			expect(el.querySelector("pre + .sn-docker-panel"), lang).not.toBeNull();
		}
		const bash = renderedBlock("bash", "FROM alpine:3.20");
		await run(bash, context(null));
		expect(bash.querySelector(".sn-docker-panel")).toBeNull();
	});

	it("does nothing when the setting is off, and does not duplicate on a second run", async () => {
		const settings = { dockerPanel: false };
		const run = createDockerPostProcessor(() => settings);
		const el = renderedBlock("dockerfile", "FROM alpine:3.20");
		await run(el, context(null));
		expect(el.querySelector(".sn-docker-panel")).toBeNull();
		settings.dockerPanel = true;
		await run(el, context(null));
		await run(el, context(null));
		expect(el.querySelectorAll(".sn-docker-panel")).toHaveLength(1);
	});
});
