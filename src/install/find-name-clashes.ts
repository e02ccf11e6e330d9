import type { ProductNames } from './product-schema.ts';

/** The names the product needs that something else holds already: collections or tables, and fields on Directus's own collections. */
export function findNameClashes(
	product: ProductNames,
	taken: { collections: ReadonlySet<string>; fields: ReadonlySet<string> },
): string[] {
	return [
		...product.collections.filter((name) => taken.collections.has(name)),
		...product.systemFields.filter((name) => taken.fields.has(name)),
	];
}
