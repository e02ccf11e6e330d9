/**
 * /assets/<file id> as the contact, for a sample of the world's files: 200 for files of attachments
 * they may read, 403/404 for the others (internal attachments, other customers' files), and the same
 * for the file's row under /files/<id>.
 */
import { asContact, type OracleContext, readableOf, report } from './oracle-context.ts';
import { keyOf } from './reference-model.ts';

export async function checkAssets(context: OracleContext, { allowed = 2, denied = 3 } = {}): Promise<void> {
	const { random, session, http } = context;
	const readable = readableOf(session.access, 'directus_files').ids;
	const files = session.seeded.world.directus_files.map((file) => keyOf(file.id));
	const sample = [
		...random.sample(
			files.filter((id) => readable.has(id)),
			allowed,
		),
		...random.sample(
			files.filter((id) => !readable.has(id)),
			denied,
		),
	];
	await Promise.all(
		sample.map(async (id) => {
			const may = readable.has(id);
			const asset = await http.call('GET', `/assets/${id}`, { token: session.token, discardBody: true });
			const assetOk = may ? asset.status === 200 : asset.status === 403 || asset.status === 404;
			if (!assetOk)
				report(
					context,
					!may && asset.status === 200 ? 'leak' : 'deviation',
					'assets',
					`GET /assets/${id}`,
					may ? '200' : '403 or 404',
					String(asset.status),
				);
			if (may) return;
			const row = await asContact(context, 'GET', `/files/${id}`);
			if (row.status !== 403 && row.status !== 404)
				report(
					context,
					row.status === 200 ? 'leak' : 'deviation',
					'assets',
					`GET /files/${id}`,
					'403 or 404',
					`${row.status} ${row.text.slice(0, 200)}`,
				);
		}),
	);
}
