import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultJsonCopy, defaultModel } from '../testing/fixtures';
import { deriveScene } from '../topology/deriveScene';
import { controlPlaneShare } from '../topology/explain';
import { analyzeFailures } from '../topology/failures/engine';
import { VIEWS } from '../topology/views';
import { Model } from './schema';
import { checkTourRefs, parseTourText, type TextRun, validateTours, validateToursText } from './tours';
import { validateModel } from './validate';

const defaultTourText = readFileSync(new URL('../../public/tours/default.json', import.meta.url), 'utf8');
const model = defaultModel();
/** Every element id of the default model, in any view. */
const allIds = new Set(VIEWS.flatMap((v) => deriveScene(model, v).elements.map((e) => e.id)));

/** A small valid tour, fresh each time, for breaking on purpose. */
const tour = (): Record<string, any> => ({
  id: 'mini',
  title: 'Mini tour',
  steps: [
    { title: 'Hardware', text: 'The hosts.', view: 'traditional', focus: ['ctl1'] },
    {
      title: 'Quiz',
      text: 'A **question**.',
      view: 'both',
      question: {
        prompt: 'Who owns undercloud?',
        answers: [{ text: 'The tenant' }, { text: 'The operator', correct: true }],
        explanation: 'The operator.',
      },
    },
  ],
});
const issuesOf = (value: unknown) => {
  const r = validateTours(value);
  return r.ok ? [] : r.issues.map(({ path, message }) => ({ path, message }));
};

