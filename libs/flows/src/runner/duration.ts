const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** `30s`, `15m`, `24h`, `3d` in seconds (the schema guarantees the format). */
export function durationSeconds(duration: string): number {
  const unit = duration.slice(-1) as keyof typeof UNIT_SECONDS;
  return Number(duration.slice(0, -1)) * (UNIT_SECONDS[unit] ?? 1);
}
