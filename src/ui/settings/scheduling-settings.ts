/**
 * The "Scheduling" group of settings: the algorithm, FSRS's retention, steps and personal
 * parameters, SM-2's ease and factors, and the daily limits both share.
 */
import type { PluginServices } from "../services";
import { validateControl } from "../../settings/settings-controls";
import type { SettingRow } from "../settings-compat";

/** The modals the group's buttons open (their code is loaded only when asked for). */
export interface SchedulingOpeners {
	optimizer(): void;
	deckPresets(): void;
}

/** The "Scheduling" group; FSRS's and SM-2's own settings are shown only for that algorithm. */
export function schedulingItems(services: PluginServices, open: SchedulingOpeners): SettingRow[] {
	const fsrs = (): boolean => services.settings().algorithm === "fsrs";
	const sm2 = (): boolean => !fsrs();
	return [
		{
			name: "Algorithm",
			desc: "FSRS adapts to your memory; SM-2 is the classic algorithm of the Spaced Repetition plugin.",
			control: { type: "dropdown", key: "algorithm", options: { fsrs: "FSRS", sm2: "SM-2" } },
		},
		{
			name: "Desired retention",
			desc: "The chance of recalling a card when it is due, from 0.7 to 0.99.",
			visible: fsrs,
			control: { type: "number", key: "desiredRetention", min: 0.7, max: 0.99, step: 0.01, validate: (v) => validateControl("desiredRetention", v) },
		},
		{
			name: "Personal parameters",
			desc: "Fit FSRS to your review history: shows how well the current and the new parameters predict your answers before anything is applied.",
			visible: () => fsrs() && services.readLog !== undefined,
			action: () => open.optimizer(),
		},
		{
			name: "Deck presets",
			desc: "Give a deck and its sub-decks their own desired retention, steps or personal parameters.",
			visible: fsrs,
			action: () => open.deckPresets(),
		},
		{
			name: "Maximum interval",
			desc: "Longest time between reviews, in days.",
			control: { type: "number", key: "maximumInterval", min: 1, max: 36500, step: 1, validate: (v) => validateControl("maximumInterval", v) },
		},
		{
			name: "Learning steps",
			desc: "Steps of a new card, e.g. 1m, 10m (units m, h, d). Separate with commas.",
			visible: fsrs,
			control: { type: "text", key: "learningSteps", placeholder: "1m, 10m", validate: (v) => validateControl("learningSteps", v) },
		},
		{
			name: "Relearning steps",
			desc: "Steps after a forgotten card, e.g. 10m.",
			visible: fsrs,
			control: { type: "text", key: "relearningSteps", placeholder: "10m", validate: (v) => validateControl("relearningSteps", v) },
		},
		{
			name: "Fuzz",
			desc: "Spread due dates a little so cards learnt together do not stay together.",
			visible: fsrs,
			control: { type: "toggle", key: "fuzz" },
		},
		{
			name: "Next day starts at",
			desc: "Hour (0–23) at which a new review day begins.",
			control: { type: "number", key: "nextDayStartsAt", min: 0, max: 23, step: 1, validate: (v) => validateControl("nextDayStartsAt", v) },
		},
		{
			name: "New cards per day",
			desc: "Per deck.",
			control: { type: "number", key: "newPerDay", min: 0, step: 1, validate: (v) => validateControl("newPerDay", v) },
		},
		{
			name: "Reviews per day",
			desc: "Per deck.",
			control: { type: "number", key: "reviewsPerDay", min: 0, step: 1, validate: (v) => validateControl("reviewsPerDay", v) },
		},
		{
			name: "Bury siblings",
			desc: "Show only one side of a reversed card or one cloze of a note per day.",
			control: { type: "toggle", key: "burySiblings" },
		},
		{
			name: "Leech threshold",
			desc: "A card forgotten this many times is a leech.",
			control: { type: "number", key: "leechThreshold", min: 1, step: 1, validate: (v) => validateControl("leechThreshold", v) },
		},
		{
			name: "Leeches",
			desc: "What happens to a card when it becomes a leech.",
			control: { type: "dropdown", key: "leechAction", options: { suspend: "Suspend it", mark: "Only mark it" } },
		},
		{
			name: "Base ease",
			desc: "Starting ease of a card, in percent (at least 130).",
			visible: sm2,
			control: { type: "number", key: "baseEase", min: 130, step: 1, validate: (v) => validateControl("baseEase", v) },
		},
		{
			name: "Easy bonus",
			desc: "Extra factor on the interval when you answer easy.",
			visible: sm2,
			control: { type: "number", key: "easyBonus", min: 1, max: 5, step: 0.05, validate: (v) => validateControl("easyBonus", v) },
		},
		{
			name: "Lapse factor",
			desc: "Factor on the interval when you answer hard.",
			visible: sm2,
			control: { type: "number", key: "lapseFactor", min: 0.1, max: 1, step: 0.05, validate: (v) => validateControl("lapseFactor", v) },
		},
		{
			name: "Load balance",
			desc: "Move due dates by a day or two to even out daily reviews.",
			visible: sm2,
			control: { type: "toggle", key: "loadBalance" },
		},
	];
}
