/** Small file-system questions the command line asks, answered without throwing. */
import { statSync } from "node:fs";
import { sep } from "node:path";

export function pathExists(path: string): boolean {
	try {
		statSync(path);
		return true;
	} catch {
		return false;
	}
}

export function isDirectory(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

/** A platform path with `/` separators, as Obsidian writes vault paths. */
export function toSlashes(path: string): string {
	return sep === "/" ? path : path.split(sep).join("/");
}
