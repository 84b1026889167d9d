// The font family the map's text is drawn (and measured) in: the page's, which is VS Code's.
export const mapFontFamily = (): string => getComputedStyle(document.body).fontFamily || 'sans-serif';
