// A piece of the webview's state that survives the webview being hidden or
// reloaded (VS Code's getState / setState), by key, as a React state hook.
import { useState } from 'react';
import { webviewApi } from './hostBridge';

export function useWebviewState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const stored = (webviewApi().getState() as Record<string, unknown> | undefined)?.[key];
    return stored !== undefined && typeof stored === typeof initial ? { ...initial, ...(stored as object) } as T : initial;
  });
  const set = (next: T) => {
    setValue(next);
    const all = (webviewApi().getState() as Record<string, unknown> | undefined) ?? {};
    webviewApi().setState({ ...all, [key]: next });
  };
  return [value, set];
}
