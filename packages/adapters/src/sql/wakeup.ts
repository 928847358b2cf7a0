/**
 * A level-triggered wake-up for pollers: `wait(since)` returns at once when something was
 * signalled after `since` was read, so a notification that lands between a read and the wait
 * is never lost.
 */
export const createWakeup = () => {
  let generation = 0;
  let waiters: (() => void)[] = [];
  return {
    generation: (): number => generation,
    notify: (): void => {
      generation++;
      const waiting = waiters;
      waiters = [];
      for (const w of waiting) w();
    },
    /** Resolves on the next signal after `since`, or after `timeoutMs` (the polling fallback). */
    wait: (since: number, timeoutMs: number): Promise<void> => {
      if (generation !== since) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        waiters.push(done);
      });
    },
  };
};

export type Wakeup = ReturnType<typeof createWakeup>;
