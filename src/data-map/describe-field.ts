import { fieldFactsOf } from './field-facts-of.ts';
import { relationFrom } from './relation-from.ts';
import type { SchemaFacts } from './schema-facts.ts';

const typeWords: Record<string, string> = {
	alias: 'an alias with no column of its own',
	bigInteger: 'a big integer',
	boolean: 'a boolean',
	csv: 'a CSV list',
	date: 'a date',
	dateTime: 'a date-time',
	decimal: 'a decimal',
	float: 'a float',
	hash: 'a hash',
	integer: 'an integer',
	json: 'a JSON value',
	string: 'a string',
	text: 'a text',
	time: 'a time of day',
	timestamp: 'a timestamp',
	uuid: 'a uuid',
};

/** What an existing field is, in words for staff: "an integer", "a many-to-any". */
export function describeField(facts: SchemaFacts, collection: string, field: string): string {
	if (relationFrom(facts, collection, field)?.related_collection === null) return 'a many-to-any';
	const type = fieldFactsOf(facts, collection, field)?.type ?? 'unknown';
	return Object.hasOwn(typeWords, type) ? (typeWords[type] as string) : `of type \`${type}\``;
}
