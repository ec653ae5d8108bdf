import { Alert, Card, Empty, Input, List, Pagination, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import {
  SEARCH_KIND_LABELS,
  SEARCH_KINDS,
  type SearchKind,
  type TSearchHit,
  type TSearchResult,
} from '../../shared/contracts/search';
import { Highlighted } from '../components/search/Highlighted';
import { useSearch } from '../queries/search';

const isKind = (k: string | null): k is SearchKind => !!k && (SEARCH_KINDS as readonly string[]).includes(k);

/**
 * 检索 (issue 19): one search over the unit's records — items, activities, rules, 谈话函询 and the kinds the
 * assessment adds — each kind answering only what its own policy lets this reader see. The words, the kind,
 * the tags and the page are kept in the address (`/search?q=…&kind=…&tags=…&page=…`).
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const kind = isKind(params.get('kind')) ? (params.get('kind') as SearchKind) : undefined;
  const tags = (params.get('tags') ?? '').split(',').filter((t) => t !== '');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, isFetching, error } = useSearch({ q, kind, tags, page });
  const set = (next: Record<string, string | undefined>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(next)) {
        if (v) p.set(k, v);
        else p.delete(k);
      }
      if (!('page' in next)) p.delete('page');
      return p;
    });
  return (
    <Card title="检索">
      {/* A column the width of the card: a wide row (the kinds) scrolls inside it on a phone. */}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Input.Search
            key={q}
            aria-label="检索词"
            defaultValue={q}
            allowClear
            enterButton="搜索"
            maxLength={100}
            placeholder="输入要查找的词，多个词用空格分开"
            style={{ width: 420, maxWidth: '100%' }}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
          <Select
            mode="tags"
            aria-label="按标签筛选"
            placeholder="按标签筛选（如 类别、制度类别）"
            style={{ minWidth: 260 }}
            value={tags}
            maxCount={10}
            onChange={(v: string[]) =>
              set({
                tags: v
                  .map((t) => t.replace(/,/g, '').trim())
                  .filter(Boolean)
                  .join(','),
              })
            }
            open={false}
            suffixIcon={null}
          />
        </div>
        {!q ? (
          <Empty description="请输入要查找的词：在您有权查看的督办事项、活动记录、制度等记录中查找" />
        ) : error ? (
          <Alert type="error" showIcon message={error.message} />
        ) : !data ? (
          <Spin />
        ) : (
          <Results
            data={data}
            kind={kind}
            onKind={(k) => set({ kind: k })}
            onPage={(p) => set({ page: String(p) })}
            onTag={(t) => !tags.includes(t) && set({ tags: [...tags, t].join(',') })}
          />
        )}
        {isFetching && data && <Spin size="small" />}
      </div>
    </Card>
  );
}

function Results(props: {
  data: TSearchResult;
  kind: SearchKind | undefined;
  onKind: (k: SearchKind | undefined) => void;
  onPage: (p: number) => void;
  onTag: (tag: string) => void;
}) {
  const { data, kind } = props;
  const kinds = SEARCH_KINDS.filter((k) => data.counts[k] !== undefined);
  const all = kinds.reduce((n, k) => n + (data.counts[k] ?? 0), 0);
  const count = (k: SearchKind) => `${data.counts[k]}${data.capped.includes(k) ? '+' : ''}`;
  return (
    <>
      {/* On a phone the kinds scroll sideways rather than widen the page. */}
      <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <Segmented
          aria-label="按类别筛选"
          value={kind ?? 'all'}
          onChange={(v) => props.onKind(v === 'all' ? undefined : (v as SearchKind))}
          options={[
            { value: 'all', label: `全部 ${all}${data.capped.length ? '+' : ''}` },
            ...kinds.map((k) => ({ value: k, label: `${SEARCH_KIND_LABELS[k]} ${count(k)}` })),
          ]}
        />
      </div>
      {data.capped.length > 0 && (
        <Typography.Text type="secondary">
          {data.capped.map((k) => SEARCH_KIND_LABELS[k]).join('、')}的结果较多，仅列出最近的{' '}
          {data.counts[data.capped[0]!]} 条，请加词缩小范围。
        </Typography.Text>
      )}
      {data.total === 0 ? (
        <Empty
          description={`未找到包含「${data.words.join(' ')}」的记录（已检索：${data.searched.map((k) => SEARCH_KIND_LABELS[k]).join('、')}；仅含您有权查看的记录）`}
        />
      ) : (
        <>
          {groups(data.items).map(([k, hits]) => (
            <div key={k} data-testid={`search-group-${k}`}>
              <Typography.Title level={5} style={{ marginTop: 8 }}>
                {SEARCH_KIND_LABELS[k]}
              </Typography.Title>
              <List
                size="small"
                bordered
                dataSource={hits}
                renderItem={(h) => <Hit hit={h} words={data.words} onTag={props.onTag} />}
              />
            </div>
          ))}
          <Pagination
            align="end"
            current={data.page}
            pageSize={data.pageSize}
            total={data.total}
            showSizeChanger={false}
            showTotal={(n) => `共 ${n} 条`}
            onChange={props.onPage}
          />
        </>
      )}
    </>
  );
}

/** The page's hits by kind, in the order of SEARCH_KINDS (newest first within a kind, as the server sorted). */
function groups(hits: TSearchHit[]): [SearchKind, TSearchHit[]][] {
  return SEARCH_KINDS.map((k) => [k, hits.filter((h) => h.kind === k)] as [SearchKind, TSearchHit[]]).filter(
    ([, hs]) => hs.length > 0,
  );
}

/** One record found: its title opens it; a click on a tag narrows the search to that tag. */
function Hit({ hit, words, onTag }: { hit: TSearchHit; words: string[]; onTag: (tag: string) => void }) {
  return (
    <List.Item extra={hit.date && <Typography.Text type="secondary">{hit.date}</Typography.Text>}>
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            <Link to={hit.link}>
              <Highlighted text={hit.title} words={words} />
            </Link>
            {hit.tags.map((t) => (
              <Tag key={t} title="按此标签筛选" style={{ cursor: 'pointer' }} onClick={() => onTag(t)}>
                {t}
              </Tag>
            ))}
          </Space>
        }
        description={hit.snippet && <Highlighted text={hit.snippet} words={words} />}
      />
    </List.Item>
  );
}
