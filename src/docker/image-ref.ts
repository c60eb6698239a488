/**
 * Image reference normalisation, after the distribution reference grammar: optional registry
 * host (a first component with `.` or `:` or `localhost`), path, `:tag`, `@digest`. Docker Hub
 * spellings (`docker.io/`, `index.docker.io/`, `library/`) all become the short official name.
 */

export interface ImageRef {
	/** The registry host, `docker.io` for Docker Hub. */
	registry: string;
	/** Path inside the registry, e.g. `library/golang`, `distroless/static-debian12`. */
	path: string;
	/** The name size rows match on: `golang`, `bitnami/redis`, `gcr.io/distroless/static-debian12`. */
	family: string;
	/** The tag, or null when none is written. */
	tag: string | null;
	/** The `sha256:…` digest, or null. */
	digest: string | null;
}

const DOCKER_HUB = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);

/**
 * Parses an image reference; returns null for text that cannot be one (empty, spaces, `$`).
 * @example parseImageRef("docker.io/library/golang:1.17@sha256:ab…") → family "golang", tag "1.17"
 */
export function parseImageRef(raw: string): Readonly<ImageRef> | null {
	// A file names the same few images over and over: remember recent answers.
	const cached = recent.get(raw);
	if (cached !== undefined) return cached;
	if (recent.size >= RECENT_MAX) recent.clear();
	const ref = parse(raw);
	recent.set(raw, ref);
	return ref;
}

const RECENT_MAX = 512;
const recent = new Map<string, Readonly<ImageRef> | null>();

function parse(raw: string): ImageRef | null {
	const ref = raw.trim().replace(/^["']|["']$/g, "");
	if (ref === "" || /[\s$]/.test(ref)) return null;
	let rest = ref;
	let digest: string | null = null;
	const at = rest.indexOf("@");
	if (at >= 0) {
		digest = rest.slice(at + 1) || null;
		rest = rest.slice(0, at);
	}
	let tag: string | null = null;
	const lastSlash = rest.lastIndexOf("/");
	const colon = rest.lastIndexOf(":");
	if (colon > lastSlash) {
		tag = rest.slice(colon + 1) || null;
		rest = rest.slice(0, colon);
	}
	if (rest === "") return null;
	const parts = rest.split("/");
	let registry = "docker.io";
	if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === "localhost")) {
		registry = parts.shift()!.toLowerCase();
	}
	if (DOCKER_HUB.has(registry)) registry = "docker.io";
	let path = parts.join("/").toLowerCase();
	if (path === "") return null;
	if (registry === "docker.io" && !path.includes("/")) path = `library/${path}`;
	const family = registry === "docker.io" ? path.replace(/^library\//, "") : `${registry}/${path}`;
	return { registry, path, family, tag, digest };
}

// The distribution reference grammar, as BuildKit checks every image it would pull.
const ALNUM = "[a-z0-9]+";
const SEPARATOR = "(?:[._]|__|[-]+)";
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}";
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const NAME = new RegExp(`^(?:(${DOMAIN})/)?(${REMOTE_NAME})$`);
const DIGEST_SHAPE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** BuildKit's reason for refusing a digest, or null when it is a good one. */
function digestError(digest: string): string | null {
	const colon = digest.indexOf(":");
	const algorithm = digest.slice(0, colon);
	const encoded = digest.slice(colon + 1);
	const length = DIGEST_HEX_LENGTH[algorithm];
	if (length === undefined) return DIGEST_SHAPE.test(digest) ? "unsupported digest algorithm" : "invalid checksum digest format";
	if (encoded.length !== length) return "invalid checksum digest length";
	return /^[a-f0-9]+$/.test(encoded) ? null : "invalid checksum digest format";
}

/**
 * Why BuildKit cannot use `raw` as an image reference, in its words, or null when it can.
 * Docker Hub names are completed first (`golang` is `docker.io/library/golang`), and a repository
 * name must be lower case.
 * @example referenceError("Builder") → "invalid reference format: repository name (library/Builder) must be lowercase"
 */
export function referenceError(raw: string): string | null {
	if (/^[a-f0-9]{64}$/.test(raw)) return `invalid repository name (${raw}), cannot specify 64-byte hexadecimal strings`;
	const slash = raw.indexOf("/");
	const first = slash < 0 ? "" : raw.slice(0, slash);
	let domain = "docker.io";
	let remainder = raw;
	if (slash < 0) remainder = raw;
	else if (first === "localhost" || /[.:]/.test(first) || first.toLowerCase() !== first) [domain, remainder] = [first, raw.slice(slash + 1)];
	else if (first === "index.docker.io") remainder = raw.slice(slash + 1);
	if (domain === "docker.io" && !remainder.includes("/")) remainder = `library/${remainder}`;
	const tagAt = remainder.indexOf(":");
	const remote = tagAt < 0 ? remainder : remainder.slice(0, tagAt);
	if (remote.toLowerCase() !== remote) return `invalid reference format: repository name (${remote}) must be lowercase`;
	const full = `${domain}/${remainder}`;
	const m = REFERENCE.exec(full);
	if (!m) return REFERENCE.test(full.toLowerCase()) ? "repository name must be lowercase" : "invalid reference format";
	const path = NAME.exec(m[1])?.[2] ?? m[1];
	if (path.length > 255) return "repository name must not be more than 255 characters";
	return m[3] === undefined ? null : digestError(m[3]);
}
