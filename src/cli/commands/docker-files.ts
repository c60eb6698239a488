/**
 * What `spaced-notes docker` reads under each path: a file as given, or, below a folder, every
 * `Dockerfile*`, `*.dockerfile`, `Containerfile*` and every note with a dockerfile block; and the
 * .dockerignore that goes with each Dockerfile.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { toSlashes } from "../fs-paths";
import { UsageError } from "../io";

/** Folders never searched: hidden ones (.git, .obsidian) and installed packages. */
const SKIPPED_FOLDERS = /^(\..*|node_modules)$/;
const DOCKERFILE_NAME = /^(Dockerfile.*|Containerfile.*|.+\.dockerfile)$/i;
const NOTE_NAME = /\.(md|markdown)$/i;

export function isNote(path: string): boolean {
	return NOTE_NAME.test(path);
}

/** Whether a file found below a folder is analysed: a Dockerfile by name, or a note (kept when it has blocks). */
function wanted(name: string): boolean {
	return (DOCKERFILE_NAME.test(name) && !name.endsWith(".dockerignore")) || NOTE_NAME.test(name);
}

/** Every wanted file below `folder`, sorted, as absolute paths. */
export async function filesBelow(folder: string): Promise<string[]> {
	const found: string[] = [];
	const walk = async (dir: string): Promise<void> => {
		const entries = await readdir(dir, { withFileTypes: true });
		for (const e of entries) {
			if (e.isDirectory()) {
				if (!SKIPPED_FOLDERS.test(e.name)) await walk(join(dir, e.name));
			} else if (e.isFile() && wanted(e.name)) found.push(join(dir, e.name));
		}
	};
	await walk(folder);
	return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The name a file is shown under: relative to the folder it was found in, with `/`. */
export function shownName(folder: string, file: string): string {
	return toSlashes(relative(folder, file));
}

export async function readText(path: string, shown: string): Promise<string> {
	try {
		return await readFile(path, "utf8");
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "unreadable");
		throw new UsageError(`cannot read ${shown}: ${why}`);
	}
}

/**
 * The .dockerignore BuildKit would read with a Dockerfile: `<name>.dockerignore` beside it, else
 * `.dockerignore` in its folder (the usual build context); null when neither exists.
 */
export async function dockerignoreBeside(dockerfile: string): Promise<string | null> {
	for (const candidate of [`${dockerfile}.dockerignore`, join(dirname(dockerfile), ".dockerignore")]) {
		if (basename(candidate) === basename(dockerfile)) continue;
		try {
			return await readFile(candidate, "utf8");
		} catch {
			// not there: try the next one
		}
	}
	return null;
}
