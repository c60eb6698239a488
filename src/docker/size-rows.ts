/**
 * The shape of a size-table row, and the rows for image families the first table left out (docs/
 * dockerfile.md, "Sourced rows"): .NET, UBI, eclipse-temurin on Alpine, buildpack-deps,
 * amazoncorretto, photon, nginx, httpd, postgres and redis. Every row names where its figure comes
 * from and when it was measured; a family with no published figure stays "size unknown".
 */
import type { Confidence } from "./types";

/** What an image is for; advice uses it to spot build images shipped as runtimes. */
type ImageRole = "empty" | "os" | "sdk" | "runtime" | "minimal";

export interface SizeRow {
	/** The tag the figures were measured on, shown to the user. */
	row: string;
	/** Normalised family (see image-ref.ts) this row is about. */
	family: string | RegExp;
	/** The tag must match this (an absent tag counts as `latest`). */
	tag?: RegExp;
	/** …and must not match this. */
	notTag?: RegExp;
	/** Uncompressed bytes. */
	bytes: number;
	/** Measured compressed bytes, or null. */
	compressedBytes: number | null;
	/** Which ratio derives a missing compressed size. */
	base: "debian" | "alpine" | "none";
	/** Where the figure comes from, and when it was measured. */
	source: string;
	confidence: Confidence;
	note: string | null;
	role: ImageRole;
	deprecated?: boolean;
}

/** Decimal megabytes and gigabytes, as `docker images` prints them. */
export const mb = (n: number): number => Math.round(n * 1_000_000);
export const gb = (n: number): number => Math.round(n * 1_000_000_000);

/** A Docker official image's repo-info record: `repos/<image>/local/<tag>.md`, its on-disk (virtual) size for linux/amd64. */
const repoInfo = (file: string, created: string) => `Docker official images repo-info, repos/${file} (image created ${created})`;
/** Microsoft's own size report: a small framework-dependent sample app on each base, .NET 8.0 GA (November 2023). */
const DOTNET_REPORT = "Microsoft, dotnet/dotnet-docker documentation/sample-image-size-report.md, .NET 8.0 GA edition (November 2023)";
const DOTNET_BLOG = "anhtu.dev, “Docker Image for .NET 10 — From 800MB Down to Under 50MB”, 2026-04-20 (approximate figures)";
const RED_HAT = "Red Hat, RHEL “Building, running, and managing containers”, §2.5 Understanding the UBI minimal images (stored copy, 2026)";

/** `mcr.microsoft.com/dotnet/<kind>`, also the older `dotnet/core/<kind>` path. */
const dotnet = (kind: string) => new RegExp(`^mcr\\.microsoft\\.com/dotnet/(core/)?${kind}$`);
const SAMPLE_APP = "measured with a small sample app on top";

