// Imitates Obsidian's Menu and MenuItem; shown menus are recorded for tests.

/** A menu item as the plugin builds it; tests read the titles and call `click`. */
export class MenuItem {
	title = "";
	checked = false;
	click: () => void = () => {};
	setTitle(title: string): this {
		this.title = title;
		return this;
	}
	setIcon(_icon: string): this {
		return this;
	}
	setChecked(checked: boolean): this {
		this.checked = checked;
		return this;
	}
	onClick(callback: () => void): this {
		this.click = callback;
		return this;
	}
}

/** The menus shown, most recent last. */
export const shownMenus: Menu[] = [];

export class Menu {
	readonly items: (MenuItem | "separator")[] = [];
	addItem(build: (item: MenuItem) => void): this {
		const item = new MenuItem();
		build(item);
		this.items.push(item);
		return this;
	}
	addSeparator(): this {
		this.items.push("separator");
		return this;
	}
	showAtMouseEvent(_event: MouseEvent): this {
		shownMenus.push(this);
		return this;
	}
}
