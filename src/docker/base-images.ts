/**
 * Base image sizes (linux/amd64) as data, from docs/dockerfile.md, "The size table". Every figure
 * is an estimate: tag families move by roughly ±10% between releases. Rows are tried in order
 * and the first match wins, so specific variants come before a family's default row; the sourced
 * rows of size-rows.ts come first.
 */
import type { ImageSize } from "./types";
import { parseImageRef } from "./image-ref";
import { gb, mb, SOURCED_ROWS, type SizeRow } from "./size-rows";

const REPO_INFO = "Docker official images repo-info, 2026 snapshot";
const NOTES = "project size notes (docker-base-images.md)";

/** The size table. Figures are uncompressed unless a field says compressed. */
const SIZE_TABLE: readonly SizeRow[] = [
	...SOURCED_ROWS,
	{
		row: "scratch",
		family: "scratch",
		bytes: 0,
		compressedBytes: 0,
		base: "none",
		source: "empty by definition",
		confidence: "exact",
		note: null,
		role: "empty",
	},
	{
		row: "busybox:1.38",
		family: "busybox",
		bytes: mb(4.45),
		compressedBytes: mb(2),
		base: "none",
		source: REPO_INFO,
		confidence: "high",
		note: "compressed size estimated",
		role: "minimal",
	},
	{
		row: "alpine:3.22",
		family: "alpine",
		bytes: mb(8.3),
		compressedBytes: mb(3.8),
		base: "alpine",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "minimal",
	},
	{
		row: "debian:bookworm-slim",
		family: "debian",
		tag: /slim/,
		bytes: mb(74.8),
		compressedBytes: mb(28.2),
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "os",
	},
	{
		row: "debian:bookworm",
		family: "debian",
		bytes: mb(116.6),
		compressedBytes: mb(48.5),
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "os",
	},
	{
		row: "ubuntu:24.04",
		family: "ubuntu",
		bytes: mb(78.2),
		compressedBytes: mb(29),
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: "22.04 is 78.1 MB; compressed size estimated",
		role: "os",
	},
	{
		row: "golang:1.26-alpine",
		family: "golang",
		tag: /alpine/,
		bytes: mb(241.4),
		compressedBytes: null,
		base: "alpine",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "sdk",
	},
	{
		row: "golang:1.26-bookworm",
		family: "golang",
		bytes: mb(833.5),
		compressedBytes: mb(296.8),
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: "stands for every golang Debian tag; older ones range ≈ 810–993 MB",
		role: "sdk",
	},
	{
		row: "python:3.12-alpine",
		family: "python",
		tag: /alpine/,
		bytes: mb(48.8),
		compressedBytes: null,
		base: "alpine",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "runtime",
	},
	{
		row: "python:3.12-slim",
		family: "python",
		tag: /slim/,
		bytes: mb(124.3),
		compressedBytes: mb(45.4),
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "runtime",
	},
	{
		row: "python:3.12",
		family: "python",
		bytes: gb(1.02),
		compressedBytes: null,
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: "full Debian image with build tools",
		role: "sdk",
	},
	{
		row: "node:20-alpine",
		family: "node",
		tag: /^20(\.[\d.]*)?-alpine/,
		bytes: mb(135),
		compressedBytes: null,
		base: "alpine",
		source: REPO_INFO,
		confidence: "medium",
		note: null,
		role: "runtime",
	},
	{
		row: "node:22-alpine",
		family: "node",
		tag: /alpine/,
		bytes: mb(167.6),
		compressedBytes: null,
		base: "alpine",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "runtime",
	},
	{
		row: "node:22-slim",
		family: "node",
		tag: /slim/,
		bytes: mb(227.3),
		compressedBytes: mb(79.9),
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "runtime",
	},
	{
		row: "node:22",
		family: "node",
		bytes: gb(1.13),
		compressedBytes: null,
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: "full Debian image with build tools",
		role: "sdk",
	},
	{
		row: "eclipse-temurin:17-jre",
		family: "eclipse-temurin",
		tag: /jre/,
		notTag: /alpine/,
		bytes: mb(294.4),
		compressedBytes: null,
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "runtime",
	},
	{
		row: "eclipse-temurin:21-jdk",
		family: "eclipse-temurin",
		notTag: /jre|alpine/,
		bytes: mb(474.8),
		compressedBytes: null,
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "sdk",
	},
	{
		row: "maven:3.9",
		family: "maven",
		tag: /^3\.9/,
		bytes: mb(493.7),
		compressedBytes: null,
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "sdk",
	},
	{
		row: "maven:3.9",
		family: "maven",
		bytes: mb(493.7),
		compressedBytes: null,
		base: "debian",
		source: REPO_INFO,
		confidence: "low",
		note: "measured on maven:3.9; other tags assumed similar",
		role: "sdk",
	},
	{
		row: "openjdk:17-slim",
		family: "openjdk",
		bytes: mb(400),
		compressedBytes: null,
		base: "debian",
		source: NOTES,
		confidence: "low",
		note: "deprecated upstream; JDK-class size",
		role: "sdk",
		deprecated: true,
	},
	{
		row: "rust:1",
		family: "rust",
		notTag: /alpine|slim/,
		bytes: gb(1.57),
		compressedBytes: null,
		base: "debian",
		source: REPO_INFO,
		confidence: "high",
		note: null,
		role: "sdk",
	},
	{ row: "gcc:16", family: "gcc", bytes: gb(1.56), compressedBytes: null, base: "debian", source: REPO_INFO, confidence: "high", note: null, role: "sdk" },
	{
		row: "gcr.io/distroless/static-debian12",
		family: /^gcr\.io\/distroless\/static(-debian\d+)?$/,
		bytes: mb(2.4),
		compressedBytes: null,
		base: "none",
		source: NOTES,
		confidence: "medium",
		note: "≈ 0.7–2 MB compressed",
		role: "minimal",
	},
	{
		row: "gcr.io/distroless/base-nossl-debian12",
		family: /^gcr\.io\/distroless\/base-nossl(-debian\d+)?$/,
		bytes: mb(15),
		compressedBytes: null,
		base: "debian",
		source: NOTES,
		confidence: "low",
		note: "by construction",
		role: "minimal",
	},
	{
		row: "gcr.io/distroless/base-debian12",
		family: /^gcr\.io\/distroless\/base(-debian\d+)?$/,
		bytes: mb(20.4),
		compressedBytes: null,
		base: "debian",
		source: NOTES,
		confidence: "medium",
		note: null,
		role: "minimal",
	},
	{
		row: "gcr.io/distroless/cc-debian12",
		family: /^gcr\.io\/distroless\/cc(-debian\d+)?$/,
		bytes: mb(23),
		compressedBytes: null,
		base: "debian",
		source: NOTES,
		confidence: "low",
		note: "by construction",
		role: "minimal",
	},
	{
		row: "gcr.io/distroless/python3-debian12",
		family: /^gcr\.io\/distroless\/python3(-debian\d+)?$/,
		bytes: mb(52.5),
		compressedBytes: null,
		base: "debian",
		source: NOTES,
		confidence: "low",
		note: "≈ 50–55 MB",
		role: "runtime",
	},
	{
		row: "gcr.io/distroless/java17-debian12",
		family: /^gcr\.io\/distroless\/java(17|21)(-debian\d+)?$/,
		bytes: mb(210),
		compressedBytes: null,
		base: "debian",
		source: NOTES,
		confidence: "low",
		note: "≈ 200–220 MB",
		role: "runtime",
	},
	{
		row: "gcr.io/distroless/nodejs20-debian12",
		family: /^gcr\.io\/distroless\/nodejs20(-debian\d+)?$/,
		bytes: mb(181),
		compressedBytes: null,
		base: "debian",
		source: NOTES,
		confidence: "medium",
		note: "larger than node:20-alpine",
		role: "runtime",
	},
];

