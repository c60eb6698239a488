// Imitates Obsidian's Notice, setIcon and Platform flags.

export const Platform = { isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false };

/** Records the icon name on the element (jsdom tests). */
export function setIcon(el: HTMLElement, icon: string): void {
	el.setAttribute("data-icon", icon);
}

/** Notices shown so far (tests read and clear it). */
export const notices: string[] = [];
export class Notice {
	constructor(message: string | DocumentFragment) {
		notices.push(typeof message === "string" ? message : (message.textContent ?? ""));
	}
	hide(): void {}
}
