// Imitates Obsidian's key Scope: handlers registered by key and modifiers.

type KeyHandler = (evt: KeyboardEvent, ctx: { key: string; modifiers: string }) => unknown;
export interface KeymapEventHandler {
	modifiers: string[] | null;
	key: string | null;
	func: KeyHandler;
}

/** A key scope: handlers by key and modifiers; tests press keys with `press`. */
export class Scope {
	handlers: KeymapEventHandler[] = [];
	constructor(public parent?: Scope) {}
	register(modifiers: string[] | null, key: string | null, func: KeyHandler): KeymapEventHandler {
		const handler = { modifiers, key, func };
		this.handlers.push(handler);
		return handler;
	}
	unregister(handler: KeymapEventHandler): void {
		this.handlers = this.handlers.filter((h) => h !== handler);
	}
	/**
	 * Test helper: the first handler for `key` (case-insensitive) and exactly `modifiers` runs, as
	 * Obsidian does; returns false when it consumed the key (returned false), true otherwise.
	 */
	press(key: string, modifiers: string[] = []): boolean {
		const mods = [...modifiers].sort().join(",");
		const handler = this.handlers.find(
			(h) => (h.key === null || h.key.toLowerCase() === key.toLowerCase()) && (h.modifiers === null || [...h.modifiers].sort().join(",") === mods),
		);
		if (!handler) return true;
		const evt = typeof KeyboardEvent === "undefined" ? ({ key } as KeyboardEvent) : new KeyboardEvent("keydown", { key });
		return handler.func(evt, { key, modifiers: mods }) !== false;
	}
}
