/**
 * HTTP to the Directus under test for the leak oracle: plain fetch, every answer kept as status and
 * parsed body, every request counted for the run's summary line. Admin calls that must work throw
 * with the path and Directus's own error, so a broken seed says where it broke. On a data map other
 * than the bundled one (`map`), `/items/…` requests and answers are translated (`on-map.ts`).
 */
import type { DataMap } from '../../src/data-map/data-map.ts';
import { appAnswer } from './on-map.ts';
import { toStoredRequest } from '../../src/data-map/to-stored-request.ts';

export interface HttpAnswer {
	status: number;
	/** The parsed JSON body, or undefined when the body is empty or not JSON. */
	json: unknown;
	text: string;
}

export interface HttpOptions {
	/** A bearer token; `null` sends none; left out, the admin token. */
	token?: string | null;
	body?: unknown;
	form?: FormData;
	/** Do not read the body as text (for /assets). */
	discardBody?: boolean;
	/** Names as stored: not translated where the oracle runs on a data map (`map`). */
	stored?: boolean;
}

/** The `data` of a Directus answer, typed as the caller expects. */
export function dataOf<T>(answer: HttpAnswer): T {
	return (answer.json as { data: T } | undefined)?.data as T;
}

/** Directus's first error code, if any (FORBIDDEN, FAILED_VALIDATION, …). */
export function errorCodeOf(answer: HttpAnswer): string | undefined {
	const errors = (answer.json as { errors?: { extensions?: { code?: string } }[] } | undefined)?.errors;
	return errors?.[0]?.extensions?.code;
}

export class OracleHttp {
	/** Requests made so far, for the summary. */
	requests = 0;
	/** Requests Directus shed with 503 "Under pressure" and that were sent again. */
	retriedUnderPressure = 0;
	/** Milliseconds spent per request shape, when profiling (PORTAL_ORACLE_PROFILE). */
	readonly profile = new Map<string, { count: number; ms: number }>();
	profiling = false;
	/** The data map the portal runs on, where it is not the bundled one: requests are translated, and the world and the model hold only what it has (check-world.ts). */
	map: DataMap | null = null;
	/** Told of every field an answer carried that plays no role of the map (a contact's token, or null for the admin). */
	onStray: (request: string, fields: string[], token: string | null) => void = () => undefined;

	readonly url: string;
	readonly adminToken: string;
	/** At most this many requests in flight: more only queue inside Directus and time out together. */
	private readonly maxInFlight: number;
	private inFlight = 0;
	private readonly waiting: (() => void)[] = [];

	constructor(url: string, adminToken: string, maxInFlight = 6) {
		this.url = url;
		this.adminToken = adminToken;
		this.maxInFlight = maxInFlight;
	}

	/**
	 * One request. Directus's pressure limiter sheds load with 503 "Under pressure" before handling a
	 * request at all: that says nothing about access, so such a request is sent again after a pause.
	 */
	async call(method: string, path: string, options: HttpOptions = {}): Promise<HttpAnswer> {
		for (let attempt = 1; ; attempt++) {
			const answer = await this.callOnce(method, path, options);
			if (answer.status !== 503 || !answer.text.includes('Under pressure') || attempt >= 8) return answer;
			this.retriedUnderPressure++;
			await new Promise((done) => setTimeout(done, 250 * attempt));
		}
	}

	private async callOnce(method: string, path: string, options: HttpOptions): Promise<HttpAnswer> {
		if (this.inFlight >= this.maxInFlight) await new Promise<void>((done) => this.waiting.push(done));
		this.inFlight++;
		const started = Date.now();
		try {
			return await this.send(method, path, options);
		} finally {
			if (this.profiling) {
				const shape = `${method} ${path
					.replace(/\d+|[0-9a-f-]{36}/g, 'N')
					.replace(/o[0-9a-z]+z[a-z]+N*q/g, 'WORD')
					.slice(0, 90)}${options.token === undefined ? ' (admin)' : ''}`;
				const entry = this.profile.get(shape) ?? { count: 0, ms: 0 };
				entry.count++;
				entry.ms += Date.now() - started;
				this.profile.set(shape, entry);
			}
			this.inFlight--;
			this.waiting.shift()?.();
		}
	}

	private async send(method: string, path: string, options: HttpOptions): Promise<HttpAnswer> {
		if (!this.map || options.stored || options.form) return this.sendAsIs(method, path, options);
		const map = this.map;
		const request = toStoredRequest(map, path, options.body);
		if (!request.object) return this.sendAsIs(method, path, options);
		const object = request.object;
		const answer = await this.sendAsIs(method, request.path, {
			...options,
			...(request.body === undefined ? {} : { body: request.body }),
		});
		if (answer.json === undefined) return answer;
		const token = options.token === undefined ? null : options.token;
		const json = appAnswer(map, object, request.path, answer.json, (fields) =>
			this.onStray(`${method} ${request.path}`, fields, token),
		);
		return { ...answer, json, text: JSON.stringify(json) };
	}

	private async sendAsIs(method: string, path: string, options: HttpOptions): Promise<HttpAnswer> {
		const token = options.token === undefined ? this.adminToken : options.token;
		const headers: Record<string, string> = {};
		if (token) headers['Authorization'] = `Bearer ${token}`;
		let body: string | FormData | undefined;
		if (options.form) body = options.form;
		else if (options.body !== undefined) {
			headers['Content-Type'] = 'application/json';
			body = JSON.stringify(options.body);
		}
		this.requests++;
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers,
			...(body === undefined ? {} : { body }),
			signal: AbortSignal.timeout(120_000),
		});
		if (options.discardBody && response.status !== 503) {
			await response.arrayBuffer();
			return { status: response.status, json: undefined, text: '' };
		}
		const text = await response.text();
		let json: unknown;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	}

	/** An admin call that must succeed; returns its `data`. */
	async admin<T>(method: string, path: string, body?: unknown, form?: FormData): Promise<T> {
		const answer = await this.call(method, path, {
			...(body === undefined ? {} : { body }),
			...(form ? { form } : {}),
		});
		if (answer.status >= 300)
			throw new Error(`Admin ${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 600)}`);
		return dataOf<T>(answer);
	}
}
