/**
 * What the bench installs in every page it opens (an init script, before the page's own scripts). Times are
 * `performance.now()` in the page: milliseconds since its navigation started.
 */
interface BenchApi {
  /** When the first `data-ready="true"` marker was seen (a mutation observer from the start). */
  readyAt?: number;
  readyView?: string | null;
  /** Set by a peer page when it failed. */
  error?: string;
  /**
   * Runs `action` and resolves with the ms until the diagram's ready marker is seen again in a frame: for
   * `view`, or (without it) after the marker went false first.
   */
  nextReady(action: () => void, view?: string): Promise<number>;
  /** Clicks the view switch whose label contains `name`; resolves like nextReady. */
  clickSwitch(name: string, view: string): Promise<number>;
  /** Unfolds everything (the app's store, found through React's fiber tree: a measurement-only hook). */
  expandAll(): Promise<number>;
  startFrames(): void;
  /** The frame-to-frame deltas (ms) of requestAnimationFrame since startFrames. */
  stopFrames(): number[];
  /** A point over the empty pane, near the middle (dragging there pans; no node is clicked). */
  panePoint(): { x: number; y: number };
  /** The boxes drawn: element boxes in the page (a big diagram seen up close has only those in view) and the far layer's. */
  nodeCount(): number;
  /** What the diagram draws now (see Drawn). */
  drawn(): Drawn;
  /**
   * Clicks a view switch (as clickSwitch) and resolves with the ms from the click to the ready marker and to the
   * view settled: every animation of the diagram ended (the glide of the boxes, fades), checked each frame.
   */
  switchSettled(name: string, view: string): Promise<{ ready: number; settled: number }>;
}

/** What a page draws: its boxes, on which layer, with their labels or not, at which zoom. */
export interface Drawn {
  zoom: number;
  /** Element boxes in the page's DOM (with their text unless the diagram is seen from far). */
  dom: number;
  /** Boxes drawn on the far layer's canvas. */
  canvas: number;
  /** Of all those, the boxes drawn with their labels. */
  labelled: number;
  layer: 'DOM' | 'canvas' | 'DOM + canvas' | 'SVG';
}

declare global {
  interface Window {
    __bench: BenchApi;
  }
}

/**
 * What a page logs (console.debug) once it has a ready marker or an error: the bench waits for this message
 * rather than polling the page, which would run Playwright's injected script (tens of ms of the page's main
 * thread) while the page is still loading.
 */
export const SETTLED = '__bench:settled';

/** tsx compiles with keepNames, which wraps functions in `__name(...)`: give the page that helper too. */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/**
 * Installed with addInitScript, with SETTLED as its argument (serialized: it may use nothing from outside its
 * body), before `pageStoreHelpers` and `pageMeasureHelpers` (the same rule), which `PAGE_HELPERS` lists.
 */
export function pageHelpers(settled: string): void {
  const DIAGRAM = '[data-testid="diagram"]';
  const diagram = () => document.querySelector(DIAGRAM);
  const bench = {} as BenchApi;
  window.__bench = bench;

  // The first ready marker after navigation (the peer's own pages report themselves). The app sets the
  // marker right after the frame that paints the placed diagram; a mutation observer notes the moment it is
  // set (polling once per frame would add up to a frame of the bench's own latency).
  if (!location.pathname.startsWith('/__bench/')) {
    const first = new MutationObserver(() => {
      const el = document.querySelector(`${DIAGRAM}[data-ready="true"]`);
      if (!el) return;
      bench.readyAt = performance.now();
      bench.readyView = el.getAttribute('data-view');
      console.debug(settled);
      first.disconnect();
    });
    first.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-ready'],
    });
  }

  bench.nextReady = (action, view) =>
    new Promise<number>((resolve, reject) => {
      let sawNotReady = false;
      let settled = false;
      // The moment the marker is set again (it is set right after the frame that paints the new layout).
      const check = () => {
        const el = diagram();
        const ready =
          el?.getAttribute('data-ready') === 'true' &&
          (view === undefined ? sawNotReady : el.getAttribute('data-view') === view);
        if (!ready || settled) return;
        settled = true;
        observer.disconnect();
        clearTimeout(timeout);
        resolve(performance.now() - t0);
      };
      const observer = new MutationObserver(() => {
        if (diagram()?.getAttribute('data-ready') !== 'true') sawNotReady = true;
        check();
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-ready', 'data-view'],
      });
      const timeout = setTimeout(() => {
        observer.disconnect();
        reject(new Error('no ready marker within 120 s'));
      }, 120_000);
      const t0 = performance.now();
      action();
      check();
    });

  bench.clickSwitch = (name, view) =>
    bench.nextReady(() => {
      const button = [...document.querySelectorAll<HTMLElement>('[role="switch"]')].find((b) =>
        b.textContent?.includes(name),
      );
      if (!button) throw new Error(`no switch "${name}"`);
      button.click();
    }, view);

  bench.switchSettled = async (name, view) => {
    const t0 = performance.now();
    const ready = await bench.clickSwitch(name, view);
    await new Promise<void>((resolve) => {
      const check = () => {
        const running = (diagram()?.getAnimations({ subtree: true }) ?? []).some(
          (a) => a.playState === 'running' || a.pending,
        );
        if (running) requestAnimationFrame(check);
        else resolve();
      };
      check();
    });
    return { ready, settled: performance.now() - t0 };
  };
}

