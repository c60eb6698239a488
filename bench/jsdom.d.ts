// The part of jsdom's API the UI benchmarks use (the package ships no types).
declare module "jsdom" {
	export class JSDOM {
		constructor(html: string, options?: { pretendToBeVisual?: boolean });
		readonly window: Window & typeof globalThis;
	}
}
