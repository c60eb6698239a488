import { describe, expect, it } from "vitest";
import { ok } from "./helpers";

const lines = (...l: string[]) => l.join("\n");

describe("line continuations as BuildKit joins them", () => {
	it("joins the pieces without adding a space", () => {
		expect(ok(lines("FROM alpine\\", ":3.20 AS a")).stages[0]).toMatchObject({ base: "alpine:3.20", name: "a" });
		expect(ok(lines("FROM golang:1.22 \\", "  AS \\", "# a comment", "", "  build")).stages[0].name).toBe("build");
	});

	it("an escaped escape character at the end does not continue the line", () => {
		const a = ok(lines("FROM alpine:3.20", "RUN echo \\\\", "FROM alpine:3.20 AS second"));
		expect(a.stages.map((s) => s.name)).toEqual([null, "second"]);
	});

	it("reads a directive after leading white space", () => {
		expect(ok(lines("  # escape=`", "FROM alpine:3.20 `", "  AS base")).escape).toBe("`");
	});
});

describe("heredocs as BuildKit finds them", () => {
	it("<< inside quotes is no heredoc", () => {
		const a = ok(lines("FROM alpine:3.20", 'RUN echo "<<EOF" > /x', "FROM alpine:3.20 AS two"));
		expect(a.stages).toHaveLength(2);
	});

	it("the JSON form has no heredocs", () => {
		const a = ok(lines("FROM alpine:3.20", 'RUN ["sh", "-c", "cat <<EOF"]', "FROM alpine:3.20 AS two"));
		expect(a.stages).toHaveLength(2);
	});

	it("a space after << and quotes inside the word are allowed; the word ends the body", () => {
		const a = ok(
			lines("FROM alpine:3.20", 'RUN << E"O"F cat', "FROM nope AS no", "EOF", "COPY <<-X /a", "\tFROM nope AS no2", "\tX", "FROM alpine:3.20 AS two"),
		);
		expect(a.stages.map((s) => s.name)).toEqual([null, "two"]);
	});
});
