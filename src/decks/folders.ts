/**
 * "Folders as decks" (docs/format.md, "Decks, tags and filters"), as the Spaced Repetition plugin
 * has it: a note in a folder puts all its cards in the deck named by the folder's path, and is
 * read for cards without a flashcard tag. A note at the vault root has no folder deck.
 */

/** The folder deck of the note at vault-relative `path` (`languages/german/nouns.md` → `languages/german`), or null at the root. */
export function folderDeckOf(path: string): string | null {
	const parts = path.replace(/\\/g, "/").split("/");
	parts.pop();
	const folders = parts.filter((part) => part !== "" && part !== ".");
	return folders.length > 0 ? folders.join("/") : null;
}
