// @vitest-environment jsdom
/**
 * Issue #15, defect 6: the review modal has a fixed size from the settings, so the buttons stay in
 * place; the rules that pin them (and the contrast) are in styles.css, checked in the browser
 * test (tests/browser/screens.test.ts) where layout and colours are computed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { ReviewModal } from "../../../src/ui/review/review-modal";
import { makeWorld } from "../../review/fixtures";

beforeAll(() => installObsidianDom());
beforeEach(() => document.body.empty());

describe("the review modal's size", () => {
	it("is the one the settings name", async () => {
		const world = await makeWorld({ reviewModalSize: "large" });
		const modal = new ReviewModal(world.services, { title: "k8s", path: "k8s.md" });
		modal.open();
		expect(modal.modalEl.hasClass("sn-review-size-large")).toBe(true);
		modal.close();
	});

	it("each size sets a width and a height; phones fill the screen and pin the bar to the bottom", () => {
		const css = readFileSync(join(__dirname, "..", "..", "..", "styles.css"), "utf8");
		for (const size of ["small", "medium", "large"]) {
			expect(css).toMatch(new RegExp(`\\.modal\\.sn-review-size-${size} \\{\\s*--sn-review-width: \\d+px;\\s*--sn-review-height: \\d+px;`));
		}
		expect(css).toMatch(/body\.is-phone \.sn-review-bar \{\s*position: sticky;\s*bottom: 0;/);
	});
});
