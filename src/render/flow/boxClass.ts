/** The box classes of each kind are defined with the kind (`kinds/<kind>/def.ts`); kept here for the far layer. */
export { boxClass } from '../../kinds';
