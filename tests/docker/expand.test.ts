import { describe, expect, it } from "vitest";
import { analyseDockerfile } from "../../src/docker/analyse";
import { processWord } from "../../src/docker/expand/process-word";
import { WordError } from "../../src/docker/expand/word-error";
import { ok } from "./helpers";

const lines = (...l: string[]) => l.join("\n");
const base = (...l: string[]) => ok(lines(...l)).stages.map((s) => s.base);
const env = (o: Record<string, string>) => new Map(Object.entries(o));
const word = (w: string, vars: Record<string, string> = {}, escape = "\\") => processWord(w, env(vars), { escape }).value;

describe("global ARG defaults", () => {
	it("expand ARGs declared before them, in order, also on one line", () => {
		expect(base("ARG V=1.22", "ARG IMG=golang:${V}", "FROM ${IMG}")).toEqual(["golang:1.22"]);
		expect(base("ARG A=alp B=${A}ine:3.20", "FROM $B")).toEqual(["alpine:3.20"]);
		expect(base('ARG IMG="golang:${V:-1.23}-alpine"', "FROM $IMG")).toEqual(["golang:1.23-alpine"]);
	});

	it("an ARG without a value keeps an earlier value", () => {
		expect(base("ARG V=3.20", "ARG V", "FROM alpine:$V")).toEqual(["alpine:3.20"]);
	});
});

describe("quotes and escapes inside a word", () => {
	it("removes double quotes and still expands inside them", () => {
		expect(base("ARG T=3.20", 'FROM alpine:"${T}"')).toEqual(["alpine:3.20"]);
		expect(base("ARG T=3.20", 'FROM "alpine:$T" AS a')).toEqual(["alpine:3.20"]);
	});

	it("keeps single-quoted text literal", () => {
		expect(word("a'$T'b", { T: "x" })).toBe("a$Tb");
	});

	it("the escape character keeps the next character literal, also a backtick escape", () => {
		expect(word("\\$T", { T: "x" })).toBe("$T");
		expect(word("a\\:b")).toBe("a:b");
		expect(word("`$T", { T: "x" }, "`")).toBe("$T");
		expect(word('"a\\"b"')).toBe('a"b');
		expect(word('"a\\nb"')).toBe("a\\nb");
	});
});

describe("parameter forms of BuildKit's shell lexer", () => {
	const V = { V: "1.22.3", E: "", S: "a*b", IMG: "docker.io/library/golang:1.22" };
	it.each([
		["${V}", "1.22.3"],
		["$V-x", "1.22.3-x"],
		["${V%.*}", "1.22"],
		["${V%%.*}", "1"],
		["${V#*.}", "22.3"],
		["${V##*.}", "3"],
		["${IMG#docker.io/}", "library/golang:1.22"],
		["${IMG##*/}", "golang:1.22"],
		["${IMG%:*}", "docker.io/library/golang"],
		["${V%.?}", "1.22"],
		["${V#1.2?}", ".3"],
		["${V/./-}", "1-22.3"],
		["${V//./-}", "1-22-3"],
		["${V//2/}", "1..3"],
		["${V/#1/x}", "1.22.3"],
		["${V/*/x}", "x"],
		["${V:-x}", "1.22.3"],
		["${E:-x}", "x"],
		["${NOPE:-x}", "x"],
		["${E-x}", ""],
		["${NOPE-x}", "x"],
		["${V:+x}", "x"],
		["${E:+x}", ""],
		["${E+x}", "x"],
		["${NOPE+x}", ""],
		["${V:?must be set}", "1.22.3"],
		["${E?must be set}", ""],
		["${NOPE:-${V%%.*}}", "1"],
		['${NOPE:-"a b"}', "a b"],
		["${V%.3}", "1.22"],
		["${S%\\*b}", "a"],
		["${IMG/library\\//}", "docker.io/golang:1.22"],
		["${V/./\\/}", "1\\/22.3"],
		["${V}}", "1.22.3}"],
		["$", "$"],
		["$-x", "x"],
		["a$1b", "ab"],
	])("%s → %s", (w, expected) => {
		expect(word(w, V)).toBe(expected);
	});

	it.each([
		["${V:?must be set}", {}, "V: must be set"],
		["${V?}", {}, "V: is not allowed to be unset"],
		["${V:?}", { V: "" }, "V: is not allowed to be empty"],
		["${V:2}", { V: "abc" }, "unsupported modifier (:2) in substitution"],
		["${V:#a}", { V: "abc" }, "unsupported modifier (:#) in substitution"],
		["${#V}", { V: "abc" }, "unsupported modifier (V) in substitution"],
		["${V^^}", { V: "abc" }, "unsupported modifier (^) in substitution"],
		["${}", {}, "syntax error: bad substitution"],
		["${:-x}", {}, "syntax error: bad substitution"],
		["${V", { V: "abc" }, "syntax error: missing '}'"],
		["${V//2}", { V: "abc" }, "syntax error: missing '/' in ${}"],
		["${V:-x", {}, "syntax error: missing '}'"],
		["${V/a", { V: "abc" }, "syntax error: missing '/' in ${}"],
		["${V#\\x}", { V: "abc" }, "invalid pattern (\\x) in substitution: invalid escape '\\x'"],
		['"abc', {}, "unexpected end of statement while looking for matching double-quote"],
		["'abc", {}, "unexpected end of statement while looking for matching single-quote"],
	])("%s is refused: %s", (w, vars, reason) => {
		expect(() => word(w, vars)).toThrow(WordError);
		expect(() => word(w, vars)).toThrow(`failed to process ${JSON.stringify(w)}: ${reason}`);
	});

	it("pattern and replacement forms work on FROM lines", () => {
		expect(base("ARG GO=1.22.3", "FROM golang:${GO%.*}-alpine")).toEqual(["golang:1.22-alpine"]);
		expect(base("ARG IMG=docker.io/library/python:3.12", "FROM ${IMG##*/}")).toEqual(["python:3.12"]);
	});
});

describe("words BuildKit refuses", () => {
	it("a FROM line whose expansion fails is one calm line with BuildKit's reason", () => {
		const a = analyseDockerfile(lines("FROM alpine:3.20 AS a", "FROM golang:${GO:?required}"));
		expect(a.error).toBe('BuildKit refuses this Dockerfile, line 2: failed to process "golang:${GO:?required}": GO: required');
	});

	it("so does a global ARG default that cannot be expanded", () => {
		expect(analyseDockerfile(lines("ARG V=${X:2}", "FROM alpine:3.20")).error).toMatch(
			/^BuildKit refuses this Dockerfile, line 1: .*unsupported modifier \(:2\)/,
		);
	});

	it("so does a --platform value that is empty or unreadable", () => {
		expect(analyseDockerfile("FROM --platform=${NOPE} alpine:3.20").error).toBe(
			"BuildKit refuses this Dockerfile, line 1: empty platform value from expression ${NOPE}",
		);
		expect(analyseDockerfile("FROM --platform=linux/arm/v7/x alpine:3.20").error).toMatch(
			/^BuildKit refuses this Dockerfile, line 1: failed to parse platform linux\/arm\/v7\/x: /,
		);
	});
});

describe("patterns cannot make the analysis hang", () => {
	it("a pattern with many stars on a long value is matched in steps proportional to their sizes", () => {
		const value = "a".repeat(400);
		const stars = "*a".repeat(12);
		expect(word(`\${V%%${stars}b}`, { V: value })).toBe(value);
		expect(word(`\${V##${stars}}`, { V: value })).toBe("");
		expect(word(`\${V//${stars}b/x}`, { V: value })).toBe(value);
	});
});
