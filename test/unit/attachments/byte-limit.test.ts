import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, test } from 'vitest';
import { ByteLimit } from '../../../src/attachments/byte-limit.ts';

/** Streams `sizes` chunks of bytes through a limit of `limit` bytes; returns what came out and the flag. */
async function pass(limit: number, sizes: number[]): Promise<{ bytes: number; chunks: number; truncated: boolean }> {
	const byteLimit = new ByteLimit(limit);
	const out: Buffer[] = [];
	const sink = new Writable({
		write(chunk: Buffer, _encoding, done) {
			out.push(chunk);
			done();
		},
	});
	await pipeline(Readable.from(sizes.map((size) => Buffer.alloc(size, 1))), byteLimit, sink);
	return { bytes: Buffer.concat(out).length, chunks: out.length, truncated: byteLimit.truncated };
}

describe('ByteLimit', () => {
	test('Passes a stream shorter than the limit whole', async () => {
		expect(await pass(10, [3, 4])).toEqual({ bytes: 7, chunks: 2, truncated: false });
	});

	test('Passes a stream of exactly the limit whole', async () => {
		expect(await pass(10, [10])).toEqual({ bytes: 10, chunks: 1, truncated: false });
		expect(await pass(10, [4, 6])).toEqual({ bytes: 10, chunks: 2, truncated: false });
	});

	test('Marks a stream one byte over the limit as truncated', async () => {
		expect((await pass(10, [11])).truncated).toBe(true);
		expect((await pass(10, [10, 1])).truncated).toBe(true);
	});

	test('Ends the stream before the chunk that crosses the limit and drops everything after it', async () => {
		expect(await pass(10, [6, 5, 1, 1])).toEqual({ bytes: 6, chunks: 1, truncated: true });
		expect(await pass(10, [10, 1, 100])).toEqual({ bytes: 10, chunks: 1, truncated: true });
		expect(await pass(10, [11, 1])).toEqual({ bytes: 0, chunks: 0, truncated: true });
	});

	test('Never lets more than the limit through, whatever the chunk sizes', async () => {
		for (const sizes of [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [9, 2], [1, 9, 1], [100]]) {
			const result = await pass(10, sizes);
			expect(result.bytes).toBeLessThanOrEqual(10);
			expect(result.truncated).toBe(true);
		}
	});

	test('Passes an empty stream with a limit of zero, and truncates a single byte', async () => {
		expect(await pass(0, [])).toEqual({ bytes: 0, chunks: 0, truncated: false });
		expect(await pass(0, [1])).toEqual({ bytes: 0, chunks: 0, truncated: true });
	});
});
