// Loads the <stacklayers-diagram> web component in the browser, never during server-side rendering (where
// there is no customElements). Bundled by the site's own bundler (VitePress's theme, a Docusaurus client
// module). The one place of the component's path for bundlers; see stacklayers.mjs for Node.
if (typeof customElements !== 'undefined') import('../../dist/stacklayers-diagram.js');