/** Compressed ≈ this share of uncompressed where no measurement exists. */
const COMPRESSION_RATIO = { debian: 0.36, alpine: 0.46 } as const;

/** Why Windows images get no size: every row measures a Linux image. */
const WINDOWS_NOTE = "a Windows image: the size table holds Linux images only";

/**
 * Windows images, by name (`mcr.microsoft.com/windows/…`, .NET Framework) or by tag
 * (`-windowsservercore`, `-nanoserver`, `-ltsc2022`), which official images use for their
 * Windows variants.
 */
export function isWindowsImage(image: string): boolean {
	const ref = parseImageRef(image);
	if (!ref) return false;
	if (/^mcr\.microsoft\.com\/(windows|dotnet\/framework)(\/|$)/.test(ref.family)) return true;
	return /(^|-)(windowsservercore|servercore|nanoserver|ltsc\d{4})(-|$)/.test(ref.tag ?? "");
}

/** The size row for an image reference, or null when the table does not know the image. */
export function findSizeRow(image: string): SizeRow | null {
	const ref = parseImageRef(image);
	if (!ref || isWindowsImage(image)) return null;
	const tag = ref.tag ?? "latest";
	const family = ref.family;
	for (const row of SIZE_TABLE) {
		const familyMatches = typeof row.family === "string" ? row.family === family : row.family.test(family);
		if (!familyMatches) continue;
		if (row.tag && !row.tag.test(tag)) continue;
		if (row.notTag && row.notTag.test(tag)) continue;
		return row;
	}
	return null;
}

/** What the size table says about `image`: every figure an estimate, null when unknown. */
export function imageSize(image: string): ImageSize {
	const row = findSizeRow(image);
	if (!row)
		return {
			image,
			bytes: null,
			compressedBytes: null,
			compressedDerived: false,
			row: null,
			confidence: null,
			note: isWindowsImage(image) ? WINDOWS_NOTE : null,
		};
	const derive = row.compressedBytes === null && row.base !== "none";
	const compressed = row.compressedBytes ?? (derive ? Math.round(row.bytes * COMPRESSION_RATIO[row.base as "debian" | "alpine"]) : null);
	return { image, bytes: row.bytes, compressedBytes: compressed, compressedDerived: derive, row: row.row, confidence: row.confidence, note: row.note };
}
