/**
 * The sidebar list of notes to review (docs/scheduling.md, "Note review"): per deck a foldable
 * section with its counts, and in it the groups new, overdue, today, tomorrow and later; a click
 * opens the note. It only draws the queue the port hands it, again after every change.
 */
import { ItemView, type App, type WorkspaceLeaf } from "obsidian";
import { BUCKETS, type BucketName, type NoteDeck } from "../../notes/note-queue";
import type { NoteReviewPort } from "./note-review-port";

export const NOTE_REVIEW_VIEW_TYPE = "spaced-notes-note-review";

const BUCKET_LABELS: Record<BucketName, string> = { new: "New", overdue: "Overdue", today: "Today", tomorrow: "Tomorrow", later: "Later" };

export class NoteReviewView extends ItemView {
	/** Decks the user folded, kept across redraws. */
	private readonly folded = new Set<string>();

	constructor(
		leaf: WorkspaceLeaf,
		private readonly port: NoteReviewPort,
	) {
		super(leaf);
	}

	getViewType(): string {
		return NOTE_REVIEW_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Notes to review";
	}

	override getIcon(): string {
		return "file-clock";
	}

	override async onOpen(): Promise<void> {
		this.register(this.port.onChange(() => this.render()));
		this.render();
		return Promise.resolve();
	}

	/** Draws the queue as it is now. */
	render(): void {
		const root = this.contentEl;
		root.empty();
		root.addClass("spaced-notes-note-review");
		const queue = this.port.queue();
		if (queue.decks.length === 0) {
			root.createEl("p", {
				cls: "spaced-notes-note-review-empty",
				text: "No notes to review. Give a note a review tag (such as #review) to see it here.",
			});
			return;
		}
		const active = this.port.activePath();
		for (const deck of queue.decks) this.renderDeck(root, deck, active);
	}

	private renderDeck(root: HTMLElement, deck: NoteDeck, active: string | null): void {
		const section = root.createEl("details", { cls: "spaced-notes-note-deck" });
		section.open = !this.folded.has(deck.name);
		section.addEventListener("toggle", () => {
			if (section.open) this.folded.delete(deck.name);
			else this.folded.add(deck.name);
		});
		const due = deck.buckets.overdue.length + deck.buckets.today.length;
		const summary = section.createEl("summary", { cls: "spaced-notes-note-deck-name" });
		summary.createSpan({ text: deck.name });
		summary.createSpan({ cls: "spaced-notes-note-deck-counts", text: `${due} due · ${deck.buckets.new.length} new` });
		for (const bucket of BUCKETS) {
			const notes = deck.buckets[bucket];
			if (notes.length === 0) continue;
			const group = section.createDiv({ cls: `spaced-notes-note-bucket spaced-notes-note-bucket-${bucket}` });
			group.createDiv({ cls: "spaced-notes-note-bucket-name", text: `${BUCKET_LABELS[bucket]} (${notes.length})` });
			const list = group.createEl("ul");
			for (const note of notes) {
				const item = list.createEl("li", { cls: "spaced-notes-note-item" });
				if (note.path === active) item.addClass("is-active");
				const link = item.createEl("a", { text: noteTitle(note.path), attr: { href: "#", "data-path": note.path } });
				link.addEventListener("click", (evt) => {
					evt.preventDefault();
					this.port.open(note.path, deck.name);
				});
				if (note.due !== null && (bucket === "overdue" || bucket === "later")) item.createSpan({ cls: "spaced-notes-note-due", text: note.due });
			}
		}
	}
}

/** The note's name without folder and `.md`. */
function noteTitle(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
}

/** Opens the list in the right sidebar, or shows it when it is open. */
export async function openNoteReviewView(app: App): Promise<void> {
	const existing = app.workspace.getLeavesOfType(NOTE_REVIEW_VIEW_TYPE)[0];
	const leaf = existing ?? app.workspace.getRightLeaf(false);
	if (!leaf) return;
	if (!existing) await leaf.setViewState({ type: NOTE_REVIEW_VIEW_TYPE, active: true });
	await app.workspace.revealLeaf(leaf);
}
