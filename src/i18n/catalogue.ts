/**
 * The shape every language's catalogue has, from English's (`T`): the same keys, each text any string, each
 * function English's parameters. A catalogue written `satisfies Catalogue<typeof en>` fails the type check for a
 * missing or an extra key. The portal app and the studio module each type their catalogues with it.
 */
export type Catalogue<T> = {
	[K in keyof T]: T[K] extends (...args: infer P) => string
		? (...args: P) => string
		: T[K] extends string
			? string
			: Catalogue<T[K]>;
};
