import type { DrawBox } from '../../render/svg/body';
import { chip } from '../../render/svg/primitives';

/** A tenant's pod: a pill in the tenant tone. */
export const podSvg: DrawBox<'pod'> = (ctx, el, w, h) => chip(ctx.p.tone.tenant, 'pod', el.name, w, h);
