/** Settings objects. */
import { DEFAULT_SETTINGS, type ParserSettings } from "../../src/settings/settings";

/** The parser's settings. Defaults: the plugin's defaults (`DEFAULT_SETTINGS`, e.g. the tag `#flashcards`). */
export function parserSettings(overrides: Partial<ParserSettings> = {}): ParserSettings {
	return { ...DEFAULT_SETTINGS, ...overrides };
}
