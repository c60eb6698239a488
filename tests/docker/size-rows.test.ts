import { describe, expect, it } from "vitest";
import { findSizeRow } from "../../src/docker/base-images";
import { ok } from "./helpers";

/** The final image's size as the footprint reports it, for a one-stage Dockerfile on `image`. */
function finalSize(image: string) {
	return ok(`FROM ${image}\nUSER app`).footprint.final;
}

describe("sourced size rows (docs/dockerfile.md, Sourced rows)", () => {
	it.each([
		// .NET on mcr.microsoft.com, also the older dotnet/core path
		["mcr.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com/dotnet/aspnet:8.0-jammy", 217],
		["mcr.microsoft.com/dotnet/aspnet:10.0-noble", "mcr.microsoft.com/dotnet/aspnet:8.0-jammy", 217],
		["mcr.microsoft.com/dotnet/core/aspnet:3.1", "mcr.microsoft.com/dotnet/aspnet:8.0-jammy", 217],
		["mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", 111],
		["mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled-extra", "mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", 111],
		["mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled-composite", "mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled-composite", 103],
		["mcr.microsoft.com/dotnet/runtime:8.0", "mcr.microsoft.com/dotnet/runtime:10.0", 190],
		["mcr.microsoft.com/dotnet/sdk:8.0 AS build", "mcr.microsoft.com/dotnet/sdk:10.0", 900],
		// UBI minimal, under each registry path Red Hat publishes it
		["registry.access.redhat.com/ubi9/ubi-minimal:9.4", "registry.access.redhat.com/ubi9/ubi-minimal", 92],
		["registry.access.redhat.com/ubi8-minimal", "registry.access.redhat.com/ubi9/ubi-minimal", 92],
		["registry.redhat.io/ubi10/ubi-minimal:latest", "registry.access.redhat.com/ubi9/ubi-minimal", 92],
		["redhat/ubi9-minimal", "registry.access.redhat.com/ubi9/ubi-minimal", 92],
		// eclipse-temurin on Alpine and on Ubuntu
		["eclipse-temurin:21-jre-alpine", "eclipse-temurin:17-jre-alpine", 184.02],
		["eclipse-temurin:17.0.12_7-jre-alpine-3.21", "eclipse-temurin:17-jre-alpine", 184.02],
		["eclipse-temurin:21-jdk-alpine", "eclipse-temurin:21-jdk-alpine", 363.53],
		["eclipse-temurin:21-alpine", "eclipse-temurin:21-jdk-alpine", 363.53],
		["eclipse-temurin:21-jre-noble", "eclipse-temurin:17-jre", 294.4],
		["eclipse-temurin:21-jdk-noble", "eclipse-temurin:21-jdk", 474.8],
		["buildpack-deps:bookworm", "buildpack-deps:bookworm", 929.95],
		["buildpack-deps:22.04", "buildpack-deps:bookworm", 929.95],
		["amazoncorretto:21-alpine", "amazoncorretto:17-alpine3.22", 297.6],
		["amazoncorretto:21", "amazoncorretto:17-al2023", 459.43],
		["amazoncorretto:17-al2023-jdk", "amazoncorretto:17-al2023", 459.43],
		["photon:5.0", "photon:5.0", 48.71],
		["nginx:1.27-alpine", "nginx:1.31.5-alpine", 68.98],
		["nginx:stable", "nginx:1.31.3", 161.33],
		["docker.io/library/nginx:1.25.3-bookworm", "nginx:1.31.3", 161.33],
		["httpd:2.4-alpine", "httpd:2.4.68-alpine", 66.92],
		["httpd:2.4", "httpd:2.4.68", 116.84],
		["postgres:16-alpine", "postgres:18.4-alpine3.24", 303.59],
		["postgres:17", "postgres:18.6", 456.45],
		["redis:7-alpine", "redis:8.6.7-alpine", 98.13],
		["redis:7.2", "redis:8.10.0", 145.55],
	])("FROM %s → %s, %s MB", (from, row, megabytes) => {
		const image = from.split(" ")[0];
		const final = finalSize(from);
		expect(final).toMatchObject({ image, row });
		expect(final.bytes).toBe(Math.round(megabytes * 1_000_000));
	});

	it.each([
		"mcr.microsoft.com/dotnet/runtime-deps:8.0",
		"mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled",
		"mcr.microsoft.com/dotnet/aspnet:8.0-alpine",
		"mcr.microsoft.com/dotnet/sdk:8.0-alpine",
		"mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022",
		"registry.access.redhat.com/ubi9/ubi",
		"registry.access.redhat.com/ubi9/ubi-micro",
		"registry.access.redhat.com/ubi9/ubi-init",
		"buildpack-deps:bookworm-curl",
		"buildpack-deps:jammy-scm",
		"amazoncorretto:17-al2023-headless",
		"nginx:alpine-slim",
		"nginxinc/nginx-unprivileged:1.27",
		"bitnami/postgresql:16",
	])("%s stays size unknown", (image) => {
		expect(finalSize(image)).toMatchObject({ bytes: null, row: null });
	});

	it("keeps measured compressed sizes and derives the others", () => {
		expect(finalSize("mcr.microsoft.com/dotnet/aspnet:8.0")).toMatchObject({ compressedBytes: 90_900_000, compressedDerived: false });
		expect(finalSize("registry.access.redhat.com/ubi9/ubi-minimal")).toMatchObject({ compressedBytes: 32_000_000, compressedDerived: false });
		expect(finalSize("redis:7-alpine")).toMatchObject({ compressedBytes: Math.round(98_130_000 * 0.46), compressedDerived: true });
	});

	it("names a source and a date for every sourced row", () => {
		for (const image of ["nginx:1.27", "httpd:2.4", "postgres:17", "redis:7", "photon:5.0", "buildpack-deps:bookworm", "amazoncorretto:21"]) {
			expect(findSizeRow(image)?.source).toMatch(/^Docker official images repo-info, repos\/\S+\.md \(image created 20\d\d-\d\d-\d\d\)$/);
		}
		expect(findSizeRow("mcr.microsoft.com/dotnet/aspnet:8.0")?.source).toMatch(/dotnet-docker.*November 2023/);
		expect(findSizeRow("registry.access.redhat.com/ubi9/ubi-minimal")?.source).toMatch(/Red Hat/);
	});
});
