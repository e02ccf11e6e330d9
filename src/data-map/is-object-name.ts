import { type ObjectName, objectNames } from './object-specs.ts';

/** Whether a role's target is one of the portal's objects (not a fixed collection such as `directus_files`), or null. */
export function isObjectName(name: string | null): name is ObjectName {
	return name !== null && (objectNames as readonly string[]).includes(name);
}