describe('the default tour', () => {
  const r = validateToursText(defaultTourText);
  const tours = r.ok ? r.tours : [];

  it('validates', () => {
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(tours.map((t) => t.id)).toEqual(['openstack-and-kubernetes']);
    const steps = tours[0]?.steps ?? [];
    expect(steps.length).toBeGreaterThanOrEqual(8);
    expect(steps.length).toBeLessThanOrEqual(11);
    for (const view of VIEWS) expect(steps.some((s) => s.view === view)).toBe(true);
    expect(steps.filter((s) => s.question).length).toBeGreaterThanOrEqual(2);
  });

  it('refers only to elements of the default model', () => {
    expect(checkTourRefs(tours, allIds)).toEqual([]);
    // ...and each step's references exist in the view it shows.
    for (const step of tours[0]?.steps ?? []) {
      const scene = deriveScene(model, step.view);
      for (const id of [...(step.focus ?? []), ...(step.highlight ?? []), ...(step.fail ?? [])])
        expect(scene.byId.has(id), `${step.title}: ${id}`).toBe(true);
    }
  });

  it('is valid as part of the default model too', () => {
    const json = defaultJsonCopy();
    json.tours = JSON.parse(defaultTourText);
    expect(validateModel(json).ok).toBe(true);
  });

  it('states facts the default model agrees with', () => {
    const steps = tours[0]?.steps ?? [];
    const text = (title: RegExp) => steps.find((s) => title.test(s.title))?.text ?? '';
    const trad = deriveScene(model, 'traditional');
    const onControllers = trad.elements.filter(
      (e) => e.kind === 'service' && ['ctl1', 'ctl2', 'ctl3'].includes(e.host),
    );
    expect(text(/control plane is big/)).toContain(`${onControllers.length} containers`);
    expect(text(/control plane is big/)).toContain(`${onControllers.length / 3} services`);
    const share = controlPlaneShare(trad);
    expect(text(/control plane is big/)).toContain(
      `${share.hosts.controlPlane} of the ${share.hosts.total} hosts`,
    );
    expect(Math.round((4 * (share.cores?.controlPlane ?? 0)) / (share.cores?.total ?? 1))).toBe(1);
    expect(text(/control plane is big/)).toMatch(/nova-cert.*Pike.*nova-consoleauth.*Train/);

    const failing = (title: RegExp) => {
      const step = steps.find((s) => title.test(s.title));
      if (!step) throw new Error(`no step ${title}`);
      return analyzeFailures(deriveScene(model, step.view), step.fail ?? []);
    };
    // The tour's failure steps tell the engine's story (scenarios from the sources: failures/scenarios.test.ts).
    const one = failing(/^One controller fails/);
    expect(one.failed).toEqual(['ctl1']);
    expect(one.majorities.every((m) => m.held)).toBe(true);
    expect(one.controlPlane).toBe('degraded');
    expect(one.northSouth).toBe('up');
    const two = failing(/^Two fail/);
    expect(two.controlPlane).toBe('down');
    expect(two.majorities.filter((m) => !m.held).map((m) => m.id)).toEqual(
      expect.arrayContaining(['mariadb', 'rabbitmq', 'ovn-nb-db', 'ovn-sb-db']),
    );
    expect([...two.vms.values()].every((v) => v.running && v.network === 'up')).toBe(true);
    expect(two.gateways.up).toEqual(['ctl3']);
    expect(text(/^Two fail/)).toMatch(/gateway chassis.*ctl3/);
    const under = failing(/operator's Kubernetes control plane fails/);
    expect(under.controlPlane).toBe('up');
    expect(under.clusters.get('undercloud')).toMatchObject({
      api: 'down',
      workloadsRunning: true,
      canHeal: false,
    });
    expect(under.clusters.get('prod-k8s')?.api).toBe('up');
    expect(under.down.size).toBe(0);
    expect(text(/Kubernetes in a tenant project/)).toMatch(
      /Heat driver was removed in 2026.*Cluster API driver/,
    );
  });

  it('has questions with exactly one right answer, rendered without links or HTML', () => {
    for (const step of tours[0]?.steps ?? []) {
      if (step.question) expect(step.question.answers.filter((a) => a.correct)).toHaveLength(1);
      for (const p of parseTourText(step.text)) for (const run of p.runs) expect(run.href).toBeUndefined();
    }
  });
});

describe('validateTours', () => {
  it('takes an array of tours or a single tour', () => {
    expect(validateTours([tour()]).ok).toBe(true);
    const single = validateTours(tour());
    expect(single.ok && single.tours.map((t) => t.id)).toEqual(['mini']);
    expect(validateTours([]).ok).toBe(true);
  });

  it('reports broken tours with their JSON paths', () => {
    const cases: [string, (t: Record<string, any>) => void, { path: string; message: RegExp }][] = [
      [
        'unknown key',
        (t) => (t.steps[0].zoom = ['ctl1']),
        { path: '$[0].steps[0]', message: /unknown key "zoom"/ },
      ],
      [
        'missing title',
        (t) => delete t.steps[1].title,
        { path: '$[0].steps[1].title', message: /"title" is missing/ },
      ],
      [
        'no correct answer',
        (t) => delete t.steps[1].question.answers[1].correct,
        { path: '$[0].steps[1].question.answers', message: /at least one answer as correct/ },
      ],
      [
        'one answer',
        (t) => t.steps[1].question.answers.splice(0, 1),
        { path: '$[0].steps[1].question.answers', message: /at least 2 items/ },
      ],
      [
        'bad view',
        (t) => (t.steps[0].view = 'hybrid'),
        { path: '$[0].steps[0].view', message: /must be one of/ },
      ],
      ['no steps', (t) => (t.steps = []), { path: '$[0].steps', message: /at least 1 item/ }],
      ['bad id', (t) => (t.id = 'a tour'), { path: '$[0].id', message: /letters, digits/ }],
      [
        'bad ref',
        (t) => (t.steps[0].focus = ['ctl1@@x']),
        { path: '$[0].steps[0].focus[0]', message: /element id/ },
      ],
      [
        'bad persona',
        (t) => (t.steps[0].persona = 'admin'),
        { path: '$[0].steps[0].persona', message: /operator/ },
      ],
      [
        'raw HTML',
        (t) => (t.steps[0].text = 'Hello <script>alert(1)</script>'),
        { path: '$[0].steps[0].text', message: /raw HTML is not allowed/ },
      ],
      [
        'javascript: link',
        (t) => (t.steps[0].text = 'See [this](javascript:alert(1)).'),
        { path: '$[0].steps[0].text', message: /links must be http\(s\) URLs/ },
      ],
      [
        'empty text',
        (t) => (t.steps[0].text = ''),
        { path: '$[0].steps[0].text', message: /must not be empty/ },
      ],
      [
        'long title',
        (t) => (t.steps[0].title = 'x'.repeat(121)),
        { path: '$[0].steps[0].title', message: /at most 120/ },
      ],
    ];
    for (const [name, breakIt, expected] of cases) {
      const t = tour();
      breakIt(t);
      expect({ name, issues: issuesOf([t]) }).toEqual({
        name,
        issues: [{ path: expected.path, message: expect.stringMatching(expected.message) }],
      });
    }
  });

  it('uses paths from the root of a single tour', () => {
    const t = tour();
    t.steps[0].view = 'hybrid';
    expect(issuesOf(t).map((i) => i.path)).toEqual(['$.steps[0].view']);
  });

  it('allows HTML-looking text inside code spans', () => {
    const t = tour();
    t.steps[0].text = 'Write `<none>` for no value.';
    expect(issuesOf([t])).toEqual([]);
  });

  it('finds duplicate tour ids and says what a tour file is', () => {
    expect(issuesOf([tour(), tour()])).toEqual([
      { path: '$[1].id', message: "tour id 'mini' is already used at $[0].id" },
    ]);
    expect(issuesOf('tour')).toEqual([
      { path: '$', message: 'a tour file is a JSON array of tours or one tour object, not a string' },
    ]);
    expect(issuesOf(null)[0]?.path).toBe('$');
    const text = validateToursText('[{');
    expect(!text.ok && text.issues[0]?.message).toMatch(/^not valid JSON/);
  });
});

describe('checkTourRefs', () => {
  it('reports each unknown reference with its path', () => {
    const t = tour();
    t.steps[0].highlight = ['ctl1', 'nope', 'keystone-api@kvm1'];
    t.steps[1].fail = ['undercloud/ceph1'];
    const r = validateTours([t]);
    if (!r.ok) throw new Error('invalid');
    expect(checkTourRefs(r.tours, allIds, ['tours'])).toEqual([
      {
        path: '$.tours[0].steps[0].highlight[1]',
        message: "'nope' is not an element of the model (step 1 of tour 'mini')",
        segments: ['tours', 0, 'steps', 0, 'highlight', 1],
      },
      {
        path: '$.tours[0].steps[0].highlight[2]',
        message: "'keystone-api@kvm1' is not an element of the model (step 1 of tour 'mini')",
        segments: ['tours', 0, 'steps', 0, 'highlight', 2],
      },
      {
        path: '$.tours[0].steps[1].fail[0]',
        message: "'undercloud/ceph1' is not an element of the model (step 2 of tour 'mini')",
        segments: ['tours', 0, 'steps', 1, 'fail', 0],
      },
    ]);
  });
});

describe('tours in a model', () => {
  const withTours = (tours: unknown) => {
    const json = defaultJsonCopy();
    json.tours = tours;
    return json;
  };

  it('are checked by the schema', () => {
    const t = tour();
    t.steps[0].view = 'hybrid';
    const r = validateModel(withTours([t]));
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['$.tours[0].steps[0].view']);
    expect(Model.safeParse(withTours([tour()])).success).toBe(true);
  });

  it("have their references checked against the model's ids and derived ids", () => {
    const t = tour();
    t.steps[0].focus = [
      'ctl1',
      'undercloud',
      'prod-k8s',
      'acme-web',
      'acme-web-net',
      'db-1-data',
      'prod-k8s-api-lb',
      'keystone-api@ctl1',
      'nova-compute@kvm4',
      'ovn-controller@ctl2',
      'undercloud/kvm1',
      'prod-k8s/prod-k8s-cp-0',
      'shop-frontend#2',
      'postgres#0',
    ];
    expect(validateModel(withTours([t])).ok).toBe(true);
    // Every id of every view passes the model's own check.
    const all = tour();
    all.steps[0].highlight = [...allIds];
    const r = validateModel(withTours([all]));
    expect(r.ok ? [] : r.issues).toEqual([]);

    const bad = tour();
    bad.steps[0].fail = [
      'nope',
      'nova-compute@ctl1', // nova-compute runs on compute hosts only
      'undercloud/ceph1', // not a member of the operator cluster
      'prod-k8s/web-1', // not a node of prod-k8s
      'shop-frontend#3', // 3 replicas: #0 to #2
      'nope#0',
      'keystone@ctl1', // a service id, not a process id
    ];
    const broken = validateModel(withTours([bad, { ...tour() }]));
    expect(broken.ok ? [] : broken.issues.map((i) => i.path)).toEqual([
      '$.tours[1].id',
      ...bad.steps[0].fail.map((_: string, k: number) => `$.tours[0].steps[0].fail[${k}]`),
    ]);
  });

  it('accept the derived operator cluster when the model has none', () => {
    const json = withTours([tour()]);
    delete json.operatorCluster;
    json.tours[0].steps[0].focus = ['operator-k8s', 'operator-k8s/kvm1'];
    expect(validateModel(json).ok).toBe(true);
    const ids = new Set(VIEWS.flatMap((v) => deriveScene(Model.parse(json), v).elements.map((e) => e.id)));
    expect(ids.has('operator-k8s') && ids.has('operator-k8s/kvm1')).toBe(true);
  });
});

