import { customerKey } from './customer-key.ts';

/** What a create or update payload for `customers` does to `parent`. */
export type ProposedParent =
	/** `parent` is not in the payload. */
	| { kind: 'unchanged' }
	/** `parent: null`: a customer at the top. */
	| { kind: 'none' }
	/** An existing customer, by key or as `{ id, … }`. */
	| { kind: 'existing'; id: number }
	/** A customer created along with this write (`{ name, … }` without an id): it cannot be below anything yet. */
	| { kind: 'new' }
	/** Not a customer key: Directus's own validation refuses it. */
	| { kind: 'invalid' };

/** Reads `parent` the way Directus's many-to-one handling does: a key, null, or a nested item. */
export function proposedParent(payload: unknown): ProposedParent {
	if (typeof payload !== 'object' || payload === null || !('parent' in payload)) return { kind: 'unchanged' };
	const parent: unknown = payload.parent;
	if (parent === null) return { kind: 'none' };
	if (typeof parent === 'object') {
		const id: unknown = 'id' in parent ? parent.id : undefined;
		if (id === undefined || id === null) return { kind: 'new' };
		return proposedParent({ parent: id });
	}
	const id = customerKey(parent);
	return id === null ? { kind: 'invalid' } : { kind: 'existing', id };
}