/**
 * Installed after pageHelpers (no argument): `__bench.expandAll`, through the app's store, found in React's
 * fiber tree (a measurement-only hook).
 */
function pageStoreHelpers(): void {
  const bench = window.__bench;
  interface Fiber {
    child: Fiber | null;
    sibling: Fiber | null;
    memoizedProps?: { value?: unknown } | null;
  }
  interface Store {
    getState(): { setCollapsed(collapsed: ReadonlySet<string> | null): void };
  }
  const isStore = (v: unknown): v is Store =>
    typeof v === 'object' &&
    v !== null &&
    'getState' in v &&
    typeof (v as Store).getState === 'function' &&
    typeof (v as Store).getState().setCollapsed === 'function';
  const findStore = (): Store => {
    const root = document.getElementById('root') as (HTMLElement & Record<string, unknown>) | null;
    const key = root ? Object.keys(root).find((k) => k.startsWith('__reactContainer$')) : undefined;
    const stack: Fiber[] = key && root ? [root[key] as Fiber] : [];
    while (stack.length > 0) {
      const fiber = stack.pop() as Fiber;
      const value = fiber.memoizedProps?.value;
      if (isStore(value)) return value;
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
    throw new Error("the app's store was not found in the React tree");
  };
  bench.expandAll = () => {
    const store = findStore();
    return bench.nextReady(() => store.getState().setCollapsed(new Set()));
  };
}

/** Installed after pageHelpers (no argument): frame times, a point over the pane, and what is drawn. */
function pageMeasureHelpers(): void {
  const DIAGRAM = '[data-testid="diagram"]';
  const diagram = () => document.querySelector(DIAGRAM);
  const bench = window.__bench;
  let frames: number[] | null = null;
  bench.startFrames = () => {
    const mine: number[] = [];
    frames = mine;
    const loop = (t: number) => {
      if (frames !== mine) return;
      mine.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  bench.stopFrames = () => {
    const f = frames ?? [];
    frames = null;
    return f.slice(1).map((t, i) => t - (f[i] as number));
  };

  bench.panePoint = () => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) throw new Error('no React Flow pane');
    const r = pane.getBoundingClientRect();
    const cx = r.x + r.width / 2;
    const cy = r.y + r.height / 2;
    const points: { x: number; y: number }[] = [];
    for (let i = 1; i < 20; i++)
      for (let j = 1; j < 20; j++) points.push({ x: r.x + (r.width * i) / 20, y: r.y + (r.height * j) / 20 });
    points.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
    return points.find((p) => document.elementFromPoint(p.x, p.y) === pane) ?? { x: cx, y: cy };
  };

  bench.drawn = () => {
    const d = diagram();
    if (!d) {
      // A peer page: Mermaid's SVG, its nodes and subgraphs, each with its label.
      const boxes = document.querySelectorAll('svg g.node, svg g.cluster').length;
      const labels = document.querySelectorAll('svg g.node .nodeLabel, svg g.cluster .nodeLabel').length;
      return { zoom: 1, dom: boxes, canvas: 0, labelled: Math.min(boxes, labels), layer: 'SVG' };
    }
    const viewport = d.querySelector('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 1;
    const dom = d.querySelectorAll('.sl-el').length;
    let canvas = 0;
    let canvasLabelled = 0;
    for (const c of d.querySelectorAll('canvas.sl-far-canvas')) {
      const n = Number(c.getAttribute('data-boxes') ?? 0);
      canvas += n;
      if (c.getAttribute('data-labels') === 'true') canvasLabelled += n;
    }
    const domLabelled = d.getAttribute('data-far') === 'true' ? 0 : dom;
    return {
      zoom,
      dom,
      canvas,
      labelled: domLabelled + canvasLabelled,
      layer: canvas > 0 ? (dom > 0 ? 'DOM + canvas' : 'canvas') : 'DOM',
    };
  };

  // Element boxes, and the boxes the far layer draws on its canvas.
  bench.nodeCount = () =>
    document.querySelectorAll(`${DIAGRAM} .sl-el`).length +
    [...document.querySelectorAll(`${DIAGRAM} canvas.sl-far-canvas`)].reduce(
      (n, c) => n + Number(c.getAttribute('data-boxes') ?? 0),
      0,
    );
}

/** The page helpers, in the order they are installed (each an init script; the first takes SETTLED). */
export const PAGE_HELPERS = [pageStoreHelpers, pageMeasureHelpers] as const;
