// The codicons the map uses, by name, and the codicon font itself: bundled
// as bytes and registered with the FontFace API (no URL, nothing fetched),
// so the same bytes also embed in exported SVG files.
import codiconFont from '@vscode/codicons/dist/codicon.ttf' with { type: 'bytes' };

const CODEPOINTS = {
  mail: 0xeb1c,
  comment: 0xea6b,
  tag: 0xea66,
  'circle-slash': 0xeabd,
  'symbol-field': 0xeb5f,
  bell: 0xeaa2,
  'bell-slash': 0xec08,
  globe: 0xeb01,
  'sign-out': 0xea6e,
  question: 0xeb32,
  watch: 0xeb7c,
  calendar: 0xeab0,
  'bell-dot': 0xeb9a,
  'type-hierarchy-sub': 0xebba,
  'pass-filled': 0xebb3,
  'person-add': 0xebcd,
  'symbol-event': 0xea86,
  checklist: 0xeab3,
  'mail-read': 0xeb1b,
  organization: 0xea7e,
  plug: 0xeb2d,
  'debug-start': 0xead3,
  warning: 0xea6c,
  error: 0xea87,
  info: 0xea74,
  'zoom-in': 0xeb81,
  'zoom-out': 0xeb82,
  'screen-full': 0xeb4c,
  add: 0xea60,
  trash: 0xea81,
  lock: 0xea75,
  pin: 0xeb2b,
  pinned: 0xeba0,
  'go-to-file': 0xea94,
  lightbulb: 0xea61,
  export: 0xebac,
  discard: 0xeae2,
  redo: 0xebb0,
  close: 0xea76,
  filter: 0xeaf1,
  edit: 0xea73,
  link: 0xeb15,
  'chevron-down': 0xeab4,
  'chevron-left': 0xeab5,
  fold: 0xeaf5,
  unfold: 0xeb73,
  'chevron-right': 0xeab6,
  play: 0xeb2c,
  map: 0xec05,
  'arrow-right': 0xea9c,
  refresh: 0xeb37,
  unlock: 0xeb74,
  pulse: 0xeb31,
  'debug-stop': 0xead7,
  layout: 0xebeb,
} as const;

export type IconName = keyof typeof CODEPOINTS;

/** The font character of a codicon (a question mark icon for an unknown name). */
export function iconChar(name: string): string {
  return String.fromCodePoint((CODEPOINTS as Record<string, number>)[name] ?? CODEPOINTS.question);
}

export const CODICON_FONT_FAMILY = 'codicon';

/** Registers the codicon font from its bundled bytes; resolves when it can be used. */
export async function loadCodiconFont(): Promise<void> {
  const face = new FontFace(CODICON_FONT_FAMILY, codiconFont.slice().buffer);
  document.fonts.add(face);
  await face.load();
}

/** The font as a data: URL, for an exported SVG that must draw its icons anywhere. */
export function codiconFontDataUrl(): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < codiconFont.length; i += chunk) binary += String.fromCharCode(...codiconFont.subarray(i, i + chunk));
  return `data:font/ttf;base64,${btoa(binary)}`;
}
