import type { ObjectName } from './object-specs.ts';

/**
 * Why a submitted data map is refused, in plain words for staff. `object` is the object's name (or the
 * unknown name that was submitted; empty for the map as a whole), `role` the role and `field` the field
 * named for it, where the problem has them; `message` says it all again, prefixed `object.role:`.
 */
export interface DataMapProblem {
	object: string;
	role?: string;
	field?: string;
	message: string;
}

/**
 * A field the product will add to serve a map: a role it owns whose field the collection does not have
 * yet. For an object the product keeps whole (ticket followers) whose collection is missing, every role is
 * listed, the key too, and the collection is added with them.
 */
export interface DataMapAddition {
	object: ObjectName;
	role: string;
	collection: string;
	field: string;
}
