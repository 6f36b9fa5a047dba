/** The box classes of each kind are defined with the kind (`kinds/<kind>.ts`); kept here for the far layer. */
export { boxClass } from '../kinds';
