/** The optimizer worker's bundled code (esbuild.config.mjs inlines it; tests alias a stub). */
declare module "spaced-notes:optimizer-worker" {
	const source: string;
	export default source;
}
