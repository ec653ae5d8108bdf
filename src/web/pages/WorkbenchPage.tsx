import { useState } from 'react';
import { Card, Col, Descriptions, Grid, Row, Skeleton, Statistic, Tag } from 'antd';
import { useMe } from '../session';
import { ItemTable } from '../components/supervision/ItemTable';
import { ItemDrawer } from '../components/supervision/ItemDrawer';
import { BranchSection } from '../components/workbench/BranchSection';
import { HeadSection } from '../components/workbench/HeadSection';
import { ItemFigures } from '../components/workbench/ItemFigures';
import { LeaderSection } from '../components/workbench/LeaderSection';
import { MyTasks } from '../components/workbench/MyTasks';
import { OfficeSection } from '../components/workbench/OfficeSection';
import { Reminders } from '../components/workbench/Reminders';
import { useMyOpenItems, useReviewItems } from '../queries/supervision';
import { useWorkbench } from '../queries/workbench';
import type { Workbench } from '../types';

/** Who I am and the unit's head counts: on a wide screen only (on a phone the tasks come first). */
function AboutMe({ data }: { data: Workbench }) {
  const me = useMe();
  const s = data.unitStats;
  return (
    <>
      <Col xs={24} lg={10}>
        <Card title="我的信息">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="姓名">{data.me.personName ?? data.me.displayName}</Descriptions.Item>
            <Descriptions.Item label="科室">{data.me.departmentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="职务">{data.me.position || '—'}</Descriptions.Item>
            <Descriptions.Item label="角色">
              {me.grants.map((g) => (
                <Tag key={g.id}>
                  {g.roleLabel}
                  {g.scopeType !== 'unit' ? `（${g.scopeName}）` : ''}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title="本单位概况">
          <Row gutter={16}>
            {(
              [
                ['在职人员', s.inService],
                ['在职党员', s.partyMembers],
                ['班子成员', s.leadership],
                ['科室（中心）', s.departments],
              ] as const
            ).map(([title, value]) => (
              <Col key={title} span={12} md={6}>
                <Statistic title={title} value={value} />
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
    </>
  );
}

/**
 * 工作台: the sections of each of the reader's roles (office, then leader, head, branch), then their
 * own tasks. On a phone the tasks come first, as cards; on a wide screen, as the 我承办的事项 table.
 */
export function WorkbenchPage() {
  const wide = Grid.useBreakpoint().md ?? true;
  const [open, setOpen] = useState<string | null>(null);
  const { data, isLoading } = useWorkbench();
  const mine = useMyOpenItems();
  // Only what this reader may review (domain/policies/item.reviewScope), whoever it is: the branch secretary reviews personal items.
  const review = useReviewItems();
  if (isLoading || !data) return <Skeleton active />;
  const s = data.sections;
  const count = (c: string) => (mine.data?.items ?? []).filter((i) => i.colour === c).length;
  const tasks = s.member && !wide && (
    <Col span={24}>
      <MyTasks member={s.member} onOpen={setOpen} />
    </Col>
  );
  // On a phone the tasks lead; an empty list does not push a leader's or the office's work down.
  const tasksFirst = !!s.member?.total || !(s.office || s.leader || s.head || s.branch);
  return (
    <Row gutter={[16, 16]}>
      {tasksFirst && tasks}
      {wide && <AboutMe data={data} />}
      {s.office && (
        <Col span={24}>
          <OfficeSection office={s.office} onOpen={setOpen} />
        </Col>
      )}
      {s.leader && (
        <Col span={24}>
          <LeaderSection leader={s.leader} onOpen={setOpen} />
        </Col>
      )}
      {s.head && (
        <Col span={24}>
          <HeadSection head={s.head} />
        </Col>
      )}
      {s.branch && (
        <Col span={24}>
          <BranchSection branch={s.branch} />
        </Col>
      )}
      {!tasksFirst && tasks}
      {!wide && (
        <Col span={24}>
          <Reminders onOpen={setOpen} />
        </Col>
      )}
      {!s.office && !s.leader && (
        // The office's and the leaders' sections already count their items; the same figures twice would not read in ten seconds.
        <Col span={24}>
          <ItemFigures figures={data.itemFigures} />
        </Col>
      )}
      {wide && (
        <Col xs={24} xxl={16}>
          <Card
            title="我承办的事项"
            data-testid="my-items"
            extra={
              mine.data &&
              mine.data.total > 0 && (
                <span>
                  <Tag color="red">逾期 {count('red')}</Tag>
                  <Tag color="gold">临期 {count('yellow')}</Tag>
                  <Tag color="green">正常 {count('green')}</Tag>
                </span>
              )
            }
          >
            <ItemTable
              items={mine.data?.items}
              loading={mine.isFetching}
              pagination={false}
              onOpen={(i) => setOpen(i.id)}
            />
          </Card>
        </Col>
      )}
      {wide && (
        <Col xs={24} xxl={8}>
          <Reminders onOpen={setOpen} />
        </Col>
      )}
      {(review.data?.total ?? 0) > 0 && (
        <Col span={24}>
          <Card title="待我复核的事项" data-testid="review-items">
            <ItemTable
              items={review.data?.items}
              loading={review.isFetching}
              pagination={false}
              onOpen={(i) => setOpen(i.id)}
            />
          </Card>
        </Col>
      )}
      <ItemDrawer id={open} onClose={() => setOpen(null)} />
    </Row>
  );
}
