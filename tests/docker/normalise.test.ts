import { describe, expect, it } from "vitest";
import { findSizeRow, imageSize } from "../../src/docker/base-images";
import { parseImageRef } from "../../src/docker/image-ref";
import { formatBytes } from "../../src/docker/format";

describe("image reference normalisation", () => {
	it.each([
		["golang:1.17", "docker.io", "golang", "1.17", null],
		["docker.io/library/golang:1.17", "docker.io", "golang", "1.17", null],
		["index.docker.io/golang", "docker.io", "golang", null, null],
		["library/python:3.12-slim", "docker.io", "python", "3.12-slim", null],
		["bitnami/redis:7", "docker.io", "bitnami/redis", "7", null],
		["localhost:5000/app:dev", "localhost:5000", "localhost:5000/app", "dev", null],
		["gcr.io/distroless/static-debian12:nonroot", "gcr.io", "gcr.io/distroless/static-debian12", "nonroot", null],
		["alpine@sha256:abc", "docker.io", "alpine", null, "sha256:abc"],
		["ghcr.io/Org/Img:1.0@sha256:def", "ghcr.io", "ghcr.io/org/img", "1.0", "sha256:def"],
	])("%s", (raw, registry, family, tag, digest) => {
		expect(parseImageRef(raw)).toMatchObject({ registry, family, tag, digest });
	});

	it("rejects text that cannot be a reference", () => {
		for (const raw of ["", "  ", "a b", "$X", "@sha256:x", ":tag"]) expect(parseImageRef(raw)).toBeNull();
	});
});

describe("size table lookup", () => {
	it.each([
		["golang:1.17", "golang:1.26-bookworm"],
		["docker.io/library/golang:1.23-bookworm@sha256:00", "golang:1.26-bookworm"],
		["golang:1.22-bullseye", "golang:1.26-bookworm"],
		["golang:1.22-alpine3.20", "golang:1.26-alpine"],
		["python:3.11-slim", "python:3.12-slim"],
		["python:3.13-slim-bookworm", "python:3.12-slim"],
		["python:3.9", "python:3.12"],
		["node:20-alpine", "node:20-alpine"],
		["node:22.3-alpine3.20", "node:22-alpine"],
		["node:lts-slim", "node:22-slim"],
		["eclipse-temurin:17-jre-jammy", "eclipse-temurin:17-jre"],
		["eclipse-temurin:21", "eclipse-temurin:21-jdk"],
		["debian:bookworm-slim", "debian:bookworm-slim"],
		["debian:bullseye", "debian:bookworm"],
		["gcr.io/distroless/static", "gcr.io/distroless/static-debian12"],
		["gcr.io/distroless/static-debian11:latest", "gcr.io/distroless/static-debian12"],
		["gcr.io/distroless/base-nossl-debian12", "gcr.io/distroless/base-nossl-debian12"],
		["gcr.io/distroless/base", "gcr.io/distroless/base-debian12"],
		["gcr.io/distroless/java21-debian12", "gcr.io/distroless/java17-debian12"],
		["nginx:1.27-alpine", "nginx:1.31.5-alpine"],
		["SCRATCH", "scratch"],
	])("%s → %s", (image, row) => {
		expect(findSizeRow(image)?.row).toBe(row);
	});

	it.each(["rust:1-alpine", "gcr.io/distroless/nodejs22-debian12", "example.com/x:1", "mcr.microsoft.com/dotnet/runtime-deps:8.0"])(
		"%s is unknown",
		(image) => {
			expect(imageSize(image)).toMatchObject({ bytes: null, compressedBytes: null, row: null });
		},
	);

	it("derives compressed sizes by the Debian / Alpine ratios only where none was measured", () => {
		expect(imageSize("golang:1.22")).toMatchObject({ compressedBytes: 296_800_000, compressedDerived: false });
		expect(imageSize("node:22")).toMatchObject({ compressedBytes: Math.round(1_130_000_000 * 0.36), compressedDerived: true });
		expect(imageSize("python:3.12-alpine")).toMatchObject({ compressedBytes: Math.round(48_800_000 * 0.46), compressedDerived: true });
	});

	it("formats sizes as docker images does", () => {
		expect([0, 2_400_000, 8_300_000, 833_500_000, 1_020_000_000, 4_450_000, 512_000].map(formatBytes)).toEqual([
			"0 MB",
			"2.4 MB",
			"8.3 MB",
			"833.5 MB",
			"1.02 GB",
			"4.45 MB",
			"512 kB",
		]);
	});
});
