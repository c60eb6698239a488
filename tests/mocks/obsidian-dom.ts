/**
 * Obsidian's DOM helpers (obsidian.d.ts: createEl, createDiv, createSpan, createSvg, setText,
 * empty, addClass … and the global createEl/createDiv/createSpan/createSvg/createFragment) for
 * jsdom tests. Call `installObsidianDom()` once in a `// @vitest-environment jsdom` test file.
 * Behaviour follows Obsidian: a string in place of DomElementInfo is the class, `attr` values
 * of null remove the attribute, `parent` appends (or prepends with `prepend: true`).
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const HTML_NS = "http://www.w3.org/1999/xhtml";

type AttrValue = string | number | boolean | null;
interface Info {
	cls?: string | string[];
	text?: string | DocumentFragment;
	attr?: Record<string, AttrValue>;
	title?: string;
	parent?: Node;
	prepend?: boolean;
	value?: string;
	type?: string;
	placeholder?: string;
	href?: string;
}

function classList(cls: string | string[] | undefined): string[] {
	if (cls === undefined) return [];
	return (Array.isArray(cls) ? cls : [cls]).flatMap((c) => c.split(" ")).filter((c) => c !== "");
}

function setAttr(el: Element, name: string, value: AttrValue): void {
	if (value === null) el.removeAttribute(name);
	else el.setAttribute(name, String(value));
}

function setText(el: Node, val: string | DocumentFragment): void {
	el.textContent = "";
	if (typeof val === "string") el.textContent = val;
	else el.appendChild(val);
}

function place(el: Element, parent: Node | undefined, prepend: boolean | undefined): void {
	if (!parent) return;
	if (prepend) parent.insertBefore(el, parent.firstChild);
	else parent.appendChild(el);
}

function applyInfo(el: Element, raw: Info | string | undefined, parent: Node | undefined): void {
	const o: Info = typeof raw === "string" ? { cls: raw } : (raw ?? {});
	const classes = classList(o.cls);
	if (classes.length > 0) el.classList.add(...classes);
	if (o.text !== undefined) setText(el, o.text);
	for (const [name, value] of Object.entries(o.attr ?? {})) setAttr(el, name, value);
	if (o.title !== undefined) el.setAttribute("title", o.title);
	if (o.value !== undefined && "value" in el) (el as HTMLInputElement).value = o.value;
	if (o.type !== undefined) el.setAttribute("type", o.type);
	if (o.placeholder !== undefined) el.setAttribute("placeholder", o.placeholder);
	if (o.href !== undefined) el.setAttribute("href", o.href);
	place(el, o.parent ?? parent, o.prepend);
}

function docOf(node: Node | undefined): Document {
	return node?.ownerDocument ?? (node instanceof Document ? node : document);
}

function makeEl(doc: Document, tag: string, o: Info | string | undefined, parent: Node | undefined, cb: ((el: HTMLElement) => void) | undefined): HTMLElement {
	// The implementation of createEl itself: an HTML-namespace element is what createElement makes.
	const el = doc.createElementNS(HTML_NS, tag);
	applyInfo(el, o, parent);
	cb?.(el);
	return el;
}

function makeSvg(doc: Document, tag: string, o: Info | string | undefined, parent: Node | undefined, cb: ((el: SVGElement) => void) | undefined): SVGElement {
	const el = doc.createElementNS(SVG_NS, tag);
	const info: Info = typeof o === "string" ? { cls: o } : (o ?? {});
	applyInfo(el, { cls: info.cls, attr: info.attr, parent: info.parent, prepend: info.prepend }, parent);
	cb?.(el);
	return el;
}

function define(proto: object, members: Record<string, unknown>): void {
	for (const [name, value] of Object.entries(members)) {
		Object.defineProperty(proto, name, { value, configurable: true, writable: true });
	}
}

type ElCb = ((el: HTMLElement) => void) | undefined;
type SvgCb = ((el: SVGElement) => void) | undefined;

/** Adds Obsidian's DOM helpers to jsdom's prototypes and globals. Safe to call more than once. */
export function installObsidianDom(): void {
	if (typeof document === "undefined") throw new Error("installObsidianDom needs a DOM: add `// @vitest-environment jsdom`");
	define(Node.prototype, {
		createEl(this: Node, tag: string, o?: Info | string, cb?: ElCb) {
			return makeEl(docOf(this), tag, o, this, cb);
		},
		createDiv(this: Node, o?: Info | string, cb?: ElCb) {
			return makeEl(docOf(this), "div", o, this, cb);
		},
		createSpan(this: Node, o?: Info | string, cb?: ElCb) {
			return makeEl(docOf(this), "span", o, this, cb);
		},
		createSvg(this: Node, tag: string, o?: Info | string, cb?: SvgCb) {
			return makeSvg(docOf(this), tag, o, this, cb);
		},
		detach(this: Node) {
			this.parentNode?.removeChild(this);
		},
		empty(this: Node) {
			while (this.firstChild) this.removeChild(this.firstChild);
		},
		appendText(this: Node, val: string) {
			this.appendChild(docOf(this).createTextNode(val));
		},
		insertAfter<T extends Node>(this: Node, node: T, child: Node | null): T {
			this.insertBefore(node, child ? child.nextSibling : this.firstChild);
			return node;
		},
		indexOf(this: Node, other: Node) {
			return Array.prototype.indexOf.call(this.childNodes, other);
		},
		setChildrenInPlace(this: Node, children: Node[]) {
			while (this.firstChild) this.removeChild(this.firstChild);
			for (const c of children) this.appendChild(c);
		},
		instanceOf(this: Node, type: new () => unknown) {
			return Object.prototype.isPrototypeOf.call(type.prototype, this);
		},
	});
	Object.defineProperty(Node.prototype, "doc", {
		configurable: true,
		get(this: Node) {
			return docOf(this);
		},
	});
	Object.defineProperty(Node.prototype, "win", {
		configurable: true,
		get(this: Node) {
			return docOf(this).defaultView ?? window;
		},
	});
	define(Element.prototype, {
		getText(this: Element) {
			return this.textContent ?? "";
		},
		setText(this: Element, val: string | DocumentFragment) {
			setText(this, val);
		},
		addClass(this: Element, ...classes: string[]) {
			this.classList.add(...classList(classes));
		},
		addClasses(this: Element, classes: string[]) {
			this.classList.add(...classList(classes));
		},
		removeClass(this: Element, ...classes: string[]) {
			this.classList.remove(...classList(classes));
		},
		removeClasses(this: Element, classes: string[]) {
			this.classList.remove(...classList(classes));
		},
		toggleClass(this: Element, classes: string | string[], value: boolean) {
			for (const c of classList(classes)) this.classList.toggle(c, value);
		},
		hasClass(this: Element, cls: string) {
			return this.classList.contains(cls);
		},
		setAttr(this: Element, name: string, value: AttrValue) {
			setAttr(this, name, value);
		},
		setAttrs(this: Element, obj: Record<string, AttrValue>) {
			for (const [name, value] of Object.entries(obj)) setAttr(this, name, value);
		},
		getAttr(this: Element, name: string) {
			return this.getAttribute(name);
		},
		matchParent(this: Element, selector: string, lastParent?: Element) {
			for (let p = this.parentElement; p && p !== lastParent; p = p.parentElement) if (p.matches(selector)) return p;
			return null;
		},
		find(this: Element, selector: string) {
			return this.querySelector(selector);
		},
		findAll(this: Element, selector: string) {
			return Array.from(this.querySelectorAll(selector));
		},
		findAllSelf(this: Element, selector: string) {
			return [...(this.matches(selector) ? [this] : []), ...Array.from(this.querySelectorAll(selector))];
		},
		isActiveElement(this: Element) {
			return docOf(this).activeElement === this;
		},
	});
	define(HTMLElement.prototype, {
		show(this: HTMLElement) {
			this.setCssProps({ display: "" });
		},
		hide(this: HTMLElement) {
			this.setCssProps({ display: "none" });
		},
		toggle(this: HTMLElement, show: boolean) {
			this.setCssProps({ display: show ? "" : "none" });
		},
		toggleVisibility(this: HTMLElement, visible: boolean) {
			this.setCssProps({ visibility: visible ? "" : "hidden" });
		},
		isShown(this: HTMLElement) {
			if (!this.isConnected || this.style.display === "none") return false;
			for (let el = this.parentElement; el; el = el.parentElement) if (el.style.display === "none") return false;
			return true;
		},
		setCssStyles(this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
			Object.assign(this.style, styles);
		},
		setCssProps(this: HTMLElement, props: Record<string, string>) {
			for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
		},
	});
	define(DocumentFragment.prototype, {
		find(this: DocumentFragment, selector: string) {
			return this.querySelector(selector);
		},
		findAll(this: DocumentFragment, selector: string) {
			return Array.from(this.querySelectorAll(selector));
		},
	});
	define(globalThis, {
		createEl: (tag: string, o?: Info | string, cb?: ElCb) => makeEl(document, tag, o, undefined, cb),
		createDiv: (o?: Info | string, cb?: ElCb) => makeEl(document, "div", o, undefined, cb),
		createSpan: (o?: Info | string, cb?: ElCb) => makeEl(document, "span", o, undefined, cb),
		createSvg: (tag: string, o?: Info | string, cb?: SvgCb) => makeSvg(document, tag, o, undefined, cb),
		createFragment: (cb?: (el: DocumentFragment) => void) => {
			const frag = new DocumentFragment();
			cb?.(frag);
			return frag;
		},
	});
}
