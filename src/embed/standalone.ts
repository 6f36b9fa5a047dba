// The entry of `dist/stacklayers-diagram.js` (vite.wc.config.ts): defines <stacklayers-diagram> and exports
// nothing, so the one-file build runs alike as a classic script and as a module, and adds no global.
import './webComponent';
