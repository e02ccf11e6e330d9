/**
 * One Directus serves every test file. A world's customers, contacts and tickets are its own, but its
 * ticket priorities (one of them a default), articles and documents are seen by every contact of every
 * file: they are deleted when the oracle is done, found by the worlds' tags.
 */
import type { OracleHttp } from './oracle-http.ts';
import { tagOf } from './world.ts';

export async function cleanUpShared(http: OracleHttp, seeds: readonly number[]): Promise<void> {
	for (const tag of seeds.map(tagOf)) {
		for (const [collection, field, value] of [
			['ticket_priorities', 'name', `${tag} P`],
			['kb_articles', 'title', `${tag}z`],
			['documents', 'title', `${tag}z`],
		] as const) {
			const rows = await http.admin<{ id: number }[]>(
				'GET',
				`/items/${collection}?filter[${field}][_contains]=${encodeURIComponent(value)}&fields=id&limit=-1`,
			);
			if (rows.length > 0)
				await http.admin(
					'DELETE',
					`/items/${collection}`,
					rows.map((row) => row.id),
				);
		}
	}
}
