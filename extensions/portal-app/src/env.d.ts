/** Lets TypeScript (tsc -p .) import single-file components; vue-tsc is not part of the toolchain. */
declare module '*.vue' {
	import type { DefineComponent } from 'vue';
	const component: DefineComponent<object, object, unknown>;
	export default component;
}
