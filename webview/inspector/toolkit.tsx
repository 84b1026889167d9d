// The webview-ui-toolkit web components, registered once and used directly
// as custom elements in React 19, wrapped so each field reports one
// committed value per gesture (on change: Enter or leaving the field), which
// becomes one edit of the document.
import {
  provideVSCodeDesignSystem,
  vsCodeBadge,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDivider,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeTextArea,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';
import { type DetailedHTMLProps, type HTMLAttributes, type ReactNode, type RefObject, useEffect, useId, useLayoutEffect, useReducer, useRef } from 'react';
import { editsPending, onEditsSettled } from '../hostBridge';
import { iconChar } from '../icons';
import { committingText } from './fieldChange';

let registered = false;
export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeTextField(), vsCodeTextArea(), vsCodeDropdown(), vsCodeOption(), vsCodeCheckbox(), vsCodeDivider(), vsCodeBadge());
}

type CustomElementProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
  class?: string;
  value?: string;
  disabled?: boolean;
  readonly?: boolean;
  placeholder?: string;
  appearance?: string;
  checked?: boolean;
  selected?: boolean;
  type?: string;
  size?: number;
  resize?: string;
  rows?: number;
  position?: string;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'vscode-button': CustomElementProps;
      'vscode-text-field': CustomElementProps;
      'vscode-text-area': CustomElementProps;
      'vscode-dropdown': CustomElementProps;
      'vscode-option': CustomElementProps;
      'vscode-checkbox': CustomElementProps;
      'vscode-divider': CustomElementProps;
      'vscode-badge': CustomElementProps;
    }
  }
}

interface ValueElement extends HTMLElement {
  value: string;
  checked?: boolean;
}

/** Calls `handler` for `event` on the element, always the latest handler. */
function useElementEvent<T extends HTMLElement>(ref: RefObject<T | null>, event: string, handler: (el: T) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const listener = () => latest.current(el);
    el.addEventListener(event, listener);
    return () => el.removeEventListener(event, listener);
  }, [ref, event]);
}

/**
 * What a text field holds apart from its text: `base`, the value its text
 * started from (the document's, or the last value it committed), and
 * `awaiting`, a committed value the document does not show yet.
 */
interface FieldState {
  base: string;
  awaiting?: string;
}
const fieldStates = new WeakMap<HTMLElement, FieldState>();

/** Whether the person typed into this field (a toolkit text field or a native input) something not committed yet. */
export function hasUncommittedText(el: HTMLElement): boolean {
  const state = fieldStates.get(el);
  if (state) return (el as ValueElement).value !== state.base;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value !== el.defaultValue : false;
}

/**
 * Keeps a text field in step with the document without ever overwriting
 * what the person typed and has not committed: the field takes the
 * document's value only while its text is still the value it started from,
 * and not while its own committed value is on its way to the document (the
 * document may pass through older texts meanwhile). Returns `commit`, which
 * the field's change handler calls with its text; when the text is a change
 * to send, it answers the text the typing started from.
 */
function useSyncedValue(ref: RefObject<ValueElement | null>, value: string): (text: string) => string | undefined {
  // Re-checked when the last edit in flight is answered (it may have been refused).
  const [settled, recheck] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onEditsSettled(recheck), []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let state = fieldStates.get(el);
    if (!state) {
      state = { base: value };
      fieldStates.set(el, state);
      showValue(el, value);
      return;
    }
    if (state.awaiting !== undefined) {
      if (value === state.awaiting) state.awaiting = undefined;
      else if (editsPending()) return;
      else state.awaiting = undefined;
    }
    if (el.value === state.base) {
      if (el.value !== value) showValue(el, value);
      state.base = value;
    }
  }, [ref, value, settled]);
  return (text: string) => {
    const el = ref.current;
    const state = el ? fieldStates.get(el) : undefined;
    if (!state || text === state.base) return undefined;
    const from = state.base;
    state.base = text;
    state.awaiting = text;
    return from;
  };
}

/**
 * Shows `value` in the field at once. A toolkit field copies its `value`
 * into the input inside it only at the next animation frame: a key typed
 * before that frame (a busy or unfocused webview runs it late) would be
 * typed into the old text, which would then replace the new value.
 */
function showValue(el: ValueElement, value: string): void {
  el.value = value;
  const control = (el as { control?: unknown }).control;
  if ((control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) && control.value !== value) control.value = value;
}

/** Puts the field back to the value its text started from (a refused entry). */
function revert(el: ValueElement): void {
  const state = fieldStates.get(el);
  if (state) showValue(el, state.base);
}

