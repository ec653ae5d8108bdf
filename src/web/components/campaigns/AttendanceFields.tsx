import { Col, Form, Row } from 'antd';
import { ATTENDANCE_STATUSES, type AttendanceStatusCode } from '../../../shared/contracts/campaign-activities';
import { PeopleSelect } from '../PeopleSelect';

const FIELD = (s: AttendanceStatusCode) => `attendance_${s}`;

/**
 * 出勤情况 of a meeting whose kind records it (党组会, 局长办公会, 干部职工会): who was present, late,
 * left early, absent with leave or without. Participants and absentees follow from it on the server.
 */
export function AttendanceFields() {
  return (
    <Row gutter={12} data-testid="attendance-fields">
      {(Object.entries(ATTENDANCE_STATUSES) as [AttendanceStatusCode, string][]).map(([status, label]) => (
        <Col span={status === 'present' ? 24 : 12} key={status}>
          <Form.Item name={FIELD(status)} label={label}>
            <PeopleSelect />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** The form's attendance fields as the API takes them; a person chosen twice is left for the server to refuse. */
export function attendanceOf(v: Record<string, unknown>) {
  return (Object.keys(ATTENDANCE_STATUSES) as AttendanceStatusCode[]).flatMap((status) =>
    ((v[FIELD(status)] as string[] | undefined) ?? []).map((personId) => ({ personId, status })),
  );
}

/** The form's fields of a recorded attendance (for 更正): the people of each status. */
export function attendanceValuesOf(marks: readonly { personId: string; status: AttendanceStatusCode }[]) {
  return Object.fromEntries(
    (Object.keys(ATTENDANCE_STATUSES) as AttendanceStatusCode[]).map((status) => [
      FIELD(status),
      marks.filter((m) => m.status === status).map((m) => m.personId),
    ]),
  );
}
