import { usePortalApi } from './use-portal-api.ts';
import { computed, ref } from 'vue';
import { isInvitedWithCustomer } from '../../../../src/invitations/is-invited-with-customer.ts';
import { type OpenInvitation, type PortalStatus, portalStatus } from '../lib/portal-status.ts';
import { useAction } from './use-action.ts';
import { strings } from '../i18n/strings.ts';
import { useLoad } from './use-load.ts';
import type { ItemKey } from '../../../../src/data-map/item-key.ts';

export interface CustomerDetails {
	id: ItemKey;
	name: string;
	visible_to_parent: boolean;
	email_domains: string[] | null;
}

export interface PortalContactRow {
	id: ItemKey;
	first_name: string | null;
	last_name: string;
	email: string;
	status: string;
	user_status: string | null;
	portal_group: number | null;
	login_suspended: boolean;
	portal: PortalStatus;
}

type ContactRecord = Omit<PortalContactRow, 'portal' | 'user_status'> & { user: { status: string } | null };

interface InvitationRow extends OpenInvitation {
	contact: ItemKey;
}

/**
 * One customer's portal: its contacts with their portal status, and every action staff take on them —
 * each one a call the server checks (contacts' portal fields, the invitation API).
 */
export function useCustomerPortal() {
	const api = usePortalApi();
	const customer = ref<CustomerDetails | null>(null);
	const contacts = ref<PortalContactRow[]>([]);
	const groups = ref<{ text: string; value: number | null }[]>([]);
	const message = ref<string | null>(null);
	/** The contacts "Invite everyone without a login" invites, as the server picks them. */
	const invitable = computed(() =>
		contacts.value.filter((contact) => isInvitedWithCustomer({ ...contact, user: contact.user_status })),
	);

	const { loading, error, load } = useLoad(async (id: ItemKey) => {
		const [details, list, invitations, groupList] = await Promise.all([
			api.get<{ data: CustomerDetails }>(`/items/customers/${id}`, {
				params: { fields: ['id', 'name', 'visible_to_parent', 'email_domains'] },
			}),
			api.get<{ data: ContactRecord[] }>('/items/contacts', {
				params: {
					fields: [
						'id',
						'first_name',
						'last_name',
						'email',
						'status',
						'user.status',
						'portal_group',
						'login_suspended',
					],
					filter: { customer: { _eq: id } },
					sort: ['last_name', 'first_name'],
					limit: -1,
				},
			}),
			api.get<{ data: InvitationRow[] }>('/items/portal_invitations', {
				params: {
					fields: ['id', 'contact', 'expires_at'],
					filter: { contact: { customer: { _eq: id } }, accepted_at: { _null: true }, revoked_at: { _null: true } },
					sort: ['-id'],
					limit: -1,
				},
			}),
			api.get<{ data: { id: number; name: string }[] }>('/items/portal_groups', {
				params: { fields: ['id', 'name'], sort: ['name'], limit: -1 },
			}),
		]);
		customer.value = details.data.data;
		const newest = new Map<ItemKey, InvitationRow>();
		for (const invitation of invitations.data.data)
			if (!newest.has(invitation.contact)) newest.set(invitation.contact, invitation);
		contacts.value = list.data.data.map(({ user, ...contact }) => {
			const row = { ...contact, user_status: user?.status ?? null };
			return { ...row, portal: portalStatus(row, newest.get(contact.id) ?? null) };
		});
		groups.value = [
			{ text: strings.customer.defaultGroup, value: null },
			...groupList.data.data.map((group) => ({ text: group.name, value: group.id })),
		];
	});

	/** Every action on the page: one at a time, its outcome in words, and the page read again after it. */
	const action = useAction(
		async (work: () => Promise<string>) => {
			message.value = null;
			message.value = await work();
		},
		{ onDone: () => (customer.value ? load(customer.value.id) : undefined) },
	);
	const act = action.run;

	const enableLogin = (contact: PortalContactRow) =>
		act(async () => {
			await api.post('/portal/api/invitations', { contact: contact.id });
			return strings.customer.done.invited(contact.email);
		});
	const resend = (invitation: number) =>
		act(async () => {
			await api.post(`/portal/api/invitations/${invitation}/resend`);
			return strings.customer.done.resent;
		});
	const revoke = (invitation: number) =>
		act(async () => {
			await api.delete(`/portal/api/invitations/${invitation}`);
			return strings.customer.done.revoked;
		});
	const setSuspended = (contact: PortalContactRow, suspended: boolean) =>
		act(async () => {
			await api.patch(`/items/contacts/${contact.id}`, { login_suspended: suspended });
			return suspended
				? strings.customer.done.suspended(contact.email)
				: strings.customer.done.unsuspended(contact.email);
		});
	const setGroup = (contact: PortalContactRow, group: number | null) =>
		act(async () => {
			await api.patch(`/items/contacts/${contact.id}`, { portal_group: group });
			return strings.customer.done.groupChanged(contact.email);
		});
	const inviteAll = () =>
		act(async () => {
			const response = await api.post<{ data: { error?: string }[] }>('/portal/api/invitations', {
				customer: customer.value?.id,
			});
			const results = response.data.data;
			const refused = results.filter((result) => result.error).length;
			return strings.customer.done.invitedAll(results.length - refused, refused);
		});
	const saveCustomer = (changes: Pick<CustomerDetails, 'visible_to_parent' | 'email_domains'>) =>
		act(async () => {
			await api.patch(`/items/customers/${customer.value?.id}`, changes);
			return strings.customer.done.saved;
		});

	return {
		customer,
		contacts,
		invitable,
		groups,
		loading,
		error,
		busy: action.running,
		actionError: action.error,
		message,
		load,
		enableLogin,
		resend,
		revoke,
		setSuspended,
		setGroup,
		inviteAll,
		saveCustomer,
	};
}
