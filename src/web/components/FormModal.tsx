import type { KeyboardEvent, MouseEvent } from 'react';
import { Modal, type ModalProps } from 'antd';

/**
 * Whether an Enter keypress should submit the dialog: only in a single-line text input, never while an
 * IME is composing (Chinese is typed through one: its Enter picks the characters), never in a
 * TextArea (Enter is a newline there), a Select (Enter picks an option) or a date picker (Enter
 * confirms the typed date).
 */
export function entersSubmit(e: KeyboardEvent<HTMLElement>): boolean {
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return false;
  // keyCode 229 is what browsers report for a key the IME is still handling (Safari sends no isComposing).
  if (e.nativeEvent.isComposing || e.keyCode === 229) return false;
  const t = e.target as HTMLElement;
  if (!(t instanceof HTMLInputElement)) return false;
  if (!['text', 'search', 'password', 'number', 'email', 'tel', 'url'].includes(t.type)) return false;
  return !t.closest('.ant-select, .ant-picker, .ant-cascader, .ant-mentions');
}

/**
 * Every dialog with a form: Enter in a single-line field submits it the way its OK button does (the
 * OK handler validates, so an invalid form only shows its errors), Esc closes it (antd's keyboard
 * default, forced on so no dialog can drift from it). One component, so the behaviour is the same
 * in every dialog.
 */
export function FormModal({ children, onOk, okButtonProps, confirmLoading, ...rest }: ModalProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!onOk || !entersSubmit(e)) return;
    // Also stops the browser's implicit submission of a <form> with a single input.
    e.preventDefault();
    if (okButtonProps?.disabled || confirmLoading) return;
    onOk(e as unknown as MouseEvent<HTMLButtonElement>);
  };
  return (
    <Modal {...rest} onOk={onOk} okButtonProps={okButtonProps} confirmLoading={confirmLoading} keyboard>
      <div onKeyDown={onKeyDown}>{children}</div>
    </Modal>
  );
}
