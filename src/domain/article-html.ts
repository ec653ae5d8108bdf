/**
 * A published article as a self-contained web page for the unit's website or 公众号: every text it carries is
 * HTML-escaped (a title `<script>` reads as text), paragraphs follow the body's line breaks, and the page allows
 * no script at all (a Content-Security-Policy meta). Images are named relative paths inside the exported zip. Pure.
 */

/** `&`, `<`, `>`, `"` and `'` as entities: the text can go inside an element or a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface ArticlePage {
  title: string;
  body: string;
  unitName: string;
  /** Shanghai date YYYY-MM-DD. */
  publishedOn: string;
  /** Paths inside the zip (e.g. images/1.jpg) with the original file names as alt text. */
  images: { path: string; alt: string }[];
}

/** The body's paragraphs: split at line breaks, blank lines dropped. */
export const paragraphsOf = (body: string) =>
  body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);

export function articleHtml(a: ArticlePage): string {
  const paragraphs = paragraphsOf(a.body).map((p) => `<p>${escapeHtml(p)}</p>`);
  const images = a.images.map((i) => `<figure><img src="${escapeHtml(i.path)}" alt="${escapeHtml(i.alt)}"></figure>`);
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(a.title)}</title>`,
    '<style>body{max-width:720px;margin:2em auto;padding:0 1em;font:17px/1.8 sans-serif}img{max-width:100%}' +
      '.meta{color:#888}</style>',
    '</head>',
    '<body>',
    '<article>',
    `<h1>${escapeHtml(a.title)}</h1>`,
    `<p class="meta">${escapeHtml(a.unitName)}\u3000${escapeHtml(a.publishedOn)}</p>`,
    ...paragraphs,
    ...images,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
