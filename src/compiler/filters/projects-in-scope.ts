import type { ProjectScope } from '../../catalogue/capabilities.ts';
import { fieldOf, mapOf } from '../mapped-fields.ts';
import type { CompileSettings, Filter } from '../types.ts';
import { isByMe } from './is-by-me.ts';
import { ofCustomersInScope } from './of-customers-in-scope.ts';

/** On projects: the projects a scope reaches, or null for none (and when the map has no projects). */
export function projectsInScope(scope: ProjectScope, settings: CompileSettings): Filter | null {
	const map = mapOf(settings);
	const { projects, project_members: members } = map;
	if (scope === 'none' || projects === null) return null;
	if (scope === 'member')
		return members === null ? null : { [fieldOf(projects, 'members')]: isByMe(fieldOf(members, 'contact'), map) };
	return ofCustomersInScope(scope, settings, fieldOf(projects, 'customer'));
}
