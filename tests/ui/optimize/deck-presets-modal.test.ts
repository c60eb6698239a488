// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import type { App as ObsidianApp } from "obsidian";
import { App } from "../../mocks/obsidian";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { makeServices } from "../deck-list/helpers";
import { DeckPresetsModal } from "../../../src/ui/optimize/deck-presets-modal";
import type { DeckPreset } from "../../../src/settings/settings";

beforeAll(() => installObsidianDom());

const PARAMETERS = [...default_w];

function open(presets: DeckPreset[] = [{ deck: "lang/de", desiredRetention: 0.85, learningSteps: ["1m", "10m"], parameters: PARAMETERS }]) {
	const services = makeServices(undefined, { deckPresets: presets });
	const modal = new DeckPresetsModal(new App() as unknown as ObsidianApp, services);
	modal.open();
	const el = modal.contentEl;
	const input = (row: number, label: string) => el.querySelectorAll<HTMLInputElement>(`.sn-presets-row input[aria-label="${label}"]`)[row];
	const type = (row: number, label: string, value: string) => {
		const field = input(row, label);
		field.value = value;
		field.dispatchEvent(new Event("input"));
	};
	const button = (text: string) => [...el.querySelectorAll("button")].find((b) => b.textContent === text) as HTMLButtonElement;
	const settle = () => new Promise((r) => setTimeout(r, 0));
	return { services, modal, el, input, type, button, settle };
}

describe("deck presets modal", () => {
	it("shows each preset as typed, with its personal parameters", () => {
		const { input, el } = open();
		expect(input(0, "Deck").value).toBe("lang/de");
		expect(input(0, "Desired retention").value).toBe("0.85");
		expect(input(0, "Learning steps").value).toBe("1m, 10m");
		expect(input(0, "Relearning steps").value).toBe("");
		expect(el.querySelector(".sn-presets-parameters")?.textContent).toContain("Personal parameters");
	});

	it("saves nothing and says why when a value is out of range; saves once it is fixed", async () => {
		const { services, type, button, el, settle } = open();
		type(0, "Desired retention", "0.5");
		button("Save").click();
		await settle();
		expect(services.patches).toEqual([]);
		expect(el.querySelector(".sn-presets-error")?.textContent).toContain("lang/de");
		type(0, "Desired retention", "0.9");
		type(0, "Relearning steps", "10m");
		button("Save").click();
		await settle();
		expect(services.current.deckPresets).toEqual([
			{ deck: "lang/de", desiredRetention: 0.9, learningSteps: ["1m", "10m"], relearningSteps: ["10m"], parameters: PARAMETERS },
		]);
	});

	it("adds a deck, drops personal parameters, removes a preset", async () => {
		const { services, type, button, settle } = open();
		button("Use global").click();
		button("Add a deck").click();
		type(1, "Deck", "#code/rust");
		type(1, "Learning steps", "5m");
		button("Save").click();
		await settle();
		expect(services.current.deckPresets).toEqual([
			{ deck: "lang/de", desiredRetention: 0.85, learningSteps: ["1m", "10m"] },
			{ deck: "code/rust", learningSteps: ["5m"] },
		]);
		const second = open(services.current.deckPresets);
		second.button("Remove").click();
		second.button("Save").click();
		await second.settle();
		expect(second.services.current.deckPresets).toEqual([{ deck: "code/rust", learningSteps: ["5m"] }]);
	});

	it("refuses a row without a deck, and two presets for one deck", async () => {
		const { services, type, button, el, settle } = open();
		button("Add a deck").click();
		button("Save").click();
		await settle();
		expect(el.querySelector(".sn-presets-error")?.textContent).toBe("Each deck preset must name a deck.");
		type(1, "Deck", "Lang/DE");
		button("Save").click();
		await settle();
		expect(el.querySelector(".sn-presets-error")?.textContent).toContain("two presets");
		expect(services.patches).toEqual([]);
	});
});
