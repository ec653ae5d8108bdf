import { Input, type ModalFuncProps } from 'antd';

/** Asks for the reason of a withdrawal (nothing is deleted, so every withdrawal has a reason). */
export function reasonModal(title: string, onOk: (reason: string) => Promise<void>): ModalFuncProps {
  let reason = '';
  return {
    title,
    content: (
      <Input.TextArea
        autoFocus
        rows={3}
        maxLength={200}
        placeholder="请填写原因（必填）"
        onChange={(e) => (reason = e.target.value)}
      />
    ),
    okText: '确定',
    cancelText: '取消',
    onOk: () => onOk(reason.trim()),
  };
}
