/** What a save, delete or invite button does: once at a time, why it failed, usable again after. */
import { describe, expect, test, vi } from 'vitest';
import { useAction } from '../../../extensions/module/customer-portal/composables/use-action.ts';

const refusal = (message: string) =>
	Object.assign(new Error('Request failed with status code 400'), { response: { data: { errors: [{ message }] } } });

describe('An action in the studio module', () => {
	test('Runs while the work runs, then hands what the work returned to its success callback', async () => {
		const onSuccess = vi.fn();
		const onDone = vi.fn();
		const { running, error, run } = useAction(async (name: string) => `saved ${name}`, { onSuccess, onDone });
		const done = run('Basic');
		expect(running.value).toBe(true);
		expect(await done).toBe(true);
		expect(running.value).toBe(false);
		expect(error.value).toBeNull();
		expect(onSuccess).toHaveBeenCalledWith('saved Basic');
		expect(onDone).toHaveBeenCalledTimes(1);
	});

	test('A failure shows the server\u2019s message and leaves the action usable: the next run works and clears it', async () => {
		const work = vi
			.fn<() => Promise<void>>()
			.mockRejectedValueOnce(refusal('The group is still in use: 1 contact uses it.'))
			.mockResolvedValueOnce();
		const onSuccess = vi.fn();
		const onDone = vi.fn();
		const { running, error, run } = useAction(work, { onSuccess, onDone });
		expect(await run()).toBe(false);
		expect(running.value).toBe(false);
		expect(error.value).toBe('The group is still in use: 1 contact uses it.');
		expect(onSuccess).not.toHaveBeenCalled();
		expect(onDone).toHaveBeenCalledTimes(1);
		expect(await run()).toBe(true);
		expect(error.value).toBeNull();
		expect(work).toHaveBeenCalledTimes(2);
	});

	test('A second click while it runs is ignored: the work runs once', async () => {
		let finish!: () => void;
		const work = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
		const onDone = vi.fn();
		const { run } = useAction(work, { onDone });
		const first = run();
		const second = run();
		expect(await second).toBe(false);
		finish();
		expect(await first).toBe(true);
		expect(work).toHaveBeenCalledTimes(1);
		expect(onDone).toHaveBeenCalledTimes(1);
	});

	test('The work starts inside the click, before anything is awaited', () => {
		const started = vi.fn();
		const { run } = useAction(async () => started());
		void run();
		expect(started).toHaveBeenCalledTimes(1);
	});
});
