import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../../src/markdown/render-markdown.ts';

describe('Markdown as contacts read it', () => {
	test('Renders what staff write: emphasis, lists, code, links that open apart with no referrer', () => {
		const html = renderMarkdown('**Fixed** in [the release](https://example.com/notes).\n\n- one\n- two\n\n`npm ci`');
		expect(html).toContain('<strong>Fixed</strong>');
		expect(html).toContain(
			'<a href="https://example.com/notes" target="_blank" rel="noopener noreferrer nofollow">the release</a>',
		);
		expect(html).toContain('<li>one</li>');
		expect(html).toContain('<code>npm ci</code>');
	});

	test('Keeps the writer’s line breaks and makes bare addresses links', () => {
		expect(renderMarkdown('Line one\nline two')).toBe('<p>Line one<br>\nline two</p>\n');
		expect(renderMarkdown('See https://example.com/a')).toContain('<a href="https://example.com/a"');
	});

	test.each([
		['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
		['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
		['<a href="javascript:alert(1)">x</a>', '&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;'],
		['<iframe src="x"></iframe>', '&lt;iframe src=&quot;x&quot;&gt;&lt;/iframe&gt;'],
	])('Shows HTML of the writer’s own as text: %s', (source, shown) => {
		expect(renderMarkdown(source)).toContain(shown);
		expect(renderMarkdown(source)).not.toMatch(/<(script|img|a |iframe)/);
	});

	test.each(['[x](javascript:alert(1))', '[x](vbscript:msgbox(1))', '[x](data:text/html;base64,PHNjcmlwdD4=)'])(
		'Makes no link of a script address: %s',
		(source) => {
			expect(renderMarkdown(source)).not.toContain('<a ');
		},
	);

	test('Loads no image from elsewhere: an image is a link to it, or its words', () => {
		const html = renderMarkdown('![pixel](https://tracker.example/p.gif) ![x](javascript:alert(1))');
		expect(html).not.toContain('<img');
		expect(html).toContain('<a href="https://tracker.example/p.gif"');
		expect(html).toContain('>pixel</a>');
	});

	test('Keeps right-to-left and non-Latin text, and a long unbroken address, as they are', () => {
		const url = `https://files.example.com/${'a'.repeat(300)}`;
		expect(renderMarkdown(`مرحبا **بك** ${url}`)).toContain('مرحبا <strong>بك</strong>');
		expect(renderMarkdown(url)).toContain(`href="${url}"`);
	});
});
