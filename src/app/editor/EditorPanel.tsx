import { autocompletion } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import { oneDarkHighlightStyle, oneDarkTheme } from '@codemirror/theme-one-dark';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { EDITOR_DARK, tokenVar } from '../../kinds/tokens';
import type { LocatedIssue } from '../../model/locate';
import { Icon } from '../../render/flow/Icon';
import { DEFAULT_EXAMPLE } from '../document/examples';
import { forgetModelInUrl, loadExample } from '../document/loaders';
import { downloadDraft } from '../share/download';
import { useApp, useAppStore } from '../store';
import { buttonClass } from '../ui/buttonClass';
import { schemaCompletion } from './schemaCompletion';

const EDIT_DELAY_MS = 150;

/** Marks changes that came from a load, not from typing. */
const external = Annotation.define<boolean>();

/** The light theme: the diagram's box, text and canvas colours, and the editor's tokens (`kinds/tokens.ts`). */
const lightTheme = EditorView.theme({
  '&': { backgroundColor: tokenVar('box'), color: tokenVar('text') },
  '.cm-gutters': {
    backgroundColor: tokenVar('canvas'),
    color: tokenVar('editor-gutter'),
    borderRight: `1px solid ${tokenVar('editor-rule')}`,
  },
});

/**
 * One Dark's colours below AA (4.5:1) on its background and active line (keyed by One Dark's own values), and
 * their brighter stand-ins.
 */
const BRIGHTER: Record<string, string> = {
  '#e06c75': EDITOR_DARK.property,
  '#c678dd': EDITOR_DARK.keyword,
  '#7d8799': EDITOR_DARK.comment,
};

/** One Dark, with every text colour at AA contrast: property names, keywords and line numbers brightened. */
const darkTheme = [
  oneDarkTheme,
  syntaxHighlighting(
    HighlightStyle.define(
      oneDarkHighlightStyle.specs.map((spec) =>
        typeof spec.color === 'string' && BRIGHTER[spec.color]
          ? { ...spec, color: BRIGHTER[spec.color] }
          : spec,
      ),
    ),
  ),
  EditorView.theme({ '.cm-gutterElement': { color: tokenVar('editor-gutter') } }, { dark: true }),
];

/**
 * CodeMirror in `host`, made once per store: the draft's text (a load replaces it, the user's typing is never
 * overwritten), its problems as diagnostics, and the theme.
 */
function useCodeMirror(
  store: ReturnType<typeof useAppStore>,
  draft: string,
  issues: readonly LocatedIssue[],
  dark: boolean,
) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const sent = useRef(draft);
  const theme = useRef(new Compartment());

  // The editor is made once per store; theme and text are synced by the effects below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the initial theme only; later changes reconfigure it.
  useEffect(() => {
    if (!host.current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const push = () => {
      const text = view.current?.state.doc.toString() ?? '';
      sent.current = text;
      store.getState().editDraft(text);
    };
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: store.getState().draft,
        extensions: [
          basicSetup,
          json(),
          EditorView.lineWrapping,
          lintGutter(),
          autocompletion({ override: [schemaCompletion] }),
          theme.current.of(dark ? darkTheme : lightTheme),
          // tabindex 0 adds no tab stop (the editable content is one already) but says so to checkers
          // such as axe, which otherwise report the scroller as not keyboard-reachable.
          EditorView.contentAttributes.of({ 'aria-label': 'Model JSON', tabindex: '0' }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged || u.transactions.every((t) => t.annotation(external))) return;
            if (timer) clearTimeout(timer);
            timer = setTimeout(push, EDIT_DELAY_MS);
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      if (timer) {
        clearTimeout(timer);
        push();
      }
      editor.destroy();
      view.current = null;
    };
  }, [store]);

  useEffect(() => {
    view.current?.dispatch({ effects: theme.current.reconfigure(dark ? darkTheme : lightTheme) });
  }, [dark]);

  // A load (file, example, link) replaces the text; the user's own typing is never overwritten.
  useEffect(() => {
    const editor = view.current;
    if (!editor || draft === sent.current) return;
    sent.current = draft;
    if (editor.state.doc.toString() === draft) return;
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: draft },
      annotations: external.of(true),
    });
  }, [draft]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const len = editor.state.doc.length;
    const diagnostics: Diagnostic[] = issues.map((i) => ({
      from: Math.min(i.from, len),
      to: Math.min(Math.max(i.to, i.from + 1), len),
      severity: 'error',
      message: `${i.path}: ${i.message}`,
    }));
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [issues]);

  return { host, view };
}

