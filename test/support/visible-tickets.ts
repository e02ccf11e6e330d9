import { expect } from 'vitest';
import { api } from './directus-under-test.ts';

/** Which of the named `tickets` the token can read, by name, sorted. */
export async function visibleTicketNames(tickets: Record<string, number>, token: string): Promise<string[]> {
	const response = await api<{ id: number }[]>(
		'GET',
		`/items/tickets?fields=id&limit=-1&filter[id][_in]=${Object.values(tickets).join(',')}`,
		{ token },
	);
	expect(response.status).toBe(200);
	const ids = new Set((response.body.data ?? []).map(({ id }) => id));
	return Object.entries(tickets)
		.filter(([, id]) => ids.has(id))
		.map(([name]) => name)
		.sort();
}
