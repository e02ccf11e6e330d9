import type { DataMap } from './data-map.ts';
import type { ObjectName } from './object-specs.ts';
import { isObjectName } from './is-object-name.ts';
import { storedNameOf } from './stored-name-of.ts';

/**
 * A field path the portal app names (`customer.name`, `participants.contact.email`: the bundled schema's names)
 * as `map` stores it (`account.label`, …), segment by segment through the objects its relations lead to; a
 * `*` stays, and a fixed collection's fields (`file.filename_download`) keep their names. Null when a segment
 * names nothing the map has.
 */
export function toStoredPath(map: DataMap, object: ObjectName, path: readonly string[]): string[] | null {
	const [head, ...rest] = path;
	if (head === undefined) return [];
	if (head === '*') return rest.length === 0 ? ['*'] : null;
	// Directus's functions on a field: `count(participants)`, `year(date_created)`.
	const call = /^(\w+)\((\w+)\)$/.exec(head);
	if (call) {
		const inner = storedNameOf(map, object, call[2] as string);
		return inner && inner.stored.length === 1 && rest.length === 0 ? [`${call[1]}(${inner.stored[0]})`] : null;
	}
	const found = storedNameOf(map, object, head);
	if (!found) return null;
	if (rest.length === 0) return found.stored;
	if (found.leadsTo === null) return null;
	if (!isObjectName(found.leadsTo)) return [...found.stored, ...rest];
	const tail = toStoredPath(map, found.leadsTo, rest);
	return tail === null ? null : [...found.stored, ...tail];
}
