import { useState } from 'react';
import { Card, Divider, Empty, Pagination, Spin } from 'antd';
import { useNews } from '../queries/recognition';
import { ArticleView } from '../components/assessment/recognition/ArticleView';

/** 工作动态: the unit's published articles, newest first, ten a page — for everyone in the unit. */
export function NewsPage() {
  const [page, setPage] = useState(1);
  const { data, isLoading } = useNews(page);
  return (
    <Card title="工作动态" data-testid="news-page">
      {isLoading && <Spin />}
      {data && data.total === 0 && <Empty description="尚未发布工作动态" />}
      {data?.items.map((a, i) => (
        <div key={a.id}>
          {i > 0 && <Divider />}
          <ArticleView a={a} level={4} />
        </div>
      ))}
      {data && data.total > 10 && (
        <Pagination style={{ marginTop: 16 }} current={page} pageSize={10} total={data.total} onChange={setPage} />
      )}
    </Card>
  );
}
