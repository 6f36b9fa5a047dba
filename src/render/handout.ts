import { type ColourToken, colour, PRINT, SVG_FONT } from '../kinds/tokens';
import { frameTarget } from '../layout/frame';
import { defaultCollapsed, layoutScene } from '../layout/layoutScene';
import type { Model, Tour, TourStep } from '../model/schema';
import { parseTourText } from '../model/tourText';
import { deriveScene } from '../topology/deriveScene';
import { stackOf } from '../topology/explain';
import { analyzeFailures } from '../topology/failures/engine';
import type { Scene } from '../topology/scene';
import { escapeXml, type SvgMark, type SvgTheme, sceneToSvg } from './svg';

/**
 * A tour as one printable, self-contained HTML file (the `stacklayers handout` command and the tour's
 * Handout button): each step's view as SVG with its highlights and failures, its title and text, its
 * question; the answers at the end. Light colours for paper. No script, no external file, no link but the
 * tour text's own http(s) links; every string of the model and the tour is escaped.
 */

/** The marks a step puts on its view: what it highlights, what it fails and what that takes down, the rest faded. */
function stepMarks(scene: Scene, step: TourStep): Map<string, SvgMark> {
  const marks = new Map<string, SvgMark>();
  const named = [...(step.focus ?? []), ...(step.highlight ?? []), ...(step.fail ?? [])].filter((id) =>
    scene.byId.has(id),
  );
  const blast = step.fail?.length ? analyzeFailures(scene, step.fail) : null;
  if (named.length > 0) {
    const spoken = new Set<string>();
    for (const id of named) for (const x of stackOf(scene, id)) spoken.add(x);
    for (const x of blast?.down ?? []) spoken.add(x);
    for (const el of scene.elements) if (!spoken.has(el.id)) marks.set(el.id, 'dim');
  }
  for (const id of blast?.down ?? []) marks.set(id, 'down');
  for (const id of blast?.failed ?? []) marks.set(id, 'failed');
  for (const id of step.highlight ?? []) if (scene.byId.has(id)) marks.set(id, 'highlight');
  return marks;
}

/**
 * One step's view as an SVG document, marked as the step marks it, and framed as the app frames it: around
 * what the step focuses and highlights (with a margin of context), else the whole view.
 */
export function stepSvg(model: Model, step: TourStep, theme: SvgTheme = 'light', title?: string): string {
  const scene = deriveScene(model, step.view);
  const layout = layoutScene(scene, { collapsed: defaultCollapsed(scene) });
  const ids = [...new Set([...(step.focus ?? []), ...(step.highlight ?? [])])];
  const t = frameTarget(layout, ids);
  const margin = Math.max(24, 0.08 * Math.max(t.width, t.height));
  const x = Math.max(0, t.x - margin);
  const y = Math.max(0, t.y - margin);
  const crop = {
    x,
    y,
    width: Math.min(layout.width, t.x + t.width + margin) - x,
    height: Math.min(layout.height, t.y + t.height + margin) - y,
  };
  return sceneToSvg(layout, theme, {
    marks: stepMarks(scene, step),
    title: title ?? `${step.title} (${step.view} view)`,
    crop,
  });
}

/** Tour text (the safe subset) as HTML: escaped text, <strong>, <em>, <code> and http(s) links. */
function tourTextHtml(text: string, block = true): string {
  return parseTourText(text)
    .map((p) => {
      const inner = p.runs
        .map((r) => {
          let h = escapeXml(r.text).replace(/\n/g, '<br>');
          if (r.code) h = `<code>${h}</code>`;
          if (r.bold) h = `<strong>${h}</strong>`;
          if (r.italic) h = `<em>${h}</em>`;
          if (r.href) h = `<a href="${escapeXml(r.href)}">${h}</a>`;
          return h;
        })
        .join('');
      return block ? `<p>${inner}</p>` : inner;
    })
    .join(block ? '\n' : ' ');
}

const LETTERS = 'ABCDEFGH';

