/**
 * The data map of the second schema (`second-schema-facts.ts`): its own names for customers, contacts,
 * tickets, their participants (the watchers junction) and replies, the product's own roles under the
 * product's names (fields the install adds), and every other object unmapped.
 */
import type { DataMap } from '../../../src/data-map/data-map.ts';

export function secondSchemaMap(): DataMap {
	return {
		customers: {
			collection: 'organizations',
			fields: {
				id: 'id',
				name: 'label',
				parent: 'parent_org',
				status: null,
				visible_to_parent: 'share_with_parent',
				email_domains: 'domains',
				children: 'sub_orgs',
				contacts: 'people',
				locations: null,
				tickets: null,
				projects: null,
				devices: null,
				invoices: null,
				quotes: null,
				badge: 'portal_badge',
				tree_path: 'portal_tree_path',
			},
		},
		contacts: {
			collection: 'people',
			fields: {
				id: 'uuid',
				first_name: 'given_name',
				last_name: 'family_name',
				email: 'email',
				phone: null,
				customer: 'org',
				location: null,
				status: null,
				user: 'directus_user',
				portal_group: 'portal_group',
				user_contacts: 'portal_people',
				login_suspended: 'portal_login_suspended',
			},
		},
		locations: null,
		tickets: {
			collection: 'cases',
			fields: {
				id: 'id',
				subject: 'title',
				description: 'details',
				status: 'state',
				customer: 'account',
				requester: 'opened_by',
				assignee: null,
				priority: null,
				date_created: 'created_on',
				date_updated: null,
				participants: 'watchers',
				replies: 'messages',
				attachments: null,
				followers: 'portal_followers',
				customer_path: 'portal_customer_path',
			},
			states: {
				status: {
					new: ['new'],
					open: ['open', 'reopened'],
					pending: ['waiting on customer'],
					resolved: ['solved'],
					closed: ['closed'],
				},
			},
		},
		ticket_followers: {
			collection: 'portal_case_followers',
			fields: { id: 'id', ticket: 'ticket', contact: 'contact', participant: 'participant' },
		},
		ticket_priorities: null,
		ticket_participants: {
			collection: 'cases_people',
			fields: { id: 'id', ticket: 'cases_id', contact: 'people_id', kind: null },
		},
		ticket_replies: {
			collection: 'case_messages',
			fields: {
				id: 'id',
				ticket: 'case',
				body: 'text',
				// `private` is true for a message staff keep among themselves: the role's "true = internal".
				internal: 'private',
				author_contact: 'author',
				author_user: 'staff_author',
				date_created: 'posted_at',
			},
		},
		ticket_attachments: null,
		projects: null,
		project_members: null,
		project_tasks: null,
		project_notes: null,
		project_issues: null,
		project_charges: null,
		project_calendar_items: null,
		project_attachments: null,
		devices: null,
		kb_articles: null,
		kb_article_customers: null,
		documents: null,
		document_customers: null,
		invoices: null,
		quotes: null,
	};
}
