import { describe, expect, it } from "vitest";
import { analyseDockerfile } from "../../src/docker/analyse";
import { ok, rules } from "./helpers";

const lines = (...l: string[]) => l.join("\n");
const refused = (text: string) => analyseDockerfile(text).error;

describe("FROM names a stage only in its own spelling", () => {
	it("FROM Builder is an image reference, which BuildKit refuses for its capital", () => {
		expect(refused(lines("FROM golang:1.22 AS builder", "RUN go build", "FROM Builder"))).toBe(
			'BuildKit refuses this Dockerfile, line 3: failed to parse stage name "Builder": invalid reference format: repository name (library/Builder) must be lowercase',
		);
		expect(refused(lines("FROM golang:1.22 AS Builder", "FROM BUILDER"))).toMatch(
			/^BuildKit refuses this Dockerfile, line 2: failed to parse stage name "BUILDER"/,
		);
		expect(refused("FROM SCRATCH")).toMatch(/line 1: failed to parse stage name "SCRATCH"/);
	});

	it("FROM builder (lower case) builds on the stage, whatever case its AS name was written in", () => {
		expect(ok(lines("FROM golang:1.22 AS Builder", "FROM builder")).stages[1].parent).toBe(0);
	});

	it("a stage named scratch shadows the empty image for later FROM lines", () => {
		const a = ok(lines("FROM alpine:3.20 AS scratch", "FROM scratch"));
		expect(a.stages[1].parent).toBe(0);
		expect(rules(a)).toContain("ReservedStageName");
	});

	it("an image named by a build argument without a default waits for the build", () => {
		const a = ok(lines("ARG TAG", "FROM alpine:${TAG}"));
		expect(a.stages[0]).toMatchObject({ base: "alpine:${TAG}", baseArgs: ["TAG"] });
		expect(a.external).toEqual([]);
	});

	it("refuses references BuildKit cannot parse: a short digest, a bad tag", () => {
		expect(refused("FROM alpine@sha256:0123abcd")).toBe(
			'BuildKit refuses this Dockerfile, line 1: failed to parse stage name "alpine@sha256:0123abcd": invalid reference format',
		);
		expect(refused(`FROM alpine@sha256:${"0".repeat(40)}`)).toMatch(/: invalid checksum digest length$/);
		expect(refused("FROM alpine:")).toBe('BuildKit refuses this Dockerfile, line 1: failed to parse stage name "alpine:": invalid reference format');
		expect(refused(lines("FROM alpine:3.20", "COPY --from=Nginx /a /a"))).toMatch(
			/line 2: failed to parse stage name "Nginx": .*\(library\/Nginx\) must be lowercase/,
		);
		expect(ok(`FROM alpine@sha256:${"a".repeat(64)}`).stages[0].base).toBe(`alpine@sha256:${"a".repeat(64)}`);
	});
});

describe("--from and --mount from take no variables", () => {
	it("COPY --from=${S} is refused, as BuildKit refuses any expansion there", () => {
		const msg =
			"BuildKit refuses this Dockerfile, line 4: variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround";
		expect(refused(lines("ARG S=builder", "FROM golang:1.22 AS builder", "FROM scratch", "COPY --from=${S} /app /app"))).toBe(msg);
		expect(refused(lines("ARG S=builder", "FROM golang:1.22 AS builder", "FROM scratch", "COPY --from=$S /app /app"))).toBe(msg);
		expect(refused(lines("FROM golang:1.22 AS builder", "FROM scratch", "COPY --from=${S:-builder} /app /app"))).toMatch(
			/line 3: variable expansion is not supported/,
		);
	});

	it("RUN --mount=…,from=$X is refused; a trailing $ is only a character", () => {
		expect(refused(lines("FROM golang:1.22 AS deps", "FROM golang:1.22", "RUN --mount=type=bind,from=$X,target=/x go build"))).toBe(
			"BuildKit refuses this Dockerfile, line 3: 'from' doesn't support variable expansion, define alias stage instead",
		);
		// It passes as a name, and then cannot be an image either.
		expect(refused(lines("FROM golang:1.22", "RUN --mount=from=cache$,target=/x true"))).toBe(
			'BuildKit refuses this Dockerfile, line 2: failed to parse stage name "cache$": invalid reference format',
		);
	});
});

