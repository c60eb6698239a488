import { describe, expect, it } from "vitest";
import { statusLine } from "../../../src/ui/card-browser/columns";

describe("statusLine", () => {
	it("counts shown and selected cards, and says how far the card text is read", () => {
		expect(statusLine(1234, 100000, 0, null, false)).toBe("1,234 of 100,000 cards");
		expect(statusLine(12, 20, 3, { done: 2, total: 5 }, false)).toBe("12 of 20 cards · 3 selected · reading card text: 40%");
		expect(statusLine(12, 20, 0, { done: 1, total: 3 }, true)).toBe("12 of 20 cards · reading card text: 33% (text found so far)");
	});
});
