import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultJsonCopy } from '../testing/fixtures';
import { type CliIo, run } from './main';

/** Runs the CLI on files held in memory; returns the exit code, the terminal's text and the files. */
async function cli(argv: string[], files: Record<string, string>) {
  const fs = new Map(Object.entries(files));
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    readFile: async (path) => {
      const text = fs.get(path);
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    writeFile: async (path, data) => {
      fs.set(path, typeof data === 'string' ? data : new TextDecoder().decode(data));
    },
    env: {},
  };
  const code = await run(argv, io);
  return { code, out, err, fs };
}

const TOURS = readFileSync(new URL('../../public/tours/default.json', import.meta.url), 'utf8');

/** The default model with a tour of its own. */
function modelWithTour(steps: Record<string, unknown>[]) {
  const model = defaultJsonCopy();
  model.tours = [{ id: 'mine', title: 'Mine', steps }];
  return `${JSON.stringify(model, null, 2)}\n`;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.lastIndexOf(needle)).split('\n').length;

describe('stacklayers validate: tours', () => {
  it('fails a step naming an element its view does not draw, at its line and JSON path (the last mention of the id)', async () => {
    const text = modelWithTour([
      { title: 'One', text: 'Hello.', view: 'traditional', focus: ['ctl1', 'undercloud'] },
    ]);
    const r = await cli(['validate', 'm.json'], { 'm.json': text });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`m.json:${lineOf(text, '"undercloud"')}:`);
    expect(r.err).toContain('$.tours[0].steps[0].focus[1]');
    expect(r.err).toContain("'undercloud' is not drawn in the traditional view");
    expect(r.err).toContain('it is drawn in control-plane-on-k8s, both');
  });

  it('fails a failure that cannot fail (a project), and passes a good tour', async () => {
    const bad = await cli(['validate', 'm.json'], {
      'm.json': modelWithTour([{ title: 'One', text: 'Hi.', view: 'both', fail: ['acme-web'] }]),
    });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('$.tours[0].steps[0].fail[0]');
    expect(bad.err).toContain("'acme-web' cannot fail");
    const good = await cli(['validate', 'm.json'], {
      'm.json': modelWithTour([
        { title: 'One', text: 'Hi.', view: 'both', fail: ['ctl1'], focus: ['prod-k8s'] },
      ]),
    });
    expect(good.err).toBe('');
    expect(good.code).toBe(0);
    expect(good.out).toContain('1 tour of 1 step');
  });
});

describe('stacklayers handout', () => {
  it('writes the built-in tour of the default model as one HTML file with every step and the answers', async () => {
    const model = readFileSync(new URL('../../public/models/default.json', import.meta.url), 'utf8');
    const r = await cli(['handout', 'm.json', '--tour', 'openstack-and-kubernetes', '--out', 'h.html'], {
      'm.json': model,
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const html = r.fs.get('h.html') ?? '';
    const tour = JSON.parse(TOURS)[0] as { steps: { title: string; question?: unknown; notes?: string }[] };
    expect(html.match(/<section class="step"/g)?.length).toBe(tour.steps.length);
    expect(html.match(/<svg xmlns/g)?.length).toBe(tour.steps.length);
    expect(html).toContain('<h2>Answers</h2>');
    // Self-contained: no script, no external resource.
    expect(html).not.toMatch(/<script|<link|src="http|url\(/i);
    // Highlights ringed and failures marked where the steps put them; notes stay with the presenter.
    expect(html).toContain('data-ring="mariadb@ctl1"');
    expect(html).toContain('data-failed="true"');
    for (const s of tour.steps) if (s.notes) expect(html).not.toContain(s.notes.slice(0, 40));
  });

  it('says which tours there are when the id is unknown, and checks a tours file against the model', async () => {
    const model = readFileSync(new URL('../../public/models/default.json', import.meta.url), 'utf8');
    const unknown = await cli(['handout', 'm.json', '--tour', 'nope', '--out', 'h.html'], {
      'm.json': model,
    });
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('"openstack-and-kubernetes"');
    const tours = JSON.stringify([
      {
        id: 't',
        title: 'T',
        steps: [{ title: 'S', text: 'x', view: 'traditional', highlight: ['prod-k8s'] }],
      },
    ]);
    const bad = await cli(['handout', 'm.json', '--tour', 't', '--tours', 't.json', '--out', 'h.html'], {
      'm.json': model,
      't.json': tours,
    });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('t.json:1:');
    expect(bad.err).toContain('$[0].steps[0].highlight[0]');
    expect(bad.fs.has('h.html')).toBe(false);
  });

  it('needs --tour and --out', async () => {
    expect((await cli(['handout', 'm.json', '--out', 'h.html'], {})).code).toBe(2);
    expect((await cli(['handout', 'm.json', '--tour', 'x'], {})).code).toBe(2);
  });
});
