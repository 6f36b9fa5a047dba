// A docs page's theme toggle, as each generator implements it (?gen=material|vitepress|docusaurus|furo|pydata|
// color-scheme), and a record of what the page saw: Stacklayers messages, ready events, CSP violations.
(() => {
  const gen = new URLSearchParams(location.search).get('gen') ?? 'docusaurus';
  const html = document.documentElement;
  const marks = {
    material: (dark) => document.body.setAttribute('data-md-color-scheme', dark ? 'slate' : 'default'),
    vitepress: (dark) => html.classList.toggle('dark', dark),
    docusaurus: (dark) => html.setAttribute('data-theme', dark ? 'dark' : 'light'),
    furo: (dark) => document.body.setAttribute('data-theme', dark ? 'dark' : 'light'),
    pydata: (dark) => {
      html.setAttribute('data-theme', dark ? 'dark' : 'light');
      html.setAttribute('data-mode', dark ? 'dark' : 'light');
    },
    'color-scheme': (dark) => html.classList.toggle('cs-dark', dark),
  };
  if (gen === 'vitepress') {
    const meta = document.createElement('meta');
    meta.name = 'generator';
    meta.content = 'VitePress v1.6.3';
    document.head.append(meta);
  }
  const record = { messages: [], ready: [], violations: [] };
  window.__host = record;
  addEventListener('message', (e) => {
    if (e.data && typeof e.data.type === 'string' && e.data.type.startsWith('stacklayers:'))
      record.messages.push(e.data);
  });
  document.addEventListener('stacklayers-ready', (e) => record.ready.push(e.detail));
  document.addEventListener('securitypolicyviolation', (e) =>
    record.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  let dark = false;
  const set = (on) => {
    dark = on;
    marks[gen]?.(on);
  };
  const start = () => {
    if (gen !== 'color-scheme' && gen !== 'vitepress') set(false);
    document.getElementById('toggle')?.addEventListener('click', () => set(!dark));
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
