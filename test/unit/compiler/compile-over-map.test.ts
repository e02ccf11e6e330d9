/**
 * The compiler on a data map: whatever the map, every row it compiles names only collections and fields
 * that the map gives a role (or the product adds), and every rule walks real fields and relations. Checked
 * on the bundled schema (its snapshot) and on a second schema with other names and shapes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { capabilities, type GroupPermissions } from '../../../src/catalogue/capabilities.ts';
import { compileGroup } from '../../../src/compiler/compile-group.ts';
import type { CompiledPermission, CompileSettings, Filter } from '../../../src/compiler/types.ts';
import { bundledDataMap, type DataMap, type ObjectMap } from '../../../src/data-map/data-map.ts';
import { factsWithAdditions } from '../../support/facts-with-additions.ts';
import { objectNames } from '../../../src/data-map/object-specs.ts';
import { schemaFactsFromSnapshot } from '../../../src/data-map/schema-facts-from-snapshot.ts';
import type { SchemaFacts } from '../../../src/data-map/schema-facts.ts';
import { validateDataMap } from '../../../src/data-map/validate-data-map.ts';
import { normalizeGroupPermissions } from '../../../src/groups/normalize-group-permissions.ts';
import { systemGroups } from '../../../src/groups/system-groups.ts';
import { portalSystemPermissions } from '../../../src/policies/system-permissions.ts';
import { Random } from '../../support/random.ts';
import { secondSchemaFacts } from '../../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

/** The schema a map compiles against once installed: the facts with the product's additions. */
function installed(map: DataMap, facts: SchemaFacts): SchemaFacts {
	const { problems, additions } = validateDataMap(map, facts);
	expect(problems).toEqual([]);
	return factsWithAdditions(facts, map, additions);
}

const bundledFacts = schemaFactsFromSnapshot(JSON.parse(readFileSync('schema-snapshot/snapshot.json', 'utf8')));
const schemas = [
	{ name: 'bundled schema', map: bundledDataMap(), facts: installed(bundledDataMap(), bundledFacts) },
	{ name: 'second schema', map: secondSchemaMap(), facts: installed(secondSchemaMap(), secondSchemaFacts()) },
];

function randomGroup(random: Random): GroupPermissions {
	const group: Record<string, unknown> = {};
	for (const capability of capabilities) {
		if (capability.kind === 'flag') group[capability.key] = random.chance(0.5);
		else if (capability.kind === 'choice') group[capability.key] = random.pick(capability.values);
		else group[capability.key] = capability.values.filter(() => random.chance(0.5));
	}
	return normalizeGroupPermissions(group);
}

/** Every field a row of `collection` may list: the fields the map gives a role (a path's first step). */
function roleFieldsOf(map: DataMap, collection: string): Set<string> | null {
	for (const name of objectNames) {
		const object = map[name] as ObjectMap | null;
		if (object?.collection !== collection) continue;
		const fields = Object.values(object.fields as Record<string, string | null>);
		return new Set(fields.filter((field) => field !== null).map((field) => field.split('.')[0] as string));
	}
	return null;
}

/** Where a filter goes wrong on `collection`, walking fields and relations as Directus would; null when it is sound. */
function misstep(filter: unknown, collection: string | null, facts: SchemaFacts, at: string): string | null {
	if (Array.isArray(filter)) {
		for (const [index, part] of filter.entries()) {
			const found = misstep(part, collection, facts, `${at}[${index}]`);
			if (found) return found;
		}
		return null;
	}
	if (typeof filter !== 'object' || filter === null) return null;
	for (const [key, value] of Object.entries(filter as Filter)) {
		const here = `${at}.${key}`;
		if (key === '_and' || key === '_or' || key === '_some' || key === '_none') {
			const found = misstep(value, collection, facts, here);
			if (found) return found;
			continue;
		}
		if (key.startsWith('_')) continue;
		if (collection === null) return `${here}: a field under an operator`;
		if (!facts.collections[collection]?.fields[key]) return `${here}: \`${collection}\` has no field \`${key}\``;
		const m2o = facts.relations.find((relation) => relation.collection === collection && relation.field === key);
		const o2m = facts.relations.find(
			(relation) => relation.related_collection === collection && relation.meta?.one_field === key,
		);
		const next = m2o ? m2o.related_collection : o2m ? o2m.collection : null;
		const found = misstep(value, next, facts, here);
		if (found) return found;
	}
	return null;
}

/** The alias and field of every `$CURRENT_USER.<alias>.<field>` variable of a row: the map's contacts alias and a contact's field. */
function userVariables(row: CompiledPermission): { alias: string; field: string }[] {
	const text = JSON.stringify([row.permissions, row.validation]);
	return [...text.matchAll(/\$CURRENT_USER\.(\w+)\.(\w+)/g)].map((match) => ({
		alias: match[1] as string,
		field: match[2] as string,
	}));
}