/** The draft's problems, each a button that selects its text in the editor. */
function ProblemsList({
  issues,
  onJump,
}: {
  issues: readonly LocatedIssue[];
  onJump: (issue: LocatedIssue) => void;
}) {
  return (
    <section
      aria-label="Problems"
      className="max-h-[32%] overflow-auto border-t border-slate-200 dark:border-slate-800"
    >
      <ul data-testid="problems">
        {issues.map((issue) => (
          <li key={`${issue.from}:${issue.path}:${issue.message}`}>
            <button
              type="button"
              onClick={() => onJump(issue)}
              className="flex w-full gap-2 px-3 py-1 text-left text-[12px] hover:bg-rose-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 dark:hover:bg-rose-950"
            >
              <span className="w-14 flex-none font-mono text-slate-500 dark:text-slate-400">
                {issue.line}:{issue.column}
              </span>
              <span className="min-w-0">
                <code className="text-[11.5px] text-slate-600 dark:text-slate-300">{issue.path}</code>{' '}
                <span className="text-rose-800 dark:text-rose-200">{issue.message}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The JSON editor with live validation; loaded lazily with CodeMirror. */
export default function EditorPanel({ dark }: { dark: boolean }) {
  const store = useAppStore();
  const draft = useApp((s) => s.draft);
  const issues = useApp((s) => s.issues);
  const { host, view } = useCodeMirror(store, draft, issues, dark);

  const jump = (issue: LocatedIssue) => {
    const editor = view.current;
    if (!editor) return;
    const len = editor.state.doc.length;
    editor.dispatch({
      selection: { anchor: Math.min(issue.from, len), head: Math.min(issue.to, len) },
      effects: EditorView.scrollIntoView(Math.min(issue.from, len), { y: 'center' }),
    });
    editor.focus();
  };

  const reset = () => {
    if (
      window.confirm(
        'Replace the draft with the default example? An edited draft is kept under Examples › Earlier drafts.',
      )
    )
      void loadExample(store, DEFAULT_EXAMPLE).then(forgetModelInUrl);
  };

  return (
    <aside
      aria-label="Model editor"
      className="flex w-[min(44vw,640px)] min-w-[320px] flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
        <h2 className="text-[13px] font-semibold">Model JSON</h2>
        <span
          data-testid="validity"
          className={`text-[12px] ${issues.length ? 'text-rose-700 dark:text-rose-300' : 'text-emerald-700 dark:text-emerald-300'}`}
        >
          {issues.length
            ? `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`
            : 'Valid: the diagram is up to date'}
        </span>
        <span className="flex-1" />
        <button type="button" className={buttonClass} onClick={reset}>
          Reset to example
        </button>
        <button type="button" className={buttonClass} onClick={() => downloadDraft(store.getState())}>
          Download
        </button>
        <button
          type="button"
          className={buttonClass}
          aria-label="Close the editor"
          onClick={() => store.getState().setEditorOpen(false)}
        >
          <Icon name="close" size={14} />
        </button>
      </div>
      <div ref={host} className="sl-editor min-h-0 flex-1 overflow-hidden" data-testid="editor" />
      {issues.length ? <ProblemsList issues={issues} onJump={jump} /> : null}
    </aside>
  );
}
