import * as engine from '../topology/failures/engine';
import { setFailureEngine } from './derived';

// Imported for its effect by every module that tells failures: the engine is then there when they render.
setFailureEngine(engine);

export { engine };
