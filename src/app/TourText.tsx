import { parseTourText } from '../model/tourText';

/** A tour text, rendered from the safe subset as React text: never as HTML. */
export function TourText({ text }: { text: string }) {
  const paragraphs = parseTourText(text);
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text.
        <p key={i} className="whitespace-pre-line leading-snug">
          {p.runs.map((r, j) => {
            let node: React.ReactNode = r.text;
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
        </p>
      ))}
    </>
  );
}
