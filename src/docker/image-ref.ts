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
export function parseImageRef(raw: string): ImageRef | null {
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
