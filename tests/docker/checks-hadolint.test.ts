import { describe, expect, it } from "vitest";
import { SHRINKING_RULES } from "../../src/docker/checks";
import { readShell } from "../../src/docker/checks/shell";
import { ok } from "./helpers";

const lines = (...l: string[]) => l.join("\n");
const at = (text: string, rule: string) =>
	ok(text)
		.advice.filter((a) => a.rule === rule)
		.map((a) => a.line);
const run = (...cmds: string[]) => lines("FROM debian:bookworm", ...cmds.map((c) => `RUN ${c}`));

describe("reading a RUN's shell text", () => {
	it("finds the commands between && || ; | and new lines, skipping assignments, keywords and quoted separators", () => {
		const s = readShell(`set -e; DEBIAN_FRONTEND=noninteractive apt-get install -y "a && b" | tee log || if true; then cd /x; fi`);
		expect(s.commands.map((c) => c.name)).toEqual(["set", "apt-get", "tee", "true", "cd"]);
		expect(s.commands[1].args).toEqual(["install", "-y", "a && b"]);
		expect(s.commands[1].flags).toEqual(["y"]);
		expect(s.hasPipe).toBe(true);
		expect(readShell("a || b").hasPipe).toBe(false);
		expect(readShell("echo $(ls | wc -l)").commands.map((c) => c.name)).toEqual(["echo"]);
	});
});

