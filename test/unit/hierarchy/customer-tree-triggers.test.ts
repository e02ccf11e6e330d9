import { describe, expect, test } from 'vitest';
import { triggerSet } from '../../../src/database/trigger-set.ts';
import { closureQuery } from '../../../src/hierarchy/closure-query.ts';
import { customerTreeNames } from '../../../src/hierarchy/customer-tree-names.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { CustomerCycleError } from '../../../src/errors/customer-cycle-error.ts';
import { CustomerParentNotFoundError } from '../../../src/errors/customer-parent-not-found-error.ts';
import { CustomerTreeReadOnlyError } from '../../../src/errors/customer-tree-read-only-error.ts';
import { bundledCustomerTree } from '../../support/bundled-derived-tables.ts';

describe('customerTreeTriggers', () => {
	test('Versions the SQL by its content, differently per database', () => {
		const sqlite = triggerSet(bundledCustomerTree.triggers, 'sqlite3');
		const pg = triggerSet(bundledCustomerTree.triggers, 'pg');
		expect(sqlite.version).toMatch(/^[0-9a-f]{12}$/);
		expect(triggerSet(bundledCustomerTree.triggers, 'sqlite3')).toEqual(sqlite);
		expect(pg.version).not.toBe(sqlite.version);
	});

	test('Marks every trigger with its version, where the installed version can be read back', () => {
		const sqlite = triggerSet(bundledCustomerTree.triggers, 'sqlite3');
		for (const { name } of sqlite.triggers) {
			expect(sqlite.statements.find((statement) => statement.startsWith(`CREATE TRIGGER ${name} `))).toContain(
				sqlite.marker,
			);
		}
		const pg = triggerSet(bundledCustomerTree.triggers, 'pg');
		for (const name of pg.functionNames)
			expect(pg.statements).toContain(`COMMENT ON FUNCTION ${name}() IS '${pg.marker}'`);
		for (const { name } of pg.triggers)
			expect(pg.statements).toContain(`COMMENT ON TRIGGER ${name} ON customers IS '${pg.marker}'`);
	});

	test('Uses no common table expression in SQLite trigger bodies, which SQLite refuses', () => {
		for (const statement of triggerSet(bundledCustomerTree.triggers, 'sqlite3').statements)
			expect(statement).not.toMatch(/\bWITH\b/i);
		expect(closureQuery('sqlite3', customerTreeNames(bundledDataMap()))).toMatch(/^WITH RECURSIVE closure/);
	});

	test('Drops each trigger before creating it, so installing twice is harmless', () => {
		const { statements, triggers } = triggerSet(bundledCustomerTree.triggers, 'pg');
		for (const { name } of triggers) {
			expect(statements.indexOf(`DROP TRIGGER IF EXISTS ${name} ON customers`)).toBeLessThan(
				statements.findIndex((statement) => statement.startsWith(`CREATE TRIGGER ${name} `)),
			);
		}
		expect(statements[0]).toMatch(/^CREATE OR REPLACE FUNCTION /);
	});
});

describe('The hierarchy’s errors tell staff what to do', () => {
	test('CustomerCycleError', () => {
		const error = new CustomerCycleError();
		expect(error.message).toBe(
			"A customer cannot be placed below itself or one of its own sub-customers. Choose a parent outside this customer's branch.",
		);
		expect([error.status, error.code]).toEqual([400, 'CUSTOMER_CYCLE']);
	});

	test('CustomerParentNotFoundError', () => {
		const error = new CustomerParentNotFoundError({ parent: 42 });
		expect(error.message).toBe(
			'There is no customer 42 to place this customer below. Choose an existing parent customer, or none.',
		);
		expect([error.status, error.code]).toEqual([400, 'CUSTOMER_PARENT_NOT_FOUND']);
	});

	test('CustomerTreeReadOnlyError', () => {
		const error = new CustomerTreeReadOnlyError();
		expect(error.message).toMatch(/cannot be edited/);
		expect([error.status, error.code]).toEqual([403, 'CUSTOMER_TREE_READ_ONLY']);
	});
});
