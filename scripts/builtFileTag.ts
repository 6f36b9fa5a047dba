import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin } from 'vite';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;

/**
 * A build-only plugin that adds one tag to the built pages for a file of the build (found in the bundle by
 * `find`), with the file's URL under the configured base: the font preload, the early script.
 */
export function builtFileTag(
  name: string,
  find: (bundle: Bundle) => string | undefined,
  tag: (href: string) => HtmlTagDescriptor,
): Plugin {
  let base = '/';
  return {
    name,
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const file = ctx.bundle ? find(ctx.bundle) : undefined;
        return file ? [tag(`${base}${file}`)] : [];
      },
    },
  };
}
