/** `spaced-notes docker PATH…` end to end, on the built command line: several paths, folders, .dockerignore. */
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/built-cli";
import { tempVault } from "../builders";

const GO = 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nUSER 1000\nENTRYPOINT ["/app"]\n';
const NOTE = ["# Notes", "", "```dockerfile", "FROM alpine:3.20", "COPY tmp/x /x", "```", "", "```dockerignore", "tmp", "```", ""].join("\n");

const dir = tempVault({
	prefix: "sn-docker-paths-",
	files: {
		"svc/Dockerfile": GO,
		"svc/Dockerfile.dev": "FROM node:22\nMAINTAINER me\n",
		"svc/.dockerignore": "secrets\n",
		"svc/api.dockerfile": "FROM alpine:3.20\nCOPY secrets/key /key\n",
		"notes/build.md": NOTE,
		"notes/plain.md": "no blocks here\n",
		"node_modules/x/Dockerfile": "FROM alpine:3.20\n",
		Containerfile: "FROM alpine:latest\n",
		"README.txt": "FROM alpine\n",
	},
});

interface FilesJson {
	files: { file: string; blocks: { line: number; advice: { rule: string; line: number }[]; footprint: { copied: unknown } | null }[] }[];
}

describe("spaced-notes docker PATH…", () => {
	it("a folder means every Dockerfile*, *.dockerfile, Containerfile* and note with blocks below it, named relative to it", async () => {
		const run = await runBuiltCli(["docker", dir, "--json"]);
		expect(run.status).toBe(0);
		const json = JSON.parse(run.stdout) as FilesJson;
		expect(json.files.map((f) => f.file)).toEqual(["Containerfile", "notes/build.md", "svc/Dockerfile", "svc/Dockerfile.dev", "svc/api.dockerfile"]);
		const byFile = new Map(json.files.map((f) => [f.file, f.blocks]));
		expect(byFile.get("Containerfile")?.[0].advice.map((a) => a.rule)).toContain("DL3007");
		expect(byFile.get("svc/Dockerfile.dev")?.[0].advice).toContainEqual(expect.objectContaining({ rule: "MaintainerDeprecated", line: 2 }));
		expect(byFile.get("svc/Dockerfile")?.[0].footprint?.copied).toEqual({ minBytes: 2_000_000, maxBytes: 10_000_000, reason: "a static Go binary" });
	});

	it("CopyIgnoredFile reads the .dockerignore beside a Dockerfile, and a note's ```dockerignore block, with note lines", async () => {
		const json = JSON.parse((await runBuiltCli(["docker", dir, "--json"])).stdout) as FilesJson;
		const byFile = new Map(json.files.map((f) => [f.file, f.blocks]));
		expect(byFile.get("svc/api.dockerfile")?.[0].advice).toContainEqual(expect.objectContaining({ rule: "CopyIgnoredFile", line: 2 }));
		expect(byFile.get("notes/build.md")?.[0]).toMatchObject({ line: 3 });
		expect(byFile.get("notes/build.md")?.[0].advice).toContainEqual(expect.objectContaining({ rule: "CopyIgnoredFile", line: 5 }));
	});

	it("several file paths give the files shape, each named as given; one file keeps the blocks shape", async () => {
		const several = await runBuiltCli(["docker", "svc/Dockerfile", "Containerfile", "--json"], { cwd: dir });
		expect((JSON.parse(several.stdout) as FilesJson).files.map((f) => f.file)).toEqual(["svc/Dockerfile", "Containerfile"]);
		const one = JSON.parse((await runBuiltCli(["docker", "svc/Dockerfile", "--json"], { cwd: dir })).stdout) as Record<string, unknown>;
		expect(Object.keys(one)).toEqual(["blocks"]);
	});

	it("a folder holding one file still gives the files shape; --platform applies to every file", async () => {
		const run = await runBuiltCli(["docker", "notes", "--json", "--platform", "linux/arm64"], { cwd: dir });
		const json = JSON.parse(run.stdout) as FilesJson;
		expect(json.files.map((f) => f.file)).toEqual(["build.md"]);
		const text = await runBuiltCli(["docker", "notes", "svc/Dockerfile", "--platform", "linux/arm64"], { cwd: dir });
		expect(text.stdout).toMatch(/^build\.md:3 {2}1 stage for linux\/arm64: /m);
		expect(text.stdout).toMatch(/^svc\/Dockerfile:1 {2}2 stages for linux\/arm64: ≈ 834 MB → ≈ 2–10 MB \(a static Go binary\)$/m);
	});

	it("a missing path is one line on stderr and exit 2", async () => {
		const run = await runBuiltCli(["docker", "svc", "nope"], { cwd: dir });
		expect(run.status).toBe(2);
		expect(run.stderr).toBe("spaced-notes docker: cannot read nope: no such file\n");
	});
});
