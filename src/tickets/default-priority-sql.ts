import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { DatabaseDialect } from '../database/database-dialect.ts';
import { sqlName } from '../database/sql-name.ts';
import { defaultPriorityTrigger } from './default-priority-trigger.ts';

export interface DefaultPrioritySql {
	/** The table the trigger is on, as the database names it. */
	readonly table: string;
	/**
	 * What the database keeps of the installed trigger, to tell it is this one: on SQLite the trigger's
	 * `CREATE TRIGGER` statement, on PostgreSQL its function's body.
	 */
	readonly installed: string;
	/** Statements that (re)create it, one per `knex.raw`. */
	readonly statements: readonly string[];
}

/**
 * The SQL of the trigger that gives a new ticket without a priority the default one (see
 * `ensureDefaultPriority`), on the tables `map` names: the priority marked default first, then the lowest sort
 * order, then the lowest key; without `is_default` or `sort` mapped, the order leaves them out. Null when the
 * map has no tickets, no ticket priorities, or no ticket priority role: there is no default to give. On the
 * bundled map, the SQL the product always installed, byte for byte.
 */
export function defaultPrioritySql(map: DataMap, dialect: DatabaseDialect): DefaultPrioritySql | null {
	const { tickets, ticket_priorities: priorities } = map;
	if (tickets === null || priorities === null || tickets.fields.priority === null) return null;
	const table = sqlName(tickets.collection);
	const [id, priority] = [sqlName(fieldOf(tickets, 'id')), sqlName(tickets.fields.priority)];
	const key = sqlName(fieldOf(priorities, 'id'));
	const { is_default: isDefault, sort } = priorities.fields;
	const order = [
		...(isDefault === null ? [] : [`${sqlName(isDefault)} DESC`]),
		...(sort === null ? [] : [`${sqlName(sort)} IS NULL`, `${sqlName(sort)} ASC`]),
		`${key} ASC`,
	].join(', ');
	const query = `SELECT ${key} FROM ${sqlName(priorities.collection)} ORDER BY ${order} LIMIT 1`;
	const name = defaultPriorityTrigger;
	if (dialect === 'sqlite3') {
		const create = `CREATE TRIGGER ${name} AFTER INSERT ON ${table} FOR EACH ROW WHEN NEW.${priority} IS NULL
		BEGIN UPDATE ${table} SET ${priority} = (${query}) WHERE ${id} = NEW.${id}; END`;
		return { table: tickets.collection, installed: create, statements: [`DROP TRIGGER IF EXISTS ${name}`, create] };
	}
	const body = `
		BEGIN
			IF NEW.${priority} IS NULL THEN NEW.${priority} := (${query}); END IF;
			RETURN NEW;
		END `;
	return {
		table: tickets.collection,
		installed: body,
		statements: [
			`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$${body}$$`,
			`DROP TRIGGER IF EXISTS ${name} ON ${table}`,
			`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
		],
	};
}
