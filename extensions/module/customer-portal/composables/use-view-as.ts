import { usePortalApi } from './use-portal-api.ts';
import { ref } from 'vue';
import { portalUrlFromStudio } from '../lib/portal-url.ts';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';

export interface ViewableContactRow {
	id: number;
	first_name: string | null;
	last_name: string;
	email: string;
	customer: { name: string } | null;
	portal_group: { name: string } | null;
}

/**
 * View as from the studio: find contacts who can sign in, and open the portal as one of them in a new
 * tab. The server hands out a short-lived ticket bound to this staff member's own session; the tab's
 * requests carry it and only read.
 */
export function useViewAs() {
	const api = usePortalApi();
	const contacts = ref<ViewableContactRow[]>([]);
	const search = ref('');
	const opening = ref<number | null>(null);

	const {
		loading,
		error,
		load: find,
	} = useLoad(async () => {
		const response = await api.get<{ data: ViewableContactRow[] }>('/items/contacts', {
			params: {
				fields: ['id', 'first_name', 'last_name', 'email', 'customer.name', 'portal_group.name'],
				filter: { user: { status: { _eq: 'active' } }, login_suspended: { _eq: false } },
				search: search.value.trim() || undefined,
				sort: ['last_name', 'first_name'],
				limit: 25,
			},
		});
		contacts.value = response.data.data;
	});

	/** Opens the tab at once (inside the click, so no pop-up blocker objects), then points it at the portal. */
	const opener = useAction(async (contact: number) => {
		opening.value = contact;
		const tab = window.open('', '_blank');
		try {
			const response = await api.post<{ data: { ticket: string } }>('/portal/api/studio/view-as', { contact });
			const url = `${portalUrlFromStudio(window.location.href)}#view-as=${encodeURIComponent(response.data.data.ticket)}`;
			if (tab) {
				tab.opener = null;
				tab.location.href = url;
			} else {
				window.open(url, '_blank', 'noopener');
			}
		} catch (caught) {
			tab?.close();
			throw caught;
		} finally {
			opening.value = null;
		}
	});

	return { contacts, search, loading, error, find, opening, openError: opener.error, open: opener.run };
}
