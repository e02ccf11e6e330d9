/**
 * The app's pages. `page` names the capability rule (lib/navigation.ts) a signed-in page needs; a page
 * the group does not allow keeps its address and shows "not available" (App.vue), so a deep link says
 * why instead of bouncing. Pages marked `guest` are for visitors and need no sign-in.
 */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { PageKey } from './lib/navigation.ts';
import { useConfig } from './composables/use-config.ts';
import { useMe } from './composables/use-me.ts';

declare module 'vue-router' {
	interface RouteMeta {
		page?: PageKey;
		guest?: boolean;
	}
}

export const routes: RouteRecordRaw[] = [
	{ path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { guest: true } },
	{
		path: '/accept-invitation',
		name: 'accept-invitation',
		component: () => import('./pages/AcceptInvitationPage.vue'),
		meta: { guest: true },
	},
	{
		path: '/forgot-password',
		name: 'forgot-password',
		component: () => import('./pages/ForgotPasswordPage.vue'),
		meta: { guest: true },
	},
	{
		path: '/reset-password',
		name: 'reset-password',
		component: () => import('./pages/ResetPasswordPage.vue'),
		meta: { guest: true },
	},
	{
		path: '/request',
		name: 'public-request',
		component: () => import('./pages/PublicRequestPage.vue'),
		meta: { guest: true },
	},
	{ path: '/sign-up', name: 'sign-up', component: () => import('./pages/SignUpPage.vue'), meta: { guest: true } },
	{
		path: '/unsubscribe',
		name: 'unsubscribe',
		component: () => import('./pages/UnsubscribePage.vue'),
		meta: { guest: true },
	},
	{
		path: '/help',
		name: 'public-knowledge-base',
		component: () => import('./pages/ArticlesPage.vue'),
		props: { collection: 'kb_articles', visitor: true },
		meta: { guest: true },
	},
	{
		path: '/help/:id(\\d+)',
		name: 'public-article',
		component: () => import('./pages/ArticlePage.vue'),
		props: (route) => ({ collection: 'kb_articles', id: Number(route.params['id']), visitor: true }),
		meta: { guest: true },
	},
	{ path: '/', name: 'dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { page: 'dashboard' } },
	{ path: '/tickets', name: 'tickets', component: () => import('./pages/TicketsPage.vue'), meta: { page: 'tickets' } },
	{
		path: '/tickets/new',
		name: 'new-ticket',
		component: () => import('./pages/NewTicketPage.vue'),
		meta: { page: 'new-ticket' },
	},
	{
		path: '/tickets/:id(\\d+)',
		name: 'ticket',
		component: () => import('./pages/TicketPage.vue'),
		props: (route) => ({ id: Number(route.params['id']) }),
		meta: { page: 'tickets' },
	},
	{
		path: '/projects',
		name: 'projects',
		component: () => import('./pages/ProjectsPage.vue'),
		meta: { page: 'projects' },
	},
	{
		path: '/projects/:id(\\d+)',
		name: 'project',
		component: () => import('./pages/ProjectPage.vue'),
		props: (route) => ({ id: Number(route.params['id']) }),
		meta: { page: 'projects' },
	},
	{ path: '/devices', name: 'devices', component: () => import('./pages/DevicesPage.vue'), meta: { page: 'devices' } },
	{
		path: '/devices/:id(\\d+)',
		name: 'device',
		component: () => import('./pages/DevicePage.vue'),
		props: (route) => ({ id: Number(route.params['id']) }),
		meta: { page: 'devices' },
	},
	{
		path: '/knowledge-base',
		name: 'knowledge-base',
		component: () => import('./pages/ArticlesPage.vue'),
		props: { collection: 'kb_articles' },
		meta: { page: 'knowledge-base' },
	},
	{
		path: '/knowledge-base/:id(\\d+)',
		name: 'kb-article',
		component: () => import('./pages/ArticlePage.vue'),
		props: (route) => ({ collection: 'kb_articles', id: Number(route.params['id']) }),
		meta: { page: 'knowledge-base' },
	},
	{
		path: '/documentation',
		name: 'documentation',
		component: () => import('./pages/ArticlesPage.vue'),
		props: { collection: 'documents' },
		meta: { page: 'documentation' },
	},
	{
		path: '/documentation/:id(\\d+)',
		name: 'document',
		component: () => import('./pages/ArticlePage.vue'),
		props: (route) => ({ collection: 'documents', id: Number(route.params['id']) }),
		meta: { page: 'documentation' },
	},
	{
		path: '/invoices',
		name: 'invoices',
		component: () => import('./pages/InvoicesPage.vue'),
		meta: { page: 'invoices' },
	},
	{ path: '/quotes', name: 'quotes', component: () => import('./pages/QuotesPage.vue'), meta: { page: 'quotes' } },
	{ path: '/team', name: 'team', component: () => import('./pages/TeamPage.vue'), meta: { page: 'team' } },
	{ path: '/profile', name: 'profile', component: () => import('./pages/ProfilePage.vue'), meta: { page: 'profile' } },
	{ path: '/search', name: 'search', component: () => import('./pages/SearchPage.vue'), meta: { page: 'search' } },
	{ path: '/:unknown(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
];

export function createPortalRouter() {
	const router = createRouter({ history: createWebHistory('/portal/'), routes, scrollBehavior: () => ({ top: 0 }) });
	let started = false;
	router.beforeEach(async (to) => {
		const { me, load } = useMe();
		if (!started) {
			started = true;
			const { config, load: loadConfig } = useConfig();
			await loadConfig();
			if (config.value.signed_in) await load();
		}
		if (to.meta.guest) return to.name === 'sign-in' && me.value ? '/' : true;
		if (!me.value) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
		return true;
	});
	return router;
}
