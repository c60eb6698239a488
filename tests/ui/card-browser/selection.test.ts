import { describe, expect, it } from "vitest";
import { RowSelection } from "../../../src/ui/card-browser/selection";

const shown = Int32Array.from([40, 41, 42, 43, 44, 45]);
const plain = { range: false, toggle: false };

describe("RowSelection", () => {
	it("selects one row, toggles with Ctrl/Cmd, takes a range from the anchor with Shift (either direction)", () => {
		const selection = new RowSelection();
		selection.click(1, shown, plain);
		expect(selection.selectedIn(shown)).toEqual([41]);
		selection.click(3, shown, { range: false, toggle: true });
		expect(selection.selectedIn(shown)).toEqual([41, 43]);
		selection.click(0, shown, { range: true, toggle: false });
		expect(selection.selectedIn(shown)).toEqual([40, 41, 42, 43]);
		selection.click(3, shown, { range: false, toggle: true });
		expect(selection.selectedIn(shown)).toEqual([40, 41, 42]);
		selection.click(5, shown, { range: true, toggle: true });
		expect(selection.selectedIn(shown)).toEqual([40, 41, 42, 43, 44, 45]);
	});

	it("selects all shown, clears, and follows rows to a new table", () => {
		const selection = new RowSelection();
		selection.selectAll(shown.subarray(2));
		expect(selection.size).toBe(4);
		selection.remap((row) => (row === 42 ? -1 : row + 100));
		expect([...[142, 143, 144, 145].filter((row) => selection.has(row))]).toEqual([143, 144, 145]);
		selection.clear();
		expect(selection.size).toBe(0);
		// Without an anchor, Shift-click selects the one row.
		selection.click(2, shown, { range: true, toggle: false });
		expect(selection.selectedIn(shown)).toEqual([42]);
	});
});
