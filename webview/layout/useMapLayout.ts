// Keeps the drawn map and its layout together: a model with the same shape
// as the last one reuses its layout at once (titles, summaries, problems
// change without a layout run); an edit's new shape is placed at once
// around the nodes on screen, without elkjs (localPlacement.ts); only the
// first map, "Tidy Layout", collapsing or expanding branches, and an edit
// that cannot be placed so are laid out by elkjs in the worker, swapped in
// with their model when ready, so nodes and edges never disagree. Such a
// layout keeps every node the edit did not have to move where it was
// (stabilizeLayout), except after "Tidy Layout"; a long map is set in
// columns (wrapIntoColumns); several starting points into one point each
// get their own way in (separateStartEdges).
import { useEffect, useRef, useState } from 'react';
import type { MapModel } from '../../src/core/mapModel';
import { layoutMap, type MapLayout } from './elkLayout';
import { wrapIntoColumns } from './columnLayout';
import { placeLocally, type PlacedMap } from './localPlacement';
import { stabilizeLayout } from './stableLayout';
import { separateStartEdges } from './startEdges';

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
  /** elkjs milliseconds of this render; 0 when the layout was reused or placed without elkjs. */
  layoutMs: number;
}

/**
 * The map to draw for `model`. `tidy` counts the "Tidy Layout" requests: a
 * new count lays the map out afresh with elkjs, without keeping positions.
 */
export function useMapLayout(model: MapModel | undefined, documentVersion: number, tidy = 0): { shown: LaidOutMap | undefined; error: string | undefined; pending: boolean } {
  const [shown, setShown] = useState<LaidOutMap | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const cache = useRef<{ key: string; layout: MapLayout } | undefined>(undefined);
  const sequence = useRef(0);
  /** The map on screen, which the next one keeps still. */
  const onScreen = useRef<PlacedMap | undefined>(undefined);
  /** The "Tidy layout" count last laid out. */
  const tidied = useRef(tidy);
  /** The last model asked for, and whether it was drawn at once (without elkjs). */
  const [asked, setAsked] = useState<{ model: MapModel | undefined; documentVersion: number; tidy: number; drawn: boolean }>({ model: undefined, documentVersion: -1, tidy, drawn: false });

  /** The map drawn at once when the model has the shape of the last one, or its edit can be placed around it. */
  const drawAtOnce = (m: MapModel): MapLayout | undefined => {
    if (cache.current?.key === m.shapeKey) return cache.current.layout;
    const placed = onScreen.current ? placeLocally(onScreen.current, m) : undefined;
    if (placed) cache.current = { key: m.shapeKey, layout: { ...placed, worldShift: undefined } };
    return placed;
  };

  // A new model is drawn in this very render when it can be (React renders
  // again at once with the new state, before drawing anything), so the map
  // is not drawn once more with the old layout first.
  if (model && (asked.model !== model || asked.documentVersion !== documentVersion || asked.tidy !== tidy)) {
    const layout = tidied.current === tidy ? drawAtOnce(model) : undefined;
    setAsked({ model, documentVersion, tidy, drawn: layout !== undefined });
    if (layout) {
      onScreen.current = { model, layout };
      setShown({ model, documentVersion, layout, layoutMs: 0 });
      setError(undefined);
      setPending(false);
    }
  }

  useEffect(() => {
    if (!model) return;
    // A layout still on its way is for an older model: it is dropped.
    const ticket = ++sequence.current;
    if (asked.drawn && asked.model === model) return;
    const fresh = tidied.current !== tidy;
    tidied.current = tidy;
    setPending(true);
    layoutMap(model).then(
      (layout) => {
        if (ticket !== sequence.current) return;
        const wrapped = wrapIntoColumns(layout, model, canvasAspect());
        const next = separateStartEdges(fresh ? wrapped : stabilizeLayout(onScreen.current?.layout, wrapped, model), model);
        cache.current = { key: model.shapeKey, layout: { ...next, worldShift: undefined } };
        onScreen.current = { model, layout: next };
        setShown({ model, documentVersion, layout: next, layoutMs: layout.layoutMs });
        setError(undefined);
        setPending(false);
      },
      (e: unknown) => {
        if (ticket !== sequence.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setPending(false);
      },
    );
  }, [model, documentVersion, tidy]);

  return { shown, error, pending };
}
