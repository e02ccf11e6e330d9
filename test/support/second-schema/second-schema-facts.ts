/**
 * A help desk shaped unlike the bundled schema, as the data map's validator sees it: customers are
 * `organizations` (with `parent_org`), contacts are `people` (with `org` and `directus_user`), tickets are
 * `cases` (with `account` and `opened_by`), a case's watchers are the junction `cases_people`, and its
 * messages are `case_messages` (with a boolean `private`). It has no priorities, attachments, projects,
 * devices, knowledge base, documents, invoices or quotes, and none of the product's own fields. A few fields
 * are there for maps to get wrong: protected ones (`people.pin`, hashed; `people.secret_note` and
 * `organizations.api_token`, concealed), a second many-to-one from organizations (`account_manager`, to a
 * user) and from people (`billing_org`, listed by `organizations.billed_people`).
 *
 * The types are the ones the help desk is built with (`create-second-schema.ts`), which Directus reads back
 * as they are on PostgreSQL. On SQLite Directus keeps a uuid in a `char(36)` column and reads one back as a
 * uuid only when it generates it (the key's `uuid` flag): every other uuid field (a many-to-one to a user or
 * a person, the junction's `people_id`) reads as a string, as in the bundled schema's SQLite snapshot.
 *
 * Organizations are keyed by an integer the database numbers, or (`organizationKey: 'uuid'`) by a uuid Directus
 * generates, as the studio offers when a collection is made: then every many-to-one to them is a uuid too.
 */
import type { FieldFacts, RelationFacts, SchemaFacts } from '../../../src/data-map/schema-facts.ts';

const field = (type: string, ...special: string[]): FieldFacts => ({ type, special });
const alias = (special: string) => field('alias', special);
const relation = (
	collection: string,
	from: string,
	related: string,
	oneField: string | null = null,
	junctionField: string | null = null,
): RelationFacts => ({
	collection,
	field: from,
	related_collection: related,
	meta: { one_field: oneField, junction_field: junctionField },
});

/** How the second help desk keys its organizations. */
export type OrganizationKey = 'integer' | 'uuid';

/** The facts as Directus reads them on `database` (PostgreSQL's `pg` when left out: the types as built). */
export function secondSchemaFacts(
	database: 'sqlite3' | 'pg' = 'pg',
	organizationKey: OrganizationKey = 'integer',
): SchemaFacts {
	/** A uuid field Directus does not generate, as `database` reads it back. */
	const uuidColumn = (...special: string[]) => field(database === 'sqlite3' ? 'string' : 'uuid', ...special);
	/** A many-to-one to an organization. */
	const toOrganization = () => (organizationKey === 'uuid' ? uuidColumn('m2o') : field('integer', 'm2o'));
	return {
		collections: {
			directus_users: { primary: 'id', fields: { id: field('uuid', 'uuid'), email: field('string') } },
			directus_files: { primary: 'id', fields: { id: field('uuid', 'uuid') } },
			directus_policies: { primary: 'id', fields: { id: field('uuid', 'uuid') } },
			organizations: {
				primary: 'id',
				fields: {
					id: organizationKey === 'uuid' ? field('uuid', 'uuid') : field('integer'),
					label: field('string'),
					parent_org: toOrganization(),
					domains: field('json', 'cast-json'),
					share_with_parent: field('boolean', 'cast-boolean'),
					founded: field('date'),
					api_token: field('string', 'conceal'),
					account_manager: uuidColumn('m2o'),
					sub_orgs: alias('o2m'),
					people: alias('o2m'),
					billed_people: alias('o2m'),
				},
			},
			people: {
				primary: 'uuid',
				fields: {
					uuid: field('uuid', 'uuid'),
					given_name: field('string'),
					family_name: field('string'),
					email: field('string'),
					pin: field('hash', 'hash'),
					secret_note: field('text', 'conceal'),
					org: toOrganization(),
					billing_org: toOrganization(),
					directus_user: uuidColumn('m2o'),
				},
			},
			cases: {
				primary: 'id',
				fields: {
					id: field('integer'),
					title: field('string'),
					details: field('text'),
					state: field('string'),
					account: toOrganization(),
					opened_by: uuidColumn('m2o'),
					created_on: field('dateTime', 'date-created'),
					reopen_count: field('integer'),
					watchers: alias('m2m'),
					messages: alias('o2m'),
				},
			},
			cases_people: {
				primary: 'id',
				fields: { id: field('integer'), cases_id: field('integer'), people_id: uuidColumn() },
			},
			case_messages: {
				primary: 'id',
				fields: {
					id: field('integer'),
					case: field('integer', 'm2o'),
					text: field('text'),
					private: field('boolean', 'cast-boolean'),
					author: uuidColumn('m2o'),
					staff_author: uuidColumn('m2o'),
					posted_at: field('timestamp', 'date-created', 'cast-timestamp'),
				},
			},
		},
		relations: [
			relation('organizations', 'parent_org', 'organizations', 'sub_orgs'),
			relation('organizations', 'account_manager', 'directus_users'),
			relation('people', 'org', 'organizations', 'people'),
			relation('people', 'billing_org', 'organizations', 'billed_people'),
			relation('people', 'directus_user', 'directus_users'),
			relation('cases', 'account', 'organizations'),
			relation('cases', 'opened_by', 'people'),
			relation('cases_people', 'cases_id', 'cases', 'watchers', 'people_id'),
			relation('cases_people', 'people_id', 'people', null, 'cases_id'),
			relation('case_messages', 'case', 'cases', 'messages'),
			relation('case_messages', 'author', 'people'),
			relation('case_messages', 'staff_author', 'directus_users'),
		],
	};
}
