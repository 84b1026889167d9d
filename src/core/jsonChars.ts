// The character codes JSON's grammar is made of (whitespace, quotes,
// separators, brackets), shared by the readers of JSON text
// (jsonDocument.ts) and of JSON bytes (jsonBytes.ts): in UTF-8 they are
// single bytes of the same value. Pure.
export const enum JsonChar {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Colon = 58,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}
