import { useEffect, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { AppState } from '../store';
import { openFiles } from './importFiles';
import { forgetModelInUrl } from './loaders';
import { loadValidator } from './validator';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.closest('input, textarea, select, [contenteditable="true"], .cm-editor') !== null);

/**
 * A model file dropped anywhere on the page, or JSON pasted anywhere outside an editable field, is loaded;
 * several files dropped at once (openstack and kubectl output) are imported.
 * Returns whether a file is being dragged over the page (to show the drop target).
 */
export function useDropAndPaste(store: StoreApi<AppState>): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      // One model loads; several files (or one of openstack or kubectl output) are imported.
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length > 0) void openFiles(store, files);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!/^\s*[{[]/.test(text)) return;
      e.preventDefault();
      void loadValidator().then(() => {
        store.getState().loadText(text, { kind: 'paste', label: 'pasted JSON', key: 'paste' });
        forgetModelInUrl();
      });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
    };
  }, [store]);
  return dragging;
}
