import { type ObjectName, objectNames } from './object-specs.ts';

/** A name submitted or named by a role that is one of the portal's objects (not a Directus collection, not anything else). */
export function isObjectName(name: string): name is ObjectName {
	return (objectNames as readonly string[]).includes(name);
}
