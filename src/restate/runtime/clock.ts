// Journey time and wall time. Everything a journey does happens at a journey
// instant (epoch ms): trace entries, waits, deadlines. The clock maps journey
// time to the wall clock the durable timers run on. In production the two are
// the same; under test one journey day can last a few hundred milliseconds
// (`dayMs`), anchored at an `epoch` pair, so the same journey runs fast under
// test and at real time in production. Timer instants are computed in
// journey time, so scaling never changes what a contact does, only when.

export const REAL_DAY_MS = 86_400_000;

export interface ClockSettings {
  /** Wall milliseconds one journey day lasts; 86 400 000 is real time. */
  dayMs: number;
  /** A journey instant and the wall instant it corresponds to (epoch ms); required when scaled. */
  epoch?: { journeyTime: number; wallTime: number };
}

export class JourneyClock {
  /** Journey milliseconds per wall millisecond. */
  readonly speed: number;
  private readonly journeyOrigin: number;
  private readonly wallOrigin: number;

  constructor(settings: ClockSettings) {
    if (!(settings.dayMs > 0)) throw new Error(`dayMs must be a positive number of milliseconds, not ${settings.dayMs}`);
    this.speed = REAL_DAY_MS / settings.dayMs;
    if (settings.epoch) {
      this.journeyOrigin = settings.epoch.journeyTime;
      this.wallOrigin = settings.epoch.wallTime;
    } else {
      if (this.speed !== 1) throw new Error('A scaled clock (dayMs other than 86400000) needs an epoch: the journey instant that corresponds to a wall instant.');
      this.journeyOrigin = 0;
      this.wallOrigin = 0;
    }
  }

  /** The journey instant at a wall instant. */
  journeyAt(wallMs: number): number {
    return Math.floor(this.journeyOrigin + (wallMs - this.wallOrigin) * this.speed);
  }

  /** The wall instant at which a journey instant is reached. */
  wallAt(journeyMs: number): number {
    return this.wallOrigin + (journeyMs - this.journeyOrigin) / this.speed;
  }

  /** Wall milliseconds from `nowWall` until a journey instant, never negative. */
  wallDelayUntil(journeyMs: number, nowWall: number): number {
    return Math.max(0, Math.ceil(this.wallAt(journeyMs) - nowWall));
  }
}
