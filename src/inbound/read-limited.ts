import type { Readable } from 'node:stream';

/** Reads a stream whole, or answers null as soon as it passed `limit` bytes (the rest is drained, not kept). */
export async function readLimited(stream: Readable, limit: number): Promise<Buffer | null> {
	const chunks: Buffer[] = [];
	let size = 0;
	let over = false;
	for await (const chunk of stream) {
		if (over) continue;
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
		size += buffer.length;
		if (size > limit) over = true;
		else chunks.push(buffer);
	}
	return over ? null : Buffer.concat(chunks);
}
