/**
 * The shape every language's catalogue has: English's keys, each text any string, each function English's
 * parameters. A catalogue written `satisfies Catalogue` fails the type check for a missing or an extra key.
 */
import type { en } from './en.ts';

export type Catalogue<T = typeof en> = {
	[K in keyof T]: T[K] extends (...args: infer P) => string
		? (...args: P) => string
		: T[K] extends string
			? string
			: Catalogue<T[K]>;
};
