export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Stop when the largest gradient component falls below this. */
  tolerance: number;
  memory?: number;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];

  return s;
};

/** Limited-memory BFGS with a backtracking (Armijo) line search; minimises `objective` from `start`. */
export function minimiseLbfgs(objective: Objective, start: Float64Array, options: LbfgsOptions): Float64Array {
  const memory = options.memory ?? 10;
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = objective(x, g);
  const history: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  const direction = new Float64Array(n);
  const alpha = new Float64Array(memory);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    if (g.reduce((m, v) => Math.max(m, Math.abs(v)), 0) < options.tolerance) break;
    direction.set(g);
    for (let k = history.length - 1; k >= 0; k--) {
      const h = history[k];
      alpha[k] = h.rho * dot(h.s, direction);
      for (let i = 0; i < n; i++) direction[i] -= alpha[k] * h.y[i];
    }
    const last = history[history.length - 1];
    const scale = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let i = 0; i < n; i++) direction[i] *= scale;
    for (let k = 0; k < history.length; k++) {
      const h = history[k];
      const beta = h.rho * dot(h.y, direction);
      for (let i = 0; i < n; i++) direction[i] += h.s[i] * (alpha[k] - beta);
    }
    const slope = -dot(g, direction);
    if (slope >= 0) break;
    let step = 1;
    const next = new Float64Array(n);
    const nextGradient = new Float64Array(n);
    let nextF = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) next[i] = x[i] - step * direction[i];
      nextF = objective(next, nextGradient);
      if (nextF <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextF < f)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = next[i] - x[i];
      y[i] = nextGradient[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      history.push({ s, y, rho: 1 / sy });
      if (history.length > memory) history.shift();
    }
    const converged = (f - nextF) / Math.max(1, Math.abs(f)) < 1e-10;
    x = next;
    g = nextGradient;
    f = nextF;
    if (converged) break;
  }

  return x;
}
