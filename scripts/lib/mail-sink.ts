/**
 * A real SMTP server on this machine, for the tests and for `npm start`'s demo: Directus sends through
 * it with its own mailer, and every message lands as an .eml file in a folder, where a test worker (or
 * a person) can read it back. Addresses starting with "bounce" are refused (550), as a mailbox that
 * does not exist.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailSink {
	port: number;
	folder: string;
	stop(): Promise<void>;
}

export async function startMailSink(folder: string, port = 0): Promise<MailSink> {
	await mkdir(folder, { recursive: true });
	let received = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		// Like a real server with no such mailbox: an address whose name starts with "bounce" is refused for good.
		onRcptTo(address, _session, done) {
			if (/^bounce/i.test(address.address)) {
				const refusal = Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 });
				done(refusal);
				return;
			}
			done();
		},
		onData(stream, _session, done) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				received += 1;
				writeFile(join(folder, `${Date.now()}-${String(received).padStart(6, '0')}.eml`), Buffer.concat(chunks)).then(
					() => done(),
					done,
				);
			});
		},
	});
	// A sender that goes away in the middle of a message (a Directus stopped while it sends) leaves a reset
	// connection; smtp-server reports it as an error event, which would otherwise end the test process. The
	// message is not stored, as with a real server, and the sender's outbox tries again.
	server.on('error', () => undefined);
	await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
	const address = server.server.address();
	if (typeof address !== 'object' || !address) throw new Error('The mail sink did not get a port');
	return { port: address.port, folder, stop: () => new Promise((done) => server.close(() => done())) };
}

export interface ReceivedMail {
	to: string[];
	subject: string;
	text: string;
	html: string;
	file: string;
}

async function readAll(folder: string): Promise<ReceivedMail[]> {
	const files = (await readdir(folder)).filter((file) => file.endsWith('.eml')).sort();
	const mails: ReceivedMail[] = [];
	for (const file of files) {
		const parsed = await simpleParser(await readFile(join(folder, file)));
		const to = (parsed.to === undefined ? [] : [parsed.to].flat()).flatMap((address) =>
			address.value.map((value) => (value.address ?? '').toLowerCase()),
		);
		mails.push({
			to,
			subject: parsed.subject ?? '',
			text: parsed.text ?? '',
			html: typeof parsed.html === 'string' ? parsed.html : '',
			file,
		});
	}
	return mails;
}

/** Every message sent to `address` so far, oldest first. */
export async function mailsTo(folder: string, address: string): Promise<ReceivedMail[]> {
	return (await readAll(folder)).filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** Waits until `count` messages to `address` have arrived and returns the newest. */
export async function waitForMail(
	folder: string,
	address: string,
	{ count = 1, timeoutMs = 20_000 } = {},
): Promise<ReceivedMail> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const mails = await mailsTo(folder, address);
		const newest = mails.at(-1);
		if (mails.length >= count && newest) return newest;
		if (Date.now() > deadline)
			throw new Error(
				`No ${count === 1 ? 'message' : `${count} messages`} to ${address} within ${timeoutMs} ms (got ${mails.length})`,
			);
		await new Promise((done) => setTimeout(done, 100));
	}
}
