/** The pieces list pages and visitors' forms share: one table, one visitor form frame. */
import { mount } from '@vue/test-utils';
import { h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { describe, expect, test } from 'vitest';
import ListTable from '../../extensions/portal-app/src/components/ListTable.vue';
import LoadState from '../../extensions/portal-app/src/components/LoadState.vue';
import VisitorForm from '../../extensions/portal-app/src/components/VisitorForm.vue';

async function router() {
	const made = createRouter({
		history: createMemoryHistory(),
		routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
	});
	await made.push('/request');
	return made;
}

describe('The list table', () => {
	test('Shows a header per column, a dash for nothing, the page\u2019s own cell where it has one, and the row\u2019s attributes', () => {
		const invoices = [
			{ id: 1, number: 'INV-1', note: null, total: 5 },
			{ id: 2, number: 'INV-2', note: 'Paid late', total: 7 },
		];
		type Invoice = (typeof invoices)[number];
		const table = mount(ListTable, {
			props: {
				columns: [
					{ key: 'number', label: 'Number' },
					{ key: 'note', label: 'Note', wideOnly: true },
					{ key: 'total', label: 'Total' },
				],
				rows: invoices,
				rowAttributes: (row: { id: number | string }) => ({ 'data-invoice': row.id }),
			},
			slots: { total: ({ row }: { row: { id: number | string } }) => h('strong', `€${(row as Invoice).total}`) },
		});
		expect(table.findAll('th').map((header) => header.text())).toEqual(['Number', 'Note', 'Total']);
		expect(table.findAll('th')[1]?.classes()).toContain('wide-only');
		const rows = table.findAll('tbody tr');
		expect(rows.map((row) => row.attributes('data-invoice'))).toEqual(['1', '2']);
		expect(rows[0]?.findAll('td').map((cell) => cell.text())).toEqual(['INV-1', '—', '€5']);
		expect(rows[1]?.find('strong').text()).toBe('€7');
	});
});

describe('The load state', () => {
	test('Offers to try again after a failure, but not after a refusal that trying again cannot change', async () => {
		const failed = mount(LoadState, { props: { loading: false, error: 'The portal could not reach the server.' } });
		await failed.find('button').trigger('click');
		expect(failed.emitted('retry')).toHaveLength(1);
		const refused = mount(LoadState, {
			props: { loading: false, error: 'This ticket does not exist or you cannot see it.', retryable: false },
		});
		expect(refused.find('[role="alert"]').text()).toBe('This ticket does not exist or you cannot see it.');
		expect(refused.find('button').exists()).toBe(false);
	});

	test('Heads the page with its failure where the page\u2019s own heading would come with the record', () => {
		const error = 'This ticket does not exist or you cannot see it.';
		const titled = mount(LoadState, { props: { loading: false, error, retryable: false, titled: true } });
		expect(titled.find('h1').text()).toBe(error);
		const plain = mount(LoadState, { props: { loading: false, error, retryable: false } });
		expect(plain.find('h1').exists()).toBe(false);
		expect(plain.find('p').text()).toBe(error);
	});
});

describe('The visitor form', () => {
	const props = {
		title: 'Submit a request',
		intro: 'Tell us.',
		sentText: 'Thank you.',
		error: null,
		sending: false,
		submitLabel: 'Send request',
		sendingLabel: 'Sending…',
	};

	test('Says the page is not available when the portal does not offer it, and shows no form', async () => {
		const page = mount(VisitorForm, {
			props: { ...props, offered: false, sent: false },
			global: { plugins: [await router()] },
		});
		expect(page.find('[role="alert"]').text()).toBe(
			'This page is not part of your portal access. If you need it, ask your administrator.',
		);
		expect(page.find('form').exists()).toBe(false);
		expect(page.find('a').text()).toBe('Sign in');
	});

	test('Holds the page\u2019s fields, disables the button while sending and is replaced by the confirmation once sent', async () => {
		const slots = { default: () => h('input', { id: 'field-name' }) };
		const page = mount(VisitorForm, {
			props: { ...props, offered: true, sent: false, sending: true, error: 'Too many attempts.' },
			slots,
			global: { plugins: [await router()] },
		});
		expect(page.find('form #field-name').exists()).toBe(true);
		expect(page.find('button[type="submit"]').text()).toBe('Sending…');
		expect(page.find('button[type="submit"]').attributes('disabled')).toBeDefined();
		expect(page.find('[role="alert"]').text()).toBe('Too many attempts.');
		const ready = mount(VisitorForm, {
			props: { ...props, offered: true, sent: false },
			slots,
			global: { plugins: [await router()] },
		});
		await ready.find('form').trigger('submit');
		expect(ready.emitted('submit')).toHaveLength(1);
		const sent = mount(VisitorForm, {
			props: { ...props, offered: true, sent: true },
			slots,
			global: { plugins: [await router()] },
		});
		expect(sent.find('form').exists()).toBe(false);
		expect(sent.find('[role="status"]').text()).toBe('Thank you.');
	});
});
