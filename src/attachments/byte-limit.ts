import { Transform, type TransformCallback } from 'node:stream';

/**
 * Passes a stream through until more than `limit` bytes went by, then ends it and drops the rest, with
 * `truncated` set: the flag Directus's FilesService checks after writing a stream (as it does for its own
 * multipart uploads), answering 413 and removing the partial file. Failing the stream instead would make
 * Directus answer 503, and a body without Content-Length (chunked) is only measured here.
 */
export class ByteLimit extends Transform {
	truncated = false;
	private seen = 0;
	private readonly limit: number;

	constructor(limit: number) {
		super();
		this.limit = limit;
	}

	override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
		if (this.truncated) return done();
		this.seen += chunk.length;
		if (this.seen <= this.limit) return done(null, chunk);
		this.truncated = true;
		this.push(null);
		done();
	}
}
