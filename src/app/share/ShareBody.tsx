// The Share dialog's body, a chunk of its own: it compresses the model (fflate) and builds the links and
// snippets, none of which a page needs until the dialog opens.

import { useMemo, useState } from 'react';
import { MAX_LINK_LENGTH } from '../../model/limits';
import { encodeShare } from '../../model/share';
import type { Scene } from '../../topology/scene';
import { layoutFor, sceneFor, useCollapsed } from '../derived';
import { fittedHeight } from '../diagram/viewport';
import { useResolvedTheme } from '../settings/useTheme';
import { useApp, useAppStore } from '../store';
import { buttonClass } from '../ui/buttonClass';
import { downloadDraft, modelFileName, saveBlob } from './download';
import { shareLink } from './shareLink';
import {
  embedSnippet,
  SNIPPET_FORMATS,
  type SnippetFormat,
  type SnippetState,
  webComponentSnippet,
} from './snippets';

/** An SVG string drawn onto a canvas at `scale`, as PNG. The SVG is standalone, so the canvas stays clean. */
async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(img.width * scale);
    canvas.height = Math.ceil(img.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function Snippet({ label, value, testId }: { label: string; value: string; testId: string }) {
  const store = useAppStore();
  return (
    <div className="grid gap-1">
      <div className="flex items-center justify-between">
        <span className="text-[12.5px] font-semibold">{label}</span>
        <button
          type="button"
          className={buttonClass}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              store.getState().setNotice({ kind: 'info', text: `${label} copied.` });
            } catch {
              window.prompt(`Copy the ${label.toLowerCase()}:`, value);
            }
          }}
        >
          Copy
        </button>
      </div>
      <textarea
        readOnly
        value={value}
        aria-label={label}
        data-testid={testId}
        rows={Math.min(6, value.split('\n').length + 1)}
        className="w-full resize-none rounded border border-slate-300 bg-slate-50 p-1.5 font-mono text-[11.5px] text-slate-800 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-200"
      />
    </div>
  );
}

/** The embed's bar (the view switches) above the diagram, as the first guess of an iframe's height. */
const EMBED_BAR_HEIGHT = 64;

