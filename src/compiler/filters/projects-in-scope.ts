import type { ProjectScope } from '../../catalogue/capabilities.ts';
import type { CompileSettings, Filter } from '../types.ts';
import { isByMe } from './is-by-me.ts';
import { ofCustomersInScope } from './of-customers-in-scope.ts';

/** On `projects`: the projects a scope reaches, or null for none. */
export function projectsInScope(scope: ProjectScope, settings: CompileSettings): Filter | null {
	if (scope === 'none') return null;
	if (scope === 'member') return { members: isByMe('contact') };
	return ofCustomersInScope(scope, settings);
}
