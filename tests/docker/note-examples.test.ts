import { describe, expect, it } from "vitest";
import { findDockerBlocks } from "../../src/docker/markdown-blocks";
import { ok, readNote, rules } from "./helpers";

describe("the real note's Dockerfile blocks", () => {
	const blocks = findDockerBlocks(readNote());

	it("finds both dockerfile blocks with their fence lines", () => {
		expect(blocks.map((b) => b.line)).toEqual([28, 57]);
		expect(blocks.map((b) => b.endLine)).toEqual([39, 67]);
		expect(blocks[0].body.split("\n")[0]).toBe("# Build Stage");
	});

	it("Go: builder on golang:1.17, final on scratch copying from builder", () => {
		const a = ok(blocks[0].body);
		expect(a.stages).toHaveLength(2);
		expect(a.stages[0]).toMatchObject({ index: 0, name: "builder", base: "golang:1.17", parent: null, final: false, skipped: false });
		expect(a.stages[1]).toMatchObject({ index: 1, name: null, base: "scratch", final: true, skipped: false });
		expect(a.stages[1].sources).toEqual([{ kind: "stage", ref: "builder", stage: 0, via: "copy", line: 9 }]);
		expect(a.final).toBe(1);
	});

	it("Go: footprint ≈ 0 plus the binary on scratch against ≈ 833.5 MB on golang", () => {
		const f = ok(blocks[0].body).footprint;
		expect(f.final).toMatchObject({ image: "scratch", bytes: 0, confidence: "exact" });
		expect(f.copiedFiles).toBe(true);
		expect(f.largestBuilder).toMatchObject({ image: "golang:1.17", bytes: 833_500_000, row: "golang:1.26-bookworm" });
		expect(f.ratio).toBeNull(); // 0 bytes + unknown binary: no honest ratio
		expect(f.unknown).toEqual([]);
	});

	it("Go: no advice to change the runtime, only the scratch reminders", () => {
		const a = ok(blocks[0].body);
		expect(rules(a)).not.toContain("sdk-runtime");
		expect(rules(a)).toContain("scratch-runtime");
		const scratch = a.advice.find((x) => x.rule === "scratch-runtime")!;
		expect(scratch.message).toMatch(/CA certificates/);
		expect(scratch.message).toMatch(/tzdata/);
		expect(scratch.message).not.toMatch(/user/);
		expect(a.advice.find((x) => x.rule === "final-user-root")?.line).toBe(8);
		expect(scratch.line).toBe(8);
		expect(rules(a)).not.toContain("shell-form");
	});

	it("Java: maven:3.8 build stage, distroless java17 final", () => {
		const a = ok(blocks[1].body);
		expect(a.stages.map((s) => s.base)).toEqual(["maven:3.8", "gcr.io/distroless/java17"]);
		expect(a.stages[0].name).toBe("builder");
		expect(a.footprint.final).toMatchObject({ bytes: 210_000_000, row: "gcr.io/distroless/java17-debian12" });
		expect(a.footprint.largestBuilder).toMatchObject({ image: "maven:3.8", bytes: 493_700_000, confidence: "low" });
		expect(a.footprint.ratio).toBeCloseTo(493.7 / 210, 5);
		expect(rules(a)).not.toContain("sdk-runtime");
		expect(rules(a)).not.toContain("scratch-runtime");
	});
});
