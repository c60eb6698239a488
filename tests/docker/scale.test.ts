import { describe, expect, it } from "vitest";
import { ok } from "./helpers";

/**
 * A Dockerfile of `chain` stages where each builds on or copies from the one before (FROM by
 * name, COPY --from by name and by index, cache mounts), three stages nothing uses, and a final
 * scratch stage that takes the last one's output.
 */
function manyStages(chain: number): string {
	const out = ["ARG GO=1.22"];
	for (let k = 0; k < 3; k++) out.push(`FROM alpine:3.20 AS orphan${k}`, "RUN true");
	for (let i = 0; i < chain; i++) {
		out.push(i % 5 === 0 ? `FROM golang:\${GO} AS s${i}` : `FROM s${i - 1} AS s${i}`);
		out.push("RUN --mount=type=cache,target=/root/.cache go build ./...");
		if (i > 0) out.push(`COPY --from=s${i - 1} /out /out`);
		if (i > 1 && i % 2 === 0) out.push(`COPY --from=${i + 1} /x /x`); // index of s(i-2), after the orphans
	}
	out.push("FROM scratch", `COPY --from=s${chain - 1} /out/app /app`, 'ENTRYPOINT ["/app"]');
	return out.join("\n");
}

describe("a Dockerfile of 5,000 stages", () => {
	it("is analysed completely: every stage, reference and skip", () => {
		const chain = 4996;
		const a = ok(manyStages(chain));
		expect(a.stages).toHaveLength(5000);
		expect(a.final).toBe(4999);
		expect(a.stages.filter((s) => s.skipped).map((s) => s.name)).toEqual(["orphan0", "orphan1", "orphan2"]);
		for (let i = 0; i < chain; i++) {
			const s = a.stages[i + 3];
			expect(s.name).toBe(`s${i}`);
			expect(s.parent).toBe(i % 5 === 0 ? null : i + 2);
			const from = s.sources.map((src) => src.stage);
			expect(from).toEqual([...(i > 0 ? [i + 2] : []), ...(i > 1 && i % 2 === 0 ? [i + 1] : [])]);
		}
		expect(a.stages[4999].sources).toEqual([{ kind: "stage", ref: `s${chain - 1}`, stage: 4998, via: "copy", line: a.stages[4999].line + 1 }]);
		expect(a.external.filter((e) => e.ref === "golang:1.22")).toHaveLength(Math.ceil(chain / 5));
		expect(a.footprint.final.image).toBe("scratch");
		expect(a.footprint.largestBuilder?.image).toBe("golang:1.22");
		expect(a.advice.map((x) => x.rule)).toEqual(["scratch-runtime", "final-user-root"]);
	});
});