export const SOURCED_ROWS: readonly SizeRow[] = [
	// .NET (Linux tags only: Windows tags never reach the table). Alpine and runtime-deps have no published base figure.
	{
		row: "mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled-composite",
		family: dotnet("aspnet"),
		tag: /chiseled-composite/,
		bytes: mb(103),
		compressedBytes: mb(40.8),
		base: "none",
		source: DOTNET_REPORT,
		confidence: "medium",
		note: SAMPLE_APP,
		role: "minimal",
	},
	{
		row: "mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled",
		family: dotnet("aspnet"),
		tag: /chiseled/,
		bytes: mb(111),
		compressedBytes: mb(49.3),
		base: "none",
		source: DOTNET_REPORT,
		confidence: "medium",
		note: `${SAMPLE_APP}; the .NET 10 edition (November 2025) gives 52.8 MB compressed`,
		role: "minimal",
	},
	{
		row: "mcr.microsoft.com/dotnet/aspnet:8.0-jammy",
		family: dotnet("aspnet"),
		notTag: /alpine/,
		bytes: mb(217),
		compressedBytes: mb(90.9),
		base: "none",
		source: DOTNET_REPORT,
		confidence: "medium",
		note: `${SAMPLE_APP}; the .NET 10 edition (November 2025) gives 92.5 MB compressed`,
		role: "runtime",
	},
	{
		row: "mcr.microsoft.com/dotnet/runtime:10.0",
		family: dotnet("runtime"),
		notTag: /alpine|chiseled/,
		bytes: mb(190),
		compressedBytes: null,
		base: "debian",
		source: DOTNET_BLOG,
		confidence: "low",
		note: "≈ 190 MB",
		role: "runtime",
	},
	{
		row: "mcr.microsoft.com/dotnet/sdk:10.0",
		family: dotnet("sdk"),
		notTag: /alpine/,
		bytes: mb(900),
		compressedBytes: null,
		base: "debian",
		source: DOTNET_BLOG,
		confidence: "low",
		note: "≈ 900 MB",
		role: "sdk",
	},
	// UBI: Red Hat publishes a figure for ubi-minimal only; ubi and ubi-micro stay unknown.
	{
		row: "registry.access.redhat.com/ubi9/ubi-minimal",
		family: /^(?:(?:registry\.access\.redhat\.com|registry\.redhat\.io)\/ubi\d+(?:\/ubi)?-minimal|redhat\/ubi\d+-minimal)$/,
		bytes: mb(92),
		compressedBytes: mb(32),
		base: "none",
		source: RED_HAT,
		confidence: "medium",
		note: "“about 92M on disk and 32M when compressed”",
		role: "os",
	},
	// eclipse-temurin on Alpine (the Ubuntu rows are in base-images.ts).
	{
		row: "eclipse-temurin:17-jre-alpine",
		family: "eclipse-temurin",
		tag: /^(?=.*jre)(?=.*alpine)/,
		bytes: mb(184.02),
		compressedBytes: null,
		base: "alpine",
		source: repoInfo("eclipse-temurin/local/17-jre-alpine-3.24.md", "2026-08-21"),
		confidence: "high",
		note: null,
		role: "runtime",
	},
	{
		row: "eclipse-temurin:21-jdk-alpine",
		family: "eclipse-temurin",
		tag: /alpine/,
		bytes: mb(363.53),
		compressedBytes: null,
		base: "alpine",
		source: repoInfo("eclipse-temurin/local/21-jdk-alpine.md", "2026-08-21"),
		confidence: "high",
		note: null,
		role: "sdk",
	},
	{
		row: "buildpack-deps:bookworm",
		family: "buildpack-deps",
		notTag: /curl|scm/,
		bytes: mb(929.95),
		compressedBytes: null,
		base: "debian",
		source: repoInfo("buildpack-deps/local/bookworm.md", "2026-07-14"),
		confidence: "high",
		note: "the full variant with compilers; -curl and -scm are smaller and not in the table",
		role: "sdk",
	},
	{
		row: "amazoncorretto:17-alpine3.22",
		family: "amazoncorretto",
		tag: /alpine/,
		bytes: mb(297.6),
		compressedBytes: null,
		base: "alpine",
		source: repoInfo("amazoncorretto/local/17-alpine3.22.md", "2026-08-20"),
		confidence: "high",
		note: "a full JDK",
		role: "sdk",
	},
	{
		row: "amazoncorretto:17-al2023",
		family: "amazoncorretto",
		notTag: /headless|headful/,
		bytes: mb(459.43),
		compressedBytes: null,
		base: "debian",
		source: repoInfo("amazoncorretto/local/17.md", "2026-09-17"),
		confidence: "high",
		note: "a full JDK on Amazon Linux",
		role: "sdk",
	},
	{
		row: "photon:5.0",
		family: "photon",
		bytes: mb(48.71),
		compressedBytes: null,
		base: "debian",
		source: repoInfo("photon/local/5.0.md", "2026-07-28"),
		confidence: "medium",
		note: null,
		role: "os",
	},
	{
		row: "nginx:1.31.5-alpine",
		family: "nginx",
		tag: /alpine/,
		notTag: /slim/,
		bytes: mb(68.98),
		compressedBytes: null,
		base: "alpine",
		source: repoInfo("nginx/local/1-alpine.md", "2026-09-02"),
		confidence: "high",
		note: null,
		role: "runtime",
	},
	{
		row: "nginx:1.31.3",
		family: "nginx",
		notTag: /alpine/,
		bytes: mb(161.33),
		compressedBytes: null,
		base: "debian",
		source: repoInfo("nginx/local/latest.md", "2026-07-15"),
		confidence: "high",
		note: "Debian trixie",
		role: "runtime",
	},
	{
		row: "httpd:2.4.68-alpine",
		family: "httpd",
		tag: /alpine/,
		bytes: mb(66.92),
		compressedBytes: null,
		base: "alpine",
		source: repoInfo("httpd/local/2-alpine3.24.md", "2026-09-17"),
		confidence: "high",
		note: null,
		role: "runtime",
	},
	{
		row: "httpd:2.4.68",
		family: "httpd",
		bytes: mb(116.84),
		compressedBytes: null,
		base: "debian",
		source: repoInfo("httpd/local/latest.md", "2026-08-25"),
		confidence: "high",
		note: null,
		role: "runtime",
	},
	{
		row: "postgres:18.4-alpine3.24",
		family: "postgres",
		tag: /alpine/,
		bytes: mb(303.59),
		compressedBytes: null,
		base: "alpine",
		source: repoInfo("postgres/local/18-alpine.md", "2026-07-07"),
		confidence: "high",
		note: "other major versions differ",
		role: "runtime",
	},
	{
		row: "postgres:18.6",
		family: "postgres",
		bytes: mb(456.45),
		compressedBytes: null,
		base: "debian",
		source: repoInfo("postgres/local/18.md", "2026-08-13"),
		confidence: "high",
		note: "other major versions differ",
		role: "runtime",
	},
	{
		row: "redis:8.6.7-alpine",
		family: "redis",
		tag: /alpine/,
		bytes: mb(98.13),
		compressedBytes: null,
		base: "alpine",
		source: repoInfo("redis/local/8.6-alpine.md", "2026-09-21"),
		confidence: "high",
		note: null,
		role: "runtime",
	},
	{
		row: "redis:8.10.0",
		family: "redis",
		bytes: mb(145.55),
		compressedBytes: null,
		base: "debian",
		source: repoInfo("redis/local/8.md", "2026-08-05"),
		confidence: "high",
		note: null,
		role: "runtime",
	},
];