describe("hadolint rules, each from minimal Dockerfiles", () => {
	it("DL3006: an image without a tag (not scratch, not a stage, not a digest); DL3007: latest", () => {
		expect(at(lines("FROM alpine AS a", "FROM a", "FROM scratch", "FROM alpine@sha256:" + "a".repeat(64)), "DL3006")).toEqual([1]);
		expect(at(lines("FROM alpine:latest", "FROM alpine:3.20", "FROM alpine:latest@sha256:" + "a".repeat(64)), "DL3007")).toEqual([1]);
	});

	it("DL3008: apt-get install without pinned versions (a release path or .deb counts as pinned)", () => {
		expect(at(run("apt-get install -y curl=8.5.0-2", "apt-get install -y ./x.deb", "apt-get install -t bookworm-backports -y curl"), "DL3008")).toEqual([
			4,
		]);
		expect(at(run("apt-get install -y curl/bookworm"), "DL3008")).toEqual([]);
	});

	it("DL3018: apk add without pinned versions (--virtual's name is no package)", () => {
		const text = lines("FROM alpine:3.20", "RUN apk add --no-cache --virtual .deps curl=8.9.1-r0", "RUN apk add --no-cache git");
		expect(at(text, "DL3018")).toEqual([3]);
		expect(at(lines("FROM alpine:3.20", "RUN apk add --no-cache 'git>2'"), "DL3018")).toEqual([]);
	});

	it("DL3009: apt-get update without removing the lists, in the last stage or a stage built on", () => {
		expect(at(run("apt-get update && apt-get install -y --no-install-recommends curl=1"), "DL3009")).toEqual([2]);
		expect(at(run("apt-get update && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*"), "DL3009")).toEqual([]);
		expect(at(run("--mount=type=cache,target=/var/lib/apt/lists apt-get update"), "DL3009")).toEqual([]);
		expect(at(lines("FROM debian:bookworm AS build", "RUN apt-get update", "FROM scratch", "COPY --from=build /x /x"), "DL3009")).toEqual([]);
		expect(at(lines("FROM debian:bookworm AS base", "RUN apt-get update", "FROM base"), "DL3009")).toEqual([2]);
	});

	it("DL3019: apk add without --no-cache, unless the apk cache is a cache mount", () => {
		expect(at(lines("FROM alpine:3.20", "RUN apk add git=2", "RUN apk add --no-cache git=2"), "DL3019")).toEqual([2]);
		expect(at(lines("FROM alpine:3.20", "RUN --mount=type=cache,target=/var/cache/apk apk add git=2"), "DL3019")).toEqual([]);
	});

	it("DL3015: apt-get install without --no-install-recommends", () => {
		expect(
			at(
				run(
					"apt-get install -y curl=1",
					"apt-get install -y --no-install-recommends curl=1",
					"apt-get -o APT::Install-Recommends=false install curl=1",
				),
				"DL3015",
			),
		).toEqual([2]);
	});

	it("DL3042: pip install without --no-cache-dir, unless PIP_NO_CACHE_DIR is set or a cache mount holds it", () => {
		const text = lines("FROM python:3.12", "RUN pip install flask", "RUN python -m pip install --no-cache-dir flask", "RUN pipx install black");
		expect(at(text, "DL3042")).toEqual([2]);
		expect(at(lines("FROM python:3.12", "ENV PIP_NO_CACHE_DIR=1", "RUN pip install flask"), "DL3042")).toEqual([]);
		expect(at(lines("FROM python:3.12", "RUN --mount=type=cache,target=/root/.cache/pip pip install flask"), "DL3042")).toEqual([]);
	});

	it("DL3059: consecutive RUNs of one or two commands with the same flags", () => {
		expect(at(run("a", "b", "c && d && e", "f"), "DL3059")).toEqual([3]);
		expect(at(lines("FROM alpine:3.20", "RUN a", "# a comment", "RUN b", "ENV X=1", "RUN c"), "DL3059")).toEqual([4]);
		expect(at(lines("FROM alpine:3.20", "RUN a", "RUN --network=none b"), "DL3059")).toEqual([]);
	});

	it("DL3003: cd in a RUN", () => {
		expect(at(run("cd /src && make", "make -C /src"), "DL3003")).toEqual([2]);
	});

	it("DL3047: wget without --progress, -q or -nv", () => {
		expect(
			at(run("wget https://e.org/a", "wget -q https://e.org/a", "wget --progress=dot:giga https://e.org/a", "wget -nv https://e.org/a"), "DL3047"),
		).toEqual([2]);
	});

	it("DL3002: the last USER of a stage is root", () => {
		expect(at(lines("FROM alpine:3.20 AS a", "USER root", "FROM alpine:3.20", "USER 0:0", "USER app"), "DL3002")).toEqual([2]);
	});

	it("DL4006: a pipe without SHELL -o pipefail in the stage", () => {
		expect(at(run("curl -s https://e.org | sh"), "DL4006")).toEqual([2]);
		expect(at(lines("FROM debian:bookworm", 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', "RUN curl -s https://e.org | sh"), "DL4006")).toEqual([]);
		expect(at(lines("FROM debian:bookworm", 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', "FROM debian:bookworm", "RUN a | b"), "DL4006")).toEqual([4]);
	});

	it("DL3025: shell-form CMD, ENTRYPOINT or HEALTHCHECK CMD; not said twice where JSONArgsRecommended says it", () => {
		expect(at(lines("FROM alpine:3.20", "HEALTHCHECK --interval=5s CMD wget -q localhost", "CMD run"), "DL3025")).toEqual([2]);
		expect(at(lines("FROM alpine:3.20", 'SHELL ["/bin/ash", "-c"]', "CMD run"), "DL3025")).toEqual([3]);
		expect(at(lines("FROM alpine:3.20", 'HEALTHCHECK CMD ["wget", "-q", "localhost"]'), "DL3025")).toEqual([]);
	});

	it("DL3020: ADD of local files (URLs and archives are ADD's own business)", () => {
		expect(at(lines("FROM alpine:3.20", "ADD app.py /app/", "ADD rootfs.tar.xz /", "ADD https://e.org/x /x"), "DL3020")).toEqual([2]);
	});

	it("final-user-root: the final image never sets a USER (a nonroot base is trusted)", () => {
		expect(at(lines("FROM golang:1.22 AS b", "FROM alpine:3.20", "COPY --from=b /x /x"), "final-user-root")).toEqual([2]);
		expect(at(lines("FROM alpine:3.20", "USER app"), "final-user-root")).toEqual([]);
		expect(at("FROM gcr.io/distroless/static-debian12:nonroot", "final-user-root")).toEqual([]);
	});

	it("# hadolint ignore=… right above an instruction", () => {
		expect(at(lines("FROM debian:bookworm", "# hadolint ignore=DL3008,DL3015", "RUN apt-get install -y curl"), "DL3008")).toEqual([]);
	});

	it("the size rules are marked as such", () => {
		expect([...SHRINKING_RULES].sort()).toEqual(["DL3009", "DL3015", "DL3019", "DL3042"]);
	});
});
