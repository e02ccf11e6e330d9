/**
 * Markdown as staff write it in the studio (and contacts in the portal), as safe HTML for the portal's pages and
 * mails: no HTML of the writer's own (it shows as text), links only to web and mail addresses (markdown-it drops
 * `javascript:` and the like) opening apart from the portal with no referrer, bare addresses made links, a line
 * break where the writer broke the line, and no image loaded from elsewhere (a tracking pixel): an image is
 * a link to it.
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

const safeHref = (href: string) => /^(https?:|mailto:)/i.test(href);

markdown.renderer.rules['link_open'] = (tokens, index, options, _env, renderer) => {
	const token = tokens[index];
	if (token) {
		token.attrSet('target', '_blank');
		token.attrSet('rel', 'noopener noreferrer nofollow');
	}
	return renderer.renderToken(tokens, index, options);
};

markdown.renderer.rules['image'] = (tokens, index, options, env, renderer) => {
	const token = tokens[index];
	const src = String(token?.attrGet('src') ?? '');
	const alt = String(renderer.renderInlineAsText(token?.children ?? [], options, env)) || src;
	const text = markdown.utils.escapeHtml(alt);
	return safeHref(src)
		? `<a href="${markdown.utils.escapeHtml(src)}" target="_blank" rel="noopener noreferrer nofollow">${text}</a>`
		: text;
};

export function renderMarkdown(text: string): string {
	return markdown.render(text);
}
