// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from "vitest";
import { installObsidianDom } from "./obsidian-dom";

beforeAll(() => installObsidianDom());

describe("installObsidianDom", () => {
	it("createEl / createDiv / createSpan follow DomElementInfo", () => {
		const root = createDiv("a b");
		expect(root.className).toBe("a b");
		expect(root.parentNode).toBeNull();
		const first = root.createSpan({ text: "one" });
		const link = root.createEl(
			"a",
			{ cls: ["x", "y z"], text: "t", href: "https://example.com", title: "tip", attr: { "data-n": 3, hidden: null } },
			(el) => el.addClass("cb"),
		);
		const top = root.createDiv({ text: "zero", prepend: true });
		expect(Array.from(root.children)).toEqual([top, first, link]);
		expect(link.className).toBe("x y z cb");
		expect(link.getAttribute("href")).toBe("https://example.com");
		expect(link.title).toBe("tip");
		expect(link.getAttribute("data-n")).toBe("3");
		expect(link.hasAttribute("hidden")).toBe(false);
		const input = createEl("input", { type: "checkbox", value: "v", placeholder: "p", parent: root });
		expect(input.parentElement).toBe(root);
		expect(input.type).toBe("checkbox");
		expect(input.value).toBe("v");
		expect(input.getAttribute("placeholder")).toBe("p");
	});

	it("class, attribute and text helpers", () => {
		const el = createDiv();
		el.addClass("a", "b");
		el.removeClass("a");
		el.toggleClass(["c", "d"], true);
		el.toggleClass("b", false);
		expect(el.className).toBe("c d");
		expect(el.hasClass("c")).toBe(true);
		el.setAttr("aria-label", "x");
		el.setAttrs({ role: "img", tabindex: 0 });
		expect(el.getAttr("aria-label")).toBe("x");
		expect(el.getAttribute("tabindex")).toBe("0");
		el.setAttr("role", null);
		expect(el.hasAttribute("role")).toBe(false);
		el.setText("hello");
		el.appendText(" world");
		expect(el.getText()).toBe("hello world");
		el.setText(createFragment((f) => f.createSpan({ text: "frag" })));
		expect(el.innerHTML).toBe("<span>frag</span>");
		el.empty();
		expect(el.childNodes).toHaveLength(0);
		expect(el.instanceOf(HTMLDivElement)).toBe(true);
		expect(el.instanceOf(HTMLSpanElement)).toBe(false);
	});

	it("createSvg makes SVG-namespace elements", () => {
		const svg = createSvg("svg", { cls: "g", attr: { viewBox: "0 0 10 10" } });
		const rect = svg.createSvg("rect", { attr: { width: 4 } });
		expect(svg.namespaceURI).toBe("http://www.w3.org/2000/svg");
		expect(rect.namespaceURI).toBe("http://www.w3.org/2000/svg");
		expect(svg.getAttribute("class")).toBe("g");
		expect(rect.getAttribute("width")).toBe("4");
		expect(rect.parentNode).toBe(svg);
	});

	it("show, hide, detach, find", () => {
		const root = createDiv();
		document.body.appendChild(root);
		const child = root.createDiv("kid");
		expect(child.isShown()).toBe(true);
		root.hide();
		expect(child.isShown()).toBe(false);
		root.show();
		expect(root.find(".kid")).toBe(child);
		expect(root.findAll("div")).toEqual([child]);
		child.detach();
		expect(root.children).toHaveLength(0);
		root.detach();
	});
});
