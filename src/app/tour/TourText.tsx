import type { ReactNode } from 'react';
import { parseTourText } from '../../model/tourText';

/**
 * A tour text, rendered from the safe subset as React text: never as HTML. `inline` draws the paragraphs
 * as spans (inside a sentence or a paragraph of its own).
 */
export function TourText({ text, inline = false }: { text: string; inline?: boolean }) {
  const paragraphs = parseTourText(text);
  const Block = inline ? 'span' : 'p';
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text.
        <Block key={i} className={inline ? 'whitespace-pre-line' : 'whitespace-pre-line leading-snug'}>
          {inline && i > 0 ? ' ' : null}
          {p.runs.map((r, j) => {
            let node: ReactNode = r.text;
            if (r.code)
              node = (
                <code className="rounded bg-slate-100 px-1 text-[0.92em] dark:bg-slate-800">{node}</code>
              );
            if (r.bold) node = <strong>{node}</strong>;
            if (r.italic) node = <em>{node}</em>;
            if (r.href)
              node = (
                <a
                  href={r.href}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-blue-700 underline dark:text-blue-300"
                >
                  {node}
                </a>
              );
            // biome-ignore lint/suspicious/noArrayIndexKey: runs of one fixed paragraph.
            return <span key={j}>{node}</span>;
          })}
        </Block>
      ))}
    </>
  );
}
