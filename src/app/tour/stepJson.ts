import type { Persona } from '../../topology/explain';
import type { View } from '../../topology/views';

/**
 * An author's aid: what the diagram shows now, as a tour step's JSON to paste into a model's `tours`: the
 * view, the lens, the selected element (focused and highlighted) and the failures. Title and text are left
 * for the author to write.
 */
export function stepJson(state: {
  view: View;
  persona: Persona | null;
  selected: string | null;
  failed: readonly string[];
}): string {
  const step: Record<string, unknown> = {
    title: 'A short title',
    text: 'One idea, in a few sentences. Name the parts you focus on.',
    notes: 'What to point at and ask the room (presenter only).',
    view: state.view,
  };
  if (state.persona) step.persona = state.persona;
  if (state.selected) {
    step.focus = [state.selected];
    step.highlight = [state.selected];
  }
  if (state.failed.length > 0) step.fail = [...state.failed];
  return JSON.stringify(step, null, 2);
}
