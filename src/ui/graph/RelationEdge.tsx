/** A relation: a curve from requirer to provider, labelled with its id and endpoint names (its id alone in a big model, until selected). */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRelviz } from '../StoreContext.tsx';

export interface RelationEdgeData extends Record<string, unknown> {
  readonly relationId: number;
  readonly label: string;
  /** Label it with its id alone (a big model: the endpoints are on the cards), unless selected. */
  readonly short: boolean;
  readonly dying: boolean;
  readonly container: boolean;
}

export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;

export const RelationEdge = memo(function RelationEdge(props: EdgeProps<RelationFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const select = useRelviz((s) => s.select);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  if (!data) return null;
  const colour = data.dying ? '#94a3b8' : selected ? '#ea580c' : '#334155';
  return (
    <>
      <g data-relation-id={data.relationId}>
        <BaseEdge id={id} path={path} style={{ stroke: colour, strokeWidth: selected ? 4 : 2.5, strokeDasharray: data.dying || data.container ? '6 4' : undefined }} />
      </g>
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`nodrag nopan absolute rounded-md border px-1.5 py-0.5 font-mono text-xs shadow-sm ${selected ? 'border-orange-500 bg-orange-50' : 'border-slate-300 bg-white'} ${data.dying ? 'text-slate-500 line-through' : 'text-slate-800'}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, pointerEvents: 'all' }}
          data-relation-label={data.relationId}
          aria-label={`Relation ${data.relationId}: ${data.label}`}
          aria-pressed={selected}
          title={data.short ? data.label : undefined}
          onClick={() => select({ kind: 'relation', id: data.relationId })}
        >
          <span className="font-bold">#{data.relationId}</span>
          {data.short && !selected ? '' : ` ${data.label}`}
        </button>
      </EdgeLabelRenderer>
    </>
  );
});
