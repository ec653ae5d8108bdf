import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleHtml, escapeHtml, paragraphsOf } from './article-html.js';

const page = (title: string, body: string, alt = 'a.jpg') =>
  articleHtml({
    title,
    body,
    unitName: '示例县民政局',
    publishedOn: '2026-11-30',
    images: [{ path: 'images/1.jpg', alt }],
  });

describe('the exported article page', () => {
  it('shows a title <script> as text, never as a tag', () => {
    const html = page('<script>alert(1)</script>', '正文<img src=x onerror=alert(1)>\n第二段');
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<p>正文&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).toContain('<p>第二段</p>');
    expect(html).toContain("default-src 'none'");
  });

  it('for any text, the page holds no tag but its own and no unescaped quote in an attribute', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (title, body, alt) => {
        const html = page(title, body, alt);
        const tags = [...html.matchAll(/<\/?([a-zA-Z0-9!]+)/g)].map((m) => m[1]!.toLowerCase());
        const own = new Set([
          '!doctype',
          'html',
          'head',
          'meta',
          'title',
          'style',
          'body',
          'article',
          'h1',
          'p',
          'figure',
          'img',
        ]);
        expect(tags.every((t) => own.has(t))).toBe(true);
        expect(escapeHtml(alt)).not.toMatch(/["'<>]/);
      }),
    );
  });

  it('keeps every non-blank line of the body as a paragraph', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1 }).filter((s) => !/[\r\n]/.test(s) && s.trim() !== '')),
        (lines) => {
          expect(paragraphsOf(lines.join('\n'))).toEqual(lines.map((l) => l.trim()));
        },
      ),
    );
  });
});