describe('parseTourText', () => {
  const runs = (text: string) => parseTourText(text).map((p) => p.runs);

  it('reads plain text as one run', () => {
    expect(parseTourText('Hello world.')).toEqual([{ runs: [{ text: 'Hello world.' }] }]);
    expect(parseTourText('')).toEqual([]);
    expect(parseTourText('  \n\n  ')).toEqual([]);
  });

  it('handles bold, italic, code and links', () => {
    expect(runs('A **bold** and *italic* `code` [docs](https://docs.openstack.org/).')).toEqual([
      [
        { text: 'A ' },
        { text: 'bold', bold: true },
        { text: ' and ' },
        { text: 'italic', italic: true },
        { text: ' ' },
        { text: 'code', code: true },
        { text: ' ' },
        { text: 'docs', href: 'https://docs.openstack.org/' },
        { text: '.' },
      ],
    ]);
    expect(runs('**bold *and italic* text**')).toEqual([
      [
        { text: 'bold ', bold: true },
        { text: 'and italic', bold: true, italic: true },
        { text: ' text', bold: true },
      ],
    ]);
    expect(runs('[**strong link**](http://example.org/x?a=1)')).toEqual([
      [{ text: 'strong link', bold: true, href: 'http://example.org/x?a=1' }],
    ]);
    expect(runs('**`nova-cert`** is gone')).toEqual([
      [{ text: 'nova-cert', bold: true, code: true }, { text: ' is gone' }],
    ]);
  });

  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(runs('One\r\ntwo.\n\n  \nThree.\n\n\n*Four*')).toEqual([
      [{ text: 'One\ntwo.' }],
      [{ text: 'Three.' }],
      [{ text: 'Four', italic: true }],
    ]);
  });

  it('leaves markers without a partner, and escaped ones, as text', () => {
    expect(runs('2 * 3 * 4 and **not closed')).toEqual([[{ text: '2 * 3 * 4 and **not closed' }]]);
    expect(runs('a `lone backtick and [not a link] (x)')).toEqual([
      [{ text: 'a `lone backtick and [not a link] (x)' }],
    ]);
    expect(runs('\\*not italic\\* and \\`not code\\`')).toEqual([[{ text: '*not italic* and `not code`' }]]);
    expect(runs('`**not bold**`')).toEqual([[{ text: '**not bold**', code: true }]]);
  });

  it('keeps raw HTML as literal text, never markup', () => {
    const html = '<script>alert("x")</script> <img src=x onerror=alert(1)> <b>hi</b>';
    expect(runs(html)).toEqual([[{ text: html }]]);
    expect(runs('**<b>bold</b>**')).toEqual([[{ text: '<b>bold</b>', bold: true }]]);
  });

  it('drops links that are not http(s), keeping their text', () => {
    const bad = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '//evil.example/',
      '/relative',
      'mailto:a@b.c',
      'https://',
      'https://exa mple.org',
      'file:///etc/passwd',
    ];
    for (const target of bad) {
      const out = runs(`[click](${target}) now`).flat();
      expect(out.map((r) => r.href).filter(Boolean), target).toEqual([]);
      expect(out.map((r) => r.text).join(''), target).toMatch(/^click/);
    }
  });

  it('never produces an href that is not http(s), whatever the input', () => {
    const pieces = [
      '[',
      ']',
      '(',
      ')',
      '*',
      '**',
      '`',
      '\\',
      'javascript:',
      'https://a.b/',
      ' ',
      '\n',
      'x',
      '<',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let k = 0; k < 14; k++) text += pieces[Math.floor(random() * pieces.length)];
      const all: TextRun[] = parseTourText(text).flatMap((p) => p.runs);
      for (const r of all) {
        if (r.href !== undefined) expect(r.href, text).toMatch(/^https?:\/\/[^\s]+$/);
        expect(r.text.length, text).toBeGreaterThan(0);
      }
    }
  });
});
