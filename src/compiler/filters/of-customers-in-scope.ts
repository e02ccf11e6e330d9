import type { ProjectScope, TicketScope } from '../../catalogue/capabilities.ts';
import type { CompileSettings, Filter } from '../types.ts';
import { along } from '../mapped-fields.ts';
import { customersInScope } from './customers-in-scope.ts';

/** On a row with a path to customers (`customer`, `site.account`): the rows of the customers a scope reaches, or null for none. */
export function ofCustomersInScope(
	scope: TicketScope | ProjectScope,
	settings: CompileSettings,
	path: string,
): Filter | null {
	const customers = customersInScope(scope, settings);
	return customers === null ? null : along(path, customers);
}
