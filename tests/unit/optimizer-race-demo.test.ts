/** The optimizer race demo's pure parts: racers from the settings, leaderboard rows, summaries, exports. */
import { describe, expect, expectTypeOf, test } from 'vitest';
import { defaultsOf } from '../../src/demos/settings.ts';
import { racerSettings } from '../../src/demos/optimizer-race/racers.ts';
import { OPTIMIZER_RACE_SPEC, type RaceSettings } from '../../src/demos/optimizer-race/spec.ts';
import { describeMlpRace, describeSurfaceRace, leaderboardRows, mlpExport, startPoint, surfaceExport } from '../../src/demos/optimizer-race/summary.ts';
import { DEFAULT_HYPERPARAMETERS } from '../../src/engines/optimizers/update-rules.ts';
import { seriesColor } from '../../src/views/colors.ts';

const defaults = defaultsOf(OPTIMIZER_RACE_SPEC) as RaceSettings;

describe('optimizer race settings', () => {
  test('are typed by the spec, each optimizer\'s keys included', () => {
    expectTypeOf<RaceSettings['problem']>().toEqualTypeOf<'valley' | 'rosenbrock' | 'saddle' | 'wells' | 'mlp'>();
    expectTypeOf<RaceSettings['adam.on']>().toEqualTypeOf<boolean>();
    expectTypeOf<RaceSettings['sgd.lr']>().toEqualTypeOf<number>();
    expect(defaults).toMatchObject({ problem: 'valley', speed: 3, 'sgd.on': true, 'sgd.lr': 0.35, 'adam.lr': 0.2, 'momentum.mu': 0.9 });
  });

  test('give each racer its own rate and switch, μ to momentum methods and ε to adaptive ones', () => {
    const settings: RaceSettings = { ...defaults, 'sgd.on': false, 'sgd.lr': 0.5, 'momentum.mu': 0.5, 'nesterov.mu': 0.7, 'adagrad.eps': 1e-6, 'rmsprop.decay': 0.9, 'adam.beta2': 0.99, 'adam.eps': 1e-4 };
    const racers = Object.fromEntries(racerSettings(settings).map((r) => [r.name, r]));
    expect(Object.keys(racers)).toEqual(['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']);
    expect(racers['sgd']).toEqual({ name: 'sgd', enabled: false, hyper: { ...DEFAULT_HYPERPARAMETERS, lr: 0.5, decay: 0.9, beta2: 0.99 } });
    expect(racers['momentum']!.hyper).toMatchObject({ lr: 0.05, mu: 0.5, eps: DEFAULT_HYPERPARAMETERS.eps });
    expect(racers['nesterov']!.hyper.mu).toBe(0.7);
    expect(racers['adagrad']!.hyper).toMatchObject({ mu: DEFAULT_HYPERPARAMETERS.mu, eps: 1e-6 });
    expect(racers['rmsprop']!.hyper).toMatchObject({ decay: 0.9, eps: 1e-8 });
    expect(racers['adam']).toEqual({ name: 'adam', enabled: true, hyper: { lr: 0.2, mu: 0.9, decay: 0.9, beta1: 0.9, beta2: 0.99, eps: 1e-4 } });
  });

  test('a start point outside the surface\'s range is moved to its edge', () => {
    const surface = { x: [-2, 2] as [number, number], y: [-1, 3] as [number, number] };
    expect(startPoint(1.5, 0.5, surface)).toEqual([1.5, 0.5]);
    expect(startPoint(-7, 9, surface)).toEqual([-2, 3]);
  });
});

const racer = (name: 'sgd' | 'momentum' | 'adam', extra: { enabled?: boolean; diverged?: boolean; loss?: number; smoothed?: number; reachedAt?: number }) => ({
  name, enabled: extra.enabled ?? true, diverged: extra.diverged ?? false, steps: 40, reachedAt: extra.reachedAt, loss: extra.loss ?? 1, smoothed: extra.smoothed ?? 1,
});

describe('optimizer race readouts', () => {
  test('the surface summary names the lowest running racer and the diverged ones', () => {
    const surface = { label: 'Rosenbrock function', minimum: 0 };
    const racers = [racer('sgd', { diverged: true, loss: Infinity }), racer('momentum', { loss: 0.012345 }), racer('adam', { loss: 0.5, enabled: true })];
    expect(describeSurfaceRace(surface, 40, racers)).toBe('Rosenbrock function, step 40. Lowest: Momentum at f = 0.01235 (minimum 0.000). Diverged: SGD.');
    expect(describeSurfaceRace(surface, 0, [racer('sgd', { enabled: false })])).toBe('Rosenbrock function, step 0. No optimizer is running.');
  });

  test('the MLP summary names the lowest smoothed loss', () => {
    expect(describeMlpRace(120, [racer('sgd', { smoothed: 0.9 }), racer('adam', { smoothed: 0.4567 }), racer('momentum', { smoothed: 0.1, enabled: false })])).toBe('MLP on MNIST, step 120. Lowest smoothed loss: Adam at 0.457.');
    expect(describeMlpRace(0, [racer('sgd', { smoothed: Number.NaN })])).toBe('MLP on MNIST, step 0. ');
  });

  test('leaderboard rows carry the label, colour and the loss the board ranks by', () => {
    const rows = leaderboardRows([racer('adam', { loss: 3, reachedAt: 12 })], (r) => r.loss - 1);
    expect(rows).toEqual([{ name: 'adam', label: 'Adam', color: seriesColor(5), loss: 2, steps: 40, reachedAt: 12, diverged: false, enabled: true }]);
  });

  test('exports: every position or loss as CSV rows, the racers and their settings as JSON', () => {
    const hypers = racerSettings(defaults);
    const surface = surfaceExport('valley', [1, 2], [{ ...racer('sgd', {}), trail: [[1, 2], [0.5, 1]] }], hypers, (x, y) => x + y);
    expect(surface.csv).toBe('"optimizer","step","x","y","f"\n"sgd",0,1,2,3\n"sgd",1,0.5,1,1.5\n');
    expect(surface.json).toEqual({ problem: 'valley', start: [1, 2], racers: [{ name: 'sgd', hyper: hypers[0]!.hyper, steps: 40, diverged: false, reachedAt: null, trail: [[1, 2], [0.5, 1]] }] });
    const mlp = mlpExport('mlp', 3, [{ ...racer('adam', { reachedAt: 30 }), losses: [2.3, 1.9] }], hypers);
    expect(mlp.csv).toBe('"optimizer","step","loss"\n"adam",1,2.3\n"adam",2,1.9\n');
    expect(mlp.json).toEqual({ problem: 'mlp', seed: 3, racers: [{ name: 'adam', hyper: hypers[5]!.hyper, diverged: false, reachedAt: 30, losses: [2.3, 1.9] }] });
  });
});