describe("stage indexes", () => {
	it("RUN --mount from=0 names the image 0: mount sources are looked up by name only", () => {
		const a = ok(lines("FROM golang:1.22", "FROM alpine:3.20", "RUN --mount=type=bind,from=0,target=/src true"));
		expect(a.stages[1].sources).toEqual([{ kind: "image", ref: "0", stage: null, via: "mount", line: 3 }]);
		expect(a.stages[0].skipped).toBe(true);
		expect(a.external).toContainEqual({ ref: "0", via: "mount", line: 3 });
		const advice = a.advice.find((x) => x.rule === "from-undefined-stage")!;
		expect(advice.message).toMatch(/from=0/);
		expect(advice.reason).toMatch(/image "0"/);
	});

	it("COPY --from=N counts stages, then the images earlier --from lines named", () => {
		const a = ok(lines("FROM alpine:3.20", "COPY --from=nginx:1.27 /a /a", "FROM alpine:3.20", "COPY --from=0 /b /b", "COPY --from=+2 /c /c"));
		expect(a.stages[1].sources).toEqual([
			{ kind: "stage", ref: "0", stage: 0, via: "copy", line: 4 },
			{ kind: "image", ref: "nginx:1.27", stage: null, via: "copy", line: 5 },
		]);
	});

	it("an index past them is refused", () => {
		expect(refused(lines("FROM alpine:3.20", "FROM alpine:3.20", "COPY --from=5 /c /c"))).toBe(
			"BuildKit refuses this Dockerfile, line 3: invalid stage index 5",
		);
		expect(refused(lines("FROM alpine:3.20", "FROM alpine:3.20", "COPY --from=-1 /c /c"))).toMatch(/invalid stage index -1$/);
	});
});

describe("references between stages", () => {
	it("a stage that takes from itself is a cycle", () => {
		expect(refused(lines("FROM alpine:3.20 AS one", "COPY --from=one /a /a", "FROM one"))).toBe(
			"BuildKit refuses this Dockerfile, line 2: circular dependency detected on stage: one",
		);
		expect(refused(lines("FROM alpine:3.20", "FROM alpine:3.20", "COPY --from=1 /a /a"))).toBe(
			"BuildKit refuses this Dockerfile, line 3: circular dependency detected on stage: stage-1",
		);
	});

	it("a built stage may not take from a stage further down", () => {
		expect(refused(lines("FROM alpine:3.20 AS one", "COPY --from=two /b /b", "FROM alpine:3.20 AS two", "FROM scratch", "COPY --from=one /a /a"))).toBe(
			'BuildKit refuses this Dockerfile, line 2: cannot copy from stage "two", it needs to be defined before current stage "one"',
		);
		expect(refused(lines("FROM alpine:3.20 AS one", "RUN --mount=from=two,target=/t true", "FROM alpine:3.20 AS two", "FROM one"))).toBe(
			'BuildKit refuses this Dockerfile, line 2: cannot mount from stage "two" to "/t", stage needs to be defined before current command',
		);
	});

	it("mount keys are read without case, quoted or not, and the last one wins", () => {
		for (const mount of ["type=bind,FROM=deps,Target=/t", '"type=bind","from=deps",target=/t', "type=bind,from=nope,from=deps,dst=/t"]) {
			const a = ok(lines("FROM alpine:3.20 AS deps", "FROM alpine:3.20", `RUN --mount=${mount} true`));
			expect(a.stages[1].sources).toEqual([{ kind: "stage", ref: "deps", stage: 0, via: "mount", line: 3 }]);
		}
		expect(refused(lines("FROM alpine:3.20 AS one", "RUN --mount=FROM=two,DESTINATION=/t true", "FROM alpine:3.20 AS two", "FROM one"))).toBe(
			'BuildKit refuses this Dockerfile, line 2: cannot mount from stage "two" to "/t", stage needs to be defined before current command',
		);
	});

	it("in a stage BuildKit skips, such a reference is only advice", () => {
		const a = ok(lines("FROM alpine:3.20 AS one", "COPY --from=two /b /b", "FROM alpine:3.20 AS two"));
		expect(a.stages[0]).toMatchObject({ skipped: true, sources: [{ kind: "stage", ref: "two", stage: 1, via: "copy", line: 2 }] });
		expect(a.advice.map((x) => [x.rule, x.line])).toContainEqual(["from-later-stage", 2]);
	});

	it("with two stages of one name, FROM takes the nearest above and --from the last in the file", () => {
		const a = ok(lines("FROM alpine:3.20 AS x", "FROM x AS y", "FROM debian:bookworm AS x", "FROM scratch", "COPY --from=y /a /a", "COPY --from=X /b /b"));
		expect(a.stages[1].parent).toBe(0);
		expect(a.stages[3].sources.map((s) => s.stage)).toEqual([1, 2]);
		expect(rules(a)).toContain("DuplicateStageName");
	});
});

