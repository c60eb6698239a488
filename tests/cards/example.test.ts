/** The real user note of examples/vault/docker: exactly 5 multi-line cards with the schedules of its comments. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";

const text = readFileSync(join(__dirname, "..", "..", "examples", "vault", "docker", "docker-multistage.md"), "utf8");
const parsed = parseNote(text, { path: "notes/docker-multistage.md", settings: { ...DEFAULT_SETTINGS, flashcardTags: ["#space"] } });

describe("examples/docker-multistage.md", () => {
	it("has exactly 5 multi-line cards in the note's deck", () => {
		expect(parsed.included).toBe(true);
		expect(parsed.cards.map((c) => c.kind)).toEqual(Array(5).fill("multiline"));
		for (const card of parsed.cards) expect(card.decks).toEqual(["space/docker/40-day-course/26-Day-docker-multistage"]);
		expect(parsed.problems).toEqual([]);
	});
	it("reads the schedules of its comments", () => {
		const schedules = parsed.cards.map((c) => {
			const s = c.siblings[0].segment;
			return s.kind === "ok" && s.schedule?.type === "classic" ? [s.schedule.due, s.schedule.interval, s.schedule.ease] : null;
		});
		expect(schedules).toEqual([
			["2025-05-06", 1, 170],
			["2025-05-06", 1, 150],
			["2025-05-06", 1, 230],
			["2025-05-07", 2, 150],
			["2025-05-10", 5, 190],
		]);
	});
	it("has the right questions; section 4 has none, section 6 asks the two lines above ?", () => {
		expect(parsed.cards.map((c) => c.front)).toEqual([
			"## **1. Problem with Traditional Docker Builds**",
			"## **2. Multi-Stage Docker Builds**",
			"## **3. Distroless Images**",
			"## **5. Practical Example (Go + Scratch)**.",
			'## **6. Interview Tips**\n- **Common Question**: "How to optimize Docker images?"',
		]);
	});
	it("keeps code blocks with blank lines inside the answers", () => {
		const second = parsed.cards[1];
		expect(second.back.startsWith("### **What?**")).toBe(true);
		expect(second.back).toContain('CMD ["./calculator"]\n```\n- **Result**');
		expect(second.back).toContain("RUN go build -o calculator .\n\n# Runtime Stage");
		expect(parsed.cards[4].back).toBe(
			"  - **Answer**: Use multi-stage builds to remove build dependencies and distroless images for minimal runtime.\n- **Security Benefit**: Distroless images reduce attack surface by excluding unnecessary tools.".trim(),
		);
	});
	it("places every card and its comment on the right lines", () => {
		expect(parsed.cards.map((c) => [c.startLine, c.endLine, c.comment?.line, c.comment?.ownLine])).toEqual([
			[5, 10, 10, true],
			[14, 40, 40, true],
			[44, 67, 67, true],
			[81, 97, 97, true],
			[101, 106, 106, true],
		]);
		const lines = text.split("\n");
		for (const card of parsed.cards) expect(card.source).toBe(lines.slice(card.startLine, card.endLine).join("\n"));
	});
	it("gives each card its heading context", () => {
		expect(parsed.cards[0].context).toEqual(["docker-multistage", "Docker Multi-Stage Builds & Distroless Images - Notes"]);
	});
});