/** HTML, Markdown, MDX or reStructuredText: radio buttons (arrow keys move between them). */
function FormatPicker({ value, onChange }: { value: SnippetFormat; onChange: (f: SnippetFormat) => void }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-1">
      <legend className="float-left me-2 text-[12.5px] font-semibold">Paste into</legend>
      {SNIPPET_FORMATS.map((f) => (
        <label
          key={f.id}
          className="cursor-pointer rounded-md border border-slate-300 px-2 py-0.5 has-checked:border-blue-600 has-checked:bg-blue-50 has-checked:text-blue-800 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-600 dark:border-slate-600 dark:has-checked:border-blue-400 dark:has-checked:bg-blue-950 dark:has-checked:text-blue-100"
        >
          <input
            type="radio"
            name="snippet-format"
            value={f.id}
            checked={value === f.id}
            onChange={() => onChange(f.id)}
            className="sr-only"
          />
          {f.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Permalink, iframe and web-component snippets, SVG, PNG and the model. */
function EmbedSnippets({
  format,
  onFormat,
  embed,
}: {
  format: SnippetFormat;
  onFormat: (f: SnippetFormat) => void;
  embed: ReturnType<typeof embedSnippet>;
}) {
  return (
    <div className="grid gap-2 rounded-md border border-slate-200 p-2.5 dark:border-slate-700">
      <FormatPicker value={format} onChange={onFormat} />
      <Snippet label="Embed (iframe)" value={embed.snippet} testId="snippet-iframe" />
      {embed.setup ? <Snippet label="Once per site" value={embed.setup} testId="snippet-setup" /> : null}
      <p className="text-[12px] text-slate-600 dark:text-slate-300" data-testid="snippet-note">
        {embed.note} It follows the page’s light or dark theme: to fix one, add <code>theme=dark</code> (or{' '}
        <code>theme=light</code>) to the iframe URL’s query.
      </p>
    </div>
  );
}

/** Downloads: the diagram as SVG or PNG (one export at a time), and the model. */
function ExportButtons({
  scene,
  collapsed,
  theme,
  baseName: base_name,
}: {
  scene: Scene | null;
  collapsed: ReadonlySet<string>;
  theme: 'light' | 'dark';
  baseName: string;
}) {
  const store = useAppStore();
  const model = useApp((s) => s.model);
  const view = useApp((s) => s.view);
  const [busy, setBusy] = useState(false);
  const svgText = async () => {
    if (!scene) throw new Error('no model');
    const [{ sceneToSvg }, { layoutFor }] = await Promise.all([
      import('../../render/svg'),
      import('../derived'),
    ]);
    const layout = layoutFor(scene, collapsed, store.getState().hiddenLayers);
    return sceneToSvg(layout, theme, { title: `${model?.name ?? 'Cloud'}: ${view} view` });
  };
  // One export at a time; a failure is said, not swallowed.
  const exportAs = async (format: 'SVG' | 'PNG', make: () => Promise<Blob>) => {
    setBusy(true);
    try {
      saveBlob(await make(), `${base_name}-${view}.${format.toLowerCase()}`);
    } catch (err) {
      store
        .getState()
        .setNotice({ kind: 'error', text: `${format} export failed: ${(err as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-wrap gap-2 pt-1">
      <button
        type="button"
        className={buttonClass}
        disabled={busy}
        onClick={() => exportAs('SVG', async () => new Blob([await svgText()], { type: 'image/svg+xml' }))}
      >
        Download SVG
      </button>
      <button
        type="button"
        className={buttonClass}
        disabled={busy}
        onClick={() => exportAs('PNG', async () => svgToPng(await svgText(), 2))}
      >
        Download PNG (2x)
      </button>
      <button type="button" className={buttonClass} onClick={() => downloadDraft(store.getState())}>
        Download model JSON
      </button>
    </div>
  );
}

export default function ShareBody() {
  const store = useAppStore();
  const model = useApp((s) => s.model);
  const view = useApp((s) => s.view);
  const persona = useApp((s) => s.persona);
  const themeChoice = useApp((s) => s.theme);
  const theme = useResolvedTheme(themeChoice);
  const collapsedChosen = useApp((s) => s.collapsed);
  const scene = model ? sceneFor(model, view) : null;
  const collapsed = useCollapsed(scene);
  const [format, setFormat] = useState<SnippetFormat>('html');

  const base = new URL(import.meta.env.BASE_URL, window.location.href).href;
  const state: SnippetState | null = useMemo(() => {
    if (!model) return null;
    const share = encodeShare(JSON.stringify(model));
    return {
      view,
      persona,
      theme: themeChoice,
      model: share.length < MAX_LINK_LENGTH - 200 ? { share } : null,
    };
  }, [model, view, persona, themeChoice]);
  const link = model ? shareLink(store.getState(), window.location.href) : null;
  // The embed follows the theme of the page it is pasted into (its helper script tells it); `&theme=` fixes one.
  const embedState: SnippetState | null = state ? { ...state, theme: 'auto' } : null;
  const layout = scene ? layoutFor(scene, collapsedChosen ?? collapsed, store.getState().hiddenLayers) : null;
  const guessHeight = layout ? fittedHeight(layout.width, layout.height, 700) + EMBED_BAR_HEIGHT : 520;
  const title = `Stacklayers diagram: ${model?.name ?? 'Cloud'}, ${view} view`;
  const modelUrl = new URLSearchParams(window.location.search).get('model');

  const base_name = model
    ? modelFileName({ model, source: store.getState().source }).replace(/\.json$/, '')
    : 'model';

  if (!state) return null;
  return (
    <div className="grid gap-3 p-5 text-[12.5px]">
      <p className="text-slate-600 dark:text-slate-300">
        Everything here shows the <strong>{view}</strong> view{persona ? ` with the ${persona} lens` : ''}, in
        the {themeChoice === 'auto' ? "reader's" : themeChoice} theme.
      </p>
      {link && 'url' in link ? (
        <Snippet label="Permalink" value={link.url} testId="snippet-link" />
      ) : (
        <p role="alert">{link && 'error' in link ? link.error : ''}</p>
      )}
      {embedState && (embedState.model || modelUrl) ? (
        <EmbedSnippets
          format={format}
          onFormat={setFormat}
          embed={embedSnippet(
            format,
            base,
            modelUrl ? { ...embedState, model: { url: modelUrl } } : embedState,
            guessHeight,
            title,
          )}
        />
      ) : null}
      <Snippet
        label="Web component"
        value={webComponentSnippet(base, state, modelUrl ?? `${base_name}.json`)}
        testId="snippet-wc"
      />
      {modelUrl ? null : (
        <p className="text-[12px] text-slate-600 dark:text-slate-300">
          The web component reads the model from <code>model-src</code>: download the model and put it next to
          your page, or paste it inside the element in a <code>{'<template>'}</code> (server renderers leave
          it alone).
        </p>
      )}
      <ExportButtons
        scene={scene}
        collapsed={collapsedChosen ?? collapsed}
        theme={theme}
        baseName={base_name}
      />
    </div>
  );
}
