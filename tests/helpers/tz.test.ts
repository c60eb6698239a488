import { describe, expect, it } from "vitest";
import { inTimeZone, local } from "./tz";

describe("time-zone helper", () => {
	it("really changes the process time zone", () => {
		expect(inTimeZone("UTC", () => local(2026, 1, 1, 0).toISOString())).toBe("2026-01-01T00:00:00.000Z");
		expect(inTimeZone("Asia/Shanghai", () => local(2026, 1, 1, 0).toISOString())).toBe("2025-12-31T16:00:00.000Z");
		expect(inTimeZone("America/New_York", () => local(2026, 1, 1, 0).toISOString())).toBe("2026-01-01T05:00:00.000Z");
	});
});
