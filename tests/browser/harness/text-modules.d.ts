/** The harness bundles example notes as text (esbuild's text loader). */
declare module "*.md" {
	const text: string;
	export default text;
}
