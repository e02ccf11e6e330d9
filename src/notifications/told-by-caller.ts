/**
 * Writes whose mails to contacts their caller queues itself, where the hooks would mail each write apart: a staff
 * reply that also sets the ticket's state is one mail, not the reply's and then the state's. Such writes are made
 * with an accountability of their own, marked here; Directus hands that same object to its actions, where the
 * hooks that mail contacts (`isToldByCaller`) leave them alone. Per process, as the caller and the actions of its
 * writes run in the process of the request.
 */
const marked = new WeakSet<object>();

/** A copy of `accountability` whose writes the hooks do not tell contacts of. */
export function toldByCaller<A extends object>(accountability: A): A {
	const writer = { ...accountability };
	marked.add(writer);
	return writer;
}

export function isToldByCaller(accountability: unknown): boolean {
	return typeof accountability === 'object' && accountability !== null && marked.has(accountability);
}
