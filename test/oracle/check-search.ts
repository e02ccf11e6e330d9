/**
 * `search=` as the contact, with words the world put in exactly one row each: a word of a row the
 * contact may not read, or a word only in a field they may not read (devices.admin_password,
 * locations.address, an internal comment's body), must find nothing. A word of a readable ticket's
 * subject must find that ticket (else search is broken, which would make the other probes moot).
 */
import { dataOf } from './oracle-http.ts';
import { asContact, listIds, type OracleContext, readableOf, report } from './oracle-context.ts';
import { keyOf } from './reference-model.ts';
import type { Id } from './world.ts';

/** The world's search words in a text (see `wordOf`). */
export function wordsIn(tag: string, text: string): string[] {
	return text.match(new RegExp(`${tag}z[a-z]+\\d+q`, 'g')) ?? [];
}

interface SearchProbe {
	collection: string;
	word: string;
	/** Why nothing may be found, for the report. */
	why: string;
}

export async function checkSearch(context: OracleContext): Promise<void> {
	const { random, session } = context;
	const { world } = session.seeded;
	const access = session.access;
	const tag = world.tag;
	const readable = (collection: string, id: Id): boolean => readableOf(access, collection).ids.has(keyOf(id));
	const probes: SearchProbe[] = [];
	const add = (collection: string, text: string | undefined, why: string): void => {
		const word = text === undefined ? undefined : wordsIn(tag, text)[0];
		if (word) probes.push({ collection, word, why });
	};

	add(
		'tickets',
		random.maybePick(world.tickets.filter((row) => !readable('tickets', row.id)))?.subject,
		'only in a ticket the contact may not read',
	);
	add(
		'projects',
		random.maybePick(world.projects.filter((row) => !readable('projects', row.id)))?.description,
		'only in a project the contact may not read',
	);
	add(
		'contacts',
		random.maybePick(world.contacts.filter((row) => !readable('contacts', row.id)))?.last_name,
		'only in a contact the contact may not read',
	);
	add(
		'devices',
		random.maybePick(world.devices.filter((row) => readable('devices', row.id)))?.admin_password,
		'only in admin_password of a readable device',
	);
	add(
		'locations',
		random.maybePick(world.locations.filter((row) => readable('locations', row.id)))?.address,
		'only in the address of a readable location',
	);
	add(
		'ticket_comments',
		random.maybePick(world.ticket_comments.filter((row) => row.is_internal && readable('tickets', row.ticket)))?.body,
		'only in an internal comment of a readable ticket',
	);
	add(
		'kb_articles',
		random.maybePick(world.kb_articles.filter((row) => row.status === 'draft'))?.title,
		'only in a draft article',
	);
	add(
		'quotes',
		random.maybePick(world.quotes.filter((row) => !readable('quotes', row.id)))?.title,
		'only in a quote the contact may not read',
	);

	await Promise.all(
		probes.map(async ({ collection, word, why }) => {
			const path = `/items/${collection}?search=${word}&fields=id&limit=-1`;
			const answer = await asContact(context, 'GET', path);
			if (answer.status === 403) return;
			const rows = dataOf<{ id: Id }[] | undefined>(answer);
			if (answer.status === 200 && Array.isArray(rows) && rows.length === 0) return;
			report(
				context,
				answer.status === 200 ? 'leak' : 'deviation',
				'search',
				`GET ${path}`,
				`nothing (the word is ${why})`,
				answer.status === 200 && rows
					? `rows ${listIds(rows.map((row) => row.id))}`
					: `${answer.status} ${answer.text.slice(0, 200)}`,
			);
		}),
	);

	const visible = random.maybePick(world.tickets.filter((row) => readable('tickets', row.id)));
	const word = visible ? wordsIn(tag, visible.subject)[0] : undefined;
	if (visible && word) {
		const path = `/items/tickets?search=${word}&fields=id&limit=-1`;
		const answer = await asContact(context, 'GET', path);
		const rows = dataOf<{ id: Id }[] | undefined>(answer);
		const found = Array.isArray(rows) ? rows.map((row) => keyOf(row.id)) : [];
		if (answer.status !== 200 || found.length !== 1 || found[0] !== keyOf(visible.id)) {
			report(
				context,
				'deviation',
				'search',
				`GET ${path}`,
				`ticket ${keyOf(visible.id)}`,
				`${answer.status} ${listIds(found)}`,
			);
		}
	}
}
