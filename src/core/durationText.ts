// Reads a duration as people write it ("3 days", "1d", "P3d", "2 weeks",
// "1h 30m", "90 minutes", "PT12h") and gives it as the ISO 8601 duration the
// format requires (P3D, P1D, P3D, P2W, PT1H30M, PT90M, PT12H), for the quick
// fix of an invalid duration and for duration completions. Undefined for
// text that is not clearly a duration (a month or a year has no fixed
// length, so "1 month" is not guessed). Pure.

type Unit = 'W' | 'D' | 'H' | 'M' | 'S';

const UNITS: Record<string, Unit> = {
  w: 'W', wk: 'W', wks: 'W', week: 'W', weeks: 'W',
  d: 'D', day: 'D', days: 'D',
  h: 'H', hr: 'H', hrs: 'H', hour: 'H', hours: 'H',
  m: 'M', min: 'M', mins: 'M', minute: 'M', minutes: 'M',
  s: 'S', sec: 'S', secs: 'S', second: 'S', seconds: 'S',
};

const ORDER: Unit[] = ['W', 'D', 'H', 'M', 'S'];

/** The ISO 8601 duration `text` means, or undefined. */
export function isoDurationOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^p/i.test(trimmed)) return isoFromLooseIso(trimmed);
  const amounts = new Map<Unit, number>();
  const re = /(\d+)\s*([a-z]+)\s*(?:,|and)?\s*/giy;
  let consumed = 0;
  for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) {
    const unit = UNITS[m[2]!.toLowerCase()];
    if (!unit || amounts.has(unit)) return undefined;
    amounts.set(unit, Number(m[1]));
    consumed = re.lastIndex;
  }
  if (consumed !== trimmed.length || amounts.size === 0) return undefined;
  return build(amounts);
}

/** An ISO duration written in lower case or with its `T` missing ("P3d", "p1dt2h", "P1H"). */
function isoFromLooseIso(text: string): string | undefined {
  const upper = text.toUpperCase();
  // "P1M" is a month in ISO 8601, which has no fixed length: not guessed as minutes.
  if (/^P[^T]*\d+M/.test(upper) && !/H/.test(upper)) return undefined;
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(upper);
  if (!m || upper === 'P' || upper === 'PT') return undefined;
  const amounts = new Map<Unit, number>();
  ORDER.forEach((unit, i) => {
    if (m[i + 1] !== undefined) amounts.set(unit, Number(m[i + 1]));
  });
  return amounts.size ? build(amounts) : undefined;
}

function build(amounts: Map<Unit, number>): string {
  const part = (u: Unit) => (amounts.has(u) ? `${amounts.get(u)}${u}` : '');
  const time = part('H') + part('M') + part('S');
  return `P${part('W')}${part('D')}${time ? `T${time}` : ''}`;
}
