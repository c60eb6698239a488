/**
 * The layers of src/ (docs/architecture.md), checked by `npm run lint`. Each folder may import
 * only the folders below it, so no two folders can import each other; the core never reaches
 * Obsidian, CodeMirror, Node or the glue, and what runs inside Obsidian never reaches Node.
 */
// Bottom to top. A folder imports only folders earlier in this list (or itself).
const LAYERS = ["model", "settings", "schedule", "decks", "cards", "index", "writeback", "stats", "browse", "review", "notes", "docker", "optimize"];
const CORE = `^src/(${LAYERS.join("|")})/`;
const HOSTS = "^src/(cli|obsidian|ui|main\\.ts)";

const layerRules = LAYERS.map((layer, i) => {
	const above = LAYERS.slice(i + 1);
	return {
		name: `layer-${layer}`,
		comment: `src/${layer} may import only ${LAYERS.slice(0, i).join(", ") || "nothing else in src"} (layers below it)`,
		severity: "error",
		from: { path: `^src/${layer}/` },
		to: { path: above.length > 0 ? `^src/(${above.join("|")})/|${HOSTS}` : HOSTS },
	};
});

module.exports = {
	forbidden: [
		...layerRules,
		{
			name: "core-no-host-apis",
			comment: "the core imports nothing from obsidian, electron, CodeMirror or Lezer (it runs in tests and the command line)",
			severity: "error",
			from: { path: CORE },
			to: { path: "^(obsidian|electron|@codemirror/|@lezer/)" },
		},
		{
			name: "core-no-node",
			comment: "the core uses no Node API (it runs inside Obsidian on phones too)",
			severity: "error",
			from: { path: CORE },
			to: { dependencyTypes: ["core"] },
		},
		{
			name: "plugin-no-node",
			comment: "what runs inside Obsidian uses no Node API (isDesktopOnly is false)",
			severity: "error",
			from: { path: "^src/(obsidian|ui|main\\.ts)" },
			to: { dependencyTypes: ["core"] },
		},
		{
			name: "ui-not-glue",
			comment: "views and modals get the plugin's parts through src/ui/services.ts, never from the glue",
			severity: "error",
			from: { path: "^src/ui/" },
			to: { path: "^src/(obsidian|cli|main\\.ts)" },
		},
		{
			name: "glue-not-cli",
			comment: "the plugin and the command line share only the core",
			severity: "error",
			from: { path: "^src/(obsidian|ui)/" },
			to: { path: "^src/cli/" },
		},
		{
			name: "cli-not-plugin",
			comment: "the plugin and the command line share only the core",
			severity: "error",
			from: { path: "^src/cli/" },
			to: { path: "^src/(obsidian|ui|main\\.ts)" },
		},
		{
			name: "no-circular",
			comment: "no file imports itself through others",
			severity: "error",
			from: {},
			to: { circular: true },
		},
	],
	options: {
		doNotFollow: { path: "node_modules" },
		tsPreCompilationDeps: true,
		exclude: { path: "^(node_modules|tests|bench)/" },
	},
};
