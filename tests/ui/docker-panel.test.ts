// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from "vitest";
import { analyseDockerfile } from "../../src/docker/analyse";
import { renderDockerPanel } from "../../src/ui/docker-panel";
import { installObsidianDom } from "../mocks/obsidian-dom";
import { noteBlocks } from "../docker/helpers";

beforeAll(() => installObsidianDom());

function texts(root: Element, selector: string): string[] {
	return Array.from(root.querySelectorAll(selector)).map((e) => e.textContent ?? "");
}

describe("renderDockerPanel", () => {
	it("renders the Go block: table, badges, footprint, graph and advice", () => {
		const host = createDiv();
		const panel = renderDockerPanel(host, analyseDockerfile(noteBlocks()[0]), { lineOffset: 28 });
		expect(panel.parentElement).toBe(host);
		expect(panel.classList.contains("sn-docker-panel")).toBe(true);
		const details = panel.querySelector("details")!;
		expect(details.open).toBe(true);
		expect(details.querySelector("summary")?.textContent).toBe(
			"Dockerfile for linux/amd64: 2 stages, ≈ 834 MB → ≈ 2–10 MB (a static Go binary) (estimates), 2 findings",
		);
		const rows = panel.querySelectorAll("tbody tr");
		expect(rows).toHaveLength(2);
		expect(texts(rows[0], "td").slice(0, 4)).toEqual(["0", "builder", "golang:1.17", ""]);
		expect(texts(rows[1], "td").slice(0, 5)).toEqual(["1", "", "scratch", "", "builder"]);
		expect(texts(rows[1], ".sn-docker-badge")).toEqual(["final"]);
		expect(rows[1].classList.contains("sn-docker-row-final")).toBe(true);
		expect(panel.querySelector(".sn-docker-footprint-final")?.textContent).toBe("Final image ≈ 2–10 MB: scratch (≈ 0 MB) + a static Go binary (≈ 2–10 MB)");
		expect(panel.querySelector(".sn-docker-footprint-builder")?.textContent).toMatch(/^≈ 833.5 MB if shipped on the build image golang:1.17/);
		expect(panel.querySelector(".sn-docker-footprint")?.textContent).toMatch(/Estimates, uncompressed/);
		const svg = panel.querySelector("svg.sn-docker-graph")!;
		expect(svg.namespaceURI).toBe("http://www.w3.org/2000/svg");
		expect(svg.querySelectorAll("rect")).toHaveLength(2);
		expect(svg.querySelectorAll("path.sn-docker-graph-edge-copy")).toHaveLength(1);
		expect(texts(panel, ".sn-docker-advice-line")).toEqual(["Line 36", "Line 36"]);
		expect(texts(panel, ".sn-docker-advice-rule")).toEqual(["scratch-runtime", "final-user-root"]);
		expect(panel.querySelector(".sn-docker-advice-item")?.getAttribute("data-rule")).toBe("scratch-runtime");
		// Checks the analysis cannot run in full offline are named, so silence is not read as a pass.
		expect(Array.from(panel.querySelectorAll(".sn-docker-skipped li")).map((li) => li.getAttribute("data-rule"))).toEqual([
			"CopyIgnoredFile",
			"InvalidBaseImagePlatform",
			"UndefinedVar",
		]);
	});

	it("marks skipped stages, external sources and references to later stages", () => {
		const a = analyseDockerfile(
			[
				"FROM golang:1.22 AS unused",
				"COPY --from=b /y /y",
				"FROM alpine:3.20 AS b",
				"COPY --from=nginx:1.27 /a /a",
				"COPY --from=buidler /x /x",
				"FROM b",
			].join("\n"),
		);
		const panel = renderDockerPanel(createDiv(), a);
		const rows = panel.querySelectorAll("tbody tr");
		expect(texts(rows[0], ".sn-docker-badge")).toEqual(["skipped"]);
		expect(texts(rows[1], ".sn-docker-badge")).toEqual(["external"]);
		expect(texts(rows[1], ".sn-docker-source-image")).toEqual(["nginx:1.27", "buidler"]);
		expect(texts(rows[0], ".sn-docker-source-stage")).toEqual(["b"]); // a later stage: BuildKit skips this one
		expect(Array.from(panel.querySelectorAll(".sn-docker-advice-item")).map((li) => li.getAttribute("data-rule"))).toEqual(
			expect.arrayContaining(["from-undefined-stage", "from-later-stage"]),
		);
		expect(texts(rows[2], "td")[2]).toBe("stage b");
		expect(panel.querySelectorAll("path.sn-docker-graph-edge-inherit")).toHaveLength(1);
		expect(panel.querySelector(".sn-docker-graph-skipped")).not.toBeNull();
	});

	it("starts collapsed on request and renders an error as one line", () => {
		const folded = renderDockerPanel(createDiv(), analyseDockerfile("FROM alpine:3.20"), { collapsed: true });
		expect(folded.querySelector("details")?.open).toBe(false);
		const err = renderDockerPanel(createDiv(), analyseDockerfile("echo hi"));
		expect(err.classList.contains("sn-docker-error")).toBe(true);
		expect(err.textContent).toMatch(/^Dockerfile analysis: Not a Dockerfile/);
		expect(err.querySelector("table")).toBeNull();
	});

	it("offers the target platform and analyses again for another one", () => {
		const text = ["FROM scratch AS bin-linux", "FROM scratch AS bin-windows", "FROM bin-$TARGETOS"].join("\n");
		const panel = renderDockerPanel(createDiv(), analyseDockerfile(text), { lineOffset: 4 });
		const select = panel.querySelector<HTMLSelectElement>("select.sn-docker-platform-select")!;
		expect(select.value).toBe("linux/amd64");
		expect(texts(panel, "tbody tr:nth-child(3) td")[2]).toBe("stage bin-linux");
		select.value = "windows/amd64";
		select.dispatchEvent(new Event("change"));
		expect(panel.querySelector("summary")?.textContent).toMatch(/^Dockerfile for windows\/amd64: 3 stages/);
		expect(texts(panel, "tbody tr:nth-child(3) td")[2]).toBe("stage bin-windows");
		expect(panel.querySelector<HTMLSelectElement>("select.sn-docker-platform-select")?.value).toBe("windows/amd64");
		expect(panel.querySelectorAll("details")).toHaveLength(1);
	});

	it("a base from a build argument: named as written, not priced, one piece of advice", () => {
		const panel = renderDockerPanel(createDiv(), analyseDockerfile("ARG BASE\nFROM ${BASE}"));
		expect(panel.querySelector("summary")?.textContent).toBe(
			"Dockerfile for linux/amd64: 1 stage, final image size unknown (${BASE}) (estimates), 1 finding",
		);
		expect(panel.querySelector(".sn-docker-advice-item")?.getAttribute("data-rule")).toBe("InvalidDefaultArgInFrom");
		expect(panel.querySelector(".sn-docker-badge-external")).toBeNull();
	});

	it("groups Docker build checks, hadolint and our advice, and shows the size rules next to the footprint", () => {
		const text = ["FROM debian:bookworm AS Base", "RUN apt-get update && apt-get install -y curl=8", "USER app"].join("\n");
		const panel = renderDockerPanel(createDiv(), analyseDockerfile(text), { lineOffset: 10 });
		expect(texts(panel, ".sn-docker-advice-title")).toEqual(["Docker build checks", "hadolint"]);
		expect(texts(panel, ".sn-docker-advice-rule")).toEqual(["StageNameCasing", "DL3015", "DL3009"]);
		expect(texts(panel, ".sn-docker-badge-shrink")).toEqual(["smaller image", "smaller image"]);
		expect(panel.querySelector(".sn-docker-footprint-shrink")?.textContent).toBe("Smaller still: DL3015 (line 12), DL3009 (line 12).");
	});

	it("gives every graph its own arrow marker id", () => {
		const host = createDiv();
		renderDockerPanel(host, analyseDockerfile(noteBlocks()[0]));
		renderDockerPanel(host, analyseDockerfile(noteBlocks()[1]));
		const ids = Array.from(host.querySelectorAll("marker")).map((m) => m.id);
		expect(new Set(ids).size).toBe(2);
	});
});
