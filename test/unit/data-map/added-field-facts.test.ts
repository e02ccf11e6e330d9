import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { addedFieldFacts } from '../../../src/data-map/added-field-facts.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { objectNames, objectSpecs, type RoleSpec } from '../../../src/data-map/object-specs.ts';
import { schemaFactsFromSnapshot } from '../../../src/data-map/schema-facts-from-snapshot.ts';
import { validateDataMap } from '../../../src/data-map/validate-data-map.ts';
import { secondSchemaFacts } from '../../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

describe('The type of a field the product adds', () => {
	test('Is, for every role the product owns, the type its bundled field has (PostgreSQL’s snapshot: uuids as built)', () => {
		const facts = schemaFactsFromSnapshot(JSON.parse(readFileSync('schema-snapshot/snapshot.postgres.json', 'utf8')));
		const map = bundledDataMap();
		const checked: string[] = [];
		for (const object of objectNames) {
			for (const [role, spec] of Object.entries(objectSpecs[object].roles) as [string, RoleSpec][]) {
				if (spec.owner !== 'product' && !(spec.kind === 'key' && object === 'ticket_followers')) continue;
				const collection = spec.kind === 'o2m' && spec.on ? spec.on : objectSpecs[object].bundled;
				const bundled = facts.collections[collection]?.fields[spec.bundled];
				expect(
					addedFieldFacts(map, facts, { object, role, collection, field: spec.bundled }),
					`${object}.${role}`,
				).toEqual(bundled);
				checked.push(`${object}.${role}`);
			}
		}
		expect(checked).toHaveLength(11);
	});

	test('Follows the key it points at on the second schema: people are keyed by uuid, cases and organizations by integer', () => {
		const facts = secondSchemaFacts();
		const map = secondSchemaMap();
		const { additions } = validateDataMap(map, facts);
		expect(
			Object.fromEntries(
				additions.map((addition) => [
					`${addition.collection}.${addition.field}`,
					addedFieldFacts(map, facts, addition),
				]),
			),
		).toEqual({
			'organizations.portal_badge': { type: 'uuid', special: ['m2o'] },
			'organizations.portal_tree_path': { type: 'text', special: [] },
			'people.portal_group': { type: 'integer', special: ['m2o'] },
			'directus_users.portal_people': { type: 'alias', special: ['o2m'] },
			'people.portal_login_suspended': { type: 'boolean', special: ['cast-boolean'] },
			'cases.portal_followers': { type: 'alias', special: ['o2m'] },
			'cases.portal_customer_path': { type: 'text', special: [] },
			'portal_case_followers.id': { type: 'integer', special: [] },
			'portal_case_followers.ticket': { type: 'integer', special: ['m2o'] },
			'portal_case_followers.contact': { type: 'uuid', special: ['m2o'] },
			'portal_case_followers.participant': { type: 'integer', special: ['m2o'] },
		});
	});
});
