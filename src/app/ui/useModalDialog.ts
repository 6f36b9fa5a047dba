import { type RefObject, useEffect } from 'react';

/** Opens a native <dialog> as modal when `open` is true (focus trap and Esc come with it), closes it otherwise. */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [ref, open]);
}
