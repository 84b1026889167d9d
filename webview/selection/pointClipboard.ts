// Copy, cut, paste and duplicate of the selected journey points, from the
// document's clipboard events (Ctrl+C / Ctrl+X / Ctrl+V, however the
// webview host delivers them) and Ctrl+D. Copied points go to the system
// clipboard as JSON text (and stay in memory for hosts whose clipboard the
// webview cannot read); a paste becomes one `pastePoints` edit, onto the
// selected point's only edge when it has one. Text fields keep their own
// clipboard.
import { useEffect, useRef } from 'react';
import type { JourneyOperation, Slot } from '../../src/core/edits/journeyOperation';
import { arrayField, stringField } from '../../src/core/edits/nodeReferences';
import type { MapModel } from '../../src/core/mapModel';

/** What the clipboard text holds: `{ "journeyPoints": [...] }`. */
const MARKER = 'journeyPoints';
let memory: unknown[] | undefined;

/** The copied points in a clipboard text, if it holds some. */
export function pointsInClipboardText(text: string): unknown[] | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return Array.isArray(value?.[MARKER]) && value[MARKER].length > 0 ? (value[MARKER] as unknown[]) : undefined;
  } catch {
    return undefined;
  }
}

const inTextEntry = (target: EventTarget | null): boolean => {
  const el = target instanceof Element ? target : null;
  if (!el) return false;
  if (el.closest('input, textarea, vscode-text-field, vscode-text-area, [contenteditable="true"]')) return true;
  const active = document.activeElement;
  return !!active && !!active.closest('input, textarea, vscode-text-field, vscode-text-area');
};

export interface PointClipboardOptions {
  model: MapModel | undefined;
  journey: unknown;
  /** The keys of every selected node. */
  selection: string[];
  /** The primary selected node's key. */
  primary: string | null;
  editable: boolean;
  edit(op: JourneyOperation): void;
  notify(text: string): void;
}

export function usePointClipboard(options: PointClipboardOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const selectedPoints = (): unknown[] => {
      const { model, journey, selection } = latest.current;
      if (!model) return [];
      const ids = new Set(selection.map((k) => model.nodes.find((n) => n.key === k)).filter((n) => n?.kind === 'point').map((n) => n!.id));
      return arrayField(journey, 'points').filter((p) => ids.has(stringField(p, 'id') ?? ''));
    };
    const pasteTarget = (): { from: string; slot: Slot } | undefined => {
      const { model, primary, selection } = latest.current;
      if (!model || !primary || selection.length > 1) return undefined;
      const out = model.edges.filter((e) => e.from === primary);
      const node = model.nodes.find((n) => n.key === primary);
      return out.length === 1 && node && node.kind !== 'missing' ? { from: node.id, slot: out[0]!.slot } : undefined;
    };
    const paste = (points: unknown[]) => {
      if (!latest.current.editable) return;
      const at = pasteTarget();
      latest.current.edit({ op: 'pastePoints', points: points as never, ...(at ? { at } : {}) });
    };
    const copy = (e: ClipboardEvent, cut: boolean) => {
      if (inTextEntry(e.target)) return;
      const points = selectedPoints();
      if (points.length === 0) return;
      e.preventDefault();
      memory = points;
      e.clipboardData?.setData('text/plain', JSON.stringify({ [MARKER]: points }, null, 2));
      if (cut && latest.current.editable) latest.current.edit({ op: 'deletePoints', ids: points.map((p) => stringField(p, 'id')!) });
      else latest.current.notify(`Copied ${points.length === 1 ? '1 point' : `${points.length} points`}.`);
    };
    const onCopy = (e: ClipboardEvent) => copy(e, false);
    const onCut = (e: ClipboardEvent) => copy(e, true);
    const onPaste = (e: ClipboardEvent) => {
      if (inTextEntry(e.target)) return;
      const points = pointsInClipboardText(e.clipboardData?.getData('text/plain') ?? '') ?? memory;
      if (!points) return;
      e.preventDefault();
      paste(points);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'd' || inTextEntry(e.target)) return;
      const points = selectedPoints();
      if (points.length === 0) return;
      e.preventDefault();
      e.stopPropagation();
      if (latest.current.editable) latest.current.edit({ op: 'pastePoints', points: points as never });
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
}
