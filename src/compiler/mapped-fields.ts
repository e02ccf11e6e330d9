import { bundledDataMap, type DataMap, type ObjectMap } from '../data-map/data-map.ts';
import type { ObjectName, RoleName } from '../data-map/object-specs.ts';
import type { CompileSettings, Filter } from './types.ts';

const bundled = bundledDataMap();

/** The data map a compile reads: the settings', or the bundled help-desk schema's. */
export function mapOf(settings: CompileSettings): DataMap {
	return settings.map ?? bundled;
}

/**
 * The fields that play `roles` on a mapped object, in the order given, leaving out roles the map leaves
 * unmapped. A path role (`site.account`) lists its first step: the field on the object itself.
 */
export function fieldsOf<O extends ObjectName>(object: ObjectMap<O>, roles: readonly RoleName<O>[]): string[] {
	return roles.flatMap((role) => {
		const field = object.fields[role];
		return field === null ? [] : [field.split('.')[0] as string];
	});
}

/** The field that plays a role the spec requires (never null on a validated map). */
export function fieldOf<O extends ObjectName>(object: ObjectMap<O>, role: RoleName<O>): string {
	const field = object.fields[role];
	if (field === null) throw new Error(`The data map leaves ${String(role)} of ${object.collection} unmapped.`);
	return field;
}

/** `filter` applied at the end of a chain of many-to-one fields: `site.account` gives `{ site: { account: filter } }`. */
export function along(path: string, filter: Filter): Filter {
	return path.split('.').reduceRight<Filter>((inner, step) => ({ [step]: inner }), filter);
}

/** The values a mapped object's `role` stores for portal `states`, in the order of the states. */
export function valuesOf<O extends ObjectName>(
	object: ObjectMap<O>,
	role: RoleName<O>,
	states: readonly string[],
): string[] {
	const stored = object.states?.[role];
	return states.flatMap((state) => stored?.[state] ?? []);
}

/** On a mapped object: its `role` holds one of the values of `states` (`_eq` for one value, `_in` for more). */
export function isInState<O extends ObjectName>(
	object: ObjectMap<O>,
	role: RoleName<O>,
	states: readonly string[],
): Filter {
	const values = valuesOf(object, role, states);
	return { [fieldOf(object, role)]: values.length === 1 ? { _eq: values[0] } : { _in: values } };
}
