import cliProgress from 'cli-progress';
import type { Lang } from './i18n.js';

/** Reports progress of a long pass over events: a bar on a terminal, plain lines otherwise. */
export interface Progress {
  /** `done` events so far; `ratio` (0–1) of the input when its size is known (file bytes). */
  update(done: number, ratio?: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 2000;

/**
 * A progress reporter on stderr (stdout stays for data). On a TTY: a cli-progress bar with
 * events/s and ETA; otherwise one plain line every couple of seconds and one at the end.
 */
export const createProgress = (label: string, lang: Lang, quiet = false): Progress => {
  const started = performance.now();
  const rate = (done: number): number =>
    Math.round(done / Math.max(0.001, (performance.now() - started) / 1000));
  if (quiet) return { update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const unit = lang === 'zh' ? '事件' : 'events';
    let bar: cliProgress.SingleBar | undefined;
    let sized = false;
    let last = 0;
    // The format is chosen on the first update: with a known size (a file) a bar and an ETA,
    // without (a store does not say how many events it holds) a running count and the rate.
    const open = (ratio: number | undefined): cliProgress.SingleBar => {
      sized = ratio !== undefined;
      const b = new cliProgress.SingleBar(
        {
          format: sized
            ? `${label} {bar} {percentage}% | {done} ${unit} | {speed} ev/s | ETA {eta_formatted}`
            : `${label} {done} ${unit} | {speed} ev/s`,
          stream: process.stderr,
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      b.start(1000, 0, { done: 0, speed: 0 });
      return b;
    };
    return {
      update(done, ratio) {
        last = done;
        bar ??= open(ratio);
        bar.update(sized && ratio !== undefined ? Math.round(ratio * 1000) : 0, {
          done,
          speed: rate(done),
        });
      },
      stop() {
        if (!bar) return;
        bar.update(sized ? 1000 : 0, { done: last, speed: rate(last) });
        bar.stop();
      },
    };
  }
  let lastLine = started;
  let last = 0;
  const line = (done: number, ratio?: number): void => {
    const pct = ratio === undefined ? '' : ` (${Math.round(ratio * 100)}%)`;
    process.stderr.write(
      `${label}: ${done} ${lang === 'zh' ? '事件' : 'events'}${pct}, ${rate(done)} ev/s\n`,
    );
  };
  return {
    update(done, ratio) {
      last = done;
      const now = performance.now();
      if (now - lastLine >= PLAIN_EVERY_MS) {
        lastLine = now;
        line(done, ratio);
      }
    },
    stop() {
      line(last, 1);
    },
  };
};
