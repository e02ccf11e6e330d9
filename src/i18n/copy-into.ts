/**
 * Writes `source`'s texts and functions into `target`, object by object, so a nested object someone holds
 * (`const c = strings.tickets.columns`) stays the one that changes.
 */
export function copyInto(target: object, source: object): void {
	const into = target as Record<string, unknown>;
	for (const [key, value] of Object.entries(source)) {
		const current = into[key];
		if (isPlainObject(value) && isPlainObject(current)) copyInto(current, value);
		else into[key] = isPlainObject(value) ? copyOf(value) : value;
	}
}

/** A deep copy of nested plain objects (texts and functions are shared), so copying into it never changes a catalogue. */
export function copyOf<T extends object>(source: T): T {
	const copy: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(source)) copy[key] = isPlainObject(value) ? copyOf(value) : value;
	return copy as T;
}

function isPlainObject(value: unknown): value is object {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
