/** The action whose text the ask form collects, and the form's title; null while the form is closed. */
export type Ask = {
  action: 'submit' | 'return' | 'withdraw' | 'reopen' | 'report' | 'extension' | 'chase';
  title: string;
} | null;

/** The field each action asks for, and its label. */
export const ASKS: Record<NonNullable<Ask>['action'], { field: string; label: string }> = {
  submit: { field: 'result', label: '办理结果' },
  return: { field: 'reason', label: '退回原因' },
  withdraw: { field: 'reason', label: '撤销原因' },
  reopen: { field: 'reason', label: '重新打开的原因' },
  report: { field: 'text', label: '进展情况' },
  extension: { field: 'reason', label: '延期原因（特殊情况）' },
  chase: { field: 'message', label: '催办内容' },
};
