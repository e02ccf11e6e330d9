import { usePortalApi } from './use-portal-api.ts';
import { ref } from 'vue';
import { bundledDataMap, type DataMap } from '../../../../src/data-map/data-map.ts';
import type { ItemKey } from '../../../../src/data-map/item-key.ts';
import { auditFilter, type AuditFilters, type ContactMatch } from '../lib/audit-filter.ts';
import { auditTargetKind, auditTargetWords } from '../lib/audit-targets.ts';
import { auditActionWords } from '../lib/audit-words.ts';
import { useLoad } from './use-load.ts';

interface Person {
	first_name: string | null;
	last_name: string | null;
	email: string | null;
}

export interface AuditEntry {
	id: number;
	date_created: string;
	action: string;
	actor_user: Person | null;
	actor_contact: Person | null;
	customer: { name: string } | null;
	target_collection: string | null;
	target_id: string | null;
	details: unknown;
}

/** An entry as the log shows it: what was done and to what, in words. */
export interface AuditRow extends AuditEntry {
	actionWords: string;
	actorWords: string;
	targetWords: string;
}

const personFields = ['first_name', 'last_name', 'email'];

function personWords(person: Person | null): string | null {
	if (!person) return null;
	const name = [person.first_name, person.last_name].filter(Boolean).join(' ');
	return name && person.email ? `${name} (${person.email})` : name || person.email;
}

/** The newest portal_audit entries matching the filters, their actions and targets named in words. */
export function useAuditLog() {
	const api = usePortalApi();
	const entries = ref<AuditRow[]>([]);
	const actions = ref<{ text: string; value: string }[]>([]);
	const customers = ref<{ text: string; value: number }[]>([]);
	const filters = ref<AuditFilters>({ customer: null, contact: '', action: null, from: '', to: '' });

	async function loadChoices(): Promise<void> {
		const [actionRows, customerRows] = await Promise.all([
			api.get<{ data: { action: string }[] }>('/items/portal_audit', {
				params: { groupBy: ['action'], aggregate: { count: 'id' } },
			}),
			api.get<{ data: { id: number; name: string }[] }>('/items/customers', {
				params: { fields: ['id', 'name'], sort: ['name'], limit: -1 },
			}),
		]);
		actions.value = actionRows.data.data
			.map((row) => ({ text: auditActionWords(row.action), value: row.action }))
			.sort((a, b) => a.text.localeCompare(b.text));
		customers.value = customerRows.data.data.map((row) => ({ text: row.name, value: row.id }));
	}

	/** The contacts whose name or address holds the contact filter's words, as the staff member may read them. */
	async function contactMatch(map: DataMap): Promise<ContactMatch | null> {
		const words = (filters.value.contact ?? '').trim();
		if (!words) return null;
		const found = await api.get<{ data: { id: ItemKey }[] }>('/items/contacts', {
			params: { search: words, fields: ['id'], limit: 200 },
		});
		return { collection: map.contacts?.collection ?? 'contacts', ids: found.data.data.map((row) => row.id) };
	}

	/**
	 * The targets' names, read with the staff member's own rights, by `collection:id`. A kind they may not read
	 * (or one that is gone) keeps its key: the log shows what it can rather than nothing.
	 */
	async function targetNames(map: DataMap, shown: AuditEntry[]): Promise<Map<string, string>> {
		const idsByCollection = new Map<string, Set<string>>();
		for (const entry of shown) {
			if (!entry.target_collection || entry.target_id === null) continue;
			const ids = idsByCollection.get(entry.target_collection) ?? new Set<string>();
			idsByCollection.set(entry.target_collection, ids.add(entry.target_id));
		}
		const names = new Map<string, string>();
		const reads = [...idsByCollection].map(async ([collection, ids]) => {
			const kind = auditTargetKind(map, collection);
			if (!kind) return;
			const rows = await api.get<{ data: Record<string, unknown>[] }>(kind.path, {
				params: { fields: kind.fields, filter: JSON.stringify({ id: { _in: [...ids] } }), limit: -1 },
			});
			for (const row of rows.data.data) {
				const name = kind.name(row);
				if (name) names.set(`${collection}:${String(row['id'])}`, name);
			}
		});
		await Promise.allSettled(reads);
		return names;
	}

	const { loading, error, load } = useLoad(async () => {
		if (customers.value.length === 0) await loadChoices();
		const map = (await api.map()) ?? bundledDataMap();
		const response = await api.get<{ data: AuditEntry[] }>('/items/portal_audit', {
			params: {
				fields: [
					'id',
					'date_created',
					'action',
					...personFields.map((field) => `actor_user.${field}`),
					...personFields.map((field) => `actor_contact.${field}`),
					'customer.name',
					'target_collection',
					'target_id',
					'details',
				],
				// As JSON: the studio's query serialiser does not keep arrays such as `_and` nested in objects.
				filter: JSON.stringify(auditFilter(filters.value, await contactMatch(map))),
				sort: ['-date_created', '-id'],
				limit: 200,
			},
		});
		const names = await targetNames(map, response.data.data);
		entries.value = response.data.data.map((entry) => ({
			...entry,
			actionWords: auditActionWords(entry.action, entry.details),
			actorWords: personWords(entry.actor_contact) ?? personWords(entry.actor_user) ?? '—',
			targetWords: entry.target_collection
				? auditTargetWords(
						auditTargetKind(map, entry.target_collection),
						entry.target_collection,
						entry.target_id,
						names.get(`${entry.target_collection}:${entry.target_id}`) ?? null,
					)
				: '—',
		}));
	});

	return { entries, actions, customers, filters, loading, error, load };
}
