/**
 * Reading view: a Markdown post-processor that puts the Dockerfile panel right after each
 * highlighted `pre` of a dockerfile/docker/containerfile block. It is deliberately not a
 * code-block processor, which would replace the `pre` and lose Obsidian's highlighting.
 */
import type { MarkdownPostProcessor, MarkdownPostProcessorContext } from "obsidian";
import { analyseDockerfile } from "../docker/analyse";
import { findDockerignore, isDockerLanguage } from "../docker/markdown-blocks";
import { renderDockerPanel } from "../ui/docker-panel";

export interface DockerPanelSettings {
	dockerPanel: boolean;
	/** Live Preview only; absent means on. */
	dockerPanelInLivePreview?: boolean;
}

/** The block's language from `class="language-…"`, or null. */
function codeLanguage(code: Element): string | null {
	for (const cls of Array.from(code.classList)) if (cls.startsWith("language-")) return cls.slice("language-".length);
	return null;
}

/** Adds (or refreshes) the panel after every Dockerfile `pre` inside `el`. */
function addDockerPanels(el: HTMLElement, lineOffset: number | undefined, dockerignore: string | null): number {
	let added = 0;
	for (const code of Array.from(el.querySelectorAll("pre > code"))) {
		const language = codeLanguage(code);
		const pre = code.parentElement;
		if (!pre || language === null || !isDockerLanguage(language)) continue;
		const next = pre.nextElementSibling;
		if (next?.classList.contains("sn-docker-panel")) next.remove();
		const text = (code.textContent ?? "").replace(/\n$/, "");
		const panel = renderDockerPanel(pre.parentElement ?? el, analyseDockerfile(text, { dockerignore }), { collapsed: false, lineOffset, dockerignore });
		pre.after(panel);
		added++;
	}
	return added;
}

/**
 * The post-processor to register with `registerMarkdownPostProcessor`.
 * @param getSettings read on every render, so toggling the setting applies on the next render
 */
export function createDockerPostProcessor(getSettings: () => DockerPanelSettings): MarkdownPostProcessor {
	return (el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
		if (!getSettings().dockerPanel) return;
		// With section info the advice can name note lines; the fence is the section's first line.
		const info = el.querySelector("pre > code") ? ctx.getSectionInfo(el) : null;
		// The section info carries the whole note, where a ```dockerignore block may sit.
		addDockerPanels(el, info ? info.lineStart + 1 : undefined, info ? findDockerignore(info.text) : null);
	};
}
