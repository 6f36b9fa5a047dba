import { type ComponentType, useEffect, useState } from 'react';
import { afterFirstDiagram } from '../afterFirstDiagram';
import { loadOnce } from '../document/loadOnce';
import { ModalDialog } from '../ui/ModalDialog';

// The dialog's body is a chunk of its own, with the compressor the links need (fflate), which no page needs for
// its first diagram. It loads once the first diagram is up and the page idle, so it is there, drawn at once,
// when the user opens the dialog (a keyboard user's first Tab lands in it); opened sooner, it loads then.
const body = loadOnce<ComponentType>(() => import('./ShareBody').then((m) => m.default));
void afterFirstDiagram().then(body.load);

function ShareContent() {
  const [Loaded, setLoaded] = useState<ComponentType | null>(body.loaded);
  useEffect(() => {
    if (!Loaded) void body.load().then((b) => setLoaded(() => b));
  }, [Loaded]);
  if (!Loaded)
    return <p className="px-5 py-4 text-[13px] text-slate-600 dark:text-slate-300">Preparing the links…</p>;
  return <Loaded />;
}

/** Share and export: permalink, iframe and web-component snippets, SVG, PNG and the model. */
export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  // The body (compressing the model, building links) exists only while the dialog is open.
  return (
    <ModalDialog
      id="share"
      title="Share and export"
      open={open}
      onClose={onClose}
      width="w-[min(680px,94vw)]"
    >
      <ShareContent />
    </ModalDialog>
  );
}
