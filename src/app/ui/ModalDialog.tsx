import { type ReactNode, useRef } from 'react';
import { CloseButton } from './CloseButton';
import { useModalDialog } from './useModalDialog';

/**
 * A native modal <dialog> with a titled header and a close button (focus trap and Esc come with it). Its body
 * is rendered only while open, so a closed dialog costs nothing.
 */
export function ModalDialog({
  id,
  title,
  open,
  onClose,
  width,
  children,
}: {
  /** Prefix of the title's element id. */
  id: string;
  title: string;
  open: boolean;
  onClose: () => void;
  /** Tailwind width class, e.g. `w-[min(680px,94vw)]`. */
  width: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref, open);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      className={`m-auto ${width} rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3 dark:border-slate-700">
        <h2 id={`${id}-title`} className="text-[15px] font-semibold">
          {title}
        </h2>
        <CloseButton label="Close" onClick={onClose} />
      </div>
      {open ? children : null}
    </dialog>
  );
}