describe("instructions BuildKit refuses", () => {
	it.each([
		[lines("FROM alpine:3.20 AS", "RUN true"), 1, "FROM requires either one or three arguments"],
		["FROM", 1, "FROM requires either one or three arguments"],
		["FROM alpine:3.20 AS 9x", 1, 'invalid name for build stage: "9x", name can\'t start with a number or contain symbols'],
		["FROM --plaform=linux/amd64 alpine:3.20", 1, "unknown flag: --plaform (did you mean platform?)"],
		["FROM --platform alpine:3.20", 1, "missing a value on flag: --platform"],
		[lines("FROM alpine:3.20 AS a", "FROM alpine:3.20", "ADD --from=a /x /x"), 3, "unknown flag: --from"],
		[lines("FROM alpine:3.20 AS a", "FROM alpine:3.20", "COPY --FROM=a /x /x"), 3, "unknown flag: --FROM"],
		[lines("FROM alpine:3.20 AS a", "FROM alpine:3.20", "COPY --from=a --from=a /x /x"), 3, "duplicate flag specified: --from"],
		[lines("FROM alpine:3.20", "COPY /x"), 2, "COPY requires at least two arguments, but only one was provided. Destination could not be determined"],
		[lines("FROM alpine:3.20", "RUNN echo"), 2, "unknown instruction: RUNN (did you mean RUN?)"],
		[lines("FROM alpine:3.20", "frob echo"), 2, "unknown instruction: frob (did you mean from?)"],
		[lines("FROM alpine:3.20", "BANANA echo"), 2, "unknown instruction: BANANA"],
		[lines("FROM alpine:3.20", "ARG"), 2, "ARG requires at least one argument"],
		[lines("# escape=\\", "# escape=`", "FROM alpine:3.20"), 2, "only one escape parser directive can be used"],
		[lines("# escape=x", "FROM alpine:3.20"), 1, "invalid escape token 'x' does not match ` or \\"],
		[lines("FROM alpine:3.20", "RUN <<EOF", "echo hi"), 2, "unterminated heredoc"],
	])("%j: line %i, %s", (text, line, reason) => {
		const a = analyseDockerfile(text);
		expect(a.error).toBe(`BuildKit refuses this Dockerfile, line ${line}: ${reason}`);
		expect(a.error).not.toMatch(/\n/);
	});

	it("BuildKit's parse errors come first, then the file's order", () => {
		expect(refused(lines("FROM alpine:3.20", "RUNN x", "RUN <<EOF"))).toMatch(/line 3: unterminated heredoc$/);
		expect(refused(lines("FROM Alpine", "RUNN x"))).toMatch(/line 2: unknown instruction: RUNN /);
	});

	it("the calm line gives note lines in the panel and in docker --json", async () => {
		const { toDockerJson } = await import("../../src/docker/json");
		expect(toDockerJson(analyseDockerfile(lines("FROM alpine:3.20", "RUNN x")), 10, 10).error).toBe(
			"BuildKit refuses this Dockerfile, line 12: unknown instruction: RUNN (did you mean RUN?)",
		);
	});
});