/** A light token's colour. */
const c = (name: ColourToken) => colour(name, 'light');

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; font: 15px/1.5 ${SVG_FONT}; color: ${c('text')}; background: ${c('box')}; }
header { border-bottom: 2px solid ${c('text')}; margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 0 0 .5rem; }
.meta, .view { color: ${c('muted')}; font-size: .85rem; }
section.step { margin: 0 0 2rem; break-inside: avoid; page-break-inside: avoid; }
figure { margin: .5rem 0 .75rem; border: 1px solid ${c('line')}; border-radius: 8px; overflow: hidden; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: .8rem; color: ${c('muted')}; padding: .25rem .6rem; border-top: 1px solid ${PRINT.rule}; }
.question { border-left: 4px solid ${c('tour-ring')}; padding: .25rem .75rem; background: ${PRINT.questionBg}; }
.question ol { margin: .25rem 0; padding-left: 1.5rem; list-style: upper-alpha; }
.answers { break-before: page; page-break-before: always; }
.answers li { margin-bottom: .5rem; }
.key { display: inline-block; margin-right: .5rem; font-size: .75rem; color: ${c('muted')}; }
.key i { display: inline-block; width: .9rem; height: .6rem; margin: 0 .25rem 0 .6rem; vertical-align: middle; border-radius: 2px; }
code { font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace; font-size: .9em; background: ${PRINT.codeBg}; padding: 0 .2em; border-radius: 3px; }
a { color: ${PRINT.link}; }
footer { margin-top: 2rem; color: ${c('edge')}; font-size: .8rem; }
@page { margin: 14mm; }
@media print { body { padding: 0; max-width: none; } section.step { break-before: page; page-break-before: always; } section.step:first-of-type { break-before: auto; page-break-before: auto; } }
`;

/** The whole handout of a tour of a model, as an HTML document. */
export function handoutHtml(model: Model, tour: Tour): string {
  const name = model.name ?? 'a model';
  const steps = tour.steps.map((step, i) => {
    const svg = stepSvg(model, step, 'light', `Step ${i + 1}: ${step.title}`).replace(/^<\?xml[^>]*>\s*/, '');
    const marks = [
      step.highlight?.length ? `<i style="border:2px solid ${c('tour-ring')}"></i>highlighted` : '',
      step.fail?.length
        ? `<i style="border:2px solid ${c('failed')};background:${PRINT.failedBg}"></i>failed<i style="background:${c('line')}"></i>down with it`
        : '',
    ]
      .filter(Boolean)
      .map((k) => `<span class="key">${k}</span>`)
      .join('');
    const question = step.question
      ? `<div class="question"><p><strong>Question ${questionNumber(tour, i)}.</strong> ${escapeXml(step.question.prompt)}</p>` +
        `<ol>${step.question.answers.map((a) => `<li>${escapeXml(a.text)}</li>`).join('')}</ol></div>`
      : '';
    return (
      `<section class="step" id="step-${i + 1}">\n<h2>${i + 1}. ${escapeXml(step.title)}</h2>\n` +
      `<figure>${svg}<figcaption>The ${escapeXml(step.view)} view${step.persona ? `, as the ${step.persona} sees it` : ''}. ${marks}</figcaption></figure>\n` +
      `${tourTextHtml(step.text)}\n${question}\n</section>`
    );
  });
  const answered = tour.steps.flatMap((s, i) => (s.question ? [{ step: s, i }] : []));
  const answers = answered.length
    ? `<section class="answers"><h2>Answers</h2><ol>${answered
        .map(({ step, i }) => {
          const q = step.question;
          if (!q) return '';
          const right = q.answers
            .map((a, k) => (a.correct ? `${LETTERS[k] ?? ''} (${escapeXml(a.text)})` : ''))
            .filter(Boolean)
            .join(', ');
          return `<li><strong>Step ${i + 1}: ${right}.</strong> ${tourTextHtml(q.explanation, false)}</li>`;
        })
        .join('')}</ol></section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(tour.title)}: handout</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeXml(tour.title)}</h1>
${tour.description ? tourTextHtml(tour.description) : ''}
<p class="meta">A guided tour of ${escapeXml(name)} in ${tour.steps.length} steps${answered.length ? `, with ${answered.length} ${answered.length === 1 ? 'question' : 'questions'} (answers at the end)` : ''}. Made with Stacklayers.</p>
</header>
${steps.join('\n')}
${answers}
<footer>Diagrams drawn from the model by Stacklayers; every element keeps its name as a tooltip.</footer>
</body>
</html>
`;
}

/** The question's number among the tour's questions (1-based). */
function questionNumber(tour: Tour, stepIndex: number): number {
  return tour.steps.slice(0, stepIndex + 1).filter((s) => s.question).length;
}
