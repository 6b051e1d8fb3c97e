/** The selected unit, application or relation as it is at the cursor (pure); null when gone or nothing is selected. */
import type { Selection } from '../../store/store.ts';
import type { AppView, ModelView, RelationView, UnitView } from '../../store/view.ts';

export type SelectionTarget =
  | { readonly kind: 'unit'; readonly unit: UnitView; readonly life: 'alive' | 'dying' }
  | { readonly kind: 'app'; readonly app: AppView; readonly life: 'alive' | 'dying' }
  | { readonly kind: 'relation'; readonly relation: RelationView; readonly life: 'alive' | 'dying' };

export function selectionTarget(view: ModelView, selection: Selection): SelectionTarget | null {
  if (selection === null) return null;
  switch (selection.kind) {
    case 'unit': {
      const unit = view.units[selection.name];
      return unit ? { kind: 'unit', unit, life: unit.life } : null;
    }
    case 'app': {
      const app = view.apps.find((a) => a.name === selection.name);
      return app ? { kind: 'app', app, life: app.life } : null;
    }
    case 'relation': {
      const relation = view.relations.find((r) => r.id === selection.id);
      return relation ? { kind: 'relation', relation, life: relation.life } : null;
    }
  }
}
