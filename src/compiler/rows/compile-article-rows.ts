import type { GroupPermissions } from '../../catalogue/capabilities.ts';
import type { DataMap } from '../../data-map/data-map.ts';
import { anyOf } from '../filters/any-of.ts';
import { isOfMyCustomer } from '../filters/is-of-my-customer.ts';
import { fieldOf, fieldsOf, isInState, mapOf } from '../mapped-fields.ts';
import type { CompiledPermission, CompileSettings, Filter } from '../types.ts';
import { permissionRow } from './permission-row.ts';

/** A knowledge-base article or document: its collection, fields, and the rule "published, for everyone or for their customer". */
function articleRead(
	articles: NonNullable<DataMap['kb_articles'] | DataMap['documents']>,
	audience: NonNullable<DataMap['kb_article_customers'] | DataMap['document_customers']> | null,
	map: DataMap,
) {
	const forThem: Filter[] = [isInState(articles, 'audience', ['all'])];
	if (audience) forThem.push({ [fieldOf(articles, 'customers')]: isOfMyCustomer(fieldOf(audience, 'customer'), map) });
	const published: Filter = { _and: [isInState(articles, 'status', ['published']), anyOf(...forThem)] };
	const fields = fieldsOf(articles, ['id', 'title', 'body', 'audience', 'date_created', 'date_updated']);
	return { collection: articles.collection, fields, published };
}

/** Knowledge-base articles and documents: the published ones meant for everyone or for their customer. */
export function compileArticleRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const map = mapOf(settings);
	const rows: CompiledPermission[] = [];
	if (permissions['kb.view'] && map.kb_articles) {
		const { collection, fields, published } = articleRead(map.kb_articles, map.kb_article_customers, map);
		rows.push(permissionRow(collection, 'read', fields, ['kb.view'], { permissions: published }));
	}
	if (permissions['docs.view'] && map.documents) {
		const { collection, fields, published } = articleRead(map.documents, map.document_customers, map);
		rows.push(permissionRow(collection, 'read', fields, ['docs.view'], { permissions: published }));
	}
	return rows;
}
