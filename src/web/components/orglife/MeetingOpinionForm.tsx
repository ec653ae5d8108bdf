import { useState } from 'react';
import { Button, Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { opinionsApi } from '../../../shared/api/opinions';
import { orglifeApi } from '../../../shared/api/orglife';
import { call } from '../../call';
import { useOpinionForms } from '../../queries/opinions';
import { shanghaiToday } from '../../time';
import { useAction } from '../useWrite';
import type { Meeting } from './types';
import { FormModal } from '../FormModal';

/** The meeting's settings as they are, with another opinion form (the settings endpoint takes them all). */
const settingsWith = (m: Meeting, formId: string) => ({
  campaignId: m.campaignId,
  formId,
  title: m.title,
  plannedOn: m.plannedOn,
  place: m.place,
  minAttendancePct: m.minAttendancePct,
  leaderMax: m.leaderMax,
  committeeWithEachMember: m.committeeWithEachMember,
  version: m.version,
});

/**
 * 问题征求意见表 from the meeting page: create one (its questions from the meeting's campaign, open
 * until the planned date) or link an existing one, through the opinion forms' and the meeting's own
 * endpoints. Shown while the meeting is prepared and has no form.
 */
export function MeetingOpinionForm({ meeting }: { meeting: Meeting }) {
  const act = useAction(['org-life'], ['opinion-forms']);
  const [linking, setLinking] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const forms = useOpinionForms(linking);
  if (meeting.formId)
    return (
      <Typography.Text>
        已关联征求意见表，<Link to="/opinions">到“征求意见”发布和分发</Link>
      </Typography.Text>
    );
  if (!meeting.can.edit) return null;
  const link = (formId: string) =>
    call(orglifeApi.updateMeeting, { params: { id: meeting.id }, body: settingsWith(meeting, formId) });
  const create = () =>
    act(async () => {
      const today = shanghaiToday();
      const form = await call(opinionsApi.createForm, {
        body: {
          campaignId: meeting.campaignId,
          title: `${meeting.title}问题征求意见表`,
          intro: '',
          questions: [],
          opensOn: today,
          closesOn: meeting.plannedOn < today ? today : meeting.plannedOn,
        },
      });
      await link(form.id);
    }, '已创建并关联征求意见表，请到“征求意见”发布和分发');
  return (
    <Space wrap>
      <Button size="small" type="primary" onClick={create}>
        创建征求意见表
      </Button>
      <Button size="small" onClick={() => setLinking(true)}>
        关联已有意见表
      </Button>
      <FormModal
        title="关联已有征求意见表"
        open={linking}
        okText="关联"
        cancelText="取消"
        okButtonProps={{ disabled: !chosen }}
        onCancel={() => setLinking(false)}
        onOk={async () => {
          if (chosen && (await act(() => link(chosen), '已关联征求意见表'))) setLinking(false);
        }}
      >
        <Select
          aria-label="征求意见表"
          style={{ width: '100%' }}
          loading={forms.isLoading}
          value={chosen}
          onChange={setChosen}
          options={(forms.data ?? []).map((f) => ({ value: f.id, label: f.title }))}
          notFoundContent="本单位还没有征求意见表"
        />
      </FormModal>
    </Space>
  );
}
