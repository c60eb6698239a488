// Imitates Obsidian's Modal and FuzzySuggestModal.
import { Scope } from "./scope";
import type { App } from "./workspace";

/** A modal: `open()` builds nothing on screen but runs `onOpen`; `close()` runs `onClose`. */
export class Modal {
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	isOpen = false;
	scope: Scope;
	constructor(public app: App) {
		this.scope = new Scope(app.scope);
		// As Obsidian does: Escape on the modal's scope closes it (through close(), which may be overridden).
		this.scope.register([], "Escape", () => {
			this.close();
			return false;
		});
		this.containerEl = createDiv("modal-container");
		this.modalEl = this.containerEl.createDiv("modal");
		this.titleEl = this.modalEl.createDiv("modal-title");
		this.contentEl = this.modalEl.createDiv("modal-content");
	}
	open(): void {
		this.isOpen = true;
		document.body.appendChild(this.containerEl);
		this.onOpen();
	}
	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		this.containerEl.remove();
		this.onClose();
	}
	setTitle(title: string): this {
		this.titleEl.textContent = title;
		return this;
	}
	onOpen(): void {}
	onClose(): void {}
}

export interface FuzzyMatch<T> {
	item: T;
	match: { score: number; matches: [number, number][] };
}

/** A fuzzy picker; tests call `getItems`, `getItemText` and `onChooseItem` directly. */
export abstract class FuzzySuggestModal<T> extends Modal {
	placeholder = "";
	setPlaceholder(text: string): void {
		this.placeholder = text;
	}
	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}
