import type { GroupPermissions } from '../../catalogue/capabilities.ts';
import { isOfMyCustomer } from '../filters/is-of-my-customer.ts';
import type { CompiledPermission, Filter } from '../types.ts';
import { permissionRow } from './permission-row.ts';

/** Knowledge-base articles and documents: the published ones meant for everyone or for their customer. */
export function compileArticleRows(permissions: GroupPermissions): CompiledPermission[] {
	const published: Filter = {
		_and: [{ status: { _eq: 'published' } }, { _or: [{ audience: { _eq: 'all' } }, { customers: isOfMyCustomer() }] }],
	};
	const articleFields = ['id', 'title', 'body', 'audience', 'date_created', 'date_updated'];
	const rows: CompiledPermission[] = [];
	if (permissions['kb.view'])
		rows.push(permissionRow('kb_articles', 'read', articleFields, ['kb.view'], { permissions: published }));
	if (permissions['docs.view'])
		rows.push(permissionRow('documents', 'read', articleFields, ['docs.view'], { permissions: published }));
	return rows;
}
