import { defineModule } from '@directus/extensions-sdk';
import type { RouteRecordRaw } from 'vue-router';
import { canUseModule } from './lib/can-use-module.ts';
import AuditPage from './routes/audit-page.vue';
import ConversationPage from './routes/conversation-page.vue';
import CustomerPage from './routes/customer-page.vue';
import CustomersPage from './routes/customers-page.vue';
import DataMapPage from './routes/data-map-page.vue';
import GroupEditor from './routes/group-editor.vue';
import GroupsPage from './routes/groups-page.vue';
import InboxPage from './routes/inbox-page.vue';
import OutboxPage from './routes/outbox-page.vue';
import RatingsPage from './routes/ratings-page.vue';
import SettingsPage from './routes/settings-page.vue';
import TicketsPage from './routes/tickets-page.vue';
import UninstallPage from './routes/uninstall-page.vue';
import ViewAsPage from './routes/view-as-page.vue';

const routes: RouteRecordRaw[] = [
	{ path: '', redirect: { name: 'customer-portal-groups' } },
	{ path: 'groups', name: 'customer-portal-groups', component: GroupsPage },
	{ path: 'groups/:id', name: 'customer-portal-group', component: GroupEditor, props: true },
	{ path: 'customers', name: 'customer-portal-customers', component: CustomersPage },
	{ path: 'customers/:id', name: 'customer-portal-customer', component: CustomerPage, props: true },
	{ path: 'tickets', name: 'customer-portal-tickets', component: TicketsPage },
	{ path: 'tickets/:id', name: 'customer-portal-conversation', component: ConversationPage, props: true },
	{ path: 'settings', name: 'customer-portal-settings', component: SettingsPage },
	{ path: 'view-as', name: 'customer-portal-view-as', component: ViewAsPage },
	{ path: 'audit', name: 'customer-portal-audit', component: AuditPage },
	{ path: 'outbox', name: 'customer-portal-outbox', component: OutboxPage },
	{ path: 'inbox', name: 'customer-portal-inbox', component: InboxPage },
	{ path: 'ratings', name: 'customer-portal-ratings', component: RatingsPage },
	{ path: 'data-map', name: 'customer-portal-data-map', component: DataMapPage },
	{ path: 'uninstall', name: 'customer-portal-uninstall', component: UninstallPage },
];

/**
 * The customer portal in the studio: groups, customers' portal access, tickets' conversations, settings, View as, the audit log, the outbox, the inbox and
 * satisfaction ratings;
 * for Directus admins also the data map and uninstalling.
 */
export default defineModule({
	id: 'customer-portal',
	name: 'Customer Portal',
	icon: 'support_agent',
	routes,
	preRegisterCheck: (user, permissions) => canUseModule(user, permissions),
});
