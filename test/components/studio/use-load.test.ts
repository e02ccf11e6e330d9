/** How the studio module loads: the loading flag while it reads, then what it read or why it failed. */
import { describe, expect, test } from 'vitest';
import { ref } from 'vue';
import { useLoad } from '../../../extensions/module/customer-portal/composables/use-load.ts';

function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (reason: unknown) => void;
	const promise = new Promise<T>((ok, fail) => {
		resolve = ok;
		reject = fail;
	});
	return { promise, resolve, reject };
}

const refusal = (message: string) =>
	Object.assign(new Error('Request failed with status code 403'), { response: { data: { errors: [{ message }] } } });

describe('Loading in the studio module', () => {
	test('Is loading while the loader runs, then shows what it read', async () => {
		const rows = ref<string[]>([]);
		const answer = deferred<string[]>();
		const { loading, error, load } = useLoad(async (id: number) => {
			rows.value = [`customer ${id}`, ...(await answer.promise)];
		});
		const done = load(7);
		expect(loading.value).toBe(true);
		answer.resolve(['Acme']);
		await done;
		expect(loading.value).toBe(false);
		expect(error.value).toBeNull();
		expect(rows.value).toEqual(['customer 7', 'Acme']);
	});

	test('A failed load ends loading and says why in the server\u2019s words; the next load clears it', async () => {
		let fail = true;
		const { loading, error, load } = useLoad(async () => {
			if (fail) throw refusal('You don\u2019t have permission to access this.');
		});
		await load();
		expect(loading.value).toBe(false);
		expect(error.value).toBe('You don\u2019t have permission to access this.');
		fail = false;
		const again = load();
		expect(error.value).toBeNull();
		await again;
		expect(error.value).toBeNull();
	});

	test('A network failure is shown with the network error\u2019s words', async () => {
		const { error, load } = useLoad(async () => {
			throw new Error('Network Error');
		});
		await load();
		expect(error.value).toBe('Network Error');
	});
});
