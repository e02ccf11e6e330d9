import { defineInterface } from '@directus/extensions-sdk';
import ConversationLink from './conversation-link.vue';

/**
 * A button on a ticket's item page in Directus's content module that opens the ticket's conversation in the
 * Customer Portal module, where staff answer with "Reply to customer" or "Internal note". The bundled help desk's
 * tickets carry it as the `portal_conversation` field; on a team's own ticket collection, add a field with it.
 */
export default defineInterface({
	id: 'portal-conversation-link',
	name: 'Customer portal conversation',
	description: 'Opens the ticket’s conversation in the Customer Portal module',
	icon: 'forum',
	component: ConversationLink,
	types: ['alias'],
	localTypes: ['presentation'],
	group: 'presentation',
	hideLabel: true,
	hideLoader: true,
	options: null,
});
