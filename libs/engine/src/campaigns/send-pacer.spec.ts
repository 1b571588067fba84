import { SendPacer, SendPacers, type PacerClock } from './send-pacer';

/** A clock that only moves when someone sleeps on it. */
function manualClock(startMs = 0): PacerClock {
  let now = startMs;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

describe('SendPacer', () => {
  it('spaces sends 1 s apart at the default rate of 1 per second', async () => {
    const clock = manualClock(1_000);
    const pacer = new SendPacer(clock);
    const at: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pacer.wait(1);
      at.push(clock.now());
    }
    expect(at).toEqual([1_000, 2_000, 3_000, 4_000, 5_000]);
  });

  it('paces at the campaign rate (10/s -> 100 ms apart) and does not bank idle time as a burst', async () => {
    const clock = manualClock();
    const pacer = new SendPacer(clock);
    await pacer.wait(10);
    await pacer.wait(10);
    expect(clock.now()).toBe(100);
    await clock.sleep(5_000);
    const before = clock.now();
    await pacer.wait(10);
    await pacer.wait(10);
    expect(clock.now() - before).toBe(100);
  });

  it('shares one pacer per sender, so two campaigns on one number stay within its rate', async () => {
    const clock = manualClock();
    const pacers = new SendPacers(clock);
    await Promise.all([pacers.for('+15005550006').wait(2), pacers.for('+15005550006').wait(2), pacers.for('+15005550006').wait(2)]);
    expect(clock.now()).toBe(1_000);
    expect(pacers.for('MG123')).not.toBe(pacers.for('+15005550006'));
  });
});
