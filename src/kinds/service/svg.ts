import type { DrawBox } from '../../render/svg/body';
import { chip } from '../../render/svg/primitives';

/** A service instance: a chip in its category's tone, its border dashed for a process, square for a container. */
export const serviceSvg: DrawBox<'service'> = (ctx, el, w, h) =>
  chip(ctx.p.tone[el.category], el.form, el.name, w, h);
