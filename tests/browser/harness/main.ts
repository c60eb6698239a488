/**
 * The screenshot harness: mounts one screen of the plugin with Obsidian's DOM helpers (the
 * jsdom test helper, bundled) and the mock `obsidian` module. `?scene=review|deck-list|docker|
 * card-browser|card-info` picks the screen, `?theme=dark` the dark variables. Sets
 * `body[data-ready]` when drawn.
 */
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { reviewScene, type ReviewScenePhase } from "./review-scene";
import { cardBrowserScene, cardInfoScene, deckListScene, dockerScene, noteReviewScene, statsScene } from "./scenes";

installObsidianDom();
const params = new URLSearchParams(location.search);
document.body.addClass(params.get("theme") === "dark" ? "theme-dark" : "theme-light");
// Obsidian marks the body of a phone with is-phone (the plugin's phone rules hang on it).
if (params.get("phone") === "1") document.body.addClasses(["is-mobile", "is-phone"]);

const scene = params.get("scene");
let drawn: Promise<void> = Promise.resolve();
if (scene === "review") reviewScene((params.get("phase") as ReviewScenePhase | null) ?? "answer");
else if (scene === "stats") statsScene();
else if (scene === "deck-list") deckListScene();
else if (scene === "docker") dockerScene();
else if (scene === "card-browser") drawn = cardBrowserScene();
else if (scene === "card-info") cardInfoScene();
else if (scene === "note-review") noteReviewScene();
else document.body.createDiv({ text: `Unknown scene ${scene ?? ""}` });
void drawn.then(() => window.setTimeout(() => document.body.setAttr("data-ready", "1"), 50));
