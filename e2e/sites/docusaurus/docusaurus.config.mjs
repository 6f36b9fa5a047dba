// A minimal Docusaurus site with the stacklayers fence (built by e2e/docs-sites-docusaurus.spec.ts), served
// from a sub-path. The component is copied into static/stacklayers/ (by the test; by hand on a real site)
// and loaded once per page as a module script.
import remarkStacklayers from '../../../integrations/remark/index.mjs';

const baseUrl = '/docusaurus/';

export default {
  title: 'Stacklayers in Docusaurus',
  url: 'http://sites.test',
  baseUrl,
  onBrokenLinks: 'throw',
  presets: [
    [
      'classic',
      {
        docs: { routeBasePath: '/', remarkPlugins: [remarkStacklayers] },
        blog: false,
        pages: false,
      },
    ],
  ],
  scripts: [{ src: `${baseUrl}stacklayers/stacklayers-diagram.js`, type: 'module' }],
};