describe.each(schemas)('The compiler on the $name', ({ map, facts }) => {
	const random = new Random(20261203);
	const groups = [
		...systemGroups.map((group) => normalizeGroupPermissions(group.permissions)),
		...Array.from({ length: 400 }, () => randomGroup(random)),
	];
	const settingsList: CompileSettings[] = [
		{ parentVisibility: true, map },
		{ parentVisibility: false, map },
		{ parentVisibility: true, ticketCustomerPaths: true, map },
	];

	test('Lists only fields the map gives a role, on mapped collections or Directus’s own', () => {
		for (const group of groups)
			for (const settings of settingsList)
				for (const row of compileGroup(group, settings)) {
					if (row.collection.startsWith('directus_')) {
						const allowed = portalSystemPermissions.find(
							(permission) => permission.collection === row.collection && permission.action === row.action,
						);
						expect(allowed, `${row.collection} ${row.action}`).toBeDefined();
						continue;
					}
					const roleFields = roleFieldsOf(map, row.collection);
					expect(roleFields, `${row.collection} is not mapped`).not.toBeNull();
					for (const field of row.fields) expect(roleFields?.has(field), `${row.collection}.${field}`).toBe(true);
					for (const field of row.fields)
						expect(facts.collections[row.collection]?.fields[field], `${row.collection}.${field}`).toBeDefined();
				}
	});

	test('Walks only real fields and relations in every rule and validation', () => {
		for (const group of groups)
			for (const settings of settingsList)
				for (const row of compileGroup(group, settings)) {
					expect(misstep(row.permissions, row.collection, facts, 'permissions')).toBeNull();
					expect(misstep(row.validation, row.collection, facts, 'validation')).toBeNull();
					for (const { alias, field } of userVariables(row)) {
						expect(alias).toBe(map.contacts.fields.user_contacts);
						expect(facts.collections[map.contacts.collection]?.fields[field], field).toBeDefined();
					}
				}
	});
});

describe('The compiler on the second schema', () => {
	const map = secondSchemaMap();
	const everything = normalizeGroupPermissions(
		systemGroups.find((group) => group.name === 'Administrator')?.permissions ?? {},
	);
	const compile = (
		permissions: Partial<GroupPermissions>,
		settings: Omit<CompileSettings, 'map'> = { parentVisibility: true },
	) => compileGroup({ ...everything, ...permissions }, { ...settings, map });
	const find = (rows: CompiledPermission[], collection: string, action: string) =>
		rows.find((row) => row.collection === collection && row.action === action);
	const me = { directus_user: { _eq: '$CURRENT_USER' } };

	test('A contact’s own cases are those they follow, through the product’s followers of cases', () => {
		const rows = compile({ 'tickets.view': 'own', 'tickets.edit': 'own' });
		expect(find(rows, 'cases', 'read')?.permissions).toEqual({ portal_followers: { _some: { contact: me } } });
		expect(find(rows, 'cases_people', 'read')?.permissions).toEqual({
			cases_id: { portal_followers: { contact: me } },
		});
	});

	test('Their organization’s tree, by the organization’s path or the case’s own copy of it', () => {
		const starts = { _starts_with: '$CURRENT_POLICIES.portal_tree_path' };
		expect(find(compile({ 'tickets.view': 'customer_tree' }), 'cases', 'read')?.permissions).toEqual({
			account: { portal_tree_path: starts },
		});
		const pathed = compile({ 'tickets.view': 'customer_tree' }, { parentVisibility: true, ticketCustomerPaths: true });
		expect(find(pathed, 'cases', 'read')?.permissions).toEqual({ portal_customer_path: starts });
		expect(find(compile({ 'tickets.view': 'customer' }), 'cases', 'read')?.permissions).toEqual({
			account: { portal_badge: { _in: '$CURRENT_POLICIES' } },
		});
	});

	test('Private messages stay staff’s: read and written only with `private` false, as the contact', () => {
		const rows = compile({ 'tickets.view': 'customer', 'tickets.reply': true });
		expect(find(rows, 'case_messages', 'read')?.permissions).toEqual({
			_and: [{ private: { _eq: false } }, { case: { account: { portal_badge: { _in: '$CURRENT_POLICIES' } } } }],
		});
		expect(find(rows, 'case_messages', 'create')).toMatchObject({
			fields: ['case', 'text', 'private', 'author'],
			validation: { _and: [{ private: { _eq: false } }, { author: { _in: '$CURRENT_USER.portal_people.uuid' } }] },
		});
	});

	test('Cases are opened for their own organization as themselves, and edited to the states a contact may set (reopened, resolved, closed: never new or waiting on customer)', () => {
		const rows = compile({ 'tickets.create': true, 'tickets.edit': 'customer' });
		expect(find(rows, 'cases', 'create')?.validation).toEqual({
			_and: [
				{ account: { _in: '$CURRENT_USER.portal_people.org' } },
				{ opened_by: { _in: '$CURRENT_USER.portal_people.uuid' } },
			],
		});
		expect(find(rows, 'cases', 'update')?.validation).toEqual({
			state: { _in: ['open', 'reopened', 'solved', 'closed'] },
		});
	});

	test('Objects the map leaves out compile to nothing, whatever the group grants', () => {
		const collections = new Set(compile({}).map((row) => row.collection));
		expect([...collections].sort()).toEqual([
			'case_messages',
			'cases',
			'cases_people',
			'directus_users',
			'organizations',
			'people',
		]);
		expect(find(compile({}), 'organizations', 'read')?.fields).toEqual([
			'id',
			'label',
			'parent_org',
			'sub_orgs',
			'people',
		]);
	});
});
