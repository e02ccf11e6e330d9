import type { DataMap, ObjectMap } from '../data-map/data-map.ts';
import { type CollectionNames, installedName } from '../install/collection-names.ts';
import { isProductObject } from '../data-map/is-product-object.ts';
import { objectNames, type ObjectSpec, objectSpecs, type RoleSpec } from '../data-map/object-specs.ts';

/**
 * What the product keeps on a team's own collections for a data map, and an uninstall removes: the fields of
 * the roles it owns (a customer's badge and tree path, a contact's portal group and login switch, the alias
 * listing a user's contacts, a ticket's followers and customer path), and a collection it keeps whole (the
 * ticket followers) under a name that is not the bundled one. The bundled collections' (under the names this
 * install gave them, `names`) are not listed: `product-schema-parts.ts` names those. Fields are `collection.field`.
 */
export function dataMapProductParts(
	map: DataMap,
	names: CollectionNames = {},
): { collections: string[]; fields: string[] } {
	const collections = new Set<string>();
	const fields = new Set<string>();
	for (const object of objectNames) {
		const objectMap: ObjectMap | null = map[object];
		const spec: ObjectSpec = objectSpecs[object];
		if (!objectMap || objectMap.collection === installedName(spec.bundled, names)) continue;
		if (isProductObject(spec)) {
			collections.add(objectMap.collection);
			continue;
		}
		for (const [role, roleSpec] of Object.entries(spec.roles) as [string, RoleSpec][]) {
			const field = (objectMap.fields as Record<string, string | null>)[role] ?? null;
			if (roleSpec.owner !== 'product' || field === null) continue;
			const home = roleSpec.kind === 'o2m' && roleSpec.on ? roleSpec.on : objectMap.collection;
			fields.add(`${home}.${field}`);
		}
	}
	return { collections: [...collections].sort(), fields: [...fields].sort() };
}
