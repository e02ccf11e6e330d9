import { usePortalApi } from './use-portal-api.ts';
import { ref } from 'vue';
import { auditFilter, type AuditFilters } from '../lib/audit-filter.ts';
import { useLoad } from './use-load.ts';

export interface AuditEntry {
	id: number;
	date_created: string;
	action: string;
	actor_user: { email: string | null } | null;
	actor_contact: { email: string | null } | null;
	customer: { name: string } | null;
	target_collection: string | null;
	target_id: string | null;
	details: unknown;
}

/** The newest portal_audit entries matching the filters. */
export function useAuditLog() {
	const api = usePortalApi();
	const entries = ref<AuditEntry[]>([]);
	const actions = ref<string[]>([]);
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
		actions.value = actionRows.data.data.map((row) => row.action).sort();
		customers.value = customerRows.data.data.map((row) => ({ text: row.name, value: row.id }));
	}

	const { loading, error, load } = useLoad(async () => {
		if (customers.value.length === 0) await loadChoices();
		const response = await api.get<{ data: AuditEntry[] }>('/items/portal_audit', {
			params: {
				fields: [
					'id',
					'date_created',
					'action',
					'actor_user.email',
					'actor_contact.email',
					'customer.name',
					'target_collection',
					'target_id',
					'details',
				],
				// As JSON: the studio's query serialiser does not keep arrays such as `_and` nested in objects.
				filter: JSON.stringify(auditFilter(filters.value)),
				sort: ['-date_created', '-id'],
				limit: 200,
			},
		});
		entries.value = response.data.data;
	});

	return { entries, actions, customers, filters, loading, error, load };
}
