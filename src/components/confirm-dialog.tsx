/** A modal yes/no question: focus moves in, Escape cancels, focus returns after. */

import { useEffect, useId, useRef } from 'react';

export interface ConfirmDialogProps {
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ message, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const messageId = useId();
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    cancelButton.current?.focus();
    return () => opener?.focus?.();
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-describedby={messageId}
        aria-labelledby={messageId}
        className="dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      >
        <p id={messageId}>{message}</p>
        <div className="dialog__actions">
          <button ref={cancelButton} type="button" className="button button--secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
