import { type ObjectName, objectNames, objectSpecs, type RoleName } from './object-specs.ts';

/** Where one object lives in a Directus: its collection, the field playing each role, and its state values. */
export interface ObjectMap<O extends ObjectName = ObjectName> {
	collection: string;
	/** A field name for each role; a path role holds a dotted chain of many-to-one fields (`site.account`). Null: unmapped. */
	fields: Record<RoleName<O>, string | null>;
	/** For roles holding states (a status): by role, the stored values meaning each portal state, the first one written. */
	states?: Partial<Record<RoleName<O>, Record<string, string[]>>>;
}

/**
 * The portal's model laid onto one Directus: for each object its collection and fields, or null when the
 * team has no such object (its capabilities and pages then do not exist). Customers and contacts are
 * always mapped.
 */
export type DataMap = { [O in ObjectName]: ObjectMap<O> | null } & {
	customers: ObjectMap<'customers'>;
	contacts: ObjectMap<'contacts'>;
};

function bundledObject<O extends ObjectName>(name: O): ObjectMap<O> {
	const spec = objectSpecs[name];
	const fields = Object.fromEntries(Object.entries(spec.roles).map(([role, roleSpec]) => [role, roleSpec.bundled]));
	const states = 'states' in spec ? structuredClone(spec.states) : undefined;
	return {
		collection: spec.bundled,
		fields: fields as ObjectMap<O>['fields'],
		...(states ? { states: states as ObjectMap<O>['states'] } : {}),
	};
}

/** The bundled help-desk schema's map: the default, and the demo's. */
export function bundledDataMap(): DataMap {
	return Object.fromEntries(objectNames.map((name) => [name, bundledObject(name)])) as DataMap;
}
