// Types of optimizer-worker-plugin.mjs for the tests that bundle the plugin.
import type { Plugin } from "esbuild";

export declare const optimizerWorker: Plugin;
