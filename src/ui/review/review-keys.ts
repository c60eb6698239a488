/**
 * The review's keys (README, "Reviewing"). Two maps, chosen by the `keyMap` setting:
 * - Anki's: 1–4 Again / Hard / Good / Easy, Space or Enter reveal then Good, Z or U undo,
 *   S skip, E edit, O open in note, Esc back;
 * - the Spaced Repetition plugin's (its review view's key handler, 1.15): 0 Again (its "Reset"),
 *   1 Hard, 2 Good, 3 Easy, Space or Enter reveal then Good, S skip, J open the card in its note.
 *   It has no key to undo, edit or go back: ours (Z or U, E, Esc) are kept, as they clash with none.
 * In both maps, as Anki has them: - bury, @ suspend, I card info, Ctrl/Cmd+1–7 toggle a flag
 * (the Spaced Repetition plugin uses none of these keys).
 */
import { Rating } from "../../model/schedule";

export type KeyMapName = "anki" | "spaced-repetition";

export type ReviewAction = "reveal-or-good" | "again" | "hard" | "good" | "easy" | "undo" | "skip" | "edit" | "open" | "back" | "bury" | "suspend" | "info";

/** Keys as Obsidian's `Scope` names them (`KeyboardEvent.key`, letters lower case). */
export type KeyMap = Readonly<Record<ReviewAction, readonly string[]>>;

const SHARED = {
	"reveal-or-good": [" ", "Enter"],
	undo: ["z", "u"],
	skip: ["s"],
	edit: ["e"],
	back: ["Escape"],
	bury: ["-"],
	suspend: ["@"],
	info: ["i"],
} as const;

/** Flags 1–7 are toggled with Ctrl (Cmd on macOS) and the flag's digit. */
const FLAG_KEYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

/** Anki's flag colours, for the menu and the header's marker. */
export const FLAG_COLOURS = ["", "red", "orange", "green", "blue", "pink", "turquoise", "purple"] as const;

/** How a flag's key is shown: "Ctrl+1" ("Cmd+1" on macOS). */
export function flagHint(flag: number, mac: boolean): string {
	return `${mac ? "Cmd" : "Ctrl"}+${flag}`;
}

/** Keys typed with Shift on most layouts: registered with and without it. */
const SHIFTED = new Set(["@"]);

export const KEY_MAPS: Readonly<Record<KeyMapName, KeyMap>> = {
	anki: { ...SHARED, again: ["1"], hard: ["2"], good: ["3"], easy: ["4"], open: ["o"] },
	"spaced-repetition": { ...SHARED, again: ["0"], hard: ["1"], good: ["2"], easy: ["3"], open: ["j"] },
};

export const RATING_ACTIONS: Readonly<Record<Rating, ReviewAction>> = {
	[Rating.Again]: "again",
	[Rating.Hard]: "hard",
	[Rating.Good]: "good",
	[Rating.Easy]: "easy",
};

/** How a key is shown on a button: "Space", "Esc", "U", "1". */
function keyLabel(key: string): string {
	if (key === " ") return "Space";
	if (key === "Escape") return "Esc";
	return key.length === 1 ? key.toUpperCase() : key;
}

/** The hint for an action: its first key ("Z" for undo), or with reveal both ("Space"). */
export function keyHint(map: KeyMap, action: ReviewAction): string {
	return keyLabel(map[action][0]);
}

/** The `aria-keyshortcuts` value of an action (each key, as ARIA spells them). */
export function ariaShortcuts(map: KeyMap, action: ReviewAction): string {
	return map[action].map((key) => (key === " " ? "Space" : key.length === 1 ? key.toUpperCase() : key)).join(" ");
}

/** Registers Mod+1…7 on `scope`; `run` toggles the flag and says whether the key was used. */
export function bindFlagKeys(scope: KeyScope, run: (flag: number) => boolean): () => void {
	const handlers = FLAG_KEYS.map((key, i) => scope.register(["Mod"], key, () => !run(i + 1)));
	return () => {
		for (const handler of handlers) scope.unregister(handler as never);
	};
}

/** What a scope registration needs (Obsidian's `Scope`, or the test mock's). */
interface KeyScope {
	register(modifiers: ("Mod" | "Shift")[], key: string, handler: () => boolean | void): unknown;
	unregister(handler: never): void;
}

/**
 * Registers every key of `map` on `scope`; `run` does an action and says whether the key was
 * used (then the key goes no further). Returns a function that takes the keys off again.
 */
export function bindReviewKeys(scope: KeyScope, map: KeyMap, run: (action: ReviewAction, key: string) => boolean): () => void {
	const handlers: unknown[] = [];
	for (const action of Object.keys(map) as ReviewAction[]) {
		for (const key of map[action]) {
			handlers.push(scope.register([], key, () => !run(action, key)));
			if (SHIFTED.has(key)) handlers.push(scope.register(["Shift"], key, () => !run(action, key)));
		}
	}
	return () => {
		for (const handler of handlers) scope.unregister(handler as never);
	};
}
