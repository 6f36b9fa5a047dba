import DefaultTheme from 'vitepress/theme';
// The component, bundled by VitePress and loaded in the browser only.
import '../../../../../integrations/core/component.js';

export default DefaultTheme;
