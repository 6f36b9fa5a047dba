import defaultModelText from '../../../public/models/default.json?raw';
import type { Model } from '../../model/schema';
import { DEFAULT_EXAMPLE } from './examples';
import { registerBundledExample } from './loaders';

// The app ships its default model (17 KB, ~4 KB gzip) so its first diagram needs no request, and no
// validator: the text is checked by `bundledDefault.test.ts`, not on every page load. embed.html does not
// import this module: it is mostly given a model, and its JavaScript budget is tight. The one-file web component
// does: with no model it draws this one, and it may fetch nothing the page did not name.
registerBundledExample(DEFAULT_EXAMPLE.id, defaultModelText, JSON.parse(defaultModelText) as Model);
