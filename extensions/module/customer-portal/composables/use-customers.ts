import { usePortalApi } from './use-portal-api.ts';
import { computed, ref } from 'vue';
import { customerTreeRows } from '../lib/customer-tree-rows.ts';
import { useLoad } from './use-load.ts';
import type { ItemKey } from '../../../../src/data-map/item-key.ts';

export interface PortalCustomer {
	id: ItemKey;
	name: string;
	parent: ItemKey | null;
	visible_to_parent: boolean;
	email_domains: string[] | null;
	portalContacts: number;
}

interface CountRow {
	customer: ItemKey;
	count: { id: number | string };
}

/** The customer tree with how many contacts of each have a portal login; expand, collapse and search. */
export function useCustomers() {
	const api = usePortalApi();
	const customers = ref<PortalCustomer[]>([]);
	const expanded = ref(new Set<ItemKey>());
	/** Studio inputs report a cleared field as null. */
	const search = ref<string | null>('');
	const rows = computed(() => customerTreeRows(customers.value, expanded.value, search.value ?? ''));

	const { loading, error, load } = useLoad(async () => {
		const [list, counts] = await Promise.all([
			api.get<{ data: Omit<PortalCustomer, 'portalContacts'>[] }>('/items/customers', {
				params: { fields: ['id', 'name', 'parent', 'visible_to_parent', 'email_domains'], limit: -1, sort: ['name'] },
			}),
			api.get<{ data: CountRow[] }>('/items/contacts', {
				params: { aggregate: { count: 'id' }, groupBy: ['customer'], filter: { user: { _nnull: true } } },
			}),
		]);
		const byCustomer = new Map(counts.data.data.map((row) => [row.customer, Number(row.count.id)]));
		customers.value = list.data.data.map((customer) => ({
			...customer,
			portalContacts: byCustomer.get(customer.id) ?? 0,
		}));
	});

	function toggle(id: ItemKey): void {
		const next = new Set(expanded.value);
		if (next.has(id)) next.delete(id);
		else next.add(id);
		expanded.value = next;
	}

	return { customers, rows, expanded, search, loading, error, load, toggle };
}