export function TextField(props: { label: string; value: string; onCommit(value: string): void; placeholder?: string; disabled?: boolean; invalid?: string; hint?: string; name?: string }) {
  const ref = useRef<ValueElement>(null);
  const commit = useSyncedValue(ref, props.value);
  useElementEvent(ref, 'change', (el) => {
    const text = el.value;
    const from = commit(text);
    if (from !== undefined) committingText(text, from, () => props.onCommit(text));
  });
  // No `value` attribute: React would write it over the text being typed; useSyncedValue sets it.
  return (
    <div className={`field${props.invalid ? ' field-invalid' : ''}`}>
      <vscode-text-field ref={ref} placeholder={props.placeholder} disabled={props.disabled} data-field={props.name ?? props.label} aria-label={props.label} aria-invalid={props.invalid ? 'true' : undefined}>
        {props.label}
      </vscode-text-field>
      {props.invalid ? <div className="field-message error">{props.invalid}</div> : props.hint ? <div className="field-message">{props.hint}</div> : null}
    </div>
  );
}

export function NumberField(props: { label: string; value: number | undefined; onCommit(value: number): void; min?: number; max?: number; integer?: boolean; disabled?: boolean; name?: string }) {
  const text = props.value === undefined ? '' : String(props.value);
  const parse = (raw: string): string | undefined => {
    if (raw.trim() === '') return 'A number is needed';
    const n = Number(raw);
    if (!Number.isFinite(n)) return 'Not a number';
    if (props.integer && !Number.isInteger(n)) return 'A whole number is needed';
    if (props.min !== undefined && n < props.min) return `At least ${props.min}`;
    if (props.max !== undefined && n > props.max) return `At most ${props.max}`;
    return undefined;
  };
  const ref = useRef<ValueElement>(null);
  const commit = useSyncedValue(ref, text);
  useElementEvent(ref, 'change', (el) => {
    if (parse(el.value)) {
      revert(el);
      return;
    }
    if (commit(el.value) !== undefined) props.onCommit(Number(el.value));
  });
  return (
    <div className="field field-number">
      <vscode-text-field ref={ref} disabled={props.disabled} data-field={props.name ?? props.label} aria-label={props.label} inputMode="decimal">
        {props.label}
      </vscode-text-field>
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function Dropdown(props: { label: string; value: string; choices: Choice[]; onChange(value: string): void; disabled?: boolean; name?: string }) {
  const ref = useRef<ValueElement>(null);
  const id = useId();
  const choices = props.choices.some((c) => c.value === props.value) ? props.choices : [{ value: props.value, label: props.value || '(none)' }, ...props.choices];
  useEffect(() => {
    const el = ref.current;
    if (el && el.value !== props.value) el.value = props.value;
  });
  useElementEvent(ref, 'change', (el) => {
    if (el.value !== props.value) props.onChange(el.value);
  });
  return (
    <div className="field">
      <label className="field-label" id={id}>{props.label}</label>
      <vscode-dropdown ref={ref} aria-labelledby={id} disabled={props.disabled} data-field={props.name ?? props.label} position="below">
        {choices.map((c) => (
          <vscode-option key={c.value} value={c.value} data-value={c.value} selected={c.value === props.value}>
            {c.label}
          </vscode-option>
        ))}
      </vscode-dropdown>
    </div>
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange(checked: boolean): void; disabled?: boolean }) {
  const ref = useRef<ValueElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && el.checked !== props.checked) el.checked = props.checked;
  }, [props.checked]);
  useElementEvent(ref, 'change', (el) => {
    if (el.checked !== props.checked) props.onChange(el.checked === true);
  });
  return (
    <vscode-checkbox ref={ref} checked={props.checked} disabled={props.disabled}>
      {props.label}
    </vscode-checkbox>
  );
}

export function Button(props: { children?: ReactNode; onClick(): void; appearance?: 'primary' | 'secondary' | 'icon'; disabled?: boolean; title?: string; icon?: string; name?: string }) {
  const ref = useRef<HTMLElement>(null);
  useElementEvent(ref, 'click', () => {
    if (!props.disabled) props.onClick();
  });
  return (
    <vscode-button ref={ref} appearance={props.appearance ?? 'secondary'} disabled={props.disabled} title={props.title} aria-label={props.appearance === 'icon' ? props.title : undefined} data-action={props.name}>
      {props.icon && (
        <span slot={props.appearance === 'icon' ? undefined : 'start'} className="codicon-glyph" aria-hidden="true">
          {iconChar(props.icon)}
        </span>
      )}
      {props.appearance === 'icon' ? null : props.children}
    </vscode-button>
  );
}

export function Divider() {
  return <vscode-divider role="separator" />;
}
