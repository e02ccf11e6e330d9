import type { DataMapAddition } from './data-map-problem.ts';
import { objectSpecs, type RoleSpec } from './object-specs.ts';

/** The role an addition is for. */
export function additionSpec({ object, role }: Pick<DataMapAddition, 'object' | 'role'>): RoleSpec {
	const spec = (objectSpecs[object].roles as Record<string, RoleSpec>)[role];
	if (!spec) throw new Error(`${object} has no role \`${role}\``);
	return spec;
}
