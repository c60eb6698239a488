import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyseDockerfile } from "../../src/docker/analyse";
import { findDockerBlocks } from "../../src/docker/markdown-blocks";
import { toDockerJson } from "../../src/docker/json";

const INTERNAL_FAILURE = "This Dockerfile could not be analysed.";

const dockerish = fc.oneof(
	fc.constantFrom(
		"FROM golang:1.22 AS build",
		"FROM build",
		"FROM scratch",
		"from ALPINE as X",
		"FROM",
		"FROM --platform=$BUILDPLATFORM ${IMG:-node:22}",
		"ARG IMG=python:3.12",
		"ARG",
		"COPY --from=build /a /b",
		"COPY --from=0 . .",
		"COPY --from=9 x y",
		"ADD --from=x a b",
		"RUN <<EOF",
		"RUN <<-'A' <<B",
		"EOF",
		"A",
		"B",
		"\tA",
		"RUN --mount=type=cache,from=build,target=/x go build",
		"RUN --mount=from",
		"CMD run",
		'CMD ["a"]',
		"ENTRYPOINT [",
		"USER root",
		"# escape=`",
		"# syntax=x",
		"\\",
		"`",
		"  \\  ",
		"# comment",
		"",
		"${",
		"$",
		"${A:-${B:+${C}}}",
	),
	fc.string({ maxLength: 40 }),
);

describe("analyseDockerfile is total", () => {
	it("never throws on arbitrary text", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), (text) => {
				const a = analyseDockerfile(text);
				expect(a.error === undefined || (typeof a.error === "string" && !a.error.includes("\n"))).toBe(true);
				expect(a.error).not.toBe(INTERNAL_FAILURE); // the safety net must never be what answers
			}),
			{ numRuns: 500 },
		);
	});

	it("never throws on mixes of Dockerfile-ish lines, and what it returns is consistent", () => {
		fc.assert(
			fc.property(fc.array(dockerish, { maxLength: 30 }), fc.constantFrom("\n", "\r\n"), (parts, eol) => {
				const a = analyseDockerfile(parts.join(eol));
				expect(a.error).not.toBe(INTERNAL_FAILURE);
				if (a.error !== undefined) return;
				expect(a.final).toBe(a.stages.length - 1);
				expect(a.stages[a.final].final).toBe(true);
				expect(a.stages[a.final].skipped).toBe(false);
				for (const s of a.stages) {
					if (s.parent !== null) expect(s.parent).toBeLessThan(s.index);
					for (const src of s.sources) if (src.stage !== null) expect(src.stage).toBeLessThan(s.index);
				}
				expect(() => JSON.stringify(toDockerJson(a, 1, 0))).not.toThrow();
			}),
			{ numRuns: 500 },
		);
	});

	it("the block finder never throws and its lines are within the note", () => {
		fc.assert(
			fc.property(
				fc.array(fc.oneof(fc.constantFrom("```dockerfile", "```", "> ```docker", "~~~", "FROM a"), fc.string({ maxLength: 10 })), { maxLength: 20 }),
				(ls) => {
					for (const b of findDockerBlocks(ls.join("\n"))) {
						expect(b.line).toBeGreaterThanOrEqual(1);
						expect(b.line).toBeLessThanOrEqual(ls.length);
					}
				},
			),
		);
	});
});
