// Imitates Obsidian's files, Vault, DataAdapter and MetadataCache, kept in memory, with getAllTags and normalizePath.
import { Events } from "./events";

export abstract class TAbstractFile {
	path: string;
	name: string;
	parent: TFolder | null = null;
	constructor(path: string) {
		this.path = path;
		this.name = path.split("/").pop() ?? path;
	}
}

export class TFile extends TAbstractFile {
	basename: string;
	extension: string;
	stat = { ctime: 0, mtime: 0, size: 0 };
	constructor(path: string) {
		super(path);
		const dot = this.name.lastIndexOf(".");
		this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
		this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
	}
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
}

/** A cached metadata entry; the mock only fills `tags` and `frontmatter.tags`. */
export interface CachedMetadata {
	tags?: { tag: string; position?: unknown }[];
	frontmatter?: Record<string, unknown>;
}

/** Raw file access below the vault (config folder files); tests fill `files`. */
export class DataAdapter {
	files = new Map<string, string>();
	async exists(path: string): Promise<boolean> {
		return this.files.has(path);
	}
	async read(path: string): Promise<string> {
		const text = this.files.get(path);
		if (text === undefined) throw new Error(`ENOENT: ${path}`);
		return text;
	}
	async write(path: string, data: string): Promise<void> {
		this.files.set(path, data);
	}
}

/** An in-memory vault: `files` maps paths to contents; tests fire events with `trigger`. */
export class Vault extends Events {
	/** `bytes`: the file's bytes when they are not the UTF-8 encoding of `text` (see `putBinary`). */
	files = new Map<string, { file: TFile; text: string; bytes?: Uint8Array }>();
	configDir = ".obsidian";
	adapter = new DataAdapter();
	reads = 0;
	/** Adds or replaces a file's text without firing events (test setup). */
	put(path: string, text: string): TFile {
		const existing = this.files.get(path);
		const file = existing?.file ?? new TFile(path);
		this.files.set(path, { file, text });
		return file;
	}
	/** Adds a file from its bytes; `text` is what Obsidian shows: a lossy UTF-8 decoding (test setup). */
	putBinary(path: string, bytes: Uint8Array): TFile {
		const file = this.put(path, new TextDecoder().decode(bytes));
		const entry = this.files.get(path);
		if (entry) entry.bytes = bytes.slice();
		return file;
	}
	/** The file's bytes on "disk". */
	binaryOf(path: string): Uint8Array | undefined {
		const entry = this.files.get(path);
		return entry ? (entry.bytes ?? new TextEncoder().encode(entry.text)) : undefined;
	}
	async readBinary(file: TFile): Promise<ArrayBuffer> {
		const bytes = this.binaryOf(file.path);
		if (!bytes) throw new Error(`ENOENT: ${file.path}`);
		return bytes.slice().buffer;
	}
	getMarkdownFiles(): TFile[] {
		return [...this.files.values()].map((entry) => entry.file).filter((file) => file.extension === "md");
	}
	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.files.get(path)?.file ?? null;
	}
	getFileByPath(path: string): TFile | null {
		return this.files.get(path)?.file ?? null;
	}
	async cachedRead(file: TFile): Promise<string> {
		this.reads++;
		const entry = this.files.get(file.path);
		if (!entry) throw new Error(`ENOENT: ${file.path}`);
		return entry.text;
	}
	async read(file: TFile): Promise<string> {
		return this.cachedRead(file);
	}
	/** Folders made with `createFolder` (test inspection). */
	folders = new Set<string>();
	async createFolder(path: string): Promise<void> {
		if (this.folders.has(path)) throw new Error(`Folder already exists: ${path}`);
		this.folders.add(path);
	}
	async create(path: string, text: string): Promise<TFile> {
		if (this.files.has(path)) throw new Error(`File already exists: ${path}`);
		return this.put(path, text);
	}
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const entry = this.files.get(file.path);
		if (!entry) throw new Error(`ENOENT: ${file.path}`);
		const text = fn(entry.text);
		if (text !== entry.text) {
			entry.text = text;
			delete entry.bytes;
		}
		return entry.text;
	}
}

/** Metadata per path; tests set entries with `set` and fire `changed` with `trigger`. */
export class MetadataCache extends Events {
	caches = new Map<string, CachedMetadata>();
	/** Links between notes as Obsidian resolves them: source path → target path → count (note review). */
	resolvedLinks: Record<string, Record<string, number>> = {};
	set(path: string, cache: CachedMetadata): void {
		this.caches.set(path, cache);
	}
	getFileCache(file: TFile): CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}
}

/** Tags of a cache entry, frontmatter first, each with `#`, as Obsidian's `getAllTags`. */
export function getAllTags(cache: CachedMetadata): string[] | null {
	const result: string[] = [];
	const front = cache.frontmatter?.tags ?? cache.frontmatter?.tag;
	const list = Array.isArray(front) ? front : typeof front === "string" ? front.split(/[\s,]+/) : [];
	for (const tag of list) if (typeof tag === "string" && tag.length > 0) result.push(tag.startsWith("#") ? tag : `#${tag}`);
	for (const entry of cache.tags ?? []) result.push(entry.tag);
	return result;
}

/** Obsidian's path clean-up: `/` separators, no doubled, leading or trailing `/`. */
export function normalizePath(path: string): string {
	const cleaned = path.replace(/[\\/]+/g, "/").replace(/^\/+|\/+$/g, "");
	return cleaned === "" ? "/" : cleaned.normalize("NFC");
}
