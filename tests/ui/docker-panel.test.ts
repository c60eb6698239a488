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
			"Dockerfile: 2 stages, final image ≈ 0 MB on scratch + copied files, size unknown (estimate), 1 suggestion",
		);
		const rows = panel.querySelectorAll("tbody tr");
		expect(rows).toHaveLength(2);
		expect(texts(rows[0], "td").slice(0, 4)).toEqual(["0", "builder", "golang:1.17", ""]);
		expect(texts(rows[1], "td").slice(0, 5)).toEqual(["1", "", "scratch", "", "builder"]);
		expect(texts(rows[1], ".sn-docker-badge")).toEqual(["final"]);
		expect(rows[1].classList.contains("sn-docker-row-final")).toBe(true);
		expect(panel.querySelector(".sn-docker-footprint-final")?.textContent).toBe("Final image ≈ 0 MB on scratch + copied files, size unknown");
		expect(panel.querySelector(".sn-docker-footprint-builder")?.textContent).toMatch(/^≈ 833.5 MB if shipped on the build image golang:1.17/);
		expect(panel.querySelector(".sn-docker-footprint")?.textContent).toMatch(/Estimates, uncompressed/);
		const svg = panel.querySelector("svg.sn-docker-graph")!;
		expect(svg.namespaceURI).toBe("http://www.w3.org/2000/svg");
		expect(svg.querySelectorAll("rect")).toHaveLength(2);
		expect(svg.querySelectorAll("path.sn-docker-graph-edge-copy")).toHaveLength(1);
		expect(texts(panel, ".sn-docker-advice-line")).toEqual(["Line 36"]);
		expect(panel.querySelector(".sn-docker-advice-item")?.getAttribute("data-rule")).toBe("scratch-runtime");
	});

	it("marks skipped stages, external sources and invalid references", () => {
		const a = analyseDockerfile(
			[
				"FROM golang:1.22 AS unused",
				"FROM alpine:3.20 AS b",
				"COPY --from=nginx:1.27 /a /a",
				"COPY --from=buidler /x /x",
				"COPY --from=b /y /y",
				"FROM b",
			].join("\n"),
		);
		const panel = renderDockerPanel(createDiv(), a);
		const rows = panel.querySelectorAll("tbody tr");
		expect(texts(rows[0], ".sn-docker-badge")).toEqual(["skipped"]);
		expect(texts(rows[1], ".sn-docker-badge")).toEqual(["external"]);
		expect(texts(rows[1], ".sn-docker-source-image")).toEqual(["nginx:1.27", "buidler"]);
		expect(texts(rows[1], ".sn-docker-source-invalid")).toEqual(["b"]); // its own stage
		expect(Array.from(panel.querySelectorAll(".sn-docker-advice-item")).map((li) => li.getAttribute("data-rule"))).toEqual(
			expect.arrayContaining(["from-undefined-stage", "from-own-stage"]),
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

	it("gives every graph its own arrow marker id", () => {
		const host = createDiv();
		renderDockerPanel(host, analyseDockerfile(noteBlocks()[0]));
		renderDockerPanel(host, analyseDockerfile(noteBlocks()[1]));
		const ids = Array.from(host.querySelectorAll("marker")).map((m) => m.id);
		expect(new Set(ids).size).toBe(2);
	});
});
