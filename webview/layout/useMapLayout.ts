// Keeps the drawn map and its layout together: a model with the same shape
// as the last one reuses its layout at once (titles, summaries, problems
// change without a layout run), a new shape is laid out in the worker and
// swapped in with its model when ready, so nodes and edges never disagree.
// A new layout keeps every node the edit did not have to move where it was
// (stabilizeLayout), and a long map is set in columns (wrapIntoColumns).
import { useEffect, useRef, useState } from 'react';
import type { MapModel } from '../../src/core/mapModel';
import { layoutMap, type MapLayout } from './elkLayout';
import { wrapIntoColumns } from './columnLayout';
import { stabilizeLayout } from './stableLayout';

/** The shape (width / height) of the map's canvas, or of the window less the inspector before it is drawn. */
function canvasAspect(): number {
  const canvas = document.querySelector('.map-canvas');
  const width = canvas && canvas.clientWidth > 0 ? canvas.clientWidth : window.innerWidth - 340;
  const height = canvas && canvas.clientHeight > 0 ? canvas.clientHeight : window.innerHeight - 32;
  return Math.min(4, Math.max(0.5, width / Math.max(1, height)));
}

export interface LaidOutMap {
  model: MapModel;
  /** The document version the model was built from. */
  documentVersion: number;
  layout: MapLayout;
  /** elkjs milliseconds of this render; 0 when the layout was reused. */
  layoutMs: number;
}

export function useMapLayout(model: MapModel | undefined, documentVersion: number): { shown: LaidOutMap | undefined; error: string | undefined; pending: boolean } {
  const [shown, setShown] = useState<LaidOutMap | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const cache = useRef<{ key: string; layout: MapLayout } | undefined>(undefined);
  const sequence = useRef(0);
  /** The layout on screen, which the next one keeps still. */
  const onScreen = useRef<MapLayout | undefined>(undefined);

  useEffect(() => {
    if (!model) return;
    const ticket = ++sequence.current;
    if (cache.current?.key === model.shapeKey) {
      setShown({ model, documentVersion, layout: cache.current.layout, layoutMs: 0 });
      setPending(false);
      return;
    }
    setPending(true);
    layoutMap(model).then(
      (layout) => {
        if (ticket !== sequence.current) return;
        const stable = stabilizeLayout(onScreen.current, wrapIntoColumns(layout, model, canvasAspect()), model);
        cache.current = { key: model.shapeKey, layout: { ...stable, worldShift: undefined } };
        onScreen.current = stable;
        setShown({ model, documentVersion, layout: stable, layoutMs: layout.layoutMs });
        setError(undefined);
        setPending(false);
      },
      (e: unknown) => {
        if (ticket !== sequence.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setPending(false);
      },
    );
  }, [model, documentVersion]);

  return { shown, error, pending };
}
