import type { KeyboardEvent, MouseEvent } from 'react';
import { Modal, type ModalProps } from 'antd';

/** keyCode 229 is what browsers report for a key the IME is still handling (Safari sends no isComposing). */
const composing = (e: KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

/**
 * Whether an Enter keypress should submit the dialog: only in a single-line text input, never while an
 * IME is composing (Chinese is typed through one: its Enter picks the characters), never in a
 * TextArea (Enter is a newline there), a Select (Enter picks an option) or a date picker (Enter
 * confirms the typed date).
 */
export function entersSubmit(e: KeyboardEvent<HTMLElement>): boolean {
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || composing(e)) return false;
  const t = e.target as HTMLElement;
  if (!(t instanceof HTMLInputElement)) return false;
  if (!['text', 'search', 'password', 'number', 'email', 'tel', 'url'].includes(t.type)) return false;
  return !t.closest('.ant-select, .ant-picker, .ant-cascader, .ant-mentions');
}

/** Whether Esc should close the dialog: not while the IME composes, nor while a list or a calendar inside is open (that closes first). */
function escapeCloses(e: KeyboardEvent<HTMLElement>): boolean {
  if (e.key !== 'Escape' || composing(e)) return false;
  const t = e.target as HTMLElement;
  if (t.getAttribute?.('aria-expanded') === 'true') return false;
  return !(
    t.closest?.('.ant-picker') && document.querySelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
  );
}

/**
 * Every dialog with a form: Enter in a single-line field submits it the way its OK button does (the
 * OK handler validates, so an invalid form only shows its errors), Esc closes it. One component, so
 * the behaviour is the same in every dialog.
 *
 * Esc is handled here too, not only by antd: antd closes only the modal on top of its stack, and a
 * hidden `forceRender` modal (mounted later, e.g. inside a drawer) stays on that stack and
 * swallows the Esc meant for the open one.
 */
export function FormModal({ children, onOk, onCancel, okButtonProps, confirmLoading, wrapProps, ...rest }: ModalProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (onCancel && escapeCloses(e)) {
      // Stops antd's own window listener too, so the dialog is not closed twice.
      e.stopPropagation();
      onCancel(e as unknown as MouseEvent<HTMLButtonElement>);
      return;
    }
    if (!onOk || !entersSubmit(e)) return;
    // Also stops the browser's implicit submission of a <form> with a single input.
    e.preventDefault();
    if (okButtonProps?.disabled || confirmLoading) return;
    onOk(e as unknown as MouseEvent<HTMLButtonElement>);
  };
  return (
    <Modal
      {...rest}
      onOk={onOk}
      onCancel={onCancel}
      okButtonProps={okButtonProps}
      confirmLoading={confirmLoading}
      keyboard
      wrapProps={{ ...wrapProps, onKeyDown }}
    >
      {children}
    </Modal>
  );
}
