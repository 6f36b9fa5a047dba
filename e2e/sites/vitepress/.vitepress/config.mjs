// A minimal VitePress site with the stacklayers fence (built by e2e/docs-sites-vitepress.spec.ts), served
// from a sub-path.
import stacklayers from '../../../../integrations/markdown-it/index.mjs';

export default {
  title: 'Stacklayers in VitePress',
  base: '/vitepress/',
  markdown: { config: (md) => md.use(stacklayers) },
  // Without this Vue treats <stacklayers-diagram> as a Vue component, fails to resolve it and drops it.
  vue: { template: { compilerOptions: { isCustomElement: (tag) => tag === 'stacklayers-diagram' } } },
};
