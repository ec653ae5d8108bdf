import { Image, Space, Typography } from 'antd';
import type { TArticle } from '../../../../shared/contracts/assessment-recognition';

/** An article as readers see it: title, date, paragraphs (one a line, shown as text: React escapes) and photos. */
export function ArticleView({ a, level = 3 }: { a: TArticle; level?: 3 | 4 }) {
  return (
    <article data-testid="article-view">
      <Typography.Title level={level} style={{ marginTop: 0 }}>
        {a.title}
      </Typography.Title>
      {a.publishedOn && <Typography.Text type="secondary">{a.publishedOn}</Typography.Text>}
      {a.body
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <Typography.Paragraph key={i} style={{ textIndent: '2em', marginTop: 8 }}>
            {p}
          </Typography.Paragraph>
        ))}
      {a.photos.length > 0 && (
        <Space wrap>
          {a.photos.map((f) => (
            <Image key={f.id} width={200} src={`/api/assessment/articles/${a.id}/photos/${f.id}`} alt={f.fileName} />
          ))}
        </Space>
      )}
    </article>
  );
}
