// How a test tells linear work from super-linear work without timing anything against the clock: CPU time of this
// process, and the ratio between two input sizes.

/** Milliseconds of this process's CPU time (other processes do not add to it, as they do to the clock's). */
export function cpuMs(): number {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

/** CPU milliseconds per call of `fn`, from a batch of calls lasting at least 5 ms. */
export function batch(fn: () => unknown): number {
  let count = 0
  const t0 = cpuMs()
  let t = t0
  do {
    fn()
    count++
    t = cpuMs()
  } while (t - t0 < 5)
  return (t - t0) / count
}

/**
 * How much longer `work` takes on `unit` repeated 8n times than n times (three doublings): 8 when linear, 64 when
 * quadratic. Each size's fastest of five batches, the two sizes measured in turn (a collection or a busy cache only
 * ever adds time, so the fastest batch is the least disturbed); measured again, up to three times, while the ratio is
 * `enough` or more (a linear scan disturbed once passes the second time, a quadratic one never does).
 */
export function growth(work: (text: string) => unknown, unit: string, n: number, enough: number): number {
  const small = unit.repeat(n)
  const large = unit.repeat(8 * n)
  let ratio = Number.POSITIVE_INFINITY
  for (let attempt = 0; attempt < 3 && ratio >= enough; attempt++) {
    let s = Number.POSITIVE_INFINITY
    let l = Number.POSITIVE_INFINITY
    for (let round = 0; round < 5; round++) {
      s = Math.min(
        s,
        batch(() => work(small)),
      )
      l = Math.min(
        l,
        batch(() => work(large)),
      )
    }
    ratio = Math.min(ratio, l / s)
  }
  return ratio
}
