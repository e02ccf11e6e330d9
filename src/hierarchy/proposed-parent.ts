import { type ItemKey, itemKey } from '../data-map/item-key.ts';

/** What a create or update payload for the customers does to their parent. */
export type ProposedParent =
	/** `parent` is not in the payload. */
	| { kind: 'unchanged' }
	/** `parent: null`: a customer at the top. */
	| { kind: 'none' }
	/** An existing customer, by key or as `{ id, … }`. */
	| { kind: 'existing'; id: ItemKey }
	/** A customer created along with this write (`{ name, … }` without an id): it cannot be below anything yet. */
	| { kind: 'new' }
	/** Not a customer key: Directus's own validation refuses it. */
	| { kind: 'invalid' };

/**
 * Reads the parent the way Directus's many-to-one handling does: a key, null, or a nested item. `fields` names
 * the customers' parent and key as stored (the data map's; the bundled `parent` and `id` by default).
 */
export function proposedParent(
	payload: unknown,
	fields: { parent: string; id: string } = { parent: 'parent', id: 'id' },
): ProposedParent {
	if (typeof payload !== 'object' || payload === null || !(fields.parent in payload)) return { kind: 'unchanged' };
	const parent: unknown = (payload as Record<string, unknown>)[fields.parent];
	if (parent === null) return { kind: 'none' };
	if (typeof parent === 'object') {
		const id: unknown = fields.id in parent ? (parent as Record<string, unknown>)[fields.id] : undefined;
		if (id === undefined || id === null) return { kind: 'new' };
		return proposedParent({ [fields.parent]: id }, fields);
	}
	const id = itemKey(parent);
	return id === null ? { kind: 'invalid' } : { kind: 'existing', id };
}
