import { Button, Space, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { TAdmonition } from '../../../shared/contracts/discipline-admonitions';
import { upload } from '../../api';
import { useAction, useDownload } from '../useWrite';

/** A record's files: every reader of the record downloads them; the staff upload while it is open (`can.attach`). */
export function AdmonitionFiles({ a }: { a: TAdmonition }) {
  const attach = useAction(['admonitions']);
  const downloadOrToast = useDownload();
  return (
    <Space orientation="vertical" size={0}>
      {a.files.length === 0 && !a.can.attach && '—'}
      {a.files.map((f) => (
        <a key={f.id} onClick={() => downloadOrToast(`/api/discipline/admonition-files/${f.id}`, f.fileName)}>
          <PaperClipOutlined /> {f.fileName}
        </a>
      ))}
      {a.can.attach && (
        <Upload
          showUploadList={false}
          accept=".pdf,.ofd,.doc,.docx,.jpg,.jpeg,.png"
          beforeUpload={(file) => {
            void attach(
              () => upload(`/api/discipline/admonitions/${a.id}/files`, file, () => undefined),
              '附件已上传',
              '上传失败',
            );
            return false;
          }}
        >
          <Button size="small" type="link">
            上传附件
          </Button>
        </Upload>
      )}
    </Space>
  );
}
