// Obsidian's recommended rules for everything; Node built-ins are allowed only where the code
// never runs inside Obsidian (the command line, scripts, tests, build files).
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

const NO_LOOKBEHIND = [
	{ selector: "Literal[regex.pattern=/\\(\\?<[=!]/]", message: "No lookbehind: iOS before 16.4 cannot load a plugin that has one." },
	{
		selector: "NewExpression[callee.name='RegExp'] > Literal[value=/\\(\\?<[=!]/]",
		message: "No lookbehind: iOS before 16.4 cannot load a plugin that has one.",
	},
];

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "dist/", ".work/", "coverage/", "examples/", "docs/"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: [
						"eslint.config.mjs",
						"esbuild.config.mjs",
						"version-bump.mjs",
						"scripts/*.mjs",
						"scripts/compare-sr/*.mjs",
						".dependency-cruiser.cjs",
					],
					// The files above (24, with compare-sr's modules), with room for a few more scripts (the default limit is 8).
					maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 28,
				},
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		// iOS before 16.4 cannot compile a regular expression with a lookbehind, and one such
		// literal anywhere in main.js stops the whole plugin from loading there.
		files: ["src/**/*.ts"],
		rules: { "no-restricted-syntax": ["error", ...NO_LOOKBEHIND] },
	},
	{
		// The parser and the index run once per note: an arrow function in a class field there made
		// V8 keep every note's objects alive through its minor collections (docs/performance.md).
		files: ["src/cards/**/*.ts", "src/index/**/*.ts"],
		rules: {
			"no-restricted-syntax": [
				"error",
				...NO_LOOKBEHIND,
				{
					selector: "PropertyDefinition > ArrowFunctionExpression",
					message: "No arrow function in a class field here: use a method (docs/performance.md).",
				},
			],
		},
	},
	{
		// TypeScript itself checks names; ESLint's no-undef does not know type-only globals.
		files: ["**/*.ts"],
		rules: { "no-undef": "off" },
	},
	{
		// The parsers compare `charCodeAt` results (plain numbers) with members of the const enum
		// `Char` (src/model/char-codes.ts), which esbuild inlines; this rule would flag every one.
		files: ["src/cards/**/*.ts", "src/decks/**/*.ts"],
		rules: { "@typescript-eslint/no-unsafe-enum-comparison": "off" },
	},
	{
		files: ["src/cli/**/*.ts", "scripts/**", "bench/**", "tests/**", "*.mjs", "*.cjs", "vitest.config.ts"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/no-global-this": "off",
			"obsidianmd/ui/sentence-case": "off",
			"no-console": "off",
			"obsidianmd/rule-custom-message": "off",
		},
	},
	{
		// The command line (and scripts/compare-sr.mjs) read a vault on disk, where no
		// Vault#configDir exists: they use Obsidian's default config folder name, as docs/cli.md says.
		files: ["src/cli/**/*.ts", "tests/**", "scripts/**"],
		rules: { "obsidianmd/hardcoded-config-path": "off" },
	},
]);
