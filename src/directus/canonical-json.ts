/** JSON with object keys sorted, so equal values compare equal whatever order a database kept them in. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, item: unknown) =>
		item && typeof item === 'object' && !Array.isArray(item)
			? Object.fromEntries(
					Object.entries(item as Record<string, unknown>).sort(([a], [b]) => Number(a > b) - Number(a < b)),
				)
			: item,
	);
}
