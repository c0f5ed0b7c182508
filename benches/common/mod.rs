//! What the benchmarks share: running a piece of work many times and timing each run.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// `run` timed `runs` times after `warmup` untimed runs, fastest first.
pub fn sorted_times(warmup: usize, runs: usize, mut run: impl FnMut() -> usize) -> Vec<Duration> {
    for _ in 0..warmup {
        black_box(run());
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

/// A duration in milliseconds, for the tables.
pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
