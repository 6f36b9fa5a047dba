import * as engine from '../../topology/failures/engine';
import { setFailureEngine } from './failureEngineSlot';

// Imported for its effect by every module that tells failures: the engine is then there when they render.
setFailureEngine(engine);
