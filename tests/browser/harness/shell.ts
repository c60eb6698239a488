// What Obsidian draws around a screen in the harness: a modal's shell, and a tiny Markdown renderer.

/** An Obsidian-like modal shell: container, dimmed background, the modal, its title. */
export function modal(cls: string, title: string | null): HTMLElement {
	const container = document.body.createDiv("modal-container");
	container.createDiv("modal-bg");
	const el = container.createDiv(`modal ${cls}`);
	if (title !== null) el.createDiv({ cls: "modal-title", text: title });
	return el.createDiv("modal-content");
}

/** A tiny Markdown renderer for the harness: headings, lists, code fences, paragraphs, bold. */
export function renderMarkdown(markdown: string, el: HTMLElement): Promise<void> {
	const lines = markdown.split("\n");
	let list: HTMLElement | null = null;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (line.startsWith("```")) {
			const code: string[] = [];
			for (i++; i < lines.length && !lines[i].startsWith("```"); i++) code.push(lines[i]);
			el.createEl("pre").createEl("code", { text: code.join("\n") });
			list = null;
		} else if (line.startsWith("- ")) {
			list ??= el.createEl("ul");
			inline(list.createEl("li"), line.slice(2));
		} else if (/^#{1,6} /.test(line)) {
			inline(el.createEl("h3"), line.replace(/^#+ /, ""));
			list = null;
		} else if (line.trim() !== "") {
			inline(el.createEl("p"), line);
			list = null;
		}
	}
	return Promise.resolve();
}

function inline(el: HTMLElement, text: string): void {
	text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).forEach((part) => {
		if (part.startsWith("**")) el.createEl("strong", { text: part.slice(2, -2) });
		else if (part.startsWith("`")) el.createEl("code", { text: part.slice(1, -1) });
		else if (part !== "") el.appendText(part);
	});
}
