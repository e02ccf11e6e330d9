/** The media type without parameters ("text/plain; charset=utf-8" -> "text/plain"), lower-cased. */
export function mediaType(contentType: unknown): string {
	return typeof contentType === 'string' ? (contentType.split(';')[0] ?? '').trim().toLowerCase() : '';
}
