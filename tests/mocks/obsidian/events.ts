// Imitates Obsidian's Component (children and clean-ups on unload) and its Events emitter.

export class Component {
	private children: Component[] = [];
	private cleanups: (() => void)[] = [];
	loaded = false;
	load(): void {
		this.loaded = true;
		this.onload();
	}
	onload(): void {}
	unload(): void {
		for (const child of this.children.splice(0)) child.unload();
		for (const fn of this.cleanups.splice(0).reverse()) fn();
		this.loaded = false;
		this.onunload();
	}
	onunload(): void {}
	addChild<T extends Component>(child: T): T {
		this.children.push(child);
		if (this.loaded) child.load();
		return child;
	}
	removeChild<T extends Component>(child: T): T {
		this.children = this.children.filter((c) => c !== child);
		child.unload();
		return child;
	}
	register(cb: () => void): void {
		this.cleanups.push(cb);
	}
	registerEvent(ref: EventRef): void {
		this.cleanups.push(() => ref.detach());
	}
	registerDomEvent(el: EventTarget, type: string, cb: EventListener): void {
		el.addEventListener(type, cb);
		this.cleanups.push(() => el.removeEventListener(type, cb));
	}
	registerInterval(id: number): number {
		this.cleanups.push(() => clearInterval(id));
		return id;
	}
}

export interface EventRef {
	detach(): void;
}

export class Events {
	private handlers = new Map<string, Set<(...args: unknown[]) => unknown>>();
	on(name: string, callback: (...args: unknown[]) => unknown): EventRef {
		const set = this.handlers.get(name) ?? new Set();
		set.add(callback);
		this.handlers.set(name, set);
		return { detach: () => set.delete(callback) };
	}
	offref(ref: EventRef): void {
		ref.detach();
	}
	trigger(name: string, ...args: unknown[]): void {
		for (const cb of [...(this.handlers.get(name) ?? [])]) cb(...args);
	}
	listenerCount(name: string): number {
		return this.handlers.get(name)?.size ?? 0;
	}
}
