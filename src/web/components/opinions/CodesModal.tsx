import { Button, Space } from 'antd';
import { slipsKey } from '../../pages/OpinionSlipsPage';
import { FormModal } from '../FormModal';

/** A batch of single-use codes just made for a distribution. */
export type IssuedCodes = { distributionId: string; codes: string[] };

/** The codes of a new batch, shown once: exported as CSV or printed as slips. */
export function CodesModal({
  codes,
  formId,
  title,
  onClose,
}: {
  codes: IssuedCodes | null;
  formId: string | undefined;
  title: string;
  onClose: () => void;
}) {
  return (
    <FormModal
      title={`填写码（共 ${codes?.codes.length ?? 0} 个，仅此一次显示，请打印或导出后发放）`}
      open={!!codes}
      onCancel={onClose}
      width={640}
      footer={
        <Space>
          <Button onClick={() => saveCodes(codes!.codes, title)}>导出（.csv）</Button>
          <Button
            type="primary"
            onClick={() => {
              localStorage.setItem(slipsKey(codes!.distributionId), JSON.stringify(codes!.codes));
              window.open(`/opinions/${formId}/slips/${codes!.distributionId}`, '_blank');
            }}
          >
            打印纸条
          </Button>
        </Space>
      }
    >
      <div
        data-testid="codes"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(4, 1fr)',
          gap: 8,
          fontFamily: 'monospace',
          fontSize: 16,
        }}
      >
        {codes?.codes.map((c) => (
          <div key={c} style={{ border: '1px dashed #999', padding: 6, textAlign: 'center' }}>
            {c}
          </div>
        ))}
      </div>
    </FormModal>
  );
}

/** The batch as a CSV file made in the browser (the server keeps only hashes and never shows the codes again). */
function saveCodes(codes: string[], title: string) {
  const blob = new Blob(['\ufeff填写码\n', codes.join('\n'), '\n'], { type: 'text/csv;charset=utf-8' });
  const a = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(blob),
    download: `${title || '征求意见表'}填写码.csv`,
  });
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(a.href);
}
