import { describe, expect, it } from "vitest";
import { imageSize } from "../../src/docker/base-images";
import { footprintLines } from "../../src/docker/summary";
import { ok, rules } from "./helpers";

const lines = (...l: string[]) => l.join("\n");
const sdkAdvice = (text: string) => ok(text).advice.find((x) => x.rule === "sdk-runtime")?.message ?? null;

describe("a base that comes from a build argument", () => {
	it("says so instead of calling the FROM line unreadable or asking to pin (none)", () => {
		const a = ok(lines("ARG BASE", "FROM ${BASE}", "RUN make"));
		expect(rules(a)).toEqual(["InvalidDefaultArgInFrom"]);
		const advice = a.advice[0];
		expect(advice).toMatchObject({ line: 2 });
		expect(advice.message).toBe("Pass --build-arg BASE=<image> to docker build, or give ARG BASE a default.");
		expect(advice.reason).toMatch(/comes from build argument BASE/);
		expect(a.stages[0].base).toBe("${BASE}");
		expect(a.external).toEqual([]);
		expect(a.footprint.final).toMatchObject({ image: "${BASE}", bytes: null });
		expect(footprintLines(a.footprint).final).toBe("Final image size unknown on ${BASE}");
		expect(a.footprint.final.note).toBe("set by build argument BASE when the image is built");
	});

	it("also for a tag from a build argument, and once per FROM line", () => {
		const a = ok(lines("ARG TAG", "FROM golang:${TAG} AS build", "FROM alpine:${TAG}", "COPY --from=build /a /a"));
		expect(a.advice.map((x) => [x.rule, x.line])).toEqual([
			["InvalidDefaultArgInFrom", 2],
			["InvalidDefaultArgInFrom", 3],
		]);
		expect(a.advice[0].message).toBe("Pass --build-arg TAG=<value> to docker build, or give ARG TAG a default.");
	});

	it("no advice when the argument has a default", () => {
		expect(rules(ok(lines("ARG BASE=alpine:3.20", "FROM ${BASE}")))).not.toContain("InvalidDefaultArgInFrom");
	});
});

describe("runtime suggestions keep the version", () => {
	it.each([
		["FROM python:3.14", ["python:3.14-slim", "python:3.14-alpine"], /3\.12/],
		["FROM python:3.13.2-bookworm", ["python:3.13.2-slim", "python:3.13.2-alpine"], /3\.12/],
		["FROM python", ["python:slim", "python:alpine"], /3\.12/],
		["FROM node:24", ["node:24-slim", "node:24-alpine"], /node:22/],
		["FROM node:24-bookworm", ["node:24-slim", "node:24-alpine"], /node:22/],
		["FROM node:lts", ["node:lts-slim", "node:lts-alpine"], /node:22/],
		["FROM node:22", ["node:22-slim", "node:22-alpine"], /distroless/],
		["FROM eclipse-temurin:21-jdk", ["eclipse-temurin:21-jre", "gcr.io/distroless/java21-debian12"], /:17|java17/],
		["FROM maven:3.9-eclipse-temurin-17", ["eclipse-temurin:17-jre", "gcr.io/distroless/java17-debian12"], /:21|java21/],
		["FROM openjdk:11-jdk", ["eclipse-temurin:11-jre"], /distroless|:17/],
		["FROM maven:3.9", ["eclipse-temurin JRE of your Java version"], /:17|:21|java/],
		["FROM amazoncorretto:21", ["amazoncorretto:21-al2023-headless", "eclipse-temurin:21-jre"], /:17/],
		[
			"FROM mcr.microsoft.com/dotnet/sdk:8.0",
			["mcr.microsoft.com/dotnet/aspnet:8.0 (≈ 217 MB)", "mcr.microsoft.com/dotnet/runtime:8.0 (≈ 190 MB)", "-chiseled tags (≈ 111 MB)"],
			/:10\.0|slim|distroless/,
		],
		["FROM buildpack-deps:bookworm", ["a slim, JRE, distroless or scratch image"], /eclipse-temurin/],
		[
			"FROM mcr.microsoft.com/dotnet/sdk:10.0.400-noble",
			["mcr.microsoft.com/dotnet/aspnet:10.0 ", "mcr.microsoft.com/dotnet/runtime:10.0 "],
			/10\.0\.400 \(/,
		],
	])("%s", (text, expected, notExpected) => {
		const message = sdkAdvice(text)!;
		for (const e of expected) expect(message).toContain(e);
		expect(message).not.toMatch(notExpected);
	});
});

describe("Windows images", () => {
	it.each([
		"mcr.microsoft.com/windows/servercore:ltsc2022",
		"mcr.microsoft.com/windows/nanoserver:ltsc2022",
		"python:3.12-windowsservercore",
		"node:22-nanoserver",
		"golang:1.22-windowsservercore-ltsc2022",
		"mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022",
		"mcr.microsoft.com/dotnet/framework/sdk:4.8",
	])("%s is not priced with a Linux size", (image) => {
		expect(imageSize(image)).toMatchObject({ bytes: null, row: null, note: "a Windows image: the size table holds Linux images only" });
	});

	it("get no Linux runtime suggestion, and a Windows build of a Linux tag is not priced either", () => {
		expect(rules(ok("FROM python:3.12-windowsservercore"))).not.toContain("sdk-runtime");
		const a = ok(lines("FROM golang:1.22 AS build", "FROM golang:1.22", "COPY --from=build /a /a"), { platform: "windows/amd64" });
		expect(a.footprint.final).toMatchObject({ bytes: null, note: "built for windows/amd64: the size table holds Linux images only" });
		expect(a.footprint.largestBuilder?.bytes).toBeNull();
		expect(rules(a)).not.toContain("sdk-runtime");
	});
});

describe("image advice only for the final image", () => {
	it("ship on a runtime image: only when the final stage stands on a toolchain", () => {
		expect(rules(ok(lines("FROM golang:1.22 AS build", "FROM build AS test", "FROM alpine:3.20", "COPY --from=build /a /a")))).not.toContain("sdk-runtime");
		const a = ok(lines("FROM golang:1.22 AS build", "FROM alpine:3.20 AS unused", "FROM build"));
		expect(a.advice.filter((x) => x.rule === "sdk-runtime").map((x) => x.line)).toEqual([3]);
	});

	it("the scratch reminder: only when the final image is scratch", () => {
		expect(rules(ok(lines("FROM scratch AS bins", "COPY app /app", "FROM alpine:3.20", "COPY --from=bins /app /app")))).not.toContain("scratch-runtime");
		expect(rules(ok(lines("FROM scratch AS bins", "COPY app /app", "FROM bins")))).toContain("scratch-runtime");
	});
});
